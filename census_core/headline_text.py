"""A headline in words: its KPI cards and the sentences the meeting would say."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from census_core.boards import CARRIED_MARK, fmt_signed_pct, stale_note
from census_core.text import fmt_date, fmt_date_short, fmt_int, fmt_pct, fmt_signed, t

if TYPE_CHECKING:
    # Only for the hints: census_core.headline imports this module to offer its names.
    from census_core.headline import Headline

_TEXT = {
    "id": {
        "count": "{measure} terdata",
        "rank": "Peringkat di {within}",
        "rank_value": "{rank} dari {of}",
        "percent": "Capaian target",
        "days_left": "Sisa hari",
        "pace": "Perlu per hari ({measure})",
        "since_yesterday": "sejak kemarin",
        "up": "naik {n}",
        "down": "turun {n}",
        "same": "tetap",
        "target_of": "dari {target}",
        "target_note": "{measure}; target = {pct} dari seluruh {measure}",
        "until": "s.d. {date}",
        "recent": "kini {value}",
        "recent_note": "rata-rata 7 hari",
        "above": "Tepat di atas",
        "gap": "selisih {gap}",
        "gap_note": "{measure}",
        "first": "Teratas",
        "gain": "Naik 7 hari ({measure})",
        "gain_note": "poin % target",
        "no_count": "{name} belum punya data s.d. {date}.",
        "sentence": "{name} peringkat {rank} dari {of} {level} di {within} menurut {by}: "
        "{count} {measure} ({pct} dari target), {change} sejak kemarin.",
        "pace_sentence": "Agar target {target} {measure} ({target_pct} dari seluruh {measure}) "
        "tercapai pada {deadline} perlu {pace} {measure} per hari selama {days} hari lagi.",
        "reached": "Target {target} {measure} ({target_pct} dari seluruh {measure}) "
        "sudah tercapai.",
        "over": "Batas waktu {deadline} sudah lewat.",
        "stale": "Angka terakhir {name}: {note}.",
        "by_count": "jumlah {measure}",
    },
    "en": {
        "count": "{measure} counted",
        "rank": "Rank in {within}",
        "rank_value": "{rank} of {of}",
        "percent": "Share of target",
        "days_left": "Days left",
        "pace": "Needed per day ({measure})",
        "since_yesterday": "since yesterday",
        "up": "up {n}",
        "down": "down {n}",
        "same": "no change",
        "target_of": "of {target}",
        "target_note": "{measure}; target = {pct} of all {measure}",
        "until": "to {date}",
        "recent": "now {value}",
        "recent_note": "7-day average",
        "above": "Next above",
        "gap": "gap {gap}",
        "gap_note": "{measure}",
        "first": "On top",
        "gain": "Gain in 7 days ({measure})",
        "gain_note": "% points of target",
        "no_count": "{name} has no data up to {date}.",
        "sentence": "{name} ranks {rank} of {of} {level} in {within} by {by}: "
        "{count} {measure} ({pct} of target), {change} since yesterday.",
        "pace_sentence": "To reach the target of {target} {measure} ({target_pct} of all "
        "{measure}) by {deadline} it needs {pace} {measure} a day for {days} more days.",
        "reached": "The target of {target} {measure} ({target_pct} of all {measure}) is reached.",
        "over": "The deadline {deadline} has passed.",
        "stale": "Latest figure of {name}: {note}.",
        "by_count": "number of {measure}",
    },
}

# English needs plurals of the level labels ("31 of 31 districts"); Indonesian does not.
_PLURAL = {
    "en": {
        "province": "provinces",
        "regency/city": "regencies/cities",
        "district": "districts",
        "village": "villages",
    }
}


def _w(lang: str) -> dict[str, str]:
    return _TEXT.get(lang, _TEXT["id"])


@dataclass(frozen=True)
class Kpi:
    """One KPI card: label, big value, and a small line under it whose sign sets its colour."""

    label: str
    value: str
    delta: str | None = None
    trend: int = 0  # 1 good (up), -1 bad (down), 0 neutral or no change
    note: str | None = None  # what the delta compares with, in small muted text
    cue: str = ""  # '▲', '▼' or '=' before a change, so colour is never the only sign


ARROWS = {1: "▲", -1: "▼", 0: "="}


def arrow(direction: float) -> str:
    """'▲' for a rise, '▼' for a fall, '=' for no change."""
    return ARROWS[_sign(direction)]


def kpis(
    h: Headline,
    within_name: str,
    measure_label: str,
    target_pct: float,
    lang: str = "id",
    *,
    with_gap: bool = False,
    with_gain: bool = False,
) -> list[Kpi]:
    """The KPI cards of a headline: count, rank, share, (gap,) days left, pace, (7-day gain).

    Empty for a region with no count yet: the sentence says so, empty cards would not.
    """
    if h.count is None:
        return []
    w = _w(lang)
    since = w["since_yesterday"]
    carried = h.stale and h.last_date is not None
    cards = [
        Kpi(
            _capital(w["count"].format(measure=measure_label)),
            fmt_int(h.count, lang) + (CARRIED_MARK if carried else ""),
            None if h.change is None else fmt_signed(h.change, lang),
            _sign(h.change),
            # A carried-forward figure says so under itself, on a phone too.
            t("carried.card", lang, date=fmt_date(h.last_date, lang))
            if carried
            else (since if h.change is not None else None),
            "" if h.change is None else arrow(_sign(h.change)),
        )
    ]
    moved = h.rank_change or 0
    move_text = (
        w["up"].format(n=moved)
        if moved > 0
        else (w["down"].format(n=-moved) if moved < 0 else w["same"])
    )
    cards.append(
        Kpi(
            w["rank"].format(within=within_name),
            w["rank_value"].format(rank=h.rank or "–", of=h.of),
            None if h.rank_change is None else move_text,
            _sign(moved),
            since if h.rank_change is not None else None,
            "" if h.rank_change is None else arrow(moved),
        )
    )
    cards.append(
        Kpi(
            w["percent"],
            fmt_pct(h.percent, lang),
            w["target_of"].format(target=fmt_int(h.target, lang)),
            0,
            w["target_note"].format(pct=fmt_pct(target_pct, lang, 0), measure=measure_label),
        )
    )
    if with_gap:
        if h.rank == 1:
            cards.append(Kpi(w["above"], w["first"]))
        elif h.above_name is not None:
            cards.append(
                Kpi(
                    w["above"],
                    h.above_name,
                    w["gap"].format(gap=fmt_int(h.gap, lang)),
                    0,
                    w["gap_note"].format(measure=measure_label),
                )
            )
    cards.append(
        Kpi(
            w["days_left"],
            fmt_int(h.days_left, lang),
            w["until"].format(date=fmt_date_short(h.deadline, lang)),
        )
    )
    recent = None
    behind = 0
    if h.recent_pace is not None:
        recent = w["recent"].format(value=fmt_int(h.recent_pace, lang))
        if h.pace_needed is not None:
            behind = 1 if h.recent_pace >= h.pace_needed else -1
    cards.append(
        Kpi(
            w["pace"].format(measure=measure_label),
            fmt_int(h.pace_needed, lang),
            recent,
            behind,
            w["recent_note"] if recent else None,
            arrow(behind) if behind else "",
        )
    )
    if with_gain and h.recent_gain is not None:
        cards.append(
            Kpi(
                w["gain"].format(measure=measure_label),
                fmt_signed(h.recent_gain, lang),
                None if h.recent_gain_pct is None else fmt_signed_pct(h.recent_gain_pct, lang),
                _sign(round(h.recent_gain_pct or 0, 1)),
                w["gain_note"],
                "" if h.recent_gain_pct is None else arrow(round(h.recent_gain_pct, 1)),
            )
        )
    return cards


def _capital(text: str) -> str:
    """'households counted' -> 'Households counted'; 'KK terdata' stays as it is."""
    return text[:1].upper() + text[1:]


def _sign(value: float | None) -> int:
    return 0 if not value else (1 if value > 0 else -1)


def sentences(
    h: Headline,
    level_label: str,
    within_name: str,
    by: str,
    measure_label: str,
    target_pct: float,
    lang: str = "id",
) -> list[str]:
    """The headline in words, as the meeting would say it."""
    w = _w(lang)
    if h.count is None:
        return [w["no_count"].format(name=h.name, date=fmt_date(h.day, lang))]
    by_text = t(f"by.{by}", lang)
    if by == "count":
        by_text = w["by_count"].format(measure=measure_label)
    out = [
        w["sentence"].format(
            name=h.name,
            rank=h.rank,
            of=h.of,
            level=_PLURAL.get(lang, {}).get(level_label, level_label),
            within=within_name,
            by=by_text,
            count=fmt_int(h.count, lang),
            measure=measure_label,
            pct=fmt_pct(h.percent, lang),
            change=fmt_signed(h.change, lang),
        )
    ]
    # The target's share is of all families (or persons), and said so: the sentence before
    # gives the share of target, a different scale.
    target_text = fmt_pct(target_pct, lang, 0)
    target = fmt_int(h.target, lang) if h.target is not None else "–"
    if h.pace_needed == 0:
        reached = w["reached"].format(target_pct=target_text, target=target, measure=measure_label)
        out.append(reached)
    elif h.days_left == 0:
        out.append(w["over"].format(deadline=fmt_date(h.deadline, lang)))
    elif h.pace_needed is not None:
        out.append(
            w["pace_sentence"].format(
                target_pct=target_text,
                target=target,
                deadline=fmt_date(h.deadline, lang),
                pace=fmt_int(h.pace_needed, lang),
                measure=measure_label,
                days=h.days_left,
            )
        )
    if h.stale and h.last_date is not None:
        out.append(w["stale"].format(name=h.name, note=stale_note(h.last_date, lang)))
    return out

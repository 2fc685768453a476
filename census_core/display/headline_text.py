"""A headline in words: its KPI cards and the sentences the meeting would say."""

from __future__ import annotations

from census_core.display.headline import Headline, Kpi
from census_core.regions import level_label
from census_core.standings.pace import status_text
from census_core.text import (
    CARRIED_MARK,
    fmt_date,
    fmt_date_short,
    fmt_int,
    fmt_pct,
    fmt_signed,
    fmt_signed_pct,
    share_of_target,
    stale_note,
    t,
    target_name,
)

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
    since = t("headline.since_yesterday", lang)
    carried = h.stale and h.last_date is not None
    cards = [
        Kpi(
            _capital(t("headline.count", lang, measure=measure_label)),
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
        t("headline.up", lang, n=moved)
        if moved > 0
        else (t("headline.down", lang, n=-moved) if moved < 0 else t("headline.same", lang))
    )
    cards.append(
        Kpi(
            t("headline.rank", lang, within=within_name),
            t("headline.rank_value", lang, rank=h.rank or "–", of=h.of),
            None if h.rank_change is None else move_text,
            _sign(moved),
            since if h.rank_change is not None else None,
            "" if h.rank_change is None else arrow(moved),
        )
    )
    cards.append(
        Kpi(
            t("headline.percent", lang),
            fmt_pct(h.percent, lang),
            t("headline.target_of", lang, target=fmt_int(h.target, lang)),
            0,
            t(
                "headline.target_note",
                lang,
                pct=fmt_pct(target_pct, lang, 0),
                measure=measure_label,
            ),
        )
    )
    if with_gap:
        if h.rank == 1:
            cards.append(Kpi(t("headline.above", lang), t("headline.first", lang)))
        elif h.above_name is not None:
            cards.append(
                Kpi(
                    t("headline.above", lang),
                    h.above_name,
                    t("headline.gap", lang, gap=fmt_int(h.gap, lang)),
                    0,
                    t("headline.gap_note", lang, measure=measure_label),
                )
            )
    cards.append(
        Kpi(
            t("headline.days_left", lang),
            fmt_int(h.days_left, lang),
            t("headline.until", lang, date=fmt_date_short(h.deadline, lang)),
        )
    )
    recent = None
    behind = 0
    if h.recent_pace is not None:
        recent = t("headline.recent", lang, value=fmt_int(h.recent_pace, lang))
        if h.pace_needed is not None:
            behind = 1 if h.recent_pace >= h.pace_needed else -1
    cards.append(
        Kpi(
            t("headline.pace", lang, measure=measure_label),
            fmt_int(h.pace_needed, lang),
            recent,
            behind,
            t("headline.recent_note", lang, days=h.recent_days)
            if recent
            else t("headline.needs_days", lang),
            arrow(behind) if behind else "",
        )
    )
    if h.status is not None:
        cards.append(status_kpi(h, lang))
    if with_gain and h.recent_gain is not None:
        cards.append(
            Kpi(
                t("headline.gain", lang, days=h.recent_days, measure=measure_label),
                fmt_signed(h.recent_gain, lang),
                None if h.recent_gain_pct is None else fmt_signed_pct(h.recent_gain_pct, lang),
                _sign(round(h.recent_gain_pct or 0, 1)),
                t("headline.gain_note", lang),
                "" if h.recent_gain_pct is None else arrow(round(h.recent_gain_pct, 1)),
            )
        )
    elif with_gain:  # one day of figures: say a gain needs more, rather than invent one
        cards.append(
            Kpi(
                t("headline.gain", lang, days=h.recent_days, measure=measure_label),
                "–",
                note=t("headline.needs_days", lang),
            )
        )
    return cards


def status_kpi(h: Headline, lang: str = "id") -> Kpi:
    """The status against the pace needed, and under it where the 7-day pace takes the region:
    'tercapai 28 Mar', or '29% pada 31 Mar' when it falls short by the deadline."""
    good = 1 if h.status in ("reached", "on_track") else (-1 if h.status == "behind" else 0)
    if h.status == "reached":
        return Kpi(t("pace.status", lang), status_text(h.status, lang))
    if h.expected_date is not None and h.expected_date <= h.deadline:
        delta = t("pace.expected", lang, date=fmt_date_short(h.expected_date, lang))
    elif h.projected_pct is not None:
        delta = t(
            "pace.short_of",
            lang,
            pct=fmt_pct(h.projected_pct, lang, 0),
            date=fmt_date_short(h.deadline, lang),
        )
    else:
        delta = None
    note = t("pace.status_note", lang) if delta else None
    return Kpi(t("pace.status", lang), status_text(h.status, lang), delta, good, note)


def _capital(text: str) -> str:
    """'households counted' -> 'Households counted'; 'KK terdata' stays as it is."""
    return text[:1].upper() + text[1:]


def _sign(value: float | None) -> int:
    return 0 if not value else (1 if value > 0 else -1)


def share_text(h: Headline, target_pct: float, lang: str = "id") -> str:
    """'7,6% dari target Pemkab 50%': the share and the target it is of, named as the caption
    above the boards and the daily message name it, but from the region's own row, so a region
    measured by a fallback says so ('target 50% (Penduduk 100%)'); 'tanpa target' without one."""
    if h.percent is None:
        return target_name(None, target_pct, lang)
    # A board made without source names (None) holds the unnamed target: by its share.
    label = target_name(h.target_source or "", target_pct, lang)
    return share_of_target(h.percent, label, lang)


def sentences(
    h: Headline,
    level: str,
    within_name: str,
    by: str,
    measure_label: str,
    target_pct: float,
    lang: str = "id",
) -> list[str]:
    """The headline in words, as the meeting would say it."""
    if h.count is None:
        return [t("headline.no_count", lang, name=h.name, date=fmt_date(h.day, lang))]
    by_text = t(f"by.{by}", lang)
    if by == "count":
        by_text = t("headline.by_count", lang, measure=measure_label)
    out = [
        t(
            "headline.sentence",
            lang,
            name=h.name,
            rank=h.rank,
            of=h.of,
            level=level_label(level, lang, plural=True),
            within=within_name,
            by=by_text,
            count=fmt_int(h.count, lang),
            measure=measure_label,
            share=share_text(h, target_pct, lang),
            change=fmt_signed(h.change, lang),
        )
    ]
    # The target's share is of all families (or persons), and said so: the sentence before
    # gives the share of target, a different scale.
    target_text = fmt_pct(target_pct, lang, 0)
    target = fmt_int(h.target, lang) if h.target is not None else "–"
    if h.pace_needed == 0:
        reached = t(
            "headline.reached", lang, target_pct=target_text, target=target, measure=measure_label
        )
        out.append(reached)
    elif h.days_left == 0:
        out.append(t("headline.over", lang, deadline=fmt_date(h.deadline, lang)))
    elif h.pace_needed is not None:
        out.append(
            t(
                "headline.pace_sentence",
                lang,
                target_pct=target_text,
                target=target,
                deadline=fmt_date(h.deadline, lang),
                pace=fmt_int(h.pace_needed, lang),
                measure=measure_label,
                days=h.days_left,
            )
        )
    if h.stale and h.last_date is not None:
        out.append(t("headline.stale", lang, name=h.name, note=stale_note(h.last_date, lang)))
    return out

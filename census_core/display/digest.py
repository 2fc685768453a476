"""The daily message for the coordination group, and the link that shares a page on WhatsApp.

Written from home_view's headline and kecamatan board, so its figures are the pages' figures.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

import pandas as pd

from census_core.display.attention import quiet_regions, target_label
from census_core.display.boards import carried_note
from census_core.display.views import HomeView, home_view, measure_label
from census_core.regions import level_label, province_of
from census_core.settings import Settings
from census_core.standings.snapshot import Snapshot
from census_core.text import (
    CARRIED_MARK,
    figure_text,
    fmt_date,
    fmt_int,
    fmt_pct,
    fmt_signed,
    is_carried,
    stale_note,
    t,
)

WHATSAPP = "https://wa.me/?text="
SHOWN = 3  # kecamatan named at the top and at the bottom


def daily_message(
    snap: Snapshot,
    settings: Settings,
    day: date,
    lang: str = "id",
    measure: str = "households",
    *,
    view: HomeView | None = None,
) -> str:
    """The day's text for the group: standing, target, top and bottom three, the biggest gain,
    who has not reported and the pace needed; by count, as the home page first shows it.

    `view`: that home page's view when the caller has it (home_view by count, no search)."""
    if view is None:
        view = home_view(snap, settings, day, measure=measure, lang=lang)
    home_name = snap.regions.name(settings.home)
    lines = [t("digest.title", lang, name=home_name, date=fmt_date(day, lang))]
    head = view.headline
    if head is None or head.count is None:
        return "\n".join([*lines, *view.sentences])
    label = measure_label(measure, lang)
    count = fmt_int(head.count, lang) + (CARRIED_MARK if head.stale else "")
    standing = {
        "name": head.name,
        "count": count,
        "measure": label,
        "rank": head.rank,
        "of": head.of,
        "level": level_label("kabupaten", lang, plural=True),
        "within": snap.regions.name(province_of(settings.home)),
    }
    if head.change is None:
        lines.append(t("digest.standing", lang, **standing))
    else:
        change = fmt_signed(head.change, lang)
        lines.append(t("digest.standing_change", lang, change=change, **standing))
    if head.percent is not None:
        target = fmt_int(head.target, lang)
        lines.append(
            t(
                "digest.target",
                lang,
                pct=fmt_pct(head.percent, lang),
                source=target_label(snap.target_source(settings), settings, lang),
                target=target,
                measure=label,
            )
        )
    board = view.boards[1].full
    ranked = board[board["rank"].notna()]
    if not ranked.empty:
        lines.append(t("digest.highest", lang, regions=_entries(ranked.head(SHOWN), lang)))
        lines.append(t("digest.lowest", lang, regions=_entries(ranked.tail(SHOWN), lang)))
    lines.append(_gain(board, label, lang))
    lines.append(_not_reported(quiet_regions(snap, settings, day, measure), lang))
    if head.pace_needed is not None:
        lines.append(_pace(head.pace_needed, head.days_left, head.deadline, label, lang))
    marked = [row for row in board.to_dict("records") if is_carried(row)]
    if head.stale or marked:
        lines.append(
            carried_note(board, lang)
            or t("carried.card", lang, date=fmt_date(head.last_date, lang))
        )
    return "\n".join(lines)


def _entries(rows: pd.DataFrame, lang: str) -> str:
    """'1. Kaliwates 4.040; 2. Sumbersari 3.612': rank, name and figure, as on the board."""
    return "; ".join(
        t(
            "digest.entry",
            lang,
            rank=fmt_int(row["rank"], lang),
            name=row["name"],
            count=figure_text(row, lang),
        )
        for row in rows.to_dict("records")
    )


def _gain(board: pd.DataFrame, label: str, lang: str) -> str:
    """The kecamatan whose figure rose most since yesterday (all of them on a tie)."""
    changes = board["change"].dropna()
    if changes.empty or changes.max() <= 0:
        return t("digest.no_gain", lang)
    best = board[board["change"] == changes.max()]
    names = ", ".join(best["name"].astype(str))
    return t(
        "digest.gain", lang, names=names, change=fmt_signed(changes.max(), lang), measure=label
    )


def _not_reported(quiet: pd.DataFrame, lang: str) -> str:
    """Kecamatan gone quiet (attention.quiet_regions, CENSUS_QUIET_DAYS): their figure is
    carried forward, or there is none."""
    late = quiet[quiet["quiet"].astype(bool)]
    if late.empty:
        return t("digest.all_reported", lang)
    entries = [
        t(
            "digest.late",
            lang,
            name=row["name"],
            note=t("board.no_data", lang)
            if pd.isna(row["last_date"])
            else stale_note(row["last_date"], lang),
        )
        for row in late.to_dict("records")
    ]
    return t("digest.not_reported", lang, n=len(entries), regions=", ".join(entries))


def _pace(pace: int, days: int, deadline: date, label: str, lang: str) -> str:
    """What the deadline asks per day; or that the target is reached, or the time is up."""
    if pace == 0:
        return t("digest.reached", lang)
    if days == 0:
        return t("headline.over", lang, deadline=fmt_date(deadline, lang))
    return t(
        "digest.pace",
        lang,
        pace=fmt_int(pace, lang),
        measure=label,
        days=days,
        deadline=fmt_date(deadline, lang),
    )


def kecamatan_path(code: str, measure: str = "households", day: date | None = None) -> str:
    """The kecamatan page's address within the app: '/kecamatan?wilayah=35.09.25', with the
    measure when it is not families and the day when it is not the latest
    ('&measure=persons&asof=2020-03-01')."""
    path = f"/kecamatan?wilayah={code}"
    if measure != "households":
        path += f"&measure={measure}"
    if day is not None:
        path += f"&asof={day.isoformat()}"
    return path


def page_address(path: str, settings: Settings) -> str:
    """A page's address as shared: absolute under CENSUS_PUBLIC_URL, else the path itself."""
    return f"{settings.public_url}{path}" if settings.public_url else path


def whatsapp_link(sentence: str, path: str, settings: Settings) -> str:
    """A wa.me link that opens WhatsApp with the sentence and the page's address typed in.

    Nothing is sent by the server: the reader's phone opens the chat and the reader sends it.
    """
    text = f"{sentence}\n{page_address(path, settings)}"
    return WHATSAPP + quote(text, safe="")

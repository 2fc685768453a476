"""The short meeting order's board slides: the top and bottom of a board with the home row,
who moved and who has not reported, each one slide in place of a board's four pages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from census_core.display.attention import is_quiet
from census_core.display.boards import carried_note
from census_core.presentation.board_pages import board_columns, board_rows, row_notes
from census_core.presentation.slide import ROWS_PER_SLIDE, Slide
from census_core.settings import DEFAULT_TARGET_PCT
from census_core.text import fmt_date, t

# Rows at each end of a board on its short slide: 5 + 5, or 4 + 1 + 4 when the home row stands
# between the ends, so it fits one slide (ROWS_PER_SLIDE).
ENDS = 5
# A region "has not reported" when its last count is more than this many days before the day
# (CENSUS_QUIET_DAYS; attention.is_quiet, the one rule).
QUIET_DAYS = 2


def ends_size(board: pd.DataFrame, highlight: str | None = None, n: int = ENDS) -> int:
    """Rows at each end: `n`, one fewer when the home row stands between the ends and needs
    a line of its own."""
    ranked = board[board["rank"].notna()]
    if highlight is None or len(ranked) <= 2 * n:
        return n
    inside = set(ranked["code"].iloc[:n]) | set(ranked["code"].iloc[-n:])
    return n if highlight in inside else n - 1


def ends_rows(board: pd.DataFrame, n: int, highlight: str | None = None) -> pd.DataFrame:
    """The first and last `n` ranked rows of a board, and the home row wherever it stands,
    in board order."""
    ranked = board[board["rank"].notna()]
    keep = set(ranked["code"].iloc[:n]) | set(ranked["code"].iloc[-n:] if n else [])
    if highlight is not None:
        keep.add(highlight)
    return board[board["code"].isin(keep)]


def movers_rows(board: pd.DataFrame, limit: int = ROWS_PER_SLIDE) -> pd.DataFrame:
    """The regions whose place changed since the day before, most places first (ties by
    rank), at most `limit`."""
    moved = board[board["rank_change"].notna() & (board["rank_change"] != 0)]
    order = moved.assign(_by=-moved["rank_change"].abs()).sort_values(
        ["_by", "rank"], kind="stable"
    )
    return order.drop(columns="_by").head(limit)


def quiet_rows(board: pd.DataFrame, day: date, days: int = QUIET_DAYS) -> pd.DataFrame:
    """The regions whose last report is more than `days` days before `day` (attention.is_quiet):
    the oldest report first, those that never reported last."""
    last = pd.to_datetime(board["last_date"])
    mask = [is_quiet(d, day, days) for d in board["last_date"]]
    quiet = board[pd.Series(mask, index=board.index, dtype=bool)]
    return quiet.assign(_at=last[quiet.index]).sort_values("_at", kind="stable").drop(columns="_at")


def summary_slides(
    board: pd.DataFrame,
    level: str,
    title: str,
    within: str,
    day: date,
    measure_label: str,
    lang: str = "id",
    *,
    name_label: str = "",
    highlight: str | None = None,
    quiet_days: int | None = QUIET_DAYS,
    target_pct: float = DEFAULT_TARGET_PCT,
) -> list[Slide]:
    """A board's short slides: its ends with the home row (the highest and lowest tagged in
    their rows: no call-out lines, so ten rows fit a 4:3 screen); who moved and who has not
    reported, each only when there is someone to show."""
    columns = board_columns(name_label, measure_label, lang)
    n = ends_size(board, highlight)
    ends = ends_rows(board, n, highlight)
    slides = [
        Slide(
            "board",
            title,
            t("slide.ends_sub", lang, n=n),
            columns=columns,
            rows=tuple(
                board_rows(
                    ends, board, lang, highlight=highlight, extremes=True, target_pct=target_pct
                )
            ),
            key=f"{level}-ends",
            footnote=carried_note(ends, lang),
        )
    ]
    moved = movers_rows(board)
    if not moved.empty:
        slides.append(
            Slide(
                "board",
                t("slide.movers", lang, level=name_label.lower(), within=within),
                t("slide.movers_sub", lang, date=fmt_date(day, lang)),
                columns=columns,
                rows=tuple(
                    board_rows(moved, board, lang, highlight=highlight, target_pct=target_pct)
                ),
                key=f"{level}-moves",
                footnote=carried_note(moved, lang),
            )
        )
    quiet = quiet_rows(board, day, quiet_days) if quiet_days is not None else board.iloc[0:0]
    if not quiet.empty:
        shown = quiet.head(ROWS_PER_SLIDE)
        slides.append(
            Slide(
                "board",
                t("slide.quiet", lang, level=name_label.lower(), within=within, days=quiet_days),
                t("slide.quiet_sub", lang, n=len(quiet)),
                columns=columns,
                rows=tuple(
                    board_rows(shown, board, lang, highlight=highlight, target_pct=target_pct)
                ),
                key=f"{level}-quiet",
                footnote=carried_note(shown, lang),
            )
        )
    # Each row in a sentence, as the speaker notes of the deck to take away.
    return [replace(s, notes=tuple(row_notes(list(s.rows), measure_label, lang))) for s in slides]

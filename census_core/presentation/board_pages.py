"""Board slides: a standings board cut into pages of rows, the home row and the extremes tagged."""

from __future__ import annotations

import math

import pandas as pd

from census_core.display.boards import carried_note
from census_core.presentation.slide import ROWS_PER_SLIDE, Row, Slide
from census_core.regions import short_name
from census_core.settings import DEFAULT_TARGET_PCT
from census_core.standings.pace import status_text
from census_core.text import figure_text, fmt_int, fmt_pct, fmt_signed, t, target_name

# The marks a board row can carry (Row.tags), in the order they are shown, and their words.
TAGS = {"home": "slide.tag.home", "top": "slide.tag.top", "bottom": "slide.tag.bottom"}


def tag_word(tag: str, lang: str = "id") -> str:
    """The word a row's tag shows: 'kita' for the home row, 'tertinggi', 'terendah'."""
    return t(TAGS[tag], lang)


def page_slices(n: int, size: int = ROWS_PER_SLIDE) -> list[slice]:
    """The fewest pages of at most `size` rows, as even as possible (38 -> 10, 10, 9, 9)."""
    if n <= 0:
        return []
    pages = math.ceil(n / size)
    base, extra = divmod(n, pages)
    out, start = [], 0
    for i in range(pages):
        stop = start + base + (1 if i < extra else 0)
        out.append(slice(start, stop))
        start = stop
    return out


def rank_move(change: object) -> tuple[str, int]:
    """'▲ 2' / '▼ 1' / '=' with its sign; the arrow says it, colour only repeats it."""
    if change is None or pd.isna(change):  # type: ignore[call-overload]
        return "", 0
    step = int(change)  # type: ignore[call-overload]
    if step > 0:
        return f"▲ {step}", 1
    if step < 0:
        return f"▼ {-step}", -1
    return "=", 0


def board_slides(
    board: pd.DataFrame,
    title: str,
    measure_label: str,
    lang: str = "id",
    *,
    name_label: str = "",
    highlight: str | None = None,
    callouts: bool = False,
    target_pct: float = DEFAULT_TARGET_PCT,
    key: str = "board",
) -> list[Slide]:
    """A board cut into pages of at most ROWS_PER_SLIDE rows, the home row and extremes tagged."""
    lines = extreme_lines(board, measure_label, lang) if callouts else ()
    rows = board_rows(
        board, board, lang, highlight=highlight, extremes=callouts, target_pct=target_pct
    )
    columns = board_columns(name_label, measure_label, lang)
    pages = page_slices(len(rows))
    said = row_notes(rows, measure_label, lang)
    return [
        Slide(
            "board",
            title,
            t("slide.page", lang, page=i + 1, pages=len(pages)),
            columns=columns,
            rows=tuple(rows[part]),
            callouts=lines,
            key=f"{key}-{i + 1}",
            footnote=carried_note(board.iloc[part], lang),
            notes=_notes(lines, said[part], carried_note(board.iloc[part], lang)),
        )
        for i, part in enumerate(pages)
    ]


def _notes(callouts: tuple[str, ...], rows: list[str], footnote: str) -> tuple[str, ...]:
    """A board page in sentences: the highest and lowest, each row of the page, the footnote."""
    return (*callouts, *rows, *([footnote] if footnote else []))


def row_notes(rows: list[Row], measure_label: str, lang: str = "id") -> list[str]:
    """Each slide row in one sentence, for the speaker notes."""
    return [
        t(
            "slide.note_row",
            lang,
            rank=row.rank,
            name=row.name,
            count=row.count,
            measure=measure_label,
            share=t("target.share", lang, pct=row.percent, target=row.target)
            if row.target
            else target_name(None, 0, lang),
            change=row.change,
        )
        for row in rows
    ]


def slide_name(name: str, names: set[str], lang: str = "id") -> str:
    """A region's name on a slide: 'Jember', 'Kota Malang'; 'Kab. Mojokerto' where the board
    also holds 'Kota Mojokerto', so the two stay apart."""
    short = short_name(name)
    if short != name and f"Kota {short}" in names:
        return t("slide.kab", lang, name=short)
    return short


def board_columns(name_label: str, measure_label: str, lang: str) -> tuple[str, ...]:
    """The heads of a board slide's columns."""
    return (
        t("slide.col.rank", lang),
        name_label,
        measure_label,
        t("slide.col.percent", lang),
        t("slide.col.change", lang),
        t("slide.col.move", lang),
        t("pace.status", lang),
    )


def board_rows(
    rows: pd.DataFrame,
    board: pd.DataFrame,
    lang: str = "id",
    *,
    highlight: str | None = None,
    extremes: bool = False,
    target_pct: float = DEFAULT_TARGET_PCT,
) -> list[Row]:
    """`rows` of `board` as slide rows, every cell written; the home row tagged, and with
    `extremes` the rows ranked first and last (ties included). `target_pct` names the unnamed
    target ('target 50%'), as the headline names it."""
    top, bottom = _extremes(board) if extremes else (set(), set())
    names = set(board["name"].astype(str))
    out = []
    for rec in rows.to_dict("records"):
        marked = {
            "home": rec["code"] == highlight,
            "top": rec["code"] in top,
            "bottom": rec["code"] in bottom and rec["code"] not in top,
        }
        move, sign = rank_move(rec["rank_change"])
        out.append(
            Row(
                rank=fmt_int(rec["rank"], lang),
                name=slide_name(str(rec["name"]), names, lang),
                count=figure_text(rec, lang),
                percent=fmt_pct(rec["percent"], lang),
                change=fmt_signed(rec["change"], lang),
                move=move,
                move_sign=sign,
                tags=tuple(tag for tag in TAGS if marked[tag]),
                status="" if rec.get("status") is None else status_text(rec["status"], lang),
                status_sign={"reached": 1, "on_track": 1, "behind": -1}.get(
                    str(rec.get("status")), 0
                ),
                target=_target_of(rec, target_pct, lang),
            )
        )
    return out


def _target_of(rec: dict, target_pct: float, lang: str) -> str:
    """The target a row's share is of, as its target_source says (headline_text.share_text);
    empty for a row without a share."""
    if rec.get("percent") is None or pd.isna(rec["percent"]):
        return ""
    source = rec.get("target_source")
    return target_name("" if source is None or pd.isna(source) else str(source), target_pct, lang)


def _extremes(board: pd.DataFrame) -> tuple[set[str], set[str]]:
    """The codes ranked first and last (ties included)."""
    ranked = board[board["rank"].notna()]
    if ranked.empty:
        return set(), set()
    top = set(ranked.loc[ranked["rank"] == ranked["rank"].min(), "code"])
    bottom = set(ranked.loc[ranked["rank"] == ranked["rank"].max(), "code"])
    return top, bottom


def extreme_lines(board: pd.DataFrame, measure_label: str, lang: str) -> tuple[str, ...]:
    """The two lines that name the highest and the lowest of a board."""
    ranked = board[board["rank"].notna()]
    if ranked.empty:
        return ()
    names = set(board["name"].astype(str))
    return tuple(
        t(
            key,
            lang,
            name=slide_name(str(rec["name"]), names, lang),
            value=f"{fmt_int(rec['count'], lang)} {measure_label}",
        )
        for key, rec in (("slide.highest", ranked.iloc[0]), ("slide.lowest", ranked.iloc[-1]))
    )

"""A ranking board: a table with a share-of-target bar, the home row highlighted, downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from census_core.display.export import export_frame, to_csv, to_csv_id, to_xlsx
from census_core.text import t

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HIGHLIGHT = "background-color: #fff1b8; font-weight: 700"
ROW_PX = 35
UP, DOWN = "color: #0b6e4f; font-weight: 700", "color: #b42318; font-weight: 700"


def _arrow_color(text: str) -> str:
    return UP if text.startswith("▲") else (DOWN if text.startswith("▼") else "")


def _sign_color(text: str) -> str:
    return DOWN if text.startswith("−") else ""


def table(frame: pd.DataFrame, empty: str, key: str | None = None) -> None:
    """A plain table, or with no rows the sentence `empty`: Streamlit would draw an empty
    table that says 'empty' in English."""
    if frame.empty:
        st.caption(empty)
        return
    st.dataframe(frame, hide_index=True, width="stretch", key=key)


def board_table(
    rows: pd.DataFrame,
    codes: pd.Series,
    lang: str,
    *,
    highlight: str | None = None,
    key: str,
    max_rows: int = 40,
    compact: bool = False,
) -> None:
    """Draw display rows; `codes` (same order) find the highlighted row.

    `compact` (for phones) shows '#' for the rank and leaves out the rank arrows and notes.
    """
    order = None
    if compact:
        order = [
            t("board.rank", lang),
            t("board.name", lang),
            rows.columns[2],
            t("board.percent", lang),
            t("board.progress", lang),
            t("board.change", lang),
        ]
        if t("pace.status", lang) in rows.columns:  # a phone sees the status too
            order.insert(5, t("pace.status", lang))
    marks = (codes == highlight).to_numpy() if highlight is not None else None
    arrows, changes = rows[t("board.rank_change", lang)], rows[t("board.change", lang)]
    styled = (
        (marks is not None and bool(marks.any()))
        or (not compact and bool(arrows.astype(str).str.startswith(("▲", "▼")).any()))
        or bool(changes.astype(str).str.startswith("−").any())
    )
    # A Styler only when it would show something: Streamlit works it out again on every run
    # (a phone's desa table has no highlight, no arrows and seldom a fall).
    data = (
        rows.style.apply(
            lambda r: [HIGHLIGHT if marks is not None and marks[r.name] else ""] * len(r), axis=1
        )
        # Climbers green, fallers red: readable from the back of a meeting room.
        .map(_arrow_color, subset=[t("board.rank_change", lang)])
        .map(_sign_color, subset=[t("board.change", lang)])
        if styled
        else rows
    )
    st.dataframe(
        data,
        hide_index=True,
        width="stretch",
        # Tall enough to show every row on a projector without an inner scrollbar.
        height=ROW_PX * (min(len(rows), max_rows) + 1) + 3,
        key=key,
        column_order=order,
        column_config={
            t("board.rank", lang): st.column_config.TextColumn(
                "#" if compact else None, width="small"
            ),
            t("board.progress", lang): st.column_config.ProgressColumn(
                # The bar only; the written share (12,5%) is the column before, formatted in Python.
                format=" ",
                min_value=0,
                max_value=100,
                width="medium",
            ),
        },
    )


def downloads(board: pd.DataFrame, name: str, measure: str, lang: str, key: str) -> None:
    """XLSX first, CSV for Excel set to Indonesian (`;`, decimal commas), plain CSV; spreadsheet
    formulas neutralised in each."""
    frame = export_frame(board, measure, lang)
    files = (
        (t("export.download_xlsx", lang), lambda: to_xlsx(frame), "xlsx", XLSX, "xlsx"),
        (t("export.csv_id", lang), lambda: to_csv_id(frame), "csv", "text/csv", "csv_id"),
        (t("export.download_csv", lang), lambda: to_csv(frame), "csv", "text/csv", "csv"),
    )
    for col, (label, data, ext, mime, kind) in zip(st.columns(3), files, strict=True):
        col.download_button(
            label,
            data,
            file_name=f"{name}-excel-id.csv" if kind == "csv_id" else f"{name}.{ext}",
            mime=mime,
            key=f"{key}_{kind}",
            icon=":material/download:",  # not an emoji: boxes on a machine without an emoji font
            on_click="ignore",
            width="stretch",
        )

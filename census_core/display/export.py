"""A board as CSV and XLSX files, safe to open in a spreadsheet (no cell becomes a formula)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import xlsxwriter

from census_core.display.boards import note_of
from census_core.markup import neutralise
from census_core.text import is_carried, t


def export_frame(
    board: pd.DataFrame, measure: str = "households", lang: str = "id"
) -> pd.DataFrame:
    """A standings board as plain values (numbers stay numbers) under the language's headers."""
    label = t(f"measure.{measure}", lang)
    out = pd.DataFrame(
        {
            t("export.rank", lang): board["rank"].astype("Int64"),
            t("export.code", lang): board["code"].astype(str),
            t("export.name", lang): board["name"].astype(str),
            t("export.count", lang, measure=label): board["count"].astype("Int64"),
            t("export.target", lang, measure=label): board["target"].astype("Int64"),
            t("export.percent", lang): board["percent"].astype("float64").round(2),
            # Which target the share is of: "Pemkab 50%", "BPS 22%" (blank: the region has none).
            t("export.source", lang): [
                "" if v is None or pd.isna(v) else (v or t("target.unnamed_export", lang))
                for v in board["target_source"]
            ],
            t("export.change", lang): board["change"].astype("Int64"),
            t("export.rank_change", lang): board["rank_change"].astype("Int64"),
            t("export.last_date", lang): pd.to_datetime(board["last_date"]).dt.strftime("%Y-%m-%d"),
            t("export.note", lang): [note_of(row, lang) for _, row in board.iterrows()],
            t("carried.column", lang): [
                t("carried.yes" if is_carried(row) else "carried.no", lang)
                for row in board.to_dict("records")
            ],
        }
    )
    return out.reset_index(drop=True)


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    safe.columns = [str(neutralise(str(c))) for c in safe.columns]
    for col in safe.columns:
        if safe[col].dtype == object:
            safe[col] = safe[col].map(neutralise)
    return safe


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, so spreadsheet programs read the names correctly."""
    # CRLF line ends (RFC 4180) also make the writer quote any stray \r or \n inside a field.
    return _safe(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_csv_id(frame: pd.DataFrame) -> bytes:
    """CSV for a spreadsheet set to Indonesian: `;` between fields and a decimal comma (25,5),
    as Excel with Indonesian regional settings reads a CSV; UTF-8 with a byte-order mark."""
    return (
        _safe(frame)
        .to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
        .encode("utf-8-sig")
    )


def to_xlsx(frame: pd.DataFrame, sheet: str = "Peringkat") -> bytes:
    """An XLSX workbook of one sheet; text is written as text, never as a formula."""
    safe = _safe(frame)
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    sheet_ = workbook.add_worksheet(sheet[:31])
    bold = workbook.add_format({"bold": True})
    for j, name in enumerate(safe.columns):
        sheet_.write_string(0, j, str(name), bold)
        sheet_.set_column(j, j, max(10, min(40, len(str(name)) + 2)))
    for i, row in enumerate(safe.itertuples(index=False), start=1):
        for j, value in enumerate(row):
            if isinstance(value, np.generic):
                value = value.item()
            if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
                continue
            if isinstance(value, bool):
                sheet_.write_boolean(i, j, value)
            elif isinstance(value, int | float):
                sheet_.write_number(i, j, value)
            else:
                sheet_.write_string(i, j, str(value))
    sheet_.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()

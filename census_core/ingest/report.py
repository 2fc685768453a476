"""The tables and sentences the upload page shows, in Indonesian or English."""

from __future__ import annotations

import numpy as np
import pandas as pd

from census_core.display.freshness import LOCAL_TZ
from census_core.faults import SystemFault
from census_core.ingest.model import Upload, sorted_problems
from census_core.ingest.problems import ERROR
from census_core.ingest.values import cell_text
from census_core.regions import LEVELS, Regions, level_label
from census_core.text import fmt_date, fmt_date_short, fmt_int, t

LAYOUTS = ("long", "snapshot", "wide", "targets")


def preview_caption(
    total: int, shown: int, lang: str = "id", *, effect: bool = False
) -> str | None:
    """'Menampilkan 2.000 dari 82.112 baris: ...' when a table leaves rows out; else None.

    `effect`: the table of regions an upload changes (in board order), not the file's rows.
    """
    if shown >= total:
        return None
    key = "report.shown_effect" if effect else "report.shown_rows"
    return t(key, lang, n=fmt_int(shown, lang), of=fmt_int(total, lang))


def summary(upload: Upload, lang: str = "id") -> str:
    """'Dibaca: 31 baris kecamatan, tanggal 5 Maret 2020 (tata letak snapshot).'"""
    level = level_label(upload.level, lang) if upload.level in LEVELS else "–"
    dates = upload.dates
    when = (
        fmt_date(dates[0], lang)
        if len(dates) == 1
        else (f"{fmt_date(dates[0], lang)} – {fmt_date(dates[-1], lang)}" if dates else "–")
    )
    layout = t(f"report.layout.{upload.layout}", lang) if upload.layout in LAYOUTS else "–"
    rows = fmt_int(upload.rows, lang)
    if upload.kind == "targets":
        return t("report.read_targets", lang, rows=rows, level=level)
    return t("report.read_counts", lang, rows=rows, level=level, when=when, layout=layout)


def verdict(upload: Upload, lang: str = "id") -> str:
    """'Siap disimpan; ...', 'Ditolak: ...', or the system's own fault with its reference."""
    if upload.fault is not None:
        return SystemFault(upload.fault).message(lang)
    n_err, n_warn = len(upload.errors), len(upload.warnings)
    if n_err:
        return t("report.rejected", lang, errors=n_err, warnings=n_warn)
    return t("report.ready", lang, warnings=n_warn)


# Rows a preview shows at most: every row with a problem, then the first others. A national
# desa file has 82,000 rows; nobody reads them on screen, and a browser table that size is slow.
PREVIEW_ROWS = 2000
PREVIEW_CELLS = 200_000


def preview_table(
    upload: Upload, regions: Regions, lang: str = "id", limit: int | None = PREVIEW_ROWS
) -> pd.DataFrame:
    """One line per data row: row, region as written and as matched, values, notes.

    With `limit`, at most that many rows, in file order: those with a problem first chosen,
    then the first of the rest (see preview_caption for saying so).
    """
    read = upload.regions_read
    if read.empty:
        return pd.DataFrame()
    notes: dict[int, list[str]] = {}
    status: dict[int, str] = {}
    for p in sorted_problems(upload.problems):
        if p.row is None:
            continue
        notes.setdefault(p.row, []).append(p.detail(lang))
        if p.severity == ERROR or status.get(p.row) != ERROR:
            status[p.row] = p.severity
    if limit is not None:
        # Wide files have a column per date: keep the table under the cells a browser table
        # (and pandas' styler, which colours the rows) handles.
        width = 6 + (
            upload.cells_read["column"].nunique()
            if upload.kind == "counts" and not upload.cells_read.empty
            else 2
        )
        limit = max(min(limit, PREVIEW_CELLS // width), 1)
    if limit is not None and len(read) > limit:
        flagged = read["row"].astype(int).isin(status.keys()).to_numpy()
        room = max(limit - int(flagged.sum()), 0)
        others = np.flatnonzero(~flagged)[:room]
        keep = np.zeros(len(read), dtype=bool)
        keep[np.flatnonzero(flagged)[:limit]] = True
        keep[others] = True
        read = read[keep].reset_index(drop=True)
    marks = _cell_marks(upload)
    region_marks = {row: m for (row, column), m in marks.items() if column is None}
    table = pd.DataFrame(
        {
            t("report.row", lang): read["row"].astype(int),
            t("report.written", lang): [
                _marked(str(text), region_marks.get(int(r)))
                for r, text in zip(read["row"], read["text"], strict=True)
            ],
            t("report.region", lang): [
                regions.name(c) if isinstance(c, str) and c in regions else "–"
                for c in read["code"]
            ],
            t("report.code", lang): read["code"].fillna("–"),
        }
    )
    records = upload.records
    columns: dict[str, list[str]] = {}  # built apart and joined once: a wide file has 100+
    if upload.kind == "counts" and not upload.cells_read.empty:
        columns.update(_count_columns(upload.cells_read, read["row"], marks, lang))
    if upload.kind == "targets" and not records.empty:
        for measure, group in records.groupby("measure"):
            values = dict(zip(group["row"], group["base"], strict=True))
            word = t(f"report.measure.{measure}", lang)
            columns[word] = [fmt_int(values.get(r), lang) for r in read["row"]]
    columns[t("report.notes", lang)] = [" ".join(notes.get(int(r), [])) for r in read["row"]]
    columns["status"] = [status.get(int(r), "") for r in read["row"]]
    return pd.concat([table, pd.DataFrame(columns, index=table.index)], axis=1)


# Problems about the region a row names: marked on the name as written.
REGION_REASONS = frozenset(
    (
        "unknown_region", "ambiguous_region", "ambiguous_desa", "unknown_code", "mixed_levels",
        "inferred", "missing_region", "name_too_long", "formula_without_value_region",
    )
)  # fmt: skip
MARKS = {ERROR: "✖", "warning": "⚠"}


def _cell_marks(upload: Upload) -> dict[tuple[int, str | None], str]:
    """(row, value column as headed in the file, or None for the region) -> worst severity."""
    marks: dict[tuple[int, str | None], str] = {}
    for p in upload.problems:
        if p.row is None:
            continue
        key = (p.row, None if p.reason in REGION_REASONS else p.column)
        if p.severity == ERROR or key not in marks:
            marks[key] = p.severity
    return marks


def _marked(text: str, severity: str | None) -> str:
    return f"{MARKS.get(severity, '⚠')} {text}" if severity else text


def _count_columns(
    cells: pd.DataFrame, rows: pd.Series, marks: dict[tuple[int, str | None], str], lang: str
) -> dict[str, list[str]]:
    """Every value column of the file as read, known region or not, each problem's cell marked.

    A cell with an error shows what was written ('31O5'); any other the number read.
    """
    columns: dict[str, list[str]] = {}
    several = cells["date"].nunique(dropna=False) > 1
    cells = cells[cells["row"].isin(set(rows.astype(int)))]  # the rows the preview shows
    for (day, measure, column), group in cells.groupby(
        ["date", "measure", "column"], sort=False, dropna=False
    ):
        word = t(f"report.measure.{measure}", lang)
        name = f"{word} {fmt_date_short(day, lang)}" if several and pd.notna(day) else word
        shown: dict[int, str] = {}
        for row, text, value in zip(group["row"], group["text"], group["value"], strict=True):
            mark = marks.get((int(row), str(column)))
            written = fmt_int(value, lang) if pd.notna(value) and mark != ERROR else cell_text(text)
            shown.setdefault(int(row), _marked(written, mark))
        if name in columns:  # the same date and measure under two headers: keep both
            name = f"{name} ({column})"
        columns[name] = [shown.get(int(r), "") for r in rows]
    return columns


def _local(moment: object) -> str:
    """A stored batch time (UTC; naive means UTC) in Western Indonesia Time."""
    stamp = pd.Timestamp(moment)  # type: ignore[arg-type]
    if stamp.tzinfo is None:
        stamp = stamp.tz_localize("UTC")
    return stamp.tz_convert(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def history_table(batches: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Who uploaded which file when, how many values it changed, and whether it is undone."""
    undone, active = t("report.undone", lang), t("report.active", lang)
    return pd.DataFrame(
        {
            "Batch": batches["id"].astype(int),
            t("report.time", lang): [_local(when) for when in batches["created_at"]],
            t("report.user", lang): batches["user"],
            t("report.file", lang): batches["file_name"],
            t("report.kind", lang): [_kind(str(k), lang) for k in batches["kind"]],
            t("report.rows", lang): [fmt_int(v, lang) for v in batches["rows"]],
            t("report.changed", lang): [fmt_int(v, lang) for v in batches["changed"]],
            "Status": [undone if u else active for u in batches["undone"].astype(bool)],
        }
    )


def _kind(kind: str, lang: str) -> str:
    """A batch's kind in words: 'jumlah', 'sasaran', 'data simulasi'; an unknown one as it is."""
    return t(f"report.kind.{kind}", lang) if kind in ("counts", "targets", "demo") else kind


def sign_in_table(sign_ins: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Sign-ins by password as an operator reads them: when (WIB), name, address, right or not."""
    right, wrong = t("report.signed_in", lang), t("report.wrong", lang)
    return pd.DataFrame(
        {
            t("report.time", lang): [_local(when) for when in sign_ins["created_at"]],
            t("report.name", lang): sign_ins["user"],
            t("report.address", lang): sign_ins["address"],
            t("report.result", lang): [right if ok else wrong for ok in sign_ins["ok"]],
        }
    )

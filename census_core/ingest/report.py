"""The tables and sentences the upload page shows, in Indonesian or English."""

from __future__ import annotations

import numpy as np
import pandas as pd

from census_core.faults import SystemFault
from census_core.freshness import LOCAL_TZ
from census_core.ingest.model import Upload, sorted_problems
from census_core.ingest.problems import ERROR
from census_core.regions import LEVEL_LABELS, Regions
from census_core.text import fmt_date, fmt_date_short, fmt_int

MEASURE_WORDS = {
    "id": {"households": "KK", "persons": "Jiwa"},
    "en": {"households": "KK", "persons": "Persons"},
}


def preview_caption(
    total: int, shown: int, lang: str = "id", *, effect: bool = False
) -> str | None:
    """'Menampilkan 2.000 dari 82.112 baris: ...' when a table leaves rows out; else None.

    `effect`: the table of regions an upload changes (in board order), not the file's rows.
    """
    if shown >= total:
        return None
    n, of = fmt_int(shown, lang), fmt_int(total, lang)
    if lang == "en":
        if effect:
            return f"Showing the first {n} of {of} regions that change, in board order."
        return (
            f"Showing {n} of {of} rows: every row with a problem, then the first of the "
            "others. All rows are checked and stored."
        )
    if effect:
        return f"Menampilkan {n} pertama dari {of} wilayah yang berubah, urut peringkat."
    return (
        f"Menampilkan {n} dari {of} baris: semua baris bermasalah, lalu baris pertama "
        "lainnya. Semua baris tetap diperiksa dan disimpan."
    )


def summary(upload: Upload, lang: str = "id") -> str:
    """'Dibaca: 31 baris kecamatan, tanggal 5 Maret 2020 (tata letak snapshot).'"""
    en = lang == "en"
    level = LEVEL_LABELS["en" if en else "id"].get(upload.level or "", "–")
    dates = upload.dates
    when = (
        fmt_date(dates[0], lang)
        if len(dates) == 1
        else (f"{fmt_date(dates[0], lang)} – {fmt_date(dates[-1], lang)}" if dates else "–")
    )
    layouts = {
        "long": ("panjang: wilayah, tanggal, jumlah", "long: region, date, count"),
        "snapshot": ("satu tanggal", "one date"),
        "wide": ("lebar: satu kolom per tanggal", "wide: one column per date"),
        "targets": ("sasaran", "targets"),
    }
    layout = layouts.get(upload.layout or "", ("–", "–"))[1 if en else 0]
    if upload.kind == "targets":
        if en:
            return f"Read: {fmt_int(upload.rows, lang)} rows of {level} targets."
        return f"Dibaca: {fmt_int(upload.rows, lang)} baris sasaran {level}."
    if en:
        return f"Read: {fmt_int(upload.rows, lang)} rows of {level}, date {when} (layout {layout})."
    return (
        f"Dibaca: {fmt_int(upload.rows, lang)} baris {level}, tanggal {when} (tata letak {layout})."
    )


def verdict(upload: Upload, lang: str = "id") -> str:
    """'Siap disimpan; ...', 'Ditolak: ...', or the system's own fault with its reference."""
    if upload.fault is not None:
        return SystemFault(upload.fault).message(lang)
    n_err, n_warn = len(upload.errors), len(upload.warnings)
    if lang == "en":
        if n_err:
            return f"Rejected: {n_err} error(s) to fix, {n_warn} warning(s). Nothing is stored."
        return f"Ready to store; {n_warn} warning(s)."
    if n_err:
        return (
            f"Ditolak: {n_err} kesalahan harus diperbaiki, {n_warn} peringatan. "
            "Tidak ada yang disimpan."
        )
    return f"Siap disimpan; {n_warn} peringatan."


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
    en = lang == "en"
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
            upload.records.groupby(["date", "measure"]).ngroups
            if upload.kind == "counts" and not upload.records.empty
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
    table = pd.DataFrame(
        {
            "Row" if en else "Baris": read["row"].astype(int),
            "Written" if en else "Tertulis": read["text"],
            "Region" if en else "Wilayah": [
                regions.name(c) if isinstance(c, str) and c in regions else "–"
                for c in read["code"]
            ],
            "Code" if en else "Kode": read["code"].fillna("–"),
        }
    )
    records = upload.records
    columns: dict[str, list[str]] = {}  # built apart and joined once: a wide file has 100+
    if upload.kind == "counts" and not records.empty:
        several = records["date"].nunique() > 1
        for (day, measure), group in records.groupby(["date", "measure"], sort=True):
            word = MEASURE_WORDS[lang if en else "id"][str(measure)]
            name = f"{word} {fmt_date_short(day, lang)}" if several else word
            values = dict(zip(group["row"], group["value"], strict=True))
            columns[name] = [fmt_int(values.get(r), lang) for r in read["row"]]
    elif upload.kind == "targets" and not records.empty:
        for measure, group in records.groupby("measure"):
            values = dict(zip(group["row"], group["base"], strict=True))
            word = MEASURE_WORDS[lang if en else "id"][str(measure)]
            columns[word] = [fmt_int(values.get(r), lang) for r in read["row"]]
    columns["Notes" if en else "Catatan"] = [" ".join(notes.get(int(r), [])) for r in read["row"]]
    columns["status"] = [status.get(int(r), "") for r in read["row"]]
    return pd.concat([table, pd.DataFrame(columns, index=table.index)], axis=1)


def _local(moment: object) -> str:
    """A stored batch time (UTC; naive means UTC) in Western Indonesia Time."""
    stamp = pd.Timestamp(moment)  # type: ignore[arg-type]
    if stamp.tzinfo is None:
        stamp = stamp.tz_localize("UTC")
    return stamp.tz_convert(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def history_table(batches: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Who uploaded which file when, how many values it changed, and whether it is undone."""
    en = lang == "en"
    kinds = {
        "counts": ("jumlah", "counts"),
        "targets": ("sasaran", "targets"),
        "demo": ("data simulasi", "simulated data"),
    }
    return pd.DataFrame(
        {
            "Batch": batches["id"].astype(int),
            "Time (WIB)" if en else "Waktu (WIB)": [_local(t) for t in batches["created_at"]],
            "User" if en else "Pengguna": batches["user"],
            "File" if en else "Berkas": batches["file_name"],
            "Kind" if en else "Jenis": [
                kinds.get(k, (k, k))[1 if en else 0] for k in batches["kind"]
            ],
            "Rows" if en else "Baris": [fmt_int(v, lang) for v in batches["rows"]],
            "Changed" if en else "Berubah": [fmt_int(v, lang) for v in batches["changed"]],
            "Status": [
                ("undone" if en else "dibatalkan") if u else ("active" if en else "aktif")
                for u in batches["undone"].astype(bool)
            ],
        }
    )


def sign_in_table(sign_ins: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Sign-ins by password as an operator reads them: when (WIB), name, address, right or not."""
    en = lang == "en"
    return pd.DataFrame(
        {
            "Time (WIB)" if en else "Waktu (WIB)": [_local(t) for t in sign_ins["created_at"]],
            "Name" if en else "Nama": sign_ins["user"],
            "Address" if en else "Alamat": sign_ins["address"],
            "Result" if en else "Hasil": [
                ("signed in" if en else "berhasil") if ok else ("wrong password" if en else "salah")
                for ok in sign_ins["ok"]
            ],
        }
    )

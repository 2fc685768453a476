"""The tables and sentences the upload page shows, in Indonesian or English."""

from __future__ import annotations

import pandas as pd

from census_core.freshness import LOCAL_TZ
from census_core.ingest.model import Upload, sorted_problems
from census_core.ingest.problems import ERROR
from census_core.regions import LEVEL_LABELS, Regions
from census_core.text import fmt_date, fmt_date_short, fmt_int

MEASURE_WORDS = {
    "id": {"households": "KK", "persons": "Jiwa"},
    "en": {"households": "KK", "persons": "Persons"},
}


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


def preview_table(upload: Upload, regions: Regions, lang: str = "id") -> pd.DataFrame:
    """One line per data row: row, region as written and as matched, values, notes."""
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
    if upload.kind == "counts" and not records.empty:
        several = records["date"].nunique() > 1
        for (day, measure), group in records.groupby(["date", "measure"], sort=True):
            word = MEASURE_WORDS[lang if en else "id"][str(measure)]
            name = f"{word} {fmt_date_short(day, lang)}" if several else word
            values = dict(zip(group["row"], group["value"], strict=True))
            table[name] = [fmt_int(values.get(r), lang) for r in read["row"]]
    elif upload.kind == "targets" and not records.empty:
        for measure, group in records.groupby("measure"):
            values = dict(zip(group["row"], group["base"], strict=True))
            word = MEASURE_WORDS[lang if en else "id"][str(measure)]
            table[word] = [fmt_int(values.get(r), lang) for r in read["row"]]
    table["Notes" if en else "Catatan"] = [" ".join(notes.get(int(r), [])) for r in read["row"]]
    table["status"] = [status.get(int(r), "") for r in read["row"]]
    return table


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

"""Words and number formats of the interface: Bahasa Indonesia by default, English on request."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

LANGS = ("id", "en")
_LOCALES = {"id": "id_ID", "en": "en_US"}

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "measure.households": "KK",
        "measure.persons": "jiwa",
        "measure.households.long": "keluarga (KK)",
        "measure.persons.long": "penduduk (jiwa)",
        "by.count": "jumlah",
        "by.percent": "persentase target",
        "ranking_title": "Peringkat {level} {within} menurut {by}, data s.d. {date}",
        "data_as_of": "Data s.d. {date}",
        "simulated": "Data simulasi",
        "stale": "data {date}",
        "derived": "jumlah dari wilayah di bawahnya",
        "carried.note": "* belum ada laporan baru: angka terakhir dari {dates}",
        "carried.card": "* angka {date}, belum ada laporan baru",
        "carried.tooltip": "* angka {date} (belum ada laporan baru)",
        "carried.column": "Angka hari sebelumnya",
        "carried.yes": "ya",
        "carried.no": "tidak",
        "mismatch": (
            "{name}: angka sendiri {own} berbeda dari jumlah wilayah di bawahnya {children}"
        ),
        "settings.not_date": (
            "Pengaturan {setting} = '{value}' bukan tanggal. Tulis tanggalnya sebagai "
            "TTTT-BB-HH, mis. {setting}=2020-03-31."
        ),
        "settings.not_number": ("Pengaturan {setting} = '{value}' bukan angka. Isi dengan angka."),
        "settings.pct_range": (
            "Pengaturan {setting} = '{value}' harus di atas 0 dan paling besar 100 (persen), "
            "mis. {setting}=50."
        ),
        "settings.slide_range": (
            "Pengaturan {setting} = '{value}' harus antara 3 dan 3600 detik, mis. {setting}=15."
        ),
        "settings.proxies_range": (
            "Pengaturan {setting} = '{value}' harus bilangan bulat 0 sampai 5: banyaknya proxy "
            "tepercaya di depan aplikasi, mis. {setting}=1 di belakang satu nginx."
        ),
        "auth.too_many": "Terlalu banyak percobaan; coba lagi dalam {seconds} detik.",
        "settings.unknown_region": (
            "Pengaturan {setting} = '{value}' bukan kode wilayah yang dikenal. Isi dengan kode "
            "Kemendagri kabupaten/kota, mis. {setting}=35.09 (Kabupaten Jember)."
        ),
        "region.unknown": (
            "Wilayah dengan kode '{code}' tidak dikenal. Pilih wilayah dari daftar atau periksa "
            "tautannya."
        ),
        "store.refused": (
            "Penyimpanan data menolak permintaan ini. Tidak ada yang diubah; coba lagi."
        ),
        "undo.already_undone": (
            "Batch {batch} tidak dibatalkan: batch ini sudah dibatalkan sebelumnya. "
            "Tidak ada yang diubah."
        ),
        "undo.not_found": (
            "Batch {batch} tidak dibatalkan: batch ini tidak ada. Tidak ada yang diubah."
        ),
        "undo.refused": (
            "Batch {batch} tidak dibatalkan: penyimpanan data menolak permintaan ini. "
            "Tidak ada yang diubah; coba lagi."
        ),
        "store.unavailable": (
            "Penyimpanan data tidak dapat dihubungi saat ini. Tidak ada yang disimpan. Halaman "
            "ini mencoba lagi sendiri; bila terus terjadi, hubungi pengelola server (ref {ref})."
        ),
        "store.locked": (
            "Penyimpanan sedang dipakai proses lain; coba lagi sebentar lagi. Tidak ada yang "
            "disimpan. (ref {ref})"
        ),
        "store.read_only": (
            "Penyimpanan data hanya dapat dibaca (berkas atau foldernya tidak dapat ditulis). "
            "Tidak ada yang disimpan. Hubungi pengelola server (ref {ref})."
        ),
        "store.gone": (
            "Penyimpanan data tidak ditemukan lagi (berkas dihapus atau dipindah). Tidak ada yang "
            "disimpan. Hubungi pengelola server (ref {ref})."
        ),
        "store.full": (
            "Penyimpanan data penuh (ruang disk server habis). Tidak ada yang disimpan. Hubungi "
            "pengelola server untuk mengosongkan ruang (ref {ref})."
        ),
        "store.bad_url": (
            "Pengaturan CENSUS_DB_URL tidak dapat dipakai: jenis atau alamat penyimpanan data "
            "tidak dikenal. Tidak ada yang disimpan. Perbaiki pengaturan itu atau hubungi "
            "pengelola server (ref {ref})."
        ),
    },
    "en": {
        "measure.households": "households",
        "measure.persons": "persons",
        "measure.households.long": "households (families)",
        "measure.persons.long": "persons",
        "by.count": "count",
        "by.percent": "share of target",
        "ranking_title": "Ranking of {level} {within} by {by}, data up to {date}",
        "data_as_of": "Data up to {date}",
        "simulated": "Simulated data",
        "stale": "data of {date}",
        "derived": "sum of the regions below",
        "carried.note": "* no new report: latest figure of {dates}",
        "carried.card": "* figure of {date}, no new report",
        "carried.tooltip": "* figure of {date} (no new report)",
        "carried.column": "Figure of an earlier day",
        "carried.yes": "yes",
        "carried.no": "no",
        "mismatch": "{name}: own count {own} differs from the sum of the regions below {children}",
        "settings.not_date": (
            "The setting {setting} = '{value}' is not a date. Write it as YYYY-MM-DD, e.g. "
            "{setting}=2020-03-31."
        ),
        "settings.not_number": ("The setting {setting} = '{value}' is not a number. Set a number."),
        "settings.pct_range": (
            "The setting {setting} = '{value}' must be above 0 and at most 100 (percent), e.g. "
            "{setting}=50."
        ),
        "settings.slide_range": (
            "The setting {setting} = '{value}' must be between 3 and 3600 seconds, e.g. "
            "{setting}=15."
        ),
        "settings.proxies_range": (
            "The setting {setting} = '{value}' must be a whole number from 0 to 5: the number "
            "of trusted proxies in front of the app, e.g. {setting}=1 behind one nginx."
        ),
        "auth.too_many": "Too many attempts; try again in {seconds} seconds.",
        "settings.unknown_region": (
            "The setting {setting} = '{value}' is not a known region code. Set the Kemendagri "
            "code of a regency or city, e.g. {setting}=35.09 (Kabupaten Jember)."
        ),
        "region.unknown": (
            "No region has the code '{code}'. Choose a region from the list or check the link."
        ),
        "store.refused": "The data store refused this request. Nothing was changed; try again.",
        "undo.already_undone": (
            "Batch {batch} was not undone: it had already been undone. Nothing was changed."
        ),
        "undo.not_found": "Batch {batch} was not undone: it does not exist. Nothing was changed.",
        "undo.refused": (
            "Batch {batch} was not undone: the data store refused the request. Nothing was "
            "changed; try again."
        ),
        "store.unavailable": (
            "The data store cannot be reached right now. Nothing was stored. This page tries "
            "again by itself; if this goes on, contact the server's administrator (ref {ref})."
        ),
        "store.locked": (
            "The data store is in use by another process; try again in a moment. Nothing was "
            "stored. (ref {ref})"
        ),
        "store.read_only": (
            "The data store can only be read (its file or folder cannot be written). Nothing "
            "was stored. Contact the server's administrator (ref {ref})."
        ),
        "store.gone": (
            "The data store is no longer there (its file was deleted or moved). Nothing was "
            "stored. Contact the server's administrator (ref {ref})."
        ),
        "store.full": (
            "The data store is full (the server's disk has no room left). Nothing was stored. "
            "Contact the server's administrator to free some space (ref {ref})."
        ),
        "store.bad_url": (
            "The setting CENSUS_DB_URL cannot be used: the kind or address of the data store is "
            "not known. Nothing was stored. Correct that setting or contact the server's "
            "administrator (ref {ref})."
        ),
    },
}


def t(key: str, lang: str = "id", **values: object) -> str:
    """The sentence for `key` in `lang`, with values filled in."""
    table = MESSAGES.get(lang, MESSAGES["id"])
    template = table.get(key) or MESSAGES["id"][key]
    return template.format(**values)


def fmt_int(value: object, lang: str = "id") -> str:
    """36464 -> '36.464' (id) or '36,464' (en); missing -> '–'."""
    if value is None or pd.isna(value):  # type: ignore[arg-type]
        return "–"
    return format_decimal(int(value), locale=_LOCALES[lang])  # type: ignore[call-overload]


def fmt_signed(value: object, lang: str = "id") -> str:
    """+1.234 / −56 / 0."""
    if value is None or pd.isna(value):  # type: ignore[arg-type]
        return "–"
    number = int(value)  # type: ignore[call-overload]
    text = fmt_int(abs(number), lang)
    return f"+{text}" if number > 0 else (f"−{text}" if number < 0 else text)


def fmt_pct(value: object, lang: str = "id", digits: int = 1) -> str:
    """12.5 (already a percentage) -> '12,5%'."""
    if value is None or pd.isna(value):  # type: ignore[arg-type]
        return "–"
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    text = format_decimal(float(value), format=pattern, locale=_LOCALES[lang])  # type: ignore[arg-type]
    return f"{text}%"


def _as_date(value: date | datetime | pd.Timestamp) -> date:
    return pd.Timestamp(value).date()


def fmt_date(value: date | datetime | pd.Timestamp | None, lang: str = "id") -> str:
    """'5 Maret 2020' / '5 March 2020'."""
    if value is None or pd.isna(value):
        return "–"
    return format_date(_as_date(value), "d MMMM y", locale=_LOCALES[lang])


def fmt_date_short(value: date | datetime | pd.Timestamp | None, lang: str = "id") -> str:
    """'5 Mar' for axes and tight tables."""
    if value is None or pd.isna(value):
        return "–"
    return format_date(_as_date(value), "d MMM", locale=_LOCALES[lang]).rstrip(".")


def ranking_title(level_label: str, within_name: str, by: str, day: date, lang: str = "id") -> str:
    """The sentence above a board: which regions, ranked how, on what data."""
    return t(
        "ranking_title",
        lang,
        level=level_label,
        within=within_name,
        by=t(f"by.{by}", lang),
        date=fmt_date(day, lang),
    )

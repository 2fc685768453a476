"""Problems found in an uploaded file: where (row, column), what, and what to do, in id and en."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from census_core import faults
from census_core.ingest.values import DATE_FIRST, DATE_LAST, MAX_COUNT
from census_core.text import fmt_date, fmt_int

ERROR, WARNING = "error", "warning"
MAX_VALUE_SHOWN = 40  # a cell quoted in a message is cut after this many characters
_WINDOW_ID = f"{fmt_date(DATE_FIRST)} s.d. {fmt_date(DATE_LAST)}"
_WINDOW_EN = f"{fmt_date(DATE_FIRST, 'en')} to {fmt_date(DATE_LAST, 'en')}"

# reason -> (Indonesian, English); {value}, {column} and reason-specific fields fill them in.
MESSAGES: dict[str, tuple[str, str]] = {
    "not_a_spreadsheet": (
        "Berkas ini bukan tabel CSV atau Excel (.xlsx). Simpan ulang sebagai CSV atau .xlsx.",
        "This file is not a CSV or Excel (.xlsx) table. Save it again as CSV or .xlsx.",
    ),
    "unreadable_excel": (
        "Berkas Excel tidak bisa dibaca ({detail}). Buka di Excel lalu simpan ulang sebagai .xlsx.",
        "The Excel file cannot be read ({detail}). Open it in Excel and save it again as .xlsx.",
    ),
    "no_sheet": (
        "Lembar '{value}' tidak ada. Lembar yang ada: {sheets}.",
        "There is no sheet '{value}'. The sheets are: {sheets}.",
    ),
    "too_many_rows": (
        "Berkas berisi {value} baris; batasnya {limit}. Pecah menjadi beberapa berkas.",
        "The file has {value} rows; the limit is {limit}. Split it into several files.",
    ),
    "file_too_large": (
        "Berkas lebih besar dari {limit} MB. Pecah menjadi beberapa berkas atau simpan ulang "
        "hanya tabel datanya.",
        "The file is larger than {limit} MB. Split it into several files or save only the data "
        "table again.",
    ),
    "sheet_too_large": (
        "Lembar '{sheet}' mencakup {rows} baris x {cols} kolom; batasnya {max_rows} baris dan "
        "{max_cols} kolom ({max_cells} sel). Simpan ulang hanya tabel datanya (hapus isi dan "
        "format di luar tabel).",
        "Sheet '{sheet}' spans {rows} rows x {cols} columns; the limit is {max_rows} rows and "
        "{max_cols} columns ({max_cells} cells). Save only the data table again (delete what "
        "lies outside it, formatting too).",
    ),
    "unpacked_too_large": (
        "Isi berkas Excel ini {value} MB setelah dibuka; batasnya {limit} MB. Simpan ulang hanya "
        "tabel datanya, tanpa lembar, gambar atau teks lain.",
        "This Excel file unpacks to {value} MB; the limit is {limit} MB. Save only the data "
        "table again, without other sheets, pictures or text.",
    ),
    "cell_too_long": (
        "Berkas memuat sel berisi lebih dari {limit} karakter (batas Excel untuk satu sel). "
        "Hapus teks panjang itu lalu simpan ulang.",
        "The file has a cell of more than {limit} characters (Excel's limit for one cell). "
        "Delete that long text and save again.",
    ),
    "read_limit": (
        "Berkas Excel ini terlalu berat untuk dibaca: melebihi {memory} MB memori atau {seconds} "
        "detik. Simpan ulang hanya tabel datanya sebagai .xlsx atau CSV.",
        "This Excel file is too heavy to read: it needs more than {memory} MB of memory or "
        "{seconds} seconds. Save only the data table again as .xlsx or CSV.",
    ),
    "name_too_long": (
        "{column} berisi {length} karakter; batasnya {limit} karakter untuk nama atau kode "
        "wilayah. Tulis nama wilayahnya saja.",
        "{column} holds {length} characters; the limit is {limit} for a region's name or code. "
        "Write only the region's name.",
    ),
    "empty_file": (
        "Berkas kosong. Isi satu baris judul kolom (mis. Kecamatan, KK) lalu satu baris per "
        "wilayah.",
        "The file is empty. Put one header row (e.g. Kecamatan, KK) and then one row per region.",
    ),
    "no_header": (
        "Tidak ditemukan baris judul kolom dengan kolom wilayah (Kecamatan, Kabupaten, Desa, "
        "Wilayah atau Kode). Tambahkan baris judul di atas data.",
        "No header row with a region column (Kecamatan, Kabupaten, Desa, Wilayah or Kode) was "
        "found. Add a header row above the data.",
    ),
    "no_count_column": (
        "Tidak ada kolom jumlah (mis. 'KK', 'Jiwa', 'Jumlah') atau kolom tanggal. Beri judul "
        "kolom angka dengan KK atau Jiwa.",
        "There is no count column (e.g. 'KK', 'Jiwa', 'Jumlah') and no date columns. Head the "
        "number column with KK or Jiwa.",
    ),
    "no_target_column": (
        "Tidak ada kolom sasaran (mis. 'KK' atau 'Jiwa'). Beri judul kolom angka dengan KK atau "
        "Jiwa.",
        "There is no target column (e.g. 'KK' or 'Jiwa'). Head the number column with KK or Jiwa.",
    ),
    "no_data": (
        "Tidak ada baris data di bawah baris judul. Isi satu baris per wilayah.",
        "There are no data rows below the header. Put one row per region.",
    ),
    "no_values": (
        "Tidak ada satu angka pun di kolom jumlah. Isi angkanya lalu unggah lagi.",
        "There is not a single number in the count columns. Fill them in and upload again.",
    ),
    "no_date": (
        "Tanggal data tidak ditemukan: tidak ada kolom Tanggal, judul seperti 'Kondisi s.d. "
        "5 Maret 2020', atau tanggal di nama berkas. Pilih tanggal (--date YYYY-MM-DD).",
        "No date found: no Tanggal column, no title such as 'Kondisi s.d. 5 Maret 2020' and no "
        "date in the file name. Choose the date (--date YYYY-MM-DD).",
    ),
    "missing_region": (
        "Nama wilayah kosong sementara ada angka. Isi nama atau kode wilayah.",
        "The region is empty but the row has numbers. Fill in the region's name or code.",
    ),
    "unknown_code": (
        "Kode '{value}' tidak ada dalam daftar wilayah Kemendagri. Periksa kodenya.",
        "Code '{value}' is not in the Kemendagri region list. Check the code.",
    ),
    "unknown_region": (
        "'{value}' tidak dikenal sebagai {level}{within}.{suggest}",
        "'{value}' is not a known {level}{within}.{suggest}",
    ),
    "ambiguous_region": (
        "'{value}' cocok dengan beberapa wilayah: {candidates}. Tulis awalan (Kab./Kota) atau "
        "gunakan kode wilayah.",
        "'{value}' fits several regions: {candidates}. Write the prefix (Kab./Kota) or use the "
        "region code.",
    ),
    "mixed_levels": (
        "'{value}' adalah {found}, sedangkan berkas ini berisi {level}. Satu berkas untuk satu "
        "tingkat wilayah.",
        "'{value}' is a {found}, but this file holds {level}. One file per level of region.",
    ),
    "not_a_number": (
        "{column} '{value}' bukan angka. Tulis bilangan bulat, mis. 4040 atau 4.040.",
        "{column} '{value}' is not a number. Write a whole number, e.g. 4040 or 4,040.",
    ),
    "not_whole_number": (
        "{column} '{value}' bukan bilangan bulat. Jumlah adalah cacah KK/jiwa, tanpa pecahan.",
        "{column} '{value}' is not a whole number. Counts are whole families/persons.",
    ),
    "negative": (
        "{column} '{value}' negatif. Jumlah tidak boleh kurang dari 0.",
        "{column} '{value}' is negative. Counts cannot be below 0.",
    ),
    "too_large": (
        f"{{column}} '{{value}}' terlalu besar (paling besar {fmt_int(MAX_COUNT)}) untuk satu "
        "wilayah. Periksa angkanya.",
        f"{{column}} '{{value}}' is too large for one region (at most {fmt_int(MAX_COUNT, 'en')})."
        " Check the number.",
    ),
    "formula_without_value": (
        "kolom {column} berisi rumus tanpa nilai tersimpan ('{value}'); buka berkas di Excel atau "
        "LibreOffice lalu simpan ulang agar nilainya ikut tersimpan, kemudian unggah lagi.",
        "column {column} holds a formula with no saved value ('{value}'). Open the file in Excel "
        "or LibreOffice and save it again so that the values are saved, then upload it again.",
    ),
    "bad_date": (
        "{column} '{value}' bukan tanggal. Tulis mis. 2020-03-05, 05/03/2020 atau 5 Maret 2020.",
        "{column} '{value}' is not a date. Write e.g. 2020-03-05, 05/03/2020 or 5 March 2020.",
    ),
    "two_digit_year": (
        "{column} '{value}': tahunnya tidak lengkap. Tulis tahun dengan empat angka, mis. "
        "05/03/2020 atau 2020-03-05.",
        "{column} '{value}': the year is incomplete. Write the year with four digits, e.g. "
        "05/03/2020 or 2020-03-05.",
    ),
    "date_out_of_window": (
        f"{{column}} '{{value}}' di luar masa sensus: hanya tanggal {_WINDOW_ID} yang diterima. "
        "Periksa tanggalnya (tahun empat angka, mis. 5 Maret 2020).",
        f"{{column}} '{{value}}' is outside the census period: only dates from {_WINDOW_EN} are "
        "accepted. Check the date (a four-digit year, e.g. 5 March 2020).",
    ),
    "missing_date": (
        "Tanggal kosong. Isi tanggal data baris ini.",
        "The date is empty. Fill in this row's date.",
    ),
    "future_date": (
        "Tanggal {value} belum terjadi. Periksa tanggalnya.",
        "The date {value} is in the future. Check the date.",
    ),
    "conflict": (
        "{region} tanggal {date} tercantum dua kali dengan angka berbeda ({value} dan {other}, "
        "baris {other_row}). Hapus salah satunya.",
        "{region} on {date} is listed twice with different values ({value} and {other}, "
        "row {other_row}). Remove one of them.",
    ),
    # Not the file's fault: an unexpected error in reading or storing (census_core.faults).
    "system_fault": faults.MESSAGE,
    "bad_share": (
        "{column} '{value}' bukan persentase antara 0 dan 100. Tulis mis. 50 atau 50%.",
        "{column} '{value}' is not a percentage between 0 and 100. Write e.g. 50 or 50%.",
    ),
    # Warnings: stored anyway.
    "empty_value": (
        "{column} kosong; wilayah ini tidak diperbarui.",
        "{column} is empty; this region is not updated.",
    ),
    "duplicate": (
        "{region} tanggal {date} tercantum dua kali (juga di baris {other_row}) dengan angka sama.",
        "{region} on {date} is listed twice (also in row {other_row}) with the same value.",
    ),
    "decrease": (
        "{region}: {value} lebih kecil dari {earlier} pada {earlier_date}. Angka kumulatif "
        "biasanya tidak turun; periksa kembali.",
        "{region}: {value} is lower than {earlier} on {earlier_date}. Cumulative counts do not "
        "usually fall; check it.",
    ),
    "above_base": (
        "{region}: {value} melebihi jumlah sasaran dasar {base}. Periksa angka atau sasarannya.",
        "{region}: {value} is above the base of {base}. Check the count or the target.",
    ),
    "total_mismatch": (
        "Baris jumlah menulis {column} {value}, padahal jumlah wilayahnya {sum}. Baris jumlah "
        "tidak disimpan; periksa angkanya.",
        "The total row says {column} {value}, but the regions add up to {sum}. Total rows are "
        "not stored; check the numbers.",
    ),
    "inferred": (
        "'{value}' dibaca sebagai {region}, karena wilayah lain bernama sama sudah tercantum. "
        "Tulis awalan (Kab./Kota) agar jelas.",
        "'{value}' is read as {region}, because the other region of that name is listed too. "
        "Write the prefix (Kab./Kota) to make it plain.",
    ),
    "date_disagrees": (
        "Tanggal yang dipilih {value} berbeda dari tanggal di berkas {other}; dipakai {value}.",
        "The chosen date {value} differs from the file's date {other}; {value} is used.",
    ),
}
ROW_WORD = {"id": "Baris", "en": "Row"}


@dataclass(frozen=True)
class Problem:
    """One finding: an error rejects the file, a warning does not."""

    reason: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    severity: str = ERROR
    params: dict[str, str] = field(default_factory=dict)
    # Region codes the operator may pick instead (unknown names only).
    suggestions: tuple[tuple[str, str], ...] = ()

    def detail(self, lang: str = "id") -> str:
        """The sentence without the row: what is wrong and what to do."""
        template = MESSAGES[self.reason][1 if lang == "en" else 0]
        values = {
            "value": _shown(self.value or ""),
            "column": _shown(self.column or ""),
            **self.params,
        }
        if lang == "en":  # params may carry an English variant under "<key>_en"
            values.update({k[:-3]: v for k, v in self.params.items() if k.endswith("_en")})
        values.setdefault("suggest", "")
        return template.format_map(_Blank(values)).strip()  # no column: starts at the value

    def message(self, lang: str = "id") -> str:
        """'Baris 4: Jumlah '12,5' bukan bilangan bulat. ...'"""
        text = self.detail(lang)
        if self.row is not None:
            return f"{ROW_WORD.get(lang, 'Baris')} {self.row}: {text}"
        return text

    def as_json(self, lang: str = "en") -> dict[str, object]:
        return {"row": self.row, "column": self.column, "message": self.message(lang)}


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def error(reason: str, **kwargs: object) -> Problem:
    return _make(reason, ERROR, kwargs)


def system_fault(log: logging.Logger, doing: str, exc: BaseException) -> Problem:
    """The problem for an unexpected error, logged with its traceback under a new reference."""
    return error("system_fault", ref=faults.log_fault(log, doing, exc))


def warning(reason: str, **kwargs: object) -> Problem:
    return _make(reason, WARNING, kwargs)


def _shown(text: str) -> str:
    """A cell as quoted in a message: a 5,000-digit number shows its first digits and '…'."""
    return text if len(text) <= MAX_VALUE_SHOWN else text[: MAX_VALUE_SHOWN - 8] + "…"


def _make(reason: str, severity: str, kwargs: dict[str, object]) -> Problem:
    row = kwargs.pop("row", None)
    column = kwargs.pop("column", None)
    value = kwargs.pop("value", None)
    suggestions = kwargs.pop("suggestions", ())
    return Problem(
        reason=reason,
        row=None if row is None else int(row),  # type: ignore[call-overload]
        column=None if column is None else str(column),
        value=None if value is None else str(value),
        severity=severity,
        params={k: str(v) for k, v in kwargs.items()},
        suggestions=tuple(suggestions),  # type: ignore[arg-type]
    )

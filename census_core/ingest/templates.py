"""Blank files to fill in (long, snapshot, targets; CSV and XLSX) for the home regency."""

from __future__ import annotations

import csv
import io
from datetime import date

import xlsxwriter

from census_core.markup import neutralise
from census_core.regions import Regions, short_name
from census_core.text import fmt_date

TEMPLATES = ("long", "snapshot", "targets")


def _table(
    kind: str, regions: Regions, home: str, day: date, desa: bool = False
) -> tuple[list[str], list[list[object]]]:
    title = f"Kondisi s.d. {fmt_date(day)} — {regions.name(home)}"
    rows: list[list[object]] = []
    if desa:  # every desa/kelurahan of the home, its code telling two of one name apart
        codes = regions.descendants(home, "desa")
        level = "Desa/Kelurahan"
    else:
        codes = regions.children(home)
        level = "Kecamatan" if home.count(".") == 1 else "Kabupaten/Kota"
    if kind == "long":
        header: list[object] = ["Tanggal", "Kode", level, "KK", "Jiwa"]
        rows = [[day.isoformat(), c, short_name(regions.name(c)), "", ""] for c in codes]
        return [], [header, *rows]
    if kind == "targets":
        header = ["No", "Kode", level, "KK", "Jiwa", "Target (%)", "Sumber target"]
        rows = [[i, c, short_name(regions.name(c)), "", "", "", ""] for i, c in enumerate(codes, 1)]
        return [f"Sasaran SPO — {regions.name(home)}"], [header, *rows]
    header = ["No", "Kode", level, "KK", "Jiwa"]
    rows = [[i, c, short_name(regions.name(c)), "", ""] for i, c in enumerate(codes, 1)]
    return [title], [header, *rows]


def template_csv(kind: str, regions: Regions, home: str, day: date, desa: bool = False) -> bytes:
    """A UTF-8 CSV (with BOM, so Excel opens it in the right encoding); `desa`: one row per
    desa/kelurahan of the home instead of per kecamatan."""
    titles, table = _table(kind, regions, home, day, desa)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for title in titles:
        writer.writerow([title])
    if titles:
        writer.writerow([])
    for row in table:
        writer.writerow([neutralise(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def template_xlsx(kind: str, regions: Regions, home: str, day: date, desa: bool = False) -> bytes:
    """An .xlsx with a bold header, codes as text and a JUMLAH row for snapshot and targets."""
    titles, table = _table(kind, regions, home, day, desa)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Data")
    bold = book.add_format({"bold": True})
    row = 0
    for title in titles:
        sheet.write_string(row, 0, title, bold)
        row += 2
    header_row = row
    for line in table:
        for col, value in enumerate(line):
            cell_format = bold if row == header_row else None
            if isinstance(value, int):
                sheet.write_number(row, col, value, cell_format)
            else:
                sheet.write_string(row, col, str(value), cell_format)
        row += 1
    if kind != "long":
        sheet.write_string(row, 2, "JUMLAH", bold)
        for col in (3, 4):
            letter = "DE"[col - 3]
            sheet.write_formula(row, col, f"=SUM({letter}{header_row + 2}:{letter}{row})", bold, 0)
    sheet.set_column(0, 0, 12)
    sheet.set_column(1, 1, 12)
    sheet.set_column(2, 2, 22)
    book.close()
    return buffer.getvalue()

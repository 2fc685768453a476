"""Bytes in, a grid of cells out: CSV (sniffed delimiter and encoding) or an Excel sheet."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import python_calamine

from census_core.ingest.problems import Problem, error

MAX_ROWS = 250_000  # a national desa file is ~84,000 rows; beyond this is a mistake or abuse
MAX_COLUMNS = 400
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # legacy .xls
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class Grid:
    """The cells of one sheet; rows[i] is spreadsheet row i + 1, as Excel numbers it."""

    rows: list[list[object]]
    kind: str  # "csv" or "excel"
    sheet: str | None = None


class ReadError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.reason)
        self.problem = problem


def read_grid(data: bytes, sheet: str | None = None) -> Grid:
    """Read the file's cells; raises ReadError with the problem when it is no table."""
    if not data or not data.strip():
        raise ReadError(error("empty_file"))
    if data.startswith(_ZIP) or data.startswith(_OLE):
        return _read_excel(data, sheet)
    return _read_csv(data)


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page; latin-1 covers its five holes.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    return "\x00" in sample or controls > max(len(sample) // 100, 2)


def _delimiter(lines: list[str]) -> str:
    """The delimiter that splits the most lines into the same number (>1) of fields."""
    best, best_score = ",", -1
    for delim in _DELIMITERS:
        widths = [len(r) for r in csv.reader(lines, delimiter=delim) if len(r) > 1]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = widths.count(common) * 1000 + common
        if score > best_score:
            best, best_score = delim, score
    return best


def _read_csv(data: bytes) -> Grid:
    text = _decode(data)
    if _looks_binary(text):
        raise ReadError(error("not_a_spreadsheet"))
    sample = [line for line in text[:65536].splitlines()[:200] if line.strip()]
    delim = _delimiter(sample)
    try:
        rows: list[list[object]] = []
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delim):
            rows.append(list(record))
            if len(rows) > MAX_ROWS:
                raise ReadError(_too_many(text.count("\n") + 1))
    except csv.Error as exc:
        raise ReadError(error("not_a_spreadsheet")) from exc
    return Grid(_trim(rows), "csv")


def _too_many(count: int) -> Problem:
    from census_core.text import fmt_int

    return error(
        "too_many_rows",
        value=fmt_int(count),
        limit=fmt_int(MAX_ROWS),
        value_en=fmt_int(count, "en"),
        limit_en=fmt_int(MAX_ROWS, "en"),
    )


def _read_excel(data: bytes, sheet: str | None) -> Grid:
    try:
        book = python_calamine.load_workbook(io.BytesIO(data))
        names = list(book.sheet_names)
        if not names:
            raise ReadError(error("empty_file"))
        if sheet is not None and sheet not in names:
            raise ReadError(error("no_sheet", value=sheet, sheets=", ".join(names)))
        chosen = sheet if sheet is not None else names[0]
        ws = book.get_sheet_by_name(chosen)
        if ws.total_height > MAX_ROWS:
            raise ReadError(_too_many(ws.total_height))
        rows: list[list[object]] = [
            list(r) for r in ws.to_python(skip_empty_area=False, nrows=MAX_ROWS + 1)
        ]
    except ReadError:
        raise
    except Exception as exc:  # calamine raises many kinds on corrupt files; all mean "unreadable"
        if data.startswith(_ZIP) and b"xl/" not in data[:4096] and b"[Content_Types]" not in data:
            raise ReadError(error("not_a_spreadsheet")) from exc
        raise ReadError(error("unreadable_excel", detail=type(exc).__name__)) from exc
    return Grid(_trim(rows), "excel", chosen)


def _trim(rows: list[list[object]]) -> list[list[object]]:
    """Cut trailing empty cells and rows and overly wide rows; row numbers stay as they were."""
    out: list[list[object]] = []
    for row in rows:
        cells = row[:MAX_COLUMNS]
        if cells and type(cells[-1]) is str and cells[-1] and not cells[-1].isspace():
            out.append(cells)  # nothing to trim: most rows end in a value
            continue
        while cells and (
            cells[-1] is None or (isinstance(cells[-1], str) and not cells[-1].strip())
        ):
            cells.pop()
        out.append(cells)
    while out and not out[-1]:
        out.pop()
    return out


def sheet_names(data: bytes) -> list[str]:
    """The sheets of an Excel file (empty for CSV or unreadable files)."""
    if not (data.startswith(_ZIP) or data.startswith(_OLE)):
        return []
    try:
        return list(python_calamine.load_workbook(io.BytesIO(data)).sheet_names)
    except Exception:  # an unreadable workbook has no sheets to choose from
        return []

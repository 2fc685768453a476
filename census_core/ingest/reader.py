"""Bytes in, a grid of cells out: CSV (sniffed delimiter and encoding) or an Excel sheet.

An .xlsx is scanned before it is loaded (census_core.ingest.xlsxscan); every Excel file is
loaded in a child process under memory and CPU limits (census_core.ingest.excel_child).
"""

from __future__ import annotations

import csv
import io
import logging
import pickle
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from census_core.ingest import xlsxscan
from census_core.ingest.limits import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_FILE_MB,
    MAX_ROWS,
    READ_MEMORY_MB,
    READ_SECONDS,
)
from census_core.ingest.problems import Problem, error
from census_core.text import fmt_int

log = logging.getLogger(__name__)
_CHILD = Path(__file__).resolve().parent / "excel_child.py"
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
    if len(data) > MAX_FILE_MB << 20:
        raise ReadError(error("file_too_large", limit=fmt_int(MAX_FILE_MB)))
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
            rows.append(list(record[:MAX_COLUMNS]))
            if len(rows) > MAX_ROWS:
                raise ReadError(_too_many(text.count("\n") + 1))
    except csv.Error as exc:
        if "field limit" in str(exc):  # csv's own 128 KiB a field
            raise ReadError(_too_long()) from exc
        raise ReadError(error("not_a_spreadsheet")) from exc
    return Grid(_trim(rows), "csv")


def _too_long() -> Problem:
    return error(
        "cell_too_long", limit=fmt_int(MAX_CELL_CHARS), limit_en=fmt_int(MAX_CELL_CHARS, "en")
    )


def _too_many(count: int) -> Problem:
    return error(
        "too_many_rows",
        value=fmt_int(count),
        limit=fmt_int(MAX_ROWS),
        value_en=fmt_int(count, "en"),
        limit_en=fmt_int(MAX_ROWS, "en"),
    )


def _read_excel(data: bytes, sheet: str | None) -> Grid:
    try:
        xlsxscan.check_xlsx(data, sheet)
    except xlsxscan.Refused as refused:
        raise ReadError(refused.problem) from None
    result = _in_child(data, "grid", sheet)
    if result[0] == "grid":
        return Grid(_trim(result[2]), "excel", str(result[1]))
    if result[0] == "empty":
        raise ReadError(error("empty_file"))
    if result[0] == "no_sheet":
        raise ReadError(error("no_sheet", value=sheet, sheets=", ".join(result[1])))
    if result[0] == "too_many_rows":
        raise ReadError(_too_many(int(result[1])))
    if data.startswith(_ZIP) and b"xl/" not in data[:4096] and b"[Content_Types]" not in data:
        raise ReadError(error("not_a_spreadsheet"))
    # The reader's own word for the fault (XmlError, ...) tells an operator nothing: the log
    # keeps it for whoever looks into the file.
    log.info("an Excel file could not be read: %s", result[1])
    raise ReadError(error("unreadable_excel"))


def _in_child(data: bytes, mode: str, sheet: str | None) -> tuple:  # type: ignore[type-arg]
    """Run the Excel reader in its own process under READ_MEMORY_MB and READ_SECONDS."""
    args = [mode, str(READ_MEMORY_MB), str(READ_SECONDS), str(MAX_ROWS)]
    command = [sys.executable, "-I", str(_CHILD), *args, *([sheet] if sheet is not None else [])]
    try:
        # Wall time beyond the CPU limit: a loaded machine shares its cores.
        proc = subprocess.run(command, input=data, capture_output=True, timeout=2 * READ_SECONDS)
    except subprocess.TimeoutExpired:
        log.warning("Excel reader stopped after %s s", 2 * READ_SECONDS)
        raise ReadError(_read_limit()) from None
    if proc.returncode != 0:
        # Out of memory (a failed allocation aborts the reader) or out of CPU time.
        log.warning(
            "Excel reader ended with %s: %s",
            proc.returncode,
            proc.stderr[-2000:].decode("utf-8", "replace"),
        )
        raise ReadError(_read_limit())
    result = pickle.loads(proc.stdout)
    assert isinstance(result, tuple)
    return result


def _read_limit() -> Problem:
    return error(
        "read_limit",
        memory=fmt_int(READ_MEMORY_MB),
        seconds=fmt_int(READ_SECONDS),
        memory_en=fmt_int(READ_MEMORY_MB, "en"),
    )


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
    found = xlsxscan.sheets(data)
    if found is not None:  # an .xlsx: its workbook part names them, nothing else is read
        return [s.name for s in found]
    try:
        result = _in_child(data, "names", None)
    except ReadError:
        return []
    return list(result[1]) if result[0] == "names" else []

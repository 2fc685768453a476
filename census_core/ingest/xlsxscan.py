"""An .xlsx looked at before it is loaded: unpacked size, sheet extent, rows, text lengths.

A 1.6 KB file with one cell at XFD240000 asks the Excel reader for 125 GB; 80 million short
rows fit in 19 MB; a shared string of 1 GiB in 1 MB. The scan streams the zip's XML in chunks
with byte patterns (no tree, no loaded sheet) and stops at the first limit passed, so a
refusal takes seconds and a few MB whatever the file declares.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree

from census_core.ingest.limits import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_TEXT_BYTES,
    MAX_UNPACKED_MB,
)
from census_core.ingest.problems import Problem, error
from census_core.text import fmt_int, t

_CHUNK = 1 << 20
_MAIN_PART_MB = 10  # workbook.xml and its relationships: a list of sheets

_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_BIG_ROW_REF = re.compile(rb'\sr="[A-Z]{0,3}(\d{6,})"')  # a row or cell at row 100,000+
_WIDE_REF = re.compile(rb'\sr="([A-Z]{2,3})\d')  # a cell in column AA or beyond
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([^"]{0,40})"')
_REF = re.compile(r"([A-Z]{1,3})(\d{1,7})$")
_LONG_TEXT = re.compile(rb">[^<]{%d,}" % (MAX_TEXT_BYTES + 1))
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class Refused(Exception):
    """The file passes a limit; `problem` says which and what to do."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.reason)
        self.problem = problem


@dataclass(frozen=True)
class Sheet:
    name: str
    part: str  # the sheet's XML inside the zip


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


# A part that cannot be unpacked: a damaged package (zlib's own error is none of the others),
# an unknown compression (NotImplementedError) or an encrypted part (RuntimeError).
_BROKEN_PART = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    ValueError,
    zlib.error,
    NotImplementedError,
    RuntimeError,
)


def _open(data: bytes) -> zipfile.ZipFile | None:
    """The package, when it is an .xlsx (an .ods or .xlsb is left to the bounded reader)."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        book.getinfo("xl/workbook.xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return None
    return book


def sheets(data: bytes) -> list[Sheet] | None:
    """The workbook's sheets in order, or None when it is no readable .xlsx."""
    book = _open(data)
    if book is None:
        return None
    try:
        return _sheets(book)
    except (ElementTree.ParseError, KeyError, zipfile.BadZipFile, OSError, ValueError):
        return None


def _small_part(book: zipfile.ZipFile, name: str) -> bytes:
    if book.getinfo(name).file_size > _MAIN_PART_MB << 20:
        raise ValueError(f"{name} is larger than {_MAIN_PART_MB} MB")
    return book.read(name)


def _sheets(book: zipfile.ZipFile) -> list[Sheet]:
    targets: dict[str, str] = {}
    try:
        rels = ElementTree.fromstring(_small_part(book, "xl/_rels/workbook.xml.rels"))
        for rel in rels:
            target = rel.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[rel.get("Id", "")] = posixpath.normpath(part)
    except KeyError:
        pass
    out: list[Sheet] = []
    root = ElementTree.fromstring(_small_part(book, "xl/workbook.xml"))
    for node in root.iter():
        if node.tag.rsplit("}", 1)[-1] == "sheet":
            part = targets.get(node.get(_REL_NS, ""), "")
            out.append(Sheet(node.get("name", ""), part))
    return out


def check_xlsx(data: bytes, sheet: str | None = None) -> None:
    """Raise Refused when the .xlsx passes a limit; return when it may be loaded.

    Files that are no .xlsx, or whose parts are broken, pass: the reader says why they
    cannot be read, and it runs under its own memory and time limits.
    """
    book = _open(data)
    if book is None:
        return
    unpacked = sum(info.file_size for info in book.infolist())
    if unpacked > MAX_UNPACKED_MB << 20:
        raise Refused(
            error(
                "unpacked_too_large",
                value=fmt_int(unpacked >> 20),
                limit=fmt_int(MAX_UNPACKED_MB),
                value_en=fmt_int(unpacked >> 20, "en"),
            )
        )
    try:
        found = _sheets(book)
    except (ElementTree.ParseError, KeyError, *_BROKEN_PART):
        return
    chosen = next((s for s in found if sheet is None or s.name == sheet), None)
    names = set(book.namelist())
    try:
        if chosen is not None and chosen.part in names:
            _scan(book, chosen.part, chosen.name)
        if "xl/sharedStrings.xml" in names:
            _scan(book, "xl/sharedStrings.xml", None)
    except _BROKEN_PART:
        return  # a broken part: the reader's words, not ours


def _scan(book: zipfile.ZipFile, part: str, sheet: str | None) -> None:
    """Stream one part; refuse at the first limit passed."""
    rows = max_row = max_col = 0
    first = True
    carry = b""
    with book.open(part) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            buffer = carry + chunk
            end = len(buffer) if not chunk else buffer.rfind(b"<")
            if end <= 0:
                end = 0
            region, carry = buffer[:end], buffer[end:]
            if len(carry) > MAX_TEXT_BYTES or _LONG_TEXT.search(region):
                raise Refused(_too_long())
            if sheet is not None:
                if first and (dim := _DIMENSION.search(region)):
                    _check_extent(sheet, *_extent(dim.group(1).decode("ascii", "replace")))
                first = False
                rows += len(_ROW.findall(region))
                if rows > MAX_ROWS:
                    raise Refused(_too_many_rows())
                big = _BIG_ROW_REF.findall(region)
                if big:
                    max_row = max(max_row, *(int(n) for n in big))
                wide = set(_WIDE_REF.findall(region))
                if wide:
                    max_col = max(max_col, *(_column_number(w.decode()) for w in wide))
                _check_extent(sheet, max(max_row, rows), max_col)
            if not chunk:
                return


def _extent(ref: str) -> tuple[int, int]:
    """'A1:XFD240000' -> (240000, 16384): rows and columns counted from A1."""
    match = _REF.search(ref.split(":")[-1].replace("$", ""))
    if match is None:
        return 0, 0
    return int(match.group(2)), _column_number(match.group(1))


def _check_extent(sheet: str, rows: int, cols: int) -> None:
    if rows > MAX_ROWS or cols > MAX_COLUMNS or rows * cols > MAX_CELLS:
        raise Refused(
            error(
                "sheet_too_large",
                sheet=sheet,
                rows=fmt_int(rows),
                cols=fmt_int(cols),
                rows_en=fmt_int(rows, "en"),
                cols_en=fmt_int(cols, "en"),
                max_rows=fmt_int(MAX_ROWS),
                max_cols=fmt_int(MAX_COLUMNS),
                max_cells=fmt_int(MAX_CELLS),
                max_rows_en=fmt_int(MAX_ROWS, "en"),
                max_cols_en=fmt_int(MAX_COLUMNS, "en"),
                max_cells_en=fmt_int(MAX_CELLS, "en"),
            )
        )


def _too_many_rows() -> Problem:
    return error(
        "too_many_rows",
        value=t("value.more_than", "id", n=fmt_int(MAX_ROWS)),
        value_en=t("value.more_than", "en", n=fmt_int(MAX_ROWS, "en")),
        limit=fmt_int(MAX_ROWS),
        limit_en=fmt_int(MAX_ROWS, "en"),
    )


def _too_long() -> Problem:
    return error(
        "cell_too_long", limit=fmt_int(MAX_CELL_CHARS), limit_en=fmt_int(MAX_CELL_CHARS, "en")
    )

"""Formulas saved without their values, which a spreadsheet reader sees as empty cells.

Excel and LibreOffice store each formula's last value beside it (`<f>..</f><v>4040</v>`);
tools that write .xlsx without computing (openpyxl, many report generators) leave `<v>` out
or empty. The sheet's XML is streamed once, in chunks, and searched for a formula end with no
value after it: linear in the sheet's size, at the regex engine's speed, bounded in bytes.
"""

from __future__ import annotations

import html
import re
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from typing import IO

from census_core.ingest.reader import MAX_COLUMNS, MAX_ROWS, Grid
from census_core.ingest.values import UnsavedFormula

_CHUNK = 1 << 20
MAX_XML_BYTES = 512 << 20  # stop looking beyond this much sheet XML (the reader bounds files)
_MAX_ROW_BYTES = 16 << 20  # a row longer than this is no table of regions
_SMALL_PART = 16 << 20  # workbook.xml and its relationships are a few kilobytes
_MAX_FOUND = 10_000  # enough to name every such cell of any real table
_OPT = rb"(?:[\w.-]+:)?"  # a namespace prefix some writers put on every element
_ROOT = re.compile(rb"<([\w.-]+:)?worksheet\b")
_REF = re.compile(rb'(?:^|\s)r="([A-Za-z]{1,3})(\d{1,7})"')
_TYPE = re.compile(rb'(?:^|\s)t="(\w+)"')
_SHEET = re.compile(rb"<" + _OPT + rb"sheet\b([^>]*)>")
_RELATION = re.compile(rb"<" + _OPT + rb"Relationship\b([^>]*)>")


@dataclass(frozen=True)
class _Patterns:
    """The searches for one sheet, with its element prefix written out ('' or 'x:').

    A formula with no value after it ends '</f></c>', '</f><v/></c>' or '<f .../><v></v></c>'
    (a cell holds f, then v, then is); each search starts with a literal, which the regex
    engine finds at memchr speed, and cells whose value is saved never match.
    """

    ends: tuple[re.Pattern[bytes], ...]
    cell: re.Pattern[bytes]
    text: re.Pattern[bytes]
    row_end: bytes


@lru_cache(maxsize=8)
def _patterns(prefix: bytes) -> _Patterns:
    p = re.escape(prefix)
    empty = rb"\s*(?:<" + p + rb"v\s*/>|<" + p + rb"v\s*>\s*</" + p + rb"v>)?\s*</" + p + rb"c>"
    return _Patterns(
        ends=(
            re.compile(rb"</" + p + rb"f>" + empty),
            re.compile(rb"<" + p + rb"f\b[^<>]*/>" + empty),
        ),
        cell=re.compile(rb"<" + p + rb"c\b([^<>]*)>"),
        text=re.compile(rb"<" + p + rb"f\b[^<>]*>([^<]*)</" + p + rb"f>"),
        row_end=b"</" + prefix + b"row>",
    )


def mark_unsaved_formulas(grid: Grid, data: bytes) -> Grid:
    """The grid with each formula cell saved without a value set to an UnsavedFormula."""
    if grid.kind != "excel" or grid.sheet is None:
        return grid
    for (row, col), formula in unsaved_formulas(data, grid.sheet).items():
        if row > MAX_ROWS or col >= MAX_COLUMNS:
            continue  # outside what the reader reads
        while len(grid.rows) <= row:
            grid.rows.append([])
        cells = grid.rows[row]
        if len(cells) <= col:
            cells.extend([None] * (col + 1 - len(cells)))
        cells[col] = UnsavedFormula(formula)
    return grid


def unsaved_formulas(data: bytes, sheet: str) -> dict[tuple[int, int], str]:
    """(row, column) from 0 -> formula text, of the cells of `sheet` saved without a value."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as book:
            part = _sheet_part(book, sheet)
            if part is None:
                return {}  # not an Office Open XML workbook (.xls, .xlsb, .ods)
            with book.open(part) as stream:
                return _scan(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, KeyError,
            NotImplementedError, RuntimeError):  # fmt: skip
        return {}  # a part the reader took but zipfile cannot open (damaged, encrypted)


def _attribute(attributes: bytes, name: bytes) -> str | None:
    m = re.search(rb"(?:^|\s)" + name + rb'="([^"]*)"', attributes)
    return html.unescape(m.group(1).decode("utf-8", "replace")) if m else None


def _small(book: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = book.getinfo(name)
    except KeyError:
        return None
    return book.read(info) if info.file_size <= _SMALL_PART else None


def _sheet_part(book: zipfile.ZipFile, sheet: str) -> str | None:
    workbook, rels = _small(book, "xl/workbook.xml"), _small(book, "xl/_rels/workbook.xml.rels")
    if workbook is None or rels is None:
        return None
    rel_id = None
    for m in _SHEET.finditer(workbook):
        if _attribute(m.group(1), rb"name") == sheet:
            rel_id = _attribute(m.group(1), rb"(?:[\w.-]+:)id")
            break
    for m in _RELATION.finditer(rels):
        if rel_id is not None and _attribute(m.group(1), rb"Id") == rel_id:
            target = _attribute(m.group(1), rb"Target") or ""
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _scan(stream: IO[bytes]) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    rest, read = b"", 0
    patterns: _Patterns | None = None
    while read < MAX_XML_BYTES and len(found) < _MAX_FOUND and len(rest) < _MAX_ROW_BYTES:
        chunk = stream.read(_CHUNK)
        read += len(chunk)
        buffer = rest + chunk
        if patterns is None:
            root = _ROOT.search(buffer)
            if root is None:
                rest = buffer
                if chunk:
                    continue
                break
            patterns = _patterns(root.group(1) or b"")
        # Whole rows only; the rest waits for the next chunk (all of it at the end).
        cut = len(buffer)
        if chunk:
            end = buffer.rfind(patterns.row_end, max(0, len(rest) - 16))
            cut = end + len(patterns.row_end) if end >= 0 else 0
        _cells(buffer[:cut], patterns, found)
        rest = buffer[cut:]
        if not chunk:
            break
    return found


def _cell_start(xml: bytes, at: int, cell: re.Pattern[bytes]) -> re.Match[bytes] | None:
    """The start tag of the cell holding position `at` (a formula is a step or two inside)."""
    for _ in range(4):
        at = xml.rfind(b"<", 0, at)
        if at < 0:
            return None
        head = cell.match(xml, at)
        if head is not None:
            return head
    return None


def _cells(xml: bytes, patterns: _Patterns, found: dict[tuple[int, int], str]) -> None:
    for m in (m for end in patterns.ends for m in end.finditer(xml)):
        head = _cell_start(xml, m.start() + 1, patterns.cell)
        if head is None:
            continue
        attributes = head.group(1)
        kind = _TYPE.search(attributes)
        if kind and kind.group(1) == b"str":
            continue  # a formula whose saved value is the empty text
        ref = _REF.search(attributes)
        if ref is None:
            continue  # no address to name; writers that omit it also save values
        col = 0
        for letter in ref.group(1).upper().decode():
            col = col * 26 + ord(letter) - 64
        text = patterns.text.search(xml, head.end(), m.end())
        formula = html.unescape(text.group(1).decode("utf-8", "replace")) if text else ""
        found[(int(ref.group(2)) - 1, col - 1)] = formula
        if len(found) >= _MAX_FOUND:
            return

"""Hostile spreadsheets built in the test: minimal valid .xlsx packages written with zipfile."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from xml.sax.saxutils import escape

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Kecamatan</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>KK</t></is></c></row>'
)


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def row(number: int, name: str, count: int) -> str:
    return (
        f'<row r="{number}">{text_cell(f"A{number}", name)}'
        f'<c r="B{number}"><v>{count}</v></c></row>'
    )


def xlsx(
    rows: Iterable[str],
    *,
    dimension: str | None = None,
    shared: Iterable[str] = (),
) -> bytes:
    """A one-sheet workbook whose sheetData is `rows` (XML text, streamed into the zip) and
    whose shared strings are `shared` (XML text of the <si> items, streamed too)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with book.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(
                b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
                b'.org/spreadsheetml/2006/main">'
            )
            for item in shared:
                part.write(item.encode())
            part.write(b"</sst>")
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(_SHEET_HEAD.encode())
            if dimension:
                part.write(f'<dimension ref="{dimension}"/>'.encode())
            part.write(b"<sheetData>")
            buffer: list[str] = []
            for item in rows:
                buffer.append(item)
                if len(buffer) >= 4096:
                    part.write("".join(buffer).encode())
                    buffer.clear()
            part.write("".join(buffer).encode())
            part.write(b"</sheetData></worksheet>")
    return out.getvalue()


def far_cell() -> bytes:
    """1.6 KB: a header and one cell at XFD240000, the sheet's last column, row 240,000."""
    return xlsx(
        [HEADER_ROW, '<row r="240000"><c r="XFD240000"><v>1</v></c></row>'],
        dimension="A1:XFD240000",
    )


def long_sheet(rows: int = 300_000) -> bytes:
    """A header and `rows` short data rows: a sheet longer than the row limit."""
    return xlsx([HEADER_ROW, *(row(i, "Kaliwates", i) for i in range(2, rows + 2))], dimension=None)


def huge_shared_string(chars: int) -> bytes:
    """A header and one row whose name is a shared string of `chars` letters."""

    def items() -> Iterable[str]:
        yield "<si><t>"
        block = "a" * (1 << 20)
        left = chars
        while left > 0:
            yield block[: min(left, len(block))]
            left -= len(block)
        yield "</t></si>"

    body = [HEADER_ROW, '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>1</v></c></row>']
    return xlsx(body, dimension="A1:B2", shared=items())

"""Where the header is and what each column holds, read from the header words."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from census_core.ingest.values import (
    cell_text,
    day_month,
    find_date,
    find_year,
    looks_like_date,
    read_date,
    with_year,
)

HEADER_SCAN = 30  # the header is within the first rows; titles sit above it
_WORD = re.compile(r"[a-z0-9]+")
NUMBERING = {"no", "nomor", "nourut", "urut", "num", "number", "nr"}
CODE_WORDS = {"kode", "code", "kd", "id", "idwilayah"}
# Header words that name the region column, and the level each suggests.
REGION_WORDS = {
    "provinsi": "provinsi", "province": "provinsi", "prov": "provinsi",
    "kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kabupaten", "kabkota": "kabupaten",
    "regency": "kabupaten", "city": "kabupaten",
    "kecamatan": "kecamatan", "kec": "kecamatan", "district": "kecamatan",
    "desa": "desa", "kelurahan": "desa", "kel": "desa", "deskel": "desa", "village": "desa",
    "wilayah": "", "region": "", "nama": "", "name": "", "area": "",
}  # fmt: skip
HOUSEHOLD_WORDS = {"kk", "keluarga", "ruta", "households", "household", "families", "family", "krt"}
PERSON_WORDS = {"jiwa", "penduduk", "orang", "persons", "person", "people", "individu", "art"}
GENERIC_WORDS = {
    "jumlah", "total", "count", "terdata", "realisasi", "capaian", "hasil", "respon", "responden",
    "nilai", "value", "angka", "mengisi", "base", "sasaran", "target", "populasi", "population",
}  # fmt: skip
PERCENT_WORDS = {"persen", "persentase", "prosentase", "percent", "percentage", "pct", "share"}
SOURCE_WORDS = {"sumber", "source", "penetap", "versi"}  # who set a target: "Sumber target"
DATE_WORDS = {"tanggal", "tgl", "date", "hari", "day"}
TOTAL_PREFIXES = ("jumlah", "total", "grandtotal", "subtotal", "totalkeseluruhan")


def words(text: str) -> set[str]:
    low = text.lower().replace("rumah tangga", "ruta").replace("kab/kota", "kabkota")
    return set(_WORD.findall(low))


def column_letter(index: int) -> str:
    """0 -> 'A', 27 -> 'AB', as Excel names columns."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


@dataclass
class Layout:
    """The header row and the role of each column (0-based indices)."""

    header_row: int  # 0-based index into the grid
    names: dict[int, str]  # column -> header text as written (or its letter)
    region: int | None = None
    code: int | None = None
    numbering: int | None = None
    date_col: int | None = None
    parent: int | None = None  # e.g. the kecamatan column beside a desa column
    hint: str | None = None  # level the region column's header suggests
    parent_hint: str | None = None
    measures: dict[int, str] = field(default_factory=dict)  # count column -> measure or ""
    shares: list[int] = field(default_factory=list)
    source: int | None = None  # targets: the column naming who set each target
    dates: dict[int, date] = field(default_factory=dict)  # wide layout: column -> date
    first_data: int = 0
    numbers_row: int | None = None  # the '(1) (2) (3)' row under the header, skipped

    @property
    def kind(self) -> str:
        if self.date_col is not None:
            return "long"
        # Several date columns make a wide sheet even beside a 'Target KK' or 'Jumlah' column.
        if self.dates and (not self.measures or len(self.dates) >= 2):
            return "wide"
        return "snapshot"

    def name(self, col: int) -> str:
        return self.names.get(col) or column_letter(col)


def _classify(layout: Layout, col: int, text: str) -> None:
    w = words(text)
    if not w and not text.strip():
        return
    if "%" in text or w & PERCENT_WORDS:
        layout.shares.append(col)
    elif w & SOURCE_WORDS and layout.source is None:
        layout.source = col
    elif (w & CODE_WORDS) and layout.code is None:
        layout.code = col
    elif w & HOUSEHOLD_WORDS:
        layout.measures[col] = "households"
    elif w & PERSON_WORDS:
        layout.measures[col] = "persons"
    elif w & DATE_WORDS and layout.date_col is None:
        layout.date_col = col
    elif w & set(REGION_WORDS) and not (w & GENERIC_WORDS):
        if layout.region is not None:
            layout.parent = layout.region  # the more specific region column comes last
            layout.parent_hint = layout.hint
        layout.region = col
        layout.hint = next((REGION_WORDS[x] for x in w if REGION_WORDS.get(x)), None)
    elif w <= NUMBERING or text.strip() == "#":
        layout.numbering = col
    elif w & GENERIC_WORDS:
        layout.measures[col] = ""


def find_layout(rows: list[list[object]], year: int | None = None) -> Layout | None:
    """The first row, near the top, that heads a region column and a number or date column.

    Header dates without a year ('27 Feb', '1 Maret', '27/2') take the year written in the
    title above the header, else `year` (from the file name, the chosen date or the campaign).
    """
    for i, row in enumerate(rows[:HEADER_SCAN]):
        names: dict[int, str] = {}
        layout = Layout(header_row=i, names=names)
        header_year: int | None = None
        for col, cell in enumerate(row):
            text = cell_text(cell)
            if looks_like_date(cell) and not words(text) & (DATE_WORDS | set(REGION_WORDS)):
                names[col] = text
                layout.dates[col] = read_date(cell)
                continue
            if (dm := day_month(cell)) is not None:
                if header_year is None:
                    header_year = title_year(rows, i) or year
                day = with_year(dm, header_year) if header_year is not None else None
                if day is not None:
                    names[col] = text
                    layout.dates[col] = day
                    continue
            names[col] = text
            _classify(layout, col, text)
        if layout.region is None and layout.code is None:
            continue
        if not (layout.measures or layout.dates or layout.shares):
            # A two-row header: 'Jumlah' merged above 'KK | Jiwa' in the row below.
            if i + 1 < len(rows) and _sub_header(layout, rows[i + 1]):
                layout.first_data = i + 2
                _skip_numbers(layout, rows)
                return layout
            continue
        layout.first_data = i + 1
        below = rows[i + 1] if i + 1 < len(rows) else []
        region_col = layout.region if layout.region is not None else layout.code
        if region_col is not None and not cell_text(
            below[region_col] if region_col < len(below) else ""
        ):
            _sub_header(layout, below)
        _skip_numbers(layout, rows)
        return layout
    return None


def _skip_numbers(layout: Layout, rows: list[list[object]]) -> None:
    if layout.first_data < len(rows) and is_column_numbers(rows[layout.first_data]):
        layout.numbers_row = layout.first_data
        layout.first_data += 1


_COLUMN_NUMBER = re.compile(r"^\s*\(?\s*(\d{1,3})\s*\)?\s*$")


def is_column_numbers(row: list[object]) -> bool:
    """A statistical table's row of column numbers under the header: '(1) (2) (3)' or 1 2 3."""
    numbers: list[int] = []
    for cell in row:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        if isinstance(cell, bool):
            return False
        if isinstance(cell, int | float) and float(cell).is_integer():
            numbers.append(int(cell))
            continue
        m = _COLUMN_NUMBER.match(cell) if isinstance(cell, str) else None
        if m is None:
            return False
        numbers.append(int(m.group(1)))
    if len(numbers) < 2:
        return False
    return all(b == a + 1 for a, b in itertools.pairwise(numbers))


def title_year(rows: list[list[object]], header_row: int) -> int | None:
    """A year written above the header ('PROGRES HARIAN SPO 2020')."""
    for i in range(header_row):
        for cell in rows[i]:
            if isinstance(cell, date):
                return cell.year
            if isinstance(cell, str) and (found := find_year(cell)) is not None:
                return found
    return None


def _sub_header(layout: Layout, row: list[object]) -> bool:
    found = False
    for col, cell in enumerate(row):
        text = cell_text(cell)
        w = words(text)
        if w & (HOUSEHOLD_WORDS | PERSON_WORDS):
            layout.measures[col] = "households" if w & HOUSEHOLD_WORDS else "persons"
            above = layout.names.get(col, "")
            layout.names[col] = f"{above} {text}".strip()
            found = True
    if found:
        layout.first_data = layout.header_row + 2
    return found


def title_date(rows: list[list[object]], header_row: int) -> tuple[date, int] | None:
    """A date written above the header ('Kondisi s.d. 5 Maret 2020'), with its row index."""
    for i in range(header_row):
        for cell in rows[i]:
            if isinstance(cell, date):
                return read_date(cell), i
            found = find_date(cell_text(cell))
            if found:
                return found, i
    return None


def is_total_text(text: str) -> bool:
    head = text.lstrip()[:1].lower()
    if head not in ("j", "t", "g", "s"):  # cheap first look: most cells are names or codes
        return False
    key = re.sub(r"[^a-z]", "", text.lower())
    return key.startswith(TOTAL_PREFIXES)

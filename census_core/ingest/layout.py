"""Where the header is and what each column holds, read from the header words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from census_core.ingest.values import cell_text, find_date, looks_like_date, read_date

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


def find_layout(rows: list[list[object]]) -> Layout | None:
    """The first row, near the top, that heads a region column and a number or date column."""
    for i, row in enumerate(rows[:HEADER_SCAN]):
        names: dict[int, str] = {}
        layout = Layout(header_row=i, names=names)
        for col, cell in enumerate(row):
            text = cell_text(cell)
            if looks_like_date(cell) and not words(text) & (DATE_WORDS | set(REGION_WORDS)):
                names[col] = text
                layout.dates[col] = read_date(cell)
                continue
            names[col] = text
            _classify(layout, col, text)
        if layout.region is None and layout.code is None:
            continue
        if not (layout.measures or layout.dates or layout.shares):
            # A two-row header: 'Jumlah' merged above 'KK | Jiwa' in the row below.
            if i + 1 < len(rows) and _sub_header(layout, rows[i + 1]):
                layout.first_data = i + 2
                return layout
            continue
        layout.first_data = i + 1
        below = rows[i + 1] if i + 1 < len(rows) else []
        region_col = layout.region if layout.region is not None else layout.code
        if region_col is not None and not cell_text(
            below[region_col] if region_col < len(below) else ""
        ):
            _sub_header(layout, below)
        return layout
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

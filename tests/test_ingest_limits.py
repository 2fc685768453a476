"""Hostile spreadsheets are refused before they are loaded, in words, within seconds.

Each file is built here (tests/hostile.py); each would abort or exhaust the process if read
whole: a cell at XFD240000, 300,000 rows, one cell of 320 MB of text, a name of 60,000
letters, an .ods of repeated rows.
"""

import io
import random
import string
import subprocess
import sys
import time
import zipfile

import pytest

from census_core.geo.similar import pair_similar, similarity
from census_core.ingest import Options, read_counts
from census_core.ingest.matching import Matcher
from census_core.ingest.reader import sheet_names
from census_core.ingest.service import check_upload
from census_core.settings import Settings
from census_core.standings.snapshot import load_snapshot
from tests import hostile

BOUND = 20.0  # seconds: generous for a loaded 2-core machine; the refusals take about one


def refused(data: bytes, regions, name: str = "x.xlsx", options: Options | None = None):
    start = time.monotonic()
    upload = read_counts(data, name, regions, options or Options(home="35.09"))
    assert time.monotonic() - start < BOUND
    assert not upload.ok
    return upload


def test_a_cell_at_xfd240000_is_refused_naming_the_limit(regions):
    data = hostile.far_cell()
    assert len(data) < 2000
    upload = refused(data, regions)
    assert [p.reason for p in upload.errors] == ["sheet_too_large"]
    message = upload.errors[0].message()
    assert "Lembar 'Sheet1'" in message and "240.000 baris x 16.384 kolom" in message
    assert "batasnya 250.000 baris dan 400 kolom" in message
    assert "Simpan ulang hanya tabel datanya" in message
    english = upload.errors[0].message("en")
    assert "240,000 rows x 16,384 columns" in english and "250,000 rows and 400 columns" in english


def test_a_declared_dimension_alone_is_refused(regions):
    data = hostile.xlsx([hostile.HEADER_ROW], dimension="A1:XFD240000")
    upload = refused(data, regions)
    assert [p.reason for p in upload.errors] == ["sheet_too_large"]


def test_the_check_service_refuses_it_too(demo_store):
    snap = load_snapshot(demo_store)
    start = time.monotonic()
    checked = check_upload(hostile.far_cell(), "x.xlsx", "counts", snap, Settings())
    assert time.monotonic() - start < BOUND
    assert [p.reason for p in checked.upload.errors] == ["sheet_too_large"]
    targets = check_upload(hostile.far_cell(), "x.xlsx", "targets", snap, Settings())
    assert [p.reason for p in targets.upload.errors] == ["sheet_too_large"]


def test_a_long_sheet_is_refused_while_scanning():
    from census_core.regions import load_regions

    data = hostile.long_sheet(300_000)
    upload = refused(data, load_regions())
    assert [p.reason for p in upload.errors] == ["too_many_rows"]
    assert "lebih dari 250.000 baris; batasnya 250.000" in upload.errors[0].message()


def test_a_huge_shared_string_is_refused_by_its_unpacked_size(regions):
    data = hostile.huge_shared_string(320 << 20)
    assert len(data) < 1_000_000
    upload = refused(data, regions)
    assert [p.reason for p in upload.errors] == ["unpacked_too_large"]
    assert "batasnya 300 MB" in upload.errors[0].message()


def test_a_long_shared_string_is_refused_before_loading(regions):
    upload = refused(hostile.huge_shared_string(1 << 20), regions)
    assert [p.reason for p in upload.errors] == ["cell_too_long"]
    assert "32.767 karakter" in upload.errors[0].message()


def _random_name(n: int) -> str:
    rng = random.Random(12)
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(n))


def test_a_very_long_name_is_refused_by_row_without_fuzzy_search(regions):
    name = _random_name(60_000)
    data = hostile.xlsx([hostile.HEADER_ROW, hostile.row(2, name, 5), hostile.row(3, "Jelbuk", 3)])
    assert len(data) < 70_000
    upload = refused(data, regions, options=Options(home="35.09", date=None))
    problems = [(p.row, p.column, p.reason) for p in upload.errors]
    assert (2, "Kecamatan", "name_too_long") in problems
    assert "60.000 karakter; batasnya 1.000" in upload.errors[0].message()


def test_a_long_name_in_csv_is_refused_by_row(regions):
    text = "Kecamatan,KK\n" + _random_name(5_000) + ",5\nJelbuk,3\n"
    upload = refused(text.encode(), regions, "x.csv")
    assert (upload.errors[0].row, upload.errors[0].reason) == (2, "name_too_long")


def test_a_csv_cell_beyond_the_field_limit_says_so(regions):
    text = "Kecamatan,KK\n" + "a" * 200_000 + ",5\n"
    upload = refused(text.encode(), regions, "x.csv")
    assert [p.reason for p in upload.errors] == ["cell_too_long"]


def test_similar_name_search_is_bounded(regions):
    name = _random_name(1_000_000)
    start = time.monotonic()
    assert similarity(name, "Kaliwates") == 0.0
    pairs = pair_similar({"x": name}, {"x": {"35.09.19": "Kaliwates", "35.09.25": "Jelbuk"}})
    assert pairs["x"].status == "none"
    assert Matcher(regions, "35.09").suggest(name, "kecamatan", "35.09") == []
    assert time.monotonic() - start < BOUND


def _ods_repeated_rows() -> bytes:
    """1 KB of .ods whose one row repeated 99,000 times over 1,000 columns asks for 3 GB."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1">'
        f"<table:table-row>{cell.format('Kecamatan')}{cell.format('KK')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="99000"><table:table-cell '
        'table:number-columns-repeated="1000" office:value-type="float" office:value="1">'
        "<text:p>1</text:p></table:table-cell></table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
        'names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
        'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
        'spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
        'manifest:media-type="text/xml"/></manifest:manifest>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("META-INF/manifest.xml", manifest)
        book.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_an_unforeseen_blow_up_is_contained_in_the_reading_process(regions):
    upload = refused(_ods_repeated_rows(), regions, "x.ods")
    assert [p.reason for p in upload.errors] == ["read_limit"]
    assert "MB" in upload.errors[0].message() and "Simpan ulang" in upload.errors[0].message()


def test_sheet_names_of_a_hostile_workbook_come_back_quickly():
    start = time.monotonic()
    assert sheet_names(hostile.huge_shared_string(320 << 20)) == ["Sheet1"]
    assert sheet_names(hostile.far_cell()) == ["Sheet1"]
    assert time.monotonic() - start < BOUND


def test_an_ordinary_workbook_still_reads(regions):
    data = hostile.xlsx(
        [hostile.HEADER_ROW, hostile.row(2, "Kaliwates", 4040), hostile.row(3, "Jelbuk", 344)],
        dimension="A1:B3",
    )
    upload = read_counts(data, "rekap 2020-03-05.xlsx", regions, Options(home="35.09"))
    assert upload.ok, [p.message() for p in upload.problems]
    assert list(upload.records["value"]) == [4040, 344]


@pytest.mark.parametrize(
    "make,words",
    [
        (hostile.far_cell, "240.000 baris x 16.384 kolom"),
        (lambda: hostile.long_sheet(300_000), "lebih dari 250.000 baris"),
    ],
)
def test_the_command_line_exits_1_with_the_message(demo_url, tmp_path, make, words):
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(make())
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "census_core", "import", str(path), "--db", demo_url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert time.monotonic() - start < BOUND + 10  # the interpreter and the store start too
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert words in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and "panicked" not in proc.stderr


def test_a_file_past_the_size_limit_is_refused_by_its_size(demo_url, tmp_path):
    path = tmp_path / "besar.csv"
    with path.open("wb") as file:
        file.write(b"Kecamatan,KK\n")
        line = b"Kaliwates,1\n" * 100_000
        while file.tell() <= 101 << 20:
            file.write(line)
    proc = subprocess.run(
        [sys.executable, "-m", "census_core", "import", str(path), "--db", demo_url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "Berkas lebih besar dari 100 MB" in proc.stdout

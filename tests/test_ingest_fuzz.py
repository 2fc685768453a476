"""Fuzzing the ingest boundary: random bytes, random tables and mutated real files.

Whatever comes in ends as records or problems, never an exception (nor the last-resort
'system_fault' problem, which is the system's); a rejected file yields no records; and a
commit stores all or nothing.
"""

import os
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from census_core.ingest import Options, read_counts
from census_core.ingest.targets import read_targets
from census_core.regions import load_regions
from census_core.services import commit_upload
from census_core.store import Store

CORPUS = Path(__file__).parent / "fixtures" / "uploads"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".csv", ".tsv", ".xlsx"))
OPTIONS = Options(home="35.09", date=date(2020, 3, 5), today=date(2020, 3, 31))
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def assert_contained(data: bytes, name: str = "fuzz.csv"):
    regions = load_regions()
    for read in (read_counts, read_targets):
        upload = read(data, name, regions, OPTIONS)
        assert "system_fault" not in [p.reason for p in upload.problems], upload.problems
        for problem in upload.problems:
            assert problem.message("id") and problem.message("en")
        if not upload.ok:
            assert upload.records.empty
        else:
            assert not upload.records.empty
    return upload


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    assert_contained(data)


@FUZZ
@given(st.binary(max_size=600))
def test_random_bytes_behind_an_excel_signature(data):
    assert_contained(b"PK\x03\x04" + data, "fuzz.xlsx")


cells = st.one_of(
    st.sampled_from(
        [
            "Kaliwates",
            "Sumber Sari",
            "KEC. JELBUK",
            "Jombang",
            "Kota Malang",
            "Malang",
            "JUMLAH",
            "Kecamatan",
            "KK",
            "Jiwa",
            "Tanggal",
            "Kode",
            "35.09.19",
            "350925",
            "No",
            "Target (%)",
            "5 Maret 2020",
            "05/03/2020",
            "2020-03-04",
            "05/03/20",
            "0001-01-01",
            "1600-01-01",
            "2300-01-01",
            "9" * 5000,
            "1%",
            "0,5%",
            "4.040",
            "4,040",
            "12,5",
            "-3",
            "",
            "-",
            "=SUM(A1:A3)",
            "<script>x</script>",
            '"',
            "Kondisi s.d. 5 Maret 2020",
        ]
    ),
    st.integers(min_value=-10, max_value=10**7).map(str),
    st.text(max_size=12),
)
tables = st.lists(st.lists(cells, min_size=1, max_size=6), min_size=0, max_size=25)


@FUZZ
@given(tables, st.sampled_from([",", ";", "\t"]), st.sampled_from(["utf-8", "cp1252", "utf-8-sig"]))
def test_random_tables(rows, delimiter, encoding):
    text = "\r\n".join(delimiter.join(row) for row in rows)
    assert_contained(text.encode(encoding, errors="replace"))


@st.composite
def mutated(draw):
    path = draw(st.sampled_from(FILES))
    data = bytearray(path.read_bytes())
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        if not data:
            break
        at = draw(st.integers(min_value=0, max_value=len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if action == "flip":
            data[at] = draw(st.integers(min_value=0, max_value=255))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[at : at + draw(st.integers(min_value=1, max_value=16))]
        else:
            del data[at:]
    return path.name, bytes(data)


@FUZZ
@given(mutated())
def test_mutated_real_files(case):
    name, data = case
    assert_contained(data, name)


_STORE_DIR = tempfile.mkdtemp(prefix="fuzz-store-")
_STORE = Store(f"sqlite:///{Path(_STORE_DIR) / 'fuzz.db'}", load_regions())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_commits_are_all_or_nothing(case):
    name, data = case
    before_batches = len(_STORE.batches())
    before = _STORE.current_counts()
    upload = read_counts(data, name, _STORE.regions, OPTIONS, existing=before)
    if not upload.ok:
        assert _STORE.version() and len(_STORE.batches()) == before_batches
        return
    result = commit_upload(upload, _STORE, "fuzz")
    after = _STORE.current_counts()
    if result.batch is None:
        pd.testing.assert_frame_equal(before, after)
        return
    stored = after[after["batch_id"] == result.batch]
    assert len(stored) == len(upload.records)  # the whole file, not a part of it


def test_a_broken_compressed_sheet_is_named_not_a_fault():
    """A sheet whose compressed stream is damaged (zlib refuses it while the package's size
    checks read it) is the reader's 'cannot read' problem, not a system fault."""
    import zipfile

    original = CORPUS / "desa_per_kecamatan.xlsx"
    data = bytearray(original.read_bytes())
    info = zipfile.ZipFile(original).getinfo("xl/worksheets/sheet1.xml")
    # The member's data starts after its local header (30 bytes, its name, its extra field).
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start] = 0x07  # a deflate block type that does not exist
    upload = assert_contained(bytes(data), original.name)
    assert not upload.ok


def test_a_sheet_with_broken_xml_is_named_in_the_operators_words():
    """A sheet whose XML is cut short: the reader's own word for it (XmlError) is not shown;
    the message says what is wrong and what to do, in both languages."""
    import io
    import zipfile

    original = CORPUS / "desa_per_kecamatan.xlsx"
    out = io.BytesIO()
    with zipfile.ZipFile(original) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = body[: len(body) // 2]  # cut inside the rows
            dst.writestr(item, body)
    upload = assert_contained(out.getvalue(), original.name)
    assert not upload.ok
    words = [p.message("id") for p in upload.problems] + [p.message("en") for p in upload.problems]
    assert any("rusak" in w and "simpan ulang" in w for w in words), words
    assert not any("Error" in w for w in words), words

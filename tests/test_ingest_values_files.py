"""Wrong values refused by row in real files: percent signs, far dates, huge numbers, formulas."""

import io
import json
import re
import zipfile
from datetime import date

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from census_core.cli import main
from census_core.ingest import Options, read_counts
from census_core.ingest.service import check_upload
from census_core.ingest.targets import read_targets
from census_core.settings import Settings
from census_core.standings.snapshot import load_snapshot

OPTS = Options(home="35.09", date=date(2020, 3, 5), today=date(2020, 3, 31))
LONG = Options(home="35.09", today=date(2020, 3, 31))


def xlsx(rows, formats=None) -> bytes:
    """A workbook as openpyxl writes it: formulas are saved without their values."""
    book = openpyxl.Workbook()
    ws = book.active
    for row in rows:
        ws.append(row)
    for ref, number_format in (formats or {}).items():
        ws[ref].number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def cache_values(data: bytes, values: dict[str, str]) -> bytes:
    """The same workbook as Excel would save it, each formula's value stored beside it."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = body.decode()
                for ref, value in values.items():
                    text = re.sub(
                        rf'(<c r="{ref}"[^>]*>)(<f>.*?</f>)(?:<v ?/>|<v></v>)',
                        rf"\1\2<v>{value}</v>",
                        text,
                    )
                body = text.encode()
            dst.writestr(item, body)
    return out.getvalue()


def found(upload):
    return sorted(((p.row, p.column, p.reason) for p in upload.problems), key=lambda p: p[0] or 0)


def test_percent_signs_are_read_as_percent(demo_store):
    data = (
        b"Kecamatan;KK;Target (%)\n"
        b"Kaliwates;30.000;1%\n"
        b"Jelbuk;10.000;0,5%\n"
        b"Patrang;20.000;2%\n"
        b"Sumbersari;25.000;50%\n"
        b"Ajung;12.000;50\n"
        b"Arjasa;9.000;0,5\n"
    )
    checked = check_upload(data, "sasaran.csv", "targets", load_snapshot(demo_store), Settings())
    assert checked.upload.ok, found(checked.upload)
    shares = list(checked.upload.records["share"])
    assert shares == pytest.approx([0.01, 0.005, 0.02, 0.5, 0.5, 0.5])


def test_percent_cells_of_excel_keep_their_value(regions):
    data = xlsx(
        [["Kecamatan", "KK", "Target (%)"], ["Kaliwates", 30000, 0.01], ["Jelbuk", 10000, 0.5]],
        {"C2": "0%", "C3": "0%"},
    )
    upload = read_targets(data, "sasaran.xlsx", regions, OPTS)
    assert upload.ok and list(upload.records["share"]) == pytest.approx([0.01, 0.5])


def test_dates_outside_the_campaign_are_refused_by_row_and_the_rest_still_checked(regions):
    data = (
        b"Tanggal,Kecamatan,KK\n"
        b"2020-03-05,Kaliwates,4040\n"
        b"0001-01-01,Jelbuk,344\n"
        b"05/03/20,Patrang,1000\n"
        b"1900-01-01,Sumbersari,3000\n"
        b"1600-01-01,Ajung,100\n"
        b"2300-01-01,Arjasa,100\n"
        b"2020-03-05,Jelbuk,12x\n"
    )
    upload = read_counts(data, "harian.csv", regions, LONG)
    assert found(upload) == [
        (3, "Tanggal", "two_digit_year"),
        (4, "Tanggal", "two_digit_year"),
        (5, "Tanggal", "date_out_of_window"),
        (6, "Tanggal", "date_out_of_window"),
        (7, "Tanggal", "date_out_of_window"),
        (8, "KK", "not_a_number"),
    ]
    assert upload.records.empty and upload.fault is None
    assert "2019" in upload.problems[2].message() and "2031" in upload.problems[2].message()


def test_excel_serials_one_and_sixty_are_no_census_days(regions):
    data = xlsx(
        [
            ["Tanggal", "Kecamatan", "KK"],
            [1, "Kaliwates", 4040],
            [60, "Jelbuk", 344],
            [date(1900, 1, 1), "Patrang", 1000],
            [60, "Sumbersari", 3000],
            [date(2020, 3, 5), "Ajung", 100],
        ],
        {"A2": "yyyy-mm-dd", "A3": "yyyy-mm-dd", "A4": "yyyy-mm-dd"},
    )
    upload = read_counts(data, "harian.xlsx", regions, LONG)
    assert found(upload) == [(r, "Tanggal", "date_out_of_window") for r in (2, 3, 4, 5)]


def test_a_far_date_in_the_title_or_a_column_header_is_refused(regions):
    title = b"Kondisi s.d. 5 Maret 1920\nKecamatan,KK\nKaliwates,4040\n"
    upload = read_counts(
        title, "rekap.csv", regions, Options(home="35.09", today=date(2020, 3, 31))
    )
    assert found(upload) == [(1, None, "date_out_of_window")]
    assert (
        upload.problems[0]
        .message()
        .startswith("Baris 1: 'Kondisi s.d. 5 Maret 1920' di luar masa sensus")
    )
    wide = b"Kecamatan,2020-03-04,1600-03-05\nKaliwates,4000,4040\n"
    upload = read_counts(wide, "tren.csv", regions, LONG)
    assert found(upload) == [(1, "1600-03-05", "date_out_of_window")]
    assert upload.fault is None
    named = read_counts(b"Kecamatan,KK\nKaliwates,4040\n", "rekap 05-03-20.csv", regions, LONG)
    assert [p.message("en") for p in named.problems] == [
        "'rekap 05-03-20.csv': the year is incomplete. Write the year with four digits, e.g. "
        "05/03/2020 or 2020-03-05."
    ]
    chosen = Options(home="35.09", date=date(1900, 1, 1), today=date(2020, 3, 31))
    upload = read_counts(b"Kecamatan,KK\nKaliwates,4040\n", "x.csv", regions, chosen)
    assert found(upload) == [(None, None, "date_out_of_window")]


def test_an_oversized_number_names_its_row_and_the_rest_is_checked(regions):
    data = (
        "Rekap SPO Kabupaten Jember\n"
        "\n"
        "No;Kecamatan;Jumlah KK\n"
        "1;Kaliwates;4.040\n"
        "2;Jelbuk;344\n"
        "3;Patrang;3.000\n"
        f"4;Sumbersari;1234{'5' * 4996}\n"
        "5;Ajung;12,5\n"
        f"6;Arjasa;{'9' * 5000}\n"
    ).encode()
    upload = read_counts(data, "rekap.csv", regions, OPTS)
    assert found(upload) == [
        (7, "Jumlah KK", "too_large"),
        (8, "Jumlah KK", "not_whole_number"),
        (9, "Jumlah KK", "too_large"),
    ]
    message = upload.problems[0].message()
    assert message.startswith("Baris 7: Jumlah KK '12345") and len(message) < 200
    assert "terlalu besar (paling besar 1.000.000.000)" in message


def test_formulas_saved_without_values_are_refused_with_the_fix(regions):
    data = xlsx(
        [
            ["Kecamatan", "Jumlah KK"],
            ["Kaliwates", 4040],
            ["Jelbuk", "=B2-3696"],
            ['=UPPER("patrang")', 1000],
            ["Sumbersari", 3000],
            ["JUMLAH", "=SUM(B2:B5)"],
        ]
    )
    upload = read_counts(data, "rekap_5_maret_2020.xlsx", regions, OPTS)
    assert found(upload) == [
        (3, "Jumlah KK", "formula_without_value"),
        (4, "Kecamatan", "formula_without_value"),
    ]
    problem = next(p for p in upload.problems if p.row == 3)
    assert problem.message().startswith(
        "Baris 3: kolom Jumlah KK berisi rumus tanpa nilai tersimpan ('=B2-3696')"
    )
    assert "buka berkas di Excel atau LibreOffice lalu simpan ulang" in problem.message()
    assert "Open the file in Excel or LibreOffice and save it again" in problem.message("en")


def test_formulas_with_their_saved_values_are_read(regions):
    data = xlsx(
        [
            ["Kecamatan", "Jumlah KK"],
            ["Kaliwates", 4040],
            ["Jelbuk", "=B2-3696"],
            ["JUMLAH", "=SUM(B2:B3)"],
        ]
    )
    upload = read_counts(cache_values(data, {"B3": "344", "B4": "4384"}), "r.xlsx", regions, OPTS)
    assert upload.ok and found(upload) == []
    assert list(upload.records["value"]) == [4040, 344]


def test_a_formula_without_value_in_a_date_or_share_column(regions):
    counts = xlsx(
        [
            ["Tanggal", "Kecamatan", "KK"],
            [date(2020, 3, 5), "Kaliwates", 4040],
            ["=A2", "Jelbuk", 344],
        ]
    )
    assert found(read_counts(counts, "h.xlsx", regions, LONG)) == [
        (3, "Tanggal", "formula_without_value")
    ]
    targets = xlsx([["Kecamatan", "KK", "Target (%)"], ["Kaliwates", 30000, "=0.5"]])
    assert found(read_targets(targets, "t.xlsx", regions, OPTS)) == [
        (2, "Target (%)", "formula_without_value")
    ]


def test_the_command_line_refuses_them_by_row(demo_url, tmp_path, capsys):
    path = tmp_path / "rekap.xlsx"
    path.write_bytes(
        xlsx(
            [
                ["Tanggal", "Kecamatan", "Jumlah KK"],
                ["05/03/20", "Kaliwates", 4041],
                ["2020-03-05", "Jelbuk", "=1+1"],
                ["2020-03-05", "Patrang", "9" * 5000],
                ["2300-01-01", "Sumbersari", 3000],
            ]
        )
    )
    code = main(["import", str(path), "--json", "--lang", "en", "--db", demo_url])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and out["status"] == "rejected" and out["committed"] == 0
    assert [(e["row"], e["column"]) for e in out["errors"]] == [
        (2, "Tanggal"),
        (3, "Jumlah KK"),
        (4, "Jumlah KK"),
        (5, "Tanggal"),
    ]
    messages = [e["message"] for e in out["errors"]]
    assert "four digits" in messages[0]
    assert "save it again" in messages[1]
    assert "(at most 1,000,000,000)" in messages[2]
    assert "2019" in messages[3] and "ref" not in " ".join(messages)


cell = st.one_of(
    st.sampled_from(["Kaliwates", "Jelbuk", "=SUM(B2:B3)", "=A1", "1%", "0,5%", "05/03/20"]),
    st.sampled_from(["1600-01-01", "2300-01-01", "0001-01-01", "9" * 5000, 4040, 0.5]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(
        [["Kecamatan", "KK"], ["Tanggal", "Kecamatan", "KK"], ["Kecamatan", "KK", "%"]]
    ),
    st.lists(st.lists(cell, min_size=1, max_size=3), max_size=8),
)
def test_any_workbook_ends_as_records_or_problems(regions, header, rows):
    data = xlsx([header, *rows])
    for read in (read_counts, read_targets):
        upload = read(data, "x.xlsx", regions, OPTS)
        assert upload.fault is None, upload.problems
        assert upload.ok or upload.records.empty

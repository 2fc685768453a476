import csv
import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from census_core.display.export import export_frame, to_csv, to_csv_id, to_xlsx
from census_core.markup import neutralise
from census_core.standings.progress import standings

EVIL = [
    '=HYPERLINK("http://x","klik")',
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
]


@pytest.mark.parametrize("text", EVIL)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Kaliwates", "Kota Batu", "", 36464, -5, 12.5, None])
def test_other_values_stay_as_they_are(value):
    assert neutralise(value) == value


def _frame():
    frame = pd.DataFrame(
        {
            "Wilayah": ["Kaliwates", *EVIL],
            "Jumlah": [4040, -1, 2, 3, 4, 5, 6],
            "Persen": [25.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        }
    )
    frame["Jumlah"] = frame["Jumlah"].astype("Int64")
    return frame


def test_csv_carries_no_formula():
    text = to_csv(_frame()).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Wilayah", "Jumlah", "Persen"]
    assert rows[1] == ["Kaliwates", "4040", "25.5"]
    names = [r[0] for r in rows[2:]]
    assert all(n.startswith("'") for n in names)
    assert rows[2][1] == "-1"  # numbers stay numbers


def test_xlsx_carries_no_formula_and_keeps_numbers():
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(_frame())))
    sheet = book.active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    assert [c.value for c in sheet[2]] == ["Kaliwates", 4040, 25.5]
    assert all(str(sheet.cell(r, 1).value).startswith("'") for r in range(3, 9))
    assert sheet.cell(3, 2).value == -1


def test_export_frame_of_a_board(regions):
    counts = pd.DataFrame(
        [("35.09.19", "2020-03-05", 4040), ("35.09.25", "2020-03-03", 344)],
        columns=["region", "date", "value"],
    )
    counts["date"] = pd.to_datetime(counts["date"])
    board = standings(counts, regions, "kecamatan", "35.09", date(2020, 3, 5))
    frame = export_frame(board)
    assert list(frame.columns)[:4] == ["Peringkat", "Kode", "Wilayah", "Jumlah KK"]
    first = frame.iloc[0]
    assert (first["Peringkat"], first["Wilayah"], first["Jumlah KK"]) == (1, "Kaliwates", 4040)
    jelbuk = frame[frame["Wilayah"] == "Jelbuk"].iloc[0]
    assert jelbuk["Tanggal data"] == "2020-03-03"
    assert jelbuk["Keterangan"] == "data 3 Maret"
    assert export_frame(board, lang="en").columns[3] == "Count (households)"
    # The share is of the target, and says so (not "Persen target", an upload's share column).
    assert list(frame.columns)[5] == "Capaian target (%)"
    assert export_frame(board, lang="en").columns[5] == "Share of target (%)"


def test_export_says_which_figures_are_carried_forward(regions):
    counts = pd.DataFrame(
        [("35.09.19", "2020-03-05", 4040), ("35.09.25", "2020-03-03", 344)],
        columns=["region", "date", "value"],
    )
    counts["date"] = pd.to_datetime(counts["date"])
    board = standings(counts, regions, "kecamatan", "35.09", date(2020, 3, 5))
    frame = export_frame(board).set_index("Wilayah")
    assert frame.at["Jelbuk", "Angka hari sebelumnya"] == "ya"
    assert frame.at["Kaliwates", "Angka hari sebelumnya"] == "tidak"
    assert export_frame(board, lang="en").columns[-1] == "Figure of an earlier day"


def test_csv_for_indonesian_excel_reads_back_with_semicolons_and_decimal_commas():
    data = to_csv_id(_frame())
    text = data.decode("utf-8-sig")
    assert text.splitlines()[1] == "Kaliwates;4040;25,5"
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(back.columns) == ["Wilayah", "Jumlah", "Persen"]
    assert back["Persen"].tolist() == [25.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    assert back["Jumlah"].tolist() == [4040, -1, 2, 3, 4, 5, 6]
    assert all(str(n).startswith("'") for n in back["Wilayah"][1:])  # still no formula


def test_a_board_exported_for_indonesian_excel_reads_back_as_the_board(regions):
    counts = pd.DataFrame(
        [("35.09.19", "2020-03-05", 4040), ("35.09.25", "2020-03-05", 344)],
        columns=["region", "date", "value"],
    )
    counts["date"] = pd.to_datetime(counts["date"])
    targets = pd.DataFrame([("35.09.19", 16000, None)], columns=["region", "base", "share"])
    board = standings(counts, regions, "kecamatan", "35.09", date(2020, 3, 5), targets=targets)
    frame = export_frame(board)
    back = pd.read_csv(
        io.BytesIO(to_csv_id(frame)), sep=";", decimal=",", encoding="utf-8-sig", dtype={1: str}
    )
    assert back.shape == frame.shape and list(back.columns) == list(frame.columns)
    assert back.iloc[0, 5] == pytest.approx(50.5)  # 4.040 of 8.000: a number, not text
    assert back.iloc[0, 1] == "35.09.19"


def test_export_names_the_target_of_each_share(regions):
    counts = pd.DataFrame([("35.09.19", "2020-03-05", 4040)], columns=["region", "date", "value"])
    counts["date"] = pd.to_datetime(counts["date"])
    targets = pd.DataFrame([("35.09.19", 31654, 0.5)], columns=["region", "base", "share"])
    board = standings(
        counts, regions, "kecamatan", "35.09", date(2020, 3, 5),
        targets=targets, target_source="Pemkab 50%",
    )  # fmt: skip
    frame = export_frame(board).set_index("Wilayah")
    assert frame.loc["Kaliwates", "Sumber target"] == "Pemkab 50%"
    assert frame.loc["Jelbuk", "Sumber target"] == ""  # no target, no source
    assert export_frame(board, lang="en").columns[6] == "Target source"

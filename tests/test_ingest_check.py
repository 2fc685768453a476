"""Issue 15: every problem of a file in one check, and the shapes offices produce."""

from datetime import date, timedelta

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from census_core.ingest import Options, read_counts
from census_core.ingest.layout import find_layout, is_column_numbers
from census_core.ingest.report import preview_table
from census_core.ingest.values import DATE_FIRST, DATE_LAST, day_month, find_year, with_year

OPTS = Options(home="35.09", date=date(2020, 3, 5), today=date(2020, 3, 31))
# The store holds 4 March: Jelbuk had 350, so 344 on 5 March is a fall.
STORE = pd.DataFrame(
    {
        "region": ["35.09.25", "35.09.19"],
        "date": pd.to_datetime(["2020-03-04", "2020-03-04"]),
        "measure": ["households", "households"],
        "value": [350, 4000],
    }
)
REVISED = (
    "Kecamatan,KK\n"
    "Kaliwatess,4040\n"  # row 2: misspelt
    "Patrang,31O5\n"  # row 3: a letter O
    "Jelbuk,344\n"  # row 4: below 4 March
    "Ajung,950\n"
    "Ajung,960\n"  # row 6: twice, another value
    "JUMLAH,9500\n"
)


def _read(text: str, regions):
    return read_counts(text.encode(), "revisi.csv", regions, OPTS, existing=STORE)


def test_the_revised_file_names_every_problem_in_the_first_check(regions):
    upload = _read(REVISED, regions)
    found = sorted((p.row, p.reason) for p in upload.problems)
    assert found == [
        (2, "unknown_region"),
        (3, "letter_in_number"),
        (4, "decrease"),
        (6, "conflict"),
        (7, "total_mismatch"),
    ]
    conflict = next(p for p in upload.problems if p.reason == "conflict")
    assert "5" in conflict.message("en") and "row 5" in conflict.message("en")  # both rows
    assert "3.105" in next(p for p in upload.problems if p.row == 3).message("id")


def test_the_total_figure_stays_while_the_file_is_fixed(regions):
    rounds = [
        REVISED,
        REVISED.replace("Kaliwatess", "Kaliwates"),
        REVISED.replace("Kaliwatess", "Kaliwates").replace("31O5", "3105"),
    ]
    figures = set()
    for text in rounds:
        total = next(p for p in _read(text, regions).problems if p.reason == "total_mismatch")
        figures.add(total.message("id"))
    assert len(figures) == 1 and "9.399" in figures.pop()


def test_a_rejected_file_shows_its_numbers_with_each_problem_marked(regions):
    upload = _read(REVISED, regions)
    assert not upload.ok
    table = preview_table(upload, regions, "id")
    kk = list(table["KK"])
    assert kk[0] == "4.040"  # an unknown region still shows its number
    assert kk[1].startswith("✖") and "31O5" in kk[1]  # the cell the error is about
    assert kk[2].startswith("⚠")  # the fall, a warning
    assert table[table.columns[1]].iloc[0].startswith("✖")  # the misspelt name


def test_a_desa_named_twice_asks_for_its_kecamatan_column(regions):
    text = "Desa,KK\nGlagahwero,330\n"
    upload = read_counts(text.encode(), "d.csv", regions, OPTS)
    assert [p.reason for p in upload.errors] == ["ambiguous_desa"]
    assert "Kecamatan" in upload.errors[0].message("id")
    assert "Kab./Kota" not in upload.errors[0].message("id")


MONTH_WORDS = {
    1: ["Jan", "Januari"], 2: ["Feb", "Februari", "Peb"], 3: ["Mar", "Maret", "March"],
    4: ["Apr", "April"], 5: ["Mei", "May"], 6: ["Jun", "Juni"], 7: ["Jul", "Juli"],
    8: ["Agu", "Agustus", "Aug"], 9: ["Sep", "September"], 10: ["Okt", "Oktober"],
    11: ["Nov", "Nopember"], 12: ["Des", "Desember", "Dec"],
}  # fmt: skip
census_days = st.dates(min_value=DATE_FIRST, max_value=DATE_LAST)


@given(census_days, st.data())
def test_a_year_less_header_date_reads_back_in_its_year(day, data):
    word = data.draw(st.sampled_from(MONTH_WORDS[day.month]))
    written = data.draw(
        st.sampled_from(
            [f"{day.day} {word}", f"{day.day:02d} {word}.", f"{day.day}/{day.month}",
             f"{day.day}-{day.month}", f"{day.day} {word.upper()}"]
        )
    )  # fmt: skip
    assert with_year(day_month(written), day.year) == day  # type: ignore[arg-type]


@given(st.text(max_size=30))
def test_day_month_never_raises_and_finds_real_days_only(text):
    found = day_month(text)
    if found is not None:
        day, month = found
        assert date(2020, month, day)  # a day of some year


@given(census_days, st.integers(min_value=2, max_value=8))
def test_a_day_by_day_header_takes_the_title_year(first, n):
    days = [first + timedelta(days=i) for i in range(n)]
    header = ["Kecamatan", *(f"{d.day} {MONTH_WORDS[d.month][0]}" for d in days)]
    rows: list[list[object]] = [[f"PROGRES HARIAN SPO {first.year}"], header, ["Silo", *range(n)]]
    layout = find_layout(rows, year=None)
    assert layout is not None and layout.kind == "wide"
    # A run across New Year's Eve keeps the title's year for every column, as written.
    assert [d.replace(year=first.year) for d in days] == [
        layout.dates[c] for c in sorted(layout.dates)
    ] or any(d.month == 2 and d.day == 29 for d in days)


@given(st.integers(min_value=1, max_value=5), st.integers(min_value=2, max_value=12))
def test_column_numbers_are_told_from_data(start, width):
    numbers = [f"({i})" for i in range(start, start + width)]
    assert is_column_numbers(numbers)
    assert not is_column_numbers(["Kaliwates", *numbers[1:]])


def test_the_year_comes_from_title_then_file_name(regions):
    assert find_year("harian_kk_2020.xlsx") == 2020
    assert find_year("rekap_20200305.csv") == 2020
    assert find_year("rekap 1999.csv") is None
    text = "Kecamatan,1 Mar,2 Mar\nJelbuk,330,344\n"
    titled = "Progres SPO 2021\n" + text
    assert read_counts(titled.encode(), "h_2020.csv", regions, Options()).dates[0].year == 2021
    assert read_counts(text.encode(), "h_2020.csv", regions, Options()).dates[0].year == 2020
    chosen = Options(date=date(2020, 3, 5), campaign_year=2019)
    assert read_counts(text.encode(), "h.csv", regions, chosen).dates[0].year == 2020
    assert read_counts(text.encode(), "h.csv", regions, Options(campaign_year=2020)).ok

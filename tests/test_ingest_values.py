"""Numbers and dates as offices write them; hypothesis checks the parsers' invariants."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from census_core.ingest.values import (
    ValueProblem,
    find_date,
    parse_count,
    parse_date,
    parse_number,
)
from census_core.text import fmt_date


@pytest.mark.parametrize(
    "cell,expected",
    [
        ("4040", 4040),
        ("4.040", 4040),
        ("4,040", 4040),
        ("1.234.567", 1234567),
        ("1,234,567", 1234567),
        ("4.040,00", 4040),
        ("4,040.00", 4040),
        ("4040.0", 4040),
        (" 4 040 ", 4040),
        ("4\u00a0040", 4040),
        (4040, 4040),
        (4040.0, 4040),
        ("0", 0),
    ],
)
def test_counts_as_offices_write_them(cell, expected):
    assert parse_count(cell) == expected


@pytest.mark.parametrize(
    "cell,reason",
    [
        ("12,5", "not_whole_number"),
        ("12.5", "not_whole_number"),
        (12.5, "not_whole_number"),
        ("-4", "negative"),
        ("−4", "negative"),
        ("(4)", "negative"),
        (-4, "negative"),
        ("abc", "not_a_number"),
        ("4.04O", "not_a_number"),
        ("50%", "not_a_number"),
        (True, "not_a_number"),
        (date(2020, 3, 5), "not_a_number"),
        (float("nan"), "not_a_number"),
        ("12345678901", "too_large"),
    ],
)
def test_what_is_no_count(cell, reason):
    with pytest.raises(ValueProblem) as exc:
        parse_count(cell)
    assert exc.value.reason == reason


@pytest.mark.parametrize(
    "cell",
    [
        "2020-03-05",
        "2020-03-05 00:00:00",
        "05/03/2020",
        "5/3/2020",
        "5-3-2020",
        "05.03.2020",
        "05/03/20",
        "5 Maret 2020",
        "05 MARET 2020",
        "5 Mar 2020",
        "5 March 2020",
        "March 5, 2020",
        "5-Mar-2020",
        date(2020, 3, 5),
        datetime(2020, 3, 5, 0, 0),
        43895,  # Excel's serial day number
    ],
)
def test_dates(cell):
    assert parse_date(cell) == date(2020, 3, 5)


@pytest.mark.parametrize("cell", ["31/02/2020", "2020-13-01", "Maret", "5 Maret", "besok", 12])
def test_what_is_no_date(cell):
    with pytest.raises(ValueProblem):
        parse_date(cell)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Kondisi s.d. 5 Maret 2020", date(2020, 3, 5)),
        ("REKAP SPO PER TANGGAL 06-03-2020", date(2020, 3, 6)),
        ("spo_jember_20200305.xlsx", date(2020, 3, 5)),
        ("rekap 2020-03-05 final.csv", date(2020, 3, 5)),
        ("rekap_5_maret_2020.csv", date(2020, 3, 5)),
        ("Rekap SPO Kabupaten Jember", None),
        ("jember 2020.csv", None),
    ],
)
def test_dates_inside_titles_and_file_names(text, expected):
    assert find_date(text) == expected


@pytest.mark.parametrize("cell,expected", [("50", 50.0), ("50%", 50.0), ("0,5", 0.5), (0.6, 0.6)])
def test_shares(cell, expected):
    assert parse_number(cell) == expected


counts = st.integers(min_value=0, max_value=999_999_999)


@given(counts)
def test_thousands_separators_parse_alike(n):
    dotted = f"{n:,}".replace(",", ".")
    assert parse_count(str(n)) == parse_count(dotted) == parse_count(f"{n:,}") == n
    assert parse_count(f"{dotted},00") == parse_count(float(n)) == n


@given(counts.filter(lambda n: n > 0), st.integers(min_value=1, max_value=99))
def test_fractions_are_refused(n, cents):
    with pytest.raises(ValueProblem) as exc:
        parse_count(f"{n},{cents:02d}" if cents % 10 else f"{n},{cents}")
    assert exc.value.reason in ("not_whole_number", "not_a_number")


@given(st.text(max_size=30))
def test_any_text_is_a_count_or_a_reason(text):
    try:
        assert parse_count(text) >= 0
    except ValueProblem as exc:
        assert exc.reason in ("not_a_number", "not_whole_number", "negative", "too_large")


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


@given(days)
def test_dates_round_trip_in_every_written_form(day):
    forms = [
        day.isoformat(),
        day.strftime("%d/%m/%Y"),
        f"{day.day}-{day.month}-{day.year}",
        fmt_date(day, "id"),
        fmt_date(day, "en"),
        day.strftime("%B %d, %Y"),
        day.strftime("%d %b %Y"),
    ]
    for form in forms:
        assert parse_date(form) == day, form
    assert find_date(f"Kondisi s.d. {fmt_date(day)}") == day


@given(st.text(max_size=40))
def test_any_text_is_a_date_or_a_reason(text):
    try:
        parse_date(text)
    except ValueProblem as exc:
        assert exc.reason == "bad_date"
    find_date(text)

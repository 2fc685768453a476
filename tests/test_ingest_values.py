"""Numbers and dates as offices write them; hypothesis checks the parsers' invariants."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from census_core.ingest.problems import error
from census_core.ingest.values import (
    DATE_FIRST,
    DATE_LAST,
    UnsavedFormula,
    ValueProblem,
    find_date,
    parse_count,
    parse_date,
    parse_number,
    parse_share,
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


# Only days of the campaign's window (2019..2031) are census days; a year needs four digits.
@pytest.mark.parametrize(
    "cell,reason",
    [
        ("05/03/20", "two_digit_year"),
        ("5-3-20", "two_digit_year"),
        ("0001-01-01", "two_digit_year"),
        ("0020-03-05", "two_digit_year"),
        ("1900-01-01", "date_out_of_window"),
        ("5 Maret 1920", "date_out_of_window"),
        ("1600-01-01", "date_out_of_window"),
        ("2300-01-01", "date_out_of_window"),
        ("31/12/2018", "date_out_of_window"),
        ("2032-01-01", "date_out_of_window"),
        (date(1900, 1, 1), "date_out_of_window"),  # an Excel date cell holding serial 1
        (date(1900, 2, 28), "date_out_of_window"),  # ... and serial 60
        (datetime(2300, 1, 1), "date_out_of_window"),
        (1, "date_out_of_window"),  # a bare serial day number
        (60, "date_out_of_window"),
        (30000, "date_out_of_window"),  # 18 February 1982
        (UnsavedFormula("A2"), "formula_without_value"),
    ],
)
def test_days_outside_the_campaign_are_refused(cell, reason):
    with pytest.raises(ValueProblem) as exc:
        parse_date(cell)
    assert exc.value.reason == reason


def test_the_window_is_stated_in_the_messages():
    message = error("date_out_of_window", row=3, column="Tanggal", value="1900-01-01").message()
    assert message.startswith("Baris 3: Tanggal '1900-01-01' di luar masa sensus")
    assert "1 Januari 2019" in message and "31 Desember 2031" in message
    english = error("two_digit_year", row=3, column="Tanggal", value="05/03/20").message("en")
    assert english.startswith("Row 3: Tanggal '05/03/20'") and "four digits" in english


def test_an_oversized_number_is_refused_naming_the_limit():
    with pytest.raises(ValueProblem) as exc:
        parse_count("1234" + "5" * 4996)
    assert exc.value.reason == "too_large"
    problem = error("too_large", row=7, column="Jumlah KK", value="1234" + "5" * 4996)
    assert problem.message().startswith("Baris 7: Jumlah KK '12345")
    assert "…' terlalu besar (paling besar 1.000.000.000)" in problem.message()
    assert len(problem.message()) < 200
    assert "(at most 1,000,000,000)" in problem.message("en")


@given(st.text(alphabet="0123456789", min_size=11, max_size=6000).filter(lambda t: t[0] != "0"))
def test_any_long_number_is_too_large(digits):
    for cell in (digits, f"-{digits}", f"{digits},5"):
        with pytest.raises(ValueProblem) as exc:
            parse_count(cell)
        assert exc.value.reason in ("too_large", "negative", "not_whole_number")
    with pytest.raises(ValueProblem):
        parse_share(digits)


def test_a_formula_without_its_value_is_no_number():
    for parse in (parse_count, parse_share):
        with pytest.raises(ValueProblem) as exc:
            parse(UnsavedFormula("SUM(B2:B5)"))
        assert exc.value.reason == "formula_without_value"
    message = error(
        "formula_without_value", row=4, column="Jumlah KK", value="=SUM(B2:B5)"
    ).message()
    assert message.startswith(
        "Baris 4: kolom Jumlah KK berisi rumus tanpa nilai tersimpan ('=SUM(B2:B5)')"
    )
    assert "buka berkas di Excel atau LibreOffice lalu simpan ulang" in message


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


@pytest.mark.parametrize("cell,expected", [("50", 50.0), ("0,5", 0.5), (0.6, 0.6), ("12,5", 12.5)])
def test_numbers(cell, expected):
    assert parse_number(cell) == expected


# A percent sign means percent; a bare number above 1 is a percentage, one up to 1 a fraction.
@pytest.mark.parametrize(
    "cell,expected",
    [
        ("1%", 0.01),
        ("0,5%", 0.005),
        ("0.5%", 0.005),
        ("2%", 0.02),
        ("50%", 0.5),
        ("50 %", 0.5),
        ("12,5%", 0.125),
        ("100%", 1.0),
        ("50", 0.5),
        (50, 0.5),
        ("12,5", 0.125),
        ("0,5", 0.5),
        (0.5, 0.5),
        (0.01, 0.01),  # an Excel cell formatted as 1%
        ("1", 1.0),
        ("100", 1.0),
    ],
)
def test_shares(cell, expected):
    assert parse_share(cell) == pytest.approx(expected)


@pytest.mark.parametrize("cell", ["0%", "0", "150%", "101", "-5%", "-0,5", "abc", "%", "5%%"])
def test_what_is_no_share(cell):
    with pytest.raises(ValueProblem) as exc:
        parse_share(cell)
    assert exc.value.reason == "bad_share"


@given(st.integers(min_value=1, max_value=10_000))
def test_a_percent_sign_divides_by_a_hundred(hundredths):
    whole, cents = divmod(hundredths, 100)
    for text in (f"{whole},{cents:02d}%", f"{whole}.{cents:02d}%", f"{whole},{cents:02d} %"):
        assert parse_share(text) == pytest.approx(hundredths / 10_000), text


@given(st.integers(min_value=2, max_value=100))
def test_a_whole_percentage_reads_alike_with_or_without_its_sign(n):
    assert parse_share(f"{n}%") == parse_share(str(n)) == parse_share(n) == pytest.approx(n / 100)


@given(st.text(max_size=30))
def test_any_text_is_a_share_or_a_reason(text):
    try:
        assert 0 < parse_share(text) <= 1
    except ValueProblem as exc:
        assert exc.reason == "bad_share"


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


days = st.dates(min_value=DATE_FIRST, max_value=DATE_LAST)


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


@given(st.dates().filter(lambda d: not DATE_FIRST <= d <= DATE_LAST))
def test_days_outside_the_window_are_refused_in_every_written_form(day):
    forms = [day, datetime(day.year, day.month, day.day), day.isoformat()]
    if day.year >= 1000:
        forms += [day.strftime("%d/%m/%Y"), fmt_date(day, "id"), fmt_date(day, "en")]
    for form in forms:
        with pytest.raises(ValueProblem) as exc:
            parse_date(form)
        assert exc.value.reason in ("date_out_of_window", "two_digit_year"), form


@given(st.text(max_size=40))
def test_any_text_is_a_date_or_a_reason(text):
    try:
        assert DATE_FIRST <= parse_date(text) <= DATE_LAST
    except ValueProblem as exc:
        assert exc.reason in ("bad_date", "two_digit_year", "date_out_of_window")
    find_date(text)

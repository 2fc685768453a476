from datetime import date

import pandas as pd
import pytest

from census_core.text import (
    fmt_date,
    fmt_date_short,
    fmt_int,
    fmt_pct,
    fmt_signed,
    fmt_signed_pct,
    ranking_title,
    stale_note,
)


@pytest.mark.parametrize(
    "func,value,lang,expected",
    [
        (fmt_int, 36464, "id", "36.464"),
        (fmt_int, 1234567, "id", "1.234.567"),
        (fmt_int, 36464, "en", "36,464"),
        (fmt_int, None, "id", "–"),
        (fmt_pct, 12.5, "id", "12,5%"),
        (fmt_pct, 12.5, "en", "12.5%"),
        (fmt_signed, 1234, "id", "+1.234"),
        (fmt_signed, -56, "id", "−56"),
        (fmt_date, date(2020, 3, 5), "id", "5 Maret 2020"),
        (fmt_date, date(2020, 3, 5), "en", "5 March 2020"),
        (fmt_date_short, date(2020, 3, 5), "id", "5 Mar"),
    ],
)
def test_formats(func, value, lang, expected):
    assert func(value, lang) == expected


def test_ranking_title_comes_from_the_core():
    assert ranking_title("kecamatan", "Kabupaten Jember", "percent", date(2020, 3, 5)) == (
        "Peringkat kecamatan Kabupaten Jember menurut persentase target, data s.d. 5 Maret 2020"
    )


@pytest.mark.parametrize(
    "value,lang,expected",
    [(4.83, "id", "+4,8"), (-0.26, "id", "−0,3"), (0.0, "id", "0,0"), (4.83, "en", "+4.8")],
)
def test_signed_percentage_points(value, lang, expected):
    assert fmt_signed_pct(value, lang) == expected


def test_stale_note_names_the_day():
    assert stale_note(pd.Timestamp("2020-03-03")) == "data 3 Maret"
    assert stale_note(pd.Timestamp("2020-03-03"), "en") == "data of 3 March"

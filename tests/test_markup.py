"""Text from users made fit to store: clean_text."""

import pytest

from census_core.markup import clean_text


@pytest.mark.parametrize(
    "given,limit,expected",
    [
        ("Ani", 120, "Ani"),
        ("  Ani  Sulastri ", 120, "Ani Sulastri"),
        # NUL, escape, DEL and C1 controls go; line breaks and tabs part words.
        ("A\x00n\x1bi\x7f\x9b", 120, "Ani"),
        ("Ani\r\nSulastri\tJember\x85x", 120, "Ani Sulastri Jember x"),
        ("\ud800Ani", 120, "Ani"),  # a lone surrogate cannot be written as UTF-8
        # Letters of any script and emoji stay.
        ("Dwi Ayu Ṡ 📊", 120, "Dwi Ayu Ṡ 📊"),
        ("x" * 300, 120, "x" * 120),
        ("abc def", 4, "abc"),
        ("\x00\x01", 120, ""),
    ],
)
def test_clean_text(given, limit, expected):
    assert clean_text(given, limit) == expected

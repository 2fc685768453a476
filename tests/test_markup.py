"""Text from users made inert: md_escape for Markdown, clean_text for the store."""

import pytest

from census_core.markup import clean_text, md_escape


@pytest.mark.parametrize(
    "given,expected",
    [
        # Figures, names and sentences stay as written: a metric shows its value as given.
        ("36.464", "36.464"),
        ("+1.234", "+1.234"),
        ("12,5%", "12,5%"),
        ("Tertinggi: Kabupaten Jember (36.464 KK)", "Tertinggi: Kabupaten Jember (36.464 KK)"),
        # HTML becomes entities; links, emphasis, code, maths and strikes get a backslash.
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Jelbuk [klik](javascript:x)", "Jelbuk \\[klik\\](javascript:x)"),
        ("a*b_c`d`~e~|f", "a\\*b\\_c\\`d\\`\\~e\\~\\|f"),
        ("$5$ \\", "\\$5\\$ \\\\"),
        # Streamlit's shortcodes and colour directives stay text.
        (":material/home: :smile:", "\\:material/home: \\:smile:"),
        (":red[x]", ":red\\[x\\]"),
        # A heading or a list cannot start, and the text stays on one line.
        ("# Judul", "\\# Judul"),
        ("- satu", "\\- satu"),
        ("1. satu", "1\\. satu"),
        ("baris\nkedua\r", "baris kedua "),
    ],
)
def test_md_escape(given, expected):
    assert md_escape(given) == expected


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

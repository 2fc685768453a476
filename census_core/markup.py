"""Text from files and users made inert before it reaches Markdown or HTML."""

from __future__ import annotations

import html
import re
import unicodedata

# Everything Markdown (and Streamlit's extensions: :colors[], $math$) gives a meaning to.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>:$&])")


def md_escape(text: object) -> str:
    """Text shown literally inside st.markdown / st.error: no links, images, HTML or emphasis."""
    # A backslash makes any ASCII punctuation literal in CommonMark, '<' and '&' included.
    value = _MD_SPECIAL.sub(r"\\\1", str(text))
    return value.replace("\n", " ").replace("\r", " ")


def html_escape(text: object) -> str:
    """Text shown literally inside HTML (tooltips, unsafe_allow_html blocks)."""
    return html.escape(str(text), quote=True)


# A spreadsheet reads a cell that starts with one of these as a formula (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; the rest as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def clean_text(text: object, limit: int) -> str:
    """One line of text fit to store: no control characters (C0, C1: a NUL makes PostgreSQL
    refuse the row), no lone surrogates, runs of blanks made one space, at most `limit` long."""
    kept = "".join(
        " " if char in _BREAKS else char
        for char in str(text)
        if char in _BREAKS or unicodedata.category(char) not in ("Cc", "Cs")
    )
    return " ".join(kept.split())[:limit].rstrip()


# Line breaks and tabs part words; every other control character is dropped.
_BREAKS = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x85")

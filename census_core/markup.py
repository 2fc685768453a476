"""Text from files and users made inert before it reaches Markdown or HTML."""

from __future__ import annotations

import html
import re
import unicodedata

# Inline Markdown (and Streamlit's :color[...] directives and $math$): escaped anywhere.
_MD_INLINE = re.compile(r"([\\`*_\[\]$~|])")
# Streamlit's :emoji: and :material/icon: shortcodes: the colon that opens one.
_MD_SHORTCODE = re.compile(r":(?=[\w/+-]+:)")
# What makes a line a heading, a list item or a rule when it starts the text.
# (The text is one line, so only its start can be one.)
_MD_BLOCK = re.compile(r"^(\s*)(#|[-+](?=\s|$)|\d+(?=[.)](?:\s|$)))")


def md_escape(text: object) -> str:
    """Text shown literally through Markdown (st.markdown, captions, alerts, labels, metrics):
    no links, images, HTML, emphasis, maths, icons, headings or lists, on one line.

    HTML characters become entities, inline markup gets a backslash, and a number such as
    '36.464' or '+1.234' stays as it is (a metric's value is shown as written).
    """
    value = html.escape(str(text), quote=False).replace("\n", " ").replace("\r", " ")
    value = _MD_SHORTCODE.sub(r"\\:", _MD_INLINE.sub(r"\\\1", value))
    return _MD_BLOCK.sub(_block_escaped, value)


def _block_escaped(found: re.Match[str]) -> str:
    lead, marker = found.groups()
    if marker[0].isdigit():  # '1. ' or '1) ' starts an ordered list: escape the '.' or ')'
        return f"{lead}{marker}\\"
    return f"{lead}\\{marker}"


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

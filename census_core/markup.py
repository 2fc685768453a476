"""Text from files and users made inert before it reaches Markdown or HTML."""

from __future__ import annotations

import html
import re

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


def neutralize_cell(value: object) -> object:
    """A cell safe to export: text starting with = + - @ (a formula to Excel) gets a quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value

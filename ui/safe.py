"""Text from data (region names, uploaders) shown through Markdown must stay text."""

from __future__ import annotations

import html
import re

# Characters that start Markdown links, emphasis, code, maths or Streamlit's :color[...] directives.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]$~|])")


def md(text: object) -> str:
    """Escape HTML and Markdown, so '<script>' or '[x](y)' in a name is shown, never run."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=True))

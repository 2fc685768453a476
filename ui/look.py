"""What the theme cannot set: captions dark enough to read on every background of the app."""

from __future__ import annotations

import streamlit as st

# Streamlit draws a caption in the text colour at opacity 0.6 (#828180 on white, 3.9:1; #7f7e7d
# on the sidebar, 3.8:1), below WCAG AA's 4.5:1, and no theme option changes it. At 0.8 the
# text colour #2f2d2b shows as #595857: 7.0:1 on white, 6.6:1 on the sidebar, and still lighter
# than the text beside it; a dark theme's light text stays light.
CAPTION_OPACITY = 0.8

_STYLE = f"""<style>
[data-testid="stApp"] [data-testid="stCaptionContainer"] {{ opacity: {CAPTION_OPACITY}; }}
</style>"""


def readable() -> None:
    """Captions every reader can read (WCAG AA, 4.5:1); a style alone takes no room on the page."""
    st.html(_STYLE)

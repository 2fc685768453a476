"""What the theme cannot set: captions dark enough to read on every background of the app, and
KPI cards that read whole in a narrow column."""

from __future__ import annotations

import streamlit as st

# Streamlit draws a caption in the text colour at opacity 0.6 (#828180 on white, 3.9:1; #7f7e7d
# on the sidebar, 3.8:1), below WCAG AA's 4.5:1, and no theme option changes it. At 0.8 the
# text colour #2f2d2b shows as #595857: 7.0:1 on white, 6.6:1 on the sidebar, and still lighter
# than the text beside it; a dark theme's light text stays light.
CAPTION_OPACITY = 0.8

# A card cuts its figure and notes with "…" where they do not fit: on a 1024x768 projector
# "○ tertinggal" showed as "○ terti…" and "sejak kemarin" as "sejak kem…". The figure shrinks
# with the card (19% of its width, at most the usual 2.25rem) and wraps as a last resort; the
# delta and its note go onto two lines instead of being cut (tests/e2e/test_cards.py).
_STYLE = f"""<style>
[data-testid="stApp"] [data-testid="stCaptionContainer"] {{ opacity: {CAPTION_OPACITY}; }}
[data-testid="stMetricValue"] {{ container-type: inline-size; }}
[data-testid="stMetricValue"] > div {{ font-size: min(2.25rem, 19cqi); }}
[data-testid="stMetric"] .stMarkdownEllipsis,
[data-testid="stMetric"] .stMarkdownEllipsis p {{ white-space: normal; overflow: visible; }}
[data-testid="stMetric"] div:has(> [data-testid="stMetricDelta"]) {{ flex-wrap: wrap; }}
</style>"""


def readable() -> None:
    """Captions every reader can read (WCAG AA, 4.5:1) and cards read whole; a style alone
    takes no room on the page."""
    st.html(_STYLE)

"""The widget's drawing: a small panel as HTML for an iframe of about 320 x 180 pixels."""

from __future__ import annotations

from html import escape

import streamlit as st

from census_core.charts.palette import THEMES, theme
from census_core.display.widget import WidgetView


def theme_name() -> str:
    """?theme=dark on the URL, else light (most websites are light)."""
    value = st.query_params.get("theme", "light")
    return value if value in THEMES else "light"


def style(name: str) -> None:
    """No sidebar, header, toolbar or padding: only the panel, in the theme's colours."""
    c = theme(name)
    st.html(
        f"""<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebarNav"] {{ display: none !important; }}
[data-testid="stApp"], [data-testid="stMain"] {{ background: {c["bg"]}; color: {c["text"]}; }}
[data-testid="stMainBlockContainer"] {{ padding: 6px 8px 0 8px !important;
  max-width: 100% !important; }}
[data-testid="stMain"] {{ overflow-x: hidden; }}
.widget {{ font-family: "Source Sans", "Noto Sans", sans-serif; color: {c["text"]};
  font-variant-numeric: tabular-nums; line-height: 1.25; max-width: 100%; overflow: hidden; }}
.widget .name {{ font-size: 16px; font-weight: 700; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }}
.widget .figure {{ font-size: 34px; font-weight: 800; line-height: 1.1; }}
.widget .figure small {{ font-size: 15px; font-weight: 600; color: {c["muted"]};
  margin-left: 6px; }}
.widget .rank, .widget .share, .widget .foot {{ font-size: 13px; color: {c["muted"]};
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.widget .rank b {{ color: {c["text"]}; }}
.widget .bar {{ height: 8px; border-radius: 4px; background: {c["panel"]};
  border: 1px solid {c["line"]}; margin: 4px 0 2px 0; overflow: hidden; }}
.widget .bar i {{ display: block; height: 100%; background: {c["mark"]}; }}
.widget .foot {{ font-size: 11px; margin-top: 4px; }}
.widget .message {{ font-size: 14px; color: {c["muted"]}; overflow-wrap: anywhere; }}
</style>"""
    )


def render(view: WidgetView) -> str:
    """The panel as HTML; every text from the data is escaped."""
    return (
        f'<section class="widget" data-testid="widget" data-code="{escape(view.code)}">'
        f'<div class="name" title="{escape(view.name)}">{escape(view.name)}</div>'
        f'<div class="figure" data-testid="widget-figure">{escape(view.figure)}'
        f"<small>{escape(view.measure)}</small></div>"
        f'<div class="rank">{escape(view.rank_label)}: <b>{escape(view.rank)}</b></div>'
        f'<div class="bar" role="img" aria-label="{escape(view.share_text)}">'
        f'<i style="width: {view.share:.1f}%"></i></div>'
        f'<div class="share">{escape(view.share_text)}</div>'
        f'<div class="foot">{escape(view.date)} · {escape(view.credit)}</div></section>'
    )


def message(text: str) -> str:
    """A short message in place of the panel (an unknown region, no data yet), escaped."""
    return f'<section class="widget"><div class="message">{escape(text)}</div></section>'

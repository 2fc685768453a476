"""The width of the page's main column in the reader's browser, for maps sized on the server."""

from __future__ import annotations

import streamlit as st

# Reports the column's width once drawn and again when it changes (a phone turned sideways).
_JS = """
export default function(component) {
  const { setStateValue, parentElement } = component;
  // With isolated styles the parent is a shadow root: measure its host, the component's box.
  const box = parentElement.host || parentElement;
  let last = 0;
  const report = () => {
    const width = Math.round(box.getBoundingClientRect().width || window.innerWidth);
    if (width > 0 && Math.abs(width - last) > 8) { last = width; setStateValue('width', width); }
  };
  const observer = new ResizeObserver(report);
  observer.observe(box);
  report();
  return () => observer.disconnect();
}
"""

_width = st.components.v2.component("pantau_column_width", js=_JS)


def column_width(key: str = "column_width") -> int | None:
    """The main column's width in CSS pixels; None until the browser has said (first run)."""
    result = _width(key=key, default={"width": None}, on_width_change=lambda: None)
    value = getattr(result, "width", None)
    return int(value) if isinstance(value, int | float) and value > 0 else None

"""Colours of the meeting screen: a dark and a light theme, colour-blind safe, WCAG AA checked."""

from __future__ import annotations

# Built on the Okabe-Ito palette: blue and orange stay apart for every common colour-vision
# deficiency, so "up" and "down" never rely on red against green. Arrows carry the meaning too.
THEMES: dict[str, dict[str, str]] = {
    "dark": {
        "bg": "#0e1621",
        "panel": "#182331",
        "text": "#f4f6f8",
        "muted": "#b9c6d3",
        "home_bg": "#2b4a66",
        "home_text": "#ffffff",
        "mark": "#f0b429",
        "up": "#7cc4f0",
        "down": "#f5a65b",
        "top": "#7cc4f0",
        "bottom": "#f5a65b",
        "line": "#3a4a5c",
        "button_bg": "#243447",
    },
    "light": {
        "bg": "#ffffff",
        "panel": "#f1f4f7",
        "text": "#111827",
        "muted": "#3f4b59",
        "home_bg": "#fde7b0",
        "home_text": "#111827",
        "mark": "#8a5000",
        "up": "#005a8c",
        "down": "#a14500",
        "top": "#005a8c",
        "bottom": "#a14500",
        "line": "#c9d2dc",
        "button_bg": "#e3e8ee",
    },
}
# Every foreground colour and the backgrounds it is drawn on.
TEXT_PAIRS = [
    ("text", "bg"),
    ("text", "panel"),
    ("text", "button_bg"),
    ("muted", "bg"),
    ("muted", "panel"),
    ("home_text", "home_bg"),
    ("mark", "bg"),
    ("mark", "panel"),
    ("up", "bg"),
    ("up", "panel"),
    ("down", "bg"),
    ("down", "panel"),
    ("top", "panel"),
    ("bottom", "panel"),
    ("mark", "home_bg"),
    ("up", "home_bg"),
    ("down", "home_bg"),
]
AA_NORMAL = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    """Relative luminance of '#rrggbb' (WCAG 2.x)."""
    r, g, b = (int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def theme(name: str | None) -> dict[str, str]:
    """The named theme; anything unknown falls back to dark, the projector default."""
    return THEMES.get(name or "dark", THEMES["dark"])

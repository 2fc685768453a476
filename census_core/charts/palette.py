"""Colours of the meeting screen: a dark and a light theme, colour-blind safe, WCAG AA checked."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LegendItem:
    """One entry of a map's legend: a colour and the range it stands for."""

    color: str
    label: str


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
# WCAG 2.1, 1.4.11: lines, points, bars and borders a reader needs, against what is beside them.
AA_NON_TEXT = 3.0


@dataclass(frozen=True)
class ChartColors:
    """The colours of chart and map marks on one background, every one checked against it."""

    background: str
    series: tuple[str, ...]  # a region's line, points, target and projection
    bars: str  # daily increments
    average: str  # a 7-day average, or the parent's average in a comparison
    deadline: str  # the deadline's rule and its label
    event: str  # an event's rule and its label
    text: str  # axis and legend labels
    muted: str  # axis and legend titles
    axis: str  # axis lines and ticks
    grid: str  # gridlines: a guide behind the marks, not a mark (kept faint on purpose)
    map_line: str  # region borders: every region's edge is seen by this line
    label: str  # map label text
    halo: str  # the box behind a map label
    halo_alpha: int = 220  # of 255: the region's colour still shows faintly through


# Okabe-Ito hues, lighter on the dark screen and darker on the light one, each at least 3:1
# against its background (sky blue replaces the dim blue the dark trend line used to be).
CHART_THEMES: dict[str, ChartColors] = {
    "dark": ChartColors(
        background=THEMES["dark"]["bg"],
        series=("#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#D55E00", "#ffffff"),
        bars="#56B4E9",
        average="#9ca3af",
        deadline="#ff8a80",
        event="#c4a7e7",
        text=THEMES["dark"]["text"],
        muted=THEMES["dark"]["muted"],
        axis=THEMES["dark"]["muted"],
        grid=THEMES["dark"]["line"],
        map_line="#ffffff",
        label="#111111",
        halo="#ffffff",
    ),
    "light": ChartColors(
        background=THEMES["light"]["bg"],
        series=("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8a5000", "#000000", "#7a5195"),
        bars="#0072B2",
        average="#6b7280",
        deadline="#b91c1c",
        event="#7a5195",
        text=THEMES["light"]["text"],
        muted=THEMES["light"]["muted"],
        axis=THEMES["light"]["muted"],
        grid=THEMES["light"]["line"],
        map_line="#4b5563",
        label="#111111",
        halo="#ffffff",
    ),
}
# Which colours of a ChartColors are marks (3:1) and which are text (4.5:1) on its background.
CHART_MARKS = ("bars", "average", "deadline", "event", "axis", "map_line")
CHART_TEXTS = ("text", "muted", "deadline", "event")


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


def blend(color: str, under: str, alpha: float) -> str:
    """`color` drawn with opacity `alpha` (0 to 1) over `under`, as '#rrggbb'."""
    top, bottom = ([int(c.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)] for c in (color, under))
    mixed = (round(alpha * t + (1 - alpha) * b) for t, b in zip(top, bottom, strict=True))
    return "#" + "".join(f"{v:02x}" for v in mixed)


def theme(name: str | None) -> dict[str, str]:
    """The named theme; anything unknown falls back to dark, the projector default."""
    return THEMES.get(name or "dark", THEMES["dark"])


def chart_theme(name: str | None) -> ChartColors:
    """The chart colours of the named theme; unknown names fall back to dark, as `theme` does."""
    return CHART_THEMES.get(name or "dark", CHART_THEMES["dark"])

"""What a slide of the meeting screen holds, every cell already written, and the screen's sizes."""

from __future__ import annotations

from dataclasses import dataclass, field

from census_core.charts.chartstyle import SCREEN_CHART_HEIGHT

ROWS_PER_SLIDE = 10
# What is left of a 1080-pixel screen under the slide's heading and above its footer and buttons.
CHART_HEIGHT = SCREEN_CHART_HEIGHT
# The slide's width inside its margins, and the map's share of it; the regions the map
# cannot name are listed beside it.
SLIDE_WIDTH = 1840
MAP_WIDTH = 1240
ASIDE_ROWS = 13


@dataclass(frozen=True)
class Figure:
    """One big number on the headline slide, with its label and a line under it.

    `trend` colours the line (1 up, -1 down, 0 neither); the line's own arrow or words say it too.
    """

    label: str
    value: str
    note: str = ""
    trend: int = 0


@dataclass(frozen=True)
class Row:
    """One row of a board slide, every cell already written; `tags` mark it for the eye."""

    rank: str
    name: str
    count: str
    percent: str
    change: str
    move: str
    move_sign: int = 0
    tags: tuple[str, ...] = ()
    status: str = ""  # '○ tertinggal': against the pace needed, symbol and words
    status_sign: int = 0  # 1 reached or on track, -1 behind, 0 a push or none: its colour
    target: str = ""  # 'target Pemkab 50%': what `percent` is a share of, for the notes


@dataclass(frozen=True)
class Slide:
    """One screen: a headline (figures), a board page (rows) or a placeholder (message)."""

    kind: str  # "headline", "board", "pending", "empty"
    title: str
    subtitle: str = ""
    figures: tuple[Figure, ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    callouts: tuple[str, ...] = ()
    message: str = ""
    key: str = field(default="")
    # A pdk.Deck (map) or alt.Chart (trend) the screen draws under the heading.
    chart: object = field(default=None, compare=False)
    # The map as an alt.Chart for a picture (the deck file): pydeck draws only in a browser.
    still: object = field(default=None, compare=False)
    legend: tuple[tuple[str, str], ...] = ()  # (colour, label) swatches under a map
    # Beside a map: the regions it has no room to name, as (colour, name, value), and a title.
    aside: tuple[tuple[str, str, str], ...] = ()
    aside_title: str = ""
    footnote: str = ""  # under a board: what the '*' beside a carried-forward figure means
    # The slide in sentences, as the meeting would say it: the speaker notes of the deck file.
    notes: tuple[str, ...] = ()

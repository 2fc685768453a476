"""The slides of the meeting screen (/presentasi): what each shows, already written as text.

slide: what a slide holds and the screen's sizes; sequence: the slides in order (the short
order, or the full boards) and their timing; freeze: a screen held at one moment or day; one
module for each kind of slide (headline_figures, board_pages, summary_pages: the short order's
ends, movers and not reported, kecamatan_map, home_trend).

May import display, charts, standings, regions, text and words; it never draws.
"""

from census_core.presentation.board_pages import (
    TAGS,
    board_slides,
    page_slices,
    rank_move,
    slide_name,
    tag_word,
)
from census_core.presentation.freeze import Frozen, asof_day
from census_core.presentation.headline_figures import headline_slide
from census_core.presentation.home_trend import trend_slide
from census_core.presentation.kecamatan_map import map_slide, unnamed_rows
from census_core.presentation.sequence import (
    DUE_SHARE,
    FULL,
    NOTICE_SECONDS,
    ORDERS,
    SHORT,
    deck,
    due,
    notice_left,
    order_of,
)
from census_core.presentation.slide import (
    ASIDE_ROWS,
    CHART_HEIGHT,
    MAP_WIDTH,
    ROWS_PER_SLIDE,
    SLIDE_WIDTH,
    Figure,
    Row,
    Slide,
)
from census_core.presentation.summary_pages import ends_rows, ends_size, movers_rows, quiet_rows

__all__ = [
    "ASIDE_ROWS",
    "CHART_HEIGHT",
    "DUE_SHARE",
    "FULL",
    "MAP_WIDTH",
    "NOTICE_SECONDS",
    "ORDERS",
    "ROWS_PER_SLIDE",
    "SHORT",
    "SLIDE_WIDTH",
    "TAGS",
    "Figure",
    "Frozen",
    "Row",
    "Slide",
    "asof_day",
    "board_slides",
    "deck",
    "due",
    "ends_rows",
    "ends_size",
    "headline_slide",
    "map_slide",
    "movers_rows",
    "notice_left",
    "order_of",
    "page_slices",
    "quiet_rows",
    "rank_move",
    "slide_name",
    "tag_word",
    "trend_slide",
    "unnamed_rows",
]

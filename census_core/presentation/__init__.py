"""The slides of the meeting screen (/presentasi): what each shows, already written as text.

slide: what a slide holds and the screen's sizes; sequence: the slides in order and their
timing; freeze: a screen held at one moment or day; one module for each kind of slide
(headline_figures, board_pages, kecamatan_map, home_trend).

May import display, charts, standings, regions, text and words; it never draws.
"""

from census_core.presentation.board_pages import (
    TAGS,
    board_slides,
    page_slices,
    rank_move,
    tag_word,
)
from census_core.presentation.freeze import Frozen, asof_day
from census_core.presentation.headline_figures import headline_slide
from census_core.presentation.home_trend import trend_slide
from census_core.presentation.kecamatan_map import map_slide, unnamed_rows
from census_core.presentation.sequence import DUE_SHARE, NOTICE_SECONDS, deck, due, notice_left
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

__all__ = [
    "ASIDE_ROWS",
    "CHART_HEIGHT",
    "DUE_SHARE",
    "MAP_WIDTH",
    "NOTICE_SECONDS",
    "ROWS_PER_SLIDE",
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
    "headline_slide",
    "map_slide",
    "notice_left",
    "page_slices",
    "rank_move",
    "tag_word",
    "trend_slide",
    "unnamed_rows",
]

"""The meeting's slides in order, and when a slide gives way to the next."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from census_core.display.attention import quiet_regions, quiet_title
from census_core.display.views import target_pct
from census_core.geo.geo import Shape
from census_core.presentation.attention_slides import quiet_slides, threshold_slide
from census_core.presentation.board_pages import board_slides
from census_core.presentation.headline_figures import headline_slide
from census_core.presentation.home_trend import trend_slide
from census_core.presentation.kecamatan_map import map_slide
from census_core.presentation.slide import Slide
from census_core.presentation.summary_pages import summary_slides
from census_core.regions import level_label, province_of
from census_core.settings import DEFAULT_TARGET_PCT, Settings
from census_core.standings.snapshot import Snapshot
from census_core.text import ranking_title, t

# Slides change on a timer tick once at least this share of the interval has passed, so a
# tick that arrives a little early still advances, and one just after a manual step does not.
DUE_SHARE = 0.8
# A notice of new data stays on the slides for one full round of them or this many seconds,
# whichever comes first: long enough to be read, not so long that it becomes furniture.
NOTICE_SECONDS = 60.0
# The meeting's orders (?urutan= on /presentasi): the short one first, the full boards on request.
SHORT, FULL = "ringkas", "lengkap"
ORDERS = (SHORT, FULL)


def order_of(value: str | None) -> str:
    """The order a URL asks for; the short order for anything else."""
    return value if value in ORDERS else SHORT


def due(elapsed: float, interval: float) -> bool:
    """Whether a slide shown `elapsed` seconds ago should give way on a timer tick."""
    return elapsed >= interval * DUE_SHARE


def notice_left(elapsed: float, steps: int, slide_count: int) -> float:
    """Seconds a notice seen `elapsed` seconds and `steps` slide changes ago has left on the
    screen; 0 once every slide has shown it or once NOTICE_SECONDS have passed."""
    if steps >= slide_count:
        return 0.0
    return max(0.0, NOTICE_SECONDS - elapsed)


def deck(
    snap: Snapshot,
    settings: Settings,
    lang: str = "id",
    shapes: list[Shape] | None = None,
    theme: str = "dark",
    day: date | None = None,
    order: str = SHORT,
) -> list[Slide]:
    """Every slide of the meeting, in order, on `day`'s data, else the latest (households).

    The short order (the default) shows each board in its short slides (ends with the home
    row, movers, not reported); the full order (FULL) every page of each board instead.
    `shapes` are the home regency's kecamatan boundaries for the map slide, if there are any;
    `theme` (dark or light) colours the map and the trend for the screen's background.
    """
    day = day or snap.latest_date()
    if day is None:
        return [
            Slide("empty", t("slide.campaign", lang), message=t("slide.no_data", lang), key="empty")
        ]
    home = settings.home
    province = province_of(home)
    province_name = snap.regions.name(province)
    home_name = snap.regions.name(home)
    measure = t("measure.households", lang)
    kab = snap.board("kabupaten", province, day, settings)
    kec = snap.board("kecamatan", home, day, settings)
    # The headline's "target = N% of all KK" is the chosen source's share.
    shown = replace(settings, target_pct=target_pct(snap, settings, home, "households"))
    slides = [headline_slide(kab, home, province_name, day, shown, measure, lang)]
    # Each row's notes name its target as the headline does (the unnamed one by this share).
    pct = shown.target_pct
    if order == FULL:
        slides += _level_slides(
            kab, "kabupaten", province_name, day, measure, lang, highlight=home, target_pct=pct
        )
        slides += _level_slides(
            kec, "kecamatan", home_name, day, measure, lang, callouts=True, target_pct=pct
        )
    else:
        slides += _short_slides(
            kab, "kabupaten", province_name, day, measure, lang, home, settings.quiet_days, pct
        )
        # The kecamatan who have not reported get their own slides below, desa and operators named.
        slides += _short_slides(kec, "kecamatan", home_name, day, measure, lang, None, None, pct)
    slides.append(threshold_slide(kec, settings, snap.target_source(settings), day, lang))
    # Who has not reported: the kecamatan with their desa and operators (attention), one rule.
    quiet = quiet_regions(snap, settings, day)
    slides += quiet_slides(
        quiet, settings.quiet_days, quiet_title(quiet, settings.quiet_days, lang), day, lang
    )
    slides.append(map_slide(kec, shapes or [], home_name, day, lang, theme))
    slides.append(trend_slide(snap, settings, day, lang, theme))
    return slides


def _level_slides(
    board: pd.DataFrame,
    level: str,
    within_name: str,
    day: date,
    measure_label: str,
    lang: str,
    *,
    highlight: str | None = None,
    callouts: bool = False,
    target_pct: float = DEFAULT_TARGET_PCT,
) -> list[Slide]:
    """The board slides of one level's board ranked by count, keyed by the level."""
    label = level_label(level, lang)
    return board_slides(
        board,
        ranking_title(label, within_name, "count", day, lang),
        measure_label,
        lang,
        name_label=label.capitalize(),
        highlight=highlight,
        callouts=callouts,
        key=level,
        target_pct=target_pct,
    )


def _short_slides(
    board: pd.DataFrame,
    level: str,
    within_name: str,
    day: date,
    measure_label: str,
    lang: str,
    highlight: str | None,
    quiet_days: int | None,
    target_pct: float = DEFAULT_TARGET_PCT,
) -> list[Slide]:
    """One level's short slides, keyed by the level (a slide of who has not reported for more
    than `quiet_days` days; None: none)."""
    label = level_label(level, lang)
    return summary_slides(
        board,
        level,
        ranking_title(label, within_name, "count", day, lang),
        within_name,
        day,
        measure_label,
        lang,
        name_label=label.capitalize(),
        highlight=highlight,
        quiet_days=quiet_days,
        target_pct=target_pct,
    )

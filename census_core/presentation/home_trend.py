"""The trend slide: the home regency's cumulative count and where its pace takes it."""

from __future__ import annotations

from datetime import date

from census_core.charts import charts
from census_core.charts.chartstyle import screen_style
from census_core.presentation.slide import CHART_HEIGHT, Slide
from census_core.settings import Settings
from census_core.standings import trend
from census_core.standings.snapshot import Snapshot
from census_core.text import fmt_date, t


def trend_slide(
    snap: Snapshot, settings: Settings, day: date, lang: str, theme: str = "dark"
) -> Slide:
    """The home regency's cumulative count, its projection and target towards the deadline."""
    title = t("slide.trend", lang, date=fmt_date(settings.deadline, lang))
    view = trend.view(
        snap.counts_of("households"),
        snap.targets_of("households", snap.target_source(settings)),
        snap.regions,
        [settings.home],
        day,
        settings.deadline,
        default_share=settings.target_share,
        lang=lang,
    )
    if view.series.empty:
        return Slide("pending", title, message=t("slide.no_data", lang), key="trend")
    chart = charts.cumulative_chart(
        view.series,
        targets=view.targets,
        projections=view.projections,
        deadline=settings.deadline,
        events=snap.events,
        lang=lang,
        height=CHART_HEIGHT,
        style=screen_style(theme),
    )
    said = " ".join(view.sentences)
    return Slide("trend", title, said, chart=chart, key="trend", notes=tuple(view.sentences))

"""The headline slide: the home regency in five big figures."""

from __future__ import annotations

from datetime import date

import pandas as pd

from census_core.display import headline, headline_text
from census_core.presentation.slide import Figure, Slide
from census_core.regions import short_name
from census_core.settings import Settings
from census_core.text import fmt_date, t


def headline_slide(
    board: pd.DataFrame,
    home: str,
    within_name: str,
    day: date,
    settings: Settings,
    measure_label: str,
    lang: str = "id",
) -> Slide:
    """The home regency in five numbers: count, rank, share of target, days left, pace needed."""
    subtitle = f"{t('slide.campaign', lang)} · {t('data_as_of', lang, date=fmt_date(day, lang))}"
    # The same cards as the Peringkat page (census_core.display.headline), drawn large.
    head = headline.headline(board, home, day, settings.deadline)
    cards = (
        []
        if head is None
        else headline_text.kpis(head, within_name, measure_label, settings.target_pct, lang)
    )
    if head is None or not cards:
        name = home if head is None else short_name(head.name)
        return Slide("headline", name, subtitle, message=t("slide.no_data", lang), key="headline")
    figures = [
        Figure(
            card.label,
            card.value,
            " ".join(p for p in (card.cue, card.delta, card.note) if p),
            card.trend,
        )
        for card in cards
    ]
    # Four cards fit a row on a 4:3 projector: the status goes under the pace needed, in words.
    if len(figures) > 5 and figures[-1].label == t("pace.status", lang):
        status = figures.pop()
        need = figures[-1]
        note = " · ".join(p for p in (need.note, status.value) if p)
        figures[-1] = Figure(need.label, need.value, note, status.trend or need.trend)
    said = headline_text.sentences(
        head, "kabupaten", within_name, "count", measure_label, settings.target_pct, lang
    )
    return Slide(
        "headline", head.name, subtitle, figures=tuple(figures), key="headline", notes=tuple(said)
    )

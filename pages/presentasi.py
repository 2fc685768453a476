"""Presentasi: the meeting screen, full screen, slides that advance by themselves on live data."""

from census_core.freshness import freshness_line
from census_core.presentation import deck
from ui import present, state

snap = state.snapshot()
settings = state.settings()
lang = present.lang()
theme = present.theme_name()
present.style(theme)
footer = freshness_line(snap.latest_date(), snap.last_upload(), snap.simulated, lang)
present.show(deck(snap, settings, lang), settings.slide_seconds, footer, lang, theme)

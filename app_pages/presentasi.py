"""Presentasi: the meeting screen, full screen, slides that advance by themselves on live data."""

import streamlit as st

from census_core.display.freshness import freshness_line
from census_core.presentation import deck
from ui import boundaries, live, present
from ui.page import open_page

# Set here as well as in app.py: a fresh server whose first visitor opens /presentasi runs
# this page without the router (Streamlit's pages/ folder fallback).
st.set_page_config(page_title="Presentasi · Pantau Sensus", page_icon="📊", layout="wide")
lang = present.lang()
live.watch(lang, show=False)
live_snap, settings, lang, *_ = open_page(lang)
theme = present.theme_name()
present.style(theme)
# Held (the freeze button, or ?asof=2020-03-05): the snapshot and day of that moment.
held = present.frozen(live_snap)
snap, day = (held.snap, held.day) if held else (live_snap, live_snap.latest_date())
footer = freshness_line(day, snap.last_upload(), snap.simulated, lang)
shapes = boundaries.load().of("kecamatan", settings.home)
# The short order, or every page of each board with ?urutan=lengkap (the button switches).
slides = deck(snap, settings, lang, shapes, theme, day=day, order=present.order())
present.show(slides, settings.slide_seconds, footer, lang, theme, live_snap, held)
present.download(snap, settings, shapes, lang, day)

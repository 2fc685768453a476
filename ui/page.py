"""One way into a page: the snapshot, the settings, the language, the day and the measure."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import streamlit as st

from census_core.settings import Settings, SettingsError
from census_core.standings.snapshot import Snapshot
from ui import sidebar, state


class PageContext(NamedTuple):
    """What every page reads first; unpack it (`snap, settings, lang, day, measure = ...`)."""

    snap: Snapshot
    settings: Settings
    lang: str
    day: date | None  # the day the reader looks at; None while the store has no counts
    measure: str


def open_page(lang: str | None = None) -> PageContext:
    """The page's inputs, as the shared sidebar set them; `lang` for a page with its own choice.

    Errors are not handled here: a bad setting, an unknown region or a failing store goes up to
    the one edge in app.py (ui.errors), which shows it as one message.
    """
    snap = state.snapshot()
    settings = state.settings()
    if settings.home not in snap.regions:  # checked against the master in app.py; the store's too
        raise SettingsError("CENSUS_HOME", settings.home, "unknown_region")
    return PageContext(
        snap=snap,
        settings=sidebar.with_target(snap, settings),
        lang=lang or sidebar.lang(),
        day=sidebar.as_of(snap),
        measure=sidebar.measure(),
    )


def need_data(day: date | None, message: str) -> date:
    """The day shown; with no data yet, `message` and the page stops here."""
    if day is None:
        st.info(message)
        st.stop()
    assert day is not None
    return day

"""The pages' views cached per store version, so a rerun with the same inputs computes nothing.

A view every reader of a page shares (the kecamatan page's) is held as it is
(st.cache_resource), not copied per run: a burst of readers then costs a dictionary look-up
each, not a pickle round trip. Views are frozen and pages only read them.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from census_core.display import shared
from census_core.display.attention import AttentionView, attention_view
from census_core.display.digest import daily_message
from census_core.display.views import HomeView, KecamatanView, home_view
from census_core.display.widget import WidgetView, widget_view
from census_core.settings import Settings
from census_core.standings.provenance import Provenance
from census_core.standings.snapshot import Snapshot
from ui import state


@st.cache_data(max_entries=64, show_spinner=False)
def _home(
    version: str,
    settings_key: str,
    day: date,
    by: str,
    query: str,
    lang: str,
    measure: str,
    status: str | None,
    sort_status: bool,
    _snap: Snapshot,
    _settings: Settings,
) -> HomeView:
    return home_view(
        _snap,
        _settings,
        day,
        by=by,
        query=query,
        lang=lang,
        measure=measure,
        status=status,
        sort_status=sort_status,
    )


def home(
    snap: Snapshot,
    settings: Settings,
    day: date,
    by: str,
    query: str,
    lang: str,
    measure: str = "households",
    status: str | None = None,
    sort_status: bool = False,
) -> HomeView:
    """census_core.display.views.home_view, cached on the snapshot's version and every input."""
    return _home(
        snap.version,
        repr(settings),
        day,
        by,
        query,
        lang,
        measure,
        status,
        sort_status,
        snap,
        settings,
    )


@st.cache_data(max_entries=64, show_spinner=False)
def _attention(
    version: str,
    settings_key: str,
    day: date,
    lang: str,
    measure: str,
    with_chase: bool,
    _snap: Snapshot,
    _settings: Settings,
) -> AttentionView:
    return attention_view(_snap, _settings, day, measure=measure, lang=lang, with_chase=with_chase)


def attention(
    snap: Snapshot,
    settings: Settings,
    day: date,
    lang: str,
    measure: str = "households",
    *,
    with_chase: bool = True,
) -> AttentionView:
    """census_core.display.attention.attention_view, cached like home()."""
    return _attention(snap.version, repr(settings), day, lang, measure, with_chase, snap, settings)


def kecamatan(
    snap: Snapshot,
    settings: Settings,
    day: date,
    code: str,
    lang: str,
    measure: str = "households",
) -> KecamatanView:
    """views.kecamatan_view, made once per version and inputs and shared (display.shared)."""
    return shared.kecamatan_page(snap, settings, day, code, lang, measure)


def kecamatan_chart(
    snap: Snapshot,
    settings: Settings,
    day: date,
    view: KecamatanView,
    lang: str,
    measure: str = "households",
) -> dict[str, object]:
    """charts.standing_chart.share_chart of a kecamatan view's trend, as a Vega-Lite spec."""
    return shared.kecamatan_chart(snap, settings, day, view, lang, measure)


@st.cache_data(max_entries=64, show_spinner=False)
def _digest(
    version: str,
    settings_key: str,
    day: date,
    lang: str,
    measure: str,
    _snap: Snapshot,
    _settings: Settings,
) -> str:
    return daily_message(_snap, _settings, day, lang, measure)


def digest(snap: Snapshot, settings: Settings, day: date, lang: str, measure: str) -> str:
    """census_core.display.digest.daily_message, cached on the snapshot's version and inputs."""
    return _digest(snap.version, repr(settings), day, lang, measure, snap, settings)


@st.cache_data(max_entries=256, show_spinner=False)
def _widget(
    version: str,
    settings_key: str,
    day: date,
    code: str,
    lang: str,
    measure: str,
    _snap: Snapshot,
    _settings: Settings,
) -> WidgetView:
    return widget_view(_snap, _settings, day, code, lang, measure=measure)


def widget(
    snap: Snapshot,
    settings: Settings,
    day: date,
    code: str,
    lang: str,
    measure: str = "households",
) -> WidgetView:
    """census_core.display.widget.widget_view, cached: every site's visitors share one panel."""
    return _widget(snap.version, repr(settings), day, code, lang, measure, snap, settings)


def provenance_of(snap: Snapshot, code: str, day: date, measure: str) -> Provenance:
    """provenance.provenance, made once per version and inputs (display.shared)."""
    return shared.origin(snap, code, day, measure)


def history_table(snap: Snapshot, code: str, measure: str, lang: str) -> pd.DataFrame:
    """provenance.history_rows of the store's history of `code`, read once per version."""
    return shared.history(snap, state.store(), state.settings().home, code, measure, lang)

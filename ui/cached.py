"""The pages' views cached per store version, so a rerun with the same inputs computes nothing.

The views every reader shares (the home page's, a kecamatan's, the day's message) are kept in
the snapshot (census_core.display.shared) and handed out as they are, not copied per run: a
burst of readers then costs a dictionary look-up each, and they go when the snapshot goes.
Views are frozen and pages only read them.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from census_core.display import shared
from census_core.display.attention import AttentionView
from census_core.display.views import HomeView, KecamatanView
from census_core.display.widget import WidgetView, widget_view
from census_core.settings import Settings
from census_core.standings.provenance import Provenance
from census_core.standings.snapshot import Snapshot
from ui import gate, state


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
    """views.home_view, made once per version and inputs and shared (display.shared)."""
    return shared.home_page(
        snap,
        settings,
        day,
        by=by,
        query=query,
        lang=lang,
        measure=measure,
        status=status,
        sort_status=sort_status,
    )


def attention(
    snap: Snapshot,
    settings: Settings,
    day: date,
    lang: str,
    measure: str = "households",
    *,
    with_chase: bool = True,
) -> AttentionView:
    """attention.attention_view, made once per version and inputs (display.shared)."""
    return shared.attention_page(snap, settings, day, lang, measure, with_chase=with_chase)


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


def digest(snap: Snapshot, settings: Settings, day: date, lang: str, measure: str) -> str:
    """census_core.display.digest.daily_message, made once per version and inputs."""
    return shared.daily(snap, settings, day, lang, measure)


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
    """provenance.history_rows of the store's history of `code`, read once per version.

    Outside the gate (ui.gate): the first read scans the store's counts (about a second at
    national scale, in the database), and a reader who asks meanwhile waits for it; held, the
    gate would keep every other reader of a burst waiting too."""
    store, home = state.store(), state.settings().home
    with gate.outside():
        return shared.history(snap, store, home, code, measure, lang)

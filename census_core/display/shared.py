"""Page views made once per store version and shared by every session, and made ahead.

When the day's link goes round a WhatsApp group every camat opens his kecamatan's page within
seconds. Each view here is kept in the snapshot (Snapshot.view): the first reader of a
kecamatan makes it and every later one, or one asking meanwhile, reads it. `prepare_kecamatan`
makes the home regency's kecamatan pages as a reader first sees them (the latest day, the
default language, measure and target), in the background as soon as a new version is read, so
the burst finds them made (benchmarks/burst.py).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from datetime import date, timedelta

import pandas as pd

from census_core.charts.standing_chart import share_spec
from census_core.display.attention import AttentionView, attention_view
from census_core.display.digest import daily_message
from census_core.display.views import (
    HomeView,
    KecamatanView,
    board_view,
    home_boards,
    home_view,
    kecamatan_view,
)
from census_core.settings import Settings
from census_core.standings.provenance import (
    Provenance,
    history_rows,
    provenance,
    region_histories,
    region_history,
)
from census_core.standings.snapshot import Snapshot
from census_core.store import Store


def home_page(
    snap: Snapshot,
    settings: Settings,
    day: date,
    *,
    by: str = "count",
    query: str = "",
    lang: str = "id",
    measure: str = "households",
    status: str | None = None,
    sort_status: bool = False,
) -> HomeView:
    """views.home_view, made once per version and inputs."""
    key = ("home", repr(settings), day, by, query, lang, measure, status, sort_status)
    return snap.view(
        key,
        lambda: home_view(
            snap,
            settings,
            day,
            by=by,
            query=query,
            lang=lang,
            measure=measure,
            status=status,
            sort_status=sort_status,
        ),
    )


def attention_page(
    snap: Snapshot,
    settings: Settings,
    day: date,
    lang: str = "id",
    measure: str = "households",
    *,
    with_chase: bool = True,
) -> AttentionView:
    """attention.attention_view, made once per version and inputs."""
    return snap.view(
        ("attention", repr(settings), day, lang, measure, with_chase),
        lambda: attention_view(
            snap, settings, day, measure=measure, lang=lang, with_chase=with_chase
        ),
    )


def daily(snap: Snapshot, settings: Settings, day: date, lang: str, measure: str) -> str:
    """The day's message for the group (digest.daily_message), once per version and inputs,
    from the home page's own view."""
    return snap.view(
        ("daily", repr(settings), day, lang, measure),
        lambda: daily_message(
            snap,
            settings,
            day,
            lang,
            measure,
            view=home_page(snap, settings, day, lang=lang, measure=measure),
        ),
    )


def prepare_home(
    snap: Snapshot, settings: Settings, *, lang: str = "id", measure: str = "households"
) -> bool:
    """Make the home page as a reader who chose nothing first sees it (its boards, the
    attention lists, the day's message); False when the store has no counts yet."""
    days = snap.dates(measure)
    if not days:
        return False
    chosen = reader_settings(snap, settings)
    home_page(snap, chosen, days[-1], lang=lang, measure=measure)
    attention_page(snap, chosen, days[-1], lang, measure)
    daily(snap, chosen, days[-1], lang, measure)
    return True


def prepare_next_day(
    snap: Snapshot,
    settings: Settings,
    *,
    lang: str = "id",
    measure: str = "households",
    turn: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> bool:
    """Draw the boards of the days before tomorrow that tomorrow's home page reads (a week's
    gain and climb and the pace are measured from days before it). The snapshot made from
    this one when tomorrow's file comes keeps them (Snapshot.keep_from), so the first page
    after the upload draws the new day's boards alone. One board of the home page at a time
    inside `turn()` (the gate: a reader's page goes between two). False when there are no
    counts."""
    days = snap.dates(measure)
    if not days:
        return False
    chosen = reader_settings(snap, settings)
    tomorrow = days[-1] + timedelta(days=1)
    # Not kept as views: a page for a day without counts is never asked for.
    for level, within in home_boards(settings.home):
        with turn():
            board_view(snap, chosen, level, within, tomorrow, lang=lang, measure=measure)
    return True


def kecamatan_page(
    snap: Snapshot, settings: Settings, day: date, code: str, lang: str, measure: str
) -> KecamatanView:
    """views.kecamatan_view, made once per version and inputs."""
    return snap.view(
        ("kecamatan", repr(settings), day, code, lang, measure),
        lambda: kecamatan_view(snap, settings, day, code, lang=lang, measure=measure),
    )


def kecamatan_chart(
    snap: Snapshot, settings: Settings, day: date, view: KecamatanView, lang: str, measure: str
) -> dict[str, object]:
    """The Vega-Lite spec of a kecamatan view's trend (charts.standing_chart.share_chart), once
    per version and inputs, written into the spec Altair made for the day's chart
    (standing_chart.share_spec): its shape is the same for every kecamatan, only the rows and
    names differ, and tests/test_charts.py holds it equal to Altair's checked spec."""
    return snap.view(
        ("kecamatan_chart", repr(settings), day, view.code, lang, measure),
        lambda: share_spec(view.trend, lang),
    )


def origin(snap: Snapshot, code: str, day: date, measure: str) -> Provenance:
    """provenance.provenance of one figure, once per version and inputs."""
    return snap.view(("origin", code, day, measure), lambda: provenance(snap, code, day, measure))


def history(
    snap: Snapshot, store: Store, home: str, code: str, measure: str, lang: str
) -> pd.DataFrame:
    """The region's own history of changes as shown (provenance.history_rows), read from the
    store once per version; the home regency's kecamatan in one scan for all of them."""

    def read() -> pd.DataFrame:
        if code.startswith(home + ".") and code.count(".") == home.count(".") + 1:
            every = snap.view(
                ("kecamatan_histories", store.url, home, measure),
                lambda: region_histories(
                    store, store.regions.descendants(home, "kecamatan"), measure
                ),
            )
            return history_rows(every[code], lang)
        return history_rows(region_history(store, code, measure), lang)

    return snap.view(("history", store.url, code, measure, lang), read)


def reader_settings(snap: Snapshot, settings: Settings) -> Settings:
    """The settings a reader who chose nothing sees: the target source picked among the stored
    ones when there is a choice (ui/sidebar.py offers it then)."""
    sources = snap.target_sources()
    chosen = snap.target_source(settings) if len(sources) >= 2 else None
    if chosen is not None and chosen in sources:
        return replace(settings, target_source=chosen)
    return settings


def prepare_kecamatan(
    snap: Snapshot,
    store: Store,
    settings: Settings,
    *,
    lang: str = "id",
    measure: str = "households",
    still_wanted: Callable[[], bool] | None = None,
    turn: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> int:
    """Make each home kecamatan's page (view, chart, origin, history) as a reader who chose
    nothing first sees it; the number made. `still_wanted()` (when given) is asked between
    kecamatan: it stops when a newer version has come. Each kecamatan is made inside `turn()`
    (the app's gate: readers' pages go first)."""
    days = snap.dates(measure)
    if not days:
        return 0
    day = days[-1]
    chosen = reader_settings(snap, settings)
    made = 0
    for code in snap.regions.descendants(settings.home, "kecamatan"):
        if still_wanted is not None and not still_wanted():
            break
        # Outside the gate: the first reads the regency's histories from the store (about 1 s
        # at national scale, waiting on the database, which a reader's page need not wait for).
        history(snap, store, settings.home, code, measure, lang)
        with turn():  # one kecamatan at a time: a reader's page may go between two
            view = kecamatan_page(snap, chosen, day, code, lang, measure)
            kecamatan_chart(snap, chosen, day, view, lang, measure)
            origin(snap, code, day, measure)
        made += 1
    return made

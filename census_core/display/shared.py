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
from dataclasses import replace
from datetime import date

import pandas as pd

from census_core.charts.standing_chart import share_chart
from census_core.display.views import KecamatanView, kecamatan_view
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
    """The Vega-Lite spec of a kecamatan view's trend (charts.standing_chart.share_chart), made
    and validated by Altair once per version and inputs."""
    return snap.view(
        ("kecamatan_chart", repr(settings), day, view.code, lang, measure),
        lambda: share_chart(view.trend, lang).to_dict(),
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
) -> int:
    """Make each home kecamatan's page (view, chart, origin, history) as a reader who chose
    nothing first sees it; the number made. `still_wanted()` (when given) is asked between
    kecamatan: it stops when a newer version has come."""
    days = snap.dates(measure)
    if not days:
        return 0
    day = days[-1]
    chosen = reader_settings(snap, settings)
    made = 0
    for code in snap.regions.descendants(settings.home, "kecamatan"):
        if still_wanted is not None and not still_wanted():
            break
        view = kecamatan_page(snap, chosen, day, code, lang, measure)
        kecamatan_chart(snap, chosen, day, view, lang, measure)
        origin(snap, code, day, measure)
        history(snap, store, settings.home, code, measure, lang)
        made += 1
    return made

"""What a snapshot answers about its counts, per measure."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from census_core.standings.snapshot import load_snapshot

DAY = date(2020, 3, 5)
KALIWATES, DESA = "35.09.19", "35.09.19.1001"


def commit(store, rows, measure):
    frame = pd.DataFrame(rows, columns=["region", "value"]).assign(
        date=pd.Timestamp(DAY), measure=measure
    )
    name = f"{measure}-{len(rows)}"
    store.commit_counts(
        frame[["region", "date", "measure", "value"]],
        user="uji",
        file_name=name,
        sha256=name.ljust(64, "0"),
    )


def desa_store(store, desa_measure):
    """Kecamatan counts in both measures; desa counts in `desa_measure` only."""
    commit(store, [(KALIWATES, 4040)] + ([(DESA, 400)] if desa_measure == "households" else []),
           "households")  # fmt: skip
    commit(store, [(KALIWATES, 15000)] + ([(DESA, 1500)] if desa_measure == "persons" else []),
           "persons")  # fmt: skip
    return store


@pytest.mark.parametrize(
    "desa_measure,measure,level,within,expected",
    [
        # desa counted in persons only
        ("persons", "persons", "desa", "35.09", True),
        ("persons", "households", "desa", "35.09", False),
        # desa counted in households only
        ("households", "households", "desa", "35.09", True),
        ("households", "persons", "desa", "35.09", False),
        # kecamatan in both; nothing outside the home regency
        ("persons", "households", "kecamatan", "35.09", True),
        ("persons", "persons", "desa", "35.10", False),
    ],
)
def test_has_counts_asks_the_chosen_measure(
    fresh_store, desa_measure, measure, level, within, expected
):
    snap = load_snapshot(desa_store(fresh_store, desa_measure))
    assert snap.has_counts(level, within, measure) is expected


def test_a_board_is_drawn_once_per_version_and_each_caller_gets_its_own(fresh_store, monkeypatch):
    from census_core.settings import Settings
    from census_core.standings import progress

    snap = load_snapshot(desa_store(fresh_store, "households"))
    settings = Settings.load({})
    drawn = []
    standings = progress.standings
    monkeypatch.setattr(
        progress, "standings", lambda *a, **k: drawn.append(1) or standings(*a, **k)
    )
    first = snap.board("kecamatan", "35.09", DAY, settings)
    first["count"] = -1  # a caller changing its board changes no one else's
    again = snap.board("kecamatan", "35.09", DAY, settings)
    assert len(drawn) == 1
    assert again.loc[again["code"] == KALIWATES, "count"].tolist() == [4040]
    snap.board("kecamatan", "35.09", DAY, settings, measure="persons")
    assert len(drawn) == 2


def test_the_lists_of_regions_under_a_region_are_made_once(monkeypatch):
    from census_core.regions import load_regions

    regions = load_regions()
    first = regions.descendants("35.09", "kecamatan")
    first.append("changed by a caller")
    monkeypatch.setattr(type(regions), "_find_descendants", lambda *a: pytest.fail("made again"))
    assert regions.descendants("35.09", "kecamatan") == first[:-1]
    assert len(first) - 1 == 31


def test_a_regions_line_is_drawn_once_and_is_the_figure_rules(fresh_store, monkeypatch):
    from census_core.standings import progress

    snap = load_snapshot(desa_store(fresh_store, "households"))
    days = pd.DatetimeIndex([pd.Timestamp(DAY) - pd.Timedelta(days=1), pd.Timestamp(DAY)])
    expected = progress.figure_series(snap.counts_of("households"), "35.09", days)
    drawn = []
    series = progress.figure_series
    monkeypatch.setattr(
        progress, "figure_series", lambda *a, **k: drawn.append(1) or series(*a, **k)
    )
    first = snap.series("35.09", days, "households")
    pd.testing.assert_frame_equal(first, expected)
    first["value"] = -1.0
    pd.testing.assert_frame_equal(snap.series("35.09", days, "households"), expected)
    assert len(drawn) == 1


@pytest.mark.parametrize(
    "level,within", [("kabupaten", "35"), ("kecamatan", "35.09"), ("desa", "35.09.25")]
)
def test_a_board_with_the_snapshots_targets_is_the_board_that_makes_its_own(
    demo_store, level, within
):
    """Snapshot.board hands standings the targets it keeps (made once, for every level); the
    board is the one standings makes from the targets frame for that level alone."""
    from census_core.settings import Settings
    from census_core.standings.progress import standings
    from census_core.standings.snapshot import load_snapshot

    snap = load_snapshot(demo_store)
    settings = Settings()
    day = snap.dates()[-1]
    source = snap.target_source(settings)
    own = standings(
        snap.counts_of("households"),
        snap.regions,
        level,
        within,
        day,
        targets=snap.targets_of("households", source),
        default_share=settings.target_share,
        deadline=settings.deadline,
        target_source=source,
    )
    kept = snap.board(level, within, day, settings, with_pace=False)
    pd.testing.assert_frame_equal(kept, own)
    assert kept["target"].notna().any()

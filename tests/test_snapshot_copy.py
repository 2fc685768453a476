"""The columnar copy of the counts beside the store: a fresh process starts from it, and only
when it was made from the store's batches as they are (checked against reading the store)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from census_core.standings.snapshot import load_snapshot, save_counts_copy
from census_core.store import Store

KALIWATES = "35.09.01"


def commit(store, value, name):
    frame = pd.DataFrame(
        {"region": [KALIWATES], "date": [pd.Timestamp(2020, 3, 5)], "measure": ["households"]}
    ).assign(value=value)
    return store.commit_counts(frame, user="uji", file_name=name, sha256=name.ljust(64, "0"))


@pytest.fixture
def store(demo_store):
    if demo_store.counts_file is None:
        pytest.skip("an in-memory store keeps no copy")
    return demo_store


def fresh(store: Store) -> Store:
    """The same store opened by another process."""
    return Store(store.url, store.regions)


def read_whole(store: Store) -> pd.DataFrame:
    return Store.current_counts(fresh(store))


def test_a_fresh_process_starts_from_the_copy_and_gets_what_the_store_holds(store, monkeypatch):
    assert save_counts_copy(store, load_snapshot(store))
    assert not save_counts_copy(store, load_snapshot(store))  # already of these batches
    expected = read_whole(store)
    other = fresh(store)
    monkeypatch.setattr(other, "current_counts", lambda **k: pytest.fail("read the store"))
    snap = load_snapshot(other)
    pd.testing.assert_frame_equal(snap.counts, expected)
    assert snap.board("kecamatan", "35.09", date(2020, 3, 5), _settings()).equals(
        load_snapshot(fresh(store), previous=None).board(
            "kecamatan", "35.09", date(2020, 3, 5), _settings()
        )
    )


@pytest.mark.parametrize("change", ["upload", "undo", "damaged"])
def test_a_copy_of_other_batches_is_not_used(store, change):
    result = commit(store, 4100, "a")
    save_counts_copy(store, load_snapshot(store))
    path = store.counts_file
    assert path is not None
    if change == "upload":
        commit(store, 4200, "b")
    elif change == "undo":
        store.undo(result.batch, user="uji")
    else:
        path.write_bytes(path.read_bytes()[:100])
    snap = load_snapshot(fresh(store))
    pd.testing.assert_frame_equal(snap.counts, read_whole(store))


def _settings():
    from census_core.settings import Settings

    return Settings.load({})

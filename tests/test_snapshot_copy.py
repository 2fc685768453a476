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


def test_the_index_kept_with_the_copy_is_used_and_answers_as_one_built(store, monkeypatch):
    """A fresh process takes each measure's index from the copy (nothing indexed again), and
    its boards are those of a process that read the store whole and indexed it."""
    from census_core.standings import countindex

    commit(store, 4100, "a")
    assert save_counts_copy(store, load_snapshot(store))
    day = date(2020, 3, 5)
    with monkeypatch.context() as patch:
        patch.setattr(Store, "counts_file", None)  # read whole, indexed here
        whole = load_snapshot(fresh(store))
        expected = {
            (level, within): whole.board(level, within, day, _settings())
            for level, within in (("kabupaten", "35"), ("kecamatan", "35.09"), ("desa", "35.09.01"))
        }

    def no_build(*args):
        raise AssertionError("indexed again")

    monkeypatch.setattr(countindex, "_build", no_build)
    snap = load_snapshot(fresh(store))
    for (level, within), board in expected.items():
        pd.testing.assert_frame_equal(snap.board(level, within, day, _settings()), board)


def test_an_index_that_does_not_fit_the_counts_is_not_kept(store):
    from census_core.standings import countindex
    from census_core.standings.snapshot import batches_fingerprint
    from census_core.store.counts_file import load_counts_indexed

    snap = load_snapshot(store)
    assert save_counts_copy(store, snap)
    counts, parts = load_counts_indexed(store.counts_file, batches_fingerprint(snap.batches))
    assert parts and all(countindex.restore(counts, part) for part in parts)
    part = parts[0]
    shifted = type(part)(**{**part.__dict__, "keys": part.keys + 1})  # each row a day later
    assert not countindex.restore(counts, shifted)
    others = type(part)(**{**part.__dict__, "codes": [*sorted(part.codes)[1:], "99"]})
    assert not countindex.restore(counts, others)


@pytest.mark.parametrize("step", [1, 2, 7, 1 << 20])
def test_the_index_is_checked_whole_in_steps(store, monkeypatch, step):
    """The check runs in steps of rows (a whole measure at once costs more to allocate than to
    compare): a fitting index passes at any step, and one wrong key anywhere, at a step's
    first or last row too, is found."""
    from census_core.standings import countindex
    from census_core.standings.snapshot import batches_fingerprint
    from census_core.store.counts_file import load_counts_indexed

    monkeypatch.setattr(countindex, "_CHECK_STEP", step)
    snap = load_snapshot(store)
    assert save_counts_copy(store, snap)
    counts, parts = load_counts_indexed(store.counts_file, batches_fingerprint(snap.batches))
    part = max(parts, key=lambda p: p.stop - p.start)
    assert countindex.restore(counts, part)
    rows = len(part.keys)
    for at in sorted({1, step - 1, step, step + 1, rows // 2, rows - 1} & set(range(rows))):
        for change in (1, -1):  # the row a day later, or a day earlier
            keys = part.keys.copy()
            keys[at] += change
            wrong = type(part)(**{**part.__dict__, "keys": keys})
            assert not countindex.restore(counts, wrong), (at, change)


def test_a_copy_made_before_the_index_is_made_again_with_it(store):
    from census_core.standings.snapshot import batches_fingerprint
    from census_core.store.counts_file import load_counts_indexed, save_counts

    snap = load_snapshot(store)
    fingerprint = batches_fingerprint(snap.batches)
    save_counts(store.counts_file, fingerprint, snap.counts)  # as an earlier version wrote it
    assert load_counts_indexed(store.counts_file, fingerprint)[1] == []
    assert save_counts_copy(store, snap)
    assert load_counts_indexed(store.counts_file, fingerprint)[1]
    assert not save_counts_copy(store, snap)

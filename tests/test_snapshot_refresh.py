"""A snapshot made from the previous one (reading only the batches added since) equals one read
whole; anything but adding batches (undo, clear) reads the store whole again."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from census_core.display.shared import prepare_next_day
from census_core.display.views import home_view
from census_core.services import load_demo
from census_core.settings import Settings
from census_core.standings import progress
from census_core.standings.snapshot import Snapshot, added_batches, load_snapshot
from census_core.store.columns import latest_counts, latest_counts_from_text, merge_latest

KALIWATES, JELBUK, SUMBERSARI = "35.09.01", "35.09.25", "35.09.02"


def records(rows: list[tuple[str, date, int]], measure: str = "households") -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["region", "date", "value"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.assign(measure=measure)[["region", "date", "measure", "value"]]


def commit(store, rows, name, measure="households"):
    return store.commit_counts(
        records(rows, measure), user="uji", file_name=name, sha256=name.ljust(64, "0")
    )


def same(a, b) -> None:
    pd.testing.assert_frame_equal(a.counts, b.counts)
    pd.testing.assert_frame_equal(a.batches, b.batches)
    pd.testing.assert_frame_equal(a.targets, b.targets)


def test_new_batches_are_taken_in_without_reading_everything_again(demo_store):
    first = load_snapshot(demo_store)
    commit(demo_store, [(KALIWATES, date(2020, 3, 5), 4200), (JELBUK, date(2020, 3, 6), 400)], "a")
    commit(demo_store, [(KALIWATES, date(2020, 3, 5), 4300)], "b", measure="persons")
    later = load_snapshot(demo_store, previous=first)
    assert added_batches(first.batches, later.batches) is not None
    same(later, load_snapshot(demo_store))
    row = later.counts[
        (later.counts["region"] == KALIWATES)
        & (later.counts["date"] == pd.Timestamp(2020, 3, 5))
        & (later.counts["measure"] == "households")
    ]
    assert row["value"].tolist() == [4200]
    # The same snapshot again, with nothing new: the frame is kept as it was.
    again = load_snapshot(demo_store, previous=later)
    same(again, later)


def test_a_day_of_counts_keeps_the_targets_and_a_targets_file_is_taken_in(demo_store):
    first = load_snapshot(demo_store)
    commit(demo_store, [(JELBUK, date(2020, 3, 6), 400)], "a")
    later = load_snapshot(demo_store, previous=first)
    assert later.targets is first.targets  # not read again
    same(later, load_snapshot(demo_store))
    goals = pd.DataFrame(
        [(JELBUK, "households", 9000, 0.5, "Pemkab 50%")],
        columns=["region", "measure", "base", "share", "source"],
    )
    demo_store.commit_targets(goals, user="uji", file_name="t.csv", sha256="t" * 64)
    latest = load_snapshot(demo_store, previous=later)
    same(latest, load_snapshot(demo_store))
    mine = latest.targets[
        (latest.targets["region"] == JELBUK)
        & (latest.targets["source"] == "Pemkab 50%")
        & (latest.targets["measure"] == "households")
    ]
    assert mine["base"].tolist() == [9000]


def test_undo_and_clear_read_the_store_whole(demo_store, regions):
    first = load_snapshot(demo_store)
    result = commit(demo_store, [(KALIWATES, date(2020, 3, 5), 4200)], "a")
    second = load_snapshot(demo_store, previous=first)
    demo_store.undo(result.batch, user="uji")
    third = load_snapshot(demo_store, previous=second)
    assert added_batches(second.batches, third.batches) is None
    same(third, load_snapshot(demo_store))
    pd.testing.assert_frame_equal(third.counts, first.counts)
    # Cleared and loaded again: the batch ids start over, yet nothing stale is kept.
    demo_store.clear()
    commit(demo_store, [(SUMBERSARI, date(2020, 3, 1), 7)], "b")
    fourth = load_snapshot(demo_store, previous=third)
    same(fourth, load_snapshot(demo_store))
    assert fourth.counts["value"].tolist() == [7]
    load_demo(demo_store)
    same(load_snapshot(demo_store, previous=fourth), load_snapshot(demo_store))


def test_added_batches_reads_the_lists():
    def batches(*rows):
        return pd.DataFrame(rows, columns=["id", "undone", "sha256", "created_at"])

    before = batches((2, False, "b", "t2"), (1, False, "a", "t1"))
    assert added_batches(before, before) == []
    assert added_batches(before, batches((3, False, "c", "t3"), *before.itertuples(False))) == [3]
    assert added_batches(before, batches((2, True, "b", "t2"), (1, False, "a", "t1"))) is None
    assert added_batches(before, batches((1, False, "a", "t1"))) is None
    assert added_batches(before, batches((2, False, "x", "t9"), (1, False, "a", "t1"))) is None
    assert added_batches(before, batches((3, True, "c", "t3"), *before.itertuples(False))) is None
    assert added_batches(before.iloc[:0], before) is None


cell = st.tuples(
    st.sampled_from(["35.09.01", "35.09.02", "35.10.01", "35", "35.10"]),
    st.sampled_from(["2020-03-01", "2020-03-02", "2020-03-05"]),
    st.sampled_from(["households", "persons"]),
    st.integers(0, 99),
)


@given(
    old=st.lists(st.tuples(cell, st.integers(1, 3)), max_size=30),
    new=st.lists(st.tuples(cell, st.integers(4, 6)), max_size=15),
)
def test_merge_latest_equals_reading_both_at_once(old, new):
    def rows(items):
        return [(r, d, m, v, b) for (r, d, m, v), b in items]

    merged = merge_latest(latest_counts([rows(old)]), latest_counts([rows(new)]))
    whole = latest_counts([rows(old) + rows(new)])
    pd.testing.assert_frame_equal(merged, whole)
    assert np.all(np.diff(merged.index.to_numpy()) == 1) or len(merged) < 2


@given(rows=st.lists(st.tuples(cell, st.integers(1, 6)), max_size=40), cut=st.integers(1, 50))
def test_text_rows_read_as_the_row_tuples(rows, cut):
    """COPY's tab-separated text (in chunks cut anywhere) gives the frame the rows give."""
    items = [(r, d, m, v, b) for (r, d, m, v), b in rows]
    text = "".join(f"{r}\t{d}\t{m}\t{v}\t{b}\n" for r, d, m, v, b in items).encode()
    chunks = [text[i : i + cut] for i in range(0, len(text), cut)]
    pd.testing.assert_frame_equal(latest_counts_from_text(chunks), latest_counts([items]))


def boards_of(snap, days, settings):
    """Every board the pages draw over `days` (three levels, both orders, with the pace),
    each region's line, and the figures boards read."""
    out = {}
    stamps = pd.DatetimeIndex([pd.Timestamp(d) for d in days])
    for day in days:
        for level, within in (("kabupaten", "35"), ("kecamatan", "35.09"), ("desa", "35.09.25")):
            for by in ("count", "percent"):
                out[(level, day, by)] = snap.board(level, within, day, settings, by=by)
            out[("figures", level, day)] = snap.figures(level, within, day, "households")
    for code in ("35.09", KALIWATES, JELBUK):
        out[("series", code)] = snap.series(code, stamps, "households")
    return out


@pytest.mark.parametrize(
    "pick",
    [lambda days: days[-1] + timedelta(days=1), lambda days: days[-4], lambda days: days[3]],
    ids=["new-day", "in-the-week", "old-day"],
)
def test_boards_kept_from_the_previous_snapshot_are_the_boards_read_whole(demo_store, pick):
    """After a day's upload (a new day, a day inside the last week, an old day), a snapshot made
    from the previous one keeps that one's boards of the days before the upload and draws the
    rest; every board equals the one a snapshot read whole draws."""
    settings = Settings.load({})
    first = load_snapshot(demo_store)
    days = first.dates()
    boards_of(first, days, settings)
    day = pick(days)
    commit(demo_store, [(JELBUK, day, 5000), ("35.09.25.2001", day, 4000)], "a")
    later = load_snapshot(demo_store, previous=first)
    kept = {k for k in later._boards if pd.Timestamp(k[1]) < pd.Timestamp(day)}
    assert kept and kept == set(later._boards)  # kept only what the upload cannot change
    assert all(later._boards[k] is first._boards[k] for k in kept)
    whole = load_snapshot(demo_store)
    days = whole.dates()
    mine, theirs = boards_of(later, days, settings), boards_of(whole, days, settings)
    for key, frame in theirs.items():
        pd.testing.assert_frame_equal(mine[key], frame, obj=str(key))
    assert later._memo[("target_sources", "")] is first._memo[("target_sources", "")]


def test_nothing_is_kept_when_the_targets_change(demo_store):
    settings = Settings.load({})
    first = load_snapshot(demo_store)
    first.board("kecamatan", "35.09", first.dates()[0], settings)
    goals = pd.DataFrame(
        [(JELBUK, "households", 9000, 0.5, "Pemkab 50%")],
        columns=["region", "measure", "base", "share", "source"],
    )
    demo_store.commit_targets(goals, user="uji", file_name="t.csv", sha256="t" * 64)
    later = load_snapshot(demo_store, previous=first)
    assert not later._boards and not later._memo


def test_a_line_grown_by_the_new_day_is_the_line_drawn_whole(demo_store, monkeypatch):
    """After a new day, the regency's and a kecamatan's lines are the kept lines and the new
    day's figures (not the whole history read again), and equal the lines drawn whole."""
    settings = Settings.load({})
    first = load_snapshot(demo_store)
    days = first.dates()
    stamps = pd.DatetimeIndex([pd.Timestamp(d) for d in days])
    lines = {code: first.series(code, stamps, "households") for code in ("35", "35.09", JELBUK)}
    day = days[-1] + timedelta(days=1)
    commit(demo_store, [(JELBUK, day, 5000), ("35.09.25.2001", day, 4000)], "a")
    later = load_snapshot(demo_store, previous=first)
    whole = load_snapshot(demo_store)
    stamps = stamps.append(pd.DatetimeIndex([pd.Timestamp(day)]))
    for level, within in (("kabupaten", "35"), ("kecamatan", "35.09"), ("desa", JELBUK)):
        later.board(level, within, day, settings)  # the new day's boards, as the page draws

    def whole_history(*args):
        raise AssertionError("drawn whole")

    with monkeypatch.context() as patch:
        patch.setattr(progress, "figure_series", whole_history)
        grown = {code: later.series(code, stamps, "households") for code in lines}
    for code, line in grown.items():
        pd.testing.assert_frame_equal(line, whole.series(code, stamps, "households"), obj=code)
        pd.testing.assert_frame_equal(line.iloc[:-1], lines[code], obj=code)
    assert grown[JELBUK]["value"].iloc[-1] == 5000  # its own count of the day stands


def test_after_the_next_days_boards_are_drawn_ahead_the_new_day_draws_its_own_alone(
    demo_store, monkeypatch
):
    """prepare_next_day draws what tomorrow's home page reads of the days before it; after
    tomorrow's file the home page draws boards of the new day only, and is the page a
    snapshot read whole shows."""
    settings = Settings.load({})
    first = load_snapshot(demo_store)
    assert prepare_next_day(first, settings)
    day = first.dates()[-1] + timedelta(days=1)
    commit(demo_store, [(JELBUK, day, 5000), ("35.09.25.2001", day, 4000)], "a")
    later = load_snapshot(demo_store, previous=first)
    drawn = []
    draw = Snapshot._draw_board

    def counted(self, level, within, when, *args):
        drawn.append(when)
        return draw(self, level, within, when, *args)

    with monkeypatch.context() as patch:
        patch.setattr(Snapshot, "_draw_board", counted)
        page = home_view(later, settings, day)
    assert drawn and set(drawn) == {day}
    whole = home_view(load_snapshot(demo_store), settings, day)
    assert (page.headline, page.kpis, page.sentences) == (
        whole.headline,
        whole.kpis,
        whole.sentences,
    )
    for mine, theirs in zip(page.boards, whole.boards, strict=True):
        for name in ("full", "gained", "rows", "gainers"):
            pd.testing.assert_frame_equal(getattr(mine, name), getattr(theirs, name))
    pd.testing.assert_frame_equal(page.trend, whole.trend)

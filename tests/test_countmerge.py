"""A new batch put into a snapshot's counts with their index kept (countmerge) gives the frame
merge_latest gives, and an index that answers as one built from that frame."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from census_core.standings import countindex
from census_core.standings.countindex import index_of, measure_rows
from census_core.standings.countmerge import merge_indexed
from census_core.store.columns import latest_counts, measure_names, merge_latest

DAYS = ["2020-03-01", "2020-03-02", "2020-03-05", "2020-03-09", "2020-03-10"]
cell = st.tuples(
    st.sampled_from(["35.09.01", "35.09.02", "35.09.02.2001", "35.10.01", "35", "35.10"]),
    st.sampled_from(DAYS),
    st.sampled_from(["households", "persons"]),
    st.integers(0, 99),
)


def rows(items):
    return [(r, d, m, v, b) for (r, d, m, v), b in items]


def indexed(frame: pd.DataFrame) -> None:
    """As a snapshot in use has them: each measure's rows indexed."""
    for name in measure_names(frame["measure"]):
        index_of(measure_rows(frame, name))


def answers_alike(frame: pd.DataFrame) -> None:
    """The kept index of each measure's rows answers as one built from them."""
    for name in measure_names(frame["measure"]):
        part = measure_rows(frame, name)
        kept = index_of(part)
        built = countindex._build(part, ())
        assert kept is not None and built is not None
        for day in pd.to_datetime([*DAYS, "2020-02-01", "2020-03-31"]):
            for within in (None, "35", "35.09"):
                pd.testing.assert_frame_equal(
                    kept.at(part, day, within), built.at(part, day, within)
                )
            codes = np.array(["35.09.01", "35.10", "36.01", "35.09.02.2001"], dtype=object)
            when = np.full(len(codes), day.to_datetime64())
            for a, b in zip(
                kept.before(part, codes, when), built.before(part, codes, when), strict=True
            ):
                np.testing.assert_array_equal(a, b)
        for code in ("35", "35.09", "35.09.02", "36"):
            got = part.iloc[kept.subtree(code)]
            pd.testing.assert_frame_equal(got, part.iloc[built.subtree(code)])


@settings(max_examples=150, deadline=None)
@given(
    old=st.lists(st.tuples(cell, st.integers(1, 3)), min_size=1, max_size=30),
    new=st.lists(st.tuples(cell, st.integers(4, 6)), max_size=15),
)
def test_merge_indexed_equals_merge_latest_and_its_index_answers_alike(old, new):
    before = latest_counts([rows(old)])
    indexed(before)
    fresh = latest_counts([rows(new)])
    merged = merge_indexed(before, fresh)
    pd.testing.assert_frame_equal(merged, merge_latest(before, fresh))
    pd.testing.assert_frame_equal(merged, latest_counts([rows(old) + rows(new)]))
    answers_alike(merged)


def national_like(days: int, regions: int = 50) -> pd.DataFrame:
    codes = [f"35.09.{i:02d}" for i in range(1, regions + 1)]
    stamps = pd.date_range("2020-02-15", periods=days).strftime("%Y-%m-%d")
    return latest_counts(
        [
            [
                (c, d, "households", i, 1)
                for i, (c, d) in enumerate((c, d) for c in codes for d in stamps)
            ]
        ]
    )


@pytest.mark.parametrize("day", ["2020-03-20", "2020-03-10"], ids=["new-day", "stored-day"])
def test_a_day_of_known_regions_is_indexed_without_building(monkeypatch, day):
    """The day a replica takes in: every region known, a day after the last or one already
    stored. The merged frame's index is found, not built."""
    before = national_like(20)
    indexed(before)
    fresh = latest_counts(
        [[(f"35.09.{i:02d}", day, "households", 1000 + i, 2) for i in range(1, 51)]]
    )
    merged = merge_indexed(before, fresh)

    def no_build(*args, **kwargs):
        raise AssertionError("built again")

    monkeypatch.setattr(countindex, "_build", no_build)
    part = measure_rows(merged, "households")
    index = index_of(part)
    monkeypatch.undo()
    assert index is not None
    got = index.at(part, pd.Timestamp(day))
    assert got["value"].tolist() == [1000 + i for i in range(1, 51)]
    answers_alike(merged)


def test_a_day_between_the_stored_days_or_a_new_region_is_indexed_again():
    """Keys that would all move (a day before the last, a region not seen) fall back to
    merge_latest; the index is then built, and answers alike."""
    before = national_like(5).iloc[::2].reset_index(drop=True)  # every other day stored
    indexed(before)
    for row in (
        ("35.09.01", "2020-02-16", "households", 5, 2),
        ("35.09.99", "2020-02-19", "households", 5, 3),
    ):
        fresh = latest_counts([[row]])
        merged = merge_indexed(before, fresh)
        pd.testing.assert_frame_equal(merged, merge_latest(before, fresh))
        answers_alike(merged)
        before = merged
        indexed(before)

"""An upload is checked against the store's history without copying it, with the same answers.

The falls check looks up each row's previous count in the store's index, and the effect on the
board merges the file into the board's window only. Both are compared here with the plain way
(the whole history merged with the file and sorted), on random histories and files with gaps,
several measures, several dates and rows the file replaces.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from census_core.ingest.checks import _decreases
from census_core.ingest.effect import merge_counts
from census_core.standings import progress
from census_core.standings.countindex import measure_rows

DAYS = [date(2020, 3, 1) + timedelta(days=i) for i in range(8)]
CODES = ["35.09.01", "35.09.02", "35.09.03", "35.09.04", "35.09.01.2001", "35.09.01.2002"]
MEASURES = ["households", "persons"]


def plain_falls(records: pd.DataFrame, existing: pd.DataFrame) -> list[tuple[int, int, date]]:
    """(row, earlier value, earlier date) of every fall: the history merged and sorted whole."""
    frame = records.assign(src="file")
    old = existing.assign(src="store", row=-1, column=None)
    keys = records.set_index(["region", "date", "measure"]).index
    old = old[~old.set_index(["region", "date", "measure"]).index.isin(keys)]
    frame = pd.concat([old, frame], ignore_index=True)
    frame = frame.sort_values(["measure", "region", "date"], kind="stable")
    grouped = frame.groupby(["measure", "region"], sort=False)
    frame["prev_value"] = grouped["value"].shift()
    frame["prev_date"] = grouped["date"].shift()
    falls = frame[(frame["src"] == "file") & (frame["value"] < frame["prev_value"])]
    return sorted(
        (int(r.row), int(r.prev_value), pd.Timestamp(r.prev_date).date())
        for r in falls.itertuples()
    )


def history(draw_rows: list[tuple[int, int, int, int]]) -> pd.DataFrame:
    """Store rows (one per region, date and measure), sorted as the store returns them."""
    rows = {(CODES[c], DAYS[d], MEASURES[m]): v for c, d, m, v in draw_rows}
    frame = pd.DataFrame(
        [(r, d, m, v) for (r, d, m), v in rows.items()],
        columns=["region", "date", "measure", "value"],
    )
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.sort_values(["measure", "region", "date"]).reset_index(drop=True)


def upload(draw_rows: list[tuple[int, int, int, int]]) -> pd.DataFrame:
    rows = {(CODES[c], DAYS[d], MEASURES[m]): v for c, d, m, v in draw_rows}
    frame = pd.DataFrame(
        [(r, d, m, v) for (r, d, m), v in rows.items()],
        columns=["region", "date", "measure", "value"],
    )
    frame["date"] = pd.to_datetime(frame["date"])
    frame["row"] = np.arange(2, len(frame) + 2)
    frame["column"] = "KK"
    return frame


cells = st.tuples(
    st.integers(0, len(CODES) - 1),
    st.integers(0, len(DAYS) - 1),
    st.integers(0, 1),
    st.integers(0, 60),
)


@given(store_rows=st.lists(cells, max_size=60), file_rows=st.lists(cells, min_size=1, max_size=20))
def test_falls_found_through_the_index_equal_the_plain_merge(regions, store_rows, file_rows):
    existing = history(store_rows)
    records = upload(file_rows)
    got = sorted(
        (p.row, int(p.params["earlier"].replace(".", "")), p.params["earlier_date"])
        for p in _decreases(records, existing, regions)
    )
    want = [(row, value, _id_date(day)) for row, value, day in plain_falls(records, existing)]
    assert got == sorted(want)


def _id_date(day: date) -> str:
    from census_core.text import fmt_date

    return fmt_date(day)


def test_falls_read_the_store_frame_in_any_order(regions):
    """A frame not sorted by measure (as a caller may pass) gives the same falls."""
    existing = history([(0, 1, 0, 50), (0, 2, 1, 500), (1, 0, 0, 30), (0, 3, 0, 55)])
    shuffled = existing.sample(frac=1.0, random_state=3).reset_index(drop=True)
    records = upload([(0, 4, 0, 40), (1, 2, 0, 10), (0, 4, 1, 600)])
    assert [p.row for p in _decreases(records, shuffled, regions)] == [
        p.row for p in _decreases(records, existing, regions)
    ]
    assert sorted(p.row for p in _decreases(records, existing, regions)) == [2, 3]


@pytest.mark.parametrize("seed", range(12))
def test_board_after_an_upload_equals_the_board_of_the_whole_merged_history(regions, seed):
    rng = np.random.default_rng(seed)
    kec = regions.descendants("35.09", "kecamatan")[:8]
    desa = [d for k in kec[:3] for d in regions.children(k)][:12]
    codes = kec + desa
    rows = [
        (code, day, int(rng.integers(0, 9)) * 10)
        for code in codes
        for day in DAYS
        if rng.random() < 0.5
    ]
    counts = pd.DataFrame(rows, columns=["region", "date", "value"])
    counts["date"] = pd.to_datetime(counts["date"])
    counts = counts.sort_values(["region", "date"]).reset_index(drop=True)
    picked = rng.choice(len(codes), size=int(rng.integers(1, len(codes))), replace=False)
    file_days = sorted({DAYS[int(i)] for i in rng.integers(2, len(DAYS), size=2)})
    records = pd.DataFrame(
        [(codes[int(i)], d, int(rng.integers(0, 12)) * 10) for i in picked for d in file_days],
        columns=["region", "date", "value"],
    )
    day = file_days[-1]
    for level in ("kecamatan", "desa"):
        whole = progress.standings(merge_counts(counts, records), regions, level, "35.09", day)
        window = progress.window(counts, day, "35.09")
        quick = progress.standings(merge_counts(window, records), regions, level, "35.09", day)
        pd.testing.assert_frame_equal(quick, whole)
        # The window alone draws the same board as the history.
        pd.testing.assert_frame_equal(
            progress.standings(window, regions, level, "35.09", day),
            progress.standings(counts, regions, level, "35.09", day),
        )


def test_measure_rows_picks_one_measure_and_remembers_it():
    frame = history([(0, 0, 0, 1), (1, 0, 0, 2), (0, 0, 1, 3), (2, 1, 1, 4)])
    persons = measure_rows(frame, "persons")
    assert list(persons["value"]) == [3, 4]
    assert list(measure_rows(frame, "persons")["value"]) == [3, 4]
    assert list(measure_rows(frame, "households")["value"]) == [1, 2]
    assert measure_rows(frame, "other").empty
    mixed = frame.iloc[[2, 0, 3, 1]].reset_index(drop=True)
    assert list(measure_rows(mixed, "persons")["value"]) == [3, 4]

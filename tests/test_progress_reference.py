"""The fast standings (count index, vectorised gaps and pace) equal the plain pandas reference.

tests/reference_progress.py is progress.py as first written: a sort of every count per call
and a loop per row. Random boards with ties, gaps in reporting, derived parents, missing
targets and duplicate reports must come out identical, column for column and dtype for dtype.
"""

from dataclasses import astuple
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from census_core.standings import progress
from tests import reference_progress as reference

DAYS = [date(2020, 3, 1) + timedelta(days=i) for i in range(6)]


def random_counts(regions, rng: np.random.Generator, codes: list[str]) -> pd.DataFrame:
    rows = []
    for code in codes:
        for day in DAYS:
            if rng.random() < 0.6:
                rows.append((code, day, int(rng.integers(0, 8)) * 10))
    if rows and rng.random() < 0.5:
        rows.append((*rows[int(rng.integers(0, len(rows)))][:2], 999))  # a duplicate report
    frame = pd.DataFrame(rows, columns=["region", "date", "value"])
    frame["date"] = pd.to_datetime(frame["date"])
    # Batches as the store numbers uploads: later rows (a duplicate report last) higher.
    frame["batch_id"] = rng.integers(1, 4, size=len(frame)).cumsum()
    return frame.sample(frac=1.0, random_state=int(rng.integers(0, 1000)))


def random_targets(rng: np.random.Generator, codes: list[str]) -> pd.DataFrame:
    picked = [c for c in codes if rng.random() < 0.7]
    return pd.DataFrame(
        {
            "region": picked,
            "base": rng.integers(0, 400, size=len(picked)),
            "share": [None if rng.random() < 0.5 else 0.4 for _ in picked],
        }
    )


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("by", ["count", "percent"])
def test_fast_standings_equal_the_reference(regions, seed, by):
    rng = np.random.default_rng(seed)
    kec = regions.descendants("35.09", "kecamatan")[:10]
    desa = [d for k in kec[:4] for d in regions.children(k)][:25]
    codes = kec[: int(rng.integers(0, 10))] + desa + (["35.09"] if seed % 3 == 0 else [])
    counts = random_counts(regions, rng, codes)
    targets = random_targets(rng, codes)
    day = DAYS[int(rng.integers(0, len(DAYS)))]
    deadline = None if seed % 4 == 0 else date(2020, 3, 31)
    for level, within in (("kecamatan", "35.09"), ("desa", "35.09"), ("kabupaten", "35")):
        kw = dict(
            targets=targets, by=by, default_share=0.5, deadline=deadline, target_source="BPS 22%"
        )
        got = progress.standings(counts, regions, level, within, day, **kw)
        want = reference.standings(counts, regions, level, within, day, **kw)
        pd.testing.assert_frame_equal(got, want)
    got_eff, got_mis = progress.effective_at(counts, day)
    want_eff, want_mis = reference.effective_at(counts, day)
    pd.testing.assert_frame_equal(got_eff, want_eff)
    assert [astuple(m) for m in got_mis] == [astuple(m) for m in want_mis]
    pd.testing.assert_series_equal(
        progress.targets_of(targets, 0.5), reference.targets_of(targets, 0.5)
    )


@pytest.mark.parametrize("seed", range(12))
def test_a_regions_series_is_its_figure_day_by_day(regions, seed):
    """figure_series (a trend's line) gives, on each day, the figure effective_at gives."""
    rng = np.random.default_rng(seed)
    kec = regions.descendants("35.09", "kecamatan")[:10]
    desa = [d for k in kec[:4] for d in regions.children(k)][:25]
    codes = kec[: int(rng.integers(0, 10))] + desa + (["35.09"] if seed % 2 == 0 else [])
    counts = random_counts(regions, rng, codes)
    days = pd.DatetimeIndex([pd.Timestamp(d) for d in DAYS])
    for code in ["35", "35.09", kec[0], kec[1], desa[0]]:
        got = progress.figure_series(counts, code, days)
        for day in DAYS:
            eff, _ = progress.effective_at(counts, day)
            row = got.loc[pd.Timestamp(day)]
            if code not in eff.index:
                assert np.isnan(row["value"]), (code, day)
                continue
            want = eff.loc[code]
            assert (row["value"], row["last_date"], bool(row["derived"])) == (
                want["value"],
                want["last_date"],
                bool(want["derived"]),
            ), (code, day)

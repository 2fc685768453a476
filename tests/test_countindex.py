"""The count index cache: hits for the same frame, never for a freed one, and lets go of it."""

from __future__ import annotations

import gc

import numpy as np
import pandas as pd

from census_core.standings import countindex
from census_core.standings.countindex import index_of


def counts(n: int, offset: int = 0) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region": np.array([f"35.09.{i % 7:02d}" for i in range(n)], dtype=object),
            "date": pd.to_datetime("2020-03-01") + pd.to_timedelta(np.arange(n) // 7, unit="D"),
            "value": np.arange(n, dtype=np.int64) + offset,
        }
    ).sort_values(["region", "date"], ignore_index=True)


def test_an_index_is_shared_by_views_of_one_frame_and_freed_with_it():
    frame = counts(70)
    first = index_of(frame)
    assert first is not None
    assert index_of(frame.copy(deep=False)) is first  # a shallow copy shares the buffers
    key = next(k for k, v in countindex._CACHE.items() if v is first)
    del frame, first
    gc.collect()
    index_of(counts(14))  # any lookup drops the entries of freed frames
    assert key not in countindex._CACHE


def test_a_new_frame_never_gets_an_old_frames_index():
    for offset in range(20):  # new frames may reuse freed memory; answers must not go stale
        frame = counts(70, offset)
        got = countindex.index_of(frame).at(frame, pd.Timestamp("2020-03-10"))
        want = frame[frame["date"] <= "2020-03-10"].groupby("region")["value"].last()
        assert got["value"].tolist() == want.tolist()
        del frame

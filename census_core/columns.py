"""Rows from the store to a compact counts frame: interned strings, the latest batch per key.

A national store holds millions of counts. Reading them as one list of rows and letting pandas
sort it costs gigabytes; this reads chunks into small integer columns (every region code and
measure is one shared string object) and keeps, per (measure, region, date), the row of the
highest batch, using one integer sort.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

COLUMNS = ["region", "date", "measure", "value", "batch_id"]


class _Ids(dict[object, int]):
    """Gives each distinct value a small integer, in order of first appearance."""

    def __missing__(self, key: object) -> int:
        value = self[key] = len(self)
        return value


def latest_counts(chunks: Iterable[Sequence[Sequence[object]]]) -> pd.DataFrame:
    """Rows of (region, date text, measure, value, batch_id) -> the current counts frame.

    Sorted by measure, region and date with a fresh index; dates as datetime64.
    """
    regions, dates, measures = _Ids(), _Ids(), _Ids()
    parts: list[tuple[np.ndarray, ...]] = []
    for chunk in chunks:
        if not chunk:
            continue
        r, d, m, v, b = zip(*chunk, strict=True)
        n = len(r)
        parts.append(
            (
                np.fromiter(map(regions.__getitem__, r), dtype=np.int32, count=n),
                np.fromiter(map(dates.__getitem__, d), dtype=np.int32, count=n),
                np.fromiter(map(measures.__getitem__, m), dtype=np.int8, count=n),
                np.fromiter(v, dtype=np.int64, count=n),
                np.fromiter(b, dtype=np.int64, count=n),
            )
        )
    if not parts:
        frame = pd.DataFrame([], columns=COLUMNS)
        frame["date"] = pd.to_datetime(frame["date"])
        frame["value"] = frame["value"].astype("int64")
        return frame
    r_id, d_id, m_id, value, batch = (np.concatenate(cols) for cols in zip(*parts, strict=True))
    del parts
    r_codes, r_rank = _ranks(regions)
    d_text, d_rank = _ranks(dates)
    m_text, m_rank = _ranks(measures)
    key = (m_rank[m_id] * len(r_codes) + r_rank[r_id]) * len(d_text) + d_rank[d_id]
    del r_id, d_id, m_id
    # Highest batch last within each key: sort on (key, batch rank) as one integer.
    b_values, b_rank = np.unique(batch, return_inverse=True)
    order = np.argsort(key * len(b_values) + b_rank, kind="stable")
    key = key[order]
    keep = order[np.append(key[1:] != key[:-1], True)]
    key = key[np.append(key[1:] != key[:-1], True)]
    n_d, n_r = len(d_text), len(r_codes)
    day_days = pd.to_datetime(pd.Index([str(x) for x in d_text], dtype=object)).to_numpy(
        dtype="datetime64[ns]"
    )
    return pd.DataFrame(
        {
            "region": r_codes[(key // n_d) % n_r],
            "date": day_days[key % n_d],
            "measure": m_text[key // (n_d * n_r)],
            "value": value[keep],
            "batch_id": batch[keep],
        }
    )


def _ranks(ids: _Ids) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values sorted, and the sorted position of each id."""
    values = np.empty(len(ids), dtype=object)
    values[:] = list(ids)
    order = np.array(sorted(range(len(values)), key=values.__getitem__), dtype=np.int64)
    rank = np.empty(len(values), dtype=np.int64)
    rank[order] = np.arange(len(values))
    return values[order], rank

"""Rows from the store to a compact counts frame: interned strings, the latest batch per key.

A national store holds millions of counts. Reading them as one list of rows and letting pandas
sort it costs gigabytes; this reads chunks into small integer columns (every region code and
measure is one shared string object) and keeps, per (measure, region, date), the row of the
highest batch, using one integer sort.
"""

from __future__ import annotations

import io
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
    cols: list[list[np.ndarray]] = [[], [], [], [], []]
    for chunk in chunks:
        if not chunk:
            continue
        r, d, m, v, b = zip(*chunk, strict=True)
        n = len(r)
        cols[0].append(np.fromiter(map(regions.__getitem__, r), dtype=np.int32, count=n))
        cols[1].append(np.fromiter(map(dates.__getitem__, d), dtype=np.int32, count=n))
        cols[2].append(np.fromiter(map(measures.__getitem__, m), dtype=np.int8, count=n))
        cols[3].append(np.fromiter(v, dtype=np.int64, count=n))
        cols[4].append(np.fromiter(b, dtype=np.int64, count=n))
    if not cols[0]:
        frame = pd.DataFrame([], columns=COLUMNS)
        frame["date"] = pd.to_datetime(frame["date"])
        frame["value"] = frame["value"].astype("int64")
        return frame
    return _assemble(
        (list(regions), _concat(cols[0])),
        (list(dates), _concat(cols[1])),
        (list(measures), _concat(cols[2])),
        _concat(cols[3]),
        _concat(cols[4]),
    )


def latest_counts_from_text(chunks: Iterable[bytes | memoryview]) -> pd.DataFrame:
    """Tab-separated lines (region, date, measure, value, batch_id), as PostgreSQL's COPY ...
    TO STDOUT writes them -> the current counts frame, as `latest_counts` returns it."""
    buffer = io.BytesIO()
    for chunk in chunks:
        buffer.write(chunk)
    if buffer.tell() == 0:
        return latest_counts([])
    buffer.seek(0)
    text = pd.read_csv(
        buffer,
        sep="\t",
        header=None,
        names=COLUMNS,
        dtype={
            "region": "category",
            "date": "category",
            "measure": "category",
            "value": "int64",
            "batch_id": "int64",
        },
        na_filter=False,
        engine="c",
    )
    del buffer
    parts = [
        (list(text[name].cat.categories), text[name].cat.codes.to_numpy())
        for name in ("region", "date", "measure")
    ]
    value, batch = text["value"].to_numpy(), text["batch_id"].to_numpy()
    del text
    return _assemble(parts[0], parts[1], parts[2], value, batch)


def _assemble(
    regions: tuple[list[object], np.ndarray],
    dates: tuple[list[object], np.ndarray],
    measures: tuple[list[object], np.ndarray],
    value: np.ndarray,
    batch: np.ndarray,
) -> pd.DataFrame:
    """The counts frame from each text column as (distinct values, each row's value number)."""
    r_codes, r_rank = _ranks(regions[0])
    d_text, d_rank = _ranks(dates[0])
    m_text, m_rank = _ranks(measures[0])
    n_r, n_d = len(r_codes), len(d_text)
    # One integer per (measure, region, date) in sorted order; built in place to spare memory.
    key = m_rank[measures[1]]
    key *= n_r
    key += r_rank[regions[1]]
    key *= n_d
    key += d_rank[dates[1]]
    days = pd.to_datetime(pd.Index([str(x) for x in d_text], dtype=object))
    return _frame(key, value, batch, r_codes, days.to_numpy(dtype="datetime64[ns]"), m_text)


def merge_latest(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """A current counts frame with newer batches' rows put in place: per (measure, region,
    date) the row of the highest batch. Both frames as `latest_counts` returns them (sorted by
    measure, region and date, one row per key).

    Lets a snapshot take in one upload without reading millions of counts again. The old frame
    is never sorted or hashed row by row: its (measure, region) runs are found by comparing
    neighbours, each new row's place by a binary search, and the new rows are inserted there.
    """
    if new.empty:
        return old
    if old.empty:
        return new
    o_reg, o_mea = old["region"].to_numpy(object), old["measure"].to_numpy(object)
    o_day = old["date"].to_numpy("datetime64[ns]")
    starts = np.flatnonzero(
        np.concatenate([[True], (o_reg[1:] != o_reg[:-1]) | (o_mea[1:] != o_mea[:-1])])
    )
    n_reg, n_mea = new["region"].to_numpy(object), new["measure"].to_numpy(object)
    # Every (measure, region) of either frame in sorted order, and every date.
    pairs = (
        pd.MultiIndex.from_arrays(
            [np.concatenate([o_mea[starts], n_mea]), np.concatenate([o_reg[starts], n_reg])]
        )
        .unique()
        .sort_values()
    )
    days = np.unique(np.concatenate([np.unique(o_day), new["date"].to_numpy("datetime64[ns]")]))
    group_rank = pairs.get_indexer(pd.MultiIndex.from_arrays([o_mea[starts], o_reg[starts]]))
    sizes = np.diff(np.append(starts, len(old)))
    key_old = np.repeat(group_rank.astype(np.int64), sizes)
    key_old *= len(days)
    key_old += np.searchsorted(days, o_day)
    n_day = new["date"].to_numpy("datetime64[ns]")
    key_new = pairs.get_indexer(pd.MultiIndex.from_arrays([n_mea, n_reg])).astype(np.int64)
    key_new = key_new * len(days) + np.searchsorted(days, n_day)
    order = np.argsort(key_new, kind="stable")
    key_new = key_new[order]

    pos = np.searchsorted(key_old, key_new)
    same = (pos < len(old)) & (key_old[np.minimum(pos, len(old) - 1)] == key_new)
    del key_old
    n_batch = new["batch_id"].to_numpy("int64")[order]
    o_batch = old["batch_id"].to_numpy("int64")
    # A key both frames hold keeps the higher batch's row; the others are inserted in place.
    wins = same.copy()
    wins[same] = n_batch[same] >= o_batch[pos[same]]
    at, extra = pos[~same], ~same
    # Where each winning row lands once the new rows are inserted (`at` ascends, and a row
    # inserted at p goes before the old row p): no copy of the old column to overwrite first.
    won = pos[wins]
    won_at = won + np.searchsorted(at, won, side="right")
    columns = {}
    for column in ("region", "date", "measure", "value", "batch_id"):
        fresh = new[column].to_numpy()[order]
        merged = np.insert(old[column].to_numpy(), at, fresh[extra])
        merged[won_at] = fresh[wins]
        columns[column] = merged
    # Made from the new arrays as they are: setting columns one by one copies each again
    # (0.6 s at national scale).
    return pd.DataFrame(columns, copy=False)


def _frame(
    key: np.ndarray,
    value: np.ndarray,
    batch: np.ndarray,
    r_codes: np.ndarray,
    days: np.ndarray,
    m_text: np.ndarray,
) -> pd.DataFrame:
    """The frame of the highest batch per key, in key (measure, region, date) order."""
    n_r, n_d = len(r_codes), len(days)
    keep = _latest(key, batch)
    if keep is not None:
        key, value, batch = key[keep], value[keep], batch[keep]
    frame = pd.DataFrame(index=pd.RangeIndex(len(key)))
    # Column by column: a dict would be consolidated into 2-D blocks, a copy of everything.
    frame["region"] = r_codes[(key // n_d) % n_r]
    frame["date"] = days[key % n_d]
    frame["measure"] = m_text[key // (n_d * n_r)]
    frame["value"] = value
    frame["batch_id"] = batch
    return frame


def _concat(parts: list[np.ndarray]) -> np.ndarray:
    """Concatenate and let the parts go."""
    out = np.concatenate(parts)
    parts.clear()
    return out


def _latest(key: np.ndarray, batch: np.ndarray) -> np.ndarray | None:
    """Positions, in key order, of the highest batch of each key; None when that is every row
    in the order given (one batch per key, already sorted)."""
    if bool((key[1:] > key[:-1]).all()):
        return None
    top = int(batch.max()) + 1
    if top * (int(key.max()) + 1) < 2**62:
        order_key = key * top + batch
    else:  # huge batch ids: rank them first
        order_key = key * (len(np.unique(batch)) + 1) + np.unique(batch, return_inverse=True)[1]
    order = np.argsort(order_key, kind="stable")
    del order_key
    sorted_key = key[order]
    last = np.ones(len(order), dtype=bool)
    last[:-1] = sorted_key[1:] != sorted_key[:-1]
    return order[last]


def _ranks(distinct: list[object]) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values sorted (as plain strings), and the sorted position of each."""
    values = np.empty(len(distinct), dtype=object)
    values[:] = [str(x) for x in distinct]
    order = np.array(sorted(range(len(values)), key=values.__getitem__), dtype=np.int64)
    rank = np.empty(len(values), dtype=np.int64)
    rank[order] = np.arange(len(values))
    return values[order], rank

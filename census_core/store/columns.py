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
import pyarrow as pa
import pyarrow.csv as pacsv

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
        frame["measure"] = measures_column(np.zeros(0, dtype=np.int8), [])
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
    TO STDOUT writes them -> the current counts frame, as `latest_counts` returns it.

    Parsed by Arrow's CSV reader (in C, on every core), the text columns as dictionaries: a
    day's desa file of 80,000 rows in 10 ms where pandas' reader took 100, and no string is
    made per row."""
    buffer = io.BytesIO()
    for chunk in chunks:
        buffer.write(chunk)
    if buffer.tell() == 0:
        return latest_counts([])
    words = pa.dictionary(pa.int32(), pa.string())
    table = pacsv.read_csv(
        pa.py_buffer(buffer.getbuffer()),
        read_options=pacsv.ReadOptions(column_names=COLUMNS),
        parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=pacsv.ConvertOptions(
            column_types={
                "region": words,
                "date": words,
                "measure": words,
                "value": pa.int64(),
                "batch_id": pa.int64(),
            },
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    ).unify_dictionaries()  # one dictionary per column for every block read
    del buffer
    if table.num_rows == 0:  # blank lines only
        return latest_counts([])
    parts = [_dictionary(table.column(name)) for name in ("region", "date", "measure")]
    value = _numbers(table.column("value"))
    batch = _numbers(table.column("batch_id"))
    del table
    return _assemble(parts[0], parts[1], parts[2], value, batch)


def _dictionary(column: pa.ChunkedArray) -> tuple[list[object], np.ndarray]:
    """A dictionary column's distinct values and each row's place among them."""
    chunks = column.chunks
    codes = np.concatenate([c.indices.to_numpy(zero_copy_only=False) for c in chunks])
    return chunks[0].dictionary.to_pylist(), codes.astype(np.int64, copy=False)


def _numbers(column: pa.ChunkedArray) -> np.ndarray:
    return np.concatenate([c.to_numpy(zero_copy_only=False) for c in column.chunks])


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
    is never sorted, hashed or keyed row by row: its (measure, region) runs are found by
    comparing neighbours, each new row's place by a binary search inside its run (all rows at
    once), and the new rows are put in place in one pass per column.
    """
    if new.empty:
        return old
    if old.empty:
        return new
    names = sorted(set(measure_names(old["measure"])) | set(measure_names(new["measure"])))
    o_code = measure_codes(old["measure"], names)
    n_code = measure_codes(new["measure"], names)
    o_reg = old["region"].to_numpy(object)
    o_day = old["date"].to_numpy("datetime64[ns]")
    n = len(old)
    # The old frame's (measure, region) runs, found by comparing neighbours.
    run = np.empty(n, dtype=bool)
    run[0] = True
    np.not_equal(o_reg[1:], o_reg[:-1], out=run[1:])
    run[1:] |= o_code[1:] != o_code[:-1]
    starts = np.flatnonzero(run)
    del run
    ends = np.append(starts[1:], n)
    n_reg = new["region"].to_numpy(object)
    n_day = new["date"].to_numpy("datetime64[ns]")
    # Every (measure, region) pair of either frame, sorted: the old runs' ranks ascend.
    pairs = (
        pd.MultiIndex.from_arrays(
            [np.concatenate([o_code[starts], n_code]), np.concatenate([o_reg[starts], n_reg])]
        )
        .unique()
        .sort_values()
    )
    old_rank = pairs.get_indexer(pd.MultiIndex.from_arrays([o_code[starts], o_reg[starts]]))
    new_rank = pairs.get_indexer(pd.MultiIndex.from_arrays([n_code, n_reg]))
    order = np.lexsort((n_day, new_rank))  # the new rows in key order
    new_rank, n_day = new_rank[order], n_day[order]
    # Each new row's run in the old frame (or the run it would go before).
    g = np.searchsorted(old_rank, new_rank)
    has = g < len(starts)
    has[has] = old_rank[g[has]] == new_rank[has]
    lo = np.where(g < len(starts), starts[np.minimum(g, len(starts) - 1)], n)
    hi = np.where(has, ends[np.minimum(g, len(starts) - 1)], lo)
    end = hi.copy()
    # Binary search of each row's date inside its run, all rows at once.
    while True:
        open_ = lo < hi
        if not open_.any():
            break
        mid = (lo + hi) // 2
        right = open_ & (o_day[np.minimum(mid, n - 1)] < n_day)
        lo = np.where(right, mid + 1, lo)
        hi = np.where(open_ & ~right, mid, hi)
    pos = lo
    same = has & (pos < end)  # inside its own run, not at the next run's first row
    same[same] = o_day[pos[same]] == n_day[same]
    return put_in_place(old, new, (o_code, n_code, names), order, pos, same)


def put_in_place(
    old: pd.DataFrame,
    new: pd.DataFrame,
    measures: tuple[np.ndarray, np.ndarray, list[str]],
    rows: np.ndarray,
    pos: np.ndarray,
    same: np.ndarray,
) -> pd.DataFrame:
    """The old frame with `new`'s rows `rows` (in key order) put in place: each at old row
    `pos` (before it, or over it where `same` says the key is that row's and its batch is
    not older). `measures` are both frames' measures as numbers among the names, and the names."""
    o_code, n_code, names = measures
    n = len(old)
    n_batch = new["batch_id"].to_numpy("int64")[rows]
    wins = same.copy()
    wins[same] = n_batch[same] >= old["batch_id"].to_numpy()[pos[same]]
    extra = ~same
    at = pos[extra]
    # Where the inserted rows land (a row inserted at p goes before the old row p), where each
    # winning row lands, and which places the old rows fill.
    dest = at + np.arange(len(at))
    won = pos[wins]
    won_at = won + np.searchsorted(at, won, side="right")
    keep = np.ones(n + len(at), dtype=bool)
    keep[dest] = False
    columns = {}
    for column in COLUMNS:
        if column == "measure":
            olds, fresh = o_code, n_code[rows]
        else:
            olds, fresh = old[column].to_numpy(), new[column].to_numpy()[rows]
        # A new value too large for the old column's type widens it, never wraps.
        merged = np.empty(n + len(at), dtype=np.result_type(olds, fresh))
        merged[keep] = olds
        merged[dest] = fresh[extra]
        merged[won_at] = fresh[wins]
        columns[column] = measures_column(merged, names) if column == "measure" else merged
    # Made from the new arrays as they are: setting columns one by one copies each again.
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
    frame["measure"] = measures_column(key // (n_d * n_r), m_text)
    frame["value"] = narrow(value)
    frame["batch_id"] = narrow(batch)
    return frame


def narrow(values: np.ndarray) -> np.ndarray:
    """Integers in four bytes when every one fits (a count is at most
    ingest.values.MAX_COUNT, a batch id a few thousand): a national store's counts are 8.5 M
    rows, and two snapshots of them are side by side while an upload is taken in."""
    if (
        len(values)
        and values.dtype.kind == "i"
        and values.dtype.itemsize > 4
        and int(values.min()) >= -(2**31)
        and int(values.max()) < 2**31
    ):
        return values.astype(np.int32)
    return values


def measures_column(codes: np.ndarray, names: Sequence[object] | np.ndarray) -> pd.Categorical:
    """The measure of each row as a category (one byte a row, not a pointer of eight)."""
    small = np.asarray(codes).astype(np.int8 if len(names) < 128 else np.int32, copy=False)
    return pd.Categorical.from_codes(
        small, categories=pd.Index([str(x) for x in names], dtype=object)
    )


def measure_codes(column: pd.Series, names: list[str]) -> np.ndarray:
    """Each row's measure as its position in `names` (sorted; holding every measure of the
    column), without a string per row when the column is categorical."""
    lookup = pd.Index(names, dtype=object)
    if isinstance(column.dtype, pd.CategoricalDtype):
        own = lookup.get_indexer(pd.Index(column.cat.categories, dtype=object))
        codes = np.asarray(column.array.codes)  # type: ignore[attr-defined]
        if np.array_equal(own, np.arange(len(own))):
            return codes  # the same numbers already: no pass over millions of rows
        return own[codes]
    return lookup.get_indexer(pd.Index(column.to_numpy(object)))


def measure_names(column: pd.Series) -> list[str]:
    """The distinct measures of a column, without a pass over its rows when categorical."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return [str(x) for x in column.cat.categories]
    return [str(x) for x in pd.unique(column.to_numpy(object))]


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

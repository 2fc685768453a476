"""A lookup index over a counts frame: each region's latest count on or before a day, fast.

Built once per frame (a stable sort by region and date), or made from the previous frame's
index when a snapshot takes in an upload (countmerge), or read with the counts' copy (restore),
and kept while the frame's columns are alive, and no longer: the cache holds weak references,
so an index goes with its snapshot.
A page rerun or a second board on the same snapshot costs one binary search per region instead
of a sort of every count. Frames handed to progress are treated as read-only.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

import numpy as np
import pandas as pd

from census_core.store.counts_file import IndexPart

log = logging.getLogger(__name__)

_CACHE: OrderedDict[tuple[object, ...], CountIndex] = OrderedDict()
_ROWS: OrderedDict[tuple[object, ...], tuple[tuple[weakref.ref, ...], np.ndarray | slice]] = (
    OrderedDict()
)
_CACHE_SIZE = 6
# National desa scale is 8.6 M rows per measure.
_CACHE_ROWS = 20_000_000
_LOCK = threading.Lock()
# Keys whose frame has been freed; dropped at the next lookup (a weakref callback may run in
# the middle of anything, so it only notes the key).
_DEAD: list[tuple[object, ...]] = []


@dataclass(frozen=True)
class CountIndex:
    """Rows of one frame grouped by region (code order), dates ascending inside each group."""

    codes: np.ndarray  # unique region codes, sorted
    starts: np.ndarray  # first sorted position of each code's group
    keys: np.ndarray  # group number * stride + date rank, ascending (int32 when it fits)
    days: np.ndarray  # the frame's distinct dates (datetime64), ascending
    # Room for date ranks in a key: more than the days (rank stride - 1 marks a missing date),
    # so a later day's counts are indexed without rewriting the keys (countmerge).
    stride: int
    # Original row position of each sorted row; None when the frame is already in that order
    # (as the store returns counts): 8 bytes a count not kept.
    positions: np.ndarray | None
    alive: tuple[weakref.ref, ...]  # the buffers the key's addresses point into

    @cached_property
    def _lookup(self) -> pd.Index:
        return pd.Index(self.codes, dtype=object)

    def groups_of(self, regions: np.ndarray) -> np.ndarray:
        """Each region's group number (its place in `codes`), -1 for a region without counts.
        By hash: a binary search compares tens of Python strings per region, and a day's desa
        file asks for 80,000."""
        return np.asarray(self._lookup.get_indexer(pd.Index(regions, dtype=object)))

    def _rows(self, sorted_at: np.ndarray) -> np.ndarray:
        """Original row positions of sorted positions."""
        return sorted_at if self.positions is None else self.positions[sorted_at]

    def _search(self, wanted: np.ndarray) -> np.ndarray:
        """Where each wanted key would go in the sorted keys (left side). The queries are given
        the keys' own type: with mixed types numpy would convert every key on each call."""
        return np.searchsorted(self.keys, wanted.astype(self.keys.dtype, copy=False), side="left")

    def at(
        self, frame: pd.DataFrame, day: date | pd.Timestamp, within: str | None = None
    ) -> pd.DataFrame:
        """Each region's latest count on or before `day`: value, last_date and batch (the
        frame's batch_id as a float, NaN when the frame has none) by region.

        With `within`, only the regions below that code (a contiguous run of sorted codes).
        """
        n_days = self.stride
        # Date ranks 0..r-1 are on or before the day; missing dates rank stride - 1 (never).
        r = int(np.searchsorted(self.days, np.datetime64(pd.Timestamp(day)), side="right"))
        lo, hi = 0, len(self.codes)
        if within is not None:
            # "/" sorts right after ".", so [within + ".", within + "/") holds every descendant.
            lo, hi = np.searchsorted(self.codes, [within + ".", within + "/"])
        groups = np.arange(lo, hi, dtype=np.int64)
        last = self._search(groups * n_days + r) - 1
        found = last >= self.starts[lo:hi]
        pos = self._rows(last[found])
        out = pd.DataFrame(
            {
                # int64 as before: the frame may keep its counts in 4 bytes (columns.narrow).
                "value": _widened(frame["value"].array.take(pos)),
                "last_date": frame["date"].array.take(pos),
                "batch": _batches(frame, pos),
            },
            index=pd.Index(self.codes[lo:hi][found], name="region"),
        )
        return out

    def subtree(self, code: str) -> np.ndarray | slice:
        """Original row positions of `code`'s counts and its descendants' (one contiguous run
        of sorted codes: "/" sorts right after "."), in the frame's order; a slice when the
        frame is in the index's order (no array of positions to make, no copy to take)."""
        lo, hi = np.searchsorted(self.codes, [code, code + "/"])
        first = self.starts[lo] if lo < len(self.codes) else len(self.keys)
        last = self.starts[hi] if hi < len(self.codes) else len(self.keys)
        if self.positions is None:
            return slice(int(first), int(last))
        return np.sort(self.positions[first:last])

    def before(
        self, frame: pd.DataFrame, regions: np.ndarray, days: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """For each (region, day) pair, the region's latest count strictly before the day:
        values as floats (NaN when there is none) and their dates (NaT)."""
        n_days = self.stride
        regions = np.asarray(regions, dtype=object)
        value = np.full(len(regions), np.nan)
        when = np.full(len(regions), np.datetime64("NaT"), dtype="datetime64[ns]")
        if len(self.codes) == 0 or len(regions) == 0:
            return value, when
        group = self.groups_of(regions)
        known = group >= 0
        group = np.maximum(group, 0)
        # Date ranks below r are strictly before the day.
        r = np.searchsorted(self.days, np.asarray(days, dtype="datetime64[ns]"), side="left")
        last = self._search(group * n_days + r) - 1
        found = known & (last >= self.starts[group])
        pos = self._rows(last[found])
        # The picked rows first: converting the whole column copies every count.
        value[found] = np.asarray(frame["value"].array.take(pos), dtype="float64")
        when[found] = frame["date"].to_numpy(dtype="datetime64[ns]")[pos]
        return value, when


def _widened(values: object) -> object:
    """Integer values as int64 (a narrower column's picked rows), others as they are."""
    dtype = getattr(values, "dtype", None)
    if dtype is not None and dtype.kind in "iu" and dtype != np.int64:
        return np.asarray(values, dtype=np.int64)
    return values


def _batches(frame: pd.DataFrame, pos: np.ndarray) -> np.ndarray:
    """The batch id of each picked row as a float; NaN when the frame keeps no batch ids."""
    if "batch_id" not in frame.columns:
        return np.full(len(pos), np.nan)
    # The picked rows first: converting the whole column costs a copy of every count.
    picked = pd.Series(frame["batch_id"].array.take(pos))
    return np.asarray(picked.to_numpy(dtype="float64", na_value=np.nan))


def measure_rows(frame: pd.DataFrame, measure: str) -> pd.DataFrame:
    """frame[frame.measure == measure]; a slice without a copy when the rows are contiguous
    (the store returns counts sorted by measure), so its index is the one already built.

    Which rows hold the measure is remembered per frame: comparing millions of strings costs
    more than the check an upload runs with them.
    """
    key, data = _rows_key(frame, measure)
    with _LOCK:
        _purge()
        hit = _ROWS.get(key) if key is not None else None
    rows: np.ndarray | slice
    if hit is not None and _alive(hit[0]):
        rows = hit[1]
    else:
        rows = np.flatnonzero((frame["measure"] == measure).to_numpy())
        if len(rows) and rows[-1] - rows[0] + 1 == len(rows):
            rows = slice(int(rows[0]), int(rows[-1]) + 1)
        _remember_rows(key, data, rows)
    return frame.iloc[rows]


def _rows_key(
    frame: pd.DataFrame, measure: str
) -> tuple[tuple[object, ...] | None, np.ndarray | None]:
    """measure_rows' cache key for a frame's measure column, and the column's buffer."""
    data = getattr(frame["measure"].array, "_ndarray", None)
    if not isinstance(data, np.ndarray):
        return None, None
    return ("rows", data.__array_interface__["data"][0], data.strides, len(data), measure), data


def _remember_rows(
    key: tuple[object, ...] | None, data: np.ndarray | None, rows: np.ndarray | slice
) -> None:
    if key is None or data is None:
        return
    refs = _refs(key, (data,))
    with _LOCK:
        _ROWS[key] = (refs, rows)
        while len(_ROWS) > 4:
            _ROWS.popitem(last=False)


def restore(frame: pd.DataFrame, part: IndexPart) -> bool:
    """Keep the index saved with a copy of the counts (store.counts_file) as the index of
    `frame`'s rows of its measure, after checks that it is theirs: keys ascending, each
    group's first and last row of its region, each row's key of its date. False (and nothing
    kept; the index is built when asked for) when it is not."""
    keys, stride = part.keys, part.stride
    rows = slice(part.start, part.stop)
    codes = np.asarray(part.codes, dtype=object)
    days = np.asarray(part.days, dtype="datetime64[ns]")
    if (
        len(keys) == 0
        or len(codes) == 0
        or stride <= len(days)
        or len(keys) != part.stop - part.start
    ):
        return False
    starts = np.searchsorted(
        keys, (np.arange(len(codes), dtype=np.int64) * stride).astype(keys.dtype)
    )
    ends = np.append(starts[1:], len(keys)) - 1
    region = frame["region"].to_numpy(object)[rows]
    when = frame["date"].to_numpy("datetime64[ns]")[rows]
    if not (
        bool((starts <= ends).all())
        and bool((region[starts] == codes).all())
        and bool((region[ends] == codes).all())
        and _keys_fit(keys, stride, days, when)
    ):
        log.warning("the index kept with the counts does not fit them: built again")
        return False
    index = CountIndex(
        codes=codes, starts=starts, keys=keys, days=days, stride=stride, positions=None, alive=()
    )
    register(frame, part.measure, rows, index)
    return True


# Rows checked per step: arrays of a whole measure's rows (8.5 M at national scale) cost more
# to allocate, page by page, than the comparisons themselves (0.36 -> 0.05 s for a fresh
# replica's check).
_CHECK_STEP = 1 << 20


def _keys_fit(keys: np.ndarray, stride: int, days: np.ndarray, when: np.ndarray) -> bool:
    """True when the keys ascend and each key's rank names the date of its row."""
    day_values = days.view("int64")
    when_values = when.view("int64")
    for at in range(0, len(keys), _CHECK_STEP):
        # One key before the step, so the step's first key is compared with the one before it.
        part = keys[max(at - 1, 0) : at + _CHECK_STEP]
        rank = part[1 if at else 0 :] % stride
        if not (
            bool((part[1:] >= part[:-1]).all())
            and bool((rank < len(days)).all())
            and np.array_equal(day_values[rank], when_values[at : at + _CHECK_STEP])
        ):
            return False
    return True


def register(frame: pd.DataFrame, measure: str, rows: slice, index: CountIndex) -> None:
    """Keep `index` as the index of `frame`'s rows of `measure` (which are `rows`), made
    without a look at the frame (countmerge): the next measure_rows and index_of find them."""
    key, data = _rows_key(frame, measure)
    _remember_rows(key, data, rows)
    found = _fingerprint(frame.iloc[rows])
    if found is None:
        return
    key, columns = found
    kept = replace(index, alive=_refs(key, columns))
    with _LOCK:
        _purge()
        _CACHE[key] = kept
        _CACHE.move_to_end(key)
        _trim()


def _root(array: np.ndarray) -> np.ndarray:
    """The array that owns the memory a view points into."""
    while isinstance(array.base, np.ndarray):
        array = array.base
    return array


def _refs(key: tuple[object, ...], arrays: tuple[np.ndarray, ...]) -> tuple[weakref.ref, ...]:
    """Weak references to the arrays' owners; when one is freed, the key is noted as dead."""

    def dead(_ref: weakref.ref) -> None:
        _DEAD.append(key)

    return tuple(weakref.ref(_root(a), dead) for a in arrays)


def _alive(refs: tuple[weakref.ref, ...]) -> bool:
    return all(ref() is not None for ref in refs)


def _purge() -> None:
    """Drop the entries of freed frames (called with the lock held)."""
    while _DEAD:
        key = _DEAD.pop()
        _CACHE.pop(key, None)
        _ROWS.pop(key, None)


def _fingerprint(
    frame: pd.DataFrame,
) -> tuple[tuple[object, ...], tuple[np.ndarray, ...]] | None:
    """Identity of the frame's data: the buffers of its region, date and value columns."""
    cols = []
    for name in ("region", "date", "value"):
        arr = frame[name].array
        data = getattr(arr, "_ndarray", None)
        if data is None:
            data = getattr(arr, "_data", None)
        if not isinstance(data, np.ndarray):
            return None
        cols.append(data)
    key = tuple((c.__array_interface__["data"][0], c.strides, c.dtype.str, len(c)) for c in cols)
    return key, tuple(cols)


def _sorted_runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Codes and uniques of an object array already sorted (runs of equal values in ascending
    order), found by comparing neighbours; None when it is not sorted so."""
    if len(values) == 0 or values.dtype != object:
        return None
    try:
        new_run = np.empty(len(values), dtype=bool)
        new_run[0] = True
        np.not_equal(values[1:], values[:-1], out=new_run[1:])
        uniques = values[new_run]
        if not (uniques[1:] > uniques[:-1]).all():
            return None
    except TypeError:  # a value that is not a string
        return None
    codes: np.ndarray = np.cumsum(new_run, dtype=np.int32 if len(values) < 2**31 - 1 else np.int64)
    return codes - 1, uniques


def _build(frame: pd.DataFrame, alive: tuple[weakref.ref, ...]) -> CountIndex | None:
    dates = frame["date"]
    if not pd.api.types.is_datetime64_dtype(dates.dtype):
        return None
    # A store's counts come sorted by region (and date): the codes are the runs, found in a
    # fraction of a hash-based factorize of millions of strings.
    runs = _sorted_runs(frame["region"].to_numpy())
    region_codes, uniques = runs if runs is not None else pd.factorize(frame["region"], sort=True)
    date_codes, days = pd.factorize(dates, sort=True)
    n_days = stride_for(len(days))
    date_codes[date_codes < 0] = n_days - 1
    # Four bytes a key when every key fits (a national store: 90,000 regions x 256).
    small = len(uniques) * n_days < 2**31 - 1
    keys: np.ndarray = np.asarray(region_codes).astype(np.int32 if small else np.int64, copy=False)
    del region_codes
    valid = keys >= 0
    keys *= n_days
    keys += date_codes.astype(keys.dtype, copy=False)
    del date_codes
    if valid.all() and bool((keys[1:] >= keys[:-1]).all()):
        # Already in region and date order (as the store returns counts): no sort, no copy.
        order = None
    else:
        picked = np.flatnonzero(valid)
        order = picked[np.argsort(keys[picked], kind="stable")]
        keys = keys[order]
    del valid
    starts = np.searchsorted(keys, (np.arange(len(uniques)) * n_days).astype(keys.dtype))
    return CountIndex(
        codes=np.asarray(uniques, dtype=object),
        starts=starts,
        keys=keys,
        days=np.asarray(days.to_numpy(dtype="datetime64[ns]")),
        stride=n_days,
        positions=order,
        alive=alive,
    )


def stride_for(days: int) -> int:
    """The key stride for a frame of `days` distinct dates: a power of two with room for as
    many days again (and the missing-date rank), so a campaign's next days fit the keys."""
    return 1 << max(3, (2 * days + 1).bit_length())


def index_of(frame: pd.DataFrame) -> CountIndex | None:
    """The index of a frame with region, date (datetime64) and value; None if it cannot have one."""
    if len(frame) == 0 or not {"region", "date", "value"} <= set(frame.columns):
        return None
    if not pd.api.types.is_datetime64_dtype(frame["date"].dtype):
        return None
    found = _fingerprint(frame)
    if found is None:
        return None
    key, columns = found
    with _LOCK:
        _purge()
        hit = _CACHE.get(key)
        if hit is not None and _alive(hit.alive):
            _CACHE.move_to_end(key)
            return hit
    with _LOCK:
        # Room first: an index of the previous snapshot's counts is let go before this one is
        # built, not after (two national indexes side by side are ~140 MB more at the peak).
        while _CACHE and sum(len(i.keys) for i in _CACHE.values()) + len(frame) > _CACHE_ROWS:
            _CACHE.popitem(last=False)
    built = _build(frame, _refs(key, columns))
    if built is None:
        return None
    with _LOCK:
        _CACHE[key] = built
        _trim()
    return built


def _trim() -> None:
    """Let the oldest indexes go beyond the cache's size (called with the lock held)."""
    while len(_CACHE) > 1 and (
        len(_CACHE) > _CACHE_SIZE or sum(len(i.keys) for i in _CACHE.values()) > _CACHE_ROWS
    ):
        _CACHE.popitem(last=False)

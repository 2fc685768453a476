"""A new batch's counts put into a snapshot's counts, and their index kept with them.

After another replica stores a day's file, the next page waits for this: at national scale the
old counts are 8.5 M rows. `columns.merge_latest` finds where each new row goes by comparing
the old rows' region strings and indexes the result again from scratch (about a second in
all); the old frame's index already holds each region's run and each count's key, so here the
new rows are placed by binary searches in those keys, and the new frame's index is the old
keys with the new ones put in place (the key stride leaves room for later days).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from census_core.standings import countindex
from census_core.standings.countindex import CountIndex, index_of
from census_core.store.columns import measure_codes, measure_names, merge_latest, put_in_place


def merge_indexed(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """`columns.merge_latest(old, new)`, with each measure's index of the result made from
    the old one's (registered for `index_of`). Both frames as `latest_counts` returns them.
    merge_latest itself when a measure's old rows have no index in their own order, or a new
    row adds a region to a measure or a day before its last one (the keys would all change:
    the result's index is then built when first asked for, as before)."""
    if new.empty or old.empty:
        return merge_latest(old, new)
    names = sorted(set(measure_names(old["measure"])) | set(measure_names(new["measure"])))
    o_code = measure_codes(old["measure"], names)
    n_code = measure_codes(new["measure"], names)
    if not (_ascending(o_code) and _ascending(n_code)):
        return merge_latest(old, new)
    plans = []
    for m, name in enumerate(names):
        start, stop = _run(o_code, m)
        lo, hi = _run(n_code, m)
        plan = _plan(old.iloc[start:stop] if stop > start else None, name, new, lo, hi, start)
        if plan is None:
            return merge_latest(old, new)
        plans.append(plan)
    # Every new row's place in the old frame, in the old frame's order.
    pos = np.concatenate([p.pos for p in plans])
    same = np.concatenate([p.same for p in plans])
    rows = np.concatenate([p.rows for p in plans])  # the new rows, in that order
    frame = put_in_place(old, new, (o_code, n_code, names), rows, pos, same)
    # Each measure's rows moved by the rows inserted before them; its index with them.
    shift = 0
    for name, plan in zip(names, plans, strict=True):
        added = int((~plan.same).sum())
        if plan.index is not None:
            rows_now = slice(plan.start + shift, plan.stop + shift + added)
            countindex.register(frame, name, rows_now, _index_after(plan))
        shift += added
    return frame


class _Plan:
    """One measure's share of a merge: where its new rows go in the old frame, and their keys
    in its index (none when the old frame lacks the measure)."""

    def __init__(
        self,
        start: int,
        stop: int,
        rows: np.ndarray,
        pos: np.ndarray,
        same: np.ndarray,
        index: CountIndex | None = None,
        keys: np.ndarray | None = None,
        days: np.ndarray | None = None,
    ) -> None:
        self.start, self.stop, self.rows, self.pos, self.same = start, stop, rows, pos, same
        self.index, self.keys, self.days = index, keys, days


def _plan(
    part: pd.DataFrame | None, name: str, new: pd.DataFrame, lo: int, hi: int, start: int
) -> _Plan | None:
    """Where `new`'s rows lo..hi (one measure) go among `part`, that measure's rows of the old
    frame from row `start` (None when it has none); None when the index cannot say."""
    rows = np.arange(lo, hi)
    if part is None:  # a new measure: its rows go where its name sorts, in their own order
        place = np.full(len(rows), start)
        return _Plan(start, start, rows, place, np.zeros(len(rows), dtype=bool))
    index = index_of(part)
    stop = start + len(part)
    if index is None or index.positions is not None:
        return None
    if len(rows) == 0:
        return _Plan(start, stop, rows, rows, np.zeros(0, dtype=bool), index, rows, index.days)
    regions = new["region"].to_numpy(object)[lo:hi]
    when = new["date"].to_numpy("datetime64[ns]")[lo:hi]
    group = index.groups_of(regions)
    if not bool((group >= 0).all()):
        return None  # a region new to the measure: the groups would be numbered again
    days = np.concatenate([index.days, np.unique(when[when > index.days[-1]])])
    if len(days) + 1 >= index.stride:
        return None  # no room left in the keys for the new days
    rank = np.searchsorted(days, when)
    if not bool((days[np.minimum(rank, len(days) - 1)] == when).all()):
        return None  # a day between the stored days: the later days' ranks would move
    keys = group.astype(np.int64) * index.stride + rank
    if not bool((keys[1:] > keys[:-1]).all()):
        return None  # not one row per key in key order
    pos = np.searchsorted(index.keys, keys.astype(index.keys.dtype, copy=False))
    same = pos < len(index.keys)
    same[same] = index.keys[pos[same]] == keys[same]
    return _Plan(start, stop, rows, pos + start, same, index, keys, days)


def _run(codes: np.ndarray, m: int) -> tuple[int, int]:
    """Where measure number `m`'s rows start and stop in `codes` (ascending). The bounds are
    given the codes' own type: with Python ints numpy converts all 8.5 M codes on each call
    (0.15 s of the page after an upload)."""
    bounds = np.array([m, m + 1], dtype=codes.dtype)
    start, stop = np.searchsorted(codes, bounds)
    return int(start), int(stop)


def _ascending(codes: np.ndarray) -> bool:
    return bool((codes[1:] >= codes[:-1]).all())


def _index_after(plan: _Plan) -> CountIndex:
    """A measure's index after the merge: the old keys with the new rows' put in place."""
    index, keys, days = plan.index, plan.keys, plan.days
    assert index is not None and keys is not None and days is not None
    extra = ~plan.same
    merged = np.insert(
        index.keys, plan.pos[extra] - plan.start, keys[extra].astype(index.keys.dtype)
    )
    groups = np.arange(len(index.codes), dtype=np.int64) * index.stride
    return CountIndex(
        codes=index.codes,
        starts=np.searchsorted(merged, groups.astype(merged.dtype)),
        keys=merged,
        days=days,
        stride=index.stride,
        positions=None,
        alive=(),
    )

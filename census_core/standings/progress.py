"""Standings: ranks, shares of target, daily changes, gaps and the pace still needed."""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

import numpy as np
import pandas as pd

from census_core.regions import LEVELS, Regions
from census_core.standings.countindex import index_of

BY = ("count", "percent")
STANDING_COLUMNS = [
    "rank",
    "code",
    "name",
    "count",
    "target",
    "percent",
    "change",
    "rank_change",
    "derived",
    "last_date",
    "stale",
    "gap",
    "above_code",
    "above_name",
    "pace_needed",
    "prev_count",
    "prev_rank",
    "batch",
    "target_source",
]


@dataclass(frozen=True)
class Mismatch:
    """A parent whose own count differs from the sum of its children's on a date."""

    code: str
    own: int
    children: int


# Kemendagri codes have one length per level: 35, 35.09, 35.09.19, 35.09.19.1004.
_DEPTH_OF_LENGTH = np.full(15, -1)
_DEPTH_OF_LENGTH[[2, 5, 8, 13]] = [0, 1, 2, 3]
_PARENT_LENGTH = {1: 2, 2: 5, 3: 8}
# Members (codes and names) of each board shape, per region master: a board is drawn on every
# rerun, and picking 7,000 kecamatan out of 91,000 regions costs more than ranking them.
_MEMBERS: weakref.WeakKeyDictionary[Regions, dict[tuple[str | None, str], pd.DataFrame]] = (
    weakref.WeakKeyDictionary()
)


def _depth(codes: pd.Index) -> np.ndarray:
    lengths = np.fromiter(map(len, codes), dtype=np.int64, count=len(codes))
    depth = _DEPTH_OF_LENGTH[np.minimum(lengths, 14)]
    if len(depth) and depth.min() < 0:  # not the usual code shapes: count the dots
        return np.asarray(codes.str.count(r"\."), dtype=int)
    return depth


def _members(regions: Regions, within: str | None, level: str) -> pd.DataFrame:
    """code and name of every region of `level` under `within`, in code order (cached)."""
    memo = _MEMBERS.setdefault(regions, {})
    key = (within, level)
    if key not in memo:
        frame = regions.subset(regions.descendants(within, level))[["code", "name"]]
        # The name's place in case-insensitive order, for ties in rank.
        frame = frame.assign(name_key=pd.factorize(frame["name"].str.lower(), sort=True)[0])
        memo[key] = frame
    return memo[key]


def _parents(codes: pd.Index) -> pd.Index:
    # Only called for codes of one depth; slicing is the fast rsplit for well-formed codes.
    depth = _depth(codes)
    if len(codes) and (depth == depth[0]).all() and depth[0] in _PARENT_LENGTH:
        cut = _PARENT_LENGTH[int(depth[0])]
        return pd.Index([c[:cut] for c in codes], dtype=object, name=codes.name)
    return pd.Index(codes.str.rsplit(".", n=1).str[0])


def values_at(counts: pd.DataFrame, day: date) -> pd.DataFrame:
    """Each region's latest own count on or before `day` (carried forward), by region code:
    value, last_date and batch (the count's batch_id as a float; NaN when `counts` has none)."""
    return _values_at(counts, day, None)


def _values_at(counts: pd.DataFrame, day: date, within: str | None) -> pd.DataFrame:
    """values_at for the regions below `within` only (None: all)."""
    index = index_of(counts)
    if index is not None:
        return index.at(counts, day, within)
    if within is not None:
        counts = counts[counts["region"].astype(str).str.startswith(within + ".")]
    cutoff = pd.Timestamp(day)
    upto = counts.loc[counts["date"] <= cutoff]
    upto = upto.assign(
        batch=upto["batch_id"].astype("float64") if "batch_id" in upto.columns else np.nan
    )[["region", "date", "value", "batch"]]
    last = upto.sort_values(["region", "date"]).drop_duplicates("region", keep="last")
    return last.set_index("region").rename(columns={"date": "last_date"})[
        ["value", "last_date", "batch"]
    ]


def last_before(counts: pd.DataFrame, regions: pd.Series, days: pd.Series) -> pd.DataFrame:
    """For each (region, day) pair, the region's latest count strictly before that day.

    Returns value (float, NaN when none) and last_date (NaT), aligned with the pairs. One
    binary search per pair on the frame's index: a national store is never scanned.
    """
    out = pd.DataFrame(
        {"value": np.nan, "last_date": pd.NaT},
        index=regions.index if isinstance(regions, pd.Series) else None,
    ).astype({"value": "float64", "last_date": "datetime64[ns]"})
    if counts.empty or len(regions) == 0:
        return out
    index = index_of(counts)
    if index is None:  # dates not yet datetime64: index a converted copy
        counts = counts.assign(date=pd.to_datetime(counts["date"]))
        index = index_of(counts)
    if index is None:
        return out
    value, when = index.before(
        counts, np.asarray(regions, dtype=object), pd.to_datetime(days).to_numpy()
    )
    out["value"] = value
    out["last_date"] = when
    return out


def window(counts: pd.DataFrame, day: date, within: str | None = None) -> pd.DataFrame:
    """The rows a board on `day` reads: each region's latest count on or before the day before
    and on or before the day itself (region, date, value), below `within` (None: all).

    A board of `counts` and of its window are the same; so is a board of either with newer
    rows put in place, which lets an upload's effect be shown without copying the history.
    """
    parts = [
        _values_at(counts, when, within).reset_index() for when in (day - timedelta(days=1), day)
    ]
    rows = pd.concat(parts, ignore_index=True).rename(columns={"last_date": "date"})
    return rows.drop_duplicates(["region", "date"]).reset_index(drop=True)[
        ["region", "date", "value"]
    ]


def figure_rule(
    own_value: np.ndarray,
    own_date: np.ndarray,
    kids_value: np.ndarray,
    kids_date: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The one rule for a region's figure, element by element: (value, date, derived, differs).

    A region's own count stands when it is at least as fresh as the newest part of its
    children's sum (so always on a day it reported itself); otherwise the children's sum
    (each carried forward) is its figure, marked derived, dated by its newest part. `differs`
    marks an own count that stands against a children's sum of the same day that disagrees.
    Missing values are NaN, missing dates NaT.
    """
    own_date = np.asarray(own_date, dtype="datetime64[ns]")
    kids_date = np.asarray(kids_date, dtype="datetime64[ns]")
    own_value = np.asarray(own_value, dtype="float64")
    kids_value = np.asarray(kids_value, dtype="float64")
    has_own = ~np.isnat(own_date)
    has_kids = ~np.isnat(kids_date)
    derived = has_kids & (~has_own | (kids_date > own_date))
    value = np.where(derived, kids_value, own_value)
    when = np.where(derived, kids_date, own_date)
    differs = has_own & has_kids & (own_date == kids_date) & (own_value != kids_value)
    return value, when, derived, differs


def effective_at(counts: pd.DataFrame, day: date) -> tuple[pd.DataFrame, list[Mismatch]]:
    """Every region's figure on `day` by `figure_rule`: its own count, or its children's sum
    where that is fresher or it has none.

    Returns a frame indexed by code with value, last_date, batch (of the own count, or of the
    newest part of a sum; NaN when unknown), derived; and the parents whose own count differs
    from the sum of their children's of the same day.
    """
    return _effective(counts, day, 0)


def _effective(
    counts: pd.DataFrame, day: date, top_depth: int, within: str | None = None
) -> tuple[pd.DataFrame, list[Mismatch]]:
    """effective_at, deriving parents only down to `top_depth` (a board needs no higher) and
    only below `within`: a region's value depends on its own subtree alone."""
    eff = _values_at(counts, day, within).assign(derived=False)
    mismatches: list[Mismatch] = []
    depths = _depth(eff.index)
    for parent_depth in (d for d in (2, 1, 0) if d >= top_depth):
        kids = eff[depths == parent_depth + 1]
        if kids.empty:
            continue
        parents = _parents(kids.index)
        sums = kids.groupby(parents).agg(value=("value", "sum"), last_date=("last_date", "max"))
        sums["batch"] = newest_batch(kids, parents).reindex(sums.index).to_numpy()
        at = eff.index.get_indexer(sums.index)
        mine = at >= 0
        own_value = np.full(len(sums), np.nan)
        own_date = np.full(len(sums), np.datetime64("NaT"), dtype="datetime64[ns]")
        own_value[mine] = eff["value"].to_numpy(dtype="float64")[at[mine]]
        own_date[mine] = eff["last_date"].to_numpy(dtype="datetime64[ns]")[at[mine]]
        _, _, derived, differs = figure_rule(
            own_value, own_date, sums["value"].to_numpy(), sums["last_date"].to_numpy()
        )
        for i in np.flatnonzero(differs):
            mismatches.append(
                Mismatch(str(sums.index[i]), int(own_value[i]), int(sums["value"].iat[i]))
            )
        # Parents with their own count whose children reported later take the children's sum.
        fresher = derived & mine
        if fresher.any():
            rows = at[fresher]
            eff = eff.copy()
            for column in ("value", "last_date", "batch"):
                values = eff[column].to_numpy(copy=True)
                values[rows] = sums[column].to_numpy()[fresher]
                eff[column] = values
            flags = eff["derived"].to_numpy(copy=True)
            flags[rows] = True
            eff["derived"] = flags
        missing = derived & ~mine
        if missing.any():
            eff = pd.concat([eff, sums[missing].assign(derived=True)])
            depths = np.concatenate([depths, np.full(int(missing.sum()), parent_depth)])
    return eff, mismatches


def effective_figures(
    counts: pd.DataFrame, day: date, *, level: str, within: str | None
) -> pd.DataFrame:
    """Every region's figure on `day` by `figure_rule` as a board of `level` under `within`
    reads it: `effective_at`'s frame (value, last_date, batch, derived by code), parents
    derived only down to `level`, only below `within`. Shared by the caller: read it only."""
    return _effective(counts, day, LEVELS.index(level), within)[0]


def figures_at(counts: pd.DataFrame, level: str, within: str | None, day: date) -> pd.Series:
    """Every region's figure on `day` by `figure_rule`, as a board of `level` under `within`
    reads it (value by code; regions without one left out)."""
    return effective_figures(counts, day, level=level, within=within)["value"].astype("float64")


def figure_in(eff: pd.DataFrame, code: str) -> tuple[pd.Series | None, int]:
    """One region's figure on a day by `figure_rule` (value, last_date, batch, derived; None
    when it has none), and how many regions directly below it have a figure, read from the
    figures of its level under its parent on that day (`effective_figures` at that level and
    parent, as a snapshot keeps them for the boards)."""
    depth = code.count(".")
    codes = eff.index.astype(str)
    parts = int((codes.str.startswith(code + ".") & (codes.str.count(r"\.") == depth + 1)).sum())
    return (eff.loc[code] if code in eff.index else None), parts


def newest_batch(kids: pd.DataFrame, parents: pd.Index) -> pd.Series:
    """The batch of each parent's newest part: among its children of the latest date, the
    highest batch (the last upload that set one of them). By parent; NaN when unknown."""
    frame = pd.DataFrame(
        {
            "parent": parents.to_numpy(dtype=object),
            "last_date": kids["last_date"].to_numpy(dtype="datetime64[ns]"),
            "batch": kids["batch"].to_numpy(dtype="float64"),
        }
    )
    newest = frame.groupby("parent", sort=False)["last_date"].transform("max")
    return frame[frame["last_date"] == newest].groupby("parent")["batch"].max()


def figure_series(counts: pd.DataFrame, code: str, days: pd.DatetimeIndex) -> pd.DataFrame:
    """One region's figure on each of `days` by `figure_rule`, as `effective_at` gives it day by
    day: value (float, NaN before any report), last_date and derived, indexed by day."""
    sub = _subtree_rows(counts, code)
    out = pd.DataFrame(
        {"value": np.nan, "last_date": pd.NaT, "derived": False}, index=pd.Index(days, name="date")
    ).astype({"value": "float64", "last_date": "datetime64[ns]"})
    if sub.empty or len(days) == 0:
        return out
    steps, codes, value, when = _carried(sub, days)
    place = {c: i for i, c in enumerate(codes)}
    derived = np.zeros(value.shape, dtype=bool)
    top = code.count(".")
    depths = [c.count(".") for c in codes]
    for parent_depth in range(max(depths) - 1, top - 1, -1):
        kids = [i for i, c in enumerate(codes) if depths[i] == parent_depth + 1]
        if not kids:
            continue
        parents = pd.Index([codes[i].rsplit(".", 1)[0] for i in kids])
        sums = pd.DataFrame(value[:, kids].T).groupby(parents).sum(min_count=1)
        newest = pd.DataFrame(when[:, kids].T).groupby(parents).max()
        new = [c for c in sums.index if c not in place]
        if new:  # parents without a count of their own: empty columns to fill
            value = np.hstack([value, np.full((len(steps), len(new)), np.nan)])
            when = np.hstack([when, np.full((len(steps), len(new)), np.datetime64("NaT"))])
            derived = np.hstack([derived, np.zeros((len(steps), len(new)), dtype=bool)])
            place.update((c, len(codes) + i) for i, c in enumerate(new))
            codes += new
            depths += [parent_depth] * len(new)
        at = [place[c] for c in sums.index]
        v, d, flag, _ = figure_rule(
            value[:, at],
            when[:, at],
            sums.to_numpy(dtype="float64").T,
            newest.to_numpy(dtype="datetime64[ns]").T,
        )
        value[:, at], when[:, at], derived[:, at] = v, d, flag
    if code not in place:
        return out
    pick = steps.get_indexer(days)
    column = place[code]
    out["value"] = value[pick, column]
    out["last_date"] = when[pick, column]
    out["derived"] = derived[pick, column]
    return out


def series_tail(
    counts: pd.DataFrame,
    code: str,
    days: pd.DatetimeIndex,
    children: Callable[[date], pd.DataFrame],
) -> pd.DataFrame:
    """`figure_series(counts, code, days)` from the figures of `code`'s children on each day
    (`children(day)`: `effective_figures` at their level under `code`, kept by a snapshot
    for its boards) and `code`'s own counts: the rule of figure_series without reading the
    subtree's history, for the few days a line grows by after an upload."""
    depth = code.count(".")
    own = last_before(
        counts,
        pd.Series([code] * len(days), dtype=object),
        pd.Series(days + pd.Timedelta(days=1)),
    )
    kids_value = np.full(len(days), np.nan)
    kids_date = np.full(len(days), np.datetime64("NaT"), dtype="datetime64[ns]")
    for i, day in enumerate(days):
        eff = children(day.date())
        kids = eff[_depth(eff.index) == depth + 1]
        if len(kids):
            kids_value[i] = kids["value"].to_numpy(dtype="float64").sum()
            kids_date[i] = kids["last_date"].to_numpy(dtype="datetime64[ns]").max()
    value, when, derived, _ = figure_rule(
        own["value"].to_numpy(), own["last_date"].to_numpy(), kids_value, kids_date
    )
    out = pd.DataFrame(
        {"value": value, "last_date": when, "derived": derived}, index=pd.Index(days, name="date")
    )
    return out.astype({"value": "float64", "last_date": "datetime64[ns]", "derived": bool})


def _carried(
    sub: pd.DataFrame, days: pd.DatetimeIndex
) -> tuple[pd.DatetimeIndex, list[str], np.ndarray, np.ndarray]:
    """Each region's own count and its date on every step (its report days and `days`),
    carried forward: (steps, region codes, values, dates), regions as columns. Filled in
    numpy by each count's (step, region) place: a province's 0.9 M desa counts through a
    pivot cost a quarter of a second."""
    region = sub["region"].to_numpy(object)
    when = sub["date"].to_numpy("datetime64[ns]")
    col, codes = pd.factorize(region)
    steps = pd.DatetimeIndex(pd.unique(when)).union(days).sort_values()
    row = steps.get_indexer(when)
    place = col.astype(np.int64) * len(steps) + row
    if not bool((place[1:] > place[:-1]).all()):
        # Not one row per region and day in order (a frame made by hand): the last row of a
        # region and day stands, as the store keeps the last batch.
        last = ~pd.Series(place).duplicated(keep="last").to_numpy()
        col, row = col[last], row[last]
        sub = sub[last]
    present = np.full((len(steps), len(codes)), -1, dtype=np.int64)
    present[row, col] = row
    # The step of each region's latest count on or before each step (-1: none yet).
    latest = np.maximum.accumulate(present, axis=0)
    own = np.full((len(steps), len(codes)), np.nan)
    own[row, col] = sub["value"].to_numpy("float64")
    cols = np.broadcast_to(np.arange(len(codes)), latest.shape)
    value = np.where(latest >= 0, own[np.maximum(latest, 0), cols], np.nan)
    stamp = np.where(
        latest >= 0, steps.to_numpy()[np.maximum(latest, 0)], np.datetime64("NaT", "ns")
    )
    return steps, list(codes), value, stamp


def _subtree_rows(counts: pd.DataFrame, code: str) -> pd.DataFrame:
    """The counts of `code` and the regions below it (region, date, value)."""
    if counts.empty:
        return counts[["region", "date", "value"]]
    index = index_of(counts)
    if index is not None:
        rows = index.subtree(code)  # in the frame's order: the last duplicate wins
        # Rows first, then columns: the other way copies three columns of every count.
        return counts.iloc[rows][["region", "date", "value"]]
    region = counts["region"].astype(str)
    mask = (region == code) | region.str.startswith(code + ".")
    sub = counts.loc[mask, ["region", "date", "value"]]
    return sub.assign(date=pd.to_datetime(sub["date"]))


def targets_of(targets: pd.DataFrame | None, default_share: float) -> pd.Series:
    """Target (base x share) by region, parents without their own as the sum of their children."""
    return _targets(targets, default_share, 0)


def _targets(targets: pd.DataFrame | None, default_share: float, top_depth: int) -> pd.Series:
    if targets is None or targets.empty:
        return pd.Series(dtype="float64")
    share = targets["share"].astype("float64").fillna(default_share)
    own = pd.Series(
        (targets["base"].astype("float64") * share).round().to_numpy(),
        index=pd.Index(targets["region"]),
    )
    for parent_depth in (d for d in (2, 1, 0) if d >= top_depth):
        kids = own[_depth(own.index) == parent_depth + 1]
        if kids.empty:
            continue
        sums = kids.groupby(_parents(kids.index)).sum()
        missing = sums.index.difference(own.index)
        own = pd.concat([own, sums.loc[missing]])
    return own


def competition_rank(values: pd.Series) -> pd.Series:
    """1, 2, 2, 4: ties share a rank, the next rank skips; missing values get no rank."""
    return values.rank(method="min", ascending=False, na_option="keep").astype("Int64")


def _take(values: pd.Series, ix: np.ndarray) -> np.ndarray:
    """values[ix] with -1 as missing (NaN or NaT; ints become floats)."""
    return np.asarray(pd.api.extensions.take(values.to_numpy(), ix, allow_fill=True))


def _ints(values: np.ndarray) -> pd.arrays.IntegerArray:
    """Whole numbers with NaN as NA."""
    return pd.array(np.asarray(values, dtype="float64"), dtype="Int64")  # type: ignore[return-value]


def _ranked(value: np.ndarray, target: np.ndarray, by: str) -> tuple[np.ndarray, pd.Series]:
    """Percent of target and competition rank by count or by percent."""
    with np.errstate(invalid="ignore", divide="ignore"):
        percent = np.where(target > 0, value / target * 100.0, np.nan)
    key = value if by == "count" else percent
    return percent, competition_rank(pd.Series(key, dtype="float64"))


def standings(
    counts: pd.DataFrame,
    regions: Regions,
    level: str,
    within: str | None,
    day: date,
    *,
    targets: pd.DataFrame | None = None,
    by: str = "count",
    default_share: float = 0.5,
    deadline: date | None = None,
    target_source: str | None = None,
    target_by_region: pd.Series | None = None,
    fallback_by_region: pd.Series | None = None,
    figures_on: Callable[[date], pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """The board of every region of `level` under `within` (None: the country) on `day`.

    `target_source` names where `targets` come from; a row with a target carries it.
    `target_by_region`, when given, is `targets_of(targets, default_share)` made beforehand
    (a snapshot keeps it: at national scale it costs more than the rest of a board), and
    `fallback_by_region` likewise `fallback_sources(targets, target_source)`, and
    `figures_on(day)` the figures of the board's regions (`effective_figures` at the board's
    level and `within`) from a snapshot that keeps them.

    `counts` holds one measure (region, date, value); `targets` the same measure's
    (region, base, share). Rows come in rank order; regions without a count come last,
    by name, with rank and count missing.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}")
    depth = LEVELS.index(level)
    base = _members(regions, within, level)
    codes = base["code"].to_numpy(dtype=object)
    target_by_code = (
        _targets(targets, default_share, depth) if target_by_region is None else target_by_region
    )
    t_ix = target_by_code.index.get_indexer(codes)
    target = _take(target_by_code.astype("float64"), t_ix).astype("float64")
    if figures_on is None:
        figures_on = partial(effective_figures, counts, level=level, within=within)
    eff = figures_on(day)
    prev_eff = figures_on(day - timedelta(days=1))

    ix = eff.index.get_indexer(codes)
    value = _take(eff["value"], ix).astype("float64")
    prev_value = _take(prev_eff["value"], prev_eff.index.get_indexer(codes)).astype("float64")
    percent, rank = _ranked(value, target, by)
    _, prev_rank = _ranked(prev_value, target, by)
    derived = np.zeros(len(codes), dtype=bool)
    derived[ix >= 0] = eff["derived"].to_numpy(dtype=bool)[ix[ix >= 0]]
    # Rank order, unranked last; ties by name ignoring case, then in code order (stable).
    rank_key = rank.to_numpy(dtype="float64", na_value=np.inf)
    order = np.lexsort((base["name_key"].to_numpy(), rank_key))
    board = pd.DataFrame(
        {
            "code": codes[order],
            "name": base["name"].to_numpy(dtype=object)[order],
            "count": _ints(value[order]),
            "target": _ints(np.round(target[order])),
            "percent": percent[order],
            "derived": derived[order],
            "last_date": eff["last_date"].array.take(ix[order], allow_fill=True),
            "rank": rank.array.take(order),
            "prev_count": _ints(prev_value[order]),
            "prev_rank": prev_rank.array.take(order),
            "batch": _ints(_take(eff["batch"], ix).astype("float64")[order]),
        }
    )
    board["change"] = board["count"] - board["prev_count"]
    board["rank_change"] = board["prev_rank"] - board["rank"]
    board["stale"] = board["last_date"].notna() & (board["last_date"] < pd.Timestamp(day))
    _add_gaps(board, by)
    board["pace_needed"] = _pace_column(board, day, deadline)
    if fallback_by_region is None:
        fallback_by_region = fallback_sources(targets, target_source)
    board["target_source"] = _sources(board, fallback_by_region, target_source, default_share)
    return board[STANDING_COLUMNS]


def fallback_sources(targets: pd.DataFrame | None, target_source: str | None) -> pd.Series:
    """Region -> the other source its target comes from, for each region of `targets` that
    `target_source` does not cover (Snapshot.targets_of falls back to another source's whole
    base for them)."""
    if targets is None or targets.empty or "source" not in targets.columns:
        return pd.Series(dtype=object)
    named = targets["source"].astype(str)
    own = targets.loc[named == str(target_source), "region"]
    other = targets[named != str(target_source)]
    label = other.set_index("region")["source"].astype(str)
    label = label[~label.index.duplicated()]
    return label[~label.index.isin(own)]


def _sources(
    board: pd.DataFrame,
    fallback_by_region: pd.Series,
    target_source: str | None,
    default_share: float,
) -> np.ndarray:
    """Each row's target source: `target_source`; for a row whose target is the default share
    of another source's whole base (Snapshot.targets_of), "50% (Penduduk 100%)"."""
    source = np.full(len(board), None, dtype=object)
    has = board["target"].notna().to_numpy()
    source[has] = target_source
    if fallback_by_region.empty:
        return source
    found = board["code"].map(fallback_by_region).to_numpy(dtype=object)
    fallback = has & pd.notna(found)
    source[fallback] = [f"{default_share * 100:g}% ({name})" for name in found[fallback]]
    return source


def _add_gaps(board: pd.DataFrame, by: str) -> None:
    """The region just above each ranked row and the count still needed to draw level with it."""
    n = len(board)
    rank = board["rank"].to_numpy(dtype="float64", na_value=np.nan)
    rows = np.flatnonzero(~np.isnan(rank) & (rank > 1))
    # Competition ranking: rank r has r-1 rows strictly ahead, so the row at r-2 is just above.
    above = rank[rows].astype(np.int64) - 2
    count = board["count"].to_numpy(dtype="float64", na_value=np.nan)
    target = board["target"].to_numpy(dtype="float64", na_value=np.nan)
    gap = np.full(n, np.nan)
    if by == "count":
        gap[rows] = count[above] - count[rows]
    else:
        t, at = target[rows], target[above]
        ok = ~np.isnan(t) & ~np.isnan(at) & (at != 0)
        needed = np.ceil(count[above][ok] / at[ok] * t[ok] - 1e-9)
        gap[rows[ok]] = np.maximum(needed - count[rows][ok], 0)
    board["gap"] = _ints(gap)
    codes = np.full(n, None, dtype=object)
    names = np.full(n, None, dtype=object)
    codes[rows] = board["code"].to_numpy(dtype=object)[above]
    names[rows] = board["name"].to_numpy(dtype=object)[above]
    board["above_code"] = codes
    board["above_name"] = names


def _pace_column(board: pd.DataFrame, day: date, deadline: date | None) -> pd.Series:
    """pace_needed for every row at once."""
    out = pd.Series(pd.NA, index=board.index, dtype="Int64")
    if deadline is None:
        return out
    remaining = board["target"] - board["count"]
    done = (remaining <= 0).fillna(False).astype(bool)
    out[done] = 0
    left = days_left(day, deadline)
    todo = (remaining > 0).fillna(False).astype(bool)
    if left and todo.any():
        need = np.ceil(remaining[todo].to_numpy(dtype="float64") / left).astype(np.int64)
        out[todo] = need
    return out


def days_left(day: date, deadline: date) -> int:
    """Days after `day` up to and including the deadline (0 once it has passed)."""
    return max((deadline - day).days, 0)


def pace_needed(count: object, target: object, day: date, deadline: date) -> int | None:
    """Daily count needed from tomorrow to reach the target on the deadline."""
    if pd.isna(target) or pd.isna(count):
        return None
    remaining = int(target) - int(count)  # type: ignore[call-overload]
    if remaining <= 0:
        return 0
    left = days_left(day, deadline)
    return math.ceil(remaining / left) if left else None


def latest_date(counts: pd.DataFrame) -> date | None:
    """The latest date with any count, or None for an empty store."""
    if counts.empty:
        return None
    return pd.Timestamp(counts["date"].max()).date()


def mismatches_at(counts: pd.DataFrame, day: date) -> list[Mismatch]:
    """Parents whose own count on `day` differs from the sum of their children's."""
    return effective_at(counts, day)[1]


def standing_of(board: pd.DataFrame, code: str) -> dict[str, object] | None:
    """One region's row of a board, with how many regions are ranked in it."""
    rows = board[board["code"] == code]
    if rows.empty:
        return None
    row = rows.iloc[0].to_dict()
    row["of"] = int(board["rank"].notna().sum())
    row["members"] = len(board)
    return row

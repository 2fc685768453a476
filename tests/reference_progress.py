"""Standings: ranks, shares of target, daily changes, gaps and the pace still needed."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from census_core.regions import LEVELS, Regions

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


def _depth(codes: pd.Index) -> np.ndarray:
    return np.asarray(codes.str.count(r"\."), dtype=int)


def _parents(codes: pd.Index) -> pd.Index:
    return pd.Index(codes.str.rsplit(".", n=1).str[0])


def values_at(counts: pd.DataFrame, day: date) -> pd.DataFrame:
    """Each region's latest own count on or before `day` (carried forward), by region code."""
    cutoff = pd.Timestamp(day)
    upto = counts.loc[counts["date"] <= cutoff].copy()
    upto["batch"] = upto["batch_id"].astype("float64") if "batch_id" in upto else np.nan
    last = upto.sort_values(["region", "date"]).drop_duplicates("region", keep="last")
    return last.set_index("region").rename(columns={"date": "last_date"})[
        ["value", "last_date", "batch"]
    ]


def effective_at(counts: pd.DataFrame, day: date) -> tuple[pd.DataFrame, list[Mismatch]]:
    """Own counts on `day`, plus every ancestor without its own count as the sum of its children.

    Returns a frame indexed by code with value, last_date, derived; and the parents whose own
    count differs from the sum of their children's.
    """
    eff = values_at(counts, day).assign(derived=False)
    mismatches: list[Mismatch] = []
    for parent_depth in (2, 1, 0):
        kids = eff[_depth(eff.index) == parent_depth + 1]
        if kids.empty:
            continue
        sums = kids.groupby(_parents(kids.index)).agg(
            value=("value", "sum"), last_date=("last_date", "max")
        )
        # The batch of the newest part: the highest batch among the children of that date.
        sums["batch"] = np.nan
        for code in sums.index:
            mine = kids[(_parents(kids.index) == code)]
            newest = mine[mine["last_date"] == sums.at[code, "last_date"]]["batch"]
            sums.at[code, "batch"] = newest.max()
        added = []
        # The rule, one parent at a time: its own count stands unless its children's newest
        # part is later; a same-day disagreement is reported.
        for code in sums.index:
            kid_value, kid_date = sums.at[code, "value"], sums.at[code, "last_date"]
            if code not in eff.index:
                added.append(code)
                continue
            own_value, own_date = eff.at[code, "value"], eff.at[code, "last_date"]
            if kid_date > own_date:
                kid_batch = sums.at[code, "batch"]
                eff.loc[code, ["value", "last_date", "batch", "derived"]] = [
                    kid_value,
                    kid_date,
                    kid_batch,
                    True,
                ]
            elif kid_date == own_date and own_value != kid_value:
                mismatches.append(Mismatch(code, int(own_value), int(kid_value)))
        if added:
            eff = pd.concat([eff, sums.loc[added].assign(derived=True)])
    return eff, mismatches


def targets_of(targets: pd.DataFrame | None, default_share: float) -> pd.Series:
    """Target (base x share) by region, parents without their own as the sum of their children."""
    if targets is None or targets.empty:
        return pd.Series(dtype="float64")
    share = targets["share"].astype("float64").fillna(default_share)
    own = pd.Series(
        (targets["base"].astype("float64") * share).round().to_numpy(),
        index=pd.Index(targets["region"]),
    )
    for parent_depth in (2, 1, 0):
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


def _board(
    members: list[str], regions: Regions, eff: pd.DataFrame, target: pd.Series, by: str
) -> pd.DataFrame:
    board = regions.subset(members)[["code", "name"]].reset_index(drop=True)
    board = board.join(eff, on="code")
    board["target"] = board["code"].map(target)
    board["percent"] = np.where(
        board["target"] > 0, board["value"] / board["target"] * 100.0, np.nan
    )
    board["derived"] = board["derived"].astype("boolean").fillna(False).astype(bool)
    key = board["value"] if by == "count" else board["percent"]
    board["rank"] = competition_rank(pd.Series(key, dtype="float64"))
    return board


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
) -> pd.DataFrame:
    """The board of every region of `level` under `within` (None: the country) on `day`.

    `counts` holds one measure (region, date, value); `targets` the same measure's
    (region, base, share). Rows come in rank order; regions without a count come last,
    by name, with rank and count missing.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}")
    members = regions.descendants(within, level)
    target = targets_of(targets, default_share)
    eff, _ = effective_at(counts, day)
    prev_eff, _ = effective_at(counts, day - timedelta(days=1))
    board = _board(members, regions, eff, target, by)
    prev = _board(members, regions, prev_eff, target, by).set_index("code")

    board["prev_count"] = board["code"].map(prev["value"]).astype("Int64")
    board["prev_rank"] = board["code"].map(prev["rank"]).astype("Int64")
    board["count"] = board["value"].astype("Int64")
    board["change"] = board["count"] - board["prev_count"]
    board["rank_change"] = board["prev_rank"] - board["rank"]
    board["target"] = board["target"].round().astype("Int64")
    board["stale"] = board["last_date"].notna() & (board["last_date"] < pd.Timestamp(day))
    board["batch"] = board["batch"].astype("float64").astype("Int64")

    board = board.sort_values(
        ["rank", "name"], na_position="last", key=lambda s: s.str.lower() if s.name == "name" else s
    ).reset_index(drop=True)
    _add_gaps(board, by)
    board["pace_needed"] = [
        pace_needed(c, t, day, deadline) if deadline else None
        for c, t in zip(board["count"], board["target"], strict=True)
    ]
    board["pace_needed"] = board["pace_needed"].astype("Int64")
    board["target_source"] = [target_source if pd.notna(x) else None for x in board["target"]]
    board["target_source"] = board["target_source"].astype(object)
    return board[STANDING_COLUMNS]


def _add_gaps(board: pd.DataFrame, by: str) -> None:
    """The region just above each ranked row and the count still needed to draw level with it."""
    gaps: list[int | None] = []
    above_codes: list[str | None] = []
    above_names: list[str | None] = []
    for rank, count, target in zip(board["rank"], board["count"], board["target"], strict=True):
        if pd.isna(rank) or rank == 1:
            gaps.append(None)
            above_codes.append(None)
            above_names.append(None)
            continue
        # Competition ranking: rank r has r-1 rows strictly ahead, so the row at r-2 is just above.
        above = board.iloc[int(rank) - 2]
        if by == "count":
            gap = int(above["count"]) - int(count)
        elif pd.isna(target) or pd.isna(above["target"]) or not above["target"]:
            gap = None
        else:
            needed = math.ceil(int(above["count"]) / int(above["target"]) * int(target) - 1e-9)
            gap = max(needed - int(count), 0)
        gaps.append(gap)
        above_codes.append(str(above["code"]))
        above_names.append(str(above["name"]))
    board["gap"] = pd.Series(gaps, dtype="Int64")
    board["above_code"] = above_codes
    board["above_name"] = above_names


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

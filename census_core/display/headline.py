"""Where one region stands: the figures of its headline, and the shape of a KPI card.

The figures are here; the cards and sentences are written in census_core.display.headline_text,
which imports this module (never the other way round).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from census_core.standings.progress import days_left, standing_of


@dataclass(frozen=True)
class Headline:
    """One region's standing on a board, with what the deadline asks of it."""

    code: str
    name: str
    day: date
    deadline: date
    rank: int | None
    of: int
    count: int | None
    target: int | None
    percent: float | None
    change: int | None
    rank_change: int | None
    pace_needed: int | None
    days_left: int
    above_name: str | None
    gap: int | None
    last_date: date | None
    stale: bool
    recent_pace: int | None = None
    recent_gain: int | None = None
    recent_gain_pct: float | None = None
    recent_days: int = 7  # the days the recent gain and pace were measured over
    status: str | None = None  # against the pace needed (census_core.standings.pace)
    expected_date: date | None = None
    projected_pct: float | None = None
    # Where the target comes from, as the board's row says (progress.standings): 'Pemkab 50%',
    # '50% (Penduduk 100%)' for a fallback, '' unnamed; None on a board made without sources.
    target_source: str | None = None


@dataclass(frozen=True)
class Kpi:
    """One KPI card: label, big value, and a small line under it whose sign sets its colour."""

    label: str
    value: str
    delta: str | None = None
    trend: int = 0  # 1 good (up), -1 bad (down), 0 neutral or no change
    note: str | None = None  # what the delta compares with, in small muted text
    cue: str = ""  # '▲', '▼' or '=' before a change, so colour is never the only sign


def _missing(value: object) -> bool:
    return value is None or bool(pd.isna(value))  # type: ignore[arg-type]


def _opt_int(value: object) -> int | None:
    return None if _missing(value) else int(value)  # type: ignore[call-overload]


def headline(
    board: pd.DataFrame,
    code: str,
    day: date,
    deadline: date,
    *,
    recent_gain: object = None,
    recent_gain_pct: object = None,
    recent_days: int = 7,
) -> Headline | None:
    """The headline of `code` on a standings board; None when the region is not on it."""
    row = standing_of(board, code)
    if row is None:
        return None
    percent = row["percent"]
    last = row["last_date"]
    gain = _opt_int(recent_gain)
    # A pace needs two days of figures: no gain, or no days to spread it over, gives none.
    recent = None if gain is None or recent_days < 1 else round(gain / recent_days)
    if not _missing(row.get("pace_7d")):  # the board's 7-day pace, the same on every page
        recent = round(float(row["pace_7d"]))  # type: ignore[arg-type]
    projected = row.get("projected_pct")
    source = row.get("target_source")
    return Headline(
        code=code,
        name=str(row["name"]),
        day=day,
        deadline=deadline,
        rank=_opt_int(row["rank"]),
        of=int(row["of"]),  # type: ignore[call-overload]
        count=_opt_int(row["count"]),
        target=_opt_int(row["target"]),
        percent=None if pd.isna(percent) else float(percent),  # type: ignore[arg-type]
        change=_opt_int(row["change"]),
        rank_change=_opt_int(row["rank_change"]),
        pace_needed=_opt_int(row["pace_needed"]),
        days_left=days_left(day, deadline),
        above_name=None if row["above_name"] is None else str(row["above_name"]),
        gap=_opt_int(row["gap"]),
        last_date=None if pd.isna(last) else pd.Timestamp(last).date(),  # type: ignore[arg-type]
        stale=bool(row["stale"]),
        recent_pace=recent,
        recent_gain=gain,
        recent_gain_pct=None if _missing(recent_gain_pct) else float(recent_gain_pct),  # type: ignore[arg-type]
        recent_days=recent_days,
        status=None if _missing(row.get("status")) else str(row["status"]),
        expected_date=None if _missing(row.get("expected_date")) else row["expected_date"],  # type: ignore[arg-type]
        projected_pct=None if _missing(projected) else float(projected),  # type: ignore[arg-type]
        target_source=None if _missing(source) else str(source),
    )

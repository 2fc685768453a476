"""Status against the pace needed: each region's 7-day pace, the pace still needed, a status and
the day its target is reached; for one region, a projection as a range and its backtest.

Every figure comes from the figure rule (`progress`): a board's pace from the board's figures on
the day and `window` days before, one region's range from `progress.figure_series`, so a board
row, a phone page and the trend page give the same pace.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from census_core.standings.progress import days_left
from census_core.text import fmt_date, fmt_day_month, fmt_int, fmt_pct, t

WINDOW = 7
STATUSES = ("reached", "on_track", "push", "behind")
# A shape for each status, so colour is never the only sign: fuller is better.
SYMBOLS = {"reached": "✓", "on_track": "●", "push": "◐", "behind": "○"}
DEFAULT_PUSH = 1.0  # below this fraction of the needed pace a region needs a push
DEFAULT_BEHIND = 0.5  # below this fraction it is behind
PACE_COLUMNS = ["needed_per_day", "pace_7d", "status", "expected_date", "projected_pct"]
# An expected day further off than this is no day anyone plans by.
HORIZON_DAYS = 3650


def first_day_within(dates: list[date], day: date, window: int = WINDOW) -> date | None:
    """The first day with data inside the window before `day` (None when there is none)."""
    start = day - timedelta(days=window)
    inside = [d for d in dates if start < d < day]
    return min(inside) if inside else None


def pace_base(
    before: np.ndarray, first: np.ndarray | None, first_days: int, window: int = WINDOW
) -> tuple[np.ndarray, np.ndarray]:
    """The one rule for where a gain and a pace are measured from, and over how many days: a
    region's figure `window` days ago (`before`); a region with none yet, its figure on the first
    day with data inside the window (`first`, `first_days` days ago). A region with no figure
    before today's has none (NaN): a pace needs figures of two days, never counted from zero."""
    base = before.astype("float64")
    span = np.where(np.isnan(base), np.nan, float(window))
    if first is not None and first_days > 0:
        later = first.astype("float64")
        fill = np.isnan(base) & ~np.isnan(later)
        base = np.where(fill, later, base)
        span = np.where(fill, float(first_days), span)
    return base, span


def status_of(
    count: float,
    target: float,
    needed: float | None,
    pace: float | None,
    left: int,
    *,
    push: float = DEFAULT_PUSH,
    behind: float = DEFAULT_BEHIND,
) -> str | None:
    """'reached', 'on_track', 'push', 'behind'; None without a target, a figure or a pace."""
    if _na(count) or _na(target) or target <= 0:
        return None
    if count >= target:
        return "reached"
    if left <= 0:  # the deadline has passed short of the target
        return "behind"
    if pace is None or _na(pace) or needed is None or _na(needed) or needed <= 0:
        return None
    ratio = pace / needed
    if ratio >= push:
        return "on_track"
    return "push" if ratio >= behind else "behind"


def expected_day(count: float, target: float, pace: float | None, day: date) -> date | None:
    """The day the pace reaches the target (None when reached, no pace or no gain)."""
    if _na(count) or _na(target) or count >= target or pace is None or _na(pace) or pace <= 0:
        return None
    days = math.ceil((target - count) / pace - 1e-9)
    return day + timedelta(days=days) if days <= HORIZON_DAYS else None


def add_pace(
    board: pd.DataFrame,
    before: pd.Series,
    day: date,
    deadline: date | None,
    *,
    first: pd.Series | None = None,
    first_days: int = 0,
    window: int = WINDOW,
    push: float = DEFAULT_PUSH,
    behind: float = DEFAULT_BEHIND,
) -> pd.DataFrame:
    """A board with the PACE_COLUMNS added: `before` is each region's figure (by code) `window`
    days before `day`, `first` its figure on the first day with data inside the window
    (`first_days` ago); where the pace is measured from is `pace_base`'s rule."""
    out = board.copy()
    count = out["count"].to_numpy(dtype="float64", na_value=np.nan)
    target = out["target"].to_numpy(dtype="float64", na_value=np.nan)
    codes = out["code"]
    base, span = pace_base(
        codes.map(before).astype("float64").to_numpy(),
        None if first is None else codes.map(first).astype("float64").to_numpy(),
        first_days,
        window,
    )
    pace = (count - base) / span
    left = days_left(day, deadline) if deadline is not None else 0
    needed = out["pace_needed"].to_numpy(dtype="float64", na_value=np.nan)
    statuses, expected, projected = [], [], []
    for c, g, n, p in zip(count, target, needed, pace, strict=True):
        speed = None if np.isnan(p) else float(p)
        statuses.append(
            status_of(c, g, None if np.isnan(n) else n, speed, left, push=push, behind=behind)
            if deadline is not None
            else None
        )
        expected.append(expected_day(c, g, speed, day))
        reach = c + (speed or 0.0) * left
        projected.append(reach / g * 100 if g > 0 and not np.isnan(c) else np.nan)
    out["needed_per_day"] = out["pace_needed"]
    out["pace_7d"] = np.round(pace, 1)
    out["status"] = pd.array(statuses, dtype=object)
    out["expected_date"] = pd.array(expected, dtype=object)
    out["projected_pct"] = projected
    return out


def _na(value: object) -> bool:
    return value is None or bool(pd.isna(value))  # type: ignore[arg-type]


def status_text(status: object, lang: str = "id") -> str:
    """'● sesuai jalur': symbol and words; '–' without a status."""
    if _na(status) or status not in SYMBOLS:
        return "–"
    return f"{SYMBOLS[str(status)]} {t(f'pace.status.{status}', lang)}"


def expected_text(row: dict | pd.Series, deadline: date, lang: str = "id") -> str:
    """'tercapai 18 April', 'target tercapai', or 'tidak tercapai sebelum batas: 38% pada 31
    Maret'; '–' without a target or a pace."""
    if row.get("status") == "reached":
        return t("pace.status.reached", lang)
    when = row.get("expected_date")
    if not _na(when) and when <= deadline:  # type: ignore[operator]
        return t("pace.expected", lang, date=fmt_day_month(when, lang))  # type: ignore[arg-type]
    share = row.get("projected_pct")
    if _na(share) or _na(row.get("target")):
        return "–"
    return t(
        "pace.not_before",
        lang,
        pct=fmt_pct(share, lang, digits=0),
        date=fmt_day_month(deadline, lang),
    )


def pace_text(value: object, lang: str = "id") -> str:
    """A pace per day as written on a board: whole numbers, '–' without one."""
    return "–" if _na(value) else fmt_int(round(float(value)), lang)  # type: ignore[arg-type]


def pace_series(values: pd.Series, window: int = WINDOW) -> pd.Series:
    """The pace on each day of a figure series (index: every day with data in the store, NaN
    before the region reports; `progress.figure_series`), as a board of that day gives it:
    `pace_base` of each day, all days at once."""
    now = values.to_numpy(dtype="float64")
    days = pd.DatetimeIndex(values.index).to_numpy(dtype="datetime64[ns]")
    if len(days) == 0:
        return pd.Series(np.nan, index=values.index, dtype="float64")
    start = days - np.timedelta64(window, "D")
    # The figure `window` days ago: the last day on or before the window's start.
    after_start = np.searchsorted(days, start, side="right")
    before = np.where(after_start > 0, now[np.maximum(after_start - 1, 0)], np.nan)
    # Without one, the first day with data inside the window (after its start, before the day).
    inside = np.minimum(after_start, len(days) - 1)
    has_first = (after_start < len(days)) & (days[inside] < days)
    first = np.where(has_first, now[inside], np.nan)
    gap = (days - days[inside]) // np.timedelta64(1, "D")
    base, span = before, np.where(np.isnan(before), np.nan, float(window))
    fill = np.isnan(before) & has_first & ~np.isnan(first) & (gap > 0)
    base = np.where(fill, first, base)
    span = np.where(fill, gap.astype("float64"), span)
    with np.errstate(invalid="ignore", divide="ignore"):
        pace = np.where(np.isnan(now), np.nan, (now - base) / span)
    return pd.Series(pace, index=values.index, dtype="float64")


@dataclass(frozen=True)
class PaceRange:
    """Where one region's pace takes it by the deadline: at the last week's pace (the floor) and
    at the best week's so far; and how far the projection made a week ago fell from today."""

    day: date
    deadline: date
    value: int
    target: int | None
    low_pace: float
    high_pace: float
    best_day: date  # the last day of the best week
    low: int
    high: int
    backtest_day: date | None = None
    backtest_projected: int | None = None


def pace_range(
    figures: pd.Series, day: date, deadline: date, target: int | None, window: int = WINDOW
) -> PaceRange | None:
    """The projection range of one region from its figure on each day up to `day` (index: every
    day from the first with data; `progress.figure_series`); None with no pace yet."""
    upto = figures[pd.DatetimeIndex(figures.index) <= pd.Timestamp(day)]
    paces = pace_series(upto, window)
    if upto.empty or np.isnan(upto.iloc[-1]) or np.isnan(paces.iloc[-1]):
        return None
    value = int(upto.iloc[-1])
    low = float(paces.iloc[-1])
    best_at = paces.idxmax()
    high = max(float(paces.max()), low)
    left = days_left(day, deadline)
    back_day = day - timedelta(days=window)
    back_at = pd.Timestamp(back_day)
    back = None
    if back_at in paces.index and not np.isnan(paces.loc[back_at]):
        back = round(float(upto.loc[back_at]) + float(paces.loc[back_at]) * window)
    return PaceRange(
        day=day,
        deadline=deadline,
        value=value,
        target=target,
        low_pace=low,
        high_pace=high,
        best_day=pd.Timestamp(best_at).date(),
        low=value + round(low * left),
        high=value + round(high * left),
        backtest_day=back_day if back is not None else None,
        backtest_projected=back,
    )


def range_sentences(r: PaceRange, unit: str, lang: str = "id") -> list[str]:
    """The range in words, which end is which, and last week's projection against today's."""
    out = []
    if days_left(r.day, r.deadline) > 0:
        share = ""
        if r.target:
            share = t(
                "pace.range_share",
                lang,
                low=fmt_pct(r.low / r.target * 100, lang, digits=0),
                high=fmt_pct(r.high / r.target * 100, lang, digits=0),
            )
        values = {
            "date": fmt_day_month(r.deadline, lang),
            "low": fmt_int(r.low, lang),
            "high": fmt_int(r.high, lang),
            "unit": unit,
        }
        if r.high == r.low:  # no week went faster than the last: one figure, still a floor
            one = fmt_pct(r.low / r.target * 100, lang, digits=0) if r.target else ""
            share = t("pace.range_share_one", lang, pct=one) if r.target else ""
            out.append(t("pace.range_one", lang, share=share, window=WINDOW, **values))
            return out + _backtest(r, lang)
        out.append(t("pace.range", lang, share=share, **values))
        out.append(
            t(
                "pace.range_which",
                lang,
                low_pace=pace_text(r.low_pace, lang),
                high_pace=pace_text(r.high_pace, lang),
                best=fmt_date(r.best_day, lang),
                window=WINDOW,
            )
        )
    return out + _backtest(r, lang)


def _backtest(r: PaceRange, lang: str) -> list[str]:
    if r.backtest_projected is None:
        return []
    return [
        t(
            "pace.backtest",
            lang,
            window=WINDOW,
            projected=fmt_int(r.backtest_projected, lang),
            actual=fmt_int(r.value, lang),
        )
    ]

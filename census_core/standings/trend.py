"""Trends: a region's cumulative series, daily increments, recent pace and projection."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from census_core.regions import Regions, short_name
from census_core.standings import pace as paces
from census_core.standings import progress
from census_core.standings.progress import days_left, figure_series, pace_needed
from census_core.text import fmt_date, fmt_day_month, fmt_int, fmt_pct, t

WINDOW = 7
SERIES_COLUMNS = ["date", "code", "name", "value", "derived", "last_date"]


def _dates(counts: pd.DataFrame) -> pd.DatetimeIndex:
    if counts.empty:
        return pd.DatetimeIndex([])
    return pd.date_range(counts["date"].min(), counts["date"].max(), freq="D")


def series(counts: pd.DataFrame, regions: Regions, code: str) -> pd.DataFrame:
    """Daily cumulative count of one region (one measure): its figure on each day by the one
    rule (`progress.figure_series`), its own count or its children's sum.

    Columns: date, code, name, value, derived, last_date. Days before the first report are
    left out.
    """
    days = _dates(counts)
    figures = figure_series(counts, code, days).dropna(subset=["value"])
    if figures.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    return pd.DataFrame(
        {
            "date": figures.index,
            "code": code,
            "name": regions.name(code),
            "value": figures["value"].astype("int64").to_numpy(),
            "derived": figures["derived"].to_numpy(dtype=bool),
            "last_date": figures["last_date"].to_numpy(),
        }
    )


def daily(frame: pd.DataFrame, window: int = WINDOW) -> pd.DataFrame:
    """Daily increments of a cumulative series and their trailing `window`-day average.

    The rule: an increment needs the day before, so the first day has none (its count may hold
    weeks of work); the average is of the increments there are, so it needs two days of figures.
    """
    out = frame[["date", "value"]].copy()
    out["increment"] = out["value"].astype("float64").diff().astype("Int64")
    out["average"] = out["increment"].astype("float64").rolling(window, min_periods=1).mean()
    return out


def pace_over(frame: pd.DataFrame, day: date, window: int = WINDOW) -> tuple[float, int] | None:
    """Average daily gain over the `window` days up to `day`, and the days it was measured over.

    With fewer days of history, the gain since the first report over the days since; with one
    day of figures there is no pace (None), never one counted from zero.
    """
    upto = frame[frame["date"] <= pd.Timestamp(day)]
    if upto.empty:
        return None
    last = upto.iloc[-1]
    start = pd.Timestamp(day) - timedelta(days=window)
    before = upto[upto["date"] <= start]
    if before.empty:
        elapsed = (pd.Timestamp(last["date"]) - pd.Timestamp(upto.iloc[0]["date"])).days
        if elapsed < 1:
            return None
        return (float(last["value"]) - float(upto.iloc[0]["value"])) / elapsed, elapsed
    return (float(last["value"]) - float(before.iloc[-1]["value"])) / window, window


def pace(frame: pd.DataFrame, day: date, window: int = WINDOW) -> float | None:
    """Average daily gain over the `window` days up to `day` (`pace_over`), or None."""
    measured = pace_over(frame, day, window)
    return None if measured is None else measured[0]


@dataclass(frozen=True)
class Projection:
    """Where a region stands on `day` and where the recent pace takes it by the deadline."""

    code: str
    name: str
    day: date
    deadline: date
    value: int
    pace: float
    days_left: int
    projected: int
    base: int | None
    target: int | None
    target_pct: float
    needed: int | None
    pace_days: int = WINDOW  # the days the pace was measured over (fewer early on)

    @property
    def projected_pct(self) -> float | None:
        """Projected count as a share of the target (percent), the scale of every card."""
        return self.projected / self.target * 100 if self.target else None

    @property
    def reaches_target(self) -> bool:
        return self.target is not None and self.projected >= self.target

    def line(self) -> pd.DataFrame:
        """The projection from `day` to the deadline, one row a day (for a dashed line)."""
        days = pd.date_range(pd.Timestamp(self.day), pd.Timestamp(self.deadline), freq="D")
        values = [round(self.value + self.pace * i) for i in range(len(days))]
        return pd.DataFrame({"date": days, "value": values, "code": self.code, "name": self.name})


def base_of(targets: pd.DataFrame | None, code: str) -> int | None:
    """A region's base (population); a parent without one sums its nearest reporting level."""
    if targets is None or targets.empty:
        return None
    own = targets[targets["region"] == code]
    if not own.empty:
        return int(own["base"].iloc[-1])
    below = targets[targets["region"].str.startswith(code + ".")]
    if below.empty:
        return None
    depth = below["region"].str.count(r"\.").min()
    return int(below.loc[below["region"].str.count(r"\.") == depth, "base"].sum())


def share_of(targets: pd.DataFrame | None, code: str, default_share: float) -> float:
    if targets is None or targets.empty:
        return default_share
    own = targets[targets["region"] == code]
    if own.empty or pd.isna(own["share"].iloc[-1]):
        return default_share
    return float(own["share"].iloc[-1])


def project(
    frame: pd.DataFrame,
    day: date,
    deadline: date,
    *,
    base: int | None,
    share: float,
    window: int = WINDOW,
) -> Projection | None:
    """Extend the last `window` days' pace from `day` to the deadline."""
    upto = frame[frame["date"] <= pd.Timestamp(day)]
    measured = pace_over(frame, day, window)
    if upto.empty or measured is None:
        return None
    speed, span = measured
    value = int(upto.iloc[-1]["value"])
    left = days_left(day, deadline)
    target = round(base * share) if base else None
    return Projection(
        code=str(upto.iloc[-1]["code"]),
        name=str(upto.iloc[-1]["name"]),
        day=day,
        deadline=deadline,
        value=value,
        pace=speed,
        days_left=left,
        projected=value + round(speed * left),
        base=base,
        target=target,
        target_pct=share * 100,
        needed=pace_needed(value, target, day, deadline) if target is not None else None,
        pace_days=span,
    )


# Every percentage here is a share of the target (base x share), as on the cards; the
# target itself is named by its count, so no share of the base joins the sentence.
def sentence(p: Projection, measure: str = "households", lang: str = "id") -> str:
    """'Dengan laju 7 hari terakhir (1.234 KK/hari), Jember mencapai 76% target pada 31 Maret;
    perlu ... untuk mencapai target 48.000 KK.'"""
    unit = t(f"measure.{measure}", lang)
    name = short_name(p.name)
    if p.days_left == 0:
        return t(
            "projection.past",
            lang,
            deadline=fmt_date(p.deadline, lang),
            name=name,
            value=fmt_int(p.value, lang),
            unit=unit,
        )
    values = {
        "window": p.pace_days,
        "pace": fmt_int(round(p.pace), lang),
        "unit": unit,
        "name": name,
        "date": fmt_day_month(p.deadline, lang),
    }
    if p.projected_pct is None or p.target is None:
        return t("projection.count", lang, value=fmt_int(p.projected, lang), **values)
    values["pct"] = fmt_pct(p.projected_pct, lang, digits=0)
    values["target"] = fmt_int(p.target, lang)
    if p.reaches_target:
        return t("projection.reached", lang, **values)
    return t("projection.needed", lang, needed=fmt_int(p.needed, lang), **values)


def _label(name: str, kind: str, lang: str) -> str:
    name = short_name(name)
    if kind == "region":
        return name
    return t("average_of", lang, name=name)


def comparison(
    counts: pd.DataFrame,
    targets: pd.DataFrame | None,
    regions: Regions,
    codes: list[str],
    parent: str,
    lang: str = "id",
    *,
    default_share: float = 0.5,
) -> pd.DataFrame:
    """Share of target (percent) over time of `codes` and the average of `parent`'s children.

    The target is the boards' (base x share; a parent without its own, its children's sum),
    so the lines read on the cards' scale. The average is pooled (all children's counts over
    all their targets), so large regions weigh as they should.
    Columns: date, name, percent, kind ('region' or 'average').
    """
    by_code = progress.targets_of(targets, default_share)
    frames = []
    for code, kind in [*((c, "region") for c in codes), (parent, "average")]:
        target = by_code.get(code)
        s = series(counts, regions, code)
        if s.empty or target is None or not target > 0:
            continue
        frames.append(
            pd.DataFrame(
                {
                    "date": s["date"],
                    "name": _label(regions.name(code), kind, lang),
                    "percent": s["value"] / target * 100,
                    "kind": kind,
                }
            )
        )
    if not frames:
        return pd.DataFrame(columns=["date", "name", "percent", "kind"])
    return pd.concat(frames, ignore_index=True)


@dataclass(frozen=True)
class TrendView:
    """Everything the trend page draws for a set of regions on one day."""

    series: pd.DataFrame
    projections: list[Projection]
    targets: pd.DataFrame
    daily: pd.DataFrame
    comparison: pd.DataFrame
    sentences: list[str]
    # The first region's projection as a range (last week's pace, best week's) and its backtest.
    ranges: list[str] = field(default_factory=list)


def view(
    counts: pd.DataFrame,
    targets: pd.DataFrame | None,
    regions: Regions,
    codes: list[str],
    day: date,
    deadline: date,
    *,
    compare: tuple[list[str], str] | None = None,
    default_share: float = 0.5,
    measure: str = "households",
    lang: str = "id",
) -> TrendView:
    """Series up to `day`, projections and sentences of `codes`; daily increments of the first;
    `compare` = (regions, parent) for the chart against the parent's average."""
    frames, projections, target_rows = [], [], []
    waiting: list[str] = []
    for code in codes:
        s = series(counts, regions, code)
        s = s[s["date"] <= pd.Timestamp(day)]
        if s.empty:
            continue
        frames.append(s)
        share = share_of(targets, code, default_share)
        p = project(s, day, deadline, base=base_of(targets, code), share=share)
        if p is None:  # one day of figures: say a pace needs more, rather than invent one
            waiting.append(t("projection.needs_days", lang, name=short_name(regions.name(code))))
        else:
            projections.append(p)
            if p.target is not None:
                target_rows.append({"name": p.name, "target": p.target})
    joined = (
        pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=SERIES_COLUMNS)
    )
    first = frames[0] if frames else pd.DataFrame(columns=SERIES_COLUMNS)
    compared = (
        comparison(counts, targets, regions, *compare, lang=lang, default_share=default_share)
        if compare
        else None
    )
    if compared is not None:
        compared = compared[compared["date"] <= pd.Timestamp(day)]
    return TrendView(
        series=joined,
        projections=projections,
        targets=pd.DataFrame(target_rows, columns=["name", "target"]),
        daily=daily(first),
        comparison=compared if compared is not None else pd.DataFrame(),
        sentences=[sentence(p, measure, lang) for p in projections] + waiting,
        ranges=range_lines(counts, targets, codes[0], day, deadline, default_share, measure, lang)
        if codes
        else [],
    )


def range_lines(
    counts: pd.DataFrame,
    targets: pd.DataFrame | None,
    code: str,
    day: date,
    deadline: date,
    default_share: float = 0.5,
    measure: str = "households",
    lang: str = "id",
) -> list[str]:
    """One region's projection range and backtest in words (`pace.range_sentences`), from its
    figure on every day since the first with data, as the boards count the 7-day pace."""
    days = _dates(counts)
    days = days[days <= pd.Timestamp(day)]
    if days.empty:
        return []
    figures = figure_series(counts, code, days)["value"]
    goal = progress.targets_of(targets, default_share).get(code)
    target = int(goal) if goal is not None and goal > 0 else None
    found = paces.pace_range(figures, day, deadline, target)
    unit = t(f"measure.{measure}", lang)
    return [] if found is None else paces.range_sentences(found, unit, lang)


def deadline_note(deadline: date, original: date | None, lang: str = "id") -> str:
    """'Batas 29 Mei 2020, diperpanjang dari 31 Maret 2020', or 'Batas 31 Maret 2020'."""
    if original is not None and original < deadline:
        return t(
            "deadline.extended",
            lang,
            date=fmt_date(deadline, lang),
            original=fmt_date(original, lang),
        )
    return t("deadline.plain", lang, date=fmt_date(deadline, lang))


def replay_start(days: list[date], current: date | None) -> date | None:
    """Where a replay starts: the day shown, or the first day when the last one is shown."""
    if not days:
        return None
    if current is None or current not in days or current == days[-1]:
        return days[0]
    return current


def replay_next(days: list[date], current: date | None) -> date | None:
    """The day a replay shows after `current`: the next day with data; None at the end."""
    later = [d for d in days if current is None or d > current]
    return later[0] if later else None

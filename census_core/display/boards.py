"""Boards as people read them: display rows, highest/lowest callouts, 7-day gainers, name filter."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from census_core.regions import normalize_name
from census_core.standings import pace
from census_core.standings.pace import expected_text, pace_text, status_text
from census_core.standings.progress import BY
from census_core.text import (
    figure_text,
    fmt_day_month,
    fmt_int,
    fmt_pct,
    fmt_signed,
    fmt_signed_pct,
    stale_note,
    t,
)

GAIN_DAYS = 7
# Worst first: a board sorted by status puts the regions to chase at the top.
STATUS_ORDER = {"behind": 0, "push": 1, "on_track": 2, "reached": 3}
# The orders a reader may choose for the boards (Peringkat) and the map (Peta).
ORDERS = (*BY, "status")


def rank_by(order: str) -> str:
    """What a board shown in the reader's `order` is ranked by: 'count' or 'percent'."""
    # A status weighs a region's pace against the pace it needs to reach its own target, so
    # it puts regions of every size on one scale; the rank beside it must too, or a large
    # kecamatan far behind its target would outrank a small one nearly there. One rule here,
    # so the home boards and the map give the same region on the same day the same rank.
    if order == "status":
        return "percent"
    if order not in BY:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    return order


def carried_note(board: pd.DataFrame, lang: str = "id") -> str:
    """The footnote to the marks: '* belum ada laporan baru: angka terakhir dari 5 Maret (30
    wilayah), 3 Maret (1 wilayah)'; empty when no figure on the board is carried forward."""
    # is_carried, for every row at once.
    stale = board["stale"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    carried = board[stale & board["count"].notna().to_numpy()]
    if carried.empty:
        return ""
    days = pd.to_datetime(carried["last_date"]).dt.date.value_counts().sort_index(ascending=False)
    parts = [
        t(
            "board.carried_day",
            lang,
            date=fmt_day_month(day, lang),
            regions=t("n_regions", lang, n=n),
        )
        for day, n in days.items()
    ]
    return t("carried.note", lang, dates=", ".join(parts))


def rank_arrow(change: object) -> str:
    """Rank change as an arrow: '▲ 2' moved up two places, '▼ 1' down one, '=' no move."""
    if change is None or pd.isna(change):  # type: ignore[call-overload]
        return ""
    step = int(change)  # type: ignore[call-overload]
    if step > 0:
        return f"▲ {step}"
    if step < 0:
        return f"▼ {-step}"
    return "="


def note_of(row: dict[str, Any] | pd.Series, lang: str = "id") -> str:
    """Why a figure needs a second look: it is old, it is a sum, or there is none yet."""
    notes = []
    if pd.isna(row["count"]):
        notes.append(t("board.no_data", lang))
    elif bool(row["stale"]):
        notes.append(stale_note(row["last_date"], lang))
    if bool(row["derived"]):
        notes.append(t("derived", lang))
    return "; ".join(notes)


def filter_by_name(board: pd.DataFrame, query: str | None) -> pd.DataFrame:
    """Rows whose name contains `query`, ignoring case, spaces, punctuation and prefixes."""
    key = normalize_name(query or "")
    if not key:
        return board
    names = board["name"].map(normalize_name)
    return board[names.str.contains(key, regex=False)]


def by_status(board: pd.DataFrame, status: str | None = None, sort: bool = False) -> pd.DataFrame:
    """The rows of one status (None: all); with `sort`, behind first, then by rank."""
    out = board if not status else board[board["status"] == status]
    if sort:
        key = out["status"].map(STATUS_ORDER).astype("float64").fillna(len(STATUS_ORDER))
        out = out.iloc[key.argsort(kind="stable").to_numpy()]
    return out


def pace_rows(board: pd.DataFrame, deadline: date, lang: str = "id") -> pd.DataFrame:
    """The pace columns as shown: needed per day, 7-day pace, status, expected day."""
    records = board.to_dict("records")
    return pd.DataFrame(
        {
            t("pace.needed", lang): [pace_text(v, lang) for v in board["needed_per_day"]],
            t("pace.pace_7d", lang): [pace_text(v, lang) for v in board["pace_7d"]],
            t("pace.status", lang): [status_text(v, lang) for v in board["status"]],
            t("pace.expected_col", lang): [expected_text(r, deadline, lang) for r in records],
        }
    )


def display_rows(
    board: pd.DataFrame, measure_label: str, lang: str = "id", deadline: date | None = None
) -> pd.DataFrame:
    """A standings board as shown: numbers written the Indonesian way, a bar value for the share;
    given `deadline` and a board with its pace (Snapshot.board), the pace columns too."""
    rows = _base_rows(board, measure_label, lang)
    if deadline is None or "status" not in board.columns:
        return rows
    # Right after the share of target, so the status is in sight on a laptop without scrolling.
    extra = pace_rows(board, deadline, lang)
    extra.index = rows.index
    cut = list(rows.columns).index(t("board.progress", lang)) + 1
    return pd.concat([rows.iloc[:, :cut], extra, rows.iloc[:, cut:]], axis=1)


def _base_rows(board: pd.DataFrame, measure_label: str, lang: str) -> pd.DataFrame:
    records = board.to_dict("records")  # once: row by row pandas costs a kecamatan page ms
    return pd.DataFrame(
        {
            t("board.rank", lang): [
                fmt_int(v, lang) if pd.notna(v) else "–" for v in board["rank"]
            ],
            t("board.name", lang): board["name"].astype(str).to_numpy(),
            measure_label: [figure_text(row, lang) for row in records],
            # Written share first, then the bar: a phone shows the number without scrolling.
            t("board.percent", lang): [fmt_pct(v, lang) for v in board["percent"]],
            t("board.progress", lang): board["percent"].astype("float64").round(2).to_numpy(),
            t("board.change", lang): [fmt_signed(v, lang) for v in board["change"]],
            t("board.rank_change", lang): [rank_arrow(v) for v in board["rank_change"]],
            t("board.note", lang): [note_of(row, lang) for row in records],
        }
    )


def callout(board: pd.DataFrame, by: str, measure_label: str, lang: str = "id") -> str:
    """'Tertinggi: Kabupaten Jember (36.464 KK); terendah: Kabupaten Mojokerto (1.102 KK)'."""
    ranked = board[board["rank"].notna()]
    if ranked.empty:
        return ""

    def value(row: pd.Series) -> str:
        if by == "percent":
            return f"{fmt_pct(row['percent'], lang)} target"
        return f"{fmt_int(row['count'], lang)} {measure_label}"

    top = ranked[ranked["rank"] == ranked["rank"].min()]
    low = ranked[ranked["rank"] == ranked["rank"].max()]
    high_text = t("board.highest", lang, name=", ".join(top["name"]), value=value(top.iloc[0]))
    if len(ranked) < 2:
        return high_text
    low_text = t("board.lowest", lang, name=", ".join(low["name"]), value=value(low.iloc[0]))
    return f"{high_text}; {low_text}"


def gains(
    now: pd.DataFrame,
    before: pd.DataFrame,
    by: str = "count",
    *,
    first: pd.DataFrame | None = None,
    first_days: int = 0,
    days: int = GAIN_DAYS,
) -> pd.DataFrame:
    """Gain of each region between two standings boards, in count and in percentage points,
    and the number of days it took (`gain_days`).

    The rule: a gain is measured from a region's figure at the window's start (`before`, `days`
    days ago); a region with none yet, from its figure on the first day with data inside the
    window (`first`, `first_days` days ago). A region with no figure before today's has no gain:
    a pace needs figures of two days, and is never counted from zero. Rows come biggest gain first.
    """
    start = before.set_index("code")
    later = None if first is None else first.set_index("code")
    out = now[["code", "name", "count", "percent"]].copy()
    codes = out["code"]
    from_before = codes.map(start["count"]).astype("float64").to_numpy()
    base, span = pace.pace_base(
        from_before,
        None if later is None else codes.map(later["count"]).astype("float64").to_numpy(),
        first_days,
        days,
    )
    pct = codes.map(start["percent"]).astype("float64").to_numpy()
    if later is not None:
        used_first = np.isnan(from_before) & ~np.isnan(base)
        pct = np.where(used_first, codes.map(later["percent"]).astype("float64").to_numpy(), pct)
    base_count = pd.Series(base, index=out.index).round().astype("Int64")
    base_pct = pd.Series(pct, index=out.index).where(base_count.notna())
    span = pd.Series(span, index=out.index).round().astype("Int64")
    out["gain"] = (out["count"].astype("Int64") - base_count).astype("Int64")
    out["gain_pct"] = (out["percent"].astype("float64") - base_pct).where(base_count.notna())
    out["gain_days"] = span
    key = "gain" if by == "count" else "gain_pct"
    out = out[out[key].notna()]
    return out.sort_values([key, "name"], ascending=[False, True], ignore_index=True)


def first_day_within(dates: list[date], day: date, days: int = GAIN_DAYS) -> date | None:
    """The first day with data inside the window before `day` (None when there is none)."""
    return pace.first_day_within(dates, day, days)


def gain_start(day: date, days: int = GAIN_DAYS) -> date:
    """The day the gain is measured from: `days` days before `day`."""
    return day - timedelta(days=days)


def climbers(now: pd.DataFrame, week: pd.DataFrame, two_weeks: pd.DataFrame) -> pd.DataFrame:
    """The 'paling naik' board: places gained in the ranking over the week, then the pace gained
    against the week before (percentage points of target), so a small region catching up shows
    and the biggest counts do not simply repeat the leaders.

    A region first ranked inside the week climbed from just below the last place ranked then;
    regions without a figure now are left out. Columns: code, name, count, percent, places
    (rank a week ago minus rank now), pace (points gained this week), pace_gain (pace minus the
    week before's pace).
    """
    ranked = now[now["rank"].notna()]
    out = ranked[["code", "name", "count", "percent"]].copy()
    last = week["rank"].dropna()
    bottom = (int(last.max()) if len(last) else 0) + 1
    rank_then = out["code"].map(week.set_index("code")["rank"]).astype("float64").fillna(bottom)
    out["places"] = (rank_then - ranked["rank"].astype("float64")).astype("Int64")
    pct_week = out["code"].map(week.set_index("code")["percent"]).astype("float64").fillna(0.0)
    pct_two = out["code"].map(two_weeks.set_index("code")["percent"]).astype("float64")
    out["pace"] = (out["percent"].astype("float64") - pct_week).round(2)
    out["pace_gain"] = (out["pace"] - (pct_week - pct_two.fillna(0.0))).round(2)
    key_places = out["places"].astype("float64").fillna(-np.inf).to_numpy()
    key_pace = out["pace_gain"].astype("float64").fillna(-np.inf).to_numpy()
    order = np.lexsort((out["name"].astype(str).to_numpy(), -key_pace, -key_places))
    return out.iloc[order].reset_index(drop=True)


def climber_rows(
    table: pd.DataFrame, measure_label: str, lang: str = "id", days: int = GAIN_DAYS
) -> pd.DataFrame:
    """The 'paling naik' board as shown: places gained, pace and its change, figure, share."""
    return pd.DataFrame(
        {
            t("board.name", lang): table["name"].astype(str).to_numpy(),
            t("board.places", lang, days=days): [rank_arrow(v) for v in table["places"]],
            t("board.gain_pct", lang, days=days): [fmt_signed_pct(v, lang) for v in table["pace"]],
            t("board.pace_gain", lang): [fmt_signed_pct(v, lang) for v in table["pace_gain"]],
            measure_label: [fmt_int(v, lang) for v in table["count"]],
            t("board.percent", lang): [fmt_pct(v, lang) for v in table["percent"]],
        }
    )

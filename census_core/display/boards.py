"""Boards as people read them: display rows, highest/lowest callouts, 7-day gainers, name filter."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from census_core.regions import normalize_name
from census_core.text import (
    figure_text,
    fmt_day_month,
    fmt_int,
    fmt_pct,
    fmt_signed,
    fmt_signed_pct,
    is_carried,
    stale_note,
    t,
)

GAIN_DAYS = 7


def carried_note(board: pd.DataFrame, lang: str = "id") -> str:
    """The footnote to the marks: '* belum ada laporan baru: angka terakhir dari 5 Maret (30
    wilayah), 3 Maret (1 wilayah)'; empty when no figure on the board is carried forward."""
    carried = board[[is_carried(row) for row in board.to_dict("records")]]
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


def note_of(row: pd.Series, lang: str = "id") -> str:
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


def display_rows(board: pd.DataFrame, measure_label: str, lang: str = "id") -> pd.DataFrame:
    """A standings board as shown: numbers written the Indonesian way, a bar value for the share."""
    return pd.DataFrame(
        {
            t("board.rank", lang): [
                fmt_int(v, lang) if pd.notna(v) else "–" for v in board["rank"]
            ],
            t("board.name", lang): board["name"].astype(str).to_numpy(),
            measure_label: [figure_text(row, lang) for row in board.to_dict("records")],
            # Written share first, then the bar: a phone shows the number without scrolling.
            t("board.percent", lang): [fmt_pct(v, lang) for v in board["percent"]],
            t("board.progress", lang): board["percent"].astype("float64").round(2).to_numpy(),
            t("board.change", lang): [fmt_signed(v, lang) for v in board["change"]],
            t("board.rank_change", lang): [rank_arrow(v) for v in board["rank_change"]],
            t("board.note", lang): [note_of(row, lang) for _, row in board.iterrows()],
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


def gains(now: pd.DataFrame, before: pd.DataFrame, by: str = "count") -> pd.DataFrame:
    """Gain of each region between two standings boards, in count and in percentage points.

    Regions with no count at the start gain from zero; rows come biggest gain first by `by`.
    """
    start = before.set_index("code")
    out = now[["code", "name", "count", "percent"]].copy()
    base_count = out["code"].map(start["count"]).astype("Int64").fillna(0)
    base_pct = out["code"].map(start["percent"]).astype("float64").fillna(0.0)
    out["gain"] = (out["count"] - base_count).astype("Int64")
    out["gain_pct"] = out["percent"] - base_pct
    key = "gain" if by == "count" else "gain_pct"
    out = out[out[key].notna()]
    return out.sort_values([key, "name"], ascending=[False, True], ignore_index=True)


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


def gain_start(day: date, days: int = GAIN_DAYS) -> date:
    """The day the gain is measured from: `days` days before `day`."""
    return day - timedelta(days=days)

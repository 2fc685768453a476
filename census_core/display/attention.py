"""Who needs attention: regions gone quiet, the coordinator's chase list, threshold headlines.

Every figure comes from the standings boards (Snapshot.board); this module only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from census_core.regions import level_label
from census_core.settings import Settings
from census_core.standings.pace import pace_text
from census_core.standings.snapshot import Snapshot
from census_core.text import fmt_date, fmt_int, fmt_pct, t, target_name

QUIET_COLUMNS = [
    "code",
    "name",
    "level",
    "last_date",
    "days_since",
    "operator",
    "quiet",
    "desa_missing",
    "desa_total",
]
CHASE_COLUMNS = [
    "code",
    "name",
    "level",
    "parent_name",
    "count",
    "percent",
    "needed_per_day",
    "pace",
    "last_date",
    "days_since",
    "quiet",
    "behind",
]


def target_label(source: str | None, settings: Settings, lang: str = "id") -> str:
    """How a share names its target: 'target Pemkab 50%'; the unnamed one by its share
    (CENSUS_TARGET_PCT), 'target 50%'; 'tanpa target' when the store has none."""
    return target_name(source, settings.target_pct, lang)


def days_since(last_date: object, day: date) -> int | None:
    """Whole days from a region's last figure to `day`; None when it has none."""
    if last_date is None or pd.isna(last_date):  # type: ignore[call-overload]
        return None
    return (day - pd.Timestamp(last_date).date()).days  # type: ignore[arg-type]


def is_quiet(last_date: object, day: date, quiet_days: int) -> bool:
    """A region is quiet when it has no figure, or its latest is more than `quiet_days` old."""
    since = days_since(last_date, day)
    return since is None or since > quiet_days


def _operators(batches: pd.DataFrame) -> dict[int, str]:
    if batches.empty:
        return {}
    return {int(b): str(u) for b, u in zip(batches["id"], batches["user"], strict=True)}


def quiet_regions(
    snap: Snapshot, settings: Settings, day: date, measure: str = "households"
) -> pd.DataFrame:
    """The home regency's kecamatan that are quiet, or whose desa have partly reported.

    Each row names the date of the region's last figure and the operator who sent it; for a
    kecamatan with some of its desa reported, how many of its desa are quiet (desa_missing).
    """
    home = settings.home
    kec = snap.board("kecamatan", home, day, settings, measure=measure)
    desa = snap.board("desa", home, day, settings, measure=measure)
    who = _operators(snap.batches)
    desa_quiet = pd.Series(
        [is_quiet(d, day, settings.quiet_days) for d in desa["last_date"]], dtype=bool
    )
    parent = desa["code"].astype(str).str.rsplit(".", n=1).str[0]
    reported = desa["count"].notna().groupby(parent.to_numpy()).sum()
    total = parent.value_counts()
    missing = desa_quiet.groupby(parent.to_numpy()).sum()
    rows = []
    for row in kec.to_dict("records"):
        code = row["code"]
        quiet = is_quiet(row["last_date"], day, settings.quiet_days)
        n_missing = int(missing.get(code, 0))
        partly = int(reported.get(code, 0)) > 0 and n_missing > 0
        if not (quiet or partly):
            continue
        batch = row["batch"]
        rows.append(
            {
                "code": code,
                "name": row["name"],
                "level": "kecamatan",
                "last_date": row["last_date"],
                "days_since": days_since(row["last_date"], day),
                "operator": None if pd.isna(batch) else who.get(int(batch)),
                "quiet": quiet,
                "desa_missing": n_missing if partly else 0,
                "desa_total": int(total.get(code, 0)),
            }
        )
    frame = pd.DataFrame(rows, columns=QUIET_COLUMNS)
    frame["days_since"] = frame["days_since"].astype("Int64")
    # Longest silent first; never reported before all.
    key = frame["days_since"].astype("float64").fillna(np.inf)
    order = np.lexsort((frame["name"].to_numpy(dtype=str), -frame["quiet"].astype(int), -key))
    return frame.iloc[order].reset_index(drop=True)


def quiet_lines(quiet: pd.DataFrame, day: date, quiet_days: int, lang: str = "id") -> list[str]:
    """One sentence per row of quiet_regions: since when, by whom, desa still missing."""
    out = []
    for row in quiet.to_dict("records"):
        if not row["quiet"]:
            out.append(
                t(
                    "quiet.partly",
                    lang,
                    name=row["name"],
                    n=fmt_int(row["desa_missing"], lang),
                    total=fmt_int(row["desa_total"], lang),
                )
            )
            continue
        if pd.isna(row["last_date"]):
            text = t("quiet.never", lang, name=row["name"])
        else:
            text = t(
                "quiet.since",
                lang,
                name=row["name"],
                date=fmt_date(row["last_date"], lang),
                days=fmt_int(row["days_since"], lang),
                operator=row["operator"] or "–",
            )
        if row["desa_missing"]:
            text += " " + t(
                "quiet.desa",
                lang,
                n=fmt_int(row["desa_missing"], lang),
                total=fmt_int(row["desa_total"], lang),
            )
        out.append(text)
    return out


def quiet_title(quiet: pd.DataFrame, quiet_days: int, lang: str = "id") -> str:
    """'Belum lapor (lebih dari 2 hari): 3 kecamatan' or that every kecamatan has reported."""
    if quiet.empty:
        return t("quiet.none", lang, days=quiet_days)
    return t("quiet.title", lang, days=quiet_days, n=len(quiet))


def chase_list(
    snap: Snapshot, settings: Settings, day: date, measure: str = "households"
) -> pd.DataFrame:
    """'Siapa dikejar hari ini': the home regency's kecamatan and desa that are quiet or behind.

    Behind: the board's status says its 7-day pace falls short of the count it needs per day
    (census_core.standings.pace: "perlu dorongan" or "tertinggal"), the same on every page.
    Rows come by needed per day, largest first; kecamatan before desa on a tie.
    """
    home = settings.home
    frames = []
    for level in ("kecamatan", "desa"):
        now = snap.board(level, home, day, settings, measure=measure)
        frame = pd.DataFrame(
            {
                "code": now["code"],
                "name": now["name"],
                "level": level,
                "parent_name": [snap.regions.name(str(c).rsplit(".", 1)[0]) for c in now["code"]],
                "count": now["count"],
                "percent": now["percent"],
                "needed_per_day": now["needed_per_day"].astype("Int64"),
                "pace": now["pace_7d"].astype("float64"),
                "last_date": now["last_date"],
                "days_since": [days_since(d, day) for d in now["last_date"]],
                "quiet": [is_quiet(d, day, settings.quiet_days) for d in now["last_date"]],
            }
        )
        frame["behind"] = now["status"].isin(["push", "behind"]).to_numpy()
        frames.append(frame[frame["quiet"] | frame["behind"]])
    out = pd.concat(frames, ignore_index=True)[CHASE_COLUMNS]
    key = out["needed_per_day"].astype("float64").fillna(-1.0)
    depth = (out["level"] == "desa").astype(int)
    order = np.lexsort((out["name"].to_numpy(dtype=str), depth.to_numpy(), -key.to_numpy()))
    return out.iloc[order].reset_index(drop=True)


def chase_rows(chase: pd.DataFrame, day: date, lang: str = "id") -> pd.DataFrame:
    """The chase list as shown: who, where, needed per day, pace, last report, why."""
    return pd.DataFrame(
        {
            t("chase.name", lang): chase["name"].astype(str).to_numpy(),
            t("chase.level", lang): [level_label(v, lang) for v in chase["level"]],
            t("chase.within", lang): chase["parent_name"].astype(str).to_numpy(),
            t("chase.needed", lang): [
                "–" if pd.isna(v) else fmt_int(v, lang) for v in chase["needed_per_day"]
            ],
            t("chase.pace", lang): [pace_text(v, lang) for v in chase["pace"]],
            t("chase.percent", lang): [fmt_pct(v, lang) for v in chase["percent"]],
            t("chase.last", lang): [fmt_date(v, lang) for v in chase["last_date"]],
            t("chase.why", lang): [
                _why(q, b, lang) for q, b in zip(chase["quiet"], chase["behind"], strict=True)
            ],
        }
    )


def _why(quiet: bool, behind: bool, lang: str) -> str:
    parts = ([t("chase.quiet", lang)] if quiet else []) + (
        [t("chase.behind", lang)] if behind else []
    )
    return ", ".join(parts)


@dataclass(frozen=True)
class Threshold:
    """How many regions of a board stand at or above one share of their target."""

    pct: float
    reached: int
    of: int


def thresholds(board: pd.DataFrame, pcts: tuple[float, ...]) -> list[Threshold]:
    """For each threshold, the regions at or above it; `of` counts every region of the board
    (one without a figure or a target has not reached it)."""
    percent = board["percent"].astype("float64")
    return [Threshold(p, int((percent >= p).sum()), len(board)) for p in pcts]


def threshold_lines(
    found: list[Threshold], level: str, target_label: str, lang: str = "id"
) -> list[str]:
    """'24 dari 31 kecamatan sudah ≥ 25% target Pemkab 50%', one per threshold."""
    return [
        t(
            "threshold.line",
            lang,
            n=fmt_int(x.reached, lang),
            of=fmt_int(x.of, lang),
            level=level_label(level, lang, plural=True),
            pct=fmt_pct(x.pct, lang, digits=0 if float(x.pct).is_integer() else 1),
            target=target_label,
        )
        for x in found
    ]


@dataclass(frozen=True)
class AttentionView:
    """What the home page, /unggah and the meeting screen say about who needs attention."""

    target: str  # 'target Pemkab 50%'
    basis: str  # 'Persentase dihitung terhadap target Pemkab 50%.'
    thresholds: list[str]
    quiet_title: str
    quiet: list[str]
    quiet_rows: pd.DataFrame
    chase_title: str
    chase_caption: str
    chase: pd.DataFrame  # as shown (chase_rows); empty when nobody is to be chased


def attention_view(
    snap: Snapshot,
    settings: Settings,
    day: date,
    *,
    measure: str = "households",
    lang: str = "id",
    with_chase: bool = True,
) -> AttentionView:
    """Threshold headlines, the quiet kecamatan and (optionally) the chase list, on `day`."""
    label = target_label(snap.target_source(settings), settings, lang)
    kec = snap.board("kecamatan", settings.home, day, settings, measure=measure)
    found = quiet_regions(snap, settings, day, measure)
    chase = chase_list(snap, settings, day, measure) if with_chase else pd.DataFrame()
    left = max((settings.deadline - day).days, 0)
    return AttentionView(
        target=label,
        basis=t("target.basis", lang, target=label),
        thresholds=threshold_lines(thresholds(kec, settings.thresholds), "kecamatan", label, lang),
        quiet_title=quiet_title(found, settings.quiet_days, lang),
        quiet=quiet_lines(found, day, settings.quiet_days, lang),
        quiet_rows=found,
        chase_title=t("chase.title", lang),
        chase_caption=t("chase.caption", lang, days=settings.quiet_days, left=left),
        chase=chase_rows(chase, day, lang) if len(chase) else pd.DataFrame(),
    )

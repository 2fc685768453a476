"""Checks across rows and against the store: conflicts, future dates, falls, counts over base."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeAlias

import pandas as pd

from census_core.ingest.model import Options, Upload
from census_core.ingest.problems import Problem, error, warning
from census_core.regions import Regions
from census_core.standings import progress
from census_core.standings.countindex import measure_rows
from census_core.text import fmt_date, fmt_int

# The store's counts, or a function giving them for a list of region codes (so a command that
# checks one regency's file against a national store reads that regency's counts only).
Existing: TypeAlias = pd.DataFrame | Callable[[list[str]], pd.DataFrame] | None


def _region_name(regions: Regions, code: str) -> str:
    return regions.name(code)


def check_counts(
    upload: Upload,
    regions: Regions,
    existing: Existing,
    targets: pd.DataFrame | None,
    options: Options,
) -> list[Problem]:
    """Problems that need all rows at once, or the store's data; drops exact duplicates."""
    records = upload.records
    if records.empty:
        return []
    problems: list[Problem] = []
    today = options.today or date.today()
    future = records[records["date"] > pd.Timestamp(today)]
    for rec in future.drop_duplicates("row").itertuples():
        problems.append(
            error(
                "future_date",
                row=rec.row,
                column=upload.date_column,
                value=fmt_date(rec.date),
                value_en=fmt_date(rec.date, "en"),
            )
        )
    problems += _conflicts(records, regions)
    records = records.drop_duplicates(["region", "date", "measure"], keep="first")
    upload.records = records.reset_index(drop=True)
    if callable(existing):  # the store's counts of these regions, read only now
        existing = existing(sorted(set(upload.records["region"])))
    problems += _decreases(upload.records, existing, regions)
    problems += _above_base(upload.records, targets, regions)
    return problems


def _conflicts(records: pd.DataFrame, regions: Regions) -> list[Problem]:
    problems: list[Problem] = []
    dup = records[records.duplicated(["region", "date", "measure"], keep=False)]
    for _, group in dup.groupby(["region", "date", "measure"], sort=False):
        first = group.iloc[0]
        for rec in group.iloc[1:].itertuples():
            same = int(rec.value) == int(first["value"])
            params = {
                "row": rec.row,
                "column": rec.column,
                "region": _region_name(regions, str(rec.region)),
                "date": fmt_date(rec.date),
                "date_en": fmt_date(rec.date, "en"),
                "other_row": int(first["row"]),
            }
            if same:
                problems.append(warning("duplicate", **params))
            else:
                problems.append(
                    error(
                        "conflict",
                        value=fmt_int(rec.value),
                        other=fmt_int(first["value"]),
                        value_en=fmt_int(rec.value, "en"),
                        other_en=fmt_int(first["value"], "en"),
                        **params,
                    )
                )
    return problems


def _decreases(
    records: pd.DataFrame, existing: pd.DataFrame | None, regions: Regions
) -> list[Problem]:
    """A count below the same region's count on an earlier date (in the file or the store)."""
    frame = records.sort_values(["measure", "region", "date"], kind="stable")
    grouped = frame.groupby(["measure", "region"], sort=False)
    prev_value = grouped["value"].shift().astype("float64")
    prev_date = pd.to_datetime(grouped["date"].shift())
    if existing is not None and not existing.empty:
        # The store's latest count before each row's date, unless the file has a later one
        # before it (an equal date means the file replaces that count).
        for measure in frame["measure"].unique():
            mine = frame["measure"] == measure
            store = progress.last_before(
                measure_rows(existing, str(measure)), frame["region"][mine], frame["date"][mine]
            )
            newer = store["last_date"].notna() & (
                prev_date[mine].isna() | (store["last_date"] > prev_date[mine])
            )
            prev_value[newer.index[newer]] = store["value"][newer]
            prev_date[newer.index[newer]] = store["last_date"][newer]
    frame = frame.assign(prev_value=prev_value, prev_date=prev_date)
    falls = frame[frame["value"] < frame["prev_value"]]
    problems: list[Problem] = []
    for rec in falls.itertuples():
        problems.append(
            warning(
                "decrease",
                row=rec.row,
                column=rec.column,
                region=_region_name(regions, str(rec.region)),
                value=fmt_int(rec.value),
                earlier=fmt_int(rec.prev_value),
                earlier_date=fmt_date(rec.prev_date),
                value_en=fmt_int(rec.value, "en"),
                earlier_en=fmt_int(rec.prev_value, "en"),
                earlier_date_en=fmt_date(rec.prev_date, "en"),
            )
        )
    return problems


def _above_base(
    records: pd.DataFrame, targets: pd.DataFrame | None, regions: Regions
) -> list[Problem]:
    if targets is None or targets.empty:
        return []
    # Several sources may give a region different bases: a count is above base above them all.
    base = targets.groupby(["region", "measure"], as_index=False)["base"].max()
    merged = records.merge(base, on=["region", "measure"], how="inner")
    over = merged[merged["value"] > merged["base"]]
    return [
        warning(
            "above_base",
            row=rec.row,
            column=rec.column,
            region=_region_name(regions, str(rec.region)),
            value=fmt_int(rec.value),
            base=fmt_int(rec.base),
            value_en=fmt_int(rec.value, "en"),
            base_en=fmt_int(rec.base, "en"),
        )
        for rec in over.itertuples()
    ]

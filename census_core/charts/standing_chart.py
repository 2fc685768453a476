"""The small chart of the Kecamatan page: one region's share of target against its parent's."""

from __future__ import annotations

import copy
import hashlib
import json
import math
from functools import lru_cache
from typing import Any

import altair as alt
import pandas as pd

from census_core.text import chart_numbers, fmt_date_short, t

SHARE_FORMAT = ",.1~f"


def share_chart(trend: pd.DataFrame, lang: str = "id", height: int = 220) -> alt.Chart:
    """Lines of share of target by day; the first column is the region, the second its parent.

    Days are written as labels ('5 Mar'), so the axis speaks the interface's language.
    """
    frame = trend.reset_index()
    frame["day"] = [fmt_date_short(d, lang) for d in frame["date"]]
    order = list(frame["day"])
    series = [c for c in trend.columns]
    long = frame.melt(id_vars=["date", "day"], value_vars=series, var_name="wilayah")
    chart = (
        alt.Chart(long)
        .mark_line(point=True, strokeWidth=3)
        .encode(
            x=alt.X(
                "day:N", sort=order, title=None, axis=alt.Axis(labelAngle=0, labelOverlap=True)
            ),
            # A share in percent with at most one decimal ('12,5', '0'), never '0,000000'.
            y=alt.Y(
                "value:Q",
                title=t("chart.share", lang),
                axis=alt.Axis(format=SHARE_FORMAT),
                scale=alt.Scale(domainMin=0),
            ),
            color=alt.Color(
                "wilayah:N",
                sort=series,
                scale=alt.Scale(range=["#0b6e4f", "#9aa5b1"]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
        )
        .properties(height=height)
    )
    # Vega's number locale, so axis labels read 12,5 as the rest of the interface does.
    return chart.configure(locale={"number": chart_numbers(lang)})


def share_spec(trend: pd.DataFrame, lang: str = "id", height: int = 220) -> dict[str, Any]:
    """`share_chart(trend, lang, height).to_dict(validate=False)`, written into a spec Altair
    made once per language, days and height: only the rows and the two names differ from one
    kecamatan to the next, and Altair builds, copies and walks its objects for every chart
    (about 19 ms, paid by each kecamatan page of a burst). tests/test_charts.py holds it equal
    to Altair's own, checked against the schema."""
    frame = trend.reset_index()
    days = [fmt_date_short(d, lang) for d in frame["date"]]
    series = [str(c) for c in trend.columns]
    stamps = pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%dT%H:%M:%S").tolist()
    values = [
        {"date": stamp, "day": day, "wilayah": name, "value": _number(value)}
        for name, column in zip(series, trend.columns, strict=True)
        for stamp, day, value in zip(stamps, days, frame[column].tolist(), strict=True)
    ]
    spec = copy.deepcopy(_template(lang, tuple(days), height))
    name = _dataset_name(values)
    spec["data"] = {"name": name}
    spec["encoding"]["color"]["sort"] = series
    spec["datasets"] = {name: values}
    return spec


@lru_cache(maxsize=32)
def _template(lang: str, days: tuple[str, ...], height: int) -> dict[str, Any]:
    """Altair's spec of a two-line chart over `days` (its rows and names put in by share_spec)."""
    blank = pd.DataFrame(
        {"a": [0.0] * len(days), "b": [0.0] * len(days)},
        index=pd.Index(pd.date_range("2000-01-01", periods=len(days)), name="date"),
    )
    spec = share_chart(blank, lang, height).to_dict(validate=False)
    spec["encoding"]["x"]["sort"] = list(days)
    spec.pop("datasets", None)
    return spec


def _number(value: object) -> float | None:
    """A share as Altair writes it: a float, or null for a day without one."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)  # type: ignore[arg-type]


def _dataset_name(values: list[dict[str, Any]]) -> str:
    """The name Altair gives inline rows (altair.vegalite.v6.api._dataset_name)."""
    if values == [{}]:
        return "empty"
    text = json.dumps(values, sort_keys=True, default=str)
    return "data-" + hashlib.sha256(text.encode()).hexdigest()[:32]

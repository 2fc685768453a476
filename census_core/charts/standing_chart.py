"""The small chart of the Kecamatan page: one region's share of target against its parent's."""

from __future__ import annotations

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

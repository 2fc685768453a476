"""Trend charts as Altair specs: built here, drawn by the page, exported as PNG or CSV."""

from __future__ import annotations

import html
import re
from datetime import date

import altair as alt
import pandas as pd

from census_core.charts.chartstyle import PAGE, Style, finish
from census_core.charts.palette import LegendItem
from census_core.standings.trend import Projection
from census_core.text import fmt_date_short, t

# Okabe-Ito: told apart by colour-blind viewers too; each 3:1 or more on the white pages.
SERIES_COLORS = list(PAGE.colors.series)
EVENT_COLOR = PAGE.colors.event
DATE_FORMAT = "%-d %b"


MAX_DATE_TICKS = 10


def date_ticks(dates: pd.Series) -> dict[str, object]:
    """Ticks on whole days only, every `step` days so at most MAX_DATE_TICKS show: a few days'
    chart would otherwise tick every few hours and write '18 Feb' under each."""
    days = pd.to_datetime(pd.Series(dates)).dropna()
    span = (days.max() - days.min()).days if len(days) else 0
    return {"interval": "day", "step": max(1, -(-span // MAX_DATE_TICKS))}


def _x(lang: str, dates: pd.Series | None = None) -> alt.X:
    ticks = date_ticks(dates if dates is not None else pd.Series([], dtype="datetime64[ns]"))
    return alt.X(
        "date:T",
        title=t("chart.date", lang),
        axis=alt.Axis(format=DATE_FORMAT, tickCount=ticks),  # type: ignore[arg-type]
    )


def short_label(text: str, limit: int = 28) -> str:
    """A note cut to fit beside its rule, at a word ("Sosialisasi SPO di kantor…"); the
    tooltip keeps the whole text."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and text[limit - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


def _event_layers(events: pd.DataFrame | None, lang: str, style: Style) -> list[alt.Chart]:
    """A dotted rule and a short label per event, so an action's effect can be seen."""
    if events is None or events.empty:
        return []
    color = style.colors.event
    data = events[["date", "text"]].copy()
    data["date"] = pd.to_datetime(data["date"])
    data["label"] = [short_label(x) for x in data["text"]]
    base = alt.Chart(data)
    rule = base.mark_rule(color=color, strokeDash=[2, 3], strokeWidth=style.stroke / 2).encode(
        x="date:T",
        tooltip=[
            alt.Tooltip("date:T", title=t("chart.date", lang), format="%-d %B %Y"),
            alt.Tooltip("text:N", title=t("chart.event", lang)),
        ],
    )
    text = base.mark_text(
        color=color,
        angle=270,
        align="right",
        baseline="bottom",
        dx=-4,
        dy=-2,
        fontSize=style.type_size(1),
    ).encode(x="date:T", y=alt.value(0), text="label:N")
    return [rule, text]


def _deadline_layers(deadline: date | None, lang: str, style: Style) -> list[alt.Chart]:
    if deadline is None:
        return []
    color = style.colors.deadline
    data = pd.DataFrame(
        {
            "date": [pd.Timestamp(deadline)],
            "label": [t("chart.deadline", lang, date=fmt_date_short(deadline, lang))],
        }
    )
    rule = alt.Chart(data).mark_rule(color=color, strokeWidth=style.stroke * 2 / 3)
    # At the foot of the rule: the top right belongs to the target's label.
    text = alt.Chart(data).mark_text(
        color=color, align="right", baseline="bottom", dx=-4, dy=-4, fontSize=style.type_size()
    )
    rule = rule.encode(x="date:T")
    text = text.encode(x="date:T", y=alt.datum(0), text="label:N")  # zero: the plot's floor
    return [rule, text]


def cumulative_chart(
    frame: pd.DataFrame,
    *,
    measure: str = "households",
    targets: pd.DataFrame | None = None,
    projections: list[Projection] | None = None,
    deadline: date | None = None,
    events: pd.DataFrame | None = None,
    lang: str = "id",
    height: int = 380,
    style: Style = PAGE,
) -> alt.LayerChart:
    """Cumulative count per region (date, name, value), each region's target as a dotted
    line, the projection to the deadline dashed, the deadline as a rule and events as marks.
    """
    series = list(style.colors.series)
    unit = t(f"measure.{measure}", lang)
    names = list(dict.fromkeys(frame["name"]))
    span = pd.Series(
        [*pd.to_datetime(frame["date"]), *([pd.Timestamp(deadline)] if deadline else [])]
    )
    color = alt.Color(
        "name:N",
        title=t("chart.region", lang),
        scale=alt.Scale(domain=names, range=series[: max(len(names), 1)]),
    )
    y = alt.Y("value:Q", title=t("chart.cumulative", lang, unit=unit), axis=alt.Axis(format=",d"))
    tooltip = [
        alt.Tooltip("name:N", title=t("chart.region", lang)),
        alt.Tooltip("date:T", title=t("chart.date", lang), format="%-d %B %Y"),
        alt.Tooltip("value:Q", title=t("chart.value", lang), format=",d"),
    ]
    layers: list[alt.Chart] = [
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(size=style.stroke * 12), strokeWidth=style.stroke)
        .encode(_x(lang, span), y, color, tooltip)
    ]
    if projections:
        proj = pd.concat([p.line() for p in projections], ignore_index=True)
        layers.append(
            alt.Chart(proj)
            .mark_line(strokeDash=[8, 5], strokeWidth=style.stroke * 5 / 6)
            .encode(_x(lang, span), y, color, tooltip)
        )
    if targets is not None and not targets.empty:
        tdata = targets[["name", "target"]].copy()
        tdata["label"] = [t("chart.target", lang, name=n) for n in tdata["name"]]
        layers.append(
            alt.Chart(tdata)
            .mark_rule(strokeDash=[2, 2], strokeWidth=style.stroke * 2 / 3)
            .encode(
                y=alt.Y("target:Q"),
                color=color,
                tooltip=[
                    alt.Tooltip("label:N", title=t("chart.region", lang)),
                    alt.Tooltip("target:Q", format=",d"),
                ],
            )
        )
        if len(tdata) == 1:  # one dotted line says what it is; several would crowd it
            # Above the line at its right end, clear of the notes at the top left; the
            # deadline's own label then sits at the foot of its rule.
            end = pd.Timestamp(deadline) if deadline is not None else frame["date"].max()
            layers.append(
                alt.Chart(tdata.assign(date=end))
                .mark_text(
                    align="right",
                    baseline="bottom",
                    dx=-6,
                    dy=-3,
                    fontSize=style.type_size(1),
                    color=series[0],
                )
                .encode(x="date:T", y=alt.Y("target:Q"), text="label:N")
            )
    layers += _deadline_layers(deadline, lang, style) + _event_layers(events, lang, style)
    return finish(alt.LayerChart(layer=layers), lang, height, style)


def daily_chart(
    frame: pd.DataFrame,
    *,
    measure: str = "households",
    events: pd.DataFrame | None = None,
    lang: str = "id",
    height: int = 300,
    style: Style = PAGE,
) -> alt.LayerChart:
    """Daily increments (date, increment, average) as bars with the 7-day average as a line."""
    unit = t(f"measure.{measure}", lang)
    title = t("chart.daily", lang, unit=unit)
    tooltip = [
        alt.Tooltip("date:T", title=t("chart.date", lang), format="%-d %B %Y"),
        alt.Tooltip("increment:Q", title=title, format=",d"),
        alt.Tooltip("average:Q", title=t("chart.average", lang), format=",.0f"),
    ]
    base = alt.Chart(frame)
    bars = base.mark_bar(color=style.colors.bars, size=12).encode(
        _x(lang, frame["date"]),
        alt.Y("increment:Q", title=title, axis=alt.Axis(format=",d")),
        tooltip=tooltip,
    )
    line = base.mark_line(color=style.colors.series[1], strokeWidth=style.stroke).encode(
        _x(lang, frame["date"]), alt.Y("average:Q"), tooltip=tooltip
    )
    layers = [bars, line, *_event_layers(events, lang, style)]
    return finish(alt.LayerChart(layer=layers), lang, height, style)


def comparison_chart(
    frame: pd.DataFrame,
    *,
    measure: str = "households",
    events: pd.DataFrame | None = None,
    lang: str = "id",
    height: int = 320,
    style: Style = PAGE,
) -> alt.LayerChart:
    """Share of target over time (date, name, percent, kind), the cards' scale; the average
    drawn grey and dashed."""
    names = list(dict.fromkeys(frame.loc[frame["kind"] == "region", "name"]))
    averages = list(dict.fromkeys(frame.loc[frame["kind"] == "average", "name"]))
    colors = list(style.colors.series[: len(names)]) + [style.colors.average] * len(averages)
    color = alt.Color(
        "name:N",
        title=t("chart.region", lang),
        scale=alt.Scale(domain=names + averages, range=colors),
    )
    y = alt.Y("percent:Q", title=t("chart.percent", lang), axis=alt.Axis(format=",.1f"))
    tooltip = [
        alt.Tooltip("name:N", title=t("chart.region", lang)),
        alt.Tooltip("date:T", title=t("chart.date", lang), format="%-d %B %Y"),
        alt.Tooltip("percent:Q", title=t("chart.percent", lang), format=",.1f"),
    ]
    lines = (
        alt.Chart(frame)
        .mark_line(strokeWidth=style.stroke)
        .encode(
            _x(lang, frame["date"]),
            y,
            color,
            strokeDash=alt.StrokeDash(
                "kind:N",
                legend=None,
                scale=alt.Scale(domain=["region", "average"], range=[[1, 0], [6, 4]]),
            ),
            tooltip=tooltip,
        )
    )
    layers = [lines, *_event_layers(events, lang, style)]
    return finish(alt.LayerChart(layer=layers), lang, height, style)


def legend_chart(items: list[LegendItem], title: str = "") -> alt.Chart:
    """A map legend as a row of swatches, so it reads like the map on any screen."""
    data = pd.DataFrame(
        {
            "i": range(len(items)),
            "color": [i.color for i in items],
            "label": [i.label for i in items],
        }
    )
    base = alt.Chart(data, title=title or alt.Undefined)
    x = alt.X("i:O", axis=None)
    # Fixed pixel rows keep the labels inside the view, where every renderer draws them.
    swatch = base.mark_square(size=420, opacity=1, filled=True).encode(
        x=x, y=alt.value(16), color=alt.Color("color:N", scale=None)
    )
    text = base.mark_text(fontSize=14, baseline="middle", color="#111111").encode(
        x=x, y=alt.value(46), text="label:N"
    )
    return (
        alt.LayerChart(layer=[swatch, text])
        .properties(height=78, width="container")
        .configure_view(stroke=None)
        .configure_title(fontSize=14, anchor="start")
    )


_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def legend_html(items: list[LegendItem], title: str = "") -> str:
    """A map legend as HTML: swatch and label kept together, the items wrapping onto more
    rows on a narrow screen, so no label runs into the next; every text escaped."""
    for item in items:
        if not _HEX.fullmatch(item.color):
            raise ValueError(f"not a colour: {item.color!r}")
    entries = "".join(
        '<span role="listitem" style="display:inline-flex;align-items:center;gap:6px;'
        'white-space:nowrap">'
        f'<span style="display:inline-block;width:18px;height:18px;border-radius:3px;'
        f'background:{item.color};border:1px solid #6b7280"></span>'
        f"<span>{html.escape(item.label)}</span></span>"
        for item in items
    )
    head = (
        f'<div style="font-weight:600;margin-bottom:4px">{html.escape(title)}</div>'
        if title
        else ""
    )
    return (
        f'<div style="font-size:14px;color:#111111">{head}'
        '<div role="list" style="display:flex;flex-wrap:wrap;gap:6px 16px">'
        f"{entries}</div></div>"
    )


def to_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """The chart as a PNG (vl-convert, no browser, no network)."""
    import vl_convert as vlc

    spec = chart.to_dict()
    if spec.get("width") == "container":
        spec["width"] = 900
    return bytes(vlc.vegalite_to_png(spec, scale=scale))


def to_csv(frame: pd.DataFrame, *, indonesian: bool = False) -> bytes:
    """A series as CSV (UTF-8 with BOM, so spreadsheet programs read it right); a share column
    is named for what it is a share of. `indonesian`: `;` between fields and decimal commas,
    as Excel set to Indonesian reads a CSV."""
    out = frame.rename(columns={"percent": "percent_of_target"})
    for column in ("date", "last_date"):
        if column in out:
            out[column] = pd.to_datetime(out[column]).dt.strftime("%Y-%m-%d")
    if indonesian:
        return out.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")
    return out.to_csv(index=False).encode("utf-8-sig")

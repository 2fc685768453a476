"""How a chart looks: its locale, colours, type sizes and line widths, on a page or a slide."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import altair as alt
from babel.dates import get_day_names, get_month_names

from census_core.charts.palette import ChartColors, chart_theme
from census_core.text import CHART_NUMBERS, CHART_TIMES, LANGS, locale

# The pages are light (Streamlit's light theme): the light colours, each 3:1 or more on white.
PAGE_COLORS = chart_theme("light")


# The chart's box's height; naming the `height` signal makes vega work it out again whenever
# the chart is resized (containerSize() alone is read once, when the chart first draws).
_CONTAINER = "(containerSize()[1] + 0 * height)"
# The height a slide's chart has on a 1920x1080 screen (presentation.CHART_HEIGHT).
SCREEN_CHART_HEIGHT = 640


@dataclass(frozen=True)
class Style:
    """How a chart is drawn: its colours, type size and line width.

    The default suits a page; `screen_style` suits the meeting screen, where the chart also
    takes the theme's background and axis colours.
    """

    colors: ChartColors = field(default=PAGE_COLORS)
    font_size: int = 13
    stroke: float = 3
    screen: bool = False

    def type_size(self, less: int = 0) -> int | dict[str, str]:
        """The type's size, `less` pixels smaller; on a screen a share of the chart's drawn
        height (the slide sizes the chart in viewport units), so the words keep their share of
        the screen on every projector: font_size at SCREEN_CHART_HEIGHT pixels."""
        size = self.font_size - less
        if not self.screen:
            return size
        return {"expr": f"max({size / 2:g}, {_CONTAINER} * {size}/{SCREEN_CHART_HEIGHT})"}


PAGE = Style()


def screen_style(theme: str) -> Style:
    """The meeting screen's style in the named theme: type for the back of the room."""
    return Style(chart_theme(theme), font_size=26, stroke=5, screen=True)


def drawn_size(size: object, chart_height: float) -> float:
    """The size in pixels a `type_size` gives in a chart drawn `chart_height` pixels tall."""
    if isinstance(size, int | float):
        return float(size)
    expr = str(size["expr"]).replace(_CONTAINER, str(chart_height))  # type: ignore[index]
    floor, share = expr.removeprefix("max(").removesuffix(")").split(", ")
    number, design = share.split("/")
    factors = number.split(" * ")
    return max(float(floor), float(factors[0]) * float(factors[1]) / float(design))


def fixed_sizes(spec: object, chart_height: float) -> object:
    """`spec` with every screen type size (`Style.type_size`) written as the pixels it comes to
    in a chart drawn `chart_height` pixels tall: a picture drawn without a page (vl-convert, for
    the deck) has no container to measure, and Vega then draws no word at all."""
    if isinstance(spec, dict):
        expr = spec.get("expr")
        if len(spec) == 1 and isinstance(expr, str) and _CONTAINER in expr:
            return drawn_size(spec, chart_height)
        return {key: fixed_sizes(value, chart_height) for key, value in spec.items()}
    if isinstance(spec, list):
        return [fixed_sizes(value, chart_height) for value in spec]
    return spec


def _names(names: Mapping[int, str]) -> list[str]:
    """Babel's month (1..12) or day (0 = Monday) names in the order d3 wants them."""
    keys = sorted(names) if 12 in names else [6, 0, 1, 2, 3, 4, 5]  # d3 weeks start on Sunday
    return [names[k] for k in keys]


def _d3_locale(lang: str) -> dict:
    """Vega's number and time locale for `lang`; month and day names come from Babel."""
    where = locale(lang)
    return {
        "number": CHART_NUMBERS[lang],
        "time": {
            **CHART_TIMES[lang],
            "periods": ["AM", "PM"],
            "days": _names(get_day_names("wide", locale=where)),
            "shortDays": _names(get_day_names("abbreviated", locale=where)),
            "months": _names(get_month_names("wide", locale=where)),
            "shortMonths": _names(get_month_names("abbreviated", locale=where)),
        },
    }


CHART_LOCALES: dict[str, dict] = {lang: _d3_locale(lang) for lang in LANGS}


def finish(chart: alt.LayerChart, lang: str, height: int, style: Style) -> alt.LayerChart:
    """Indonesian (or English) numbers and dates on the axes, in the style's type and colours."""
    size = style.type_size()
    axis: dict[str, object] = {"labelFontSize": size, "titleFontSize": size}
    legend: dict[str, object] = {"labelFontSize": size, "titleFontSize": size}
    legend.update(orient="bottom", labelLimit=260)
    out = chart.properties(height=height, width="container").configure(
        locale=CHART_LOCALES.get(lang, CHART_LOCALES["id"]), font="sans-serif"
    )
    if style.screen:
        c = style.colors
        axis.update(labelColor=c.text, titleColor=c.muted, gridColor=c.grid)
        axis.update(domainColor=c.axis, tickColor=c.axis)
        legend.update(labelColor=c.text, titleColor=c.muted, labelLimit=600, symbolSize=300)
        legend.update(orient="right", symbolStrokeWidth=style.stroke)
        out = out.properties(background=c.background).configure_view(stroke=None)
    return out.configure_axis(**axis).configure_legend(**legend)

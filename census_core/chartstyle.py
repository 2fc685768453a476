"""How a chart looks: its locale, colours, type sizes and line widths, on a page or a slide."""

from __future__ import annotations

from dataclasses import dataclass, field

import altair as alt

from census_core.palette import ChartColors, chart_theme

# The pages are light (Streamlit's light theme): the light colours, each 3:1 or more on white.
PAGE_COLORS = chart_theme("light")


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


PAGE = Style()


def screen_style(theme: str) -> Style:
    """The meeting screen's style in the named theme: type for the back of the room."""
    return Style(chart_theme(theme), font_size=26, stroke=5, screen=True)


def _words(text: str) -> list[str]:
    return text.split()


LOCALES: dict[str, dict] = {
    "id": {
        "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]},
        "time": {
            "dateTime": "%A, %e %B %Y %X",
            "date": "%d/%m/%Y",
            "time": "%H.%M.%S",
            "periods": ["AM", "PM"],
            "days": _words("Minggu Senin Selasa Rabu Kamis Jumat Sabtu"),
            "shortDays": _words("Min Sen Sel Rab Kam Jum Sab"),
            "months": _words(
                "Januari Februari Maret April Mei Juni "
                "Juli Agustus September Oktober November Desember"
            ),
            "shortMonths": _words("Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des"),
        },
    },
    "en": {
        "number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
        "time": {
            "dateTime": "%a %b %e %X %Y",
            "date": "%m/%d/%Y",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": _words("Sunday Monday Tuesday Wednesday Thursday Friday Saturday"),
            "shortDays": _words("Sun Mon Tue Wed Thu Fri Sat"),
            "months": _words(
                "January February March April May June "
                "July August September October November December"
            ),
            "shortMonths": _words("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"),
        },
    },
}


def finish(chart: alt.LayerChart, lang: str, height: int, style: Style) -> alt.LayerChart:
    """Indonesian (or English) numbers and dates on the axes, in the style's type and colours."""
    size = style.font_size
    axis: dict[str, object] = {"labelFontSize": size, "titleFontSize": size}
    legend: dict[str, object] = {"labelFontSize": size, "titleFontSize": size}
    legend.update(orient="bottom", labelLimit=260)
    out = chart.properties(height=height, width="container").configure(
        locale=LOCALES.get(lang, LOCALES["id"]), font="sans-serif"
    )
    if style.screen:
        c = style.colors
        axis.update(labelColor=c.text, titleColor=c.muted, gridColor=c.grid)
        axis.update(domainColor=c.axis, tickColor=c.axis)
        legend.update(labelColor=c.text, titleColor=c.muted, labelLimit=600, symbolSize=300)
        legend.update(orient="right", symbolStrokeWidth=style.stroke)
        out = out.properties(background=c.background).configure_view(stroke=None)
    return out.configure_axis(**axis).configure_legend(**legend)

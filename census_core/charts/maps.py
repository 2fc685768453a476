"""Choropleth maps as pydeck Decks: offline (no tiles), the boundaries are the base."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import altair as alt
import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from census_core.charts.palette import LegendItem, chart_theme
from census_core.geo.geo import Shape
from census_core.geo.labels import (
    PAGE_LABELS,
    Label,
    LabelStyle,
    Placement,
    fit,
    names_on_map,
)
from census_core.standings.pace import STATUSES, expected_text, pace_text, status_text
from census_core.text import figure_text, fmt_date, fmt_int, fmt_pct, fmt_signed, is_carried, t

# ColorBrewer YlGnBu without its near-white step: sequential, colour-blind safe, and the
# lightest class still stands out from the page on a washed-out projector.
PALETTE = ["#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"]
NO_DATA = "#d9d9d9"
# By status (Okabe-Ito, told apart by colour-blind readers): the legend names each in words.
STATUS_COLORS = {
    "reached": "#0072B2",
    "on_track": "#009E73",
    "push": "#E69F00",
    "behind": "#D55E00",
}


def _hex_rgb(color: str, alpha: int = 235) -> list[int]:
    color = color.lstrip("#")
    return [int(color[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def nice_breaks(values: pd.Series, classes: int = len(PALETTE)) -> list[float]:
    """Equal steps from 0 of a round size (1, 1.5, 2, ... 8 x 10^k) covering the largest value."""
    top = float(pd.to_numeric(values, errors="coerce").max()) if len(values) else 0.0
    if not top or math.isnan(top) or top <= 0:
        top = 1.0
    raw = top / classes
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * power >= raw)
    return [step * i for i in range(classes + 1)]


def class_of(value: object, breaks: list[float]) -> int | None:
    """Index of the class a value falls in (upper bound inclusive); None when missing."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    for i in range(1, len(breaks)):
        if float(value) <= breaks[i]:  # type: ignore[arg-type]
            return i - 1
    return len(breaks) - 2


def _fmt(value: float, by: str, lang: str) -> str:
    if by == "percent":
        return fmt_pct(value, lang, digits=0 if value == int(value) else 1).rstrip("%")
    return fmt_int(value, lang)


def legend(breaks: list[float], by: str, lang: str = "id") -> list[LegendItem]:
    """One item per colour, '0–5%' or '0–1.000', then the no-data grey."""
    unit = "%" if by == "percent" else ""
    items = [
        LegendItem(color, f"{_fmt(breaks[i], by, lang)}–{_fmt(breaks[i + 1], by, lang)}{unit}")
        for i, color in enumerate(PALETTE)
    ]
    return [*items, LegendItem(NO_DATA, t("map.no_data", lang))]


def colours_of(board: pd.DataFrame, by: str = "percent") -> dict[str, str]:
    """Each region's fill on the map `choropleth(board, ..., by=by)` draws; grey with no data.
    `by` is 'percent', 'count' or 'status' (the status against the pace needed)."""
    if by == "status":
        statuses = board["status"] if "status" in board else [None] * len(board)
        return {
            str(code): STATUS_COLORS.get(str(status), NO_DATA)
            for code, status in zip(board["code"], statuses, strict=True)
        }
    key = "percent" if by == "percent" else "count"
    if key not in board:
        return {str(code): NO_DATA for code in board["code"]}
    breaks = nice_breaks(board[key])
    out = {}
    for code, value in zip(board["code"], board[key], strict=True):
        cls = class_of(value, breaks)
        out[str(code)] = PALETTE[cls] if cls is not None else NO_DATA
    return out


def legend_of(board: pd.DataFrame, by: str, lang: str = "id") -> list[LegendItem]:
    """The legend of the map `choropleth(board, ..., by=by)` draws."""
    if by == "status":
        items = [LegendItem(STATUS_COLORS[s], status_text(s, lang)) for s in STATUSES]
        return [*items, LegendItem(NO_DATA, t("map.no_status", lang))]
    key = "percent" if by == "percent" else "count"
    return legend(nice_breaks(board[key] if key in board else pd.Series(dtype=float)), by, lang)


# The map on /peta: drawn 900x620 in a wide column; in a narrower one (a phone) as wide as the
# column and about as tall as a regency is, so the whole regency is in view at first.
PAGE_MAP = (900, 620)


def page_map_size(column_width: int | None) -> tuple[int, int]:
    """The map's width and height on a page whose main column is `column_width` pixels wide
    (None: not known yet, the desktop size)."""
    width, height = PAGE_MAP
    if column_width is None or column_width >= width:
        return width, height
    narrow = max(column_width, 240)
    return narrow, min(height, max(280, round(narrow * 0.8)))


def view_of(shapes: list[Shape], width: int = 900, height: int = 620) -> pdk.ViewState:
    """The deck's initial view: `fit`, with room to zoom in and a little out."""
    view = fit(shapes, width, height)
    return pdk.ViewState(
        longitude=view.longitude,
        latitude=view.latitude,
        zoom=view.zoom,
        min_zoom=max(view.zoom - 3, 1),
        max_zoom=view.zoom + 5,
    )


def _tooltip(
    row: dict | None, name: str, by: str, measure: str, lang: str, deadline: date | None = None
) -> str:
    """Plain text, one fact a line: the deck sets it as text, so no value is ever markup."""
    if row is None or pd.isna(row.get("count")):
        return f"{name}\n{t('map.no_data', lang)}"
    lines = [name, f"{figure_text(row, lang)} {t(f'measure.{measure}', lang)}"]
    if is_carried(row):
        lines.append(t("carried.tooltip", lang, date=fmt_date(row["last_date"], lang)))
    if not pd.isna(row.get("percent")):
        lines.append(t("map.target", lang, pct=fmt_pct(row["percent"], lang)))
    if not pd.isna(row.get("rank")):
        lines.append(t("map.rank", lang, rank=fmt_int(row["rank"], lang), of=row["of"]))
    if not pd.isna(row.get("change")):
        lines.append(t("map.change", lang, change=fmt_signed(row["change"], lang)))
    if row.get("status") is not None:
        lines.append(
            t(
                "map.pace",
                lang,
                status=status_text(row["status"], lang),
                needed=pace_text(row.get("needed_per_day"), lang),
                pace=pace_text(row.get("pace_7d"), lang),
            )
        )
        if deadline is not None:
            lines.append(expected_text(row, deadline, lang))
    return "\n".join(lines)


def unnamed_note(placement: Placement, lang: str = "id") -> str:
    """The sentence under a map naming the regions it has no room to label; empty if none."""
    names = sorted(label.text for label in placement.hidden)
    if not names:
        return ""
    return t("map.unnamed", lang, names=", ".join(names))


class CompactDeck(pdk.Deck):
    """A deck whose JSON (what Streamlit sends the browser) has no indentation: pydeck indents
    two spaces a level, four times the bytes of a regency's boundaries, and its indented
    encoding runs in pure Python, ten times slower than the compact one."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def choropleth(
    board: pd.DataFrame,
    shapes: list[Shape],
    *,
    by: str = "percent",
    measure: str = "households",
    lang: str = "id",
    layer_id: str = "wilayah",
    labels: bool = True,
    width: int = 900,
    height: int = 620,
    theme: str = "light",
    label_style: LabelStyle = PAGE_LABELS,
    first: Sequence[str] = (),
    deadline: date | None = None,
) -> CompactDeck:
    """Shapes coloured by a board's `percent` (share of target), `count` or `status` (against
    the pace needed), with tooltips (the expected day too, given the `deadline`).

    Every feature carries its region code, so a click can open that region's page. `theme`
    is the background the map is drawn on (light pages, or the meeting screen's theme): the
    borders contrast with it, so every region's edge is seen even where its fill is pale.
    Names are written where they fit without overlap on a `width` x `height` canvas
    (`names_on_map`); the others are in the tooltip.
    """
    colors = chart_theme(theme)
    rows = {str(r["code"]): r for r in board.to_dict("records")}
    ranked = int(board["rank"].notna().sum()) if "rank" in board else 0
    fills = colours_of(board, by)
    features = []
    for shape in shapes:
        row = rows.get(shape.code)
        if row is not None:
            row = {**row, "of": ranked}
        name = str(row["name"]) if row is not None else shape.name
        color = fills.get(shape.code, NO_DATA)
        features.append(
            {
                "type": "Feature",
                "geometry": shape.geometry,
                "properties": {
                    "code": shape.code,
                    "name": name,
                    "tooltip": _tooltip(row, name, by, measure, lang, deadline),
                    "fill": _hex_rgb(color),
                },
            }
        )
    texts = []
    if labels:
        shown = names_on_map(
            board, shapes, width=width, height=height, style=label_style, first=first
        ).shown
        texts = [{"position": [lb.lon, lb.lat], "text": lb.text, "code": lb.code} for lb in shown]
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            id=layer_id,
            data={"type": "FeatureCollection", "features": features},
            pickable=True,
            stroked=True,
            filled=True,
            auto_highlight=True,
            highlight_color=[255, 170, 0, 200],
            get_fill_color="properties.fill",
            get_line_color=_hex_rgb(colors.map_line, 255),
            line_width_min_pixels=1.5,
        )
    ]
    if texts:
        layers.append(
            pdk.Layer(
                "TextLayer",
                id=f"{layer_id}-label",
                data=texts,
                pickable=False,
                get_position="position",
                get_text="text",
                # Exactly `label_style.size` pixels at every zoom, as `names_on_map` measured
                # them: zooming in spreads the regions apart under names of the same size, so
                # they never come to overlap. Pixels are deck.gl's default unit; naming it
                # (size_units="pixels"), or sizing in metres, draws the text enormous in
                # Streamlit 1.67's deck (checked in Chromium).
                get_size=label_style.size,
                get_color=_hex_rgb(colors.label, 255),
                font_weight=700,
                # A light box behind each name reads on every fill. The default (ASCII)
                # character set: Streamlit's JSON converter turns a characterSet value into
                # a function, which breaks the layer.
                background=True,
                get_background_color=_hex_rgb(colors.halo, colors.halo_alpha),
                background_padding=label_style.padding,
            )
        )
    return CompactDeck(
        layers=layers,
        initial_view_state=view_of(shapes, width, height),
        # No provider and pydeck's placeholder style: Streamlit then draws no basemap and
        # fetches nothing (map_style=None would make it fall back to Carto's tiles).
        map_provider=None,
        height=height,
        tooltip={
            "text": "{tooltip}",
            "style": {
                "fontSize": "15px",
                "backgroundColor": "#1f2937",
                "color": "#ffffff",
                "whiteSpace": "pre-line",
            },
        },
    )


def selected_code(selection: object, layer_id: str = "wilayah") -> str | None:
    """The region code of the feature picked in a pydeck selection state, if any."""
    try:
        objects = selection["selection"]["objects"].get(layer_id) or []  # type: ignore[index]
    except (KeyError, TypeError, AttributeError):
        return None
    for obj in objects:
        props = obj.get("properties") if isinstance(obj, dict) else None
        code = (props or {}).get("code") if isinstance(props, dict) else None
        if isinstance(code, str):
            return code
    return None


@dataclass(frozen=True)
class Click:
    """What a click on the map means: open a kecamatan's page (`kecamatan`), show the home
    regency's kecamatan on the map (`zoom`), or tell another regency's standing (`standing`)."""

    action: str
    code: str


def click_action(code: str | None, level: str, home: str) -> Click | None:
    """What a click on region `code` of a map at `level` does; None when nothing was picked."""
    if not code:
        return None
    if level == "kecamatan":
        return Click("kecamatan", code)
    if level == "desa":
        return Click("kecamatan", code.rsplit(".", 1)[0])
    return Click("zoom" if code == home else "standing", code)


def standing_line(board: pd.DataFrame, code: str, measure: str, lang: str = "id") -> str:
    """One plain sentence on a region's place in `board`: rank, figure and share of target;
    empty when the board has no such region."""
    rows = board[board["code"] == code].to_dict("records")
    if not rows:
        return ""
    row = rows[0]
    name = str(row["name"])
    if pd.isna(row.get("count")):
        return t("map.standing_none", lang, name=name)
    ranked = int(board["rank"].notna().sum()) if "rank" in board else 0
    parts = []
    if not pd.isna(row.get("rank")):
        parts.append(t("map.standing_rank", lang, rank=fmt_int(row["rank"], lang), of=ranked))
    parts.append(f"{figure_text(row, lang)} {t(f'measure.{measure}', lang)}")
    if not pd.isna(row.get("percent")):
        parts.append(t("map.target", lang, pct=fmt_pct(row["percent"], lang)))
    return t("map.standing", lang, name=name, facts=", ".join(parts))


def still_map(
    board: pd.DataFrame,
    shapes: list[Shape],
    labels: Sequence[Label],
    *,
    by: str = "percent",
    width: int = 900,
    height: int = 620,
    theme: str = "light",
    label_size: int = 18,
) -> alt.LayerChart:
    """The map `choropleth` draws, as an Altair chart for a picture (a slide, a PDF): the same
    fills and the names `labels` places (names_on_map), on no basemap, so nothing is fetched."""
    colors = chart_theme(theme)
    fills = colours_of(board, by)
    features = [
        {
            "type": "Feature",
            "geometry": shape.geometry,
            "properties": {"code": shape.code, "fill": fills.get(shape.code, NO_DATA)},
        }
        for shape in shapes
    ]
    # Web Mercator fitted to the shapes, as the pydeck map is; the names sit at the points
    # names_on_map chose for that projection.
    projection = {"type": "mercator", "fit": {"type": "FeatureCollection", "features": features}}
    base = (
        alt.Chart(alt.Data(values=features))
        .mark_geoshape(stroke=colors.map_line, strokeWidth=1.5)
        .encode(fill=alt.Fill("properties.fill:N", scale=None))
        .project(**projection)
    )
    points = [{"lon": lb.lon, "lat": lb.lat, "text": lb.text} for lb in labels]
    text = alt.Chart(alt.Data(values=points)).encode(
        longitude="lon:Q", latitude="lat:Q", text="text:N"
    )
    # A halo under each name so it reads on every fill, then the name itself.
    halo = text.mark_text(
        fontSize=label_size, fontWeight=700, stroke=colors.halo, strokeWidth=5, fill=colors.halo
    ).project(**projection)
    names = text.mark_text(fontSize=label_size, fontWeight=700, fill=colors.label).project(
        **projection
    )
    layers = [base, halo, names] if points else [base]
    return (
        alt.layer(*layers)
        .properties(width=width, height=height, background=colors.background)
        .configure_view(stroke=None)
    )

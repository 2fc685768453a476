"""The map slide: the home regency's kecamatan coloured by share of target."""

from __future__ import annotations

from datetime import date

import pandas as pd

from census_core.charts import maps
from census_core.geo.geo import Shape
from census_core.geo.labels import SCREEN_LABELS, names_on_map
from census_core.presentation.slide import ASIDE_ROWS, CHART_HEIGHT, MAP_WIDTH, Slide
from census_core.regions import level_label, short_name
from census_core.text import fmt_date, fmt_pct, t


def map_slide(
    board: pd.DataFrame,
    shapes: list[Shape],
    within: str,
    day: date,
    lang: str,
    theme: str = "dark",
) -> Slide:
    """The kecamatan coloured by share of target; a plain message while there are no boundaries."""
    title = t("slide.map", lang, level=level_label("kecamatan", lang), within=within)
    if not shapes:
        return Slide("pending", title, message=t("slide.no_map", lang), key="map")
    chart = maps.choropleth(
        board,
        shapes,
        by="percent",
        lang=lang,
        layer_id="presentasi",
        width=MAP_WIDTH,
        height=CHART_HEIGHT,
        theme=theme,
        label_style=SCREEN_LABELS,
    )
    legend = tuple((item.color, item.label) for item in maps.legend_of(board, "percent", lang))
    subtitle = t("slide.map_sub", lang, date=fmt_date(day, lang))
    placement = names_on_map(
        board, shapes, width=MAP_WIDTH, height=CHART_HEIGHT, style=SCREEN_LABELS
    )
    return Slide(
        "map",
        title,
        subtitle,
        chart=chart,
        still=maps.still_map(
            board,
            shapes,
            placement.shown,
            width=MAP_WIDTH,
            height=CHART_HEIGHT,
            theme=theme,
            label_size=SCREEN_LABELS.size,
        ),
        legend=legend,
        aside=unnamed_rows(board, placement.hidden_codes, lang),
        aside_title=t("slide.unnamed", lang) if placement.hidden else "",
        key="map",
        notes=(subtitle, *(f"{name}: {value}" for _, name, value in _by_share(board, lang))),
    )


def _by_share(board: pd.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    """Every region of the map, highest share of target first, as `unnamed_rows` writes them."""
    return list(unnamed_rows(board, list(board["code"]), lang, limit=len(board) + 1))


def unnamed_rows(
    board: pd.DataFrame, codes: list[str], lang: str, limit: int = ASIDE_ROWS
) -> tuple[tuple[str, str, str], ...]:
    """(colour, name, share of target) of the regions a map leaves unnamed, highest share first;
    past `limit` rows the last one says how many more there are."""
    fills = maps.colours_of(board, "percent")
    rows = board[board["code"].isin(codes)].sort_values(
        ["percent", "name"], ascending=[False, True]
    )
    out = [
        (fills[str(r["code"])], short_name(str(r["name"])), fmt_pct(r["percent"], lang))
        for r in rows.to_dict("records")
    ]
    if len(out) > limit:
        out = [*out[: limit - 1], ("", t("slide.more", lang, n=len(out) - limit + 1), "")]
    return tuple(out)

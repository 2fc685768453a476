"""The slides of the meeting screen (/presentasi): what each shows, already written as text."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from census_core import charts, headline, maps, progress, trend
from census_core.chartstyle import screen_style
from census_core.geo import Shape
from census_core.labels import SCREEN_LABELS, names_on_map
from census_core.regions import LEVEL_LABELS, short_name
from census_core.settings import Settings
from census_core.snapshot import Snapshot
from census_core.text import fmt_date, fmt_int, fmt_pct, fmt_signed, ranking_title, t

ROWS_PER_SLIDE = 10
# What is left of a 1080-pixel screen under the slide's heading and above its footer and buttons.
CHART_HEIGHT = 640
# The slide's width inside its margins, and the map's share of it; the regions the map
# cannot name are listed beside it.
SLIDE_WIDTH = 1840
MAP_WIDTH = 1240
ASIDE_ROWS = 13
# Slides change on a timer tick once at least this share of the interval has passed, so a
# tick that arrives a little early still advances, and one just after a manual step does not.
DUE_SHARE = 0.8

_TEXT = {
    "id": {
        "campaign": "Sensus Penduduk Online 2020",
        "page": "halaman {page} dari {pages}",
        "col.rank": "#",
        "col.change": "Sehari",
        "col.move": "Posisi",
        "col.percent": "% target",
        "highest": "Tertinggi: {name} ({value})",
        "lowest": "Terendah: {name} ({value})",
        "tag.top": "tertinggi",
        "tag.bottom": "terendah",
        "tag.home": "kita",
        "map": "Peta capaian {level} {within}",
        "trend": "Tren menuju {date}",
        "pending": "Belum tersedia di versi ini.",
        "no_map": "Belum ada batas wilayah untuk peta. Tambahkan GeoJSON di halaman Unggah.",
        "map_sub": "Warna menurut persentase target, data s.d. {date}",
        "legend": "% dari target",
        "no_data": "Belum ada data. Unggah data harian di halaman Unggah.",
        "unnamed": "Tidak muat di peta",
        "more": "dan {n} lainnya",
    },
    "en": {
        "campaign": "Online Population Census 2020",
        "page": "page {page} of {pages}",
        "col.rank": "#",
        "col.change": "Day",
        "col.move": "Place",
        "col.percent": "% target",
        "highest": "Highest: {name} ({value})",
        "lowest": "Lowest: {name} ({value})",
        "tag.top": "highest",
        "tag.bottom": "lowest",
        "tag.home": "home",
        "map": "Map of {level} in {within}",
        "trend": "Trend towards {date}",
        "pending": "Not available in this version yet.",
        "no_map": "No boundaries for the map yet. Add GeoJSON on the Upload page.",
        "map_sub": "Coloured by share of target, data up to {date}",
        "legend": "% of target",
        "no_data": "No data yet. Upload the daily counts on the Upload page.",
        "unnamed": "Not named on the map",
        "more": "and {n} more",
    },
}


def words(lang: str) -> dict[str, str]:
    return _TEXT.get(lang, _TEXT["id"])


@dataclass(frozen=True)
class Figure:
    """One big number on the headline slide, with its label and a line under it.

    `trend` colours the line (1 up, -1 down, 0 neither); the line's own arrow or words say it too.
    """

    label: str
    value: str
    note: str = ""
    trend: int = 0


@dataclass(frozen=True)
class Row:
    """One row of a board slide, every cell already written; `tags` mark it for the eye."""

    rank: str
    name: str
    count: str
    percent: str
    change: str
    move: str
    move_sign: int = 0
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Slide:
    """One screen: a headline (figures), a board page (rows) or a placeholder (message)."""

    kind: str  # "headline", "board", "pending", "empty"
    title: str
    subtitle: str = ""
    figures: tuple[Figure, ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    callouts: tuple[str, ...] = ()
    message: str = ""
    key: str = field(default="")
    # A pdk.Deck (map) or alt.Chart (trend) the screen draws under the heading.
    chart: object = field(default=None, compare=False)
    legend: tuple[tuple[str, str], ...] = ()  # (colour, label) swatches under a map
    # Beside a map: the regions it has no room to name, as (colour, name, value), and a title.
    aside: tuple[tuple[str, str, str], ...] = ()
    aside_title: str = ""


def page_slices(n: int, size: int = ROWS_PER_SLIDE) -> list[slice]:
    """The fewest pages of at most `size` rows, as even as possible (38 -> 10, 10, 9, 9)."""
    if n <= 0:
        return []
    pages = math.ceil(n / size)
    base, extra = divmod(n, pages)
    out, start = [], 0
    for i in range(pages):
        stop = start + base + (1 if i < extra else 0)
        out.append(slice(start, stop))
        start = stop
    return out


def due(elapsed: float, interval: float) -> bool:
    """Whether a slide shown `elapsed` seconds ago should give way on a timer tick."""
    return elapsed >= interval * DUE_SHARE


def rank_move(change: object) -> tuple[str, int]:
    """'▲ 2' / '▼ 1' / '=' with its sign; the arrow says it, colour only repeats it."""
    if change is None or pd.isna(change):  # type: ignore[call-overload]
        return "", 0
    step = int(change)  # type: ignore[call-overload]
    if step > 0:
        return f"▲ {step}", 1
    if step < 0:
        return f"▼ {-step}", -1
    return "=", 0


def headline_slide(
    board: pd.DataFrame,
    home: str,
    within_name: str,
    day: date,
    settings: Settings,
    measure_label: str,
    lang: str = "id",
) -> Slide:
    """The home regency in five numbers: count, rank, share of target, days left, pace needed."""
    w = words(lang)
    row = progress.standing_of(board, home)
    name = short_name(str(row["name"])) if row else home
    subtitle = f"{w['campaign']} · {t('data_as_of', lang, date=fmt_date(day, lang))}"
    if row is None:
        return Slide("headline", name, subtitle, message=w["no_data"], key="headline")
    # The same cards as the Peringkat page (census_core.headline), drawn large.
    head = headline.headline(board, home, day, settings.deadline)
    cards = (
        []
        if head is None
        else headline.kpis(head, within_name, measure_label, settings.target_pct, lang)
    )
    if not cards:
        return Slide("headline", name, subtitle, message=w["no_data"], key="headline")
    figures = tuple(
        Figure(
            card.label,
            card.value,
            " ".join(p for p in (card.cue, card.delta, card.note) if p),
            card.trend,
        )
        for card in cards
    )
    return Slide("headline", str(row["name"]), subtitle, figures=figures, key="headline")


def board_slides(
    board: pd.DataFrame,
    title: str,
    measure_label: str,
    lang: str = "id",
    *,
    name_label: str = "",
    highlight: str | None = None,
    callouts: bool = False,
    key: str = "board",
) -> list[Slide]:
    """A board cut into pages of at most ROWS_PER_SLIDE rows, the home row and extremes tagged."""
    w = words(lang)
    ranked = board[board["rank"].notna()]
    top = set(ranked.loc[ranked["rank"] == ranked["rank"].min(), "code"]) if callouts else set()
    bottom = set(ranked.loc[ranked["rank"] == ranked["rank"].max(), "code"]) if callouts else set()
    lines: tuple[str, ...] = ()
    if callouts and not ranked.empty:
        first, last = ranked.iloc[0], ranked.iloc[-1]
        lines = (
            w["highest"].format(
                name=short_name(str(first["name"])),
                value=f"{fmt_int(first['count'], lang)} {measure_label}",
            ),
            w["lowest"].format(
                name=short_name(str(last["name"])),
                value=f"{fmt_int(last['count'], lang)} {measure_label}",
            ),
        )
    rows = []
    for rec in board.to_dict("records"):
        tags = []
        if rec["code"] == highlight:
            tags.append("home")
        if rec["code"] in top:
            tags.append("top")
        elif rec["code"] in bottom:
            tags.append("bottom")
        move, sign = rank_move(rec["rank_change"])
        rows.append(
            Row(
                rank=fmt_int(rec["rank"], lang),
                name=short_name(str(rec["name"])),
                count=fmt_int(rec["count"], lang),
                percent=fmt_pct(rec["percent"], lang),
                change=fmt_signed(rec["change"], lang),
                move=move,
                move_sign=sign,
                tags=tuple(tags),
            )
        )
    columns = (
        w["col.rank"],
        name_label,
        measure_label,
        w["col.percent"],
        w["col.change"],
        w["col.move"],
    )
    pages = page_slices(len(rows))
    return [
        Slide(
            "board",
            title,
            w["page"].format(page=i + 1, pages=len(pages)),
            columns=columns,
            rows=tuple(rows[part]),
            callouts=lines,
            key=f"{key}-{i + 1}",
        )
        for i, part in enumerate(pages)
    ]


def map_slide(
    board: pd.DataFrame,
    shapes: list[Shape],
    within: str,
    day: date,
    lang: str,
    theme: str = "dark",
) -> Slide:
    """The kecamatan coloured by share of target; a plain message while there are no boundaries."""
    w = words(lang)
    labels = LEVEL_LABELS.get(lang, LEVEL_LABELS["id"])
    title = w["map"].format(level=labels["kecamatan"], within=within)
    if not shapes:
        return Slide("pending", title, message=w["no_map"], key="map")
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
    subtitle = w["map_sub"].format(date=fmt_date(day, lang))
    placement = names_on_map(
        board, shapes, width=MAP_WIDTH, height=CHART_HEIGHT, style=SCREEN_LABELS
    )
    return Slide(
        "map",
        title,
        subtitle,
        chart=chart,
        legend=legend,
        aside=unnamed_rows(board, placement.hidden_codes, lang),
        aside_title=w["unnamed"] if placement.hidden else "",
        key="map",
    )


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
        out = [*out[: limit - 1], ("", words(lang)["more"].format(n=len(out) - limit + 1), "")]
    return tuple(out)


def trend_slide(
    snap: Snapshot, settings: Settings, day: date, lang: str, theme: str = "dark"
) -> Slide:
    """The home regency's cumulative count, its projection and target towards the deadline."""
    w = words(lang)
    title = w["trend"].format(date=fmt_date(settings.deadline, lang))
    view = trend.view(
        snap.counts_of("households"),
        snap.targets_of("households"),
        snap.regions,
        [settings.home],
        day,
        settings.deadline,
        default_share=settings.target_share,
        lang=lang,
    )
    if view.series.empty:
        return Slide("pending", title, message=w["no_data"], key="trend")
    chart = charts.cumulative_chart(
        view.series,
        targets=view.targets,
        projections=view.projections,
        deadline=settings.deadline,
        events=snap.events,
        lang=lang,
        height=CHART_HEIGHT,
        style=screen_style(theme),
    )
    return Slide("trend", title, " ".join(view.sentences), chart=chart, key="trend")


def deck(
    snap: Snapshot,
    settings: Settings,
    lang: str = "id",
    shapes: list[Shape] | None = None,
    theme: str = "dark",
) -> list[Slide]:
    """Every slide of the meeting, in order, on the latest data (households).

    `shapes` are the home regency's kecamatan boundaries for the map slide, if there are any;
    `theme` (dark or light) colours the map and the trend for the screen's background.
    """
    w = words(lang)
    day = snap.latest_date()
    if day is None:
        return [Slide("empty", w["campaign"], message=w["no_data"], key="empty")]
    home = settings.home
    province = home.split(".")[0]
    province_name = snap.regions.name(province)
    home_name = snap.regions.name(home)
    measure = t("measure.households", lang)
    labels = LEVEL_LABELS.get(lang, LEVEL_LABELS["id"])
    kab = snap.board("kabupaten", province, day, settings)
    kec = snap.board("kecamatan", home, day, settings)
    slides = [headline_slide(kab, home, province_name, day, settings, measure, lang)]
    slides += board_slides(
        kab,
        ranking_title(labels["kabupaten"], province_name, "count", day, lang),
        measure,
        lang,
        name_label=labels["kabupaten"].capitalize(),
        highlight=home,
        key="kabupaten",
    )
    slides += board_slides(
        kec,
        ranking_title(labels["kecamatan"], home_name, "count", day, lang),
        measure,
        lang,
        name_label=labels["kecamatan"].capitalize(),
        callouts=True,
        key="kecamatan",
    )
    slides.append(map_slide(kec, shapes or [], home_name, day, lang, theme))
    slides.append(trend_slide(snap, settings, day, lang, theme))
    return slides

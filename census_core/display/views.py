"""What the Peringkat and Kecamatan pages show, computed in one call each from a snapshot."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from census_core.display import boards
from census_core.display.card import CardText, card_lines
from census_core.display.headline import Headline, Kpi, headline
from census_core.display.headline_text import kpis, sentences
from census_core.regions import (
    Regions,
    level_label,
    normalize_code,
    normalize_name,
    province_of,
    short_name,
)
from census_core.settings import Settings
from census_core.standings import pace
from census_core.standings.progress import standing_of
from census_core.standings.snapshot import Snapshot
from census_core.text import fmt_date, fmt_int, ranking_title, t

GAINERS_SHOWN = 5


@dataclass(frozen=True)
class BoardView:
    """One ranking board ready to draw: its sentence, callout, rows, gainers and export rows."""

    level: str
    within: str
    label: str  # e.g. "Kecamatan di Kabupaten Jember", for a tab
    title: str
    callout: str
    full: pd.DataFrame  # every standings row (raw values)
    gained: pd.DataFrame  # every region's 7-day gain, biggest first
    board: pd.DataFrame  # standings rows after the name filter (raw values)
    rows: pd.DataFrame  # the same rows as shown
    highlight: str | None  # code of the row to highlight (the home region)
    gainers_title: str
    gainers: pd.DataFrame
    footnote: str = ""  # what the '*' beside a carried-forward figure means; empty if none


@dataclass(frozen=True)
class HomeView:
    day: date
    by: str
    headline: Headline | None
    kpis: list[Kpi]
    sentences: list[str]
    boards: list[BoardView] = field(default_factory=list)
    trend: pd.DataFrame | None = None  # the regency's share of target by day, and the province's
    card: CardText | None = None  # the regency's card to share; None before its first count
    search_hint: str = ""  # 'ketik nama, mis. Kaliwates': a kecamatan of the home regency


def measure_label(measure: str, lang: str) -> str:
    return t(f"measure.{measure}", lang)


def board_view(
    snap: Snapshot,
    settings: Settings,
    level: str,
    within: str,
    day: date,
    *,
    by: str = "count",
    measure: str = "households",
    query: str = "",
    lang: str = "id",
    status: str | None = None,
    sort_status: bool = False,
) -> BoardView:
    """The board of `level` under `within`, with its 7-day gainers, filtered by name and status
    (`sort_status`: behind first)."""
    label = measure_label(measure, lang)
    board = snap.board(level, within, day, settings, measure=measure, by=by)
    gained = _gains(snap, settings, level, within, day, measure, by)
    climbed = _climbers(snap, settings, board, level, within, day, measure, by)
    shown = boards.filter_by_name(boards.by_status(board, status, sort_status), query)
    within_name = snap.regions.name(within)
    by_text = t(f"by.{by}", lang)
    return BoardView(
        level=level,
        within=within,
        label=t("views.tab", lang, level=level_label(level, lang).capitalize(), within=within_name),
        title=ranking_title(level_label(level, lang), within_name, by, day, lang),
        callout=boards.callout(board, by, label, lang),
        full=board,
        gained=gained,
        board=shown,
        rows=boards.display_rows(shown, label, lang, settings.deadline),
        highlight=settings.home if level == "kabupaten" else None,
        gainers_title=t(
            "board.gainers_title", lang, days=boards.GAIN_DAYS, date=fmt_date(day, lang), by=by_text
        ),
        gainers=boards.climber_rows(
            boards.filter_by_name(climbed, query).head(GAINERS_SHOWN), label, lang
        ),
        footnote=boards.carried_note(shown, lang),
    )


def home_boards(home: str) -> list[tuple[str, str]]:
    """The boards of the home page, as (level, within): the province's kabupaten/kota, then
    the home regency's kecamatan."""
    return [("kabupaten", province_of(home)), ("kecamatan", home)]


def home_view(
    snap: Snapshot,
    settings: Settings,
    day: date,
    *,
    by: str = "count",
    measure: str = "households",
    query: str = "",
    lang: str = "id",
    status: str | None = None,
    sort_status: bool = False,
) -> HomeView:
    """The home regency's headline, the province's board and the regency's kecamatan board."""
    home = settings.home
    province = province_of(home)
    kw = {
        "by": by,
        "measure": measure,
        "query": query,
        "lang": lang,
        "status": status,
        "sort_status": sort_status,
    }
    views = [
        board_view(snap, settings, level, within, day, **kw)  # type: ignore[arg-type]
        for level, within in home_boards(home)
    ]
    gain, gain_pct, gain_days = _gain_of(views[0].gained, home)
    head = headline(
        views[0].full,
        home,
        day,
        settings.deadline,
        recent_gain=gain,
        recent_gain_pct=gain_pct,
        recent_days=gain_days,
    )
    label = measure_label(measure, lang)
    province_name = snap.regions.name(province)
    cards = (
        kpis(
            head,
            province_name,
            label,
            target_pct(snap, settings, home, measure),
            lang,
            with_gain=True,
        )
        if head
        else []
    )
    words = (
        sentences(
            head,
            "kabupaten",
            province_name,
            by,
            label,
            target_pct(snap, settings, home, measure),
            lang,
        )
        if head
        else []
    )
    card = (
        card_lines(
            head,
            level="kabupaten",
            within_name=province_name,
            measure_label=label,
            simulated=snap.simulated,
            address="/",
            lang=lang,
        )
        if head and head.count is not None
        else None
    )
    return HomeView(
        day=day,
        by=by,
        headline=head,
        kpis=cards,
        sentences=words,
        boards=views,
        trend=share_trend(snap, settings, home, province, day, measure, lang),
        card=card,
        search_hint=t(
            "peringkat.placeholder", lang, example=search_example(views[1].full, snap.regions, home)
        ),
    )


def target_pct(snap: Snapshot, settings: Settings, code: str, measure: str) -> float:
    """The share of its base (percent) a region's target is under the chosen source: the
    source's own share when it gives one, else CENSUS_TARGET_PCT."""
    share = snap.target_shares(measure, snap.target_source(settings)).get(code)
    if share is not None and pd.notna(share):
        return float(share) * 100.0
    return settings.target_pct


# A name fit to show as an example in the search box's hint: plain words only.
PLAIN_NAME = re.compile(r"[\w .,'()/-]+")


def search_example(board: pd.DataFrame, regions: Regions, home: str) -> str:
    """The name the search box offers as an example: the home's leading kecamatan on its
    board, or before any count its first kecamatan by name; never a region of elsewhere, nor
    a name that carries markup (a hint is no place for it)."""
    ranked = board[board["rank"].notna()].sort_values(["rank", "name"])
    names = [short_name(str(n)) for n in ranked["name"]]
    names += sorted(short_name(regions.name(c)) for c in regions.descendants(home, "kecamatan"))
    names.append(short_name(regions.name(home)))
    return next((n for n in names if PLAIN_NAME.fullmatch(n)), "")


def _week_start(
    snap: Snapshot,
    settings: Settings,
    level: str,
    within: str,
    day: date,
    measure: str,
    by: str,
) -> tuple[pd.DataFrame, date | None, pd.DataFrame | None]:
    """Where a week's gain is measured from (`pace.pace_base`): the board 7 days before `day`,
    the first day with data inside the week, and that day's board (None without one)."""
    kw = {"measure": measure, "by": by, "with_pace": False}
    before = snap.board(level, within, boards.gain_start(day), settings, **kw)  # type: ignore[arg-type]
    first_day = boards.first_day_within(snap.dates(measure), day)
    first = None if first_day is None else snap.board(level, within, first_day, settings, **kw)  # type: ignore[arg-type]
    return before, first_day, first


def _gains(
    snap: Snapshot,
    settings: Settings,
    level: str,
    within: str,
    day: date,
    measure: str,
    by: str = "count",
) -> pd.DataFrame:
    """Each region's gain over the last 7 days on the board of `level` under `within`, by the
    rule of `boards.gains`; made once per version and inputs (the home page and every
    kecamatan page of the regency read the same). Shared: read it only."""

    def make() -> pd.DataFrame:
        board = snap.board(level, within, day, settings, measure=measure, by=by)
        before, first_day, first = _week_start(snap, settings, level, within, day, measure, by)
        span = 0 if first_day is None else (day - first_day).days
        return boards.gains(board, before, by, first=first, first_days=span)

    return snap.view(("gains", repr(settings), level, within, day, measure, by), make)


def _climbers(
    snap: Snapshot,
    settings: Settings,
    board: pd.DataFrame,
    level: str,
    within: str,
    day: date,
    measure: str,
    by: str = "count",
) -> pd.DataFrame:
    """The 'paling naik' board: places and pace gained since the week's start, measured from
    where a gain is (`pace.pace_base`: 7 days ago, else the first day with data inside the
    week); none when no region had a place then: one day of counts shows no climb."""
    before, first_day, first = _week_start(snap, settings, level, within, day, measure, by)
    start = boards.gain_start(day)
    if before["rank"].isna().all() and first is not None and first_day is not None:
        start, before = first_day, first
    if before["rank"].isna().all():
        return boards.climbers(board.iloc[0:0], before, before)
    earlier = snap.board(
        level, within, boards.gain_start(start), settings, measure=measure, by=by, with_pace=False
    )
    return boards.climbers(board, before, earlier)


def _gain_of(gained: pd.DataFrame, code: str) -> tuple[object, object, int]:
    """The recent gain of one region, in count and in percentage points (None when unknown),
    and over how many days."""
    row = gained[gained["code"] == code]
    if row.empty:
        return None, None, boards.GAIN_DAYS
    return row["gain"].iloc[0], row["gain_pct"].iloc[0], int(row["gain_days"].iloc[0])


def resolve_region(text: str | None, regions: Regions, within: str, level: str) -> str | None:
    """A region of `level` under `within` named by code ('35.09.25') or name ('jelbuk')."""
    if not text:
        return None
    members = regions.descendants(within, level)
    code = normalize_code(text)
    if code in members:
        return code
    key = normalize_name(text)
    if not key:
        return None
    names = {c: normalize_name(regions.name(c)) for c in members}
    exact = [c for c, n in names.items() if n == key]
    if exact:
        return exact[0]
    partial = [c for c, n in names.items() if n.startswith(key)]
    return partial[0] if len(partial) == 1 else None


def kecamatan_options(regions: Regions, home: str) -> dict[str, str]:
    """Code -> name of every kecamatan of the home regency, by name."""
    codes = regions.descendants(home, "kecamatan")
    return dict(sorted(((c, regions.name(c)) for c in codes), key=lambda kv: kv[1].lower()))


@dataclass(frozen=True)
class KecamatanView:
    code: str
    name: str
    headline: Headline | None
    kpis: list[Kpi]
    sentences: list[str]
    trend: pd.DataFrame  # date index; this kecamatan's and the regency's share of target
    desa_title: str
    desa: pd.DataFrame | None  # None when no desa of it has a count
    desa_codes: pd.Series
    desa_footnote: str = ""  # what the '*' beside a carried-forward figure means
    card: CardText | None = None  # the kecamatan's card to share; None before its first count
    ranks: list[str] = field(default_factory=list)  # its rank by count and by share, with gaps
    projection: list[str] = field(default_factory=list)  # the range to the deadline, backtest


def rank_lines(
    by_count: pd.DataFrame, by_share: pd.DataFrame, code: str, unit: str, lang: str = "id"
) -> list[str]:
    """'Peringkat 31 dari 31 menurut jumlah: 60 KK lagi untuk menyusul Sukorambi.', and the
    same by share of target; a board without the region or a rank says nothing."""
    out = []
    for by, board in (("count", by_count), ("percent", by_share)):
        row = standing_of(board, code)
        if row is None or pd.isna(row["rank"]):  # type: ignore[call-overload]
            continue
        if row["above_name"] is None or pd.isna(row["gap"]):  # type: ignore[call-overload]
            gap = t("pace.rank_first", lang)
        else:
            gap = t(
                "pace.rank_gap",
                lang,
                gap=fmt_int(row["gap"], lang),
                unit=unit,
                name=str(row["above_name"]),
            )
        out.append(
            t(
                "pace.rank_line",
                lang,
                rank=row["rank"],
                of=row["of"],
                by=t(f"by.{by}", lang),
                gap=gap,
            )
        )
    return out


def projection_lines(
    snap: Snapshot, settings: Settings, code: str, day: date, measure: str, lang: str = "id"
) -> list[str]:
    """The region's projection as a range (last week's pace, best week's) and last week's
    projection against today's figure, from its figure on every day (`figure_series`)."""
    dates = snap.dates(measure)
    if not dates or day < dates[0]:
        return []
    days = pd.date_range(dates[0], day, freq="D")
    figures = snap.series(code, days, measure)["value"]
    target = snap.target_by_region(
        measure, settings.target_share, snap.target_source(settings)
    ).get(code)
    goal = int(target) if target is not None and target > 0 else None
    found = pace.pace_range(figures, day, settings.deadline, goal)
    return [] if found is None else pace.range_sentences(found, measure_label(measure, lang), lang)


def kecamatan_view(
    snap: Snapshot,
    settings: Settings,
    day: date,
    code: str,
    *,
    measure: str = "households",
    lang: str = "id",
) -> KecamatanView:
    """Where one kecamatan stands in the home regency: rank, gap, pace, trend and its desa."""
    home = settings.home
    label = measure_label(measure, lang)
    board = snap.board("kecamatan", home, day, settings, measure=measure)
    gained = _gains(snap, settings, "kecamatan", home, day, measure)
    gain, gain_pct, gain_days = _gain_of(gained, code)
    head = headline(
        board,
        code,
        day,
        settings.deadline,
        recent_gain=gain,
        recent_gain_pct=gain_pct,
        recent_days=gain_days,
    )
    home_name = snap.regions.name(home)
    name = snap.regions.name(code)
    pct = target_pct(snap, settings, code, measure)
    cards = kpis(head, home_name, label, pct, lang, with_gap=True) if head else []
    words = (
        sentences(
            head,
            "kecamatan",
            home_name,
            "count",
            label,
            pct,
            lang,
        )
        if head
        else []
    )
    by_share = snap.board("kecamatan", home, day, settings, measure=measure, by="percent")
    desa = snap.board("desa", code, day, settings, measure=measure)
    desa_rows = (
        boards.display_rows(desa, label, lang, settings.deadline)
        if desa["count"].notna().any()
        else None
    )
    return KecamatanView(
        code=code,
        name=name,
        headline=head,
        kpis=cards,
        sentences=words,
        trend=share_trend(snap, settings, code, home, day, measure, lang),
        desa_title=t("views.desa", lang, name=name),
        desa=desa_rows,
        desa_codes=desa["code"].reset_index(drop=True),
        desa_footnote=boards.carried_note(desa, lang) if desa_rows is not None else "",
        card=card_lines(
            head,
            level="kecamatan",
            within_name=home_name,
            measure_label=label,
            simulated=snap.simulated,
            address=kecamatan_address(snap.regions, home, code),
            lang=lang,
        )
        if head and head.count is not None
        else None,
        ranks=rank_lines(board, by_share, code, label, lang),
        projection=projection_lines(snap, settings, code, day, measure, lang),
    )


def kecamatan_address(regions: Regions, home: str, code: str) -> str:
    """The kecamatan page's short address: by name when the name finds it again, else by code."""
    name = normalize_name(regions.name(code))
    found = resolve_region(name, regions, home, "kecamatan")
    return f"/kecamatan?wilayah={name if found == code else code}"


def share_trend(
    snap: Snapshot,
    settings: Settings,
    code: str,
    parent: str,
    day: date,
    measure: str = "households",
    lang: str = "id",
) -> pd.DataFrame:
    """Share of target by date up to `day`: the region against its parent as a whole."""
    # Targets and lines drawn once per snapshot (Snapshot.target_by_region, Snapshot.series):
    # every kecamatan's page draws the same regency line beside its own.
    target = snap.target_by_region(measure, settings.target_share, snap.target_source(settings))
    days = pd.to_datetime([x for x in snap.dates(measure) if x <= day])
    # The line drawn on every day from the first (the projection's, kept by the snapshot), read
    # on the days with data: a day's figure does not depend on the other days asked for.
    every_day = pd.date_range(days[0], day, freq="D") if len(days) else days
    this_col = snap.regions.name(code)
    avg_col = t("average_of", lang, name=short_name(snap.regions.name(parent)))
    frame = pd.DataFrame(index=pd.Index(days, name="date"))
    for col, region in ((this_col, code), (avg_col, parent)):
        goal = target.get(region)
        # A region's figure on each day, as the boards see it (`progress.figure_series`).
        values = snap.series(region, every_day, measure)["value"].reindex(days)
        frame[col] = (values / goal * 100).round(2) if goal and goal > 0 else float("nan")
    return frame

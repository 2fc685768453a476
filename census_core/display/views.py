"""What the Peringkat and Kecamatan pages show, computed in one call each from a snapshot."""

from __future__ import annotations

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
from census_core.standings.snapshot import Snapshot
from census_core.text import fmt_date, ranking_title, t

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
) -> BoardView:
    """The board of `level` under `within`, with its 7-day gainers, filtered by name."""
    label = measure_label(measure, lang)
    board = snap.board(level, within, day, settings, measure=measure, by=by)
    start = boards.gain_start(day)
    before = snap.board(level, within, start, settings, measure=measure, by=by)
    gained = boards.gains(board, before, by)
    shown = boards.filter_by_name(board, query)
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
        rows=boards.display_rows(shown, label, lang),
        highlight=settings.home if level == "kabupaten" else None,
        gainers_title=t(
            "board.gainers_title", lang, days=boards.GAIN_DAYS, date=fmt_date(day, lang), by=by_text
        ),
        gainers=boards.gainer_rows(
            boards.filter_by_name(gained, query).head(GAINERS_SHOWN), label, lang
        ),
        footnote=boards.carried_note(shown, lang),
    )


def home_view(
    snap: Snapshot,
    settings: Settings,
    day: date,
    *,
    by: str = "count",
    measure: str = "households",
    query: str = "",
    lang: str = "id",
) -> HomeView:
    """The home regency's headline, the province's board and the regency's kecamatan board."""
    home = settings.home
    province = province_of(home)
    kw = {"by": by, "measure": measure, "query": query, "lang": lang}
    views = [board_view(snap, settings, "kabupaten", province, day, **kw)]  # type: ignore[arg-type]
    views.append(board_view(snap, settings, "kecamatan", home, day, **kw))  # type: ignore[arg-type]
    gain, gain_pct = _gain_of(views[0].gained, home)
    head = headline(
        views[0].full, home, day, settings.deadline, recent_gain=gain, recent_gain_pct=gain_pct
    )
    label = measure_label(measure, lang)
    province_name = snap.regions.name(province)
    cards = (
        kpis(head, province_name, label, settings.target_pct, lang, with_gain=True) if head else []
    )
    words = (
        sentences(
            head,
            "kabupaten",
            province_name,
            by,
            label,
            settings.target_pct,
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
    )


def _gain_of(gained: pd.DataFrame, code: str) -> tuple[object, object]:
    """The 7-day gain of one region, in count and in percentage points (None when unknown)."""
    row = gained[gained["code"] == code]
    return (None, None) if row.empty else (row["gain"].iloc[0], row["gain_pct"].iloc[0])


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
    before = snap.board("kecamatan", home, boards.gain_start(day), settings, measure=measure)
    gain, gain_pct = _gain_of(boards.gains(board, before), code)
    head = headline(board, code, day, settings.deadline, recent_gain=gain, recent_gain_pct=gain_pct)
    home_name = snap.regions.name(home)
    name = snap.regions.name(code)
    cards = kpis(head, home_name, label, settings.target_pct, lang, with_gap=True) if head else []
    words = (
        sentences(
            head,
            "kecamatan",
            home_name,
            "count",
            label,
            settings.target_pct,
            lang,
        )
        if head
        else []
    )
    desa = snap.board("desa", code, day, settings, measure=measure)
    desa_rows = boards.display_rows(desa, label, lang) if desa["count"].notna().any() else None
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
    target = snap.target_by_region(measure, settings.target_share)
    days = pd.to_datetime([x for x in snap.dates(measure) if x <= day])
    this_col = snap.regions.name(code)
    avg_col = t("average_of", lang, name=short_name(snap.regions.name(parent)))
    frame = pd.DataFrame(index=pd.Index(days, name="date"))
    for col, region in ((this_col, code), (avg_col, parent)):
        goal = target.get(region)
        # A region's figure on each day, as the boards see it (`progress.figure_series`).
        values = snap.series(region, days, measure)["value"]
        frame[col] = (values / goal * 100).round(2) if goal and goal > 0 else float("nan")
    return frame

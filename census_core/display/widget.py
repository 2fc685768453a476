"""The widget of /widget: one region's figure, rank and share of target, for a small iframe."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from census_core.display.headline import headline
from census_core.display.views import resolve_region
from census_core.regions import Regions, UnknownRegion, normalize_code, province_of
from census_core.settings import Settings
from census_core.standings.snapshot import Snapshot
from census_core.text import CARRIED_MARK, fmt_date, fmt_int, fmt_pct, t


@dataclass(frozen=True)
class WidgetView:
    """What the widget's panel says, every text written and none of it escaped yet."""

    code: str
    name: str
    measure: str  # "KK"
    figure: str  # "36.464", with '*' when carried forward from an earlier day
    rank_label: str  # "Peringkat di Jawa Timur"
    rank: str  # "1 dari 38"
    share: float  # the bar's width, 0 to 100
    share_text: str  # "Capaian target 52,3%"
    date: str  # "Data s.d. 5 Maret 2020" (and the day of a carried figure)
    credit: str  # "Pantau Sensus · Data simulasi"


def widget_region(text: str | None, regions: Regions, home: str) -> str | None:
    """The home regency when `text` is empty, else it or one of its kecamatan by code or name."""
    if not text or not text.strip():
        return home
    if normalize_code(text) == home:
        return home
    # A name or code of a kecamatan, as the Kecamatan page reads its link.
    return resolve_region(text, regions, home, "kecamatan")


def widget_view(
    snap: Snapshot,
    settings: Settings,
    day: date,
    code: str,
    lang: str = "id",
    *,
    measure: str = "households",
) -> WidgetView:
    """The panel of `code` (the home regency or one of its kecamatan) on its board on `day`."""
    home = settings.home
    if code == home:
        within, level = province_of(home), "kabupaten"
    elif code in snap.regions.descendants(home, "kecamatan"):
        within, level = home, "kecamatan"
    else:
        raise UnknownRegion(code)
    board = snap.board(level, within, day, settings, measure=measure)
    head = headline(board, code, day, settings.deadline)
    if head is None:  # every region under `within` is on its board
        raise UnknownRegion(code)
    carried = head.stale and head.last_date is not None and head.count is not None
    when = t("data_as_of", lang, date=fmt_date(day, lang))
    if carried:
        when += " · " + t("widget.carried", lang, date=fmt_date(head.last_date, lang))
    share = 0.0 if head.percent is None else max(0.0, min(head.percent, 100.0))
    return WidgetView(
        code=code,
        name=head.name,
        measure=t(f"measure.{measure}", lang),
        figure=fmt_int(head.count, lang) + (CARRIED_MARK if carried else ""),
        rank_label=t("headline.rank", lang, within=snap.regions.name(within)),
        rank=t("headline.rank_value", lang, rank=head.rank or "–", of=head.of),
        share=share,
        share_text=f"{t('headline.percent', lang)} {fmt_pct(head.percent, lang)}",
        date=when,
        credit=t("widget.credit_simulated" if snap.simulated else "widget.credit", lang),
    )

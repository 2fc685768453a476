"""A meeting screen that holds still: the snapshot and day it shows, and the badge saying so."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from babel.dates import format_time

from census_core.display.freshness import LOCAL_TZ
from census_core.standings.snapshot import Snapshot
from census_core.text import fmt_date, locale, t, template


@dataclass(frozen=True)
class Frozen:
    """The slides held at one moment: the store as it was (`snap`), the day shown, since when.

    `by_url` is true when the day came from `?asof=` rather than the screen's freeze button.
    """

    snap: Snapshot
    day: date | None
    since: datetime
    by_url: bool = False

    def badge(self, lang: str = "id") -> str:
        """'Dibekukan: data s.d. 5 Maret 2020, sejak 09.12 WIB'."""
        since = format_time(
            self.since,
            template("present.since_pattern", lang),
            tzinfo=LOCAL_TZ,
            locale=locale(lang),
        )
        return t("present.frozen", lang, date=fmt_date(self.day, lang), time=since)

    def outdated(self, version: str) -> bool:
        """Whether the store has moved on from what the slides hold (new data to announce)."""
        return version != self.snap.version


def asof_day(text: str | None) -> date | None:
    """The day of `?asof=2020-03-05`; None when absent or not such a date."""
    if not text:
        return None
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None

"""Words and number formats of the interface: Bahasa Indonesia by default, English on request."""

from __future__ import annotations

import functools
from datetime import date, datetime
from typing import TypeVar

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from census_core.words import CATALOGUE

LANGS = ("id", "en")
LANG_NAMES = {"id": "Bahasa Indonesia", "en": "English"}  # each in its own language
T = TypeVar("T")
LOCALES = {"id": "id_ID", "en": "en_US"}  # Babel's locale for each language of the interface
# Vega's (d3's) number and time formats, so chart axes write 12,5 and dates as the rest does.
CHART_NUMBERS = {
    "id": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
}
CHART_TIMES = {
    "id": {"dateTime": "%A, %e %B %Y %X", "date": "%d/%m/%Y", "time": "%H.%M.%S"},
    "en": {"dateTime": "%a %b %e %X %Y", "date": "%m/%d/%Y", "time": "%H:%M:%S"},
}


def _side(lang: str) -> int:
    """0 for Indonesian (also for an unknown language), 1 for English."""
    return 1 if lang == "en" else 0


def pick(lang: str, indonesian: T, english: T) -> T:
    """`indonesian` or `english` by `lang`: for values that come in both, such as a problem's."""
    return english if _side(lang) else indonesian


def template(key: str, lang: str = "id") -> str:
    """The catalogue's text for `key` in `lang`, placeholders left as they are."""
    return CATALOGUE[key][_side(lang)]


def known(key: str) -> bool:
    """Whether the catalogue has `key`, e.g. for a reason code that may have no words of its own."""
    return key in CATALOGUE or f"{key}.other" in CATALOGUE


def t(key: str, lang: str = "id", **values: object) -> str:
    """The sentence for `key` in `lang`, with values filled in.

    A plural key (`<key>.one` / `<key>.other` in the catalogue) picks its form by `n`.
    """
    if key not in CATALOGUE and f"{key}.other" in CATALOGUE:
        form = Locale.parse(locale(lang)).plural_form(values["n"])  # type: ignore[arg-type]
        key = f"{key}.{'one' if form == 'one' else 'other'}"
    return template(key, lang).format(**values)


def locale(lang: str) -> str:
    """Babel's locale for `lang`: 'id_ID' or 'en_US'."""
    return LOCALES[lang] if lang in LOCALES else LOCALES["id"]


def chart_numbers(lang: str) -> dict:
    """Vega's number locale for `lang`: decimal comma and thousands dot in Indonesian."""
    return CHART_NUMBERS["en" if _side(lang) else "id"]


def fmt_int(value: object, lang: str = "id") -> str:
    """36464 -> '36.464' (id) or '36,464' (en); missing -> '–'."""
    if value is None or pd.isna(value):  # type: ignore[arg-type]
        return "–"
    return format_decimal(int(value), locale=locale(lang))  # type: ignore[call-overload]


def fmt_signed(value: object, lang: str = "id") -> str:
    """+1.234 / −56 / 0."""
    if value is None or pd.isna(value):  # type: ignore[arg-type]
        return "–"
    number = int(value)  # type: ignore[call-overload]
    text = fmt_int(abs(number), lang)
    return f"+{text}" if number > 0 else (f"−{text}" if number < 0 else text)


def fmt_pct(value: object, lang: str = "id", digits: int = 1) -> str:
    """12.5 (already a percentage) -> '12,5%'."""
    if value is None or pd.isna(value):  # type: ignore[arg-type]
        return "–"
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    text = format_decimal(float(value), format=pattern, locale=locale(lang))  # type: ignore[arg-type]
    return f"{text}%"


def fmt_signed_pct(value: object, lang: str = "id") -> str:
    """+2,4 / −0,3 percentage points."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return "–"
    number = round(float(value), 1)  # type: ignore[arg-type]
    text = fmt_pct(abs(number), lang).rstrip("%")
    return f"+{text}" if number > 0 else (f"−{text}" if number < 0 else text)


def _as_date(value: date | datetime | pd.Timestamp) -> date:
    return pd.Timestamp(value).date()


@functools.lru_cache(maxsize=4096)
def _formatted(day: date, pattern: str, lang: str) -> str:
    """A day in a CLDR pattern: a campaign has about a hundred days, written thousands of
    times (every row of every chart and board), and Babel takes tens of microseconds each."""
    return format_date(day, pattern, locale=locale(lang))


def fmt_date(value: date | datetime | pd.Timestamp | None, lang: str = "id") -> str:
    """'5 Maret 2020' / '5 March 2020'."""
    if value is None or pd.isna(value):
        return "–"
    return _formatted(_as_date(value), "d MMMM y", lang)


def fmt_day_month(value: date | datetime | pd.Timestamp, lang: str = "id") -> str:
    """'5 Maret' / '5 March': a day of the campaign, whose year goes without saying."""
    return _formatted(_as_date(value), "d MMMM", lang)


def fmt_date_short(value: date | datetime | pd.Timestamp | None, lang: str = "id") -> str:
    """'5 Mar' for axes and tight tables."""
    if value is None or pd.isna(value):
        return "–"
    return _formatted(_as_date(value), "d MMM", lang).rstrip(".")


def stale_note(last_date: object, lang: str = "id") -> str:
    """'data 3 Maret': the day a carried-forward figure is really from."""
    day = pd.Timestamp(last_date).date()  # type: ignore[arg-type]
    return t("stale", lang, date=fmt_day_month(day, lang))


# A figure carried forward from an earlier day is marked where it is written, so the mark
# survives a phone's narrow table where a notes column falls off-screen.
CARRIED_MARK = "*"


def is_carried(row: dict | pd.Series) -> bool:
    """True for a figure that is a region's last report from before the board's day."""
    stale = row.get("stale")
    return stale is not None and not pd.isna(stale) and bool(stale) and not pd.isna(row["count"])


def figure_text(row: dict | pd.Series, lang: str = "id") -> str:
    """A board's count as written: '36.464', or '36.464*' when carried forward."""
    return fmt_int(row["count"], lang) + (CARRIED_MARK if is_carried(row) else "")


def ranking_title(level_label: str, within_name: str, by: str, day: date, lang: str = "id") -> str:
    """The sentence above a board: which regions, ranked how, on what data."""
    return t(
        "ranking_title",
        lang,
        level=level_label,
        within=within_name,
        by=t(f"by.{by}", lang),
        date=fmt_date(day, lang),
    )


def target_name(source: str | None, pct: float, lang: str = "id") -> str:
    """How a share names its target: 'target Pemkab 50%'; the unnamed one ("") by its share
    of the base `pct`, 'target 50%'; 'tanpa target' (None) where there is none. A row measured
    by a fallback names it as its target_source says: 'target 50% (Penduduk 100%)'."""
    if source is None:
        return t("target.none", lang)
    if source == "":
        return t("target.unnamed", lang, pct=fmt_pct(pct, lang, 0))
    return t("target.named", lang, name=source)


def share_of_target(percent: object, label: str, lang: str = "id") -> str:
    """'11,1% dari target Pemkab 50%'."""
    return t("target.share", lang, pct=fmt_pct(percent, lang), target=label)

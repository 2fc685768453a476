"""The shared sidebar: the "as of" date, the language and the data's freshness."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache

import streamlit as st

from census_core.display.attention import target_label
from census_core.display.freshness import freshness_line
from census_core.markup import md_escape as md
from census_core.settings import Settings
from census_core.standings.snapshot import Snapshot
from census_core.text import LANG_NAMES, fmt_date, t

MEASURES = ("households", "persons")
# The SPO's own words, the same in both languages, so the widget's options never change.
MEASURE_NAMES = {"households": "KK (keluarga)", "persons": "Jiwa"}


def lang() -> str:
    """The interface language chosen in the sidebar ('id' until the user picks English)."""
    value = st.session_state.get("lang", "id")
    return value if value in LANG_NAMES else "id"


def measure() -> str:
    """The measure shown: families (KK), the campaign's unit of progress, unless persons chosen."""
    value = st.session_state.get("measure", "households")
    return value if value in MEASURES else "households"


def as_of(snap: Snapshot) -> date | None:
    """The date the user looks at: their choice, or the latest with data."""
    days = snap.dates()
    chosen = st.session_state.get("as_of")
    if chosen in days:
        return chosen  # type: ignore[no-any-return]
    return days[-1] if days else None


def with_target(snap: Snapshot, settings: Settings) -> Settings:
    """The settings with the target source chosen in the sidebar, when the store has it."""
    chosen = st.session_state.get("target_source")
    if isinstance(chosen, str) and chosen in snap.target_sources():
        return replace(settings, target_source=chosen)
    return settings


def _target_choice(snap: Snapshot, settings: Settings) -> None:
    """Which target shares are measured against: one of the stored sources."""
    sources = snap.target_sources()
    if len(sources) < 2:
        return
    if st.session_state.get("target_source") not in sources:
        st.session_state["target_source"] = snap.target_source(settings)
    code = lang()
    st.selectbox(
        t("target.choose", code),
        options=sources,
        key="target_source",
        format_func=lambda s: target_label(s, settings, code),
    )


@lru_cache(maxsize=8)
def _day_labels(days: tuple[date, ...], lang: str) -> dict[date, str]:
    # Written once per list of days: the selectbox asks for every option's label on every run.
    # lru_cache, not st.cache_resource: Streamlit hashes a hundred dates by value on every run
    # (6 ms of each page's run), Python hashes the tuple in microseconds.
    return {day: fmt_date(day, lang) for day in days}


def _choose_day(widget: str) -> None:
    st.session_state["as_of"] = st.session_state[widget]


def language() -> None:
    """The language choice, in the sidebar."""
    st.sidebar.radio(
        "Bahasa / Language",
        options=list(LANG_NAMES),
        key="lang",
        horizontal=True,
        format_func=LANG_NAMES.__getitem__,
    )


def _from_url(days: list[date]) -> None:
    """A shared link's measure and day (?measure=persons&asof=2020-03-01), taken once per new
    link, so the reader's own choices afterwards stand."""
    wanted = (st.query_params.get("measure"), st.query_params.get("asof"))
    if wanted == (None, None) or st.session_state.get("_from_url") == wanted:
        return
    st.session_state["_from_url"] = wanted
    if wanted[0] in MEASURES:
        st.session_state["measure"] = wanted[0]
    try:
        day = date.fromisoformat(wanted[1] or "")
    except ValueError:
        return
    if day in days:
        st.session_state["as_of"] = day


def render(snap: Snapshot, settings: Settings) -> None:
    """The rest of the sidebar, below the language choice: measure, target, day and freshness."""
    _from_url(snap.dates())
    with st.sidebar:
        st.radio(
            t("sidebar.measure", lang()),
            options=list(MEASURES),
            key="measure",
            horizontal=True,
            format_func=MEASURE_NAMES.__getitem__,
        )
        _target_choice(snap, settings)
        days = snap.dates()
        if days:
            # A new upload may remove the chosen day; fall back to the latest instead of failing.
            if st.session_state.get("as_of") not in days:
                st.session_state["as_of"] = days[-1]
            # "as_of" holds the choice; the widget has a key per language, because a selectbox
            # remembers its option by the label it showed ("5 Maret 2020"), which the other
            # language no longer offers.
            code = lang()
            widget = f"as_of_{code}"
            if st.session_state.get(widget) != st.session_state["as_of"]:
                st.session_state[widget] = st.session_state["as_of"]
            st.selectbox(
                t("sidebar.as_of", code),
                options=days,
                key=widget,
                format_func=_day_labels(tuple(days), code).__getitem__,  # this language, fixed
                on_change=_choose_day,
                args=(widget,),
            )
        line = freshness_line(snap.latest_date(), snap.last_upload(), snap.simulated, lang())
        st.caption(md(line))

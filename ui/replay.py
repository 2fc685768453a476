"""The replay: a Putar/Jeda button that steps the shared "as of" date through the days."""

from __future__ import annotations

import time
from datetime import date

import streamlit as st

from census_core.standings import trend
from census_core.text import t

EVERY = 1.5  # seconds a day stays on screen


def _start(days: list[date]) -> None:
    st.session_state["as_of"] = trend.replay_start(days, st.session_state.get("as_of"))
    st.session_state["replay"] = True
    st.session_state["replay_at"] = time.monotonic()


def _stop() -> None:
    st.session_state["replay"] = False


def control(days: list[date], lang: str) -> None:
    """The button; while playing, a fragment moves to the next day every EVERY seconds."""
    playing = bool(st.session_state.get("replay"))
    if playing:
        st.button(
            t("tren.pause", lang), key="replay_pause", icon=":material/pause:", on_click=_stop
        )
    else:
        st.button(
            t("tren.play", lang),
            key="replay_play",
            icon=":material/play_arrow:",
            help=t("tren.play_help", lang),
            on_click=_start,
            args=(days,),
        )
    if playing:
        _tick(days)


@st.fragment(run_every=EVERY)
def _tick(days: list[date]) -> None:
    # A whole-page run (the one the last step asked for) shows the day; a timer run steps.
    if time.monotonic() - st.session_state.get("replay_at", 0.0) < EVERY * 0.9:
        return
    following = trend.replay_next(days, st.session_state.get("as_of"))
    st.session_state["replay_at"] = time.monotonic()
    if following is None:
        st.session_state["replay"] = False
    else:
        st.session_state["as_of"] = following
    st.rerun(scope="app")

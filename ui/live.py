"""Live updates on every page: poll the store's cheap version, rerun the page when it moves."""

from __future__ import annotations

import html
from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from census_core.markup import md_escape
from census_core.standings import changes
from census_core.standings.snapshot import Snapshot
from census_core.storefaults import StoreFault
from ui import state

# One tiny query per open page every few seconds; a new batch shows well within 30 s.
POLL_SECONDS = 5
_VERSION = "live_version"
_BOARDS = "live_boards"
_LATEST = "live_latest"
_BATCHES = "live_batches"
_NOTICE = "live_notice"


@st.cache_resource(max_entries=4, show_spinner=False)
def _watched(_snap: Snapshot, url: str, version: str, home: str) -> list[pd.DataFrame]:
    # Keyed on the version: every session at that version shares one computation.
    return changes.watched_boards(_snap, state.settings())


def _refresh() -> None:
    """On a full run: remember what this session shows; if it had older data, note what moved."""
    snap = state.snapshot()
    seen = st.session_state.get(_VERSION)
    if seen == snap.version:
        return
    settings = state.settings()
    boards = _watched(snap, settings.db_url, snap.version, settings.home)
    before = st.session_state.get(_BOARDS)
    batches = snap.batches[["id", "undone"]].copy() if len(snap.batches) else pd.DataFrame()
    if seen is not None and before is not None:
        found = changes.changes_between(before, boards, settings.home)
        # The batches tell what happened: an upload, or an undo whose figures go back.
        cause = changes.cause_between(st.session_state.get(_BATCHES, pd.DataFrame()), batches)
        st.session_state[_NOTICE] = changes.Notice(datetime.now(UTC), cause, tuple(found))
        # A reader who was looking at the newest day keeps looking at the newest day.
        if st.session_state.get("as_of") == st.session_state.get(_LATEST):
            st.session_state["as_of"] = snap.latest_date()
    st.session_state[_VERSION] = snap.version
    st.session_state[_BOARDS] = boards
    st.session_state[_BATCHES] = batches
    st.session_state[_LATEST] = snap.latest_date()


def notice() -> changes.Notice | None:
    """What changed at the last refresh, if anything did."""
    saved = st.session_state.get(_NOTICE)
    return saved if isinstance(saved, changes.Notice) else None


def notice_html(lang: str = "id", *, style: str = "") -> str:
    """The notice as one line of HTML, region names escaped; empty when nothing changed yet.

    The whole text is also its title, so a line cut short on a screen can still be read.
    """
    found = notice()
    if found is None:
        return ""
    title = found.title(lang)
    body = " · ".join(html.escape(line) for line in found.lines(lang))
    attr = f' style="{html.escape(style)}"' if style else ""
    return (
        f'<div class="live-notice" data-testid="live-notice" role="status"'
        f' title="{html.escape(found.text(lang))}"{attr}>'
        f"<b>{html.escape(title)}</b>: {body}</div>"
    )


_STYLE = """<style>
.live-notice { padding: .5rem .9rem; border-left: .3rem solid #0072b2;
  background: rgba(0, 114, 178, .08); border-radius: .3rem; }
</style>"""


@st.fragment(run_every=POLL_SECONDS)
def _poll(lang: str, show: bool) -> None:
    try:
        version = state.store().version()
    except StoreFault as failed:  # say so here; the first poll that gets an answer reruns
        st.session_state[_VERSION] = None
        st.error(md_escape(failed.message(lang)))
        return
    if st.session_state.get(_VERSION) != version:
        st.rerun(scope="app")
    if show and (line := notice_html(lang)):
        st.html(_STYLE + line)


def watch(lang: str = "id", *, show: bool = True) -> None:
    """Call once per run before the sidebar; `show=False` leaves drawing the notice to the page."""
    _refresh()
    _poll(lang, show)


@st.fragment(run_every=POLL_SECONDS)
def _retry() -> None:
    """Try the store again until it answers, then run the whole page again."""
    try:
        state.store().version()
    except StoreFault:
        return
    st.rerun(scope="app")


def retry(fault: StoreFault) -> None:
    """After a store fault was shown (ui.errors): forget what this run showed and keep trying
    the store until it answers, unless the fault is a setting, which does not mend itself."""
    st.session_state.pop(_VERSION, None)  # nothing of this run was shown from the store
    if fault.reason != "bad_url":  # a server or a lock may come back; a bad URL stays bad
        _retry()

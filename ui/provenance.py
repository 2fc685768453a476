"""Where a figure came from, one click from its row: the core's sentence and the history."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import streamlit as st

from census_core.markup import md_escape
from census_core.standings.snapshot import Snapshot
from census_core.text import t
from ui import cached


def origin(snap: Snapshot, day: date, code: str, measure: str, lang: str, key: str) -> None:
    """The sentence saying which upload set the figure, then the region's history of changes."""
    st.markdown(md_escape(cached.provenance_of(snap, code, day, measure).sentence(lang)))
    rows = cached.history_table(snap, code, measure, lang)
    st.caption(t("origin.history", lang))
    if rows.empty:
        st.caption(t("origin.no_history", lang))
        return
    st.dataframe(rows, hide_index=True, width="stretch", key=f"{key}_history")


def picker(
    snap: Snapshot, day: date, codes: Iterable[str], measure: str, lang: str, key: str
) -> None:
    """A popover under a board: pick one of its regions, read where its figure came from."""
    options = {code: snap.regions.name(code) for code in codes}
    with st.popover(t("origin.picker", lang)):
        code = st.selectbox(
            t("origin.pick", lang),
            options=list(options),
            format_func=lambda code: options.get(code, code),
            index=None,
            key=key,
            placeholder=t("origin.placeholder", lang),
        )
        if code:
            origin(snap, day, code, measure, lang, key)

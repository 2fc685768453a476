"""The shared sidebar: the "as of" date, the language and the data's freshness."""

from __future__ import annotations

from datetime import date

import streamlit as st

from census_core.snapshot import Snapshot
from census_core.text import fmt_date, t


def lang() -> str:
    return str(st.session_state.get("lang", "id"))


def as_of(snap: Snapshot) -> date | None:
    """The date the user looks at: their choice, or the latest with data."""
    days = snap.dates()
    chosen = st.session_state.get("as_of")
    if chosen in days:
        return chosen  # type: ignore[no-any-return]
    return days[-1] if days else None


def render(snap: Snapshot) -> None:
    with st.sidebar:
        st.radio(
            "Bahasa / Language",
            options=["id", "en"],
            key="lang",
            horizontal=True,
            format_func=lambda v: "Bahasa Indonesia" if v == "id" else "English",
        )
        days = snap.dates()
        if days:
            st.session_state.setdefault("as_of", days[-1])
            if st.session_state["as_of"] not in days:
                st.session_state["as_of"] = days[-1]
            st.selectbox(
                "Data per tanggal" if lang() == "id" else "As of",
                options=days,
                key="as_of",
                format_func=lambda d: fmt_date(d, lang()),
            )
            st.caption(t("data_as_of", lang(), date=fmt_date(days[-1], lang())))
        if snap.simulated:
            st.caption(f"**{t('simulated', lang())}**")

"""Who needs attention, drawn: threshold headlines, 'Belum lapor', 'Siapa dikejar hari ini'."""

from __future__ import annotations

import streamlit as st

from census_core.display.attention import AttentionView
from census_core.markup import md_escape as md
from census_core.text import t


def thresholds(view: AttentionView) -> None:
    """The threshold headlines in bold, and which target the shares are of."""
    with st.container(key="thresholds"):
        if view.thresholds:
            st.markdown("  \n".join(f"**{md(line)}**" for line in view.thresholds))
        st.caption(md(view.basis))


def quiet(view: AttentionView) -> None:
    """'Belum lapor': the kecamatan gone quiet, since when and by whom, desa still missing."""
    with st.container(key="quiet"):
        if not view.quiet:  # nobody is quiet: one quiet line, not a heading
            st.caption(md(view.quiet_title))
            return
        st.subheader(md(view.quiet_title))
        st.markdown("\n".join(f"- {md(line)}" for line in view.quiet))


def chase(view: AttentionView, lang: str) -> None:
    """'Siapa dikejar hari ini': the coordinator's list."""
    with st.expander(md(view.chase_title), expanded=False):
        st.caption(md(view.chase_caption))
        if view.chase.empty:
            st.info(t("chase.none", lang))
        else:
            st.dataframe(view.chase, hide_index=True, width="stretch", key="chase")

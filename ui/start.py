"""The start section: a regency's own templates, where boundaries go, and simulated data."""

from __future__ import annotations

from datetime import date

import streamlit as st

from census_core import services
from census_core.display.start import start_view
from census_core.ingest.templates import template_csv, template_xlsx
from census_core.markup import md_escape
from census_core.settings import Settings
from census_core.standings.snapshot import Snapshot
from census_core.text import t
from ui import auth, state

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def templates(snap: Snapshot, settings: Settings, lang: str, key: str) -> None:
    """The home's blank files (kecamatan, desa, targets), each as XLSX and CSV."""
    view = start_view(snap.regions, settings.home, lang)
    day: date = snap.latest_date() or settings.deadline
    for f in view.files:
        cols = st.columns([4, 1, 1], vertical_alignment="center")
        cols[0].markdown(md_escape(f.label))
        for col, ext, make, mime in (
            (cols[1], "xlsx", template_xlsx, XLSX),
            (cols[2], "csv", template_csv, "text/csv"),
        ):
            col.download_button(
                ext.upper(),
                make(f.kind, snap.regions, settings.home, day, f.desa),
                file_name=f"{f.file_stem}.{ext}",
                mime=mime,
                key=f"{key}_{f.file_stem}_{ext}",
                on_click="ignore",
                width="stretch",
            )


def section(snap: Snapshot, settings: Settings, lang: str) -> None:
    """What a regency with no figures yet sees first: its templates, boundaries, a way to try."""
    view = start_view(snap.regions, settings.home, lang)
    st.subheader(md_escape(view.title))
    st.info(md_escape(view.intro))
    templates(snap, settings, lang, "start")
    st.caption(md_escape(view.bounds))
    st.markdown(f"[{t('start.to_upload', lang)}](/unggah)")
    simulated_button(settings, lang)


def simulated_button(settings: Settings, lang: str) -> None:
    """Simulated data of the home's own regions, for a signed-in operator, on an empty store."""
    view = start_view(state.store().regions, settings.home, lang)
    if not auth.signed_in_user():
        st.caption(t("start.simulated_sign_in", lang))
        return
    st.caption(md_escape(view.simulated))
    if st.button(md_escape(view.simulated_button), key="start_simulated"):
        if services.try_simulated(state.store(), settings.home):
            st.rerun()
        st.warning(t("start.simulated_refused", lang))

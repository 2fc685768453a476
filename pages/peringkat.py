"""Peringkat: the kabupaten/kota board of the home province."""

import streamlit as st

from census_core.regions import LEVEL_LABELS, short_name
from census_core.text import fmt_int, fmt_pct, ranking_title
from ui import sidebar, state

snap = state.snapshot()
settings = state.settings()
lang = sidebar.lang()
day = sidebar.as_of(snap)
province = settings.home.split(".")[0]
st.title(f"Pantau Sensus — {short_name(snap.regions.name(settings.home))}")
if day is None:
    st.info("Belum ada data. Unggah data harian di halaman Unggah.")
    st.stop()
board = snap.board("kabupaten", province, day, settings)
st.caption(
    ranking_title(LEVEL_LABELS[lang]["kabupaten"], snap.regions.name(province), "count", day, lang)
)
st.dataframe(
    {
        "#": [fmt_int(v, lang) for v in board["rank"]],
        "Wilayah": board["name"],
        "KK": [fmt_int(v, lang) for v in board["count"]],
        "% target": [fmt_pct(v, lang) for v in board["percent"]],
    },
    hide_index=True,
    width="stretch",
)

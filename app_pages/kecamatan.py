"""Kecamatan (/kecamatan?wilayah=CODE_OR_NAME): where one kecamatan stands, made for a phone."""

import streamlit as st

from census_core.standing_chart import share_chart
from census_core.views import kecamatan_options, resolve_region
from ui import board, cached, kpi, provenance
from ui.page import need_data, open_page
from ui.safe import md

TEXT = {
    "id": {
        "title": "Kecamatan",
        "choose": "Pilih kecamatan",
        "placeholder": "ketik atau pilih nama kecamatan",
        "unknown": "Kecamatan “{text}” tidak ditemukan di {home}. Pilih dari daftar.",
        "hint": "Pilih kecamatan untuk melihat posisinya. Tautan halaman ini bisa dibagikan.",
        "no_data": "Belum ada data. Unggah data harian di halaman Unggah.",
        "trend": "Capaian target per hari",
        "no_desa": "Belum ada data per desa/kelurahan untuk kecamatan ini.",
    },
    "en": {
        "title": "District",
        "choose": "Choose a kecamatan",
        "placeholder": "type or pick a kecamatan",
        "unknown": "No kecamatan “{text}” in {home}. Pick one from the list.",
        "hint": "Choose a kecamatan to see where it stands. The page's link can be shared.",
        "no_data": "No data yet. Upload the daily counts on the Unggah (upload) page.",
        "trend": "Share of target day by day",
        "no_desa": "No village figures for this kecamatan yet.",
    },
}

snap, settings, lang, day, measure = open_page()
words = TEXT[lang]
home_name = snap.regions.name(settings.home)
options = kecamatan_options(snap.regions, settings.home)
st.title(words["title"])

raw = st.query_params.get("wilayah")
from_url = resolve_region(raw, snap.regions, settings.home, "kecamatan") if options else None
# The widget's state is lost when the user visits another page; the URL brings it back.
if st.session_state.get("kecamatan") not in options:
    st.session_state["kecamatan"] = from_url


def _to_url() -> None:
    """Keep the URL on the chosen kecamatan, so the page's link can be shared as it is."""
    chosen = st.session_state.get("kecamatan")
    if chosen:
        st.query_params["wilayah"] = chosen
    else:
        st.query_params.pop("wilayah", None)


code = st.selectbox(
    words["choose"],
    options=list(options),
    format_func=options.get,
    key="kecamatan",
    placeholder=words["placeholder"],
    on_change=_to_url,
)
if raw and from_url is None:
    st.warning(words["unknown"].format(text=md(raw), home=md(home_name)))
day = need_data(day, words["no_data"])
if not code:
    st.info(words["hint"])
    st.stop()

view = cached.kecamatan(snap, settings, day, code, lang, measure)
st.header(md(view.name))
if view.sentences:
    st.markdown("  \n".join(md(s) for s in view.sentences))
kpi.kpi_cards(view.kpis, per_row=3)
with st.expander(provenance.TEXT[lang]["origin"]):
    provenance.origin(snap, day, code, measure, lang, "origin_kecamatan")

st.subheader(words["trend"])
st.altair_chart(share_chart(view.trend, lang), width="stretch")

st.subheader(md(view.desa_title))
if view.desa is None:
    st.info(words["no_desa"])
else:
    board.board_table(view.desa, view.desa_codes, lang, key="desa", compact=True)
    if view.desa_footnote:
        st.caption(md(view.desa_footnote))
    provenance.picker(snap, day, view.desa_codes, measure, lang, "origin_desa")

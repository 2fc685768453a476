"""Kecamatan (/kecamatan?wilayah=CODE_OR_NAME): where one kecamatan stands, made for a phone."""

import streamlit as st

from census_core.display.digest import kecamatan_path
from census_core.display.views import kecamatan_options, resolve_region
from census_core.markup import md_escape
from census_core.text import t
from ui import board, cached, card, kpi, provenance, share
from ui.page import need_data, open_page

snap, settings, lang, day, measure = open_page()
home_name = snap.regions.name(settings.home)
options = kecamatan_options(snap.regions, settings.home)
st.title(t("kecamatan.title", lang))

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
    t("kecamatan.choose", lang),
    options=list(options),
    format_func=lambda code: options.get(code, code),
    key="kecamatan",
    placeholder=t("kecamatan.placeholder", lang),
    on_change=_to_url,
)
if raw and from_url is None:
    st.warning(t("kecamatan.unknown", lang, text=md_escape(raw), home=md_escape(home_name)))
day = need_data(day, t("page.no_data", lang))
if not code:
    st.info(t("kecamatan.hint", lang))
    st.stop()

# The link keeps the measure and the day chosen (the latest day is left out: a link stays live).
latest = snap.latest_date(measure)
path = kecamatan_path(code, measure, None if day == latest else day)
for param, value in (("measure", measure), ("asof", day.isoformat())):
    if f"{param}=" in path:
        st.query_params[param] = value
    else:
        st.query_params.pop(param, None)
st.session_state["_from_url"] = (st.query_params.get("measure"), st.query_params.get("asof"))

view = cached.kecamatan(snap, settings, day, code, lang, measure)
st.header(md_escape(view.name))
if view.sentences:
    st.markdown("  \n".join(md_escape(s) for s in view.sentences))
kpi.kpi_cards(view.kpis, per_row=3)
if view.ranks:
    st.subheader(t("kecamatan.standing", lang))
    st.markdown("  \n".join(md_escape(s) for s in view.ranks))
if view.projection:
    st.subheader(t("kecamatan.projection", lang))
    st.markdown("  \n".join(md_escape(s) for s in view.projection))
share.whatsapp_button(view.sentences, path, settings, lang)
card.download(view.card, view.trend, lang, key="card")
with st.expander(t("origin.origin", lang)):
    provenance.origin(snap, day, code, measure, lang, "origin_kecamatan")

st.subheader(t("kecamatan.trend", lang))
chart = cached.kecamatan_chart(snap, settings, day, view, lang, measure)
st.vega_lite_chart(spec=chart, width="stretch")  # share_chart's spec, made once per kecamatan

st.subheader(md_escape(view.desa_title))
if view.desa is None:
    st.info(t("kecamatan.no_desa", lang))
else:
    board.board_table(view.desa, view.desa_codes, lang, key="desa", compact=True)
    if view.desa_footnote:
        st.caption(md_escape(view.desa_footnote))
    provenance.picker(snap, day, view.desa_codes, measure, lang, "origin_desa")

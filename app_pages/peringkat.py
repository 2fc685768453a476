"""Peringkat (/): the home regency's headline, the province's and the regency's boards."""

import streamlit as st

from census_core.markup import md_escape
from census_core.regions import short_name
from census_core.text import t
from ui import attention, board, cached, card, kpi, provenance, share
from ui.page import need_data, open_page


def _keep_sort(widget: str) -> None:
    st.session_state["by"] = st.session_state[widget]


snap, settings, lang, day, measure = open_page()
st.title(f"Pantau Sensus — {md_escape(short_name(snap.regions.name(settings.home)))}")
day = need_data(day, t("page.no_data", lang))

left, right = st.columns([1, 1])
# "by" holds the choice; the radio has a key per language and measure, because a radio
# remembers its option by the label it showed, which another language no longer offers.
sort_key = f"by_{lang}_{measure}"
if st.session_state.get(sort_key) != st.session_state.setdefault("by", "count"):
    st.session_state[sort_key] = st.session_state["by"]
by = left.radio(
    t("peringkat.sort", lang),
    options=["count", "percent"],
    key=sort_key,
    horizontal=True,
    format_func={
        "count": t("peringkat.by_count", lang, measure=t(f"measure.{measure}", lang)),
        "percent": t("peringkat.by_percent", lang),
    }.__getitem__,
    on_change=_keep_sort,
    args=(sort_key,),
)
query = right.text_input(
    t("peringkat.search", lang), key="cari", placeholder=t("peringkat.placeholder", lang)
)
view = cached.home(snap, settings, day, by, query, lang, measure)

if view.sentences:
    st.markdown("  \n".join(md_escape(s) for s in view.sentences))
kpi.kpi_cards(view.kpis, per_row=3)
watch = cached.attention(snap, settings, day, lang, measure)
attention.thresholds(watch)
attention.quiet(watch)
attention.chase(watch, lang)
share.whatsapp_button(view.sentences, "/", settings, lang)
share.daily_message(snap, settings, day, lang, measure)
card.download(view.card, view.trend, lang, key="card")

tabs = st.tabs([md_escape(b.label) for b in view.boards])
for tab, b in zip(tabs, view.boards, strict=True):
    with tab:
        st.caption(md_escape(b.title))
        if b.callout:
            st.markdown(f"**{md_escape(b.callout)}**")
        if b.rows.empty:
            st.info(t("peringkat.empty", lang))
        else:
            board.board_table(
                b.rows,
                b.board["code"].reset_index(drop=True),
                lang,
                highlight=b.highlight,
                key=f"board_{b.level}",
            )
            if b.footnote:
                st.caption(md_escape(b.footnote))
            board.downloads(b.board, f"peringkat-{b.level}-{day}", measure, lang, b.level)
            provenance.picker(snap, day, b.board["code"], measure, lang, f"origin_{b.level}")
        st.subheader(t("peringkat.gainers", lang))
        st.caption(md_escape(b.gainers_title))
        st.dataframe(b.gainers, hide_index=True, width="stretch", key=f"gainers_{b.level}")

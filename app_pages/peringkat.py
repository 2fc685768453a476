"""Peringkat (/): the home regency's headline, the province's and the regency's boards."""

import streamlit as st

from census_core.display.boards import ORDERS, rank_by
from census_core.markup import md_escape
from census_core.regions import short_name
from census_core.standings.pace import STATUSES, status_text
from census_core.text import t
from ui import attention, board, cached, card, kpi, provenance, share, start
from ui.page import open_page


def _keep_sort(widget: str) -> None:
    st.session_state["by"] = st.session_state[widget]


snap, settings, lang, day, measure = open_page()
st.title(f"Pantau Sensus — {md_escape(short_name(snap.regions.name(settings.home)))}")
if day is None:  # a fresh store: the regency's own first hour, nothing from elsewhere
    start.section(snap, settings, lang)
    st.stop()

left, middle, right = st.columns([2, 1, 1])
# "by" holds the choice; the radio has a key per language and measure, because a radio
# remembers its option by the label it showed, which another language no longer offers.
sort_key = f"by_{lang}_{measure}"
if st.session_state.get(sort_key) != st.session_state.setdefault("by", "count"):
    st.session_state[sort_key] = st.session_state["by"]
by = left.radio(
    t("peringkat.sort", lang),
    options=list(ORDERS),
    key=sort_key,
    horizontal=True,
    format_func={
        "count": t("peringkat.by_count", lang, measure=t(f"measure.{measure}", lang)),
        "percent": t("peringkat.by_percent", lang),
        "status": t("peringkat.by_status", lang),
    }.__getitem__,
    on_change=_keep_sort,
    args=(sort_key,),
)
status = middle.selectbox(
    t("peringkat.status", lang),
    options=["", *STATUSES],
    format_func=lambda s: status_text(s, lang) if s else t("peringkat.all", lang),
    key="status",
)
# By status: the regions behind first, each ranked as the map ranks it (boards.rank_by).
# The view first, for its hint (a kecamatan of this regency); the box's value is in its key.
query = str(st.session_state.get("cari") or "")
view = cached.home(
    snap, settings, day, rank_by(by), query, lang, measure, status or None, by == "status"
)
if view.headline is None or view.headline.count is None:
    start.section(snap, settings, lang)
right.text_input(t("peringkat.search", lang), key="cari", placeholder=view.search_hint)

if view.sentences:
    st.markdown("  \n".join(md_escape(s) for s in view.sentences))
kpi.kpi_cards(view.kpis, per_row=3)
watch = cached.attention(snap, settings, day, lang, measure)
attention.thresholds(watch)
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
        board.table(b.gainers, t("peringkat.no_gains", lang), key=f"gainers_{b.level}")

# For the coordinator, below the boards: who has gone quiet, and whom to chase today.
attention.quiet(watch)
attention.chase(watch, lang)

"""Peringkat (/): the home regency's headline, the province's and the regency's boards."""

import streamlit as st

from census_core.regions import short_name
from census_core.text import t
from ui import board, cached, kpi, provenance
from ui.page import need_data, open_page
from ui.safe import md

TEXT = {
    "id": {
        "no_data": "Belum ada data. Unggah data harian di halaman Unggah.",
        "bad_home": "Wilayah utama {code} (CENSUS_HOME) tidak dikenal.",
        "sort": "Urutkan menurut",
        "count": "Jumlah {measure}",
        "percent": "Persentase target",
        "search": "Cari wilayah",
        "placeholder": "ketik nama, mis. Kaliwates",
        "gainers": "Paling naik",
        "empty": "Tidak ada wilayah dengan nama itu.",
    },
    "en": {
        "no_data": "No data yet. Upload the daily counts on the Unggah (upload) page.",
        "bad_home": "Home region {code} (CENSUS_HOME) is unknown.",
        "sort": "Sort by",
        "count": "Number of {measure}",
        "percent": "Share of target",
        "search": "Find a region",
        "placeholder": "type a name, e.g. Kaliwates",
        "gainers": "Biggest gains",
        "empty": "No region by that name.",
    },
}

snap, settings, lang, day, measure = open_page()
words = TEXT[lang]
st.title(f"Pantau Sensus — {md(short_name(snap.regions.name(settings.home)))}")
day = need_data(day, words["no_data"])

left, right = st.columns([1, 1])
by = left.radio(
    words["sort"],
    options=["count", "percent"],
    key="by",
    horizontal=True,
    format_func=lambda v: words[v].format(measure=t(f"measure.{measure}", lang)),
)
query = right.text_input(words["search"], key="cari", placeholder=words["placeholder"])
view = cached.home(snap, settings, day, by, query, lang, measure)

if view.sentences:
    st.markdown("  \n".join(md(s) for s in view.sentences))
kpi.kpi_cards(view.kpis, per_row=3)

tabs = st.tabs([md(b.label) for b in view.boards])
for tab, b in zip(tabs, view.boards, strict=True):
    with tab:
        st.caption(md(b.title))
        if b.callout:
            st.markdown(f"**{md(b.callout)}**")
        if b.rows.empty:
            st.info(words["empty"])
        else:
            board.board_table(
                b.rows,
                b.board["code"].reset_index(drop=True),
                lang,
                highlight=b.highlight,
                key=f"board_{b.level}",
            )
            if b.footnote:
                st.caption(md(b.footnote))
            board.downloads(b.board, f"peringkat-{b.level}-{day}", measure, lang, b.level)
            provenance.picker(snap, day, b.board["code"], measure, lang, f"origin_{b.level}")
        st.subheader(words["gainers"])
        st.caption(md(b.gainers_title))
        st.dataframe(b.gainers, hide_index=True, width="stretch", key=f"gainers_{b.level}")

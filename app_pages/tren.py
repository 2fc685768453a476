"""Tren: the cumulative count, the pace of the last week and where it leads by the deadline."""

from datetime import date

import streamlit as st

from census_core import charts, services, trend
from census_core.markup import md_escape
from census_core.markup import md_escape as md
from census_core.regions import province_of, short_name
from census_core.text import fmt_date
from ui import auth, state
from ui.page import need_data, open_page

TEXT: dict[str, dict] = {
    "id": {
        "title": "Tren",
        "no_data": "Belum ada data. Unggah data harian di halaman Unggah.",
        "compare": "Bandingkan",
        "kinds": {"kecamatan": "Kecamatan", "kabupaten": "Kabupaten/kota"},
        "pick": "Wilayah yang dibandingkan",
        "placeholder": "Pilih sampai 5 wilayah",
        "cumulative": "Jumlah kumulatif dan proyeksi",
        "daily": "Tambahan per hari — {name}",
        "versus": "Dibandingkan dengan rata-rata",
        "png": "Unduh PNG",
        "csv": "Unduh data (CSV)",
        "events": "Catatan kegiatan",
        "events_help": "Kegiatan digambar sebagai garis ungu di setiap grafik.",
        "none": "Belum ada catatan.",
        "date": "Tanggal",
        "text": "Kegiatan",
        "add": "Tambah catatan",
        "delete": "Hapus",
        "empty_text": "Tulis kegiatannya.",
    },
    "en": {
        "title": "Trend",
        "no_data": "No data yet. Upload the daily counts on the Unggah page.",
        "compare": "Compare",
        "kinds": {"kecamatan": "Districts", "kabupaten": "Regencies/cities"},
        "pick": "Regions to compare",
        "placeholder": "Choose up to 5 regions",
        "cumulative": "Cumulative count and projection",
        "daily": "Added per day — {name}",
        "versus": "Against the average",
        "png": "Download PNG",
        "csv": "Download data (CSV)",
        "events": "Event notes",
        "events_help": "Events are drawn as purple lines on every chart.",
        "none": "No notes yet.",
        "date": "Date",
        "text": "Event",
        "add": "Add note",
        "delete": "Delete",
        "empty_text": "Write what happened.",
    },
}

snap, settings, lang, day, measure = open_page()
words = TEXT.get(lang, TEXT["id"])
st.title(words["title"])
day = need_data(day, words["no_data"])

home = settings.home
province = province_of(home)
names = snap.regions.name
cols = st.columns([1, 3])
kind = cols[0].radio(
    words["compare"], ["kecamatan", "kabupaten"], key="tren_kind", format_func=words["kinds"].get
)
options = (
    snap.regions.descendants(home, "kecamatan")
    if kind == "kecamatan"
    else [c for c in snap.regions.descendants(province, "kabupaten") if c != home]
)
chosen = cols[1].multiselect(
    words["pick"],
    options,
    key=f"tren_pick_{kind}",
    max_selections=5,
    placeholder=words["placeholder"],
    format_func=lambda c: short_name(names(c)),
)
parent = home if kind == "kecamatan" and chosen else province
compare_codes = chosen if kind == "kecamatan" and chosen else [home, *chosen]
view = trend.view(
    snap.counts_of(measure),
    snap.targets_of(measure),
    snap.regions,
    [home, *chosen],
    day,
    settings.deadline,
    compare=(compare_codes, parent),
    default_share=settings.target_share,
    measure=measure,
    lang=lang,
)
events = snap.events


def exports(chart, data, name: str) -> None:
    """PNG made only when asked for (vl-convert); the series as CSV."""
    row = st.container(horizontal=True)  # buttons as wide as their words, in either language
    row.download_button(
        words["png"],
        data=lambda: charts.to_png(chart),
        file_name=f"{name}.png",
        mime="image/png",
        key=f"png_{name}",
        on_click="ignore",
    )
    row.download_button(
        words["csv"],
        data=charts.to_csv(data),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"csv_{name}",
        on_click="ignore",
    )


st.subheader(words["cumulative"])
for i, line in enumerate(view.sentences):
    # Region names are data: escaped so a name can never format or link.
    safe = md_escape(line)
    st.markdown(f"**{safe}**" if i == 0 else safe)
cumulative = charts.cumulative_chart(
    view.series,
    measure=measure,
    targets=view.targets,
    projections=view.projections,
    deadline=settings.deadline,
    events=events,
    lang=lang,
)
st.altair_chart(cumulative, width="stretch")
exports(cumulative, view.series, f"kumulatif-{day:%Y%m%d}")

st.subheader(words["daily"].format(name=md(short_name(names(home)))))
daily = charts.daily_chart(view.daily, measure=measure, events=events, lang=lang)
st.altair_chart(daily, width="stretch")
exports(daily, view.daily, f"harian-{day:%Y%m%d}")

if not view.comparison.empty:
    st.subheader(words["versus"])
    versus = charts.comparison_chart(view.comparison, measure=measure, events=events, lang=lang)
    st.altair_chart(versus, width="stretch")
    exports(versus, view.comparison, f"banding-{day:%Y%m%d}")

with st.expander(words["events"]):
    st.caption(words["events_help"])
    user = auth.require_operator(lang)
    if events.empty:
        st.caption(words["none"])
    for row in events.itertuples():
        left, right = st.columns([6, 1])
        left.text(f"{fmt_date(row.date, lang)} — {row.text}")
        if user and right.button(words["delete"], key=f"event_delete_{row.id}"):
            services.delete_event(state.store(), int(row.id))
            st.rerun()
    if user:
        with st.form("event_add", clear_on_submit=True):
            when = st.date_input(words["date"], value=day, format="DD/MM/YYYY", key="event_date")
            text = st.text_input(words["text"], max_chars=200, key="event_text")
            added = st.form_submit_button(words["add"])
        if added:
            if not text.strip():
                st.error(words["empty_text"])
            else:
                day_of = when if isinstance(when, date) else day
                services.add_event(state.store(), day_of, text.strip(), user)
                st.rerun()

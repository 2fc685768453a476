"""Tren: the cumulative count, the pace of the last week and where it leads by the deadline."""

from datetime import date

import streamlit as st

from census_core import services
from census_core.charts import charts
from census_core.markup import md_escape
from census_core.markup import md_escape as md
from census_core.regions import province_of, short_name
from census_core.standings import trend
from census_core.text import fmt_date, t
from ui import auth, replay, state
from ui.page import need_data, open_page

snap, settings, lang, day, measure = open_page()
st.title(t("tren.title", lang))
day = need_data(day, t("page.no_data_brief", lang))
st.caption(trend.deadline_note(settings.deadline, settings.deadline_original, lang))
replay.control(snap.dates(), lang)

home = settings.home
province = province_of(home)
names = snap.regions.name
cols = st.columns([1, 3])
kind = cols[0].radio(
    t("tren.compare", lang),
    ["kecamatan", "kabupaten"],
    key="tren_kind",
    format_func=lambda k: t(f"tren.kind.{k}", lang),
)
options = (
    snap.regions.descendants(home, "kecamatan")
    if kind == "kecamatan"
    else [c for c in snap.regions.descendants(province, "kabupaten") if c != home]
)
chosen = cols[1].multiselect(
    t("tren.pick", lang),
    options,
    key=f"tren_pick_{kind}",
    max_selections=5,
    placeholder=t("tren.placeholder", lang),
    format_func=lambda c: short_name(names(c)),
)
parent = home if kind == "kecamatan" and chosen else province
compare_codes = chosen if kind == "kecamatan" and chosen else [home, *chosen]
view = trend.view(
    snap.counts_of(measure),
    snap.targets_of(measure, snap.target_source(settings)),
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
        t("tren.png", lang),
        data=lambda: charts.to_png(chart),
        file_name=f"{name}.png",
        mime="image/png",
        key=f"png_{name}",
        on_click="ignore",
    )
    row.download_button(
        t("tren.csv", lang),
        data=charts.to_csv(data),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"csv_{name}",
        on_click="ignore",
    )
    row.download_button(
        t("tren.csv_id", lang),
        data=charts.to_csv(data, indonesian=True),
        file_name=f"{name}-excel-id.csv",
        mime="text/csv",
        key=f"csv_id_{name}",
        on_click="ignore",
    )


st.subheader(t("tren.cumulative", lang))
for i, line in enumerate(view.sentences):
    # Region names are data: escaped so a name can never format or link.
    safe = md_escape(line)
    st.markdown(f"**{safe}**" if i == 0 else safe)
if view.ranges:
    st.markdown("  \n".join(md_escape(line) for line in view.ranges))
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

st.subheader(t("tren.daily", lang, name=md(short_name(names(home)))))
if view.daily["increment"].notna().any():
    daily = charts.daily_chart(view.daily, measure=measure, events=events, lang=lang)
    st.altair_chart(daily, width="stretch")
    exports(daily, view.daily, f"harian-{day:%Y%m%d}")
else:  # one day of figures: no increment yet, rather than a bar of weeks of work
    st.info(t("tren.daily_needs_days", lang))

if not view.comparison.empty:
    st.subheader(t("tren.versus", lang))
    versus = charts.comparison_chart(view.comparison, measure=measure, events=events, lang=lang)
    st.altair_chart(versus, width="stretch")
    exports(versus, view.comparison, f"banding-{day:%Y%m%d}")

with st.expander(t("tren.events", lang)):
    st.caption(t("tren.events_help", lang))
    user = auth.require_operator(lang)
    if events.empty:
        st.caption(t("tren.none", lang))
    for row in events.itertuples():
        left, right = st.columns([6, 1])
        left.text(f"{fmt_date(row.date, lang)} — {row.text}")
        if user and right.button(t("tren.delete", lang), key=f"event_delete_{row.id}"):
            services.delete_event(state.store(), int(row.id))
            st.rerun()
    if user:
        with st.form("event_add", clear_on_submit=True):
            when = st.date_input(
                t("tren.date", lang), value=day, format="DD/MM/YYYY", key="event_date"
            )
            text = st.text_input(t("tren.text", lang), max_chars=200, key="event_text")
            added = st.form_submit_button(t("tren.add", lang))
        if added:
            if not text.strip():
                st.error(t("tren.empty_text", lang))
            else:
                day_of = when if isinstance(when, date) else day
                services.add_event(state.store(), day_of, text.strip(), user)
                st.rerun()

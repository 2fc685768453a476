"""Peta: where the regency is behind, coloured by share of target; a click opens a kecamatan."""

import streamlit as st

from census_core.charts import charts, maps
from census_core.display.boards import rank_by
from census_core.geo import labels
from census_core.markup import md_escape as md
from census_core.regions import level_label, province_of
from census_core.text import fmt_int, ranking_title, t
from ui import boundaries, viewport
from ui.page import need_data, open_page

snap, settings, lang, day, measure = open_page()
st.title(t("peta.title", lang))
bounds = boundaries.load()
if bounds.empty:
    st.info(t("peta.none", lang))  # the folder by its setting, never a server path
    st.stop()
day = need_data(day, t("page.no_data_brief", lang))

home = settings.home
province = province_of(home)
scopes = {"kecamatan": home, "kabupaten": province, "desa": home}
# Desa are drawn only where the chosen measure has desa counts (other levels sum up from below).
has_desa = snap.has_counts("desa", home, measure)
levels = [
    lvl
    for lvl in ("kecamatan", "kabupaten", "desa")
    if bounds.of(lvl, scopes[lvl]) and (lvl != "desa" or has_desa)
]
if not levels:
    st.info(t("peta.elsewhere", lang, name=snap.regions.name(home)))
    st.stop()

# A click on the home regency (below) asks for its kecamatan: set before the radio is drawn.
if (wanted := st.session_state.pop("peta_level_next", None)) in levels:
    st.session_state["peta_level"] = wanted
cols = st.columns(2)
level = cols[0].radio(
    t("peta.level", lang),
    levels,
    horizontal=True,
    key="peta_level",
    format_func=lambda v: level_label(v, lang).capitalize(),
)
by = cols[1].radio(
    t("peta.by", lang),
    ["percent", "count", "status"],
    horizontal=True,
    key="peta_by",
    format_func=lambda v: t(f"peta.by.{v}", lang),
)
within = scopes[level]
shapes = bounds.of(level, within)
# Coloured by status, ranked as the home boards rank it (boards.rank_by).
ranked = rank_by(by)
board = snap.board(level, within, day, settings, measure=measure, by=ranked)
layer_id = f"wilayah-{level}"
labelled = level != "desa"
# Fitted to the reader's column: on a phone the whole regency, not its middle.
width, height = maps.page_map_size(viewport.column_width())
deck = maps.choropleth(
    board,
    shapes,
    by=by,
    measure=measure,
    lang=lang,
    layer_id=layer_id,
    labels=labelled,
    first=(home,),
    deadline=settings.deadline,
    width=width,
    height=height,
)

within_name = snap.regions.name(within)
st.caption(md(ranking_title(level_label(level, lang), within_name, ranked, day, lang)))
event = st.pydeck_chart(
    deck,
    on_select="rerun",
    selection_mode="single-object",
    key=f"peta_{level}",
    height=height,
)
click = maps.click_action(maps.selected_code(event, layer_id), level, home)
if click is not None and click.action == "kecamatan":
    st.switch_page("app_pages/kecamatan.py", query_params={"wilayah": click.code})
elif click is not None and click.action == "zoom" and "kecamatan" in levels:
    st.session_state["peta_level_next"] = "kecamatan"
    st.rerun()
elif click is not None and (line := maps.standing_line(board, click.code, measure, lang)):
    st.info(md(line))

unit = t(f"measure.{measure}", lang)
legend_key = {"percent": "peta.legend_percent", "count": "peta.legend_count"}
legend_title = t(legend_key.get(by, "peta.legend_status"), lang, unit=unit)
st.html(charts.legend_html(maps.legend_of(board, by, lang), legend_title))
unnamed = maps.unnamed_note(
    labels.names_on_map(board, shapes, width=width, height=height, first=(home,)), lang
)
if labelled and unnamed:  # desa are many and small: named in the tooltip only
    st.caption(md(unnamed))
st.caption(t("peta.click" if level != "kabupaten" else "peta.click_kabupaten", lang))
credits = bounds.credits(shapes)
if credits:
    st.caption(t("peta.credit", lang, credit="; ".join(credits)))

# What did not match is for the operator, on /unggah; readers get one line at most.
missing = bounds.missing(snap.regions, level, within)
if missing:
    st.caption(t("peta.gaps", lang, n=fmt_int(len(missing), lang)))

"""Peta: where the regency is behind, coloured by share of target; a click opens a kecamatan."""

import pandas as pd
import streamlit as st

from census_core import charts, labels, maps
from census_core.markup import md_escape as md
from census_core.regions import LEVEL_LABELS, province_of
from census_core.text import ranking_title, t
from ui import boundaries
from ui.page import need_data, open_page

TEXT: dict[str, dict] = {
    "id": {
        "title": "Peta",
        "none": "Belum ada batas wilayah, jadi peta belum bisa digambar. Cara menambahkannya: "
        "letakkan berkas GeoJSON batas kecamatan/desa/kabupaten (dan bila ada tabel padanan "
        "kode BPS–Kemendagri dalam CSV) di folder batas wilayah server (variabel lingkungan "
        "`CENSUS_GEO_DIR`), lalu muat ulang halaman; atau unggah berkasnya "
        "sebagai operator di halaman Unggah.",
        "no_data": "Belum ada data. Unggah data harian di halaman Unggah.",
        "level": "Wilayah",
        "by": "Warna menurut",
        "by_options": {"percent": "% dari target", "count": "Jumlah"},
        "elsewhere": "Batas wilayah yang ada tidak mencakup {name}. Tambahkan berkas GeoJSON "
        "wilayah ini di halaman Unggah atau di folder `CENSUS_GEO_DIR`.",
        "legend": {"percent": "% dari target", "count": "Jumlah {unit}"},
        "click": "Klik sebuah kecamatan untuk membuka halamannya.",
        "report": "Batas wilayah yang belum cocok ({n})",
        "kind": {"region": "wilayah tanpa batas", "feature": "fitur tanpa wilayah"},
        "reason": {
            "": "",
            "no_region": "tidak ada wilayah dengan kode/nama ini",
            "ambiguous": "nama cocok dengan lebih dari satu wilayah",
            "no_key": "tanpa kode dan nama",
            "no_geometry": "tanpa geometri",
            "unreadable": "berkas tidak terbaca",
            "similar_tie": "nama mirip dengan lebih dari satu wilayah di kecamatan atau "
            "kabupaten/kota yang sama",
            "similar_taken": "wilayah yang namanya mirip sudah punya batas dari fitur lain",
        },
        "cols": ["Jenis", "Nama", "Kode", "Berkas", "Sebab", "Mungkin wilayah ini"],
        "credit": "Batas wilayah: {credit}",
    },
    "en": {
        "title": "Map",
        "none": "There are no boundaries yet, so the map cannot be drawn. To add them: put "
        "GeoJSON files of district/village/regency boundaries (and, if you have one, a "
        "BPS–Kemendagri code crosswalk as CSV) in the server's boundaries folder (the "
        "environment variable `CENSUS_GEO_DIR`), then reload the page; or upload them as "
        "operator on the Unggah (upload) page.",
        "no_data": "No data yet. Upload the daily counts on the Unggah page.",
        "level": "Regions",
        "by": "Colour by",
        "by_options": {"percent": "% of target", "count": "Count"},
        "elsewhere": "The boundaries do not cover {name}. Add GeoJSON files of this region on "
        "the Unggah page or in the `CENSUS_GEO_DIR` folder.",
        "legend": {"percent": "% of target", "count": "Number of {unit}"},
        "click": "Click a district to open its page.",
        "report": "Boundaries not matched ({n})",
        "kind": {"region": "region without boundary", "feature": "feature without region"},
        "reason": {
            "": "",
            "no_region": "no region has this code/name",
            "ambiguous": "the name fits more than one region",
            "no_key": "no code and no name",
            "no_geometry": "no geometry",
            "unreadable": "file cannot be read",
            "similar_tie": "the name is about as close to more than one region of the same "
            "district or regency",
            "similar_taken": "the region with a similar name already has a boundary from "
            "another feature",
        },
        "cols": ["Kind", "Name", "Code", "File", "Reason", "Perhaps this region"],
        "credit": "Boundaries: {credit}",
    },
}

snap, settings, lang, day, measure = open_page()
words = TEXT.get(lang, TEXT["id"])
st.title(words["title"])
bounds = boundaries.load()
boundaries.render_skipped(bounds)  # files left out, for the operator; never a traceback
if bounds.empty:
    st.info(words["none"])  # the folder by its setting, never a server path
    st.stop()
day = need_data(day, words["no_data"])

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
    st.info(words["elsewhere"].format(name=snap.regions.name(home)))
    st.stop()

cols = st.columns(2)
level = cols[0].radio(
    words["level"],
    levels,
    horizontal=True,
    key="peta_level",
    format_func=lambda v: LEVEL_LABELS[lang][v].capitalize(),
)
by = cols[1].radio(
    words["by"],
    ["percent", "count"],
    horizontal=True,
    key="peta_by",
    format_func=lambda v: words["by_options"][v],
)
within = scopes[level]
shapes = bounds.of(level, within)
board = snap.board(level, within, day, settings, measure=measure, by=by)
layer_id = f"wilayah-{level}"
labelled = level != "desa"
deck = maps.choropleth(
    board,
    shapes,
    by=by,
    measure=measure,
    lang=lang,
    layer_id=layer_id,
    labels=labelled,
    first=(home,),
)

within_name = snap.regions.name(within)
st.caption(md(ranking_title(LEVEL_LABELS[lang][level], within_name, by, day, lang)))
event = st.pydeck_chart(
    deck,
    on_select="rerun",
    selection_mode="single-object",
    key=f"peta_{level}",
    height=620,
)
picked = maps.selected_code(event, layer_id)
if picked and level in ("kecamatan", "desa"):
    target = picked if level == "kecamatan" else picked.rsplit(".", 1)[0]
    st.switch_page("app_pages/kecamatan.py", query_params={"wilayah": target})

unit = t(f"measure.{measure}", lang)
legend_title = words["legend"][by].format(unit=unit)
st.altair_chart(charts.legend_chart(maps.legend_of(board, by, lang), legend_title), theme=None)
unnamed = maps.unnamed_note(labels.names_on_map(board, shapes, first=(home,)), lang)
if labelled and unnamed:  # desa are many and small: named in the tooltip only
    st.caption(md(unnamed))
if level in ("kecamatan", "desa"):
    st.caption(words["click"])
credits = bounds.credits(shapes)
if credits:
    st.caption(words["credit"].format(credit="; ".join(credits)))

boundaries.render_similar(bounds.similar_report(snap.regions))
boundaries.render_water(bounds.water())
rows = bounds.report(snap.regions, level, within)
if rows:
    with st.expander(words["report"].format(n=len(rows))):
        table = pd.DataFrame(rows)
        st.dataframe(
            {
                words["cols"][0]: [words["kind"][k] for k in table["kind"]],
                words["cols"][1]: table["name"],
                words["cols"][2]: table["code"],
                words["cols"][3]: table["source"],
                words["cols"][4]: [words["reason"].get(r, r) for r in table["reason"]],
                words["cols"][5]: table["near"],
            },
            hide_index=True,
            width="stretch",
        )

"""The choropleth deck, checked through its JSON: offline, coloured, escaped, clickable."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from census_core.charts import maps
from census_core.geo import labels
from census_core.geo.geo import Shape, load_boundaries, read_dir
from census_core.standings.progress import standings
from census_core.store.demo import generate
from tests.geofixtures import shared_geo, square

EVIL = '<img src=x onerror="alert(1)">'


ONE = "Penduduk 100%"  # the demo's targets from one source


def board(rows: list[tuple[str, str, int | None, float | None]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["code", "name", "count", "percent"])
    frame["rank"] = frame["count"].rank(method="min", ascending=False).astype("Int64")
    frame["change"] = 5
    return frame


def shapes() -> list[Shape]:
    return [
        Shape("35.09.25", "kecamatan", "Jelbuk", square(113.7, -8.1)),
        Shape("35.09.19", "kecamatan", "Kaliwates", square(113.6, -8.2)),
        Shape("35.09.20", "kecamatan", "Patrang", square(113.8, -8.2)),
    ]


def spec(deck) -> dict:
    return json.loads(deck.to_json())


@pytest.mark.parametrize(
    "values,expected",
    [([25.5, 7.6], [0, 6, 12, 18, 24, 30]), ([4040, 344], [0, 1000, 2000, 3000, 4000, 5000])],
)
def test_breaks_are_round_and_cover_the_largest_value(values, expected):
    assert maps.nice_breaks(pd.Series(values)) == expected


def test_the_deck_is_offline_and_every_layer_has_an_id():
    deck = maps.choropleth(board([("35.09.25", "Jelbuk", 344, 7.6)]), shapes())
    out = spec(deck)
    # No provider, and the placeholder style Streamlit reads as "no basemap" (nothing fetched).
    assert "mapProvider" not in out and out["mapStyle"] == "__MAP_STYLE__"
    assert [layer["id"] for layer in out["layers"]] == ["wilayah", "wilayah-label"]
    assert out["layers"][0]["pickable"] is True


def test_colours_follow_the_share_of_target_and_regions_without_data_are_grey():
    rows = [("35.09.25", "Jelbuk", 344, 7.6), ("35.09.19", "Kaliwates", 4040, 25.5)]
    features = spec(maps.choropleth(board(rows), shapes()))["layers"][0]["data"]["features"]
    fills = {f["properties"]["code"]: f["properties"]["fill"] for f in features}
    assert fills["35.09.25"][:3] == [0x7F, 0xCD, 0xBB]  # 6-12%
    assert fills["35.09.19"][:3] == [0x25, 0x34, 0x94]  # 24-30%
    assert fills["35.09.20"][:3] == [0xD9, 0xD9, 0xD9]  # no data


def test_tooltip_is_text_with_every_value_and_never_markup():
    rows = [("35.09.25", EVIL, 344, 7.6), ("35.09.19", "Kaliwates", 4040, 25.5)]
    deck = maps.choropleth(board(rows), shapes())
    out = spec(deck)
    # The tooltip template travels beside the JSON; text, so innerText, never innerHTML.
    assert "html" not in deck._tooltip and deck._tooltip["text"] == "{tooltip}"
    tip = next(
        f["properties"]["tooltip"]
        for f in out["layers"][0]["data"]["features"]
        if f["properties"]["code"] == "35.09.25"
    )
    assert tip.split("\n") == [
        EVIL,
        "344 KK",
        "7,6% dari target",
        "Peringkat 2 dari 2",
        "Perubahan sehari: +5",
    ]
    # Labels are drawn as glyphs on the canvas, also never markup.
    labels = [d["text"] for d in out["layers"][1]["data"]]
    assert EVIL in labels


def test_english_tooltip_and_count_colours():
    out = spec(
        maps.choropleth(board([("35.09.25", "Jelbuk", 1344, 7.6)]), shapes(), by="count", lang="en")
    )
    tip = out["layers"][0]["data"]["features"][0]["properties"]["tooltip"]
    assert "1,344 households" in tip and "Rank 1 of 1" in tip


def test_legend_items():
    items = maps.legend([0, 6, 12, 18, 24, 30], "percent")
    assert [i.label for i in items] == [
        "0–6%",
        "6–12%",
        "12–18%",
        "18–24%",
        "24–30%",
        "Belum ada data",
    ]
    assert [i.color for i in items[:5]] == maps.PALETTE
    assert maps.legend([0, 1000, 2000, 3000, 4000, 5000], "count", "en")[1].label == "1,000–2,000"


def test_label_point_uses_the_largest_piece():
    big, small = square(113.0, -8.0, 1.0), square(120.0, -8.0, 0.1)
    multi = {"type": "MultiPolygon", "coordinates": [small["coordinates"], big["coordinates"]]}
    assert labels.label_point(multi) == [113.5, -7.5]


def test_selected_code_reads_the_pydeck_selection():
    state = {"selection": {"objects": {"wilayah": [{"properties": {"code": "35.09.25"}}]}}}
    assert maps.selected_code(state) == "35.09.25"
    assert maps.selected_code({"selection": {"indices": {}, "objects": {}}}) is None
    assert maps.selected_code(None) is None


def test_the_real_jember_map(regions):
    bounds = load_boundaries(read_dir(shared_geo()), regions, within="35.09")
    counts, targets = generate(regions)
    b = standings(
        counts[counts["measure"] == "households"], regions, "kecamatan", "35.09", date(2020, 3, 5),
        # One source's targets: the demo offers several for each region.
        targets=targets[(targets["measure"] == "households") & (targets["source"] == ONE)],
        by="percent",
    )  # fmt: skip
    shapes = bounds.of("kecamatan", "35.09")
    out = spec(maps.choropleth(b, shapes))
    features = out["layers"][0]["data"]["features"]
    # The names that fit without overlap are drawn (16 px); the others are named under the map.
    placement = labels.names_on_map(b, shapes)
    drawn = out["layers"][1]
    assert len(features) == 31 and len(drawn["data"]) == len(placement.shown) >= 25
    assert {d["code"] for d in drawn["data"]}.isdisjoint(placement.hidden_codes)
    assert drawn["getSize"] == 16 and "sizeUnits" not in drawn
    note = maps.unnamed_note(placement)
    assert note.startswith("Tidak muat di peta (arahkan kursor ke wilayahnya): ")
    assert all(lb.text in note for lb in placement.hidden)
    assert all(f["properties"]["fill"][:3] != [0xD9, 0xD9, 0xD9] for f in features)
    view = out["initialViewState"]
    assert 113 < view["longitude"] < 114.5 and -8.6 < view["latitude"] < -7.9
    assert 8 < view["zoom"] < 12


def test_colours_of_each_region_are_the_map_fills():
    rows = [
        ("35.09.25", "Jelbuk", 344, 7.6),
        ("35.09.19", "Kaliwates", 4040, 25.5),
        ("35.09.20", "Patrang", None, None),
    ]
    frame = board(rows)
    fills = maps.colours_of(frame)
    assert fills == {"35.09.25": "#7fcdbb", "35.09.19": "#253494", "35.09.20": maps.NO_DATA}
    features = spec(maps.choropleth(frame, shapes()))["layers"][0]["data"]["features"]
    assert {f["properties"]["code"]: f["properties"]["fill"][:3] for f in features}["35.09.19"] == [
        0x25,
        0x34,
        0x94,
    ]


def test_unnamed_note_is_empty_when_every_name_fits_and_speaks_english():
    placement = labels.Placement((), (), labels.PAGE_LABELS)
    assert maps.unnamed_note(placement) == ""
    hidden = (labels.Label("2", "Patrang", 0, 0), labels.Label("1", "Arjasa", 0, 0))
    placement = labels.Placement((), hidden, labels.PAGE_LABELS)
    assert maps.unnamed_note(placement, "en") == (
        "No room on the map for (hover over the region): Arjasa, Patrang."
    )


def test_tooltip_says_a_figure_is_carried_forward():
    frame = board([("35.09.25", "Jelbuk", 344, 7.6), ("35.09.19", "Kaliwates", 4040, 25.5)])
    frame["stale"] = [True, False]
    frame["last_date"] = pd.to_datetime(["2020-03-03", "2020-03-05"])
    features = spec(maps.choropleth(frame, shapes()))["layers"][0]["data"]["features"]
    tips = {f["properties"]["code"]: f["properties"]["tooltip"] for f in features}
    assert "344* KK" in tips["35.09.25"]
    assert "* angka 3 Maret 2020 (belum ada laporan baru)" in tips["35.09.25"]
    assert "4.040 KK" in tips["35.09.19"] and "*" not in tips["35.09.19"]


# A click on the map: a kecamatan or desa opens the kecamatan page; the home regency opens
# its kecamatan on the map; another regency is told by its standing; nothing picked, nothing.
@pytest.mark.parametrize(
    "code,level,expected",
    [
        ("35.09.25", "kecamatan", maps.Click("kecamatan", "35.09.25")),
        ("35.09.25.2001", "desa", maps.Click("kecamatan", "35.09.25")),
        ("35.09", "kabupaten", maps.Click("zoom", "35.09")),
        ("35.10", "kabupaten", maps.Click("standing", "35.10")),
        (None, "kabupaten", None),
        ("", "kecamatan", None),
    ],
)
def test_what_a_click_means(code, level, expected):
    assert maps.click_action(code, level, home="35.09") == expected


def test_the_standing_of_a_clicked_regency_comes_from_the_board():
    frame = board([("35.09", "Kabupaten Jember", 36464, 81.5), ("35.10", EVIL, 1000, 12.0)])
    frame["last_date"] = pd.NaT
    line = maps.standing_line(frame, "35.09", "households", "id")
    assert line == "Kabupaten Jember: peringkat 1 dari 2, 36.464 KK, 81,5% dari target."
    assert maps.standing_line(frame, "35.09", "households", "en") == (
        "Kabupaten Jember: rank 1 of 2, 36,464 households, 81.5% of target."
    )
    # Plain text: the page escapes it for Markdown.
    assert maps.standing_line(frame, "35.10", "households", "id").startswith(EVIL + ": ")


def test_the_standing_of_a_regency_with_no_data_or_off_the_board():
    frame = board([("35.09", "Kabupaten Jember", 36464, 81.5), ("35.10", "Banyuwangi", None, None)])
    assert maps.standing_line(frame, "35.10", "households", "id") == ("Banyuwangi: belum ada data.")
    assert maps.standing_line(frame, "99.99", "households", "id") == ""


def test_the_map_colours_by_status_with_a_legend_in_words():
    import pandas as pd

    from census_core.charts.maps import NO_DATA, STATUS_COLORS, colours_of, legend_of

    board = pd.DataFrame({"code": ["a", "b", "c"], "status": ["behind", "reached", None]})
    assert colours_of(board, "status") == {
        "a": STATUS_COLORS["behind"],
        "b": STATUS_COLORS["reached"],
        "c": NO_DATA,
    }
    labels = [item.label for item in legend_of(board, "status", "id")]
    assert labels[:4] == ["✓ target tercapai", "● sesuai jalur", "◐ perlu dorongan", "○ tertinggal"]
    assert legend_of(board, "status", "en")[3].label == "○ behind"


@pytest.mark.parametrize(
    "column,expected",
    [
        (None, (900, 620)),  # not known yet: the desktop size
        (1200, (900, 620)),
        (328, (328, 280)),  # a 360-pixel phone less the page's margins
        (700, (700, 560)),
    ],
)
def test_the_page_map_fits_the_column(column, expected):
    assert maps.page_map_size(column) == expected


@pytest.mark.parametrize("column", [328, 700, None])
def test_the_whole_regency_is_in_view_at_every_width(regions, column):
    from tests.geofixtures import shared_geo

    shapes = load_boundaries(read_dir(shared_geo()), regions, within="35.09").of(
        "kecamatan", "35.09"
    )
    width, height = maps.page_map_size(column)
    view = labels.fit(shapes, width, height)
    points = [p for s in shapes for ring in labels._rings(s.geometry) for p in ring]
    pixels = [view.pixel(p[0], p[1]) for p in points]
    assert all(0 <= x <= width and 0 <= y <= height for x, y in pixels)


def test_the_deck_is_sent_as_compact_json(regions):
    """pydeck indents its JSON two spaces a level: four times the bytes for the boundaries of a
    regency, sent to every reader's browser. The deck is sent without the indentation."""
    bounds = load_boundaries(read_dir(shared_geo()), regions, within="35.09")
    kec = bounds.of("kecamatan", "35.09")
    text = maps.choropleth(board([("35.09.25", "Jelbuk", 344, 7.6)]), kec).to_json()
    out = json.loads(text)
    assert text == json.dumps(out, separators=(",", ":"), sort_keys=True)
    assert len(out["layers"][0]["data"]["features"]) == 31

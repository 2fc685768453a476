"""The meeting screen's slides: order, paging, tags, timing, colours and the interval setting."""

import itertools
import json
from datetime import UTC, date, datetime

import pandas as pd
import pytest

from census_core.charts import maps
from census_core.charts.chartstyle import drawn_size
from census_core.charts.palette import (
    AA_NON_TEXT,
    AA_NORMAL,
    CHART_MARKS,
    CHART_TEXTS,
    CHART_THEMES,
    TEXT_PAIRS,
    THEMES,
    blend,
    contrast,
)
from census_core.geo.labels import SCREEN_LABELS, box_of, fit
from census_core.presentation import (
    CHART_HEIGHT,
    MAP_WIDTH,
    ROWS_PER_SLIDE,
    Frozen,
    asof_day,
    deck,
    due,
    ends_rows,
    ends_size,
    headline_slide,
    movers_rows,
    notice_left,
    order_of,
    page_slices,
    quiet_rows,
    rank_move,
    slide_name,
    unnamed_rows,
)
from census_core.settings import Settings, SettingsError
from census_core.standings.snapshot import load_snapshot

DAY_5 = date(2020, 3, 5)


@pytest.mark.parametrize(
    "n,sizes",
    [
        (38, [10, 10, 9, 9]),  # the kabupaten/kota of Jawa Timur
        (31, [8, 8, 8, 7]),  # the kecamatan of Jember
        (10, [10]),
        (11, [6, 5]),
        (1, [1]),
        (0, []),
    ],
)
def test_page_slices(n, sizes):
    parts = page_slices(n)
    assert [p.stop - p.start for p in parts] == sizes
    # Pages follow each other without gap or overlap.
    assert [p.start for p in parts] == [sum(sizes[:i]) for i in range(len(sizes))]


@pytest.mark.parametrize("n", range(1, 120))
def test_every_page_holds_at_most_ten_rows_and_every_row_is_on_one(n):
    parts = page_slices(n)
    assert all(0 < p.stop - p.start <= ROWS_PER_SLIDE for p in parts)
    assert sum(p.stop - p.start for p in parts) == n


@pytest.mark.parametrize(
    "elapsed,expected",
    [(0.0, False), (3.0, False), (11.9, False), (12.0, True), (15.0, True), (40.0, True)],
)
def test_a_slide_is_due_once_most_of_its_interval_has_passed(elapsed, expected):
    assert due(elapsed, 15.0) is expected


@pytest.mark.parametrize(
    "elapsed,steps,expected",
    [
        # Fresh: a minute to go.
        (0.0, 0, 60.0),
        (15.0, 1, 45.0),
        # Eleven slides at 15 s make 165 s a round: the minute comes first.
        (60.0, 4, 0.0),
        (90.0, 6, 0.0),
        # Stepped through by hand: once every slide has shown it, it goes.
        (20.0, 10, 40.0),
        (20.0, 11, 0.0),
        (20.0, 30, 0.0),
    ],
)
def test_a_notice_leaves_after_one_round_of_slides_or_a_minute(elapsed, steps, expected):
    assert notice_left(elapsed, steps, 11) == expected


@pytest.mark.parametrize(
    "change,expected", [(2, ("▲ 2", 1)), (-1, ("▼ 1", -1)), (0, ("=", 0)), (None, ("", 0))]
)
def test_rank_move_says_it_with_an_arrow(change, expected):
    assert rank_move(change) == expected


def test_the_deck_of_the_demo(demo_store):
    slides = deck(load_snapshot(demo_store), Settings(), order="lengkap")
    assert [s.key for s in slides] == [
        "headline",
        "kabupaten-1",
        "kabupaten-2",
        "kabupaten-3",
        "kabupaten-4",
        "kecamatan-1",
        "kecamatan-2",
        "kecamatan-3",
        "kecamatan-4",
        "thresholds",
        "quiet",
        "map",
        "trend",
    ]
    head = slides[0]
    assert head.title == "Kabupaten Jember"
    assert [(f.label, f.value) for f in head.figures] == [
        ("KK terdata", "36.464"),
        ("Peringkat di Jawa Timur", "1 dari 38"),
        ("Capaian target", "11,1%"),
        ("Sisa hari", "26"),
        ("Perlu per hari (KK)", "11.269"),
    ]
    # Four cards to a row: the status goes under the pace needed, in symbol and words.
    assert head.figures[-1].note.endswith("○ tertinggal")
    kab = [s for s in slides if s.key.startswith("kabupaten")]
    # Every board row says how it stands against the pace needed, in symbol and words.
    assert kab[0].columns[-1] == "Status" and all(r.status for s in kab for r in s.rows)
    assert sum(len(s.rows) for s in kab) == 38
    assert kab[0].rows[0].name == "Jember" and kab[0].rows[0].tags == ("home",)
    assert kab[0].subtitle == "halaman 1 dari 4"
    # Both Mojokerto on one board: the Kabupaten keeps "Kab.", the Kota its "Kota".
    names = [row.name for s in kab for row in s.rows]
    assert "Kab. Mojokerto" in names and "Kota Mojokerto" in names and "Mojokerto" not in names
    assert "Jember" in names and "Kab. Kediri" in names and "Kota Kediri" in names
    kec = [s for s in slides if s.key.startswith("kecamatan")]
    assert kec[0].callouts == ("Tertinggi: Kaliwates (4.040 KK)", "Terendah: Jelbuk (344 KK)")
    assert kec[0].rows[0].tags == ("top",)
    assert kec[-1].rows[-1].name == "Jelbuk" and kec[-1].rows[-1].tags == ("bottom",)
    assert kec[0].columns[:3] == ("#", "Kecamatan", "KK")
    # No boundaries given: the map slide says how to add them; the trend is a chart.
    assert slides[-2].kind == "pending" and "GeoJSON" in slides[-2].message
    assert slides[-1].kind == "trend" and slides[-1].chart is not None
    # On the cards' scale: 11,1% of target now, 29% of target by the deadline at this pace;
    # the target named by its count, the same pace needed as on the card.
    assert slides[-1].subtitle.endswith(
        "Jember mencapai 29% target pada 31 Maret; "
        "perlu 11.269 KK/hari untuk mencapai target 329.446 KK."
    )


@pytest.mark.parametrize("source", ["Pemkab 50%", "BPS 22%", "Penduduk 100%"])
def test_the_headline_sentence_is_the_home_pages_naming_the_same_target(demo_store, source):
    """The meeting screen's notes (and the deck file's) say what /, its WhatsApp text and the
    caption above the boards say: the share and the target it is of."""
    from census_core.display.attention import attention_view
    from census_core.display.views import home_view

    snap = load_snapshot(demo_store)
    settings = Settings(target_source=source)
    said = home_view(snap, settings, DAY_5).sentences
    notes = deck(snap, settings, day=DAY_5)[0].notes
    assert notes[:2] == tuple(said[:2])
    target = attention_view(snap, settings, DAY_5, with_chase=False).target
    assert target == f"target {source}" and f" dari {target}), " in said[0]
    english = deck(snap, settings, day=DAY_5, lang="en")[0].notes
    assert english[0] == home_view(snap, settings, DAY_5, lang="en").sentences[0]
    assert f" of target {source}), " in english[0]
    # Each board row's note names its target the same way, and a fallback as its row says.
    notes = [n for s in deck(snap, settings, day=DAY_5, order="lengkap") for n in s.notes]
    jember = next(n for n in notes if n.startswith("1. Jember: 36.464 KK ("))
    assert jember.endswith(f" dari target {source}), +2.440 sejak kemarin.")
    if source == "Pemkab 50%":  # Jember's own: the other kabupaten by half their population
        kediri = next(n for n in notes if ". Kab. Kediri: " in n)
        assert "(14,7% dari target 50% (Penduduk 100%))" in kediri


def test_the_short_order_is_the_default(demo_store):
    snap = load_snapshot(demo_store)
    slides = deck(snap, Settings())
    assert [s.key for s in slides] == [
        "headline",
        "kabupaten-ends",
        "kabupaten-moves",
        "kecamatan-ends",
        "kecamatan-moves",
        "thresholds",
        "quiet",
        "map",
        "trend",
    ]
    assert len(slides) < len(deck(snap, Settings(), order="lengkap"))
    assert order_of("lengkap") == "lengkap" and order_of(None) == order_of("x") == "ringkas"
    kab, kab_moves, kec, kec_moves = slides[1:5]
    # The top and bottom 5 with the home row (Jember is first: among the top).
    assert [r.rank for r in kab.rows] == ["1", "2", "3", "4", "5", "34", "35", "36", "36", "38"]
    assert kab.rows[0].name == "Jember" and kab.rows[0].tags == ("home", "top")
    assert kab.rows[-1].name == "Kab. Mojokerto" and kab.rows[-1].tags == ("bottom",)
    assert kab.subtitle == "5 teratas dan 5 terbawah"
    assert kec.rows[0].name == "Kaliwates" and kec.rows[0].tags == ("top",)
    assert len(kec.rows) == 10 and kec.rows[-1].name == "Jelbuk"
    assert kec.rows[-1].tags == ("bottom",)
    # Who moved since the day before, by places.
    assert [(r.name, r.move) for r in kab_moves.rows] == [
        ("Pacitan", "▲ 1"),
        ("Nganjuk", "▼ 1"),
        ("Kota Probolinggo", "▲ 1"),
    ]
    assert kec_moves.title == "Naik dan turun peringkat: kecamatan Kabupaten Jember"
    assert all(r.move for r in kec_moves.rows)


def _board(ranks, moves, last, home=None):
    """A small board: codes r1.., ranked as given (None: no count), moves and last days."""
    n = len(ranks)
    return pd.DataFrame(
        {
            "code": [f"r{i}" for i in range(1, n + 1)],
            "name": [f"Kabupaten R{i}" for i in range(1, n + 1)],
            "rank": pd.array(ranks, dtype="Int64"),
            "rank_change": pd.array(moves, dtype="Int64"),
            "last_date": pd.to_datetime(last),
        }
    )


@pytest.mark.parametrize(
    "home,n,expected",
    [
        (None, 2, ["r1", "r2", "r5", "r6"]),
        ("r1", 2, ["r1", "r2", "r5", "r6"]),  # home among the top: no line of its own
        ("r3", 1, ["r1", "r3", "r6"]),  # home between the ends: one fewer at each end
    ],
)
def test_the_ends_of_a_board_always_hold_the_home_row(home, n, expected):
    board = _board([1, 2, 3, 4, 5, 6, None], [0] * 7, ["2020-03-05"] * 6 + [None])
    assert ends_size(board, home, 2) == n
    assert list(ends_rows(board, n, home)["code"]) == expected


def test_movers_by_places_and_regions_not_reported_for_days():
    board = _board(
        [1, 2, 3, 4, 5, None],
        [0, 2, -3, 1, None, None],
        ["2020-03-05", "2020-03-04", "2020-03-03", "2020-03-01", "2020-03-05", None],
    )
    assert list(movers_rows(board)["code"]) == ["r3", "r2", "r4"]
    assert list(movers_rows(board, limit=1)["code"]) == ["r3"]
    # More than two days: the last report before 3 March; the oldest first, never reported last.
    assert list(quiet_rows(board, date(2020, 3, 5))["code"]) == ["r4", "r6"]
    assert list(quiet_rows(board, date(2020, 3, 5), days=1)["code"]) == ["r4", "r3", "r6"]


def test_the_short_order_says_who_has_not_reported(demo_store):
    snap = load_snapshot(demo_store)
    slides = deck(snap, Settings(), day=date(2020, 3, 8))
    [quiet] = [s for s in slides if s.key == "kabupaten-quiet"]
    assert quiet.title == "Belum lapor lebih dari 2 hari: kabupaten/kota Jawa Timur"
    assert quiet.subtitle == "38 wilayah, laporan terlama lebih dulu"
    assert len(quiet.rows) == ROWS_PER_SLIDE and "5 Maret" in quiet.footnote
    # The kecamatan by the one rule of attention.quiet_regions, with their desa and operators.
    kecamatan = [s for s in slides if s.key.startswith("quiet-")]
    assert kecamatan[0].title == "Belum lapor lebih dari 2 hari: 31 kecamatan"
    assert sum(len(s.rows) for s in kecamatan) == 31


@pytest.mark.parametrize(
    "slide_key_name",
    [("kabupaten", "Kab. {}"), ("kota", "Kota {}")],
)
def test_a_slide_name_keeps_kab_only_where_a_kota_shares_it(slide_key_name):
    kind, form = slide_key_name
    names = {"Kabupaten Mojokerto", "Kota Mojokerto", "Kabupaten Jember"}
    name = "Kabupaten Mojokerto" if kind == "kabupaten" else "Kota Mojokerto"
    assert slide_name(name, names) == form.format("Mojokerto")
    assert slide_name("Kabupaten Jember", names) == "Jember"
    assert slide_name("Kabupaten Mojokerto", names, "en") == "Kab. Mojokerto"


@pytest.mark.parametrize(
    "change,rank_change,expected",
    [
        (2440, 1, [("▲ +2.440 sejak kemarin", 1), ("▲ naik 1 sejak kemarin", 1)]),
        (-464, -2, [("▼ −464 sejak kemarin", -1), ("▼ turun 2 sejak kemarin", -1)]),
        (0, 0, [("= 0 sejak kemarin", 0), ("= tetap sejak kemarin", 0)]),
    ],
)
def test_the_headline_shows_a_fall_as_a_fall(demo_store, change, rank_change, expected):
    snap = load_snapshot(demo_store)
    day = snap.latest_date()
    board = snap.board("kabupaten", "35", day, Settings()).copy()
    home = board["code"] == "35.09"
    board.loc[home, "change"] = change
    board.loc[home, "rank_change"] = rank_change
    slide = headline_slide(board, "35.09", "Jawa Timur", day, Settings(), "KK")
    assert [(f.note, f.trend) for f in slide.figures[:2]] == expected
    # Share of target and days left are not changes: muted, no arrow.
    assert [f.trend for f in slide.figures[2:4]] == [0, 0]


def test_the_map_slide_colours_the_kecamatan_by_share_of_target(demo_store, regions):
    from census_core.geo.geo import load_boundaries, read_dir
    from tests.geofixtures import shared_geo

    shapes = load_boundaries(read_dir(shared_geo()), regions, within="35.09").of(
        "kecamatan", "35.09"
    )
    slides = deck(load_snapshot(demo_store), Settings(), shapes=shapes)
    [slide] = [s for s in slides if s.key == "map"]
    assert slide.kind == "map" and slide.chart is not None
    assert slide.subtitle == "Warna menurut persentase target, data s.d. 5 Maret 2020"
    assert slide.legend[0][1] == "0–6%"
    # Names read from the back of the room (28 px), never on top of each other; every
    # kecamatan the map cannot name is listed beside it, with its colour and share.
    drawn = json.loads(slide.chart.to_json())["layers"][1]
    assert drawn["getSize"] >= 28
    view = fit(shapes, MAP_WIDTH, CHART_HEIGHT)
    style = SCREEN_LABELS
    boxes = [box_of(d["text"], *view.pixel(*d["position"]), style) for d in drawn["data"]]
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    assert all(b.inside(MAP_WIDTH, CHART_HEIGHT) for b in boxes)
    named = {d["text"] for d in drawn["data"]}
    listed = {name for _, name, _ in slide.aside}
    assert len(named) >= 15 and not named & listed and len(named | listed) == 31
    assert slide.aside_title == "Tidak muat di peta"
    shares = [float(value.rstrip("%").replace(",", ".")) for _, _, value in slide.aside]
    assert shares == sorted(shares, reverse=True)
    assert all(colour in maps.PALETTE for colour, _, _ in slide.aside)


def test_a_long_list_of_unnamed_regions_ends_with_how_many_more(demo_store):
    snap = load_snapshot(demo_store)
    board = snap.board("kecamatan", "35.09", snap.latest_date(), Settings())
    rows = unnamed_rows(board, list(board["code"]), "id", limit=5)
    assert len(rows) == 5 and rows[-1] == ("", "dan 27 lainnya", "")
    assert rows[0][1] == "Kaliwates"  # highest share first
    assert len(unnamed_rows(board, list(board["code"][:5]), "en", limit=5)) == 5


def test_the_deck_in_english(demo_store):
    slides = deck(load_snapshot(demo_store), Settings(), "en")
    assert slides[0].figures[1].value == "1 of 38"
    assert slides[0].subtitle == "Online Population Census 2020 · Data up to 5 March 2020"
    assert slides[1].title.startswith("Ranking of regency/city Jawa Timur")


def test_an_empty_store_has_one_slide_that_says_so(fresh_store):
    [slide] = deck(load_snapshot(fresh_store), Settings())
    assert slide.kind == "empty" and "Unggah" in slide.message


@pytest.mark.parametrize("name", sorted(THEMES))
@pytest.mark.parametrize("fg,bg", TEXT_PAIRS)
def test_every_text_colour_meets_wcag_aa(name, fg, bg):
    colours = THEMES[name]
    assert contrast(colours[fg], colours[bg]) >= AA_NORMAL


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_chart_colour_meets_wcag_aa_on_the_slide(name):
    c = CHART_THEMES[name]
    assert c.background == THEMES[name]["bg"]
    for colour in (*c.series, *(getattr(c, key) for key in CHART_MARKS)):
        assert contrast(colour, c.background) >= AA_NON_TEXT, colour
    for key in CHART_TEXTS:
        assert contrast(getattr(c, key), c.background) >= AA_NORMAL, key
    # A map label reads on its halo whatever the halo is drawn over.
    for under in (c.background, *maps.PALETTE, maps.NO_DATA):
        assert contrast(c.label, blend(c.halo, under, c.halo_alpha / 255)) >= AA_NORMAL, under


def _vega_colours(spec: dict):
    """(colour, opacity, is_text) of every mark, encoding and axis or legend colour of a spec."""
    for layer in spec["layer"]:
        mark, encoding = layer["mark"], layer.get("encoding", {})
        text = mark["type"] == "text"
        opacity = mark.get("opacity", 1)
        own = [mark[k] for k in ("color", "stroke", "fill") if k in mark]
        scale = encoding.get("color", {}).get("scale", {})
        own += list(scale.get("range", []))
        # A mark with no colour of its own would take Vega's default blue: never on a slide.
        assert own, layer
        for colour in own:
            yield colour, opacity, text
    config = spec["config"]
    for part in ("axis", "legend"):
        for key in ("labelColor", "titleColor"):
            yield config[part][key], 1, True
    for key in ("domainColor", "tickColor"):
        yield config["axis"][key], 1, False


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_mark_of_the_trend_slide_meets_wcag_aa(demo_store, name):
    slides = deck(load_snapshot(demo_store), Settings(), theme=name)
    spec = slides[-1].chart.to_dict()
    background = THEMES[name]["bg"]
    assert spec["background"] == background
    found = list(_vega_colours(spec))
    assert len(found) >= 10
    for colour, opacity, text in found:
        seen = blend(colour, background, opacity)
        assert contrast(seen, background) >= (AA_NORMAL if text else AA_NON_TEXT), colour
    # Type for the back of the room: axes, legend and the words drawn in the plot.
    config = spec["config"]
    at = CHART_HEIGHT
    assert drawn_size(config["axis"]["labelFontSize"], at) >= 24
    assert drawn_size(config["legend"]["labelFontSize"], at) >= 24
    sizes = [
        drawn_size(layer["mark"]["fontSize"], at)
        for layer in spec["layer"]
        if layer["mark"]["type"] == "text"
    ]
    assert sizes and min(sizes) >= 24


@pytest.mark.parametrize("name", sorted(THEMES))
def test_the_map_slide_borders_and_labels_meet_wcag_aa(demo_store, regions, name):
    from census_core.geo.geo import load_boundaries, read_dir
    from tests.geofixtures import shared_geo

    shapes = load_boundaries(read_dir(shared_geo()), regions, within="35.09").of(
        "kecamatan", "35.09"
    )
    slides = deck(load_snapshot(demo_store), Settings(), shapes=shapes, theme=name)
    layers = json.loads(slides[-2].chart.to_json())["layers"]
    background = THEMES[name]["bg"]
    hexed = "#{:02x}{:02x}{:02x}".format
    # Every region's edge is seen against the slide, however pale its fill.
    line = layers[0]["getLineColor"]
    assert contrast(hexed(*line[:3]), background) >= AA_NON_TEXT
    label = layers[1]
    text, halo = hexed(*label["getColor"][:3]), label["getBackgroundColor"]
    for under in (background, *maps.PALETTE, maps.NO_DATA):
        box = blend(hexed(*halo[:3]), under, halo[3] / 255)
        assert contrast(text, box) >= AA_NORMAL


def test_contrast_of_black_on_white_is_21():
    assert round(contrast("#000000", "#ffffff"), 2) == 21.0


@pytest.mark.parametrize("value,expected", [(None, 15.0), ("8", 8.0), ("7,5", 7.5), (" 30 ", 30.0)])
def test_slide_interval_setting(monkeypatch, value, expected):
    monkeypatch.delenv("CENSUS_SLIDE_SECONDS", raising=False)
    if value is not None:
        monkeypatch.setenv("CENSUS_SLIDE_SECONDS", value)
    assert Settings.load().slide_seconds == expected


@pytest.mark.parametrize("value", ["cepat", "1", "0", "-5", "nan", "100000"])
def test_slide_interval_setting_refuses_what_nobody_could_read(monkeypatch, value):
    monkeypatch.setenv("CENSUS_SLIDE_SECONDS", value)
    with pytest.raises(SettingsError, match="CENSUS_SLIDE_SECONDS"):
        Settings.load()


def test_board_slides_mark_carried_forward_figures(regions):
    from datetime import date

    import pandas as pd

    from census_core.presentation.board_pages import board_slides
    from census_core.standings.progress import standings

    counts = pd.DataFrame(
        [("35.09.19", "2020-03-05", 4040), ("35.09.25", "2020-03-03", 344)],
        columns=["region", "date", "value"],
    )
    counts["date"] = pd.to_datetime(counts["date"])
    board = standings(counts, regions, "kecamatan", "35.09", date(2020, 3, 5))
    first = board_slides(board, "Kecamatan", "KK")[0]
    counts_shown = {row.name: row.count for row in first.rows}
    assert counts_shown["Jelbuk"] == "344*" and counts_shown["Kaliwates"] == "4.040"
    assert first.footnote == "* belum ada laporan baru: angka terakhir dari 3 Maret (1 wilayah)"


def _kecamatan_of_6_march(store, plus: int) -> None:
    """Every kecamatan of Jember, `plus` above its 5 March count, stored for 6 March."""
    snap = load_snapshot(store)
    board = snap.board("kecamatan", "35.09", snap.latest_date(), Settings())
    rows = pd.DataFrame(
        {"region": board["code"], "date": "2020-03-06", "measure": "households"}
    ).assign(value=[int(c) + plus for c in board["count"]])
    store.commit_counts(rows, user="Ani", file_name="kec_6_maret.csv", sha256="e" * 64)


def test_the_deck_of_a_chosen_day_holds_still_after_a_new_day(demo_store):
    _kecamatan_of_6_march(demo_store, 100)
    snap = load_snapshot(demo_store)
    live = deck(snap, Settings())
    assert live[0].figures[0].value == "39.564"
    frozen = deck(snap, Settings(), day=date(2020, 3, 5))
    assert frozen[0].figures[0].value == "36.464"
    kec = [s for s in frozen if s.key.startswith("kecamatan")]
    assert kec[0].rows[0].name == "Kaliwates" and kec[0].rows[0].count == "4.040"
    assert "5 Maret 2020" in kec[0].title


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2020-03-05", date(2020, 3, 5)),
        (None, None),
        ("", None),
        ("5 Maret", None),  # only the URL's own form, so a link means one day
        ("2020-02-30", None),
    ],
)
def test_a_day_from_the_url(text, expected):
    assert asof_day(text) == expected


def test_the_badge_says_what_is_shown_and_since_when():
    since = datetime(2020, 3, 6, 2, 12, tzinfo=UTC)  # 09.12 in Jakarta
    held = Frozen(snap=None, day=date(2020, 3, 5), since=since)  # type: ignore[arg-type]
    assert held.badge("id") == "Dibekukan: data s.d. 5 Maret 2020, sejak 09.12 WIB"
    assert held.badge("en") == "Frozen: data as of 5 March 2020, since 09:12 WIB"


def test_the_threshold_and_quiet_slides(demo_store):
    slides = {s.key: s for s in deck(load_snapshot(demo_store), Settings())}
    figures = slides["thresholds"].figures
    assert [(f.label, f.value) for f in figures] == [
        ("kecamatan ≥ 25% target Pemkab 50%", "1 dari 31"),
        ("kecamatan ≥ 50% target Pemkab 50%", "0 dari 31"),
    ]
    assert slides["quiet"].message == "Semua kecamatan sudah lapor dalam 2 hari terakhir."


def test_quiet_kecamatan_on_a_slide_with_their_last_figure_and_operator(demo_store):
    day = date(2020, 3, 9)  # four days after the demo's last figures
    slides = deck(load_snapshot(demo_store), Settings(), day=day)
    quiet = [s for s in slides if s.key.startswith("quiet-")]
    rows = [r for s in quiet for r in s.rows]
    assert len(rows) == 31 and len(quiet) == 4
    assert rows[0].count == "5 Maret 2020" and rows[0].percent == "demo"

"""The meeting screen under AppTest: the slide sequence, stepping, pausing, paging, live data."""

import dataclasses
import json
import re
from datetime import timedelta

import pandas as pd
import pytest

from census_core.presentation import Figure, Row, Slide
from census_core.store import Store
from tests.geofixtures import shared_geo
from ui.present import render

# The short order, the default; the full boards with ?urutan=lengkap.
SHORT = [
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
SEQUENCE = [
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


@pytest.fixture
def show(app, monkeypatch):
    # An hour per slide: the timer never fires between two steps of a test.
    monkeypatch.setenv("CENSUS_SLIDE_SECONDS", "3600")

    def make(**query):
        # AppTest finds a page of st.navigation only after a first run of the router.
        at = app(**query).run()
        return at.switch_page("app_pages/presentasi.py").run()

    return make


def slide_html(at) -> str:
    [html] = [h.value for h in at.html if 'data-testid="slide"' in h.value]
    return html


def slide_key(at) -> str:
    return re.search(r'data-slide="([^"]+)"', slide_html(at)).group(1)


def board_rows(at) -> int:
    return slide_html(at).count("<tr") - 1  # less the header row


def test_the_screen_opens_on_the_headline(show):
    at = show()
    assert not at.exception
    assert slide_key(at) == "headline"
    html = slide_html(at)
    assert "36.464" in html and "1 dari 38" in html and "Data simulasi" in html
    assert [b.label for b in at.button] == [
        "◀ Sebelumnya",
        "Jeda",
        "Berikutnya ▶",
        "Tema terang",
        "Bekukan",
        "Urutan lengkap",
    ]


@pytest.mark.parametrize("query,sequence", [({}, SHORT), ({"urutan": "lengkap"}, SEQUENCE)])
def test_next_steps_through_every_slide_and_wraps_around(show, query, sequence):
    at = show(**query)
    seen = [slide_key(at)]
    for _ in range(len(sequence)):
        at.button(key="slide_next").click().run()
        seen.append(slide_key(at))
    assert seen == [*sequence, "headline"]


def test_the_order_button_shows_the_full_boards_and_back(show):
    at = show()
    at.button(key="slide_order").click().run()
    assert at.query_params["urutan"] in (["lengkap"], "lengkap")
    assert at.button(key="slide_order").label == "Urutan ringkas"
    at.button(key="slide_next").click().run()
    assert slide_key(at) == "kabupaten-1" and f"2/{len(SEQUENCE)}" in slide_html(at)
    at.button(key="slide_order").click().run()
    assert "urutan" not in at.query_params
    assert at.button(key="slide_order").label == "Urutan lengkap"
    assert f"/{len(SHORT)}" in slide_html(at)


def test_the_short_order_shows_each_boards_ends_with_the_home_row(show):
    at = show()
    at.button(key="slide_next").click().run()
    assert slide_key(at) == "kabupaten-ends" and board_rows(at) == 10
    html = slide_html(at)
    assert "5 teratas dan 5 terbawah" in html and "Kab. Mojokerto" in html
    assert '▶ Jember<span class="tag home">kita</span>' in html


def test_previous_from_the_first_slide_goes_to_the_last(show):
    at = show()
    at.button(key="slide_prev").click().run()
    assert slide_key(at) == "trend"
    at.button(key="slide_prev").click().run()
    assert slide_key(at) == "map"


def test_the_board_of_38_pages_itself_in_at_most_ten_rows(show):
    at = show(urutan="lengkap")
    rows = []
    for _ in range(4):
        at.button(key="slide_next").click().run()
        assert slide_key(at).startswith("kabupaten")
        rows.append(board_rows(at))
    assert rows == [10, 10, 9, 9]
    html = slide_html(at)
    assert "halaman 4 dari 4" in html
    # The home regency is on the first page, highlighted.
    at.button(key="slide_prev").click().run()
    at.button(key="slide_prev").click().run()
    at.button(key="slide_prev").click().run()
    assert '<tr class="home">' in slide_html(at)
    assert '▶ Jember<span class="tag home">kita</span>' in slide_html(at)


def test_the_kecamatan_board_calls_out_highest_and_lowest(show):
    at = show(urutan="lengkap")
    for _ in range(5):
        at.button(key="slide_next").click().run()
    html = slide_html(at)
    assert "Tertinggi: Kaliwates (4.040 KK)" in html and "Terendah: Jelbuk (344 KK)" in html
    assert 'Kaliwates<span class="tag top">tertinggi</span>' in html


def test_pause_holds_the_slide_and_play_resumes(show):
    at = show()
    at.button(key="slide_pause").click().run()
    assert at.button(key="slide_pause").label == "▶ Putar"
    assert f"1/{len(SHORT)} · dijeda" in slide_html(at)
    # Stepping still works while paused.
    at.button(key="slide_next").click().run()
    assert slide_key(at) == "kabupaten-ends" and f"2/{len(SHORT)} · dijeda" in slide_html(at)
    at.button(key="slide_pause").click().run()
    assert at.button(key="slide_pause").label == "Jeda"
    assert "dijeda" not in slide_html(at)


def test_the_theme_button_switches_to_light_and_back(show):
    at = show()
    assert "#0e1621" in "".join(h.value for h in at.html)  # dark background
    at.button(key="slide_theme").click().run()
    assert at.query_params["theme"] == ["light"] or at.query_params["theme"] == "light"
    assert "#ffffff" in "".join(h.value for h in at.html)
    assert at.button(key="slide_theme").label == "Tema gelap"


def test_english_on_request(show):
    at = show(lang="en")
    assert "1 of 38" in slide_html(at)
    assert at.button(key="slide_next").label == "Next ▶"


def commit(url, region, value, sha):
    rows = pd.DataFrame(
        [{"region": region, "date": "2020-03-06", "measure": "households", "value": value}]
    )
    Store(url).commit_counts(rows, user="Rina", file_name="6 maret.csv", sha256=sha * 64)


def test_a_new_batch_shows_on_the_screen_with_what_changed(show, demo_url):
    at = show()
    assert "live-notice" not in slide_html(at)
    commit(demo_url, "35.09.21", 4152, "1")
    at.run()
    html = slide_html(at)
    assert "Sumbersari naik 540 menjadi 4.152, naik ke peringkat 1" in html
    assert "Data s.d. 6 Maret 2020" in html


def notice_of(at) -> str:
    found = re.search(r'<div class="live-notice".*?</div>', slide_html(at))
    return found.group(0) if found else ""


def test_the_notice_leaves_after_one_round_of_the_slides(show, demo_url):
    at = show()
    commit(demo_url, "35.09.21", 4152, "4")
    at.run()
    assert "Sumbersari naik 540" in notice_of(at)
    count = int(re.search(r"1/(\d+)", slide_html(at)).group(1))
    # It rides along on every slide once: all but one step on, it is still there...
    for _ in range(count - 1):
        at.button(key="slide_next").click().run()
        assert "Sumbersari naik 540" in notice_of(at), slide_key(at)
    # ...and back on the slide where it appeared, it is gone; its strip stays, empty.
    at.button(key="slide_next").click().run()
    assert slide_key(at) == "headline"
    assert notice_of(at) == "" and '<div class="notice-strip"></div>' in slide_html(at)


def test_the_notice_leaves_after_a_minute(show, demo_url):
    at = show()
    commit(demo_url, "35.09.21", 4152, "5")
    at.run()
    notice = at.session_state["live_notice"]
    # The page hides it on time by itself: it is told how many seconds are left.
    assert re.search(r"animation: notice-off 0s linear (59|60)\.\d+s forwards", notice_of(at))
    at.session_state["live_notice"] = dataclasses.replace(
        notice, when=notice.when - timedelta(seconds=61)
    )
    at.button(key="slide_next").click().run()
    assert notice_of(at) == ""


def test_an_undo_is_announced_as_an_undo(show, demo_url):
    commit(demo_url, "35.09.21", 4152, "6")
    at = show()
    store = Store(demo_url)
    batch = int(store.batches()["id"].max())
    store.undo(batch, user="Rina")
    at.run()
    notice = notice_of(at)
    assert f"Batch {batch} dibatalkan" in notice
    assert "Sumbersari kembali ke 3.612, turun ke peringkat 2" in notice
    assert "Kaliwates naik ke peringkat 1" in notice
    english = show(lang="en")
    assert notice_of(english) == ""  # a screen opened after the undo has no news


def test_a_page_says_what_changed_and_follows_the_newest_day(app, demo_url):
    at = app().run()
    assert not [h for h in at.html if "live-notice" in h.value]
    commit(demo_url, "35.09.19", 4152, "2")
    at.run()
    assert not at.exception
    [notice] = [h.value for h in at.html if "live-notice" in h.value]
    assert "Kaliwates naik 112 menjadi 4.152" in notice
    assert at.selectbox(key="as_of_id").value.isoformat() == "2020-03-06"


@pytest.mark.parametrize(
    "trend,css",
    [(1, '<div class="note up">'), (-1, '<div class="note down">'), (0, '<div class="note">')],
)
def test_a_figure_is_coloured_by_its_own_direction(trend, css):
    figure = Figure("KK terdata", "36.000", "▼ −464 sejak kemarin", trend)
    slide = Slide("headline", "Kabupaten Jember", figures=(figure, figure), key="headline")
    html = render(slide, "1/11", "Data", "id")
    assert html.count(css) == 2


def test_a_fall_on_the_screen_and_on_the_home_page(show, app, demo_url):
    commit(demo_url, "35.09", 36000, "3")  # a corrected count for 6 March, below 5 March
    at = show()
    html = slide_html(at)
    assert '<div class="note down">▼ −464 sejak kemarin</div>' in html
    home = app().run()
    card = next(m for m in home.metric if m.label == "KK terdata")
    assert card.value == "36.000" and card.proto.delta == "−464"
    assert card.proto.direction == card.proto.DOWN and card.proto.color == card.proto.RED


def test_the_map_slide_names_what_fits_and_lists_the_rest(show, monkeypatch):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(shared_geo()))
    at = show()
    at.button(key="slide_prev").click().run()
    at.button(key="slide_prev").click().run()
    assert not at.exception
    [aside] = [h.value for h in at.html if 'data-testid="map-aside"' in h.value]
    assert "Tidak muat di peta" in aside and "Kaliwates" in aside and "25,5%" in aside
    [chart] = at.get("deck_gl_json_chart")
    names = json.loads(chart.proto.json)["layers"][1]
    assert names["getSize"] == 28
    assert not {d["text"] for d in names["data"]} & set(re.findall(r"<td>([A-Z]\w+)</td>", aside))


def test_region_names_never_become_markup():
    slide = Slide(
        "board",
        "<b>title</b>",
        columns=("#", "Kecamatan", "KK", "% target", "Sehari", "Posisi"),
        rows=(Row("1", "<img src=x onerror=alert(1)>", "1", "1%", "+1", "="),),
        callouts=("Tertinggi: <i>x</i>",),
        key='"><script>',
    )
    html = render(slide, "1/1", "Data <s>", "id")
    assert "<img" not in html and "<script>" not in html and "<i>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_a_frozen_screen_keeps_its_figures_while_data_arrives(show, demo_url):
    at = show()
    at.button(key="slide_next").click().run()  # on the province board
    at.button(key="slide_freeze").click().run()
    assert not at.exception
    assert at.session_state["slide_index"] == 1
    assert re.search(r"Dibekukan: data s.d. 5 Maret 2020, sejak \d\d\.\d\d WIB", slide_html(at))
    assert "frozen-news" not in slide_html(at)
    at.button(key="slide_prev").click().run()
    assert "36.464" in slide_html(at)
    commit(demo_url, "35.09.21", 4152, "8")
    at.run()  # the live watcher's rerun (AppTest runs no timers)
    html = slide_html(at)
    assert "36.464" in html and "Data simulasi, s.d. 5 Maret 2020" in html
    assert "live-notice" not in html and "Sumbersari" not in html  # no news of figures...
    assert '<span class="frozen-news" data-testid="frozen-news">data baru tersedia</span>' in html
    at.button(key="slide_resume").click().run()  # ...until the screen goes live again
    html = slide_html(at)
    assert "36.464" not in html and "6 Maret 2020" in html and "Dibekukan" not in html
    assert at.button(key="slide_freeze").label == "Bekukan"


def test_a_day_on_the_url_shows_that_days_boards(show, demo_url):
    rows = pd.DataFrame(
        [{"region": "35.09", "date": "2020-03-06", "measure": "households", "value": 39564}]
    )
    Store(demo_url).commit_counts(rows, user="Rina", file_name="6 maret.csv", sha256="9" * 64)
    live = show()
    assert "39.564" in slide_html(live)
    at = show(asof="2020-03-05")
    html = slide_html(at)
    assert "36.464" in html and "39.564" not in html and "Dibekukan: data s.d. 5 Maret 2020" in html
    assert "frozen-news" not in html
    at.button(key="slide_resume").click().run()
    assert "asof" not in at.query_params
    html = slide_html(at)
    assert "39.564" in html and "Dibekukan" not in html


def test_a_day_on_the_url_in_english_and_a_bad_day_is_live(show):
    at = show(asof="2020-03-04", lang="en")
    assert "Frozen: data as of 4 March 2020" in slide_html(at)
    assert at.button(key="slide_resume").label == "Back to live"
    assert "Dibekukan" not in slide_html(show(asof="kemarin"))


@pytest.fixture
def deferred(monkeypatch):
    """The file makers each download button registered, by file name: Streamlit calls them
    on a click only, in a thread of its own."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    makers: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def keep(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        makers[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    return makers


def test_the_meeting_deck_downloads_as_pptx_and_pdf_for_the_shown_day(show, deferred):
    import io
    from datetime import date

    from pptx import Presentation

    at = show(asof="2020-03-04")
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["PowerPoint (.pptx)", "PDF (.pdf)"]
    assert at.date_input(key="deck_day").value == date(2020, 3, 4)
    decks = {name for name in deferred if name.startswith("bahan-rapat")}
    assert decks == {"bahan-rapat-2020-03-04.pptx", "bahan-rapat-2020-03-04.pdf"}
    # Nothing is made until a click: the page's reruns stay as fast as before.
    pages = list(Presentation(io.BytesIO(deferred["bahan-rapat-2020-03-04.pptx"]())).slides)
    assert [p.shapes.title.text for p in pages][:2] == [
        "Kabupaten Jember",
        "Peringkat kabupaten/kota Jawa Timur menurut jumlah, data s.d. 4 Maret 2020",
    ]
    assert len(pages) == len(SHORT)  # the order on screen
    # Another day chosen: that day's file.
    deferred.clear()
    at.date_input(key="deck_day").set_value(date(2020, 3, 2)).run()
    assert not at.exception
    data = deferred["bahan-rapat-2020-03-02.pdf"]()
    assert data.startswith(b"%PDF")

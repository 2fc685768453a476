"""Peringkat (/) under AppTest on the demo store: the seed figures, sorting, language, filter."""

from datetime import date
from io import BytesIO

import pandas as pd
from PIL import Image


def _metric(at, label):
    return next(m for m in at.metric if m.label == label)


def _board(at, name):
    """The board whose Wilayah/Region column holds `name`."""
    for frame in at.dataframe:
        table = frame.value
        column = "Wilayah" if "Wilayah" in table else "Region"
        if (
            column in table
            and name in list(table[column])
            and ("KK" in table or "households" in table)
        ):
            return table
    raise AssertionError(f"no board with {name}")


def _sort(at):
    """The sort choice: one radio per language and measure, each keeping the choice in "by"."""
    [radio] = [r for r in at.radio if r.key and r.key.startswith("by_")]
    return radio


def test_headline_and_boards_show_the_report_of_6_march(app):
    at = app().run()
    assert not at.exception
    assert _metric(at, "KK terdata").value == "36.464"
    assert _metric(at, "Peringkat di Jawa Timur").value == "1 dari 38"
    assert _metric(at, "Sisa hari").value == "26"
    assert at.markdown[0].value.startswith("Kabupaten Jember peringkat 1 dari 38 kabupaten/kota")
    province = _board(at, "Kabupaten Mojokerto")
    assert province["Wilayah"].iloc[0] == "Kabupaten Jember"
    assert province["Wilayah"].iloc[-1] == "Kabupaten Mojokerto"
    kecamatan = _board(at, "Jelbuk")
    first, last = kecamatan.iloc[0], kecamatan.iloc[-1]
    assert (first["Wilayah"], first["KK"], first["Peringkat"]) == ("Kaliwates", "4.040", "1")
    assert (last["Wilayah"], last["KK"], last["Peringkat"]) == ("Jelbuk", "344", "31")
    callouts = [m.value for m in at.markdown if "Tertinggi" in m.value]
    assert any("Kabupaten Mojokerto (1.102 KK)" in c for c in callouts)
    assert any("Kaliwates (4.040 KK); terendah: Jelbuk (344 KK)" in c for c in callouts)


def test_sorting_by_share_of_target_says_so_and_reorders(app):
    at = app().run()
    # The kabupaten compared as BPS Jawa Timur did: by share of the whole population (the
    # default, Pemkab 50%, is Jember's own target: the other kabupaten have none under it).
    at.selectbox(key="target_source").set_value("Penduduk 100%").run()
    _sort(at).set_value("percent").run()
    assert not at.exception
    assert any("menurut persentase target" in c.value for c in at.caption)
    province = _board(at, "Kabupaten Mojokerto")
    shares = list(province["Capaian target"])
    assert shares == sorted(shares, reverse=True)
    assert province["Wilayah"].iloc[0] != "Kabupaten Jember"


def test_english_switches_words_and_number_formats(app):
    at = app().run()
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert _metric(at, "Households counted").value == "36,464"
    assert _metric(at, "Rank in Jawa Timur").value == "1 of 38"
    assert any("Ranking of district Kabupaten Jember by count" in c.value for c in at.caption)
    assert any("Simulated data" in c.value for c in at.sidebar.caption)


def test_filter_by_name_keeps_matching_rows(app):
    at = app().run()
    at.text_input(key="cari").input("kaliw").run()
    kecamatan = _board(at, "Kaliwates")
    assert list(kecamatan["Wilayah"]) == ["Kaliwates"]


def test_a_stale_figure_says_which_day_it_is_from(app, demo_store):
    rows = pd.DataFrame(
        [{"region": "35.09", "date": date(2020, 3, 6), "measure": "households", "value": 38000}]
    )
    demo_store.commit_counts(rows, user="Rina", file_name="6-maret.csv", sha256="x" * 64)
    at = app().run()
    assert not at.exception
    province = _board(at, "Kabupaten Kediri")
    kediri = province[province["Wilayah"] == "Kabupaten Kediri"].iloc[0]
    assert kediri["Keterangan"] == "data 5 Maret"
    line = at.sidebar.caption[-1].value
    assert line.startswith("Data s.d. 6 Maret 2020, diunggah ") and line.endswith(" oleh Rina")


def test_the_as_of_date_turns_the_boards_back(app):
    at = app().run()
    at.sidebar.selectbox(key="as_of_id").set_value(date(2020, 3, 4)).run()
    assert not at.exception
    assert _metric(at, "KK terdata").value == "34.024"  # 36.464 less the 2.440 of 5 March
    assert any("data s.d. 4 Maret 2020" in c.value for c in at.caption)
    # The freshness line still names the newest data, not the day being looked at.
    assert at.sidebar.caption[-1].value == "Data simulasi, s.d. 5 Maret 2020"


def test_downloads_are_offered_for_each_board(app):
    at = app().run()
    # Plain words and a Material icon: no emoji, which shows as a box without an emoji font.
    buttons = [(b.proto.label, b.proto.icon) for b in at.get("download_button")]
    assert buttons.count(("Unduh CSV", ":material/download:")) == 2
    assert buttons.count(("Unduh XLSX", ":material/download:")) == 2


def test_measure_switch_shows_persons(app):
    at = app().run()
    at.radio(key="measure").set_value("persons").run()
    assert not at.exception
    assert _metric(at, "Jiwa terdata").value == "136.833"
    assert _sort(at).options[0] == "Jumlah jiwa"


def test_a_board_row_says_where_its_figure_came_from(app):
    at = app().run()
    assert not at.exception
    # Nothing picked yet: no sentence, no history.
    assert not [m for m in at.markdown if "dari batch" in m.value]
    at.selectbox(key="origin_kecamatan").set_value("35.09.19").run()
    assert not at.exception
    said = [m.value for m in at.markdown if m.value.startswith("Kaliwates: 4.040 KK")]
    assert said and "angka sendiri tanggal 5 Maret 2020; dari batch 2" in said[0]
    assert "berkas data simulasi, diunggah demo" in said[0] and "WIB" in said[0]
    history = next(f.value for f in at.dataframe if "Sesudah" in f.value)
    assert history["Batch"].iloc[0] == "2" and history["Sesudah"].iloc[0] == "4.040"
    at.selectbox(key="origin_kabupaten").set_value("35.09").run()
    said = [m.value for m in at.markdown if m.value.startswith("Kabupaten Jember: 36.464 KK")]
    assert said and "dari batch 2" in said[0]


def test_the_daily_message_and_the_whatsapp_link(app, demo_url):
    from datetime import date
    from urllib.parse import unquote

    from census_core.display.digest import daily_message
    from census_core.settings import Settings
    from census_core.standings.snapshot import load_snapshot
    from census_core.store import Store

    at = app().run()
    assert not at.exception
    box = next(e for e in at.expander if e.label == "Pesan harian")
    text = box.code[0].value
    assert text == daily_message(load_snapshot(Store(demo_url)), Settings(), date(2020, 3, 5))
    assert "Kabupaten Jember: 36.464 KK" in text
    download = box.get("download_button")[0].proto
    assert download.label == "Unduh pesan (.txt)"
    share = at.link_button[0]
    assert share.value == "Bagikan ke WhatsApp"
    assert share.proto.url.startswith("https://wa.me/?text=")
    assert unquote(share.proto.url.removeprefix("https://wa.me/?text=")) == (
        at.markdown[0].value.split("  \n")[0] + "\n/"
    )


def test_the_daily_message_in_english(app):
    at = app().run()
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    box = next(e for e in at.expander if e.label == "Daily message")
    assert "Kabupaten Jember: 36,464 households" in box.code[0].value
    assert at.link_button[0].value == "Share on WhatsApp"


def test_the_sort_choice_survives_a_change_of_language(app):
    at = app().run()
    assert _sort(at).value == "count" and _sort(at).index == 0
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    sort = _sort(at)
    assert sort.key == "by_en_households"
    assert sort.value == "count" and sort.index == 0
    assert sort.options[0] == "Number of households"
    assert _board(at, "Kabupaten Mojokerto")["Region"].iloc[0] == "Kabupaten Jember"
    # A choice made in one language is kept in the other.
    _sort(at).set_value("percent").run()
    at.radio(key="lang").set_value("id").run()
    assert _sort(at).value == "percent" and _sort(at).index == 1


def test_the_regency_card_to_share_is_a_png(app, downloads):
    at = app()
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert any(
        (b.proto.label, b.proto.icon) == ("Download card", ":material/image:")
        for b in at.get("download_button")
    )
    data = downloads["card-jember-2020-03-05.png"]
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert Image.open(BytesIO(data)).size == (1080, 1350)


def test_every_row_shows_its_pace_and_status_sorted_and_filtered_by_it(app):
    at = app().run()
    assert not at.exception
    kecamatan = _board(at, "Jelbuk").set_index("Wilayah")
    jelbuk = kecamatan.loc["Jelbuk"]
    assert (jelbuk["Perlu/hari"], jelbuk["Laju 7 hari"], jelbuk["Status"]) == (
        "161",
        "21",
        "○ tertinggal",
    )
    assert jelbuk["Perkiraan"] == "tidak tercapai sebelum batas: 20% pada 31 Maret"
    _sort(at).set_value("status").run()
    ranked = _board(at, "Jelbuk")
    assert ranked["Status"].iloc[0] == "○ tertinggal"
    assert ranked["Status"].iloc[-1] == "◐ perlu dorongan"  # Kaliwates, the only one near
    at.selectbox(key="status").set_value("push").run()
    assert not at.exception
    pushed = _board(at, "Kaliwates")
    assert list(pushed["Wilayah"]) == ["Kaliwates"]


def test_under_the_pemkab_target_the_others_are_measured_as_before_and_say_so(app):
    """The regency's own target names only its regions; the rest of the province keeps its
    share (CENSUS_TARGET_PCT of its whole base) and its status."""
    at = app().run()
    _sort(at).set_value("percent").run()
    province = _board(at, "Kabupaten Mojokerto")
    assert province["Wilayah"].iloc[0] == "Kabupaten Kediri"  # 14,7% of half its families
    assert "–" not in set(province["% target"])
    assert "–" not in set(province["Status"])

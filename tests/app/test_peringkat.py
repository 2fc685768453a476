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
    at.radio(key="by").set_value("percent").run()
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
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels.count("⬇ CSV") == 2 and labels.count("⬇ XLSX") == 2


def test_measure_switch_shows_persons(app):
    at = app().run()
    at.radio(key="measure").set_value("persons").run()
    assert not at.exception
    assert _metric(at, "Jiwa terdata").value == "136.833"
    assert at.radio(key="by").options[0] == "Jumlah jiwa"


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


def test_the_regency_card_to_share_is_a_png(app, downloads):
    at = app()
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert any(b.proto.label == "🖼 Download card" for b in at.get("download_button"))
    data = downloads["card-jember-2020-03-05.png"]
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert Image.open(BytesIO(data)).size == (1080, 1350)

"""Kecamatan (/kecamatan) under AppTest: deep links by code and name, choosing, language, safety."""

from io import BytesIO

import pandas as pd
from PIL import Image

from census_core.regions import Regions, load_regions


def _metric(at, label):
    return next(m for m in at.metric if m.label == label)


def _jelbuk_stands_last(at):
    assert not at.exception
    assert at.header[0].value == "Jelbuk"
    assert _metric(at, "KK terdata").value == "344"
    assert _metric(at, "Peringkat di Kabupaten Jember").value == "31 dari 31"
    assert _metric(at, "Tepat di atas").value == "Sukorambi"
    assert at.markdown[0].value.startswith("Jelbuk peringkat 31 dari 31 kecamatan")


def test_deep_link_by_code(app):
    at = app("app_pages/kecamatan.py", wilayah="35.09.25").run()
    _jelbuk_stands_last(at)


def test_deep_link_by_name(app):
    at = app("app_pages/kecamatan.py", wilayah="jelbuk").run()
    _jelbuk_stands_last(at)


def test_choosing_a_kecamatan_puts_it_in_the_url(app):
    at = app("app_pages/kecamatan.py").run()
    assert not at.exception
    assert not at.metric  # nothing chosen yet: a hint, no figures
    at.selectbox(key="kecamatan").set_value("35.09.19").run()
    assert at.query_params["wilayah"] == "35.09.19"
    assert _metric(at, "KK terdata").value == "4.040"
    assert _metric(at, "Peringkat di Kabupaten Jember").value == "1 dari 31"
    assert _metric(at, "Tepat di atas").value == "Teratas"


def test_desa_breakdown_and_trend(app):
    at = app("app_pages/kecamatan.py", wilayah="35.09.25").run()
    desa = next(f.value for f in at.dataframe if "KK" in f.value)  # not the history above it
    assert len(desa) == 6
    assert desa["KK"].map(lambda s: int(s.replace(".", ""))).sum() == 344
    assert len(at.get("vega_lite_chart")) == 1


def test_english(app):
    at = app("app_pages/kecamatan.py", wilayah="jelbuk")
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert _metric(at, "Households counted").value == "344"
    assert _metric(at, "Rank in Kabupaten Jember").value == "31 of 31"


def test_an_unknown_name_is_said_plainly(app):
    at = app("app_pages/kecamatan.py", wilayah="<script>alert(1)</script>").run()
    assert not at.exception
    assert "&lt;script&gt;" in at.warning[0].value
    assert "<script>" not in at.warning[0].value


def test_a_region_name_never_becomes_markup(app, monkeypatch):
    base = load_regions()
    frame = base.frame[["code", "name"]].reset_index(drop=True).copy()
    evil = "<script>alert('x')</script> [klik](http://x) *Jelbuk*"
    frame.loc[frame["code"] == "35.09.25", "name"] = evil
    monkeypatch.setattr("census_core.store.load_regions", lambda: Regions(pd.DataFrame(frame)))
    at = app("app_pages/kecamatan.py", wilayah="35.09.25").run()
    assert not at.exception
    shown = [at.header[0].value] + [m.value for m in at.markdown]
    shown += [m.label for m in at.metric] + [str(m.value) for m in at.metric]
    assert all("<script>" not in text for text in shown)
    assert "&lt;script&gt;" in at.header[0].value
    assert "\\[klik\\]" in at.header[0].value
    home = app().run()
    assert not home.exception
    assert all("<script>" not in m.value for m in home.markdown)


def test_the_headline_says_where_its_figure_came_from(app):
    at = app("app_pages/kecamatan.py", wilayah="35.09.25").run()
    assert not at.exception
    assert at.expander[0].label == "Asal angka dan riwayat perubahan"
    said = [m.value for m in at.expander[0].markdown]
    assert said[0].startswith("Jelbuk: 344 KK pada 5 Maret 2020 — angka sendiri tanggal")
    assert "dari batch 2 (berkas data simulasi, diunggah demo" in said[0]
    history = at.expander[0].dataframe[0].value
    assert (history["Batch"].iloc[0], history["Sesudah"].iloc[0]) == ("2", "344")
    # The desa board: pick a desa and read where its figure came from.
    first = load_regions().children("35.09.25")[0]
    at.selectbox(key="origin_desa").set_value(first).run()
    assert not at.exception
    name = load_regions().name(first)
    assert any(m.value.startswith(f"{name}: ") and "dari batch 2" in m.value for m in at.markdown)


def test_share_on_whatsapp_names_the_standing_and_the_page(app, monkeypatch):
    from urllib.parse import unquote

    monkeypatch.setenv("CENSUS_PUBLIC_URL", "https://sensus.example.org/")
    at = app("app_pages/kecamatan.py", wilayah="jelbuk").run()
    _jelbuk_stands_last(at)
    share = at.link_button[0]
    assert share.value == "Bagikan ke WhatsApp"
    text = unquote(share.proto.url.removeprefix("https://wa.me/?text="))
    sentence, address = text.split("\n")
    assert sentence.startswith("Jelbuk peringkat 31 dari 31 kecamatan")
    assert address == "https://sensus.example.org/kecamatan?wilayah=35.09.25"


def test_the_card_to_share_is_a_phone_sized_png(app, downloads):
    at = app("app_pages/kecamatan.py", wilayah="jelbuk").run()
    assert not at.exception
    button = next(b for b in at.get("download_button") if b.proto.label == "Unduh kartu")
    assert button.proto.icon == ":material/image:"
    data = downloads["kartu-jelbuk-2020-03-05.png"]
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert Image.open(BytesIO(data)).size == (1080, 1350)
    assert button.proto.help


def test_no_card_before_a_kecamatan_is_chosen(app):
    at = app("app_pages/kecamatan.py").run()
    assert not any("kartu" in b.proto.label for b in at.get("download_button"))


def test_both_standings_status_and_projection(app):
    at = app("app_pages/kecamatan.py", wilayah="jelbuk").run()
    assert not at.exception
    assert _metric(at, "Status").value == "○ tertinggal"
    text = "\n".join(m.value for m in at.markdown)
    assert "Peringkat 31 dari 31 menurut jumlah: 60 KK lagi untuk menyusul Sukorambi." in text
    assert "Peringkat 25 dari 31 menurut persentase target" in text
    assert "Proyeksi 7 hari lalu: 322; kenyataan: 344." in text


def test_the_link_keeps_the_measure_and_the_day(app):
    at = app("app_pages/kecamatan.py", wilayah="jelbuk", measure="persons", asof="2020-03-01")
    at.run()
    assert not at.exception
    assert at.session_state["measure"] == "persons"
    assert str(at.session_state["as_of"]) == "2020-03-01"
    assert "jiwa" in at.metric[0].label.lower()  # persons, as the link asked
    assert (at.query_params["measure"], at.query_params["asof"]) == ("persons", "2020-03-01")

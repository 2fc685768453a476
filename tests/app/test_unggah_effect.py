"""/unggah: named operators at sign-in, and the effect of a file shown before "Simpan"."""

import re
from datetime import date

import pytest

from census_core.settings import Settings
from census_core.standings.provenance import provenance, region_history
from census_core.standings.snapshot import load_snapshot
from census_core.store import Store

PASSWORD = "sandi-uji"
FILE = b"Kecamatan,KK\nSumbersari,4100\n"


def texts(at):
    parts = [e.value for e in [*at.error, *at.warning, *at.info, *at.success]]
    parts += [c.value for c in at.caption] + [m.value for m in at.markdown]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts)).replace("**", "")


@pytest.fixture
def named(app, monkeypatch):
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", PASSWORD)
    monkeypatch.setenv("CENSUS_OPERATORS", "Ani, Budi")
    return app("app_pages/unggah.py").run()


def sign_in(at, name):
    if name is not None:
        at.selectbox(key="sign_in_name").set_value(name)
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception
    return at


def test_the_password_way_in_asks_for_a_name_from_the_list(named):
    field = named.selectbox(key="sign_in_name")
    assert list(field.options) == ["Ani", "Budi"] and field.value is None
    assert len(named.text_input) == 1  # the password only: no free-text name
    sign_in(named, None)
    assert "Pilih nama Anda dari daftar operator" in named.error[0].value
    assert len(named.get("file_uploader")) == 0
    sign_in(named, "Budi")
    assert "Masuk sebagai Budi" in texts(named)


def test_without_a_list_an_empty_name_is_refused_not_recorded_as_operator(
    app, monkeypatch, demo_url
):
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", PASSWORD)
    monkeypatch.delenv("CENSUS_OPERATORS", raising=False)
    at = app("app_pages/unggah.py").run()
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    assert at.error[0].value.startswith("Tulis nama Anda")
    assert len(at.get("file_uploader")) == 0
    assert "operator" not in set(Store(demo_url).sign_ins()["user"])


def test_the_effect_shows_before_saving_and_the_chosen_name_is_the_figure_origin(named, demo_url):
    at = sign_in(named, "Budi")
    at.date_input(key="counts_date").set_value("2020-03-05")
    at.file_uploader(key="counts_file_0").set_value(("sumbersari.csv", FILE, "text/csv")).run()
    assert not at.exception
    body = texts(at)
    # The home headline after the file, the file's board with its moves, the inconsistency.
    assert (
        "Sesudah disimpan: Kabupaten Jember pada 5 Maret 2020 setelah berkas ini: 36.464 KK, "
        "peringkat 1 dari 38 di Jawa Timur" in body
    )
    assert "Sumbersari naik dari peringkat 2 ke 1" in body
    assert "Angka yang menjadi tidak selaras" in body
    assert "Kabupaten Jember: angkanya sendiri 36.464 tanggal 5 Maret 2020 tetap dipakai" in body
    assert "Papan kecamatan sesudah disimpan" in body
    at.button(key="counts_commit").click().run()
    assert not at.exception
    store = Store(demo_url)
    assert store.batches().iloc[0]["user"] == "Budi"
    # Every figure's origin carries the chosen name.
    snap = load_snapshot(store)
    origin = provenance(snap, "35.09.21", date(2020, 3, 5))
    assert origin.user == "Budi" and "Budi" in origin.sentence()
    assert region_history(store, "35.09.21").iloc[0]["user"] == "Budi"
    # And the page after saving shows what the effect foretold.
    assert Settings.load().operators == ("Ani", "Budi")


def test_the_effect_in_english(app, monkeypatch):
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", PASSWORD)
    monkeypatch.setenv("CENSUS_OPERATORS", "Ani")
    at = app("app_pages/unggah.py").run()
    at.radio(key="lang").set_value("en").run()
    at = sign_in(at, "Ani")
    at.date_input(key="counts_date").set_value("2020-03-05")
    at.file_uploader(key="counts_file_0").set_value(("s.csv", FILE, "text/csv")).run()
    body = texts(at)
    assert "After saving: Kabupaten Jember on 5 March 2020 after this file: 36,464" in body
    assert "Figures left inconsistent" in body

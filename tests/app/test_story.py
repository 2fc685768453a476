"""The meeting's main act under AppTest: store today's kecamatan file on /unggah, then look.

Every page must then show the regency's figure by the one rule: its kecamatan reported a day
after its own count, so their sum (39.564 on the demo) is its figure everywhere.
"""

from __future__ import annotations

import re

import pytest
import streamlit as st

from census_core.standings.snapshot import load_snapshot
from census_core.store import Store

PASSWORD = "sandi-uji"


def kecamatan_file(demo_url: str, plus: int, day: str = "2020-03-06") -> bytes:
    """Every kecamatan of Jember, `plus` above its 5 March count: an office's long file."""
    snap = load_snapshot(Store(demo_url))
    board = snap.board("kecamatan", "35.09", snap.latest_date(), _settings())
    lines = ["tanggal,kode_kec,kecamatan,kk"]
    lines += [
        f"{day},{code.replace('.', '')},{name},{int(count) + plus}"
        for code, name, count in board[["code", "name", "count"]].itertuples(index=False)
    ]
    return ("\n".join(lines) + "\n").encode()


def _settings():
    from census_core.settings import Settings

    return Settings()


def _metric(at, label):
    return next(m for m in at.metric if m.label == label)


def _board_with(at, name):
    for frame in at.dataframe:
        table = frame.value
        if "Wilayah" in table and name in list(table["Wilayah"]) and "KK" in table:
            return table.set_index("Wilayah")
    raise AssertionError(f"no board with {name}")


@pytest.fixture
def stored(app, demo_url, monkeypatch):
    """The demo after an operator stored a 6 March kecamatan file (each +100) on /unggah."""
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", PASSWORD)
    at = app("app_pages/unggah.py").run()
    at.text_input(key="sign_in_name").input("Ani")
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    data = kecamatan_file(demo_url, 100)
    at.file_uploader(key="counts_file_0").set_value(("kec_6_maret.csv", data, "text/csv")).run()
    assert not at.exception
    at.button(key="counts_commit").click().run()
    assert not at.exception
    body = re.sub(r"\\(.)", r"\1", "\n".join(s.value for s in at.success))
    assert re.search(r"Tersimpan sebagai batch \d+: 31 angka berubah", body), body
    st.cache_data.clear()
    return app


def test_the_regency_follows_its_kecamatan_on_the_home_page(stored):
    at = stored().run()
    assert not at.exception
    assert _metric(at, "KK terdata").value == "39.564"
    assert _metric(at, "KK terdata").delta.startswith("+3.100")
    province = _board_with(at, "Kabupaten Mojokerto")
    assert province.at["Kabupaten Jember", "KK"] == "39.564"
    assert "jumlah dari wilayah di bawahnya" in province.at["Kabupaten Jember", "Keterangan"]
    kecamatan = _board_with(at, "Jelbuk")
    assert kecamatan.at["Kaliwates", "KK"] == "4.140" and kecamatan.at["Jelbuk", "KK"] == "444"


def test_the_meeting_screen_shows_the_same_figure(stored, monkeypatch):
    monkeypatch.setenv("CENSUS_SLIDE_SECONDS", "3600")
    at = stored().run().switch_page("app_pages/presentasi.py").run()
    assert not at.exception
    [html] = [h.value for h in at.html if 'data-testid="slide"' in h.value]
    assert "39.564" in html and "36.464" not in html


def test_an_undo_takes_every_page_back(stored, demo_url):
    store = Store(demo_url)
    store.undo(int(store.batches()["id"].max()), "Ani")
    st.cache_data.clear()
    at = stored().run()
    assert not at.exception
    assert _metric(at, "KK terdata").value == "36.464"
    province = _board_with(at, "Kabupaten Mojokerto")
    assert province.at["Kabupaten Jember", "KK"] == "36.464"


def test_the_meeting_screen_of_5_march_holds_its_figure(stored, monkeypatch):
    monkeypatch.setenv("CENSUS_SLIDE_SECONDS", "3600")
    at = stored(asof="2020-03-05").run().switch_page("app_pages/presentasi.py").run()
    assert not at.exception
    [html] = [h.value for h in at.html if 'data-testid="slide"' in h.value]
    assert "36.464" in html and "39.564" not in html and "Dibekukan" in html

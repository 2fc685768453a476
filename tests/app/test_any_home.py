"""The first hour of a regency other than Jember: a fresh store, then one uploaded day.

Three homes: a kabupaten of another province (Kudus, Jawa Tengah), a kota of Jawa Timur
(Surabaya) and a kota whose first file gives desa only, no kecamatan (Banjarmasin). None may
show a name of the Jember demo, Streamlit's English, a share as '0,000000', or a pace made
from a single day.
"""

import re
from datetime import date

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from census_core.ingest import Options
from census_core.ingest.service import check_upload
from census_core.regions import load_regions
from census_core.services import commit_upload
from census_core.settings import Settings
from census_core.standings.snapshot import load_snapshot
from census_core.store import Store
from tests.app.conftest import APP

PASSWORD = "sandi-uji"
PAGES = [
    None,
    "app_pages/kecamatan.py",
    "app_pages/tren.py",
    "app_pages/peta.py",
    "app_pages/unggah.py",
    "app_pages/widget.py",
    "app_pages/presentasi.py",
]
JEMBER_KECAMATAN = ("Kaliwates", "Jelbuk", "Sumbersari", "Patrang", "Bimtek operator desa")
# Streamlit's own words where the page gave none of its own.
ENGLISH = ("Choose an option", "Choose options", "No options to select", "empty")
DAY = date(2020, 2, 18)


def forbidden(home: str) -> tuple[str, ...]:
    # Kabupaten Jember is a real neighbour on a Jawa Timur home's province board.
    return JEMBER_KECAMATAN if home.startswith("35.") else ("Jember", *JEMBER_KECAMATAN)


def _walk(node):
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _walk(child)


def page_text(at: AppTest) -> str:
    """Every word the page put on screen: element protos (labels, placeholders, help) and
    the values of its tables."""
    parts = []
    for root in (at.main, at.sidebar):
        for node in _walk(root):
            proto = getattr(node, "proto", None)
            if proto is not None and node.type not in ("arrow_data_frame", "arrow_vega_lite_chart"):
                parts.append(str(proto))
    for frame in at.dataframe:
        parts.append(frame.value.to_string())
    return "\n".join(parts)


def assert_clean(at: AppTest, home: str) -> None:
    assert not at.exception, at.exception
    text = page_text(at)
    for name in forbidden(home):
        assert name not in text, name
    assert "0,000000" not in text
    for frame in at.dataframe:  # an empty table reads 'empty' in English
        assert len(frame.value) > 0
    # A box with nothing chosen shows its placeholder, Streamlit's English unless given one.
    for box in [*(b for b in at.selectbox if b.value is None), *at.multiselect]:
        assert box.proto.placeholder not in ("", "Choose an option", "Choose options"), box.label
    assert not re.search(r"\b(?:Choose an option|Choose options)\b", text)
    assert "mis. Kaliwates" not in text


@pytest.fixture
def home_app(fresh_url, monkeypatch):
    monkeypatch.setenv("CENSUS_DB_URL", fresh_url)
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", PASSWORD)
    st.cache_data.clear()
    st.cache_resource.clear()

    def make(home: str, page: str | None = None) -> AppTest:
        monkeypatch.setenv("CENSUS_HOME", home)
        at = AppTest.from_file(APP, default_timeout=60)
        if page:
            at.switch_page(page)
        return at.run()

    return make


def _upload_one_day(url: str, home: str, level: str) -> None:
    regions = load_regions()
    store = Store(url, regions)
    codes = regions.descendants(home, level)
    rows = "".join(f"{c};{regions.name(c)};{100 + i}\n" for i, c in enumerate(codes))
    data = f"Kode;{level.capitalize()};KK\n{rows}".encode()
    settings = Settings(home=home)
    checked = check_upload(
        data, "hari1.csv", "counts", load_snapshot(store), settings, Options(home=home, date=DAY)
    )
    assert checked.upload.ok, checked.upload.errors
    commit_upload(checked.upload, store, "Ani")


HOMES = [("33.19", "kecamatan"), ("35.78", "kecamatan"), ("63.71", "desa")]


@pytest.mark.parametrize(("home", "level"), HOMES)
def test_a_fresh_store_starts_clean_with_the_regency_own_start(
    home_app, downloads, fresh_url, home, level
):
    regions = load_regions()
    at = home_app(home)
    assert_clean(at, home)
    text = page_text(at)
    assert f"Mulai: {regions.name(home)}" in text
    files = [b.proto.label for b in at.get("download_button")]
    assert files == ["XLSX", "CSV"] * 4
    n_desa = len(regions.descendants(home, "desa"))
    assert f"({n_desa} desa/kelurahan)" in text
    [desa_csv] = [
        data
        for name, data in downloads.items()
        if name.startswith("templat-desa-") and name.endswith(".csv")
    ]
    first_desa = regions.descendants(home, "desa")[0]
    assert f"{first_desa};{regions.name(first_desa)}".encode() in desa_csv
    assert Store(fresh_url, regions).is_empty()  # nothing of Jember was loaded
    for page in PAGES[1:]:
        assert_clean(home_app(home, page), home)


@pytest.mark.parametrize(("home", "level"), HOMES)
def test_one_uploaded_day_gives_no_pace_and_names_the_home(home_app, fresh_url, home, level):
    _upload_one_day(fresh_url, home, level)
    at = home_app(home)
    assert_clean(at, home)
    gain = next(m for m in at.metric if m.label.startswith("Naik"))
    assert gain.value == "–"
    text = page_text(at)
    assert "laju butuh angka dua hari" in text
    assert "Belum ada kenaikan" in text  # no 'Paling naik' table of one day's counts
    hint = at.text_input(key="cari").proto.placeholder
    kecamatan = {regions_name for regions_name in _kecamatan_names(home)}
    assert hint.removeprefix("ketik nama, mis. ") in kecamatan
    tren = home_app(home, "app_pages/tren.py")
    assert_clean(tren, home)
    assert "laju dan proyeksi butuh angka dari dua hari" in page_text(tren)
    assert "Tambahan per hari butuh angka dari dua hari" in page_text(tren)
    for page in ("app_pages/kecamatan.py", "app_pages/presentasi.py", "app_pages/widget.py"):
        assert_clean(home_app(home, page), home)


def _kecamatan_names(home: str) -> list[str]:
    regions = load_regions()
    return [regions.name(c) for c in regions.descendants(home, "kecamatan")]


def test_an_operator_fills_simulated_data_of_the_home_own_regions(home_app, fresh_url):
    at = home_app("33.19", "app_pages/unggah.py")
    at.text_input(key="sign_in_name").input("Ani")
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    at.button(key="start_simulated").click().run()
    assert not at.exception
    at = home_app("33.19")
    assert_clean(at, "33.19")
    assert "Data simulasi" in page_text(at)
    assert next(m for m in at.metric if m.label.startswith("Naik")).value != "–"

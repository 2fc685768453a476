"""The one edge (app.py, ui.errors): every typed error is one message in words, never a traceback.

Like datasette's `assert_canonical_error`, one helper pins the shape: no exception, exactly one
st.error, its sentence in the reader's language, nothing of a traceback anywhere on the screen.
"""

import ast
import re
from pathlib import Path

import pytest

from census_core.regions import UnknownRegion
from census_core.store import BatchNotFound
from tests.app.test_store_faults import DOWN_URL, everything_shown
from tests.geofixtures import shared_geo

PAGES_DIR = Path(__file__).resolve().parents[2] / "app_pages"
UNKNOWN = (
    "Wilayah dengan kode '35.09.99' tidak dikenal. Pilih wilayah dari daftar atau periksa "
    "tautannya."
)


def assert_one_error(at, starts: str) -> str:
    """The canonical error screen: one message, starting with `starts`, and no traceback."""
    assert not at.exception
    assert len(at.error) == 1, [e.value for e in at.error]
    said = re.sub(r"\\(.)", r"\1", str(at.error[0].value))
    assert said.startswith(starts), said
    shown = everything_shown(at)
    for leak in ("Traceback", 'File "', "UnknownRegion", "SettingsError", "StoreError"):
        assert leak not in shown
    return said


def _raise(exc):
    def fail(*args, **kwargs):
        raise exc

    return fail


def test_a_bad_setting(app, monkeypatch):
    monkeypatch.setenv("CENSUS_TARGET_PCT", "abc")
    at = app().run()
    assert_one_error(at, "Pengaturan CENSUS_TARGET_PCT = 'abc' bukan angka.")
    assert not at.title  # no page ran


@pytest.mark.parametrize("page", [None, "app_pages/presentasi.py"])
def test_an_unknown_home_region(app, monkeypatch, page):
    monkeypatch.setenv("CENSUS_HOME", "99.99")
    at = app(page).run()
    assert_one_error(at, "Pengaturan CENSUS_HOME = '99.99' bukan kode wilayah yang dikenal.")
    assert at.radio(key="lang")  # the reader can switch the message's language


def test_a_store_fault(app, monkeypatch):
    monkeypatch.setenv("CENSUS_DB_URL", DOWN_URL)
    at = app("app_pages/tren.py").run()
    said = assert_one_error(at, "Penyimpanan data tidak dapat dihubungi saat ini.")
    assert "(ref " in said


# Where each page would meet an unknown region code, made to meet one by a monkeypatch.
INSIDE = [
    (None, {}, "ui.cached.home"),
    ("app_pages/kecamatan.py", {"wilayah": "jelbuk"}, "ui.cached.kecamatan"),
    ("app_pages/peta.py", {}, "census_core.charts.maps.choropleth"),
    ("app_pages/tren.py", {}, "census_core.standings.trend.view"),
    ("app_pages/presentasi.py", {}, "census_core.presentation.deck"),
    ("app_pages/widget.py", {"wilayah": "jelbuk"}, "ui.cached.widget"),
]


@pytest.mark.parametrize("page,query,target", INSIDE)
def test_an_unknown_region_met_inside_a_page(app, monkeypatch, page, query, target):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(shared_geo()))
    monkeypatch.setattr(target, _raise(UnknownRegion("35.09.99")))
    at = app(page, **query).run()
    assert_one_error(at, UNKNOWN)


def test_an_unknown_region_in_english(app, monkeypatch):
    monkeypatch.setattr("ui.cached.home", _raise(UnknownRegion("35.09.99")))
    at = app()
    at.session_state["lang"] = "en"
    at.run()
    assert_one_error(at, "No region has the code '35.09.99'. Choose a region from the list")


def test_a_request_the_store_refused(app, monkeypatch):
    monkeypatch.setattr("ui.cached.home", _raise(BatchNotFound("Batch 9 does not exist")))
    at = app().run()
    said = assert_one_error(at, "Penyimpanan data menolak permintaan ini. Tidak ada yang diubah")
    assert "Batch 9" not in said  # the store's own words go to the log


def test_an_unknown_kecamatan_in_the_link_stays_a_friendly_warning(app):
    at = app("app_pages/kecamatan.py", wilayah="xyz").run()
    assert not at.exception and not at.error
    assert at.warning[0].value.startswith("Kecamatan “xyz” tidak ditemukan di Kabupaten Jember.")


def test_a_bug_is_not_dressed_as_a_message(app, monkeypatch):
    monkeypatch.setattr("ui.cached.home", _raise(RuntimeError("a bug")))
    at = app().run()
    assert at.exception
    assert not at.error


# Pages take their inputs from ui.page.open_page only, so each is opened the same way.
OPENER_ONLY = {"state": {"snapshot", "settings"}, "sidebar": {"lang", "measure", "as_of"}}


@pytest.mark.parametrize("path", sorted(PAGES_DIR.glob("*.py")), ids=lambda p: p.name)
def test_pages_open_through_the_opener(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    direct = [
        f"{node.value.id}.{node.attr} (line {node.lineno})"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.attr in OPENER_ONLY.get(node.value.id, ())
    ]
    imported = [
        f"from {node.module} import {alias.name} (line {node.lineno})"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module in ("ui.state", "ui.sidebar")
        for alias in node.names
        if alias.name in OPENER_ONLY[node.module.split(".")[1]]
    ]
    assert not direct + imported, f"{path.name}: use ui.page.open_page instead"
    assert "open_page" in {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}, (
        f"{path.name} does not open through ui.page.open_page"
    )

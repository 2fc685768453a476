"""Boundary files that are wrong never reach the store, and never take a public page down."""

from __future__ import annotations

import json
import re

import pytest

from census_core.store import Store
from tests.geofixtures import bad_boundaries, collection, dense, feature

BAD = bad_boundaries()
GOOD = collection(feature({"kode": "35.09.10", "name": "Sukowono"}))


@pytest.fixture
def operator_page(app, monkeypatch, tmp_path):
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", "rahasia")
    monkeypatch.setenv("CENSUS_GEO_DIR", str(tmp_path / "none"))

    def make():
        at = app("app_pages/unggah.py")
        at.session_state["operator"] = "Budi"
        return at.run()

    return make


def upload(at, name: str, data: bytes):
    at.file_uploader(key="boundary_files").set_value([(name, data, "application/json")])
    next(b for b in at.button if b.label == "Tambahkan batas wilayah").click().run()
    return at


def said(at) -> str:
    parts = [e.value for e in at.error] + [e.value for e in at.success] + [e.value for e in at.info]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


@pytest.mark.parametrize(
    "name,words",
    [
        ("meter.geojson", "koordinat tampaknya dalam meter (mis. UTM), bukan derajat"),
        ("tertukar.geojson", "lon/lat tertukar"),
        ("lat95.geojson", "lintang 95"),
        ("teks.geojson", "bukan angka"),
        ("kosong.geojson", "poligon kosong"),
        ("1e308.geojson", "bujur 1e+308"),
        ("dalam.geojson", "bersarang terlalu dalam"),
    ],
)
def test_a_bad_boundary_file_is_refused_on_unggah_and_not_stored(
    operator_page, demo_url, name, words
):
    at = upload(operator_page(), name, BAD[name])
    assert not at.exception
    assert f"{name} tidak disimpan" in said(at) and words in said(at)
    assert "wilayah cocok" not in said(at)
    assert len(Store(demo_url).boundary_files()) == 0


def test_a_dense_file_is_stored_simplified_and_the_map_stays_small(operator_page, app, demo_url):
    at = upload(operator_page(), "padat.geojson", dense(points=3_000))
    assert not at.exception
    assert re.search(r"padat\.geojson tersimpan: 31 wilayah cocok.*disederhanakan dari 93\.031 ke "
                     r"[\d.]+ titik", said(at))  # fmt: skip
    [stored] = Store(demo_url).boundary_files()["data"]
    assert len(bytes(stored)) < 1_000_000
    peta = app("app_pages/peta.py").run()
    assert not peta.exception
    [chart] = peta.get("deck_gl_json_chart")
    assert len(chart.proto.json) < 2_000_000


def test_the_result_stays_after_a_rerun_until_dismissed(operator_page):
    at = upload(operator_page(), "sukowono.geojson", GOOD)
    assert "sukowono.geojson tersimpan: 1 wilayah cocok" in said(at)
    at.run()  # what the live refresh does when it sees the new store version
    at.run()
    assert "sukowono.geojson tersimpan: 1 wilayah cocok" in said(at)
    at.button(key="boundary_result_dismiss").click().run()
    assert "sukowono.geojson tersimpan" not in said(at)


def test_a_refusal_stays_too(operator_page):
    at = upload(operator_page(), "meter.geojson", BAD["meter.geojson"])
    at.run()
    assert "meter.geojson tidak disimpan" in said(at)


@pytest.fixture
def stored_bad(demo_url, monkeypatch, tmp_path):
    """Every bad file written straight into the store, as before these checks, beside a good one."""
    monkeypatch.setenv("CENSUS_GEO_DIR", str(tmp_path / "none"))
    store = Store(demo_url)
    for name, data in BAD.items():
        store.add_boundary_file(name, data, "lama")
    store.add_boundary_file("baik.geojson", GOOD, "lama")
    return store


def test_the_map_skips_stored_bad_files_and_draws_the_rest(app, stored_bad, operator_page):
    at = app("app_pages/peta.py").run()
    assert not at.exception
    [chart] = at.get("deck_gl_json_chart")
    codes = [
        f["properties"]["code"]
        for f in json.loads(chart.proto.json)["layers"][0]["data"]["features"]
    ]
    assert codes == ["35.09.10"]
    notes = "\n".join(c.value for c in at.caption)
    assert not [name for name in BAD if name in notes]  # the files are the operator's business
    assert "Traceback" not in notes
    at = operator_page()
    notes = "\n".join(c.value for c in at.caption)
    for name in BAD:
        assert f"{name} dilewati" in notes
    assert "Traceback" not in notes


def test_the_meeting_screen_skips_stored_bad_files(app, stored_bad, monkeypatch):
    monkeypatch.setenv("CENSUS_SLIDE_SECONDS", "3600")
    at = app().run().switch_page("app_pages/presentasi.py").run()
    for _ in range(2):  # back from the headline: trend, then the map
        at.button(key="slide_prev").click().run()
    assert not at.exception
    assert at.get("deck_gl_json_chart")


def test_only_bad_files_stored_leave_the_map_page_saying_there_are_no_boundaries(
    app, demo_url, monkeypatch, tmp_path, operator_page
):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(tmp_path / "none"))
    Store(demo_url).add_boundary_file("meter.geojson", BAD["meter.geojson"], "lama")
    at = app("app_pages/peta.py").run()
    assert not at.exception
    assert "Belum ada batas wilayah" in at.info[0].value
    assert "meter.geojson" not in "\n".join(c.value for c in at.caption)
    at = operator_page()
    assert "meter.geojson dilewati" in "\n".join(c.value for c in at.caption)


def test_unggah_marks_a_stored_file_that_is_skipped(operator_page, stored_bad):
    at = operator_page()
    assert not at.exception
    listed = "\n".join(t.value for t in at.text) + "\n".join(c.value for c in at.caption)
    assert "meter.geojson" in listed and "dilewati" in listed

"""Boundary files checked before they are kept: bounded parse, degrees in range, valid rings,
and dense files simplified to a size the map can send."""

from __future__ import annotations

import json

import pytest

from census_core.geo import geocheck
from census_core.geo.geo import load_boundaries
from census_core.geo.geocheck import check_geojson
from tests.geofixtures import JEMBER, bad_boundaries, collection, dense, feature

BAD = bad_boundaries()


@pytest.mark.parametrize(
    "name,reason,said",
    [
        ("meter.geojson", "metres", "koordinat tampaknya dalam meter (mis. UTM), bukan derajat; "
         "ekspor ulang dalam WGS84 / EPSG:4326"),
        ("tertukar.geojson", "swapped", "lon/lat tertukar"),
        ("lat95.geojson", "out_of_range", "Fitur 2 (Kaliwates): lintang 95"),
        ("teks.geojson", "not_number", "Fitur 1 (Jelbuk): koordinat '113.5' bukan angka"),
        ("kosong.geojson", "empty_geometry", "Fitur 2 (Kaliwates): poligon kosong"),
        ("1e308.geojson", "out_of_range", "Fitur 2 (Kaliwates): bujur 1e+308"),
        ("dalam.geojson", "too_deep", "bersarang terlalu dalam"),
    ],
)  # fmt: skip
def test_a_bad_file_is_refused_naming_what_is_wrong(name, reason, said):
    checked = check_geojson(BAD[name])
    assert not checked.ok
    assert reason in [p.reason for p in checked.problems]
    assert said in checked.refusal("id")
    assert checked.refusal("en") != checked.refusal("id")


@pytest.mark.parametrize("name", sorted(BAD))
def test_the_loader_skips_a_bad_file_and_keeps_the_good_one(regions, name):
    good = collection(feature({"kode": "35.09.10", "name": "Sukowono"}))
    bounds = load_boundaries([(name, BAD[name]), ("baik.geojson", good)], regions)
    assert list(bounds.shapes) == ["35.09.10"]
    assert [s.file for s in bounds.skipped] == [name]
    note = bounds.skipped[0].note("id")
    assert note.startswith(f"{name} dilewati: ") and "halaman Unggah" in note


def test_a_fault_while_reading_one_file_skips_it_with_a_reference(regions, monkeypatch, caplog):
    def broken(data):
        raise KeyError("bug")

    monkeypatch.setattr(geocheck, "_features", broken)
    bounds = load_boundaries([("a.geojson", collection(feature({"kode": "35.09.25"})))], regions)
    assert bounds.empty
    note = bounds.skipped[0].note("en")
    assert "ref " in note and "Traceback" not in note and "KeyError" not in note
    assert "KeyError" in caplog.text


def test_non_finite_numbers_and_open_or_short_rings_are_refused():
    ring = [[113.5, -8.2], [113.6, -8.2], [113.6, -8.1], [113.5, -8.1]]
    nan = (
        b'{"type": "Feature", "properties": {"name": "A"}, "geometry": {"type": "Polygon", '
        b'"coordinates": [[[113.5, -8.2], [NaN, -8.2], [113.6, -8.1], [113.5, -8.2]]]}}'
    )
    assert [p.reason for p in check_geojson(nan).problems] == ["not_finite"]
    open_ring = {"type": "Polygon", "coordinates": [ring]}
    short = {"type": "Polygon", "coordinates": [[ring[0], ring[1], ring[0]]]}
    point = {"type": "Point", "coordinates": [113.5, -8.2]}
    features = [{"type": "Feature", "properties": {"name": n}, "geometry": g}
                for n, g in (("A", open_ring), ("B", short), ("C", point))]  # fmt: skip
    checked = check_geojson(collection(*features))
    assert [p.reason for p in checked.problems] == ["ring_open", "ring_short", "geometry_type"]
    assert "Fitur 1 (A): cincin poligon tidak tertutup" in checked.refusal("id")


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed():
    data = collection(feature({"kode": "35.09.25"}))
    padded = data[:-1] + b" " * geocheck.MAX_BYTES + b"}"
    checked = check_geojson(padded)
    assert [p.reason for p in checked.problems] == ["too_big"]
    assert "paling besar 25 MB" in checked.refusal("id")


def test_the_feature_and_point_limits(monkeypatch):
    data = collection(*(feature({"kode": c}) for c, _ in JEMBER))
    monkeypatch.setattr(geocheck, "MAX_FEATURES", 2)
    assert [p.reason for p in check_geojson(data).problems] == ["too_many_features"]
    monkeypatch.setattr(geocheck, "MAX_FEATURES", 20_000)
    monkeypatch.setattr(geocheck, "MAX_POINTS", 10)
    assert [p.reason for p in check_geojson(data).problems] == ["too_many_points"]


def test_a_file_mostly_outside_indonesia_in_degrees_is_refused():
    checked = check_geojson(collection(feature({"name": "Paris"}, x=2.3, y=48.8)))
    assert [p.reason for p in checked.problems] == ["outside"]


def test_a_good_small_file_is_kept_as_it_came():
    data = collection(*(feature({"kode": c, "name": n}) for c, n in JEMBER))
    checked = check_geojson(data)
    assert checked.ok and checked.data == data and checked.summary("id") == ""
    assert checked.points == checked.kept == 15


def test_a_dense_file_is_simplified_to_a_size_the_map_can_send(regions):
    data = dense()  # 31 kecamatan x 12.000 points, about 11 MB
    checked = check_geojson(data)
    assert checked.ok, checked.refusal("en")
    assert checked.points == 31 * 12_001
    assert checked.kept <= 40_000
    assert len(checked.data) <= 1_500_000
    assert checked.summary("id").startswith("disederhanakan dari 372.031 ke ")
    # Every ring is still a closed ring of at least 4 points, within the tolerance's reach.
    before = json.loads(data)["features"]
    after = json.loads(checked.data)["features"]
    assert [f["properties"] for f in after] == [f["properties"] for f in before]
    for old, new in zip(before, after, strict=True):
        [ring] = new["geometry"]["coordinates"]
        [orig] = old["geometry"]["coordinates"]
        assert len(ring) >= 4 and ring[0] == ring[-1]
        for i in (0, 1):
            assert abs(min(p[i] for p in ring) - min(p[i] for p in orig)) < 0.002
            assert abs(max(p[i] for p in ring) - max(p[i] for p in orig)) < 0.002
    bounds = load_boundaries([("padat.geojson", checked.data)], regions)
    assert len(bounds.of("kecamatan", "35.09")) == 31


def test_the_simplification_is_the_same_every_time():
    data = dense(kecamatan=2, points=20_000)
    assert check_geojson(data).data == check_geojson(data).data

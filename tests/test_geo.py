"""Boundary matching: Kemendagri codes, BPS codes via a crosswalk, names within the parent."""

from __future__ import annotations

import pytest

from census_core.geo import (
    GeoError,
    load_boundaries,
    match_features,
    read_crosswalk,
    read_dir,
    read_geojson,
)
from tests.geofixtures import collection, feature, shared_geo

CROSSWALK = b"name,code_bps,code_kemendagri\nJelbuk,3509280,35.09.25\nKaliwates,3509710,35.09.19\n"


@pytest.mark.parametrize(
    "props,expected",
    [
        # A Kemendagri code wins, dotted or under an explicit key.
        ({"kode": "35.09.25", "name": "whatever"}, "35.09.25"),
        ({"code_kemendagri": "350925"}, "35.09.25"),
        # BPS codes through the crosswalk; regency BPS codes equal Kemendagri's.
        ({"code_bps": "3509280", "name": "Jelbuk"}, "35.09.25"),
        ({"code_bps": "3509", "name": "Jember"}, "35.09"),
        ({"village_code": "id3509710"}, "35.09.19"),
        # Without a code the crosswalk knows: the normalised name within the parent.
        ({"code_bps": "3509020", "name": "Gumuk Mas"}, "35.09.04"),
        ({"code_bps": "3509170", "name": "Sumber Baru"}, "35.09.03"),
        ({"name": "Kec. Gumuk Mas"}, "35.09.04"),
        ({"nama": "KALIWATES"}, "35.09.19"),
        # Regency names: Kota and Kabupaten share a key, the full name tells them apart.
        ({"name": "Kota Kediri"}, "35.71"),
        ({"name": "Kediri", "kind": "Kabupaten"}, "35.06"),
    ],
)
def test_a_feature_finds_its_region(regions, props, expected):
    crosswalk = read_crosswalk(CROSSWALK)
    shapes, unmatched, _ = match_features(
        [feature(props)], regions, crosswalk=crosswalk, within="35.09"
    )
    assert unmatched == []
    assert [s.code for s in shapes] == [expected]


@pytest.mark.parametrize(
    "props,reason",
    [
        ({"code_bps": "3522888", "name": "Perairan"}, "no_region"),
        ({"name": "Atlantis"}, "no_region"),
        ({"name": "Kediri"}, "ambiguous"),
        ({"luas": "12"}, "no_key"),
    ],
)
def test_a_feature_without_a_region_is_reported_not_dropped(regions, props, reason):
    shapes, unmatched, _ = match_features([feature(props)], regions, within="35.09", source="f")
    assert shapes == []
    assert [(u.source, u.index, u.reason) for u in unmatched] == [("f", 0, reason)]


def test_a_feature_without_geometry_is_reported(regions):
    bare = {"type": "Feature", "properties": {"kode": "35.09.25"}, "geometry": None}
    shapes, unmatched, _ = match_features([bare], regions)
    assert shapes == [] and unmatched[0].reason == "no_geometry"


def test_desa_find_their_kecamatan_through_codes_learnt_by_name(regions):
    kecamatan = collection(feature({"code_bps": "3509020", "name": "Gumuk Mas"}))
    desa_code = regions.children("35.09.04")[0]
    desa = collection(
        feature({"village_code": "id3509020001", "village": regions.name(desa_code)}, size=0.01)
    )
    bounds = load_boundaries([("desa.geojson", desa), ("kec.geojson", kecamatan)], regions)
    assert set(bounds.shapes) == {"35.09.04", desa_code}
    assert bounds.shapes[desa_code].level == "desa"


def test_missing_regions_and_duplicates_are_reported(regions):
    one = collection(feature({"kode": "35.09.25"}))
    again = collection(feature({"kode": "35.09.25"}), feature({"kode": "35.09.19"}))
    bounds = load_boundaries([("a.geojson", one), ("b.geojson", again)], regions)
    assert bounds.shapes["35.09.25"].source == "a.geojson"
    assert [(u.source, u.reason) for u in bounds.unmatched] == [("b.geojson", "duplicate")]
    missing = bounds.missing(regions, "kecamatan", "35.09")
    assert len(missing) == 29 and "35.09.25" not in missing


def test_a_region_split_over_two_features_of_one_file_is_merged(regions):
    data = collection(feature({"kode": "35.09.25"}), feature({"kode": "35.09.25"}, x=113.8))
    bounds = load_boundaries([("a.geojson", data)], regions)
    assert bounds.shapes["35.09.25"].geometry["type"] == "MultiPolygon"
    assert len(bounds.shapes["35.09.25"].geometry["coordinates"]) == 2


@pytest.mark.parametrize("data", [b"", b"{", b"[1, 2]", b'{"type": "Point"}', b"\xff\xfe"])
def test_unreadable_files_raise_a_typed_error_and_are_reported_by_the_loader(regions, data):
    with pytest.raises(GeoError):
        read_geojson(data)
    bounds = load_boundaries([("bad.geojson", data)], regions)
    assert bounds.empty and bounds.unmatched[0].reason.startswith("unreadable")


def test_a_csv_without_both_code_columns_is_no_crosswalk():
    assert read_crosswalk(b"name,lon,lat\nJelbuk,113.7,-8.1\n") == {}
    assert read_crosswalk(CROSSWALK) == {"3509280": "35.09.25", "3509710": "35.09.19"}


def test_the_real_boundaries_of_jember_and_jawa_timur(regions):
    bounds = load_boundaries(read_dir(shared_geo()), regions, within="35.09")
    assert len(bounds.of("kecamatan", "35.09")) == 31
    assert len(bounds.of("kabupaten", "35")) == 38
    assert bounds.missing(regions, "kecamatan", "35.09") == []
    assert bounds.shapes["35.09.25"].name == "Jelbuk"
    assert bounds.shapes["35.09.04"].name == "Gumukmas"
    # The water body and spellings the master does not know are reported, never dropped.
    reported = {(u.name, u.reason) for u in bounds.unmatched}
    assert ("Perairan", "no_region") in reported
    desa = bounds.of("desa", "35.09")
    assert len(desa) + sum(u.source.startswith("jember_desa") for u in bounds.unmatched) == 248


def test_the_real_kecamatan_match_by_name_without_the_crosswalk(regions):
    path = shared_geo() / "jember_kecamatan_bps2020_simplified.geojson"
    bounds = load_boundaries([(path.name, path.read_bytes())], regions, within="35.09")
    assert len(bounds.of("kecamatan", "35.09")) == 31
    assert bounds.unmatched == []


def test_read_dir_of_a_missing_folder_is_empty(tmp_path):
    assert read_dir(tmp_path / "nope") == []

"""Boundary matching: Kemendagri codes, BPS codes via a crosswalk, names within the parent."""

from __future__ import annotations

import pytest

from census_core.geo.geo import (
    FileOutcome,
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
        ({"code_bps": "3522888", "name": "Perairan"}, "water"),
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
    # The water body is told apart; spellings the master does not know are reported.
    reported = {(u.name, u.reason) for u in bounds.unmatched}
    assert ("Perairan", "water") in reported and ("Gedek", "no_region") in reported
    desa = bounds.of("desa", "35.09")
    assert len(desa) + sum(u.source.startswith("jember_desa") for u in bounds.unmatched) == 248


def test_the_real_kecamatan_match_by_name_without_the_crosswalk(regions):
    path = shared_geo() / "jember_kecamatan_bps2020_simplified.geojson"
    bounds = load_boundaries([(path.name, path.read_bytes())], regions, within="35.09")
    assert len(bounds.of("kecamatan", "35.09")) == 31
    assert bounds.unmatched == []


def test_read_dir_of_a_missing_folder_is_empty(tmp_path):
    assert read_dir(tmp_path / "nope") == []


def desa(name: str, kecamatan: str = "", **codes: str) -> dict:
    props = {"desa": name, **({"kecamatan": kecamatan} if kecamatan else {}), **codes}
    return feature(props, size=0.01)


def outcome(regions, *features: dict):
    return match_features(list(features), regions, within="35.09", source="f")


def test_a_misspelt_desa_is_matched_by_similar_name_within_its_kecamatan(regions):
    shapes, unmatched, _ = outcome(
        regions, desa("Jubung", "Sukorambi"), desa("Kelungkung", "Sukorambi")
    )
    assert unmatched == []
    found = {s.code: (s.name, s.match) for s in shapes}
    assert found["35.09.15.2005"] == ("Kelungkung", "similar")  # the master's Klungkung
    assert next(s for s in shapes if s.match == "similar").score == pytest.approx(94.7, abs=0.1)


@pytest.mark.parametrize(
    "features,reason,near",
    [
        # Two spellings close to one desa: the closer (Kelungkung) has it, the other is told why.
        ([desa("Klungkong", "Sukorambi"), desa("Kelungkung", "Sukorambi")], "similar_taken",
         ("35.09.15.2005",)),
        # A desa matched by its exact name is not claimed again by a similar one.
        ([desa("Kelungkung", "Sukorambi"), desa("Klungkung", "Sukorambi")], "similar_taken",
         ("35.09.15.2005",)),
        # Two desa of one kecamatan about as close: Banjarsari 90, Bangsalsari 85.7.
        ([desa("Bangarsari", "Bangsalsari")], "similar_tie", ("35.09.09.2010", "35.09.09.2003")),
        # Only the desa of its own kecamatan: Klungkung is in Sukorambi, not Jelbuk.
        ([desa("Kelungkung", "Jelbuk")], "no_region", ()),
        # Without a kecamatan (no code, no name) nothing is guessed across the regency.
        ([desa("Jubung"), desa("Kelungkung")], "no_region", ()),
        # Another number is another desa, however close: Patane I to V exist, VI does not.
        ([desa("Patane VI", code_kemendagri="12.12.07.2099")], "no_region", ()),
    ],
)  # fmt: skip
def test_a_desa_not_matched_by_similar_name_says_why(regions, features, reason, near):
    _, unmatched, _ = outcome(regions, *features)
    [left] = unmatched
    assert (left.reason, left.near) == (reason, near)


def test_the_kecamatan_name_tells_apart_desa_of_the_same_name(regions):
    # Sukoreno is a desa of Umbulsari and of Kalisat.
    shapes, unmatched, _ = outcome(
        regions, desa("Sukoreno", "Umbulsari"), desa("Sukoreno", "Kalisat")
    )
    assert unmatched == []
    assert sorted(regions.parent(s.code) for s in shapes) == ["35.09.05", "35.09.27"]


def test_a_kecamatan_name_out_of_date_does_not_lose_a_desa_unique_in_the_regency(regions):
    shapes, unmatched, _ = outcome(regions, desa("Jubung", "Jelbuk"))
    assert unmatched == [] and regions.parent(shapes[0].code) == "35.09.15"
    assert shapes[0].match == "name"


def test_the_reports_show_both_spellings_and_the_closest_names(regions):
    data = collection(
        desa("Kelungkung", "Sukorambi"),
        desa("Bangarsari", "Bangsalsari"),
        desa("Atlantis", "Jelbuk"),
    )
    bounds = load_boundaries([("desa.geojson", data)], regions, within="35.09")
    assert bounds.similar_report(regions) == [
        {"name": "Kelungkung", "region": "Klungkung", "parent": "Sukorambi", "level": "desa",
         "code": "35.09.15.2005", "source": "desa.geojson", "score": pytest.approx(94.74, 0.01)}
    ]  # fmt: skip
    rows = {r["name"]: r for r in bounds.report(regions, "kecamatan", "35.09")}
    assert rows["Bangarsari"]["reason"] == "similar_tie"
    assert rows["Bangarsari"]["near"] == "Banjarsari (35.09.09.2010), Bangsalsari (35.09.09.2003)"
    assert rows["Atlantis"]["near"] == ""
    assert bounds.outcome("desa.geojson") == FileOutcome(matched=1, similar=1, unmatched=2)


def test_the_real_desa_of_jember_all_match_six_by_similar_name(regions):
    bounds = load_boundaries(read_dir(shared_geo()), regions, within="35.09")
    assert len(bounds.of("desa", "35.09")) == 248
    assert bounds.missing(regions, "desa", "35.09") == []
    assert not [u for u in bounds.unmatched if u.source.startswith("jember_desa")]
    rows = bounds.similar_report(regions)
    pairs = {(r["name"], r["region"], r["parent"]) for r in rows if r["level"] == "desa"}
    assert pairs == {
        ("Sumberrejo", "Sumberejo", "Ambulu"),
        ("Kelungkung", "Klungkung", "Sukorambi"),
        ("Keranjingan", "Kranjingan", "Sumbersari"),
        ("Kemuningllor", "Kemuninglor", "Arjasa"),
        ("Sumber Ketempah", "Sumberketempa", "Kalisat"),
        ("Plereyan", "Plerean", "Sumberjambe"),
    }


def test_the_real_desa_file_alone_finds_kecamatan_by_name(regions):
    path = shared_geo() / "jember_desa_bps2020_simplified.geojson"
    bounds = load_boundaries([(path.name, path.read_bytes())], regions, within="35.09")
    assert bounds.outcome(path.name) == FileOutcome(matched=248, similar=6, unmatched=0)


def kecamatan(name: str, bps: str = "", **props: str) -> dict:
    return feature({"name": name, **({"code_bps": bps} if bps else {}), **props})


@pytest.mark.parametrize(
    "props,code,how",
    [
        # BPS 2020 spells Bojonegoro's Sumberrejo with one r: paired within its kabupaten,
        # found by the code's prefix or by the file's "kab" property.
        ({"code_bps": "3522120", "name": "Sumberejo"}, "35.22.12", "similar"),
        ({"name": "Sumberejo", "kab": "Bojonegoro"}, "35.22.12", "similar"),
        ({"code_bps": "3509999", "name": "Kaliwatess"}, "35.09.19", "similar"),
        # A bare regency name is the kabupaten, as BPS writes it; the kota has "Kota".
        ({"name": "Sumberpucung", "kab": "Malang"}, "35.07.12", "name"),
        ({"name": "Klojen", "kab": "Kota Malang"}, "35.73.02", "name"),
        # "Kota Kediri" in Kota Kediri is the kecamatan the master calls "Kota".
        ({"code_bps": "3571020", "name": "Kota Kediri"}, "35.71.02", "name"),
        # A name that begins like a lake is a region when the master has it.
        ({"code_bps": "1501999", "name": "Danau Kerinci"}, "15.01.02", "name"),
        ({"code_bps": "1501999", "name": "Danau Kerinchi"}, "15.01.02", "similar"),
    ],
)
def test_a_kecamatan_finds_its_region_by_name_or_similar_name(regions, props, code, how):
    shapes, unmatched, _ = match_features([feature(props)], regions, within="35.09")
    assert unmatched == []
    assert [(s.code, s.level, s.match) for s in shapes] == [(code, "kecamatan", how)]


@pytest.mark.parametrize(
    "features,reason,near",
    [
        # Another spelling of a kecamatan matched by its own name: it stays reported.
        ([kecamatan("Kaliwates", "3509710"), kecamatan("Kaliwatez", "3509711")],
         "similar_taken", ("35.09.19",)),
        # Umbulsari 94.7 and Mumbulsari 90, both of Jember: too close to choose.
        ([kecamatan("Umbulsarii", "3509999")], "similar_tie", ("35.09.05", "35.09.23")),
        # Only the kecamatan of its own kabupaten: Sumberrejo is Bojonegoro's, not Jember's;
        # Jember's Sumberjambe (70) is offered as a hint, never paired.
        ([kecamatan("Sumberejo", "3509999")], "no_region", ("35.09.31",)),
        # Without a kabupaten (no code, no "kab") nothing is guessed.
        ([kecamatan("Kaliwatess")], "no_region", ()),
        # Gedek is 80 from Gedeg, under the minimum: named for the operator, not paired.
        ([kecamatan("Gedek", "3516140")], "no_region", ("35.16.14",)),
        # A direction word never pairs: not Sumbermanjing Wetan; Sumberpucung (64) is a hint.
        ([kecamatan("Sumbermanjing", "3507060")], "no_region", ("35.07.12",)),
    ],
)  # fmt: skip
def test_a_kecamatan_not_matched_by_similar_name_says_why(regions, features, reason, near):
    _, unmatched, _ = match_features(features, regions, within="35.09")
    [left] = unmatched
    assert (left.reason, left.near) == (reason, near)


def test_a_file_naming_only_kabupaten_holds_kecamatan(regions):
    # "Kota Kediri" alone would be the regency; beside its siblings it is a kecamatan.
    kediri = [{"name": n, "kab": "Kota Kediri"} for n in ("Mojoroto", "Kota Kediri", "Pesantren")]
    shapes, unmatched, _ = match_features([feature(p) for p in kediri], regions, within="35.09")
    assert unmatched == []
    assert [s.code for s in shapes] == ["35.71.01", "35.71.02", "35.71.03"]


def test_the_regions_its_kabupaten_left_over_are_named_for_a_renamed_kecamatan(regions):
    # Bondowoso renamed Sempol to Ijen; the master still says Sempol.
    others = [c for c in regions.children("35.11") if c != "35.11.19"]
    features = [kecamatan(regions.name(c), "3511" + c[-2:] + "0") for c in others]
    _, unmatched, _ = match_features([*features, kecamatan("Ijen", "3511151")], regions)
    assert [(u.name, u.reason, u.near) for u in unmatched] == [("Ijen", "no_region", ("35.11.19",))]


@pytest.mark.parametrize(
    "props,reason",
    [
        # Water by name or kind, once nothing matched.
        ({"code_bps": "3522888", "name": "Perairan"}, "water"),
        ({"name": "Perairan Selat Madura"}, "water"),
        ({"name": "Danau Toba"}, "water"),
        ({"name": "Waduk Gajah Mungkur", "kab": "Wonogiri"}, "water"),
        ({"name": "Bengawan", "kind": "Waduk"}, "water"),
        ({"name": "Lake", "type": "Water body"}, "water"),
        # A name close to a region of its parent stays an error for the operator to see.
        ({"code_bps": "1501999", "name": "Danau Kencana"}, "no_region"),
        ({"name": "Atlantis"}, "no_region"),
    ],
)
def test_water_bodies_are_told_apart_from_regions_that_did_not_match(regions, props, reason):
    _, unmatched, _ = match_features([feature(props)], regions, within="35.09")
    assert [u.reason for u in unmatched] == [reason]


def test_water_is_reported_apart_and_not_counted_as_unmatched(regions):
    data = collection(
        kecamatan("Sumberejo", "3522120"), kecamatan("Perairan", "3522888"), kecamatan("Ijen")
    )
    bounds = load_boundaries([("kec.geojson", data)], regions, within="35.09")
    assert [u.name for u in bounds.water()] == ["Perairan"]
    assert "Perairan" not in {r["name"] for r in bounds.report(regions, "kecamatan", "35.09")}
    assert bounds.outcome("kec.geojson") == FileOutcome(matched=1, similar=1, unmatched=1, water=1)
    assert bounds.similar_report(regions) == [
        {"name": "Sumberejo", "region": "Sumberrejo", "parent": "Kabupaten Bojonegoro",
         "level": "kecamatan", "code": "35.22.12", "source": "kec.geojson",
         "score": pytest.approx(94.74, 0.01)}
    ]  # fmt: skip


def test_the_real_kecamatan_of_jawa_timur(regions):
    path = shared_geo() / "jatim_kecamatan_bps2020_simplified.geojson"
    bounds = load_boundaries([(path.name, path.read_bytes())], regions, within="35.09")
    assert bounds.outcome(path.name) == FileOutcome(matched=662, similar=1, unmatched=4, water=1)
    assert [(r["name"], r["region"]) for r in bounds.similar_report(regions)] == [
        ("Sumberejo", "Sumberrejo")
    ]
    assert bounds.shapes["35.71.02"].name == "Kota Kediri"
    # Each left over names the one kecamatan its kabupaten has without a boundary.
    left = {u.name: (u.reason, [regions.name(c) for c in u.near]) for u in bounds.unmatched}
    assert left == {
        "Sumbermanjing": ("no_region", ["Sumbermanjing Wetan"]),  # Wetan: never paired
        "Ijen": ("no_region", ["Sempol"]),  # renamed
        "Gedek": ("no_region", ["Gedeg"]),  # 80, under the minimum
        "Giligenteng": ("no_region", ["Giliginting"]),  # 81.8
        "Perairan": ("water", []),
    }
    assert len(bounds.missing(regions, "kecamatan", "35")) == 4

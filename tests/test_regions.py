import pytest

from census_core.regions import (
    UnknownRegion,
    level_of,
    normalize_code,
    normalize_name,
    parent_of,
    province_of,
    short_name,
)


def test_master_covers_indonesia(regions):
    assert len(regions.descendants(None, "provinsi")) == 38
    assert len(regions.descendants(None, "kabupaten")) == 514
    assert len(regions.descendants(None, "kecamatan")) > 7000
    assert len(regions.descendants(None, "desa")) > 83000


@pytest.mark.parametrize(
    "code,level,parent",
    [
        ("35", "provinsi", None),
        ("35.09", "kabupaten", "35"),
        ("35.09.19", "kecamatan", "35.09"),
        ("35.09.19.1004", "desa", "35.09.19"),
    ],
)
def test_level_and_parent_follow_from_the_code(regions, code, level, parent):
    assert level_of(code) == level
    assert parent_of(code) == parent
    assert regions.level(code) == level
    assert regions.parent(code) == parent
    assert province_of(code) == "35"


def test_jember_lookups(regions):
    assert regions.name("35.09") == "Kabupaten Jember"
    assert regions.name("35.09.19") == "Kaliwates"
    assert regions.name("35.09.25") == "Jelbuk"
    assert len(regions.descendants("35", "kabupaten")) == 38
    assert len(regions.children("35.09")) == 31
    assert len(regions.descendants("35.09", "desa")) == 248
    assert regions.ancestors("35.09.19.1004") == ["35.09.19", "35.09", "35"]
    assert regions.descendants("35.09.19", "kabupaten") == []


def test_unknown_code_is_a_typed_error(regions):
    with pytest.raises(UnknownRegion):
        regions.name("99.99")
    with pytest.raises(UnknownRegion):
        level_of("3509x")


@pytest.mark.parametrize(
    "text,code",
    [
        ("35.09.19", "35.09.19"),
        ("350919", "35.09.19"),
        ("35", "35"),
        ("3509191004", "35.09.19.1004"),
        ("35 09", "35.09"),
        ("abc", None),
        ("35091", None),
    ],
)
def test_normalize_code(text, code):
    assert normalize_code(text) == code


@pytest.mark.parametrize(
    "text,key",
    [
        ("Kec. Sumber Sari", "sumbersari"),
        ("KECAMATAN  KALIWATES", "kaliwates"),
        ("Kab. Jember", "jember"),
        ("Gumuk Mas", "gumukmas"),
        ("Kota Kediri", "kediri"),
        ("Desa Sukojember", "sukojember"),
    ],
)
def test_normalize_name(text, key):
    assert normalize_name(text) == key


def test_short_name_keeps_kota():
    assert short_name("Kabupaten Jember") == "Jember"
    assert short_name("Kota Kediri") == "Kota Kediri"


def test_descendants_as_a_filter_of_the_whole_master_would_give(regions):
    """The index the map's boundary matching uses answers as a scan of every region would:
    the same codes, in code order, for the country, a province, a regency and a kecamatan."""
    frame = regions.frame
    for code in (None, "35", "35.09", "35.09.19", "11", "94"):
        for level in ("provinsi", "kabupaten", "kecamatan", "desa"):
            codes = frame.index[frame["level"] == level]
            if code is not None:
                codes = codes[codes.str.startswith(code + ".")]
            assert regions.descendants(code, level) == list(codes), (code, level)

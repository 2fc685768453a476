"""Spellings paired with regions by similarity: score, guard, one to one, margin."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from census_core.geo.similar import MIN_SCORE, designators, pair_similar, similarity


@pytest.mark.parametrize(
    "name,marks",
    [
        ("Sumberrejo", set()),
        ("Patane III", {"iii"}),
        ("Alue Kumbang A", {"a"}),
        ("Buket Panyang Dua", {"dua"}),
        # Written apart or joined, a direction word is the same mark.
        ("Kemuning Lor", {"lor"}),
        ("Kemuninglor", {"lor"}),
        ("Kemuningllor", {"lor"}),
        ("Tanjung Hulu", {"ulu"}),
        ("Tanjungulu", {"ulu"}),
        ("Rantau Kapas Tuo", {"tua"}),
    ],
)
def test_designators(name, marks):
    assert designators(name) == marks


@pytest.mark.parametrize(
    "a,b,close",
    [
        # The six Jember desa BPS 2020 spells apart from the region master.
        ("Sumberrejo", "Sumberejo", True),
        ("Kelungkung", "Klungkung", True),
        ("Kemuningllor", "Kemuninglor", True),
        ("Sumber Ketempah", "Sumberketempa", True),
        ("Plereyan", "Plerean", True),
        ("Keranjingan", "Kranjingan", True),
        # Kecamatan of Jawa Timur BPS 2020 spells apart: one r is close enough; Gedek (80)
        # and Giligenteng (81.8) are under the minimum, Wetan is a direction word.
        ("Sumberejo", "Sumberrejo", True),
        ("Gedek", "Gedeg", False),
        ("Giligenteng", "Giliginting", False),
        ("Sumbermanjing", "Sumbermanjing Wetan", False),
        # Two desa, one letter apart.
        ("Sukoreno", "Sukorejo", False),
        # Same stem, another number or direction: another desa.
        ("Patane IV", "Patane III", False),
        ("Bangun I", "Bangun", False),
        ("Beringin Jaya", "Beringin Raya", False),
        ("Balunglor", "Balungkidul", False),
    ],
)
def test_similarity_of_real_spellings(a, b, close):
    assert (similarity(a, b) >= MIN_SCORE) is close


POOL = {"k1": "Klungkung", "k2": "Jubung", "k3": "Sukorambi"}


def test_a_misspelling_finds_its_region():
    out = pair_similar({0: "Kelungkung"}, {0: POOL})
    assert out[0].status == "similar" and out[0].code == "k1"
    assert out[0].score == pytest.approx(94.7, abs=0.1)


def test_two_spellings_of_one_region_the_closer_wins_and_the_other_is_told_why():
    out = pair_similar({0: "Klungkong", 1: "Kelungkung"}, {0: POOL, 1: POOL})
    assert out[1].code == "k1"
    assert out[0].status == "taken" and out[0].near == ("k1",)


def test_a_region_matched_before_is_never_paired_again():
    out = pair_similar({0: "Kelungkung"}, {0: POOL}, taken={"k1"})
    assert out[0].status == "taken" and out[0].code is None


def test_a_spelling_about_as_close_to_two_regions_is_a_tie():
    # "Bangarsari" is 90 from Banjarsari and 85.7 from Bangsalsari (kecamatan Bangsalsari).
    pool = {"b1": "Bangsalsari", "b2": "Banjarsari"}
    out = pair_similar({0: "Bangarsari"}, {0: pool})
    assert out[0].status == "tie" and out[0].near == ("b2", "b1")
    assert pair_similar({0: "Bangarsari"}, {0: pool}, margin=4)[0].code == "b2"


def test_nothing_close_is_none_with_a_hint_when_something_is_near():
    out = pair_similar({0: "Klungkok", 1: "Atlantis"}, {0: POOL, 1: POOL})
    assert out[0].status == "none" and out[0].near == ("k1",)
    assert out[1].status == "none" and out[1].near == ()


def test_a_spelling_without_a_pool_is_none():
    assert pair_similar({0: "Kelungkung"}, {})[0].status == "none"


names = st.text(alphabet="abkmnorsu ", min_size=3, max_size=10)


@given(
    spellings=st.lists(names, min_size=1, max_size=6),
    regions=st.lists(names, min_size=1, max_size=6),
    taken=st.sets(st.integers(0, 5), max_size=2),
)
def test_a_region_is_never_paired_twice_nor_after_it_was_taken(spellings, regions, taken):
    pool = {f"r{i}": name for i, name in enumerate(regions)}
    before = {f"r{i}" for i in taken}
    out = pair_similar(dict(enumerate(spellings)), dict.fromkeys(range(len(spellings)), pool),
                       taken=before)  # fmt: skip
    paired = [p.code for p in out.values() if p.status == "similar"]
    assert len(paired) == len(set(paired))
    assert not set(paired) & before
    assert all(p.score >= MIN_SCORE for p in out.values() if p.status == "similar")

from datetime import date

import pytest

from census_core.display.headline import headline
from census_core.display.headline_text import arrow, kpis, sentences
from census_core.settings import Settings
from census_core.standings.snapshot import load_snapshot
from census_core.text import fmt_int, fmt_pct

DAY = date(2020, 3, 5)
DEADLINE = date(2020, 3, 31)


@pytest.fixture(scope="module")
def snap(demo_db_file, regions):
    from census_core.store import Store

    return load_snapshot(Store(f"sqlite:///{demo_db_file}", regions))


@pytest.fixture(scope="module")
def kecamatan(snap):
    return snap.board("kecamatan", "35.09", DAY, Settings())


def test_headline_of_the_last_kecamatan(kecamatan):
    h = headline(kecamatan, "35.09.25", DAY, DEADLINE, recent_gain=147)
    assert (h.name, h.rank, h.of, h.count) == ("Jelbuk", 31, 31, 344)
    assert h.days_left == 26
    assert h.above_name == "Sukorambi" and h.gap == 60
    assert h.pace_needed == -(-(h.target - 344) // 26)  # ceiling division
    assert h.recent_pace == 21


def test_kpi_cards_in_both_languages(kecamatan):
    h = headline(kecamatan, "35.09.25", DAY, DEADLINE, recent_gain=147)
    cards = kpis(h, "Kabupaten Jember", "KK", 50, with_gap=True)
    assert [(c.label, c.value) for c in cards][:4] == [
        ("KK terdata", "344"),
        ("Peringkat di Kabupaten Jember", "31 dari 31"),
        ("Capaian target", "7,6%"),
        ("Tepat di atas", "Sukorambi"),
    ]
    assert cards[0].trend == 1 and cards[0].note == "sejak kemarin"
    pace = cards[-2]
    assert pace.label == "Perlu per hari (KK)" and pace.trend == -1  # 21 a day is too slow
    # The status against the pace needed, in words and symbol, and where the pace gets it.
    status = cards[-1]
    assert (status.label, status.value, status.trend) == ("Status", "○ tertinggal", -1)
    assert (status.delta, status.note) == ("20% pada 31 Mar", "laju 7 hari")
    assert kpis(h, "Kabupaten Jember", "KK", 50, "en")[-1].value == "○ behind"
    # The share of target on the card; the target's share of the base named as such.
    share = cards[2]
    assert (share.delta, share.note) == ("dari 4.522", "KK; target = 50% dari seluruh KK")
    english = kpis(h, "Kabupaten Jember", "households", 50, "en")
    assert english[1].value == "31 of 31"
    assert english[2].note == "households; target = 50% of all households"


def test_sentences_say_rank_count_and_pace(kecamatan):
    h = headline(kecamatan, "35.09.19", DAY, DEADLINE)
    text = sentences(h, "kecamatan", "Kabupaten Jember", "count", "KK", 50)
    assert text[0] == (
        "Kaliwates peringkat 1 dari 31 kecamatan di Kabupaten Jember menurut jumlah KK: "
        "4.040 KK (25,5% dari target Pemkab 50%), +235 sejak kemarin."
    )
    # The target's own share is of all families, and named so; no share of target beside it.
    assert text[1].startswith(
        f"Agar target {fmt_int(h.target)} KK (50% dari seluruh KK) tercapai pada 31 Maret 2020 "
        "perlu "
    )
    english = sentences(h, "kecamatan", "Kabupaten Jember", "count", "households", 50, "en")
    assert english[0].startswith("Kaliwates ranks 1 of 31 districts in Kabupaten Jember")
    assert "4,040 households (25.5% of target Pemkab 50%), +235 since yesterday." in english[0]


def test_the_sentence_names_the_target_its_row_is_measured_against(snap):
    """The target the share is of, as the row names it: the chosen source; for a region the
    chosen source does not cover, the fallback its row says; for a store without names, the
    share; 'tanpa target' for a region with none."""
    chosen = snap.board("kabupaten", "35", DAY, Settings(target_source="BPS 22%"))
    jember = headline(chosen, "35.09", DAY, DEADLINE)
    said = sentences(jember, "kabupaten", "Jawa Timur", "count", "KK", 22)[0]
    assert f"({fmt_pct(jember.percent)} dari target BPS 22%)" in said
    # Under Pemkab 50% (Jember's own), Kediri is measured by half its whole population.
    kabupaten = snap.board("kabupaten", "35", DAY, Settings())
    kediri = headline(kabupaten, "35.06", DAY, DEADLINE)
    said = sentences(kediri, "kabupaten", "Jawa Timur", "count", "KK", 50)[0]
    assert "(14,7% dari target 50% (Penduduk 100%))" in said
    english = sentences(kediri, "kabupaten", "East Java", "count", "households", 50, "en")[0]
    assert "(14.7% of target 50% (Penduduk 100%))" in english
    # A board made without source names: the unnamed target, by its share of the base.
    unnamed = kabupaten.assign(target_source=None)
    said = sentences(headline(unnamed, "35.09", DAY, DEADLINE), "kabupaten", "X", "count", "KK", 40)
    assert "(11,1% dari target 40%)" in said[0]
    bare = kabupaten.assign(target=None, percent=float("nan"), target_source=None)
    said = sentences(headline(bare, "35.09", DAY, DEADLINE), "kabupaten", "X", "count", "KK", 50)
    assert "36.464 KK (tanpa target), " in said[0]


def test_after_the_deadline_and_for_unknown_regions(kecamatan):
    late = headline(kecamatan, "35.09.19", date(2020, 4, 2), DEADLINE)
    assert late.days_left == 0
    assert headline(kecamatan, "35.10", DAY, DEADLINE) is None


def test_a_region_without_a_count_gets_a_sentence_not_empty_cards(snap):
    board = snap.board("kecamatan", "35.10", DAY, Settings())
    code = board["code"].iloc[0]
    h = headline(board, code, DAY, DEADLINE)
    assert h.count is None and h.rank is None
    assert kpis(h, "Kabupaten Banyuwangi", "KK", 50) == []
    assert sentences(h, "kecamatan", "Kabupaten Banyuwangi", "count", "KK", 50) == [
        f"{h.name} belum punya data s.d. 5 Maret 2020."
    ]


def _moved(board, code, change, rank_change):
    board = board.copy()
    at = board["code"] == code
    board.loc[at, "change"] = change
    board.loc[at, "rank_change"] = rank_change
    return board


@pytest.mark.parametrize(
    "change,rank_change,expected",
    [
        # A rise: up, with an arrow that says so.
        (235, 2, [("+235", 1, "▲"), ("naik 2", 1, "▲")]),
        # A fall (a corrected upload): down, never coloured or marked as a rise.
        (-120, -1, [("−120", -1, "▼"), ("turun 1", -1, "▼")]),
        # No change: neutral, and a sign that says "no change" rather than nothing.
        (0, 0, [("0", 0, "="), ("tetap", 0, "=")]),
    ],
)
def test_a_fall_looks_like_a_fall_and_no_change_like_none(kecamatan, change, rank_change, expected):
    board = _moved(kecamatan, "35.09.19", change, rank_change)
    cards = kpis(headline(board, "35.09.19", DAY, DEADLINE), "Kabupaten Jember", "KK", 50)
    assert [(c.delta, c.trend, c.cue) for c in cards[:2]] == expected
    # Cards that compare nothing with yesterday carry no arrow.
    assert [c.cue for c in cards[2:4]] == ["", ""]


def test_no_change_in_english(kecamatan):
    board = _moved(kecamatan, "35.09.19", 0, 0)
    cards = kpis(
        headline(board, "35.09.19", DAY, DEADLINE), "Kabupaten Jember", "households", 50, "en"
    )
    assert (cards[1].cue, cards[1].delta, cards[1].note) == ("=", "no change", "since yesterday")


@pytest.mark.parametrize(
    "value,expected", [(3, "▲"), (0.2, "▲"), (-1, "▼"), (-0.01, "▼"), (0, "=")]
)
def test_arrow(value, expected):
    assert arrow(value) == expected


def test_a_carried_forward_count_card_is_marked_and_dated(snap, kecamatan):
    later = date(2020, 3, 7)  # no report after 5 March
    h = headline(snap.board("kecamatan", "35.09", later, Settings()), "35.09.25", later, DEADLINE)
    assert h.stale
    card = kpis(h, "Kabupaten Jember", "KK", 50)[0]
    assert card.value == "344*"
    assert card.note == "* angka 5 Maret 2020, belum ada laporan baru"
    fresh = kpis(headline(kecamatan, "35.09.25", DAY, DEADLINE), "Kabupaten Jember", "KK", 50)[0]
    assert fresh.value == "344" and "*" not in (fresh.note or "")


def test_a_gain_over_fewer_days_says_so_and_no_gain_says_a_pace_needs_two_days(kecamatan):
    # Without the board's own 7-day pace, as on a board of a store with fewer days.
    kecamatan = kecamatan.drop(columns=["pace_7d"])
    h = headline(kecamatan, "35.09.25", DAY, DEADLINE, recent_gain=60, recent_days=3)
    assert h.recent_pace == 20
    cards = {c.label: c for c in kpis(h, "Kabupaten Jember", "KK", 50, with_gain=True)}
    assert cards["Perlu per hari (KK)"].note == "rata-rata 3 hari"
    assert cards["Naik 3 hari (KK)"].value == "+60"
    one_day = headline(kecamatan, "35.09.25", DAY, DEADLINE)  # no earlier figure: no gain
    assert one_day.recent_pace is None
    cards = {c.label: c for c in kpis(one_day, "Kabupaten Jember", "KK", 50, with_gain=True)}
    assert cards["Naik 7 hari (KK)"].value == "–"
    assert cards["Naik 7 hari (KK)"].note == "laju butuh angka dua hari"
    assert cards["Perlu per hari (KK)"].note == "laju butuh angka dua hari"

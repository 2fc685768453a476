"""The demo reproduces the Jember report of 6 March 2020 and rises plausibly before it."""

from datetime import date

import pytest

from census_core.standings.progress import mismatches_at, standings
from census_core.store.demo import DAYS, generate

REPORT = date(2020, 3, 5)


@pytest.fixture(scope="module")
def demo(regions):
    return generate(regions)


@pytest.fixture(scope="module")
def households(demo):
    counts, _ = demo
    return counts[counts["measure"] == "households"]


def test_is_deterministic(regions, demo):
    again, _ = generate(regions)
    assert again.equals(demo[0])


def test_kabupaten_board_of_jawa_timur(regions, households):
    board = standings(households, regions, "kabupaten", "35", REPORT)
    assert len(board) == 38 and board["rank"].notna().all()
    first, second, third = board.iloc[0], board.iloc[1], board.iloc[2]
    assert (first["code"], first["count"]) == ("35.09", 36464)
    assert (second["code"], third["code"]) == ("35.06", "35.15")
    assert board.iloc[-1]["code"] == "35.16"
    assert (board["rank"] == 38).sum() == 1


def test_kecamatan_board_of_jember(regions, households):
    board = standings(households, regions, "kecamatan", "35.09", REPORT)
    assert len(board) == 31
    assert list(board["name"][:3]) == ["Kaliwates", "Sumbersari", "Patrang"]
    assert board.iloc[0]["count"] == 4040
    last = board.iloc[-1]
    assert (last["code"], last["count"], last["rank"]) == ("35.09.25", 344, 31)
    assert int(board["count"].sum()) == 36464


def test_persons_on_the_report_day(demo):
    counts, _ = demo
    row = counts[
        (counts["region"] == "35.09")
        & (counts["measure"] == "persons")
        & (counts["date"] == "2020-03-05")
    ]
    assert int(row["value"].iloc[0]) == 136833


def test_daily_from_15_february_with_no_decreases(demo):
    counts, _ = demo
    assert DAYS[0] == date(2020, 2, 15) and DAYS[-1] == REPORT
    for _, series in counts.sort_values("date").groupby(["region", "measure"]):
        assert len(series) == len(DAYS)
        assert (series["value"].diff().dropna() >= 0).all()


def test_jember_daily_gains_are_plausible(households):
    jember = households[households["region"] == "35.09"].sort_values("date")["value"]
    gains = jember.diff().dropna()
    assert gains.max() <= 4000
    assert ((gains >= 1000) & (gains <= 3000)).mean() >= 0.8


def test_every_level_adds_up_every_day(demo):
    counts, _ = demo
    for measure in ("households", "persons"):
        frame = counts[counts["measure"] == measure]
        for day in DAYS:
            assert mismatches_at(frame, day) == [], (measure, day)


def test_targets_cover_every_region_with_counts(demo):
    counts, targets = demo
    assert set(counts["region"]) == set(targets["region"])
    # Two measures; every region under "Penduduk 100%" and "BPS 22%", Jember's under "Pemkab 50%".
    assert len(targets) == 2 * 2 * (38 + 31 + 248) + 2 * (1 + 31 + 248)
    assert targets.groupby(["region", "measure", "source"]).size().max() == 1
    jember = targets[(targets["region"] == "35.09") & (targets["measure"] == "persons")]
    assert int(jember["base"].iloc[0]) == 2536729


def test_a_fresh_store_gets_the_jember_demo_only_when_jember_is_home(fresh_store):
    from census_core.services import ensure_demo

    assert not ensure_demo(fresh_store, "33.19") and fresh_store.is_empty()
    assert not ensure_demo(fresh_store, "35.10") and fresh_store.is_empty()  # Banyuwangi too


@pytest.mark.parametrize("home", ["33.19", "35.78", "63.71"])
def test_simulated_data_of_another_home_is_its_own_and_adds_up(regions, home):
    from census_core.store.demo import simulate

    counts, targets = simulate(regions, home)
    own = set(regions.descendants(home, "kecamatan")) | set(regions.descendants(home, "desa"))
    province = set(regions.descendants(regions.parent(home), "kabupaten"))
    assert set(counts["region"]) == own | province  # nothing of another province's regions
    assert "35.09.19" not in set(counts["region"])  # no Kaliwates
    assert set(targets["region"]) == set(counts["region"])
    h = counts[counts["measure"] == "persons"].pivot(index="date", columns="region", values="value")
    kec = regions.descendants(home, "kecamatan")
    assert (h[kec].sum(axis=1) == h[home]).all()  # the regency is its kecamatan's sum
    for code in kec[:3]:
        assert (h[regions.children(code)].sum(axis=1) == h[code]).all()
    assert (h.diff().dropna() >= 0).all().all()  # cumulative: never down


def test_an_operator_fills_simulated_data_only_into_an_empty_store(fresh_store):
    from census_core.services import try_simulated

    assert try_simulated(fresh_store, "33.19")
    events = fresh_store.events()
    assert len(events) == 0  # the demo's events happened in Jember
    assert not try_simulated(fresh_store, "33.19")  # something is stored: nothing changes

"""The demo reproduces the Jember report of 6 March 2020, rises plausibly before it and goes on
through the published figures to the extended end of the campaign (29 May 2020)."""

from datetime import date

import pandas as pd
import pytest

from census_core.standings.progress import mismatches_at, standings
from census_core.store.demo import DAYS, END, REPORT_DAYS, generate

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
    assert DAYS[0] == date(2020, 2, 15) and DAYS[-1] == date(2020, 5, 29) == END
    for _, series in counts.sort_values("date").groupby(["region", "measure"]):
        assert len(series) == len(DAYS)
        assert (series["value"].diff().dropna() >= 0).all()


def test_jember_daily_gains_are_plausible(households):
    before = households[households["date"] <= pd.Timestamp(REPORT)]
    jember = before[before["region"] == "35.09"].sort_values("date")["value"]
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


# The whole campaign, as extended: the published figures of /work/shared/facts (persons).
FINAL = date(2020, 5, 29)


def _value(counts, code, measure, day):
    row = counts[
        (counts["region"] == code) & (counts["measure"] == measure) & (counts["date"] == str(day))
    ]
    return int(row["value"].iloc[0])


def test_until_keeps_the_report_days_as_they_were(regions, demo):
    counts, targets = demo
    report, report_targets = generate(regions, until=REPORT)
    assert sorted(report["date"].dt.date.unique()) == REPORT_DAYS
    early = counts[counts["date"] <= pd.Timestamp(REPORT)].reset_index(drop=True)
    assert report.equals(early) and report_targets.equals(targets)


def test_jember_through_21_and_29_may(demo):
    counts, _ = demo
    assert _value(counts, "35.09", "persons", date(2020, 5, 21)) == 407583
    assert _value(counts, "35.09", "persons", FINAL) == 733087
    assert _value(counts, "35.09", "households", FINAL) == 193302
    # The surge: 44 % of the final total in the last 8 days.
    assert round((733087 - 407583) / 733087 * 100) == 44


def _persons_board(regions, demo, by):
    counts, targets = demo
    persons = counts[counts["measure"] == "persons"]
    # The participation rate BPS Jawa Timur ranked by: the whole population.
    bases = targets[(targets["measure"] == "persons") & (targets["source"] == "Penduduk 100%")]
    return standings(
        persons, regions, "kabupaten", "35", FINAL, targets=bases, by=by, default_share=1.0
    )


def test_jawa_timur_by_count_on_29_may(regions, demo):
    board = _persons_board(regions, demo, "count")
    top = list(zip(board["code"][:5], board["count"][:5], strict=True))
    assert top == [
        ("35.09", 733087),
        ("35.15", 579000),
        ("35.24", 480000),
        ("35.14", 384000),
        ("35.78", 348000),
    ]
    last = board.iloc[-1]
    assert (last["code"], last["count"], last["rank"]) == ("35.76", 28000, 38)
    assert int(board["count"].sum()) == 6840000


def test_jawa_timur_by_share_on_29_may(regions, demo):
    board = _persons_board(regions, demo, "percent")
    assert list(board["code"][:5]) == ["35.72", "35.75", "35.77", "35.24", "35.79"]
    shares = dict(zip(board["code"], board["percent"].round(2), strict=True))
    assert (shares["35.72"], shares["35.75"], shares["35.77"], shares["35.79"]) == (
        55.78,
        46.56,
        40.62,
        33.17,
    )
    assert round(shares["35.09"]) == 29


def test_mid_campaign_figures(demo):
    counts, _ = demo
    assert _value(counts, "35.77", "persons", date(2020, 4, 1)) == 47122  # Kota Madiun
    assert _value(counts, "35.77", "persons", date(2020, 3, 18)) == 19204
    assert _value(counts, "35.74", "persons", date(2020, 3, 31)) == 29760  # Kota Probolinggo

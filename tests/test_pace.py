"""Status against the pace needed: 7-day pace, status, expected day, projection range."""

from datetime import date

import pandas as pd
import pytest

from census_core.regions import load_regions
from census_core.settings import Settings
from census_core.standings import pace
from census_core.standings.progress import figure_series
from census_core.standings.snapshot import Snapshot

JELBUK, KALIWATES, PATRANG = "35.09.25", "35.09.19", "35.09.20"
DEADLINE = date(2020, 3, 31)


@pytest.fixture(scope="module")
def regions():
    return load_regions()


def snapshot(regions, rows, targets):
    counts = pd.DataFrame(
        [(r, d, "households", v) for r, d, v in rows],
        columns=["region", "date", "measure", "value"],
    )
    counts["date"] = pd.to_datetime(counts["date"])
    frame = pd.DataFrame(
        [(r, "households", base, 1.0) for r, base in targets],
        columns=["region", "measure", "base", "share"],
    )
    return Snapshot("1", counts, frame, pd.DataFrame(), pd.DataFrame(), regions)


def row_of(snap, code, day, settings=None):
    board = snap.board("kecamatan", "35.09", day, settings or Settings())
    return board.set_index("code").loc[code]


# status_of: the pace against the pace needed, thresholds as fractions of it
@pytest.mark.parametrize(
    "count,target,needed,speed,left,expected",
    [
        (100, 100, 0, 5.0, 10, "reached"),  # at its target
        (120, 100, 0, None, 10, "reached"),  # past it, even with no pace
        (0, 100, 10, 10.0, 10, "on_track"),  # pace meets the need
        (0, 100, 10, 7.0, 10, "push"),  # between the thresholds
        (0, 100, 10, 4.9, 10, "behind"),  # below half the need
        (0, 100, 10, 0.0, 10, "behind"),  # no gain at all
        (50, 100, None, 5.0, 0, "behind"),  # deadline passed short of the target
        (50, 100, 5, None, 10, None),  # no pace yet (one day of data)
        (50, None, None, 5.0, 10, None),  # no target
    ],
)
def test_status_of(count, target, needed, speed, left, expected):
    assert pace.status_of(count, target, needed, speed, left) == expected


def test_thresholds_are_settings():
    assert pace.status_of(0, 100, 10, 9.0, 10, push=0.9) == "on_track"
    assert pace.status_of(0, 100, 10, 4.0, 10, behind=0.4) == "push"


@pytest.mark.parametrize(
    "count,target,speed,expected",
    [
        (50, 100, 10.0, date(2020, 3, 10)),  # 5 days to go
        (50, 100, 3.0, date(2020, 3, 22)),  # 16.7 days: the 17th day
        (50, 100, 0.0, None),  # no gain: never
        (50, 100, None, None),  # no pace
        (100, 100, 10.0, None),  # already there
    ],
)
def test_expected_day(count, target, speed, expected):
    assert pace.expected_day(count, target, speed, date(2020, 3, 5)) == expected


def test_one_day_of_data_gives_no_pace(regions):
    snap = snapshot(regions, [(JELBUK, "2020-03-05", 344)], [(JELBUK, 1000)])
    row = row_of(snap, JELBUK, date(2020, 3, 5))
    assert pd.isna(row["pace_7d"]) and row["status"] is None and row["expected_date"] is None
    assert row["needed_per_day"] == 26  # (1000 - 344) / 26 days, rounded up
    assert pace.status_text(row["status"], "id") == "–"


def test_seven_day_pace_status_and_expected_date(regions):
    rows = [(JELBUK, "2020-02-20", 0), (JELBUK, "2020-02-27", 140), (JELBUK, "2020-03-05", 344)]
    rows += [(KALIWATES, "2020-02-27", 4040), (PATRANG, "2020-02-20", 500)]
    rows += [(PATRANG, "2020-03-05", 500)]
    snap = snapshot(regions, rows, [(JELBUK, 1000), (KALIWATES, 4000), (PATRANG, 900)])
    day = date(2020, 3, 5)
    jelbuk = row_of(snap, JELBUK, day)
    assert jelbuk["pace_7d"] == pytest.approx(204 / 7, abs=0.05)
    assert jelbuk["needed_per_day"] == 26  # 656 / 26
    assert jelbuk["status"] == "on_track"  # 29,1 a day against 26 needed
    assert jelbuk["expected_date"] == date(2020, 3, 28)  # 656 / 29.14 = 22.5 -> 23 days
    assert pace.expected_text(jelbuk, DEADLINE, "id") == "tercapai 28 Maret"
    assert pace.expected_text(jelbuk, DEADLINE, "en") == "reached 28 March"
    kaliwates = row_of(snap, KALIWATES, day)  # carried forward, already past its target
    assert kaliwates["status"] == "reached" and kaliwates["needed_per_day"] == 0
    assert pace.status_text("reached", "id") == "✓ target tercapai"
    patrang = row_of(snap, PATRANG, day)  # no gain in 7 days
    assert patrang["pace_7d"] == 0 and patrang["status"] == "behind"
    assert patrang["expected_date"] is None
    assert pace.expected_text(patrang, DEADLINE, "id") == (
        "tidak tercapai sebelum batas: 56% pada 31 Maret"
    )
    assert pace.status_text("behind", "en") == "○ behind"


def test_deadline_passed(regions):
    rows = [(JELBUK, "2020-03-25", 300), (JELBUK, "2020-04-02", 400)]
    snap = snapshot(regions, rows, [(JELBUK, 1000)])
    row = row_of(snap, JELBUK, date(2020, 4, 2))
    assert row["status"] == "behind" and pd.isna(row["needed_per_day"])
    assert pace.expected_text(row, DEADLINE, "id") == (
        "tidak tercapai sebelum batas: 40% pada 31 Maret"
    )


def test_early_campaign_measures_over_fewer_days(regions):
    rows = [(JELBUK, "2020-03-01", 100), (JELBUK, "2020-03-03", 160)]
    snap = snapshot(regions, rows, [(JELBUK, 1000)])
    assert row_of(snap, JELBUK, date(2020, 3, 3))["pace_7d"] == 30  # 60 over 2 days


def test_the_range_agrees_with_the_board_and_backtests(regions):
    rows = [(JELBUK, f"2020-02-{d:02d}", 10 * (d - 14) ** 2) for d in range(15, 30)]
    rows += [(JELBUK, f"2020-03-{d:02d}", 2500 + 50 * d) for d in range(1, 6)]
    snap = snapshot(regions, rows, [(JELBUK, 8000)])
    day = date(2020, 3, 5)
    days = pd.date_range("2020-02-15", day, freq="D")
    figures = figure_series(snap.counts_of("households"), JELBUK, days)["value"]
    r = pace.pace_range(figures, day, DEADLINE, 8000)
    board = row_of(snap, JELBUK, day)
    assert r.low_pace == pytest.approx(board["pace_7d"], abs=0.05)
    assert r.high_pace >= r.low_pace and r.high >= r.low
    assert r.low == r.value + round(r.low_pace * 26)
    # The projection made on 27 February at that week's pace, against today's figure.
    week_ago = figures.loc["2020-02-27"]
    pace_then = (week_ago - figures.loc["2020-02-20"]) / 7
    assert r.backtest_projected == round(week_ago + pace_then * 7)
    words = pace.range_sentences(r, "KK", "id")
    assert words[0].startswith("Proyeksi 31 Maret: ")
    assert "batas bawah" in words[1]
    assert words[2] == f"Proyeksi 7 hari lalu: {r.backtest_projected:,}; kenyataan: 2.750.".replace(
        ",", "."
    )


def test_no_range_from_one_day():
    figures = pd.Series([344.0], index=pd.DatetimeIndex(["2020-03-05"]))
    assert pace.pace_range(figures, date(2020, 3, 5), DEADLINE, 1000) is None


def test_a_steady_pace_is_one_figure_still_called_a_floor():
    days = pd.date_range("2020-02-20", "2020-03-05", freq="D")
    figures = pd.Series([10.0 * i for i in range(1, len(days) + 1)], index=days)
    r = pace.pace_range(figures, date(2020, 3, 5), DEADLINE, 1000)
    assert r.low == r.high == 150 + 10 * 26
    words = pace.range_sentences(r, "KK", "id")
    assert words[0] == (
        "Proyeksi 31 Maret pada laju 7 hari terakhir: 410 KK (41% target); belum ada 7 hari yang "
        "lebih cepat. SPO 2020 ditutup dengan lonjakan, jadi ini batas bawah."
    )
    assert words[1] == "Proyeksi 7 hari lalu: 150; kenyataan: 150."


def _pace_day_by_day(values: pd.Series, window: int) -> pd.Series:
    """The rule as a board applies it, one day at a time: pace_base from the figure `window`
    days before, else from the first day with data inside the window."""
    import numpy as np

    days = list(pd.DatetimeIndex(values.index))
    dates = [d.date() for d in days]
    out = pd.Series(np.nan, index=values.index, dtype="float64")
    for i, when in enumerate(days):
        now = float(values.iloc[i])
        if np.isnan(now):
            continue
        earlier = [
            float(values.iloc[j])
            for j, d in enumerate(days)
            if d <= when - pd.Timedelta(days=window)
        ]
        before = np.array([earlier[-1] if earlier else np.nan])
        first_day = pace.first_day_within(dates, when.date(), window)
        first = (
            None if first_day is None else np.array([float(values.iloc[dates.index(first_day)])])
        )
        gap = 0 if first_day is None else (when.date() - first_day).days
        base, span = pace.pace_base(before, first, gap, window)
        out.iloc[i] = (now - base[0]) / span[0]
    return out


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.integers(0, 40), st.one_of(st.none(), st.integers(0, 5000)), max_size=30),
    st.integers(1, 10),
)
def test_pace_series_is_the_board_rule_on_every_day(figures, window):
    """pace_series (all days at once) gives each day the pace a board of that day gives."""
    start = pd.Timestamp("2020-03-01")
    days = sorted(figures)
    values = pd.Series(
        [float("nan") if figures[d] is None else float(figures[d]) for d in days],
        index=pd.DatetimeIndex([start + pd.Timedelta(days=d) for d in days]),
        dtype="float64",
    )
    pd.testing.assert_series_equal(
        pace.pace_series(values, window), _pace_day_by_day(values, window)
    )

"""Ranking semantics: ties, carry-forward, derived parents, regions with no report yet."""

from datetime import date

import pandas as pd
import pytest

from census_core.standings.progress import (
    competition_rank,
    days_left,
    mismatches_at,
    pace_needed,
    standings,
)

KALIWATES, PATRANG, SUMBERSARI, JELBUK = "35.09.19", "35.09.20", "35.09.21", "35.09.25"
D1, D2, D3 = date(2020, 3, 3), date(2020, 3, 4), date(2020, 3, 5)


def counts(*rows):
    frame = pd.DataFrame(rows, columns=["region", "date", "value"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def kec_board(frame, day=D3, **kw):
    return standings(frame, _regions(), "kecamatan", "35.09", day, **kw).set_index("code")


def _regions():
    from census_core.regions import load_regions

    return load_regions()


@pytest.mark.parametrize(
    "values,expected",
    [
        ([10, 20, 20, 5], [3, 1, 1, 4]),
        ([3, 3, 3], [1, 1, 1]),
        ([7, None, 9], [2, None, 1]),
        ([0, 1], [2, 1]),
    ],
)
def test_competition_rank(values, expected):
    ranks = competition_rank(pd.Series(values, dtype="float64"))
    assert [None if pd.isna(r) else int(r) for r in ranks] == expected


def test_ties_share_a_rank_and_the_next_rank_skips():
    board = kec_board(
        counts((KALIWATES, D3, 50), (PATRANG, D3, 40), (SUMBERSARI, D3, 40), (JELBUK, D3, 10))
    )
    assert board.loc[KALIWATES, "rank"] == 1
    assert board.loc[PATRANG, "rank"] == board.loc[SUMBERSARI, "rank"] == 2
    assert board.loc[JELBUK, "rank"] == 4
    # The row just above Jelbuk is one of the tied pair; the gap is the same either way.
    assert board.loc[JELBUK, "gap"] == 30
    assert board.loc[PATRANG, "above_code"] == KALIWATES


def test_regions_without_counts_come_last_unranked():
    board = standings(counts((JELBUK, D3, 10)), _regions(), "kecamatan", "35.09", D3)
    assert len(board) == 31
    assert board.iloc[0]["code"] == JELBUK
    rest = board.iloc[1:]
    assert rest["rank"].isna().all() and rest["count"].isna().all()
    assert list(rest["name"]) == sorted(rest["name"], key=str.lower)


def test_carry_forward_uses_the_latest_count_on_or_before_the_day():
    frame = counts((KALIWATES, D1, 100), (PATRANG, D1, 50), (PATRANG, D3, 120))
    board = kec_board(frame)
    assert board.loc[KALIWATES, "count"] == 100
    assert bool(board.loc[KALIWATES, "stale"]) is True
    assert board.loc[KALIWATES, "last_date"] == pd.Timestamp(D1)
    assert board.loc[PATRANG, "rank"] == 1 and bool(board.loc[PATRANG, "stale"]) is False
    # Counts after the day do not leak back.
    assert kec_board(frame, day=D2).loc[PATRANG, "count"] == 50


def test_change_and_rank_change_against_the_previous_day():
    frame = counts(
        (KALIWATES, D2, 100), (PATRANG, D2, 90), (KALIWATES, D3, 110), (PATRANG, D3, 130)
    )
    board = kec_board(frame)
    assert board.loc[PATRANG, "change"] == 40
    assert board.loc[PATRANG, "rank_change"] == 1
    assert board.loc[KALIWATES, "rank_change"] == -1
    # No count the day before: no change to report.
    assert pd.isna(kec_board(counts((JELBUK, D3, 5))).loc[JELBUK, "change"])


def test_parent_without_own_count_is_the_sum_of_its_children_and_marked_derived():
    frame = counts((KALIWATES, D3, 100), (PATRANG, D3, 40), ("35.07", D3, 90))
    board = standings(frame, _regions(), "kabupaten", "35", D3).set_index("code")
    assert board.loc["35.09", "count"] == 140
    assert bool(board.loc["35.09", "derived"]) is True
    assert bool(board.loc["35.07", "derived"]) is False
    province = standings(frame, _regions(), "provinsi", None, D3).set_index("code")
    assert province.loc["35", "count"] == 230 and bool(province.loc["35", "derived"])


def test_own_count_wins_over_children_and_a_difference_is_reported():
    frame = counts((KALIWATES, D3, 100), (PATRANG, D3, 40), ("35.09", D3, 150))
    board = standings(frame, _regions(), "kabupaten", "35", D3).set_index("code")
    assert board.loc["35.09", "count"] == 150
    assert bool(board.loc["35.09", "derived"]) is False
    [mismatch] = mismatches_at(frame, D3)
    assert (mismatch.code, mismatch.own, mismatch.children) == ("35.09", 150, 140)
    agreeing = counts((KALIWATES, D3, 100), (PATRANG, D3, 40), ("35.09", D3, 140))
    assert mismatches_at(agreeing, D3) == []


def test_ranking_by_share_of_target_and_gap_in_counts():
    frame = counts((KALIWATES, D3, 400), (JELBUK, D3, 300))
    targets = pd.DataFrame(
        {"region": [KALIWATES, JELBUK], "base": [2000, 1000], "share": [None, None]}
    )
    by_count = kec_board(frame, targets=targets)
    by_pct = kec_board(frame, targets=targets, by="percent")
    assert by_count.loc[KALIWATES, "rank"] == 1
    assert by_pct.loc[JELBUK, "rank"] == 1
    assert by_pct.loc[KALIWATES, "percent"] == pytest.approx(40.0)
    assert by_pct.loc[JELBUK, "percent"] == pytest.approx(60.0)
    # Kaliwates needs 60% of its 1,000 target: 600, i.e. 200 more.
    assert by_pct.loc[KALIWATES, "gap"] == 200


def test_target_share_and_parent_target_from_children():
    frame = counts((KALIWATES, D3, 100), (PATRANG, D3, 100))
    targets = pd.DataFrame(
        {"region": [KALIWATES, PATRANG], "base": [1000, 1000], "share": [0.2, None]}
    )
    board = standings(
        frame, _regions(), "kabupaten", "35", D3, targets=targets, default_share=0.5
    ).set_index("code")
    assert board.loc["35.09", "target"] == 200 + 500


@pytest.mark.parametrize(
    "count,target,day,expected",
    [
        (36464, 329446, date(2020, 3, 5), 11269),  # 292,982 left over 26 days
        (500, 500, date(2020, 3, 5), 0),
        (400, 500, date(2020, 3, 31), None),  # deadline reached: no day left to catch up
        (None, 500, date(2020, 3, 5), None),
        (10, None, date(2020, 3, 5), None),
    ],
)
def test_pace_needed(count, target, day, expected):
    assert pace_needed(count, target, day, date(2020, 3, 31)) == expected


def test_days_left():
    assert days_left(date(2020, 3, 5), date(2020, 3, 31)) == 26
    assert days_left(date(2020, 4, 2), date(2020, 3, 31)) == 0


def test_rejects_unknown_level_or_order():
    with pytest.raises(ValueError):
        standings(counts(), _regions(), "dusun", None, D3)
    with pytest.raises(ValueError):
        standings(counts(), _regions(), "desa", None, D3, by="speed")


# The rule for a region's figure: its own count of the day stands; otherwise the fresher of its
# own last count and its children's sum (children carried forward).
D4 = date(2020, 3, 6)


def test_children_reported_after_the_parent_set_the_parents_figure():
    frame = counts(
        ("35.09", D3, 150), (KALIWATES, D3, 100), (PATRANG, D3, 50), (KALIWATES, D4, 200)
    )
    board = standings(frame, _regions(), "kabupaten", "35", D4).set_index("code")
    # Kaliwates' new 200 plus Patrang carried forward; dated by its newest part.
    assert board.loc["35.09", "count"] == 250
    assert bool(board.loc["35.09", "derived"]) is True
    assert board.loc["35.09", "last_date"] == pd.Timestamp(D4)
    assert board.loc["35.09", "change"] == 100
    assert bool(board.loc["35.09", "stale"]) is False
    # The day before, the parent's own count of that day stands.
    before = standings(frame, _regions(), "kabupaten", "35", D3).set_index("code")
    assert before.loc["35.09", "count"] == 150 and not bool(before.loc["35.09", "derived"])


@pytest.mark.parametrize(
    "rows,expected,derived",
    [
        # Own count of the day stands against children of an earlier day.
        ([("35.09", D4, 300), (KALIWATES, D3, 100)], 300, False),
        # Own count of the day stands against children of the same day, which differ.
        ([("35.09", D4, 300), (KALIWATES, D4, 100)], 300, False),
        # Own count carried forward, children of later days: the children's sum.
        ([("35.09", D1, 300), (KALIWATES, D2, 100), (PATRANG, D4, 20)], 120, True),
        # Own count carried forward and fresher than the children's newest part.
        ([("35.09", D3, 300), (KALIWATES, D2, 100)], 300, False),
        # Desa reported later than their kecamatan, which is later than the regency.
        (
            [("35.09", D1, 300), (KALIWATES, D2, 100), ("35.09.19.1001", D4, 500)],
            500,
            True,
        ),
    ],
)
def test_figure_rule_cases(rows, expected, derived):
    board = standings(counts(*rows), _regions(), "kabupaten", "35", D4).set_index("code")
    assert board.loc["35.09", "count"] == expected
    assert bool(board.loc["35.09", "derived"]) is derived


def test_a_difference_is_reported_only_between_counts_of_the_same_day():
    later_own = counts((KALIWATES, D3, 100), ("35.09", D4, 150))
    assert mismatches_at(later_own, D4) == []
    same_day = counts((KALIWATES, D4, 100), ("35.09", D4, 150))
    assert [(m.code, m.own, m.children) for m in mismatches_at(same_day, D4)] == [
        ("35.09", 150, 100)
    ]

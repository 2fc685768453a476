"""Series, daily increments, pace and the projection to the deadline, checked by hand."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from census_core.standings import trend


def counts(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["region", "date", "value"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def linear(code: str, start: int, step: int, days: int = 10) -> list[tuple[str, str, int]]:
    """`start` on 1 March, then `step` more each day."""
    return [(code, f"2020-03-{d + 1:02d}", start + step * d) for d in range(days)]


def test_a_series_carries_the_last_count_over_a_day_without_report(regions):
    frame = counts([("35.09.25", "2020-03-01", 10), ("35.09.25", "2020-03-03", 30)])
    s = trend.series(frame, regions, "35.09.25")
    assert list(s["value"]) == [10, 10, 30]
    assert s["name"].iloc[0] == "Jelbuk" and not s["derived"].any()


def test_a_parent_without_its_own_count_is_the_sum_of_its_children(regions):
    frame = counts(
        [
            ("35.09.25", "2020-03-01", 10),
            ("35.09.19", "2020-03-01", 100),
            ("35.09.19", "2020-03-02", 150),
        ]
    )
    s = trend.series(frame, regions, "35.09")
    assert list(s["value"]) == [110, 160] and s["derived"].all()
    # The province sums the derived regency in turn.
    assert list(trend.series(frame, regions, "35")["value"]) == [110, 160]


def test_a_region_with_no_counts_has_an_empty_series(regions):
    assert trend.series(counts(linear("35.09.25", 1, 1)), regions, "35.10").empty


def test_daily_increments_need_the_day_before_and_average_over_seven_days(regions):
    frame = counts([("35.09.25", f"2020-03-0{d}", v) for d, v in [(1, 5), (2, 12), (3, 12)]])
    out = trend.daily(trend.series(frame, regions, "35.09.25"))
    # The first day's count may hold weeks of work: no increment, and no average from it.
    assert out["increment"].isna().iloc[0] and list(out["increment"])[1:] == [7, 0]
    assert pd.isna(out["average"].iloc[0]) and list(out["average"])[1:] == [7.0, 3.5]


def test_one_day_of_figures_gives_no_pace_no_average_and_says_so(regions):
    frame = counts([("35.09.25", "2020-02-18", 8140)])
    s = trend.series(frame, regions, "35.09.25")
    assert trend.pace(s, date(2020, 2, 18)) is None
    assert trend.daily(s)[["increment", "average"]].isna().all().all()
    v = trend.view(frame, None, regions, ["35.09.25"], date(2020, 2, 18), date(2020, 3, 31))
    assert v.projections == []
    assert v.sentences == ["Jelbuk: laju dan proyeksi butuh angka dari dua hari atau lebih."]


def test_pace_is_the_gain_over_the_last_seven_days(regions):
    # 1.000 on 1 March, +100 a day: 1.900 on 10 March, 1.200 on 3 March -> 700 / 7 = 100.
    s = trend.series(counts(linear("35.09.25", 1000, 100)), regions, "35.09.25")
    assert trend.pace(s, date(2020, 3, 10)) == 100.0
    # Three days in: 1.000 to 1.200 over the 2 days since the first report, never from zero.
    assert trend.pace(s, date(2020, 3, 3)) == 100.0
    assert trend.pace(s, date(2020, 2, 1)) is None


def test_projection_to_the_deadline_by_hand(regions):
    # 10 March: 1.900 counted at 100 a day; 21 days to 31 March -> 1.900 + 2.100 = 4.000.
    # Base 10.000 at 50%: target 5.000, still 3.100 to go in 21 days -> 148 a day (ceil 147,6).
    s = trend.series(counts(linear("35.09.25", 1000, 100)), regions, "35.09.25")
    p = trend.project(s, date(2020, 3, 10), date(2020, 3, 31), base=10_000, share=0.5)
    assert p is not None
    assert (p.value, p.pace, p.days_left, p.projected) == (1900, 100.0, 21, 4000)
    # 4.000 of a 5.000 target: the projection is 80% of target (40% of all 10.000 KK).
    assert (p.target, p.needed, p.projected_pct) == (5000, 148, 80.0)
    line = p.line()
    assert line["date"].iloc[-1] == pd.Timestamp("2020-03-31")
    assert (line["value"].iloc[0], line["value"].iloc[-1]) == (1900, 4000)
    assert trend.sentence(p) == (
        "Dengan laju 7 hari terakhir (100 KK/hari), Jelbuk mencapai 80% target pada 31 Maret; "
        "perlu 148 KK/hari untuk mencapai target 5.000 KK."
    )
    assert trend.sentence(p, "persons", "en") == (
        "At the pace of the last 7 days (100 persons/day), Jelbuk reaches 80% of target by "
        "31 March; 148 persons/day needed to reach the target of 5,000 persons."
    )


def test_the_sentence_of_the_jember_report_shape(regions):
    # 36.464 KK on 10 March after +1.234 a day; base 96.000 at 50%.
    s = trend.series(counts(linear("35.09", 36464 - 9 * 1234, 1234)), regions, "35.09")
    p = trend.project(s, date(2020, 3, 10), date(2020, 3, 31), base=96_000, share=0.5)
    assert p is not None
    # 36.464 + 21 x 1.234 = 62.378 of a 48.000 target -> 130% of target; reached.
    assert p.projected == 62378
    assert trend.sentence(p) == (
        "Dengan laju 7 hari terakhir (1.234 KK/hari), Jember mencapai 130% target pada 31 Maret; "
        "target 48.000 KK tercapai."
    )
    assert trend.sentence(p, lang="en").endswith(
        "Jember reaches 130% of target by 31 March; the target of 48,000 households is reached."
    )


def test_the_projected_share_is_of_the_target_not_of_the_base(regions):
    # 700 KK on 7 March at 100 a day: 1.400 on 14 March, 14% of all 10.000 KK. With a 50%
    # share the target is 5.000, so the projection is 28% of target, the cards' scale.
    s = trend.series(counts(linear("35.09.25", 100, 100, days=7)), regions, "35.09.25")
    p = trend.project(s, date(2020, 3, 7), date(2020, 3, 14), base=10_000, share=0.5)
    assert p is not None and p.projected == 1400
    assert p.projected_pct == pytest.approx(28.0)
    text = trend.sentence(p)
    assert "mencapai 28% target pada 14 Maret" in text
    assert "14%" not in text and "50%" not in text


def test_the_sentence_without_a_base_and_after_the_deadline(regions):
    s = trend.series(counts(linear("35.09.25", 1000, 100)), regions, "35.09.25")
    p = trend.project(s, date(2020, 3, 10), date(2020, 3, 31), base=None, share=0.5)
    assert p is not None and p.target is None
    assert trend.sentence(p).endswith("Jelbuk mencapai 4.000 KK pada 31 Maret.")
    late = trend.project(s, date(2020, 3, 10), date(2020, 3, 5), base=10_000, share=0.5)
    assert late is not None
    assert trend.sentence(late) == "Batas waktu 5 Maret 2020 sudah lewat; Jelbuk mencapai 1.900 KK."


def test_base_of_a_parent_sums_its_nearest_level():
    targets = pd.DataFrame(
        {"region": ["35.09.25", "35.09.19", "35.09.19.1001"], "base": [100, 200, 50]}
    )
    assert trend.base_of(targets, "35.09") == 300
    assert trend.base_of(targets, "35.09.25") == 100
    assert trend.base_of(targets, "35.10") is None


def test_comparison_against_the_parent_average(regions):
    frame = counts(
        [
            ("35.09.25", "2020-03-01", 10),
            ("35.09.19", "2020-03-01", 90),
            ("35.09", "2020-03-01", 100),
        ]
    )
    targets = pd.DataFrame({"region": ["35.09.25", "35.09"], "base": [100, 1000], "share": None})
    out = trend.comparison(frame, targets, regions, ["35.09.25"], "35.09")
    # Shares of target (base x 50%), as on the cards: 10 of 50 and 100 of 500.
    assert out[["name", "percent", "kind"]].to_dict("records") == [
        {"name": "Jelbuk", "percent": 20.0, "kind": "region"},
        {"name": "Rata-rata Jember", "percent": 20.0, "kind": "average"},
    ]
    # A region's own share counts; the default share goes where it has none.
    targets["share"] = [0.25, None]
    out = trend.comparison(frame, targets, regions, ["35.09.25"], "35.09", default_share=0.4)
    assert list(out["percent"]) == [40.0, 25.0]


def test_view_gathers_series_projections_and_sentences(regions):
    frame = counts(linear("35.09.25", 1000, 100) + linear("35.09.19", 500, 50))
    targets = pd.DataFrame(
        {"region": ["35.09.25", "35.09.19"], "base": [10_000, 4_000], "share": [None, None]}
    )
    v = trend.view(
        frame,
        targets,
        regions,
        ["35.09", "35.09.25"],
        date(2020, 3, 10),
        date(2020, 3, 31),
        compare=(["35.09.25"], "35.09"),
    )
    assert list(dict.fromkeys(v.series["code"])) == ["35.09", "35.09.25"]
    assert [p.code for p in v.projections] == ["35.09", "35.09.25"]
    assert v.targets.to_dict("records") == [
        {"name": "Kabupaten Jember", "target": 7000},
        {"name": "Jelbuk", "target": 5000},
    ]
    assert v.daily["increment"].isna().iloc[0] and v.daily["increment"].iloc[1] == 150
    assert v.sentences[1].startswith("Dengan laju 7 hari terakhir (100 KK/hari), Jelbuk")
    assert set(v.comparison["name"]) == {"Jelbuk", "Rata-rata Jember"}


def test_a_projection_from_two_days_says_two_days(regions):
    frame = counts([("35.09.25", "2020-02-18", 8140), ("35.09.25", "2020-02-19", 9184)])
    v = trend.view(frame, None, regions, ["35.09.25"], date(2020, 2, 19), date(2020, 3, 31))
    assert v.projections[0].pace == 1044.0 and v.projections[0].pace_days == 1
    assert v.sentences[0].startswith("Dengan laju 1 hari terakhir (1.044 KK/hari), Jelbuk")


def test_the_view_gives_the_range_and_backtest_the_boards_agree_with(demo_db_file, regions):
    from census_core.settings import Settings
    from census_core.standings.snapshot import load_snapshot
    from census_core.store import Store

    snap = load_snapshot(Store(f"sqlite:///{demo_db_file}", regions))
    day = date(2020, 3, 5)
    v = trend.view(
        snap.counts_of("households"),
        snap.targets_of("households", snap.target_source(Settings())),
        regions,
        ["35.09"],
        day,
        date(2020, 3, 31),
    )
    assert v.ranges[-1] == "Proyeksi 7 hari lalu: 33.221; kenyataan: 36.464."
    board = snap.board("kabupaten", "35", day, Settings()).set_index("code")
    low = 36464 + float(board.loc["35.09", "pace_7d"]) * 26  # the board's pace, to 0,1 a day
    shown = int(v.ranges[0].split(": ")[1].split(" ")[0].replace(".", ""))
    assert abs(shown - low) <= 2


# The deadline as the page says it, and the replay's steps (the "Putar" control of /tren).
@pytest.mark.parametrize(
    "deadline,original,lang,expected",
    [
        (date(2020, 3, 31), None, "id", "Batas 31 Maret 2020"),
        (
            date(2020, 5, 29),
            date(2020, 3, 31),
            "id",
            "Batas 29 Mei 2020, diperpanjang dari 31 Maret 2020",
        ),
        (
            date(2020, 5, 29),
            date(2020, 3, 31),
            "en",
            "Deadline 29 May 2020, extended from 31 March 2020",
        ),
        # an "original" deadline not before the deadline extends nothing
        (date(2020, 3, 31), date(2020, 3, 31), "id", "Batas 31 Maret 2020"),
    ],
)
def test_deadline_note(deadline, original, lang, expected):
    assert trend.deadline_note(deadline, original, lang) == expected


REPLAY_DAYS = [date(2020, 2, 15), date(2020, 2, 16), date(2020, 2, 18)]


@pytest.mark.parametrize(
    "current,start,following",
    [
        (date(2020, 2, 15), date(2020, 2, 15), date(2020, 2, 16)),
        (date(2020, 2, 16), date(2020, 2, 16), date(2020, 2, 18)),  # a day with no data skipped
        (date(2020, 2, 18), date(2020, 2, 15), None),  # from the last day: again from the first
        (None, date(2020, 2, 15), date(2020, 2, 15)),
        (date(2020, 2, 17), date(2020, 2, 15), date(2020, 2, 18)),
    ],
)
def test_replay_steps(current, start, following):
    assert trend.replay_start(REPLAY_DAYS, current) == start
    assert trend.replay_next(REPLAY_DAYS, current) == following


def test_replay_of_no_days():
    assert trend.replay_start([], None) is None and trend.replay_next([], None) is None

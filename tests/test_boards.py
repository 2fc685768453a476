from datetime import date

import pandas as pd
import pytest

from census_core.display.boards import (
    callout,
    carried_note,
    display_rows,
    filter_by_name,
    first_day_within,
    gains,
    rank_arrow,
    rank_by,
)
from census_core.standings.progress import standings


def _board(rows):
    """A standings-shaped board from (code, name, rank, count, percent) tuples."""
    frame = pd.DataFrame(rows, columns=["code", "name", "rank", "count", "percent"])
    frame["rank"] = frame["rank"].astype("Int64")
    frame["count"] = frame["count"].astype("Int64")
    frame["change"] = pd.Series([10] * len(frame), dtype="Int64")
    frame["rank_change"] = pd.Series([0] * len(frame), dtype="Int64")
    frame["derived"] = False
    frame["stale"] = False
    frame["last_date"] = pd.Timestamp("2020-03-05")
    return frame


BOARD = _board(
    [
        ("35.09.19", "Kaliwates", 1, 4040, 25.5),
        ("35.09.21", "Sumbersari", 2, 3612, 20.2),
        ("35.09.25", "Jelbuk", 3, 344, 7.6),
    ]
)


@pytest.mark.parametrize(
    "change,expected",
    [(2, "▲ 2"), (-1, "▼ 1"), (0, "="), (None, ""), (pd.NA, "")],
)
def test_rank_arrow(change, expected):
    assert rank_arrow(change) == expected


@pytest.mark.parametrize(
    "query,names",
    [
        ("", ["Kaliwates", "Sumbersari", "Jelbuk"]),
        ("KALI", ["Kaliwates"]),
        ("kec. jelbuk", ["Jelbuk"]),  # administrative prefixes do not matter
        ("sumber sari", ["Sumbersari"]),  # nor spaces
        ("zzz", []),
    ],
)
def test_filter_by_name(query, names):
    assert list(filter_by_name(BOARD, query)["name"]) == names


def test_callout_names_highest_and_lowest():
    assert callout(BOARD, "count", "KK") == (
        "Tertinggi: Kaliwates (4.040 KK); terendah: Jelbuk (344 KK)"
    )
    assert callout(BOARD, "percent", "KK", "en") == (
        "Highest: Kaliwates (25.5% target); lowest: Jelbuk (7.6% target)"
    )


def test_callout_names_every_region_sharing_a_place():
    tied = _board([("a", "A", 1, 10, 1.0), ("b", "B", 1, 10, 1.0), ("c", "C", 3, 5, 0.5)])
    assert callout(tied, "count", "KK") == "Tertinggi: A, B (10 KK); terendah: C (5 KK)"


def test_display_rows_write_numbers_the_indonesian_way():
    rows = display_rows(BOARD, "KK")
    assert list(rows.columns) == [
        "Peringkat",
        "Wilayah",
        "KK",
        "% target",
        "Capaian target",
        "Perubahan",
        "Naik/turun",
        "Keterangan",
    ]
    assert rows.iloc[0].tolist() == ["1", "Kaliwates", "4.040", "25,5%", 25.5, "+10", "=", ""]


def test_gains_over_seven_days_rank_catching_up_regions(regions):
    counts = pd.DataFrame(
        [
            ("35.09.19", "2020-02-27", 3000),
            ("35.09.19", "2020-03-05", 3100),
            ("35.09.25", "2020-02-27", 100),
            ("35.09.25", "2020-03-05", 344),
            ("35.09.20", "2020-03-03", 10),  # first report inside the window: from it, 2 days
            ("35.09.20", "2020-03-05", 90),
            ("35.09.21", "2020-03-05", 50),  # first report today: no gain, never from zero
        ],
        columns=["region", "date", "value"],
    )
    counts["date"] = pd.to_datetime(counts["date"])
    targets = pd.DataFrame(
        [(c, b, None) for c, b in [("35.09.19", 10000), ("35.09.25", 1000), ("35.09.21", 1000)]]
        + [("35.09.20", 1000, None)],
        columns=["region", "base", "share"],
    )

    def board(day):
        return standings(counts, regions, "kecamatan", "35.09", day, targets=targets)

    now, before, first = board(date(2020, 3, 5)), board(date(2020, 2, 27)), board(date(2020, 3, 3))
    by_count = gains(now, before, "count", first=first, first_days=2)
    assert by_count[["name", "gain", "gain_days"]].head(3).values.tolist() == [
        ["Jelbuk", 244, 7],
        ["Kaliwates", 100, 7],
        ["Patrang", 80, 2],
    ]
    by_share = gains(now, before, "percent", first=first, first_days=2)
    assert by_share["name"].head(3).tolist() == ["Jelbuk", "Patrang", "Kaliwates"]
    assert by_share["gain_pct"].iloc[0] == pytest.approx(48.8)
    assert by_count["gain"].notna().all()  # regions without an earlier figure are left out
    assert "Sumbersari" not in set(by_count["name"]) and len(by_count) == 3


def test_one_day_of_figures_has_no_gain(regions):
    counts = pd.DataFrame([("35.09.19", "2020-02-18", 8140)], columns=["region", "date", "value"])
    counts["date"] = pd.to_datetime(counts["date"])
    now = standings(counts, regions, "kecamatan", "35.09", date(2020, 2, 18))
    before = standings(counts, regions, "kecamatan", "35.09", date(2020, 2, 11))
    assert gains(now, before).empty
    assert first_day_within([date(2020, 2, 18)], date(2020, 2, 18)) is None


def test_display_rows_mark_stale_derived_and_missing(regions):
    counts = pd.DataFrame(
        [("35.09.19", "2020-03-03", 3000), ("35.09.25", "2020-03-05", 344)],
        columns=["region", "date", "value"],
    )
    counts["date"] = pd.to_datetime(counts["date"])
    board = standings(counts, regions, "kabupaten", "35", date(2020, 3, 5))
    rows = display_rows(board, "KK").set_index("Wilayah")
    assert rows.at["Kabupaten Jember", "Keterangan"] == "jumlah dari wilayah di bawahnya"
    assert rows.at["Kabupaten Kediri", "Keterangan"] == "belum ada data"
    kec = display_rows(standings(counts, regions, "kecamatan", "35.09", date(2020, 3, 5)), "KK")
    assert kec.set_index("Wilayah").at["Kaliwates", "Keterangan"] == "data 3 Maret"


def _carried_board(regions):
    """Kaliwates last reported on 3 March, Jelbuk on the board's day (5 March)."""
    counts = pd.DataFrame(
        [("35.09.19", "2020-03-03", 3000), ("35.09.25", "2020-03-05", 344)],
        columns=["region", "date", "value"],
    )
    counts["date"] = pd.to_datetime(counts["date"])
    return standings(counts, regions, "kecamatan", "35.09", date(2020, 3, 5))


def test_a_carried_forward_figure_is_marked_where_it_is_written(regions):
    board = _carried_board(regions)
    rows = display_rows(board, "KK").set_index("Wilayah")
    # The mark is on the figure itself: a phone's narrow table keeps that column.
    assert rows.at["Kaliwates", "KK"] == "3.000*"
    assert rows.at["Jelbuk", "KK"] == "344"
    assert (
        carried_note(board) == "* belum ada laporan baru: angka terakhir dari 3 Maret (1 wilayah)"
    )
    assert carried_note(board, "en") == "* no new report: latest figure of 3 March (1 region)"
    assert carried_note(board[board["code"] == "35.09.25"]) == ""


def test_display_rows_show_the_pace_columns_and_filter_by_status(demo_snapshot_pace):
    from census_core.display.boards import by_status

    board = demo_snapshot_pace
    rows = display_rows(board, "KK", "id", date(2020, 3, 31)).set_index("Wilayah")
    assert list(rows.columns[3:8]) == [
        "Capaian target",
        "Perlu/hari",
        "Laju 7 hari",
        "Status",
        "Perkiraan",
    ]
    jelbuk = rows.loc["Jelbuk"]
    assert (jelbuk["Perlu/hari"], jelbuk["Laju 7 hari"], jelbuk["Status"]) == (
        "161",
        "21",
        "○ tertinggal",
    )
    assert jelbuk["Perkiraan"] == "tidak tercapai sebelum batas: 20% pada 31 Maret"
    english = display_rows(board, "households", "en", date(2020, 3, 31))
    assert list(english.columns[5:9]) == ["Needed/day", "7-day pace", "Status", "Expected"]
    pushed = by_status(board, "push")
    assert pushed["name"].tolist() == ["Kaliwates"]
    ordered = by_status(board, sort=True)
    assert ordered["status"].iloc[0] == "behind" and ordered["status"].iloc[-1] == "push"


# A status weighs the pace against the pace needed to reach the target: ranked by share of it,
# on every page that offers the status order (Peringkat and Peta once ranked it differently).
@pytest.mark.parametrize(
    "order,expected", [("count", "count"), ("percent", "percent"), ("status", "percent")]
)
def test_each_order_a_reader_chooses_ranks_by_one_rule(order, expected):
    assert rank_by(order) == expected


def test_an_unknown_order_is_refused():
    with pytest.raises(ValueError, match="count, percent, status"):
        rank_by("name")


@pytest.fixture(scope="module")
def demo_snapshot_pace(demo_db_file, regions):
    from census_core.settings import Settings
    from census_core.standings.snapshot import load_snapshot
    from census_core.store import Store

    snap = load_snapshot(Store(f"sqlite:///{demo_db_file}", regions))
    return snap.board("kecamatan", "35.09", date(2020, 3, 5), Settings())


def _board(rows):
    """code, name, rank, count, percent: the columns climbers reads."""
    return pd.DataFrame(rows, columns=["code", "name", "rank", "count", "percent"]).astype(
        {"rank": "Int64", "count": "Int64", "percent": "float64"}
    )


def test_climbers_rank_by_places_then_pace_gained_not_by_size():
    from census_core.display.boards import climbers

    two_weeks = _board(
        [("a", "Kaliwates", 1, 2000, 10.0), ("b", "Sumbersari", 2, 1500, 9.0),
         ("c", "Jelbuk", 3, 100, 1.0), ("d", "Tempurejo", 4, 90, 2.0)]
    )  # fmt: skip
    week = _board(
        [("a", "Kaliwates", 1, 3000, 15.0), ("b", "Sumbersari", 2, 2500, 14.0),
         ("c", "Jelbuk", 4, 150, 1.5), ("d", "Tempurejo", 3, 200, 4.0)]
    )  # fmt: skip
    now = _board(
        [("a", "Kaliwates", 1, 4000, 20.0), ("c", "Jelbuk", 2, 3000, 30.0),
         ("b", "Sumbersari", 3, 2600, 14.5), ("d", "Tempurejo", 4, 300, 6.0),
         ("e", "Ledokombo", 5, 10, 0.5)]
    )  # fmt: skip
    out = climbers(now, week, two_weeks)
    # Jelbuk, small, climbed two places and sped up by 28 points: first, ahead of the leader.
    assert list(out["name"]) == ["Jelbuk", "Ledokombo", "Kaliwates", "Tempurejo", "Sumbersari"]
    jelbuk = out.iloc[0]
    assert (jelbuk["places"], jelbuk["pace"], jelbuk["pace_gain"]) == (2, 28.5, 28.0)
    # First report inside the week: it climbed from below the last place ranked then.
    assert out.set_index("name").loc["Ledokombo", "places"] == 0
    assert out.set_index("name").loc["Kaliwates", "pace_gain"] == 0.0


def test_climbers_leave_out_regions_without_a_figure_and_survive_empty_boards():
    from census_core.display.boards import climbers

    now = _board([("a", "A", 1, 10, None), ("b", "B", None, None, None)])
    empty = _board([])
    out = climbers(now, empty, empty)
    assert list(out["name"]) == ["A"] and pd.isna(out["pace_gain"].iloc[0])
    assert climbers(empty, empty, empty).empty

from datetime import date

import pandas as pd
import pytest

from census_core.display.views import (
    home_view,
    kecamatan_options,
    kecamatan_view,
    resolve_region,
    share_trend,
)
from census_core.settings import Settings
from census_core.standings.snapshot import Snapshot, load_snapshot
from census_core.store import Store

DAY = date(2020, 3, 5)


@pytest.fixture(scope="module")
def snap(demo_db_file, regions):
    return load_snapshot(Store(f"sqlite:///{demo_db_file}", regions))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("35.09.25", "35.09.25"),
        ("350925", "35.09.25"),
        ("jelbuk", "35.09.25"),
        ("Kecamatan Jelbuk", "35.09.25"),
        ("JELB", "35.09.25"),  # an unambiguous start of a name
        ("sumber", None),  # ambiguous: Sumberbaru, Sumberjambe, Sumbersari, ...
        ("35.10.01", None),  # a kecamatan of another regency
        ("", None),
        (None, None),
        ("<script>", None),
    ],
)
def test_resolve_region(regions, text, expected):
    assert resolve_region(text, regions, "35.09", "kecamatan") == expected


def test_kecamatan_options_are_by_name(regions):
    options = kecamatan_options(regions, "35.09")
    assert len(options) == 31
    assert list(options.values()) == sorted(options.values(), key=str.lower)


def test_home_view_on_the_demo(snap):
    view = home_view(snap, Settings(), DAY)
    assert view.headline.count == 36464 and view.headline.rank == 1
    province, kecamatan = view.boards
    assert province.label == "Kabupaten/kota di Jawa Timur"
    assert province.highlight == "35.09"
    assert len(province.rows) == 38 and len(kecamatan.rows) == 31
    assert kecamatan.callout == "Tertinggi: Kaliwates (4.040 KK); terendah: Jelbuk (344 KK)"
    assert len(province.gainers) == 5
    assert [k.label for k in view.kpis][-1] == "Naik 7 hari (KK)"


def test_home_view_filter_and_sort(snap):
    view = home_view(snap, Settings(), DAY, by="percent", query="jelbuk", lang="en")
    province, kecamatan = view.boards
    assert list(kecamatan.rows["Region"]) == ["Jelbuk"]
    assert province.rows.empty
    assert "by share of target" in kecamatan.title
    assert view.sentences[0].startswith("Kabupaten Jember ranks ")


def test_kecamatan_view_trend_and_desa(snap):
    view = kecamatan_view(snap, Settings(), DAY, "35.09.25")
    assert view.headline.rank == 31
    assert list(view.trend.columns) == ["Jelbuk", "Rata-rata Jember"]
    assert len(view.trend) == 20  # 15 February to 5 March
    last = view.trend.iloc[-1]
    assert last["Jelbuk"] == pytest.approx(7.61, abs=0.01)
    assert last["Rata-rata Jember"] > last["Jelbuk"]
    assert view.desa is not None and len(view.desa) == 6
    assert view.desa_title == "Desa/kelurahan di Jelbuk"


def test_share_trend_carries_forward_and_sums_children(regions):
    """Jember has no count of its own here: its line is the sum of its kecamatan."""
    counts = pd.DataFrame(
        [
            ("35.09.25", "2020-03-01", "households", 100),
            ("35.09.25", "2020-03-03", "households", 300),  # nothing on 2 March: carried
            ("35.09.19", "2020-03-01", "households", 500),
            ("35.09.19", "2020-03-02", "households", 700),
        ],
        columns=["region", "date", "measure", "value"],
    )
    counts["date"] = pd.to_datetime(counts["date"])
    targets = pd.DataFrame(
        [
            ("35.09.25", "households", 2000, None),
            ("35.09", "households", 40000, None),
        ],
        columns=["region", "measure", "base", "share"],
    )
    snap = Snapshot("1", counts, targets, pd.DataFrame(), pd.DataFrame(), regions)
    trend = share_trend(snap, Settings(), "35.09.25", "35.09", date(2020, 3, 3))
    assert trend["Jelbuk"].tolist() == [10.0, 10.0, 30.0]
    assert trend["Rata-rata Jember"].tolist() == [3.0, 4.0, 5.0]


def test_the_kecamatan_page_gives_both_standings_status_and_projection(demo_db_file, regions):
    from census_core.display.views import kecamatan_view
    from census_core.standings.snapshot import load_snapshot
    from census_core.store import Store

    snap = load_snapshot(Store(f"sqlite:///{demo_db_file}", regions))
    view = kecamatan_view(snap, Settings(), date(2020, 3, 5), "35.09.25")
    assert view.ranks == [
        "Peringkat 31 dari 31 menurut jumlah: 60 KK lagi untuk menyusul Sukorambi.",
        "Peringkat 25 dari 31 menurut persentase target: 16 KK lagi untuk menyusul Silo.",
    ]
    assert [k.value for k in view.kpis if k.label == "Status"] == ["○ tertinggal"]
    assert view.projection[0].startswith("Proyeksi 31 Maret")
    assert view.projection[-1] == "Proyeksi 7 hari lalu: 322; kenyataan: 344."
    english = kecamatan_view(snap, Settings(), date(2020, 3, 5), "35.09.25", lang="en")
    assert english.ranks[1].startswith("Rank 25 of 31 by share of target")


def test_the_gainers_board_is_not_the_leaders_again(snap):
    kec = home_view(snap, Settings(), DAY).boards[1]
    leaders = list(kec.full["name"].head(5))
    climbers = list(kec.gainers.iloc[:, 0])
    assert len(climbers) == 5 and climbers != leaders
    assert kec.gainers.columns[1] == "Naik peringkat 7 hari"


def test_the_headline_says_the_chosen_targets_share(snap):
    from dataclasses import replace

    pemkab = home_view(snap, Settings(), DAY)
    bps = home_view(snap, replace(Settings(), target_source="BPS 22%"), DAY)
    note = {k.label: k for k in pemkab.kpis}["Capaian target"]
    assert "50%" in str(note)
    bps_card = {k.label: k for k in bps.kpis}["Capaian target"]
    assert "22%" in str(bps_card) and bps_card.value != note.value

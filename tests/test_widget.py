from datetime import date

import pandas as pd
import pytest

from census_core.display.widget import widget_region, widget_view
from census_core.regions import Regions, UnknownRegion, load_regions
from census_core.settings import Settings
from census_core.standings.progress import standing_of
from census_core.standings.snapshot import load_snapshot
from census_core.store import Store
from census_core.text import fmt_int

DAY = date(2020, 3, 5)


@pytest.fixture(scope="module")
def snap(demo_db_file, regions):
    return load_snapshot(Store(f"sqlite:///{demo_db_file}", regions))


@pytest.mark.parametrize(
    "text,expected",
    [
        (None, "35.09"),  # the home regency by default
        ("", "35.09"),
        ("35.09", "35.09"),
        ("3509", "35.09"),
        ("35.09.25", "35.09.25"),
        ("jelbuk", "35.09.25"),
        ("35.10", None),  # another regency
        ("35.10.01", None),  # a kecamatan of another regency
        ("35.09.25.2001", None),  # a desa: not offered
        ("<script>", None),
    ],
)
def test_widget_region(regions, text, expected):
    assert widget_region(text, regions, "35.09") == expected


@pytest.mark.parametrize(
    "code,level,within",
    [("35.09", "kabupaten", "35"), ("35.09.19", "kecamatan", "35.09")],
)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_figure_is_the_boards(snap, code, level, within, lang):
    settings = Settings()
    board = snap.board(level, within, DAY, settings)
    row = standing_of(board, code)
    view = widget_view(snap, settings, DAY, code, lang)
    assert view.name == row["name"]
    assert view.figure == fmt_int(row["count"], lang)
    assert view.share == pytest.approx(min(float(row["percent"]), 100.0))
    word = "dari" if lang == "id" else "of"
    assert view.rank == f"{int(row['rank'])} {word} {int(row['of'])}"


def test_the_home_regency_in_both_languages(snap):
    view = widget_view(snap, Settings(), DAY, "35.09", "id")
    assert (view.name, view.figure, view.rank) == ("Kabupaten Jember", "36.464", "1 dari 38")
    assert view.rank_label == "Peringkat di Jawa Timur"
    assert view.measure == "KK"
    assert view.date == "Data s.d. 5 Maret 2020"
    assert view.credit == "Pantau Sensus · Data simulasi"
    english = widget_view(snap, Settings(), DAY, "35.09", "en")
    assert (english.figure, english.rank) == ("36,464", "1 of 38")
    assert english.date == "Data up to 5 March 2020"
    assert english.credit == "Pantau Sensus · Simulated data"


def test_a_kecamatan(snap):
    view = widget_view(snap, Settings(), DAY, "35.09.19", "id")
    assert (view.name, view.figure, view.rank) == ("Kaliwates", "4.040", "1 dari 31")
    assert view.rank_label == "Peringkat di Kabupaten Jember"
    assert view.share_text.startswith("Capaian target ") and view.share_text.endswith("%")


def test_persons_too(snap):
    view = widget_view(snap, Settings(), DAY, "35.09", "id", measure="persons")
    board = snap.board("kabupaten", "35", DAY, Settings(), measure="persons")
    assert view.figure == fmt_int(board.set_index("code").loc["35.09", "count"])
    assert view.measure == "jiwa"


def test_a_region_outside_the_regency_is_refused(snap):
    with pytest.raises(UnknownRegion):
        widget_view(snap, Settings(), DAY, "35.10", "id")


def test_names_come_through_as_they_are(demo_db_file):
    # The view holds plain text; the page escapes it (ui/widget.py, tests/app/test_widget.py).
    frame = load_regions().frame[["code", "name"]].reset_index(drop=True).copy()
    frame.loc[frame["code"] == "35.09.19", "name"] = "<b>Kaliwates</b>"
    evil = Regions(frame)
    snap = load_snapshot(Store(f"sqlite:///{demo_db_file}", evil))
    assert widget_view(snap, Settings(), DAY, "35.09.19", "id").name == "<b>Kaliwates</b>"


def test_a_carried_figure_says_its_day(demo_url, regions):
    store = Store(demo_url, regions)
    rows = pd.DataFrame(
        [{"region": "35.09.21", "date": "2020-03-06", "measure": "households", "value": 4152}]
    )
    store.commit_counts(rows, user="Rina", file_name="6 maret.csv", sha256="1" * 64)
    snap = load_snapshot(store)
    view = widget_view(snap, Settings(), date(2020, 3, 6), "35.09.19", "id")
    assert view.figure == "4.040*"
    assert view.date == "Data s.d. 6 Maret 2020 · * angka 5 Maret 2020"

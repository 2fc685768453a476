"""The shareable card: its words equal the page's headline, its picture is a phone-sized PNG."""

from datetime import date
from io import BytesIO

import pandas as pd
import pytest
from PIL import Image

from census_core.display.card import CARD_SIZE, CardText, card_lines, card_png
from census_core.display.headline import Headline
from census_core.display.views import home_view, kecamatan_view
from census_core.settings import Settings
from census_core.standings.snapshot import load_snapshot
from census_core.store import Store

DAY = date(2020, 3, 5)
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def snap(demo_db_file, regions):
    return load_snapshot(Store(f"sqlite:///{demo_db_file}", regions))


def _kpi(view, label):
    return next(k for k in view.kpis if k.label == label)


def test_the_kecamatan_card_says_what_the_page_says(snap):
    view = kecamatan_view(snap, Settings(), DAY, "35.09.25")
    card = view.card
    assert isinstance(card, CardText)
    assert card.name == "Jelbuk"
    assert card.where == "Kecamatan di Kabupaten Jember"
    assert card.date == "Data s.d. 5 Maret 2020"
    assert card.figure_label == "KK terdata"
    assert card.figure == _kpi(view, "KK terdata").value == "344"
    assert card.change.endswith("sejak kemarin")
    assert card.rank_label == "Peringkat"
    assert card.rank == _kpi(view, "Peringkat di Kabupaten Jember").value == "31 dari 31"
    assert card.share == _kpi(view, "Capaian target").value
    assert card.target == "dari " + _kpi(view, "Capaian target").delta.removeprefix("dari ") + " KK"
    assert card.pace == _kpi(view, "Perlu per hari (KK)").value
    # The 7-day pace beside the pace needed, and the status the page shows.
    assert card.pace_note == "laju 7 hari: 21/hari"
    assert card.status == _kpi(view, "Status").value == "○ tertinggal"
    assert card.status_sign == -1
    assert card.simulated == "Data simulasi"
    assert card.address == "/kecamatan?wilayah=jelbuk"
    assert card.file_name == "kartu-jelbuk-2020-03-05.png"


def test_the_card_in_english(snap):
    view = kecamatan_view(snap, Settings(), DAY, "35.09.25", lang="en")
    card = view.card
    assert card.where == "District in Kabupaten Jember"
    assert card.date == "Data up to 5 March 2020"
    assert card.figure_label == "Households counted"
    assert card.rank == "31 of 31"
    assert card.change.endswith("since yesterday")
    assert card.simulated == "Simulated data"
    assert card.address == "/kecamatan?wilayah=jelbuk"  # the address is the same in both
    assert card.file_name == "card-jelbuk-2020-03-05.png"


def test_the_regency_card_is_the_home_headline(snap):
    view = home_view(snap, Settings(), DAY)
    card = view.card
    assert card.name == "Kabupaten Jember"
    assert card.figure == _kpi(view, "KK terdata").value == "36.464"
    assert card.where == "Kabupaten/kota di Jawa Timur"
    assert card.rank == "1 dari 38"
    assert card.address == "/"
    assert card.file_name == "kartu-jember-2020-03-05.png"
    assert view.trend.columns[0] == "Kabupaten Jember"


def test_a_real_store_has_no_simulated_mark():
    head = Headline(
        code="35.09.25", name="Jelbuk", day=DAY, deadline=date(2020, 5, 31), rank=3, of=31,
        count=1234, target=5000, percent=24.68, change=-5, rank_change=2, pace_needed=43,
        days_left=87, above_name="X", gap=10, last_date=DAY, stale=False,
    )  # fmt: skip
    card = card_lines(
        head,
        level="kecamatan",
        within_name="Kabupaten Jember",
        measure_label="KK",
        simulated=False,
        address="/kecamatan?wilayah=jelbuk",
        lang="id",
    )
    assert card.simulated == ""
    assert card.figure == "1.234"
    assert card.change == "▼ −5 sejak kemarin"
    assert card.rank_move == "naik 2 sejak kemarin"
    assert card.share == "24,7%"
    assert card.target == "dari 5.000 KK"


def test_the_card_is_a_phone_sized_png(snap):
    view = kecamatan_view(snap, Settings(), DAY, "35.09.25")
    data = card_png(view.card, view.trend)
    assert data.startswith(PNG)
    assert Image.open(BytesIO(data)).size == CARD_SIZE == (1080, 1350)


def test_a_card_with_no_trend_still_draws(snap):
    card = kecamatan_view(snap, Settings(), DAY, "35.09.25").card
    data = card_png(card, pd.DataFrame())
    assert Image.open(BytesIO(data)).size == (1080, 1350)


def _head(**change):
    values = dict(
        code="35.09.25", name="Jelbuk", day=DAY, deadline=date(2020, 5, 31), rank=1, of=31,
        count=5000, target=5000, percent=100.0, change=0, rank_change=0, pace_needed=0,
        days_left=87, above_name=None, gap=None, last_date=date(2020, 3, 3), stale=True,
    )  # fmt: skip
    values.update(change)
    return Headline(**values)


def test_a_carried_figure_and_a_reached_target_say_so():
    card = card_lines(
        _head(),
        level="kecamatan",
        within_name="Kabupaten Jember",
        measure_label="KK",
        simulated=True,
        address="/kecamatan?wilayah=jelbuk",
        lang="en",
    )
    assert card.figure == "5,000*"
    assert card.note == "* figure of 3 March 2020, no new report"
    assert card.change == "= 0 since yesterday"
    assert card.rank_move == "no change since yesterday"
    assert (card.pace, card.pace_note) == ("0", "target reached")


def test_without_dejavu_the_card_falls_back_to_pillows_font(snap, monkeypatch, tmp_path):
    monkeypatch.setattr("census_core.display.card.FONT_DIR", tmp_path)
    view = kecamatan_view(snap, Settings(), DAY, "35.09.25")
    assert Image.open(BytesIO(card_png(view.card, view.trend))).size == (1080, 1350)

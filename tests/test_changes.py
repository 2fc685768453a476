"""The sentences a live page shows after a refresh: who gained how much, who moved where."""

from datetime import UTC, datetime

import pandas as pd
import pytest

from census_core.changes import (
    Change,
    board_changes,
    changes_between,
    sentence,
    summary,
    title,
    watched_boards,
)
from census_core.settings import Settings
from census_core.snapshot import load_snapshot


def board(*rows):
    return pd.DataFrame(rows, columns=["code", "name", "count", "rank"]).astype(
        {"count": "Int64", "rank": "Int64"}
    )


KAL, SUM, JEL = "35.09.19", "35.09.21", "35.09.25"
BEFORE = board((SUM, "Sumbersari", 4100, 1), (KAL, "Kaliwates", 4040, 2), (JEL, "Jelbuk", 344, 3))


@pytest.mark.parametrize(
    "after,expected",
    [
        # Nothing moved: nothing to say.
        (BEFORE, []),
        # A gain that takes the lead; the one overtaken drops without a change of its own.
        (
            board(
                (KAL, "Kaliwates", 4152, 1), (SUM, "Sumbersari", 4100, 2), (JEL, "Jelbuk", 344, 3)
            ),
            [Change(KAL, "Kaliwates", 112, 4152, 2, 1), Change(SUM, "Sumbersari", 0, 4100, 1, 2)],
        ),
        # A gain that keeps the place.
        (
            board(
                (SUM, "Sumbersari", 4100, 1), (KAL, "Kaliwates", 4040, 2), (JEL, "Jelbuk", 350, 3)
            ),
            [Change(JEL, "Jelbuk", 6, 350, 3, 3)],
        ),
        # An undone batch takes a figure away: the change is negative.
        (
            board(
                (SUM, "Sumbersari", 4000, 2), (KAL, "Kaliwates", 4040, 1), (JEL, "Jelbuk", 344, 3)
            ),
            [Change(SUM, "Sumbersari", -100, 4000, 1, 2), Change(KAL, "Kaliwates", 0, 4040, 2, 1)],
        ),
    ],
)
def test_board_changes(after, expected):
    assert board_changes(BEFORE, after) == expected


def test_a_region_reporting_for_the_first_time_enters_the_ranking():
    before = board((KAL, "Kaliwates", 4040, 1), (JEL, "Jelbuk", None, None))
    after = board((KAL, "Kaliwates", 4040, 1), (JEL, "Jelbuk", 12, 2))
    [change] = board_changes(before, after)
    assert change == Change(JEL, "Jelbuk", 12, 12, None, 2)
    assert sentence(change) == "Jelbuk +12, masuk peringkat 2"
    assert sentence(change, "en") == "Jelbuk +12, enters at rank 2"


@pytest.mark.parametrize(
    "change,lang,expected",
    [
        (Change(KAL, "Kaliwates", 112, 4152, 2, 1), "id", "Kaliwates +112, naik ke peringkat 1"),
        (Change(KAL, "Kaliwates", 112, 4152, 2, 1), "en", "Kaliwates +112, up to rank 1"),
        (Change(SUM, "Sumbersari", 0, 4100, 1, 2), "id", "Sumbersari, turun ke peringkat 2"),
        (Change(SUM, "Sumbersari", -1500, 2600, 1, 3), "en", "Sumbersari −1,500, down to rank 3"),
        # Same place: only the change; kabupaten lose their prefix, a kota keeps it.
        (Change("35.09", "Kabupaten Jember", 1204, 37668, 1, 1), "id", "Jember +1.204"),
        (Change("35.78", "Kota Surabaya", 10, 10305, 8, 8), "id", "Kota Surabaya +10"),
    ],
)
def test_sentence(change, lang, expected):
    assert sentence(change, lang) == expected


def test_the_home_region_leads_then_climbers_by_the_place_they_reached_then_by_size():
    before = [
        board(("35.09", "Kabupaten Jember", 100, 1), ("35.06", "Kabupaten Kediri", 90, 2)),
        board((SUM, "Sumbersari", 50, 1), (KAL, "Kaliwates", 45, 2), (JEL, "Jelbuk", 5, 3)),
    ]
    after = [
        board(("35.09", "Kabupaten Jember", 120, 1), ("35.06", "Kabupaten Kediri", 95, 2)),
        board((KAL, "Kaliwates", 60, 1), (SUM, "Sumbersari", 50, 2), (JEL, "Jelbuk", 6, 3)),
    ]
    found = changes_between(before, after, home="35.09")
    assert [c.code for c in found] == ["35.09", KAL, "35.06", JEL, SUM]
    assert summary(found, limit=3) == [
        "Jember +20",
        "Kaliwates +15, naik ke peringkat 1",
        "Kediri +5",
        "dan 2 wilayah lain",
    ]


def test_summary_says_so_when_nothing_moved():
    assert summary([]) == ["Data diperbarui; jumlah dan peringkat tidak berubah"]
    assert summary([], "en") == ["Data updated; no count or rank changed"]


def test_title_gives_the_time_in_western_indonesia():
    assert title(datetime(2020, 3, 6, 0, 12, tzinfo=UTC)) == "Data baru (6 Maret 07.12 WIB)"


def test_a_new_batch_in_the_store_reads_as_sentences(demo_store):
    settings = Settings()
    before = watched_boards(load_snapshot(demo_store), settings)
    assert [len(b) for b in before] == [38, 31]
    # Sumbersari (3.612 on 5 March) overtakes Kaliwates (4.040) on 6 March.
    rows = pd.DataFrame(
        [{"region": SUM, "date": "2020-03-06", "measure": "households", "value": 4152}]
    )
    demo_store.commit_counts(rows, user="Rina", file_name="6 maret.csv", sha256="0" * 64)
    after = watched_boards(load_snapshot(demo_store), settings)
    lines = summary(changes_between(before, after, settings.home))
    assert lines == ["Sumbersari +540, naik ke peringkat 1", "Kaliwates, turun ke peringkat 2"]


def test_an_empty_store_watches_nothing(fresh_store):
    assert watched_boards(load_snapshot(fresh_store), Settings()) == []

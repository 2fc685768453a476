"""The sentences a live page shows after a refresh: who gained how much, who moved where."""

from datetime import UTC, datetime

import pandas as pd
import pytest

from census_core.settings import Settings
from census_core.standings.changes import (
    Cause,
    Change,
    Notice,
    board_changes,
    cause_between,
    changes_between,
    sentence,
    summary,
    watched_boards,
)
from census_core.standings.snapshot import load_snapshot


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
    assert sentence(change) == "Jelbuk melapor 12, masuk peringkat 2"
    assert sentence(change, "en") == "Jelbuk reports 12, enters at rank 2"


@pytest.mark.parametrize(
    "change,lang,expected",
    [
        # A rise says how much and where it ends, in words.
        (
            Change(KAL, "Kaliwates", 112, 4152, 2, 1),
            "id",
            "Kaliwates naik 112 menjadi 4.152, naik ke peringkat 1",
        ),
        (
            Change(KAL, "Kaliwates", 112, 4152, 2, 1),
            "en",
            "Kaliwates up 112 to 4,152, up to rank 1",
        ),
        (Change(SUM, "Sumbersari", 0, 4100, 1, 2), "id", "Sumbersari turun ke peringkat 2"),
        # A fall is a fall, in count and in place.
        (
            Change(SUM, "Sumbersari", -1500, 2600, 1, 3),
            "en",
            "Sumbersari down 1,500 to 2,600, down to rank 3",
        ),
        (
            Change(SUM, "Sumbersari", -1500, 2600, 1, 3),
            "id",
            "Sumbersari turun 1.500 menjadi 2.600, turun ke peringkat 3",
        ),
        # A count that falls while its place number improves (others fell more) is never
        # said as a rise: the place is only stated.
        (
            Change("35.09.08", "Kalisat", -72, 1017, 12, 11),
            "id",
            "Kalisat turun 72 menjadi 1.017, kini peringkat 11",
        ),
        (
            Change("35.09.08", "Kalisat", -72, 1017, 12, 11),
            "en",
            "Kalisat down 72 to 1,017, now rank 11",
        ),
        # Same place: only the change; kabupaten lose their prefix, a kota keeps it.
        (
            Change("35.09", "Kabupaten Jember", 1204, 37668, 1, 1),
            "id",
            "Jember naik 1.204 menjadi 37.668",
        ),
        (
            Change("35.78", "Kota Surabaya", 10, 10305, 8, 8),
            "id",
            "Kota Surabaya naik 10 menjadi 10.305",
        ),
        # A region whose only report went away leaves the ranking.
        (
            Change(JEL, "Jelbuk", -12, None, 2, None),
            "id",
            "Jelbuk tanpa angka lagi, keluar dari peringkat",
        ),
        (
            Change(JEL, "Jelbuk", -12, None, 2, None),
            "en",
            "Jelbuk has no figure any more, leaves the ranking",
        ),
    ],
)
def test_sentence(change, lang, expected):
    assert sentence(change, lang) == expected


@pytest.mark.parametrize(
    "change,lang,expected",
    [
        # An undo puts a figure back; it is not a new fall, nor ever a rise.
        (
            Change("35.09.08", "Kalisat", -72, 1017, 12, 11),
            "id",
            "Kalisat kembali ke 1.017, kini peringkat 11",
        ),
        (
            Change("35.09.08", "Kalisat", -72, 1017, 12, 11),
            "en",
            "Kalisat back to 1,017, now rank 11",
        ),
        (Change("35.09.08", "Kalisat", -72, 1017, 11, 11), "id", "Kalisat kembali ke 1.017"),
        (
            Change(SUM, "Sumbersari", -540, 3612, 1, 2),
            "id",
            "Sumbersari kembali ke 3.612, turun ke peringkat 2",
        ),
        # Another region's place moves because the undone figure went: said as it is.
        (Change(KAL, "Kaliwates", 0, 4040, 2, 1), "id", "Kaliwates naik ke peringkat 1"),
        (
            Change(JEL, "Jelbuk", -12, None, 2, None),
            "en",
            "Jelbuk has no figure any more, leaves the ranking",
        ),
    ],
)
def test_sentence_of_an_undo(change, lang, expected):
    assert sentence(change, lang, undo=True) == expected


def batches(*rows):
    return pd.DataFrame(rows, columns=["id", "undone"])


@pytest.mark.parametrize(
    "before,after,expected",
    [
        (batches((1, False)), batches((2, False), (1, False)), Cause(added=(2,))),
        (batches((2, False), (1, False)), batches((2, True), (1, False)), Cause(undone=(2,))),
        (
            batches((3, False), (2, False), (1, False)),
            batches((4, False), (3, True), (2, True), (1, False)),
            Cause(added=(4,), undone=(2, 3)),
        ),
        # A batch undone before this page first looked is no news.
        (batches((2, True), (1, False)), batches((2, True), (1, False)), Cause()),
        (batches(), batches((1, False)), Cause(added=(1,))),
    ],
)
def test_cause_between_two_lists_of_batches(before, after, expected):
    assert cause_between(before, after) == expected


WHEN = datetime(2020, 3, 6, 0, 20, tzinfo=UTC)
KALISAT_BACK = Change("35.09.08", "Kalisat", -72, 1017, 12, 11)


@pytest.mark.parametrize(
    "cause,lang,expected",
    [
        (
            Cause(undone=(3,)),
            "id",
            "Batch 3 dibatalkan (6 Maret 07.20 WIB): Kalisat kembali ke 1.017, kini peringkat 11",
        ),
        (
            Cause(undone=(3,)),
            "en",
            "Batch 3 undone (6 March 07:20 WIB): Kalisat back to 1,017, now rank 11",
        ),
        (
            Cause(undone=(3, 4)),
            "id",
            "Batch 3 dan 4 dibatalkan (6 Maret 07.20 WIB): "
            "Kalisat kembali ke 1.017, kini peringkat 11",
        ),
        (
            Cause(undone=(3, 4, 5)),
            "en",
            "Batches 3, 4 and 5 undone (6 March 07:20 WIB): Kalisat back to 1,017, now rank 11",
        ),
        # A new batch that corrects a figure downwards: a fall, not a return.
        (
            Cause(added=(6,)),
            "id",
            "Data baru (6 Maret 07.20 WIB): Kalisat turun 72 menjadi 1.017, kini peringkat 11",
        ),
        # Both at once: the undo is named, the figures are said as changes.
        (
            Cause(added=(6,), undone=(3,)),
            "id",
            "Data baru; batch 3 dibatalkan (6 Maret 07.20 WIB): "
            "Kalisat turun 72 menjadi 1.017, kini peringkat 11",
        ),
    ],
)
def test_a_notice_names_what_happened(cause, lang, expected):
    notice = Notice(WHEN, cause, (KALISAT_BACK,))
    assert notice.text(lang) == expected


def test_an_undo_of_many_regions_names_the_first_and_counts_the_rest():
    found = tuple(
        Change(f"35.09.{i:02d}", name, -10 * i, 1000 + i, None, None)
        for i, name in enumerate(
            ["Kalisat", "Ledokombo", "Sumberjambe", "Sukowono", "Jelbuk", "Arjasa"], 1
        )
    )
    notice = Notice(WHEN, Cause(undone=(3,)), found)
    assert notice.title("id") == "Batch 3 dibatalkan (6 Maret 07.20 WIB)"
    assert notice.lines("id") == [
        "Kalisat kembali ke 1.001",
        "Ledokombo kembali ke 1.002",
        "Sumberjambe kembali ke 1.003",
        "Sukowono kembali ke 1.004",
        "dan 2 wilayah lain",
    ]
    assert notice.lines("en")[-1] == "and 2 more regions"
    one_more = Notice(WHEN, Cause(undone=(3,)), found[:5])
    assert one_more.lines("en")[-1] == "and 1 more region"
    assert one_more.lines("id")[-1] == "dan 1 wilayah lain"


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
        "Jember naik 20 menjadi 120",
        "Kaliwates naik 15 menjadi 60, naik ke peringkat 1",
        "Kediri naik 5 menjadi 95",
        "dan 2 wilayah lain",
    ]


def test_summary_says_so_when_nothing_moved():
    assert summary([]) == ["Data diperbarui; jumlah dan peringkat tidak berubah"]
    assert summary([], "en") == ["Data updated; no count or rank changed"]


def test_title_gives_the_time_in_western_indonesia():
    notice = Notice(datetime(2020, 3, 6, 0, 12, tzinfo=UTC), Cause(added=(2,)))
    assert notice.title() == "Data baru (6 Maret 07.12 WIB)"
    # Nothing added or undone (a store cleared, say): updated, not new.
    assert Notice(datetime(2020, 3, 6, 0, 12, tzinfo=UTC)).title("en") == (
        "Data updated (6 March 07:12 WIB)"
    )


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
    # The regency follows its kecamatan: its figure is now the sum of the newer kecamatan.
    assert lines == [
        "Jember naik 540 menjadi 37.004",
        "Sumbersari naik 540 menjadi 4.152, naik ke peringkat 1",
        "Kaliwates turun ke peringkat 2",
    ]


def test_an_undo_in_the_store_reads_as_an_undo(demo_store):
    settings = Settings()
    rows = pd.DataFrame(
        [{"region": SUM, "date": "2020-03-06", "measure": "households", "value": 4152}]
    )
    demo_store.commit_counts(rows, user="Rina", file_name="6 maret.csv", sha256="0" * 64)
    before_snap = load_snapshot(demo_store)
    batch = int(before_snap.batches["id"].max())
    demo_store.undo(batch, user="Rina")
    after_snap = load_snapshot(demo_store)
    cause = cause_between(before_snap.batches, after_snap.batches)
    assert cause == Cause(undone=(batch,))
    found = changes_between(
        watched_boards(before_snap, settings), watched_boards(after_snap, settings), settings.home
    )
    notice = Notice(WHEN, cause, tuple(found))
    # The 6 March batch held one figure: without it the newest day is 5 March again.
    assert notice.text() == (
        f"Batch {batch} dibatalkan (6 Maret 07.20 WIB): Jember kembali ke 36.464 · "
        "Sumbersari kembali ke 3.612, turun ke peringkat 2 · Kaliwates naik ke peringkat 1"
    )


def test_an_empty_store_watches_nothing(fresh_store):
    assert watched_boards(load_snapshot(fresh_store), Settings()) == []

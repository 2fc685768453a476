"""The effect before saving: the file applied to a copy of the snapshot predicts exactly what
the pages show after services.commit_upload stores it (real store, real upload)."""

from datetime import date

import pytest

from census_core.display.views import home_view
from census_core.ingest import Options
from census_core.ingest.service import check_upload
from census_core.services import commit_upload
from census_core.settings import Settings
from census_core.standings.snapshot import load_snapshot
from census_core.text import fmt_int

SETTINGS = Settings()


def _check(store, data: bytes, day: date | None = None, level: str | None = None):
    snap = load_snapshot(store)
    options = Options(home=SETTINGS.home, date=day, level=level)
    checked = check_upload(data, "rekap.csv", "counts", snap, SETTINGS, options)
    assert checked.upload.ok, [p.message() for p in checked.upload.problems]
    return snap, checked


def _pages_after(store, checked, user="Ani"):
    """Store the file as the page does, then read the home page's view as a reader would."""
    commit_upload(checked.upload, store, user)
    snap = load_snapshot(store)
    return snap, home_view(snap, SETTINGS, checked.outlook.day)


def _assert_predicted(snap_before, checked, view):
    out = checked.outlook
    head = view.headline
    assert (out.home.after, out.home.rank_after, out.home.of, out.home.change) == (
        head.count,
        head.rank,
        head.of,
        head.change,
    )
    # The province board's moves: every row the outlook lists is the page's row after saving.
    page = view.boards[0].full.set_index("code")
    for row in out.province.table.itertuples():
        assert (row.after, row.rank_after) == (
            page.at[row.code, "count"],
            page.at[row.code, "rank"],
        )
    # The file's own level board (the kecamatan board of the regency here).
    if checked.effect is not None and checked.effect.level == "kecamatan":
        board = view.boards[1].full.set_index("code")
        for row in checked.effect.table.itertuples():
            assert (row.after, row.rank_after) == (
                board.at[row.code, "count"],
                board.at[row.code, "rank"],
            )


NEW_DAY = (
    b"Rekap SPO Kabupaten Jember\nKondisi s.d. 6 Maret 2020\n\n"
    b"No;Kecamatan;Jumlah KK\n1;Kaliwates;4.300\n2;Sumber Sari;4.500\n3;Jelbuk;400\n"
)


def test_a_new_day_of_kecamatan_moves_the_headline_as_the_pages_then_show(demo_store):
    before, checked = _check(demo_store, NEW_DAY)
    out = checked.outlook
    assert out is not None and out.day == date(2020, 3, 6)
    # The regency's figure on 6 March is the sum of its kecamatan (each carried forward).
    assert out.home.after is not None and out.home.after != out.home.before
    assert out.home.sentence().startswith("Kabupaten Jember pada 6 Maret 2020 setelah berkas ini: ")
    assert "peringkat 1 dari 38 di Jawa Timur" in out.home.sentence()
    assert out.home.sentence("en").startswith("Kabupaten Jember on 6 March 2020 after this file:")
    _, view = _pages_after(demo_store, checked)
    _assert_predicted(before, checked, view)
    assert view.headline.count == out.home.after


def test_a_regency_file_moves_its_rank_on_the_province_board(demo_store):
    data = b"Kabupaten,KK\nKabupaten Jember,20000\nKabupaten Mojokerto,40000\n"
    before, checked = _check(demo_store, data, day=date(2020, 3, 5), level="kabupaten")
    out = checked.outlook
    assert (out.home.before, out.home.after) == (36464, 20000)
    assert out.home.rank_before == 1 and out.home.rank_after > 1
    moved = out.province.table.set_index("code")
    assert moved.at["35.16", "moved"] > 0  # Mojokerto rises
    assert checked.effect.level == "kabupaten"
    _, view = _pages_after(demo_store, checked)
    _assert_predicted(before, checked, view)


def test_a_kecamatan_file_of_a_day_the_regency_reported_leaves_it_inconsistent(demo_store):
    data = b"Kecamatan,KK\nSumbersari,4100\n"
    before, checked = _check(demo_store, data, day=date(2020, 3, 5))
    out = checked.outlook
    # The regency's own count of 5 March stands: the headline does not move...
    assert (out.home.before, out.home.after) == (36464, 36464)
    # ... and the file leaves it and Sumbersari (its desa) at odds, said in words.
    kinds = {(i.kind, i.code) for i in out.inconsistent}
    assert ("differs", "35.09") in kinds and ("differs", "35.09.21") in kinds
    [jember] = [i for i in out.inconsistent if i.code == "35.09"]
    assert jember.sentence() == (
        "Kabupaten Jember: angkanya sendiri 36.464 tanggal 5 Maret 2020 tetap dipakai, padahal "
        f"kecamatan di dalamnya berjumlah {fmt_int(jember.children)} setelah berkas ini. Unggah "
        "ulang angka Kabupaten Jember, atau perbaiki angka kecamatan yang salah."
    )
    assert "its own count 36,464 of 5 March 2020 stands" in jember.sentence("en")
    snap, view = _pages_after(demo_store, checked)
    _assert_predicted(before, checked, view)
    # The pages after saving find the same mismatch between the regency and its kecamatan.
    from census_core.standings import progress

    found = {
        m.code: m.children for m in progress.mismatches_at(snap.counts_of("households"), out.day)
    }
    assert found["35.09"] == jember.children


def test_a_regency_figure_older_than_its_kecamatan_is_said_to_be_hidden(demo_store):
    _, first = _check(demo_store, NEW_DAY)
    commit_upload(first.upload, demo_store, "Ani")
    data = b"Kabupaten,KK\nKabupaten Jember,37000\n"
    _, checked = _check(demo_store, data, day=date(2020, 3, 5), level="kabupaten")
    older = [i for i in checked.outlook.inconsistent if i.kind == "older"]
    assert [(i.code, i.own, i.own_day, i.children_day) for i in older] == [
        ("35.09", 37000, date(2020, 3, 5), date(2020, 3, 6))
    ]
    assert "lebih lama daripada angka kecamatan di dalamnya (6 Maret 2020)" in older[0].sentence()
    snap = load_snapshot(demo_store)
    commit_upload(checked.upload, demo_store, "Ani")
    view = home_view(load_snapshot(demo_store), SETTINGS, date(2020, 3, 6))
    assert view.headline.count == older[0].children and snap.version


@pytest.mark.parametrize("kind", ["targets"])
def test_targets_have_no_outlook(demo_store, kind):
    snap = load_snapshot(demo_store)
    checked = check_upload(b"Kecamatan,Target KK\nJelbuk,900\n", "t.csv", kind, snap, SETTINGS)
    assert checked.outlook is None

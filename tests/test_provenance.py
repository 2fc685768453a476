"""Where each figure came from: the batch behind a board row, its sentence, a region's history."""

import uuid
from datetime import UTC, date, datetime

import pandas as pd
import pytest

from census_core import store as store_module
from census_core.regions import Regions
from census_core.settings import Settings
from census_core.standings.progress import standings
from census_core.standings.provenance import history_rows, provenance, region_history
from census_core.standings.snapshot import load_snapshot
from census_core.store import Store
from tests.conftest import ON_POSTGRES, _pg_admin, _pg_url

JEMBER, KALIWATES, PATRANG, JELBUK = "35.09", "35.09.19", "35.09.20", "35.09.25"
D1, D2, D3 = date(2020, 3, 3), date(2020, 3, 4), date(2020, 3, 5)
# 00.12 UTC is 07.12 WIB (Asia/Jakarta, UTC+7).
UPLOADED = datetime(2020, 3, 6, 0, 12, tzinfo=UTC)


def records(*rows, measure="households"):
    frame = pd.DataFrame(rows, columns=["region", "date", "value"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.assign(measure=measure)


def commit(store, *rows, name="a.csv", user="Rina"):
    result = store.commit_counts(records(*rows), user=user, file_name=name, sha256="x" * 64)
    assert result.batch is not None
    return result.batch


@pytest.fixture
def store(fresh_store, monkeypatch):
    monkeypatch.setattr(store_module, "_now", lambda: UPLOADED)
    return fresh_store


def board(store, level, within, day):
    return load_snapshot(store).board(level, within, day, Settings()).set_index("code")


def batch_of(store, level, within, day, code):
    value = board(store, level, within, day).loc[code, "batch"]
    return None if pd.isna(value) else int(value)


def test_batch_column_own_carried_and_derived(store):
    kab = commit(store, (JEMBER, D1, 1000), name="kab.csv")
    kec = commit(store, (KALIWATES, D1, 400), (PATRANG, D1, 300), name="kec-0303.csv")
    # Own count of the day, then carried forward to the next day: the same batch.
    assert batch_of(store, "kabupaten", "35", D1, JEMBER) == kab
    assert batch_of(store, "kabupaten", "35", D2, JEMBER) == kab
    assert batch_of(store, "kecamatan", JEMBER, D2, PATRANG) == kec
    assert batch_of(store, "kecamatan", JEMBER, D2, JELBUK) is None  # no count at all
    # A later kecamatan file: Jember's figure becomes the children's sum, from that file.
    later = commit(store, (KALIWATES, D2, 450), name="kec-0304.csv")
    row = board(store, "kabupaten", "35", D2).loc[JEMBER]
    assert (row["count"], bool(row["derived"]), int(row["batch"])) == (750, True, later)
    assert batch_of(store, "kecamatan", JEMBER, D2, KALIWATES) == later
    assert batch_of(store, "kecamatan", JEMBER, D2, PATRANG) == kec


def test_undoing_the_batch_that_set_a_figure_falls_back_to_the_previous_batch(store):
    kab = commit(store, (JEMBER, D1, 1000))
    first = commit(store, (KALIWATES, D1, 400), (PATRANG, D1, 300))
    correction = commit(store, (KALIWATES, D1, 420))
    later = commit(store, (KALIWATES, D2, 450))
    assert batch_of(store, "kecamatan", JEMBER, D1, KALIWATES) == correction
    store.undo(correction)
    assert batch_of(store, "kecamatan", JEMBER, D1, KALIWATES) == first
    store.undo(later)
    # Jember's own count and its children's sum are of the same day: its own count stands.
    assert batch_of(store, "kecamatan", JEMBER, D2, KALIWATES) == first
    assert batch_of(store, "kabupaten", "35", D2, JEMBER) == kab


def test_a_frame_without_batches_gives_no_batch(regions):
    frame = pd.DataFrame({"region": [KALIWATES], "date": pd.to_datetime([D1]), "value": [5]})
    got = standings(frame, regions, "kecamatan", JEMBER, D1).set_index("code")
    assert got.loc[KALIWATES, "count"] == 5 and pd.isna(got.loc[KALIWATES, "batch"])
    assert str(got["batch"].dtype) == "Int64"


def test_provenance_of_own_carried_derived_and_missing_figures(store):
    commit(store, (KALIWATES, D1, 400), (PATRANG, D1, 300), name="kec-0303.csv")
    later = commit(store, (KALIWATES, D2, 4040), name="kec-0304.csv", user="Budi")
    snap = load_snapshot(store)

    own = provenance(snap, KALIWATES, D2)
    assert (own.value, own.batch, own.file, own.user) == (4040, later, "kec-0304.csv", "Budi")
    assert (own.date, own.derived, own.carried, own.parts) == (D2, False, False, 0)
    assert own.time is not None and own.time.isoformat() == "2020-03-06T07:12:00+07:00"
    assert own.sentence("id") == (
        "Kaliwates: 4.040 KK pada 4 Maret 2020 — angka sendiri tanggal 4 Maret 2020; dari "
        "batch 2 (berkas kec-0304.csv, diunggah Budi 6 Maret 07.12 WIB)."
    )
    assert own.sentence("en") == (
        "Kaliwates: 4,040 households on 4 March 2020 — own count of 4 March 2020; from "
        "batch 2 (file kec-0304.csv, uploaded by Budi 6 March 07:12 WIB)."
    )

    carried = provenance(snap, PATRANG, D2)
    assert (carried.date, carried.carried, carried.batch) == (D1, True, 1)
    assert carried.sentence("id") == (
        "Patrang: 300 KK pada 4 Maret 2020 — angka sendiri tanggal 3 Maret 2020, dibawa maju "
        "karena belum ada angka baru; dari batch 1 (berkas kec-0303.csv, diunggah Rina "
        "6 Maret 07.12 WIB)."
    )

    derived = provenance(snap, JEMBER, D2)
    assert (derived.value, derived.derived, derived.parts, derived.batch) == (4340, True, 2, 2)
    assert derived.sentence("id") == (
        "Kabupaten Jember: 4.340 KK pada 4 Maret 2020 — jumlah dari 2 kecamatan, bagian "
        "terbaru tanggal 4 Maret 2020; terbaru dari batch 2 (berkas kec-0304.csv, diunggah "
        "Budi 6 Maret 07.12 WIB)."
    )
    assert derived.sentence("en") == (
        "Kabupaten Jember: 4,340 households on 4 March 2020 — sum of 2 district figures, "
        "newest part of 4 March 2020; newest from batch 2 (file kec-0304.csv, uploaded by "
        "Budi 6 March 07:12 WIB)."
    )

    none = provenance(snap, JELBUK, D2)
    assert none.value is None and none.batch is None
    assert none.sentence("id") == "Jelbuk: belum ada angka s.d. 4 Maret 2020."
    assert none.sentence("en") == "Jelbuk: no figure yet up to 4 March 2020."


def test_region_history_before_and_after_with_an_undone_batch(store):
    commit(store, (KALIWATES, D1, 400), (PATRANG, D1, 300), name="a.csv")
    commit(store, (KALIWATES, D2, 450), name="b.csv", user="Budi")
    wrong = commit(store, (KALIWATES, D2, 4500), name="c.csv")
    store.undo(wrong)
    # Kaliwates unchanged in this file: not a change of Kaliwates.
    commit(store, (KALIWATES, D2, 450), (PATRANG, D2, 320), name="d.csv")
    history = region_history(store, KALIWATES)
    got = [
        (
            int(r.batch),
            r.date,
            None if pd.isna(r.before) else int(r.before),
            int(r.after),
            r.file,
            r.user,
            bool(r.undone),
        )
        for r in history.itertuples()
    ]
    assert got == [
        (3, D2, 450, 4500, "c.csv", "Rina", True),
        (2, D2, 400, 450, "b.csv", "Budi", False),
        (1, D1, None, 400, "a.csv", "Rina", False),
    ]
    assert history["time"].iloc[0].isoformat() == "2020-03-06T07:12:00+07:00"
    shown = history_rows(history, "id")
    assert list(shown.columns) == [
        "Batch",
        "Tanggal data",
        "Sebelum",
        "Sesudah",
        "Berkas",
        "Pengunggah",
        "Waktu unggah (WIB)",
        "Keterangan",
    ]
    assert shown.iloc[0].tolist() == [
        "3",
        "4 Maret 2020",
        "450",
        "4.500",
        "c.csv",
        "Rina",
        "6 Maret 07.12",
        "dibatalkan",
    ]
    assert shown.iloc[2]["Sebelum"] == "–"


def test_region_history_of_one_measure_only(store):
    store.commit_counts(
        records((KALIWATES, D1, 1500), measure="persons"),
        user="Rina",
        file_name="jiwa.csv",
        sha256="y" * 64,
    )
    commit(store, (KALIWATES, D1, 400))
    assert list(region_history(store, KALIWATES)["after"]) == [400]
    assert list(region_history(store, KALIWATES, "persons")["after"]) == [1500]
    assert region_history(store, JELBUK).empty


def test_the_histories_of_several_regions_in_one_read_are_each_ones_own(demo_store):
    from census_core.standings.provenance import region_histories

    store = demo_store
    frame = pd.DataFrame(
        {"region": ["35.09.25"], "date": [pd.Timestamp(2020, 3, 5)], "measure": ["households"]}
    ).assign(value=999)
    done = store.commit_counts(frame, user="uji", file_name="a", sha256="a" * 64)
    store.undo(done.batch, user="uji")

    codes = [*store.regions.descendants("35.09", "kecamatan")[:5], "35.09.25", "35.09.25.2001"]
    together = region_histories(store, codes, "households")
    assert list(together) == codes
    assert len(together["35.09.25"]) >= 2  # the demo's count, the undone one
    for code in codes:
        pd.testing.assert_frame_equal(together[code], region_history(store, code, "households"))


def _every_count_with_its_batch(store) -> pd.DataFrame:
    """The oracle: every stored count joined with its batch, read whole and filtered here."""
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        counts = pd.read_sql(sa.text("SELECT * FROM counts"), conn)
        batches = pd.read_sql(sa.text("SELECT * FROM batches"), conn)
    return counts.merge(batches.rename(columns={"id": "batch_id"}), on="batch_id")


def test_the_histories_read_are_every_count_of_those_regions(demo_store):
    """count_histories against every count read whole: regions of several kecamatan and
    levels, one without counts, given out of order and twice."""
    store = demo_store
    commit(store, (JELBUK, D3, 350), (KALIWATES, D2, 4001), name="b.csv")
    undone = commit(store, (JELBUK, D3, 351), name="c.csv")
    store.undo(undone, user="uji")
    codes = [JELBUK, "35.09.25.2001", KALIWATES, "35.10.01", "35.09.31", JELBUK, "99.99"]
    got = store.count_histories(codes)
    every = _every_count_with_its_batch(store)
    wanted = every[every["region"].isin(codes)].sort_values(
        ["region", "batch_id", "date", "measure"]
    )
    assert len(got) == len(wanted) > 0
    assert list(got["region"]) == list(wanted["region"])
    assert list(got["batch_id"]) == list(wanted["batch_id"])
    assert list(got["value"]) == list(wanted["value"])
    assert [str(d) for d in got["date"]] == [str(d)[:10] for d in wanted["date"]]
    assert list(got["undone"]) == [bool(u) for u in wanted["undone"]]
    assert store.count_histories([]).empty


def test_a_regions_history_is_read_by_the_counts_index_not_a_scan_of_every_count(demo_store):
    """The counts have no index by region (it slowed every upload), but their unique index
    leads with the batch: the history is one seek per batch into the regions' range, not a
    scan of every count (at national scale 1 s of every kecamatan page's first reading)."""
    import sqlalchemy as sa

    store = demo_store
    if store.engine.dialect.name != "sqlite":
        pytest.skip("the plan is read from SQLite; PostgreSQL picks by the table's size")
    seen: list[tuple[str, object]] = []

    def keep(conn, cursor, statement, parameters, context, executemany):
        if "FROM counts" in statement:
            seen.append((statement, parameters))

    sa.event.listen(store.engine, "before_cursor_execute", keep)
    try:
        store.count_histories(store.regions.descendants(JEMBER, "kecamatan"))
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", keep)
    assert len(seen) == 1
    statement, parameters = seen[0]
    with store.engine.connect() as conn:
        plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    steps = [str(row[-1]) for row in plan]
    assert any(s.startswith("SEARCH counts USING INDEX") for s in steps), steps
    assert not any(s.startswith("SCAN counts") for s in steps), steps


@pytest.mark.skipif(not ON_POSTGRES, reason="a collation of the database's own: PostgreSQL")
def test_the_histories_are_found_in_the_databases_own_order_of_codes(monkeypatch):
    """The codes' range that lets the counts' index be used is bounded in the database's order
    of text, which its collation decides, not Python's: under a numeric collation "35.09.9"
    comes before "35.09.10", and a range taken in Python's order held neither."""
    admin = _pg_admin()
    name = f"census_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        if int(conn.exec_driver_sql("SHOW server_version_num").scalar()) < 150000:
            pytest.skip("a database's ICU collation needs PostgreSQL 15")
        conn.exec_driver_sql(
            f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8 LOCALE "C.UTF-8" '
            "LOCALE_PROVIDER icu ICU_LOCALE 'und-u-kn-true'"
        )
    try:
        codes = ["35", "35.09", "35.09.9", "35.09.10"]
        names = ["Jawa Timur", "Kabupaten Contoh", "Sembilan", "Sepuluh"]
        store = Store(_pg_url(name), Regions(pd.DataFrame({"code": codes, "name": names})))
        monkeypatch.setattr(store_module, "_now", lambda: UPLOADED)
        commit(store, ("35.09.9", D1, 90), ("35.09.10", D1, 100))
        got = store.count_histories(["35.09.10", "35.09.9"])
        assert sorted(zip(got["region"], got["value"], strict=True)) == [
            ("35.09.10", 100),
            ("35.09.9", 90),
        ]
        store.engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

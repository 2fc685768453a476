"""The store: batches, history, undo, re-uploads, on a real SQLite file."""

from datetime import date

import pandas as pd
import pytest

from census_core.store import AlreadyUndone, BatchNotFound, Store, events_table


def records(*rows, measure="households"):
    frame = pd.DataFrame(rows, columns=["region", "date", "value"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.assign(measure=measure)


def current(store, region, day, measure="households"):
    frame = store.current_counts(measure)
    row = frame[(frame["region"] == region) & (frame["date"] == pd.Timestamp(day))]
    return None if row.empty else int(row["value"].iloc[0])


def commit(store, frame, name="a.csv"):
    return store.commit_counts(frame, user="op", file_name=name, sha256="x" * 64)


def test_ready_on_first_use(fresh_store: Store):
    assert fresh_store.is_empty()
    assert fresh_store.version() == "0"
    assert fresh_store.current_counts().empty


def test_latest_batch_wins_and_history_is_kept(fresh_store):
    first = commit(fresh_store, records(("35.09.19", date(2020, 3, 5), 4000)))
    second = commit(fresh_store, records(("35.09.19", date(2020, 3, 5), 4040)), "b.csv")
    assert first.batch and second.batch and second.batch > first.batch
    assert current(fresh_store, "35.09.19", date(2020, 3, 5)) == 4040
    history = fresh_store.batches()
    assert list(history["file_name"]) == ["b.csv", "a.csv"]
    assert list(history["changed"]) == [1, 1]


def test_same_values_again_change_nothing(fresh_store):
    frame = records(("35.09.19", date(2020, 3, 5), 4040), ("35.09.25", date(2020, 3, 5), 344))
    commit(fresh_store, frame)
    version = fresh_store.version()
    again = commit(fresh_store, frame)
    assert again.batch is None and again.changed == 0
    assert fresh_store.version() == version
    assert len(fresh_store.batches()) == 1


def test_undo_restores_the_earlier_value(fresh_store):
    commit(fresh_store, records(("35.09.19", date(2020, 3, 5), 4000)))
    later = commit(fresh_store, records(("35.09.19", date(2020, 3, 5), 4040)))
    before = fresh_store.version()
    fresh_store.undo(later.batch, user="op")
    assert fresh_store.version() != before
    assert current(fresh_store, "35.09.19", date(2020, 3, 5)) == 4000
    with pytest.raises(AlreadyUndone):
        fresh_store.undo(later.batch)
    with pytest.raises(BatchNotFound):
        fresh_store.undo(999)


def test_measures_are_kept_apart(fresh_store):
    commit(
        fresh_store,
        pd.concat(
            [
                records(("35.09", date(2020, 3, 5), 36464)),
                records(("35.09", date(2020, 3, 5), 136833), measure="persons"),
            ]
        ),
    )
    assert current(fresh_store, "35.09", date(2020, 3, 5)) == 36464
    assert current(fresh_store, "35.09", date(2020, 3, 5), "persons") == 136833


def test_targets_are_versioned(fresh_store):
    targets = pd.DataFrame(
        {"region": ["35.09"], "measure": ["households"], "base": [658891], "share": [None]}
    )
    first = fresh_store.commit_targets(targets, user="op", file_name="t.csv", sha256="y" * 64)
    second = fresh_store.commit_targets(
        targets.assign(share=0.4), user="op", file_name="t2.csv", sha256="z" * 64
    )
    assert fresh_store.current_targets()["share"].iloc[0] == pytest.approx(0.4)
    fresh_store.undo(second.batch)
    assert pd.isna(fresh_store.current_targets()["share"].iloc[0])
    assert first.batch is not None


def test_unknown_region_leaves_the_store_as_it_was(fresh_store):
    commit(fresh_store, records(("35.09.19", date(2020, 3, 5), 4040)))
    version = fresh_store.version()
    with pytest.raises(Exception):  # noqa: B017 - the foreign key refuses the whole batch
        commit(
            fresh_store,
            records(("35.09.19", date(2020, 3, 6), 4100), ("99.99", date(2020, 3, 6), 1)),
        )
    assert fresh_store.version() == version
    assert len(fresh_store.batches()) == 1
    assert current(fresh_store, "35.09.19", date(2020, 3, 6)) is None


def test_events(fresh_store):
    event = fresh_store.add_event(date(2020, 2, 25), "Bimtek operator desa", "op")
    assert list(fresh_store.events()["text"]) == ["Bimtek operator desa"]
    fresh_store.delete_event(event)
    assert fresh_store.events().empty


def test_operator_names_lose_control_characters_on_every_write(fresh_store):
    # A NUL made every save of that operator fail on PostgreSQL; escapes and line breaks are
    # no part of a name either. Names are kept at most 120 characters.
    name = "Ani\x00 Su\x1b[31mlastri\r\n\x85" + "x" * 300
    clean = "Ani Su[31mlastri " + "x" * (120 - len("Ani Su[31mlastri "))
    first = fresh_store.commit_counts(
        records(("35.09.19", date(2020, 3, 5), 4000)),
        user=name,
        file_name="a\x00.csv",
        sha256="x" * 64,
    )
    fresh_store.undo(first.batch, user=name)
    fresh_store.add_event(date(2020, 2, 25), "Bimtek\x00 operator", name)
    fresh_store.add_boundary_file("batas\x00.geojson", b"{}", name)
    batch = fresh_store.batch(first.batch)
    assert batch["user"] == clean and batch["undone_by"] == clean
    assert batch["file_name"] == "a.csv"
    events = fresh_store.events()
    assert list(events["user"]) == [clean] and list(events["text"]) == ["Bimtek operator"]
    files = fresh_store.boundary_files(with_data=False)
    assert list(files["user"]) == [clean] and list(files["file_name"]) == ["batas.geojson"]


def test_sign_ins_are_recorded_newest_first_and_only_the_newest_kept(fresh_store):
    version = fresh_store.version()
    fresh_store.record_sign_in("Ani", "10.0.0.7", ok=False, keep=3)
    fresh_store.record_sign_in("Ani\x00", "10.0.0.7", ok=True, keep=3)
    frame = fresh_store.sign_ins()
    assert list(frame["user"]) == ["Ani", "Ani"] and list(frame["ok"]) == [True, False]
    assert list(frame["address"]) == ["10.0.0.7", "10.0.0.7"]
    assert fresh_store.version() == version  # no page reloads for a sign-in
    for n in range(5):
        fresh_store.record_sign_in(f"tebak-{n}", "10.0.0.9", ok=False, keep=3)
    assert list(fresh_store.sign_ins()["user"]) == ["tebak-4", "tebak-3", "tebak-2"]


def test_a_store_made_before_sign_ins_were_recorded_gets_the_table(fresh_url, regions):
    import sqlalchemy as sa

    old = Store(fresh_url, regions)
    old.ensure_ready()
    with old.engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE sign_ins"))
    old.engine.dispose()
    again = Store(fresh_url, regions)
    again.record_sign_in("Ani", "10.0.0.7", ok=True)
    assert list(again.sign_ins()["user"]) == ["Ani"]


# Store.writing: the one transaction every write takes.
def test_a_write_moves_the_version_once_and_a_failed_one_writes_nothing(fresh_store):
    before = fresh_store.version()
    fresh_store.add_event(date(2020, 3, 1), "Rakor", "op")
    assert int(fresh_store.version()) == int(before) + 1
    with pytest.raises(RuntimeError), fresh_store.writing() as write:
        write.conn.execute(events_table.delete())
        raise RuntimeError("halfway")
    assert len(fresh_store.events()) == 1
    assert int(fresh_store.version()) == int(before) + 1


def test_writes_that_are_not_census_data_or_change_nothing_keep_the_version(fresh_store):
    frame = records(("35.09.19", date(2020, 3, 5), 4040))
    commit(fresh_store, frame)
    version = fresh_store.version()
    assert commit(fresh_store, frame).batch is None
    fresh_store.record_sign_in("Ani", "10.0.0.7", ok=True)
    assert fresh_store.version() == version

"""current_counts (columnar read, latest batch picked in numpy) equals the SQL window query."""

from datetime import date

import pandas as pd

from census_core.store import Store


def plain_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """A counts frame with its measures as text and its integers in eight bytes, as the store's
    rows read one by one give it (the store keeps them narrow: columns.narrow)."""
    out = frame.copy()
    if "measure" in out.columns:
        out["measure"] = out["measure"].astype(object)
    for column in ("value", "batch_id"):
        if column in out.columns and out[column].dtype.kind == "i":
            out[column] = out[column].astype("int64")
    return out


def reference(store: Store, measure: str | None = None) -> pd.DataFrame:
    """The original reading: a row_number() window over every count, sorted by pandas."""
    with store.engine.connect() as conn:
        rows = conn.execute(store._current_counts_query(measure)).all()
    frame = pd.DataFrame(rows, columns=["region", "date", "measure", "value", "batch_id"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["value"] = frame["value"].astype("int64")
    return frame.sort_values(["measure", "region", "date"], ignore_index=True)


def frame(*rows):
    out = pd.DataFrame(rows, columns=["region", "date", "measure", "value"])
    out["date"] = pd.to_datetime(out["date"])
    return out


def test_latest_batch_wins_undone_batches_drop_out(demo_store):
    d = date(2020, 3, 5)
    one = demo_store.commit_counts(
        frame(("35.09.19", d, "households", 1), ("35.09.20", d, "persons", 2)),
        user="op",
        file_name="a.csv",
        sha256="a" * 64,
    )
    demo_store.commit_counts(
        frame(("35.09.19", d, "households", 3), ("35.09.21", date(2020, 3, 6), "households", 4)),
        user="op",
        file_name="b.csv",
        sha256="b" * 64,
    )
    three = demo_store.commit_counts(
        frame(("35.09.19", d, "households", 5)), user="op", file_name="c.csv", sha256="c" * 64
    )
    demo_store.undo(three.batch)
    assert one.batch is not None
    for measure in (None, "households", "persons"):
        pd.testing.assert_frame_equal(
            plain_counts(demo_store.current_counts(measure)), reference(demo_store, measure)
        )
    current = demo_store.current_counts("households").set_index(["region", "date"])["value"]
    assert current[("35.09.19", pd.Timestamp(d))] == 3


def test_an_empty_store_reads_as_an_empty_frame(fresh_store):
    pd.testing.assert_frame_equal(
        plain_counts(fresh_store.current_counts()), reference(fresh_store)
    )


def test_current_counts_within_regions_equals_filtering_the_whole(demo_store):
    from census_core.cli.uploads import regencies_of

    whole = demo_store.current_counts()
    regencies = demo_store.regions.descendants(None, "kabupaten")
    assert len(regencies) > 500  # one condition each was too deep an expression for SQLite
    cases = [["35.09"], ["35.09.25"], ["35"], ["35.09", "35.10"], ["99"], []]
    cases += [regencies, [r for r in regencies if r != "35.09"], ["11.01", "35", "35.09.25"]]
    for within in cases:
        part = demo_store.current_counts(within=within)
        keep = [any(c == w or c.startswith(w + ".") for w in within) for c in whole["region"]]
        expected = whole[keep].reset_index(drop=True)
        pd.testing.assert_frame_equal(
            plain_counts(part).reset_index(drop=True), plain_counts(expected), check_dtype=False
        )
    assert regencies_of(["35.09.01", "35.09.25.2001", "35.10", "35"]) == ["35", "35.09", "35.10"]


def test_counts_are_kept_narrow(demo_store):
    """A national store's counts are millions of rows: four-byte values and batch ids, a
    one-byte measure (columns.narrow, columns.measures_column)."""
    counts = demo_store.current_counts()
    assert counts["value"].dtype == "int32"
    assert counts["batch_id"].dtype == "int32"
    assert isinstance(counts["measure"].dtype, pd.CategoricalDtype)
    assert counts["measure"].cat.codes.dtype == "int8"


def test_a_value_too_large_for_four_bytes_widens_never_wraps():
    import numpy as np

    from census_core.store.columns import latest_counts, merge_latest, narrow

    assert narrow(np.array([1, 2**31 - 1])).dtype == np.int32
    assert narrow(np.array([1, 2**31])).dtype == np.int64
    old = latest_counts([[("35.09", "2020-03-01", "households", 5, 1)]])
    new = latest_counts([[("35.09", "2020-03-02", "households", 3_000_000_000, 2)]])
    merged = merge_latest(old, new)
    assert merged["value"].tolist() == [5, 3_000_000_000]

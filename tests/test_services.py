"""The one way to write: outcomes of undo and boundary uploads, without a page."""

from __future__ import annotations

from datetime import date

import pandas as pd

from census_core import services
from census_core.store import AlreadyUndone, BatchNotFound, Store
from tests.geofixtures import bad_boundaries, collection, feature


def test_undo_outcomes_are_words_not_exceptions(fresh_store: Store):
    frame = pd.DataFrame(
        {"region": ["35.09.19"], "date": [date(2020, 3, 5)], "measure": ["households"]}
    ).assign(value=4040)
    batch = fresh_store.commit_counts(frame, user="op", file_name="a.csv", sha256="x" * 64).batch
    assert batch is not None
    assert services.undo_batch(fresh_store, batch, "op").done
    again = services.undo_batch(fresh_store, batch, "op")
    assert isinstance(again.error, AlreadyUndone) and again.fault is None
    assert again.message("en").startswith(f"Batch {batch} was not undone")
    missing = services.undo_batch(fresh_store, 999, "op")
    assert isinstance(missing.error, BatchNotFound)


def test_a_boundary_file_is_kept_once_and_a_bad_one_never(fresh_store: Store, tmp_path):
    def add(name, data):
        return services.add_boundary_file(
            fresh_store, name, data, "op", geo_dir=tmp_path, home="35.09"
        )

    good = collection(feature({"kode": "35.09.10", "name": "Sukowono"}))
    saved = add("kec.geojson", good)
    assert saved.status == "saved" and saved.stored
    assert saved.outcome is not None and saved.outcome.matched == 1
    assert add("lagi.geojson", good).status == "same"
    assert add("meter.geojson", bad_boundaries()["meter.geojson"]).status == "refused"
    assert add("x.csv", b"a,b\n1,2\n").status == "not_crosswalk"
    assert list(fresh_store.boundary_files()["file_name"]) == ["kec.geojson"]

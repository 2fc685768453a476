"""Uploaded boundary files kept in the store, seen by every store on the same database."""

from __future__ import annotations

from census_core.store import Store


def test_boundary_files_are_kept_listed_and_deleted(fresh_store: Store, regions):
    before = fresh_store.version()
    first = fresh_store.add_boundary_file("kec.geojson", b'{"type": "FeatureCollection"}', "Budi")
    fresh_store.add_boundary_file("padanan.csv", b"code_bps,code_kemendagri\n", "Budi")
    assert fresh_store.version() != before
    other = Store(fresh_store.url, regions)  # another replica on the same database
    files = other.boundary_files()
    assert list(files["file_name"]) == ["kec.geojson", "padanan.csv"]
    assert bytes(files["data"].iloc[0]) == b'{"type": "FeatureCollection"}'
    assert len(files["sha256"].iloc[0]) == 64
    assert "data" not in other.boundary_files(with_data=False)
    other.delete_boundary_file(first)
    assert list(fresh_store.boundary_files()["file_name"]) == ["padanan.csv"]


def test_clearing_counts_keeps_the_boundaries(fresh_store: Store):
    fresh_store.add_boundary_file("kec.geojson", b"{}", "Budi")
    fresh_store.clear()
    assert len(fresh_store.boundary_files()) == 1

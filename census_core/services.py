"""Every write to the store goes through here: the pages and the command line call these."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from census_core.digest import sha256_of
from census_core.faults import SystemFault, log_fault
from census_core.geo import geo
from census_core.geo.geo import FileOutcome
from census_core.geo.geocheck import CheckedGeo, check_geojson
from census_core.ingest.model import Upload
from census_core.store import CommitResult, Store, backup, demo
from census_core.storefaults import (
    AlreadyUndone,
    BatchNotFound,
    StoreError,
    StoreFault,
    store_fault,
)
from census_core.text import t

log = logging.getLogger(__name__)


def commit_upload(upload: Upload, store: Store, user: str) -> CommitResult:
    """Store an accepted upload as one batch (none when nothing changes).

    Raises StoreFault (gone, locked, read-only, full, unreachable) or SystemFault, each logged
    under its reference, when the store fails: the batch is one transaction, so the stored
    data is as it was.
    """
    if not upload.ok:
        raise ValueError("a rejected upload cannot be committed")
    commit = store.commit_counts if upload.kind == "counts" else store.commit_targets
    try:
        return commit(upload.records, user=user, file_name=upload.file_name, sha256=upload.sha256)
    except StoreFault:
        raise
    except Exception as exc:
        if fault := store_fault(exc, f"storing {upload.file_name!r}", store):
            raise fault from None
        raise SystemFault(log_fault(log, f"storing {upload.file_name!r}", exc)) from exc


@dataclass(frozen=True)
class Undo:
    """The outcome of undoing one batch: done, or the store's refusal (or fault)."""

    batch: int
    error: StoreError | None = None

    @property
    def done(self) -> bool:
        return self.error is None

    @property
    def fault(self) -> StoreFault | None:
        """The store's own failure (gone, locked...), not a refusal of the request."""
        return self.error if isinstance(self.error, StoreFault) else None

    def message(self, lang: str = "id") -> str:
        """Why the undo failed, for the operator: what happened and that nothing changed."""
        assert self.error is not None, "an undo that was done has no failure to tell"
        return undo_failure(self.error, self.batch, lang)


def undo_batch(store: Store, batch: int, user: str) -> Undo:
    """Undo one batch; a batch that does not exist, was undone already or cannot be undone
    now is the outcome's error, never an exception."""
    try:
        store.undo(batch, user=user)
    except StoreError as exc:
        return Undo(batch, exc)
    return Undo(batch)


def undo_failure(error: StoreError, batch: int, lang: str = "id") -> str:
    """Why undoing `batch` failed, for the operator: what happened and that nothing changed."""
    if isinstance(error, StoreFault):  # the store's state, in its own words, with a reference
        return error.message(lang)
    if isinstance(error, AlreadyUndone):
        key = "undo.already_undone"
    elif isinstance(error, BatchNotFound):
        key = "undo.not_found"
    else:  # the store's own words go to the log, not to the operator's screen
        log.warning("undo of batch %s refused: %s", batch, error)
        key = "undo.refused"
    return t(key, lang, batch=batch)


def add_event(store: Store, day: date, text: str, user: str) -> int:
    """Note an event (drawn on every trend chart); returns its id."""
    return store.add_event(day, text, user)


def delete_event(store: Store, event_id: int) -> None:
    store.delete_event(event_id)


def record_sign_in(store: Store, user: str, address: str, ok: bool) -> None:
    """Keep a sign-in by password, right or wrong, for the operator to read."""
    store.record_sign_in(user, address, ok)


def load_demo(store: Store, home: str = demo.JEMBER, until: date | None = None) -> tuple[int, int]:
    """Replace the store's contents with simulated data of `home`'s own regions (the Jember
    report's demo for Jember, up to `until`, default the whole campaign); returns (counts,
    targets) stored."""
    counts, targets = demo.simulate(store.regions, home, until)
    store.clear()
    store.commit_targets(
        targets, user=demo.USER, file_name=demo.FILE_NAME, sha256=demo.digest(targets), kind="demo"
    )
    store.commit_counts(
        counts, user=demo.USER, file_name=demo.FILE_NAME, sha256=demo.digest(counts), kind="demo"
    )
    if demo.covers(home):  # the demo's events happened in Jember; no other regency gets them
        for day, text in demo.EVENTS:
            if until is not None and day > until:
                continue
            store.add_event(day, text, demo.USER)
    return len(counts), len(targets)


def ensure_demo(store: Store, home: str = demo.JEMBER, until: date | None = None) -> bool:
    """Fill an empty store with the demo (up to `until`) when it is the home's own (Jember);
    True when it did.

    Any other home starts empty: its operator uploads, or asks for simulated data of its own
    regions (`try_simulated`); nothing of Jember is ever shown as another regency's.
    """
    if not demo.covers(home) or not store.is_empty():
        return False
    load_demo(store, home, until)
    return True


def try_simulated(store: Store, home: str) -> bool:
    """Fill a store that has no data yet with simulated data of `home`'s own regions, labelled
    "Data simulasi"; False (and nothing changed) once anything is stored."""
    if not store.is_empty():
        return False
    load_demo(store, home)
    return True


def boundary_sources(store: Store, geo_dir: Path) -> list[tuple[str, bytes]]:
    """Every boundary file: the folder's (CENSUS_GEO_DIR), then the uploaded ones."""
    files = geo.read_dir(geo_dir)
    stored = store.boundary_files()
    files += [(str(n), bytes(d)) for n, d in zip(stored["file_name"], stored["data"], strict=True)]
    return files


@dataclass(frozen=True)
class BoundaryUpload:
    """What became of one uploaded boundary file; `status` is one of:

    same (kept already), not_crosswalk (a CSV without the code columns), fault (ours,
    logged), refused (the file's problems, in `checked`), saved_csv (a crosswalk of `rows`
    codes), saved (a GeoJSON, with how its features matched in `outcome` and `similar`).
    """

    status: str
    rows: int = 0
    fault: SystemFault | None = None
    checked: CheckedGeo | None = None
    outcome: FileOutcome | None = None
    similar: list[dict] = field(default_factory=list)

    @property
    def stored(self) -> bool:
        return self.status in ("saved", "saved_csv")


def add_boundary_file(
    store: Store, name: str, data: bytes, user: str, *, geo_dir: Path, home: str
) -> BoundaryUpload:
    """Check one boundary (GeoJSON) or crosswalk (CSV) file and keep it if it is good.

    A GeoJSON is checked (and simplified if dense) before it is kept: a bad file is refused,
    never stored. It is matched beside the files already there, as the map will match it.
    """
    known = set(store.boundary_files(with_data=False)["sha256"])
    if sha256_of(data) in known:
        return BoundaryUpload("same")
    if name.lower().endswith(".csv"):
        rows = len(geo.read_crosswalk(data))
        if not rows:
            return BoundaryUpload("not_crosswalk")
        store.add_boundary_file(name, data, user)
        return BoundaryUpload("saved_csv", rows=rows)
    try:
        checked = check_geojson(data)
    except Exception as exc:
        return BoundaryUpload(
            "fault", fault=SystemFault(log_fault(log, f"checking boundary upload {name!r}", exc))
        )
    if not checked.ok:
        return BoundaryUpload("refused", checked=checked)
    kept = checked.data
    if sha256_of(kept) in known:
        return BoundaryUpload("same")
    files = [*boundary_sources(store, geo_dir), (name, kept)]
    bounds = geo.load_boundaries(files, store.regions, within=home)
    outcome = bounds.outcome(name)
    store.add_boundary_file(name, kept, user)
    similar = bounds.similar_report(store.regions, name)
    return BoundaryUpload("saved", checked=checked, outcome=outcome, similar=similar)


def delete_boundary_file(store: Store, file_id: int) -> None:
    store.delete_boundary_file(file_id)


def backup_store(store: Store, path: Path) -> dict[str, object]:
    """Write a portable, checksummed copy of the store's data to `path`; returns its manifest
    (format and schema version, and each table's rows and sha256)."""
    return backup.write_backup(store, path)


def check_backup(path: Path) -> dict[str, object]:
    """The manifest of a backup file whose every member matches it; BackupRefused if not."""
    return backup.read_manifest(path)


def restore_store(store: Store, path: Path, *, replace: bool = False) -> dict[str, object]:
    """Restore a backup into an empty store (or, with `replace`, instead of its data), ids
    kept, in one transaction. BackupRefused (nothing written) for a damaged file, a newer
    format, a region the store does not know, or a store holding data without `replace`."""
    return backup.restore_backup(store, path, replace=replace)

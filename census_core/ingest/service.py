"""Check and commit an upload: what the page and the command line both call."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from census_core.faults import SystemFault, log_fault
from census_core.ingest.counts import read_counts
from census_core.ingest.effect import Effect, standings_effect
from census_core.ingest.model import Options, Upload
from census_core.ingest.problems import system_fault
from census_core.ingest.targets import read_targets
from census_core.settings import Settings
from census_core.snapshot import Snapshot
from census_core.store import (
    AlreadyUndone,
    BatchNotFound,
    CommitResult,
    Store,
    StoreError,
    StoreFault,
    store_fault,
)
from census_core.text import t

log = logging.getLogger(__name__)

KINDS = ("counts", "targets")


@dataclass(frozen=True)
class Checked:
    """A file read against the store's data at one version, with its effect on the board."""

    upload: Upload
    effect: Effect | None
    version: str


def check_upload(
    data: bytes,
    file_name: str,
    kind: str,
    snap: Snapshot,
    settings: Settings,
    options: Options | None = None,
) -> Checked:
    """Read `data` as counts or targets; never raises for anything in the file."""
    options = options or Options(home=settings.home)
    if kind == "targets":
        return Checked(read_targets(data, file_name, snap.regions, options), None, snap.version)
    upload = read_counts(
        data, file_name, snap.regions, options, existing=snap.counts, targets=snap.targets
    )
    effect = None
    if upload.ok:
        try:
            effect = standings_effect(
                upload, snap.counts, snap.targets, snap.regions, default_share=settings.target_share
            )
        except Exception as exc:  # ours, not the file's
            upload.problems.append(system_fault(log, f"drawing the effect of {file_name!r}", exc))
    return Checked(upload, effect, snap.version)


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

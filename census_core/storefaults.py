"""The store's errors: a request it refuses (StoreError), or a fault of the store itself
(StoreFault: gone, locked, read-only, full, unavailable, bad URL), and the sorting of a
driver's exception into one of them."""

from __future__ import annotations

import errno
import logging
from typing import TYPE_CHECKING

import sqlalchemy as sa

from census_core.faults import log_fault
from census_core.text import t

if TYPE_CHECKING:
    from census_core.store import Store

log = logging.getLogger(__name__)


class StoreError(Exception):
    """A request the store refuses; the message says why."""


class BatchNotFound(StoreError):
    pass


class AlreadyUndone(StoreError):
    pass


class StoreFault(StoreError):
    """The store cannot serve a request (not the request's fault); the detail is logged
    under `ref`, and the message, without URL, path or host, says what to do."""

    reason = "unavailable"

    def __init__(self, ref: str) -> None:
        super().__init__(f"store {self.reason}, ref {ref}")
        self.ref = ref

    def message(self, lang: str = "id") -> str:
        return t(f"store.{self.reason}", lang, ref=self.ref)


class StoreUnavailable(StoreFault):
    """The database does not answer (server down, refused, unreachable)."""

    reason = "unavailable"


class StoreLocked(StoreFault):
    """Another process held the write lock for longer than the store waits (BUSY_SECONDS)."""

    reason = "locked"


class StoreReadOnly(StoreFault):
    """The store may be read but not written."""

    reason = "read_only"


class StoreGone(StoreFault):
    """The SQLite file was deleted or replaced under the running store."""

    reason = "gone"


class StoreFull(StoreFault):
    """No room left on the store's disk."""

    reason = "full"


class StoreBadUrl(StoreFault):
    """CENSUS_DB_URL (or --db) is not a store this product can open."""

    reason = "bad_url"


FAULTS: dict[str, type[StoreFault]] = {
    f.reason: f
    for f in (StoreUnavailable, StoreLocked, StoreReadOnly, StoreGone, StoreFull, StoreBadUrl)
}

# PostgreSQL SQLSTATE classes and codes -> reason.
_PG_STATES = {
    "53100": "full",
    "55P03": "locked",
    "25006": "read_only",
    "57P01": "unavailable",
    "57P02": "unavailable",
    "57P03": "unavailable",
    "3D000": "unavailable",
}
# SQLite's own words -> reason; other SQLite errors (no such table, syntax) are our bugs.
_SQLITE_TEXTS = (
    ("locked", "locked"),
    ("readonly", "read_only"),
    ("read-only", "read_only"),
    ("disk is full", "full"),
    ("unable to open", "unavailable"),
    ("disk i/o error", "unavailable"),
    ("file is not a database", "unavailable"),
)


def _reason(exc: BaseException, lost: bool) -> str | None:
    if isinstance(exc, sa.exc.ArgumentError):
        return "bad_url"
    if lost:
        return "gone"
    orig = exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc
    if isinstance(orig, OSError):
        return {
            errno.ENOSPC: "full",
            errno.EROFS: "read_only",
            errno.EACCES: "read_only",
            errno.ENOENT: "gone",
        }.get(orig.errno or 0, "unavailable")
    state = getattr(orig, "sqlstate", None)
    if isinstance(state, str):
        if state in _PG_STATES:
            return _PG_STATES[state]
        if state.startswith(("08", "28")):  # connection, authorization
            return "unavailable"
    if type(orig).__module__ == "sqlite3":
        text = str(orig).lower()
        return next((reason for words, reason in _SQLITE_TEXTS if words in text), None)
    if isinstance(exc, sa.exc.TimeoutError):  # no connection free in the pool in time
        return "unavailable"
    driver = type(orig).__module__.split(".")[0]
    if isinstance(exc, sa.exc.OperationalError | sa.exc.InterfaceError) and driver in (
        "psycopg",
        "psycopg2",
    ):  # refused, timed out, server gone away: a connection, not a statement, failed
        return "unavailable"
    return None


def store_fault(exc: BaseException, doing: str, store: Store | None = None) -> StoreFault | None:
    """`exc` as a StoreFault (its detail logged under a new reference), or None when it is
    not a fault of the store (a bug, a refused request): the edges' one translation."""
    if isinstance(exc, StoreFault):
        return exc
    if isinstance(exc, StoreError):
        return None
    file = store._file if store is not None else None
    reason = _reason(exc, file is not None and file.lost())
    if reason is None:
        return None
    return FAULTS[reason](log_fault(log, doing, exc))

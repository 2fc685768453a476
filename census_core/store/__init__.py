"""The store: the only module that speaks SQL (SQLAlchemy Core, SQLite or PostgreSQL).

Its errors are in census_core.storefaults, and can be imported from here too.

Package: The store: the only code that speaks SQL, the columnar read of its counts, and the
simulated demo data. May import regions, settings, text, words, markup, faults, storefaults,
paths, digest.
"""

from __future__ import annotations

import functools
import logging
import os
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import ParamSpec, TypeVar
from urllib.parse import quote

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from census_core.digest import sha256_of
from census_core.faults import log_fault
from census_core.markup import clean_text
from census_core.regions import Regions, load_regions
from census_core.store.columns import latest_counts, latest_counts_from_text
from census_core.storefaults import FAULTS as FAULTS
from census_core.storefaults import (
    AlreadyUndone,
    BatchNotFound,
    StoreBadUrl,
    StoreError,
    StoreGone,
    store_fault,
)
from census_core.storefaults import StoreFault as StoreFault
from census_core.storefaults import StoreFull as StoreFull
from census_core.storefaults import StoreLocked as StoreLocked
from census_core.storefaults import StoreReadOnly as StoreReadOnly
from census_core.storefaults import StoreUnavailable as StoreUnavailable

log = logging.getLogger(__name__)

# How long a writer waits for another's lock before saying so (SQLite busy timeout,
# PostgreSQL lock_timeout): long enough for any one upload, short enough to wait for.
BUSY_SECONDS = 10

# The tables' columns as this code writes them; a backup of a newer schema is not restored.
SCHEMA_VERSION = 1
MEASURES = ("households", "persons")
KINDS = ("counts", "targets", "demo")

metadata = sa.MetaData()

meta_table = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.String(256), nullable=False),
)
regions_table = sa.Table(
    "regions",
    metadata,
    sa.Column("code", sa.String(16), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("level", sa.String(16), nullable=False),
    sa.Column("parent", sa.String(16), nullable=True, index=True),
)
batches_table = sa.Table(
    "batches",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("user", sa.String(120), nullable=False),
    sa.Column("file_name", sa.String(260), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Column("changed", sa.Integer, nullable=False),
    sa.Column("undone", sa.Boolean, nullable=False, default=False),
    sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("undone_by", sa.String(120), nullable=True),
)
counts_table = sa.Table(
    "counts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("batch_id", sa.Integer, sa.ForeignKey("batches.id"), nullable=False),
    sa.Column("region", sa.String(16), sa.ForeignKey("regions.code"), nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("measure", sa.String(16), nullable=False),
    sa.Column("value", sa.BigInteger, nullable=False),
    sa.UniqueConstraint("batch_id", "region", "date", "measure"),
    # No (measure, region, date) index: reads scan every count once (census_core.store.columns) and
    # uploads look up their dates; such an index only slowed every insert of a national file.
    # An upload compares with the current values of its own dates only.
    sa.Index("ix_counts_date", "date"),
)
targets_table = sa.Table(
    "targets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("batch_id", sa.Integer, sa.ForeignKey("batches.id"), nullable=False),
    sa.Column("region", sa.String(16), sa.ForeignKey("regions.code"), nullable=False),
    sa.Column("measure", sa.String(16), nullable=False),
    sa.Column("base", sa.BigInteger, nullable=False),
    # NULL share means "the campaign's default" (CENSUS_TARGET_PCT).
    sa.Column("share", sa.Float, nullable=True),
    # Who set the target ("Pemkab 50%", "BPS 22%"); "" for the unnamed target of older stores.
    sa.Column("source", sa.String(80), nullable=False, server_default=""),
    sa.UniqueConstraint("batch_id", "region", "measure", "source", name="uq_targets_source"),
)
events_table = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("text", sa.String(500), nullable=False),
    sa.Column("user", sa.String(120), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False, default=False),
)

# Boundary files uploaded by an operator, kept whole so every replica reads the same shapes.
boundaries_table = sa.Table(
    "boundaries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("file_name", sa.String(260), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("user", sa.String(120), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False, default=False),
)

# Operator sign-ins by password, right and wrong, for the operator to read on /unggah.
sign_ins_table = sa.Table(
    "sign_ins",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("user", sa.String(120), nullable=False),
    sa.Column("address", sa.String(64), nullable=False),
    sa.Column("ok", sa.Boolean, nullable=False),
)
SIGN_INS_KEPT = 10_000  # the newest; a record of guesses must not fill the disk


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _guarded(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """Raise the store's faults as StoreFault; everything else as it was."""

    @functools.wraps(method)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(*args, **kwargs)
        except StoreError:
            raise
        except Exception as exc:
            store = args[0] if args and isinstance(args[0], Store) else None
            fault = store_fault(exc, f"{method.__name__} on the store", store)
            if fault is None:
                raise
            raise fault from None  # the detail is in the log; none of it is shown

    return wrapper


class _SqliteFile:
    """The SQLite file of a store: made on a first start only, then opened as it was found.

    Its device and inode are taken at the first open; a file deleted or replaced under the
    running store is noticed (lost()) instead of a new empty file being made, or writes
    going to a deleted one.
    """

    def __init__(self, path: str, mode: str | None) -> None:
        self.path = path
        self.forced_mode = mode  # from a URL with ?mode=ro&uri=true
        self.identity: tuple[int, int] | None = None

    def _stat(self) -> tuple[int, int] | None:
        try:
            found = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (found.st_dev, found.st_ino)

    def lost(self) -> bool:
        return self.identity is not None and self._stat() != self.identity

    def check(self) -> None:
        if self.lost():
            raise StoreGone(
                log_fault(log, "opening the store", FileNotFoundError("store file deleted"))
            )

    def writable(self) -> bool:
        folder = os.path.dirname(self.path) or "."
        return os.access(self.path, os.W_OK) and os.access(folder, os.W_OK)

    def uri(self) -> str:
        """How to open it now: create only on a first start; read-only when it cannot be
        written (immutable when not even SQLite's shared-memory file can be made)."""
        self.check()
        exists = os.path.exists(self.path)
        if self.forced_mode:
            mode = self.forced_mode
        elif not exists and self.identity is None:
            mode = "rwc"
        elif exists and not self.writable():
            mode = "ro"
        else:
            mode = "rw"
        uri = f"file:{quote(self.path)}?mode={mode}"
        folder = os.path.dirname(self.path) or "."
        # A read-only folder where no reader made the WAL's shared-memory file: none can be.
        shm = os.path.exists(self.path + "-shm")
        if mode == "ro" and not os.access(folder, os.W_OK) and not shm:
            uri += "&immutable=1"
        return uri

    def opened(self) -> None:
        if self.identity is None:
            self.identity = self._stat()


@dataclass
class Write:
    """One write in progress (Store.writing): its connection, and whether it changed anything."""

    conn: Connection
    changed: bool = True


@dataclass(frozen=True)
class CommitResult:
    batch: int | None
    rows: int
    changed: int


def _now() -> datetime:
    return datetime.now(UTC)


def _sqlite_file(url: str) -> _SqliteFile | None:
    parsed = sa.engine.make_url(url)
    path = parsed.database
    if not path or path == ":memory:" or path.startswith("file::memory:"):
        return None
    mode: str | None = None
    if path.startswith("file:"):
        path = path[len("file:") :]
        asked = parsed.query.get("mode")
        mode = asked if isinstance(asked, str) else None
    return _SqliteFile(path, mode)


def _make_engine(url: str) -> tuple[Engine, _SqliteFile | None]:
    if url.startswith("sqlite"):
        file = _sqlite_file(url)
        if file is not None and file.identity is None and not os.path.exists(file.path):
            Path(file.path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": BUSY_SECONDS})

        if file is not None:

            @sa.event.listens_for(engine, "do_connect")
            def _open(_dialect, _record, cargs, cparams):  # type: ignore[no-untyped-def]
                # Never SQLite's default (make the file if missing) under a running store.
                cargs[:] = [file.uri()]
                cparams["uri"] = True

        @sa.event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            # Let SQLAlchemy's "begin" event choose BEGIN vs BEGIN IMMEDIATE.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            if file is not None:
                file.opened()
                if file.writable() and file.forced_mode in (None, "rw", "rwc"):
                    cur.execute("PRAGMA journal_mode=WAL")
                # Checkpoints run after a commit, off its path (Store._checkpoint_soon).
                cur.execute("PRAGMA wal_autocheckpoint=0")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
            # 64 MB of page cache: an upload updates the (measure, region, date) index all over.
            cur.execute("PRAGMA cache_size=-65536")
            cur.close()

        @sa.event.listens_for(engine, "begin")
        def _on_begin(conn):  # type: ignore[no-untyped-def]
            # Writers take the lock up front so two writers never deadlock on upgrade.
            immediate = conn.get_execution_options().get("write", False)
            if file is not None:
                file.check()
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
            if immediate and file is not None and file.lost():
                # Deleted while this writer waited for the lock: write nothing there.
                conn.exec_driver_sql("ROLLBACK")
                file.check()

        @sa.event.listens_for(engine, "commit")
        def _on_commit(conn):  # type: ignore[no-untyped-def]
            # The last moment to refuse: a batch committed to a deleted file is lost.
            if file is not None:
                file.check()

        return engine, file
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    # A server that does not answer is a message after a few seconds, not a hung page.
    timeout = {"connect_timeout": BUSY_SECONDS} if url.startswith("postgresql") else {}
    return sa.create_engine(url, pool_pre_ping=True, connect_args=timeout), None


def _add_target_source(conn: Connection) -> None:
    """Stores made before targets had a source: the column added ("" for every stored target),
    and the one-target-per-region-and-measure rule widened to one per source (SQLite and
    PostgreSQL); a no-op on a store that has it, or has no targets table yet."""
    inspector = sa.inspect(conn)
    if targets_table.name not in inspector.get_table_names():
        return
    if "source" in {c["name"] for c in inspector.get_columns(targets_table.name)}:
        return
    if conn.dialect.name == "sqlite":
        # SQLite cannot drop a constraint: the table is made again and its rows copied.
        conn.exec_driver_sql("ALTER TABLE targets RENAME TO targets_before_source")
        targets_table.create(conn)
        conn.exec_driver_sql(
            "INSERT INTO targets (id, batch_id, region, measure, base, share, source) "
            "SELECT id, batch_id, region, measure, base, share, '' FROM targets_before_source"
        )
        conn.exec_driver_sql("DROP TABLE targets_before_source")
        return
    conn.exec_driver_sql("ALTER TABLE targets ADD COLUMN source VARCHAR(80) NOT NULL DEFAULT ''")
    for unique in inspector.get_unique_constraints(targets_table.name):
        if unique["name"] and set(unique["column_names"]) == {"batch_id", "region", "measure"}:
            conn.exec_driver_sql(f'ALTER TABLE targets DROP CONSTRAINT "{unique["name"]}"')
    conn.exec_driver_sql(
        "ALTER TABLE targets ADD CONSTRAINT uq_targets_source "
        "UNIQUE (batch_id, region, measure, source)"
    )


class Store:
    """One census store at one SQLAlchemy URL; ready (schema and regions) on first use."""

    def __init__(self, url: str, regions: Regions | None = None) -> None:
        self.url = url
        try:
            self.engine, self._file = _make_engine(url)
        except Exception as exc:  # not a URL, an unknown kind of database, a missing driver
            raise StoreBadUrl(log_fault(log, "opening the store's URL", exc)) from None
        self.regions = regions or load_regions()
        self._ready = False
        self._ready_lock = threading.Lock()
        self._checkpointing = threading.Lock()

    @property
    def counts_file(self) -> Path | None:
        """Where a columnar copy of the current counts is kept (store/counts_file.py): beside a
        SQLite file; for a server database, in this machine's temporary folder, named by a
        digest of the URL (a replica restarted on the same machine starts from it). None for
        an in-memory store."""
        if self._file is None:
            if self.engine.dialect.name == "sqlite":
                return None
            folder = Path(tempfile.gettempdir()) / "pantau-sensus"
            return folder / f"{sha256_of(self.url.encode())[:24]}-counts.arrow"
        if self._file.path in ("", ":memory:"):
            return None
        return Path(self._file.path + "-counts.arrow")

    def _read(self) -> Connection:
        """A connection to read with: the store as it was opened, or StoreGone."""
        if self._file is not None:
            self._file.check()
        return self.engine.connect()

    def _write(self) -> Connection:
        """A connection whose transaction holds the store's write lock."""
        if self._file is not None:
            self._file.check()
        return self.engine.connect().execution_options(write=True)

    def _lock(self, conn: Connection) -> None:
        if self.engine.dialect.name == "postgresql":
            # One writer at a time across every replica sharing the database; a writer that
            # holds it too long is reported (StoreLocked), not waited for without end.
            conn.execute(sa.text(f"SET LOCAL lock_timeout = '{BUSY_SECONDS}s'"))
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(735090)"))

    @contextmanager
    def _locked(self) -> Iterator[Connection]:
        """A transaction that holds the store's write lock; committed on leaving."""
        with self._write() as conn, conn.begin():
            self._lock(conn)
            yield conn

    @contextmanager
    def writing(self, *, bump: bool = True) -> Iterator[Write]:
        """One write, all or nothing: the lock, the caller's statements, the version bump and
        the commit, then a checkpoint in the background; an exception inside writes nothing.

        `bump=False` for what is not census data (a sign-in): pages do not reload for it,
        and on PostgreSQL it does not queue behind an upload for the writers' lock. A write
        that sets `changed = False` (it found every value current) leaves the version too.
        """
        self.ensure_ready()
        if bump:
            with self._locked() as conn:
                write = Write(conn)
                yield write
                if write.changed:
                    self._bump(conn)
        else:
            with self._write() as conn, conn.begin():
                write = Write(conn)
                yield write
        if write.changed:
            self._checkpoint_soon()

    @_guarded
    def ensure_ready(self) -> None:
        if self._ready:
            return
        with self._ready_lock:
            if self._ready:
                return
            if self._complete():  # reading needs no write access (a read-only store)
                self._ready = True
                return
            with self._locked() as conn:
                _add_target_source(conn)
                metadata.create_all(conn, checkfirst=True)
                # Stores made before an index was added get it now (once; later a no-op).
                for index in counts_table.indexes:
                    index.create(conn, checkfirst=True)
                has_regions = conn.execute(sa.select(regions_table.c.code).limit(1)).first()
                if not has_regions:
                    frame = self.regions.frame[["code", "name", "level", "parent"]]
                    conn.execute(regions_table.insert(), frame.to_dict("records"))
                    conn.execute(meta_table.insert(), [{"key": "version", "value": "0"}])
            self._ready = True

    def _complete(self) -> bool:
        """Every table and index of the schema is there, and the regions (read only)."""
        with self._read() as conn:
            inspector = sa.inspect(conn)
            tables = set(inspector.get_table_names())
            if not set(metadata.tables) <= tables:
                return False
            if "source" not in {c["name"] for c in inspector.get_columns(targets_table.name)}:
                return False
            indexes = {i["name"] for i in inspector.get_indexes(counts_table.name)}
            if not {i.name for i in counts_table.indexes} <= indexes:
                return False
            return conn.execute(sa.select(regions_table.c.code).limit(1)).first() is not None

    def _bump(self, conn: Connection) -> None:
        conn.execute(
            meta_table.update()
            .where(meta_table.c.key == "version")
            .values(value=sa.cast(sa.cast(meta_table.c.value, sa.Integer) + 1, sa.String))
        )

    @_guarded
    def version(self) -> str:
        """A cheap token that changes whenever anything stored changes."""
        self.ensure_ready()
        with self._read() as conn:
            value = conn.execute(
                sa.select(meta_table.c.value).where(meta_table.c.key == "version")
            ).scalar_one()
        return str(value)

    @_guarded
    def is_empty(self) -> bool:
        self.ensure_ready()
        with self._read() as conn:
            return conn.execute(sa.select(batches_table.c.id).limit(1)).first() is None

    def _current_counts_query(
        self, measure: str | None, dates: list[date] | None = None, regions: list[str] | None = None
    ) -> sa.Select:
        c, b = counts_table, batches_table
        rank = (
            sa.func.row_number()
            .over(partition_by=(c.c.region, c.c.date, c.c.measure), order_by=c.c.batch_id.desc())
            .label("rn")
        )
        inner = (
            sa.select(c.c.region, c.c.date, c.c.measure, c.c.value, c.c.batch_id, rank)
            .join(b, b.c.id == c.c.batch_id)
            .where(b.c.undone.is_(False))
        )
        if measure is not None:
            inner = inner.where(c.c.measure == measure)
        # Date and region are partition keys: filtering before the window changes no result
        # and lets the database read one day's rows instead of the whole history.
        if dates is not None:
            inner = inner.where(c.c.date.in_(dates))
        if regions is not None:
            inner = inner.where(c.c.region.in_(regions))
        sub = inner.subquery()
        return sa.select(
            sub.c.region, sub.c.date, sub.c.measure, sub.c.value, sub.c.batch_id
        ).where(sub.c.rn == 1)

    @_guarded
    def current_counts(
        self,
        measure: str | None = None,
        *,
        batches: Sequence[int] | None = None,
        within: Sequence[str] | None = None,
    ) -> pd.DataFrame:
        """The current value of every (region, date, measure): latest batch not undone.

        With `batches`, the latest among those batches only (a snapshot taking in new ones).
        With `within`, only the regions with those codes and their descendants (one regency's
        counts out of a national store, filtered by the database).
        """
        self.ensure_ready()
        c, b = counts_table, batches_table
        # Plain rows of active batches, dates as text (no per-row conversion); the latest batch
        # per key is picked in numpy (census_core.store.columns), not by a window over every row.
        # SQLite keeps dates as ISO text already: a cast would only cost time.
        day = c.c.date if self.engine.dialect.name == "sqlite" else sa.cast(c.c.date, sa.String)
        query = sa.select(c.c.region, day.label("date"), c.c.measure, c.c.value, c.c.batch_id)
        if batches is not None and not batches:
            return latest_counts([])
        if batches is not None:
            query = query.where(c.c.batch_id.in_([int(x) for x in batches]))
        else:
            query = query.where(c.c.batch_id.not_in(sa.select(b.c.id).where(b.c.undone.is_(True))))
        if measure is not None:
            query = query.where(c.c.measure == measure)
        if within is not None:
            query = query.where(_within(c.c.region, within))
        sql = str(query.compile(self.engine, compile_kwargs={"literal_binds": True}))
        with self._read() as conn:
            # The driver's own cursor: millions of rows are too many for a Row object each.
            driver = conn.connection.driver_connection
            if self.engine.dialect.name == "postgresql":
                # COPY streams the rows as text, parsed by pandas' C reader: no Python object
                # per row (a national store loads in a fraction of the time of a cursor).
                cursor = driver.cursor()  # type: ignore[union-attr]
                try:
                    with cursor.copy(f"COPY ({sql}) TO STDOUT") as copy:
                        return latest_counts_from_text(copy)
                finally:
                    cursor.close()
            cursor = driver.cursor()  # type: ignore[union-attr]
            try:
                if self.engine.dialect.name == "sqlite":
                    # SQLite joins the rows into a few long texts itself (in C), in groups of
                    # row ids; pandas parses them as PostgreSQL's COPY output.
                    inner = str(
                        query.add_columns(c.c.id).compile(
                            self.engine, compile_kwargs={"literal_binds": True}
                        )
                    )
                    cursor.execute(
                        "SELECT group_concat(region || char(9) || date || char(9) || measure "
                        "|| char(9) || value || char(9) || batch_id, char(10)) || char(10) "
                        f"FROM ({inner}) GROUP BY id / 200000"
                    )
                    return latest_counts_from_text(row[0].encode() for row in cursor)
                cursor.execute(sql)
                return latest_counts(iter(lambda: cursor.fetchmany(100_000), []))
            finally:
                cursor.close()

    @_guarded
    def current_targets(self) -> pd.DataFrame:
        """The current base and share of every (region, measure), with the batch they came in."""
        self.ensure_ready()
        with self._read() as conn:
            return self._current_targets(conn)

    def _current_targets(self, conn: Connection) -> pd.DataFrame:
        t, b = targets_table, batches_table
        columns = ["region", "measure", "base", "share", "source", "batch_id"]
        query = (
            sa.select(t.c.region, t.c.measure, t.c.base, t.c.share, t.c.source, t.c.batch_id)
            .join(b, b.c.id == t.c.batch_id)
            .where(b.c.undone.is_(False))
        )
        sql = str(query.compile(self.engine, compile_kwargs={"literal_binds": True}))
        # Plain rows through the driver's cursor, the latest batch per (region, measure, source)
        # picked by pandas: a window over a national store's 90,000 targets and a Row object
        # each took 0.4 s of a fresh replica's start, this 0.1 s.
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql)
            rows = cursor.fetchall()
        finally:
            cursor.close()
        frame = pd.DataFrame(rows, columns=columns)
        if frame.empty:
            return frame
        frame = frame.sort_values(
            ["region", "measure", "source", "batch_id"],
            ascending=[True, True, True, False],
            kind="stable",
        )
        return frame.drop_duplicates(["region", "measure", "source"]).reset_index(drop=True)

    @_guarded
    def has_targets(self, batch_ids: list[int]) -> bool:
        """True when one of these batches stored a target."""
        if not batch_ids:
            return False
        self.ensure_ready()
        with self._read() as conn:
            found = conn.execute(
                sa.select(targets_table.c.batch_id)
                .where(targets_table.c.batch_id.in_(batch_ids))
                .limit(1)
            ).first()
        return found is not None

    @_guarded
    def batches(self) -> pd.DataFrame:
        """Every batch, newest first: who uploaded what, when, and how much it changed."""
        self.ensure_ready()
        with self._read() as conn:
            rows = conn.execute(sa.select(batches_table).order_by(batches_table.c.id.desc())).all()
        return pd.DataFrame(rows, columns=[c.name for c in batches_table.columns])

    @_guarded
    def batch(self, batch_id: int) -> dict[str, object]:
        self.ensure_ready()
        with self._read() as conn:
            row = conn.execute(
                sa.select(batches_table).where(batches_table.c.id == batch_id)
            ).first()
        if row is None:
            raise BatchNotFound(f"Batch {batch_id} does not exist")
        return dict(row._mapping)

    @_guarded
    def count_history(self, region: str, measure: str | None = None) -> pd.DataFrame:
        """Every count ever stored for one region, undone or not, with its batch: batch_id,
        date, measure, value, created_at, user, file_name, kind, undone; by batch, then date."""
        return self.count_histories([region], measure).drop(columns="region")

    def count_histories(self, regions: Sequence[str], measure: str | None = None) -> pd.DataFrame:
        """`count_history` of several regions in one read, with a region column first."""
        self.ensure_ready()
        c, b, r = counts_table, batches_table, regions_table
        wanted = sorted(set(regions))
        # The range of the wanted codes in the database's own order of text (its collation,
        # which may sort "35.09.9" before "35.09.10"), read from the regions' primary key:
        # bounds taken in Python's order could leave wanted codes outside it.
        codes = sa.select(r.c.code).where(r.c.code.in_(wanted)).subquery()
        low = sa.select(sa.func.min(codes.c.code)).scalar_subquery()
        high = sa.select(sa.func.max(codes.c.code)).scalar_subquery()
        query = (
            sa.select(
                c.c.region,
                c.c.batch_id,
                c.c.date,
                c.c.measure,
                c.c.value,
                b.c.created_at,
                b.c.user,
                b.c.file_name,
                b.c.kind,
                b.c.undone,
            )
            .join(b, b.c.id == c.c.batch_id)
            .where(
                # The counts have no index by region (it slowed every upload), but their
                # unique index leads with the batch: naming every batch lets the database seek,
                # per batch, to the regions' range of codes instead of scanning every count
                # (national scale: 1.0 -> 0.06 s on SQLite, 0.5 -> 0.07 s on PostgreSQL).
                c.c.batch_id.in_(sa.select(b.c.id)),
                c.c.region >= low,
                c.c.region <= high,
                c.c.region.in_(wanted),
            )
            .order_by(c.c.region, c.c.batch_id, c.c.date, c.c.measure)
        )
        if measure is not None:
            query = query.where(c.c.measure == measure)
        with self._read() as conn:
            rows = conn.execute(query).all()
        columns = ["region", "batch_id", "date", "measure", "value", "created_at", "user"]
        columns.append("file_name")
        frame = pd.DataFrame(rows, columns=[*columns, "kind", "undone"])
        frame["date"] = pd.to_datetime(frame["date"]).dt.date
        frame["undone"] = frame["undone"].astype(bool)
        return frame

    @_guarded
    def commit_counts(
        self,
        records: pd.DataFrame,
        *,
        user: str,
        file_name: str,
        sha256: str,
        kind: str = "counts",
    ) -> CommitResult:
        """Store one upload of counts (region, date, measure, value) as one batch, atomically.

        A file whose every value is already current changes nothing and makes no batch.
        """
        records = records[["region", "date", "measure", "value"]].copy()
        records["date"] = pd.to_datetime(records["date"]).dt.date
        with self.writing() as write:
            current = self._current_for(write.conn, records)
            merged = records.merge(current, on=["region", "date", "measure"], how="left")
            changed = int((merged["current"].isna() | (merged["current"] != merged["value"])).sum())
            if changed == 0:
                write.changed = False
                return CommitResult(batch=None, rows=len(records), changed=0)
            batch_id = self._insert_batch(
                write.conn, user, file_name, sha256, kind, len(records), changed
            )
            self._insert_counts(write.conn, batch_id, records)
        return CommitResult(batch=batch_id, rows=len(records), changed=changed)

    def _insert_counts(self, conn: Connection, batch_id: int, records: pd.DataFrame) -> None:
        """One executemany through the driver: SQLAlchemy's per-row parameter handling costs
        more than the insert itself for a national file (80,000 rows)."""
        sqlite = self.engine.dialect.name == "sqlite"
        days = [d.isoformat() if sqlite else d for d in records["date"].tolist()]
        rows = list(
            zip(
                [batch_id] * len(records),
                records["region"].astype(str).tolist(),
                days,
                records["measure"].astype(str).tolist(),
                records["value"].astype("int64").tolist(),
                strict=True,
            )
        )
        if self.engine.dialect.name == "postgresql":
            # COPY inside the same transaction: a national file in a fraction of the time of
            # an INSERT per row, and still all or nothing.
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                with cursor.copy(
                    "COPY counts (batch_id, region, date, measure, value) FROM STDIN"
                ) as copy:
                    for row in rows:
                        copy.write_row(row)
            finally:
                cursor.close()
            return
        mark = "?" if self.engine.dialect.paramstyle == "qmark" else "%s"
        sql = (
            "INSERT INTO counts (batch_id, region, date, measure, value) "
            f"VALUES ({', '.join([mark] * 5)})"
        )
        conn.exec_driver_sql(sql, rows)

    def _checkpoint_soon(self) -> None:
        """Fold SQLite's write-ahead log into the database file in the background.

        Automatic checkpoints are off (see _make_engine): they would run inside the upload's
        COMMIT and double its time. The commit is durable in the log already.
        """
        if self._file is not None:
            self._file.check()  # a batch committed to a file deleted meanwhile is lost: say so
        if self.engine.dialect.name != "sqlite" or self._checkpointing.locked():
            return

        def run() -> None:
            with self._checkpointing:
                try:
                    with self._read() as conn:
                        # The driver's connection, outside any transaction (a checkpoint
                        # cannot run inside one).
                        raw = conn.connection.driver_connection
                        raw.execute("PRAGMA wal_checkpoint(PASSIVE)")  # type: ignore[union-attr]
                except Exception:
                    pass

        threading.Thread(target=run, name="census-checkpoint", daemon=True).start()

    def _current_for(self, conn: Connection, records: pd.DataFrame) -> pd.DataFrame:
        dates = sorted(set(records["date"]))
        regions = sorted(set(records["region"]))
        query = self._current_counts_query(None, dates, regions if len(regions) <= 500 else None)
        sub = query.subquery()
        stmt = sa.select(sub.c.region, sub.c.date, sub.c.measure, sub.c.value)
        rows = conn.execute(stmt).all()
        frame = pd.DataFrame(rows, columns=["region", "date", "measure", "current"])
        frame["date"] = pd.to_datetime(frame["date"]).dt.date if len(frame) else frame["date"]
        return frame

    @_guarded
    def commit_targets(
        self,
        records: pd.DataFrame,
        *,
        user: str,
        file_name: str,
        sha256: str,
        kind: str = "targets",
    ) -> CommitResult:
        """Store one upload of targets (region, measure, base, share, source) as one batch;
        a record without a source is the unnamed target ("")."""
        records = records.copy()
        if "source" not in records.columns:
            records["source"] = ""
        records["source"] = records["source"].fillna("").astype(str)
        records = records[["region", "measure", "base", "share", "source"]]
        with self.writing() as write:
            current = self._current_targets(write.conn)[
                ["region", "measure", "base", "share", "source"]
            ]
            merged = records.merge(
                current, on=["region", "measure", "source"], how="left", suffixes=("", "_cur")
            )
            same = (merged["base"] == merged["base_cur"]) & (
                (merged["share"] == merged["share_cur"])
                | (merged["share"].isna() & merged["share_cur"].isna())
            )
            changed = int((~same).sum())
            if changed == 0:
                write.changed = False
                return CommitResult(batch=None, rows=len(records), changed=0)
            batch_id = self._insert_batch(
                write.conn, user, file_name, sha256, kind, len(records), changed
            )
            rows = records.assign(batch_id=batch_id).astype({"base": "int64"})
            rows["share"] = rows["share"].astype(object).where(rows["share"].notna(), None)
            write.conn.execute(targets_table.insert(), rows.to_dict("records"))
        return CommitResult(batch=batch_id, rows=len(records), changed=changed)

    def _insert_batch(
        self,
        conn: Connection,
        user: str,
        file_name: str,
        sha256: str,
        kind: str,
        rows: int,
        changed: int,
    ) -> int:
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}")
        result = conn.execute(
            batches_table.insert().values(
                created_at=_now(),
                user=clean_text(user, 120),
                file_name=clean_text(file_name, 260),
                sha256=sha256,
                kind=kind,
                rows=rows,
                changed=changed,
                undone=False,
            )
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    @_guarded
    def undo(self, batch_id: int, user: str = "") -> None:
        """Mark a batch undone; its values stop counting, its rows stay in history."""
        with self.writing() as write:
            row = write.conn.execute(
                sa.select(batches_table.c.undone).where(batches_table.c.id == batch_id)
            ).first()
            if row is None:
                raise BatchNotFound(f"Batch {batch_id} does not exist")
            if row[0]:
                raise AlreadyUndone(f"Batch {batch_id} is already undone")
            write.conn.execute(
                batches_table.update()
                .where(batches_table.c.id == batch_id)
                .values(undone=True, undone_at=_now(), undone_by=clean_text(user, 120))
            )

    @_guarded
    def clear(self) -> None:
        """Remove every batch, count, target and event (used before reloading the demo)."""
        with self.writing() as write:
            for table in (counts_table, targets_table, events_table, batches_table):
                write.conn.execute(table.delete())

    @_guarded
    def add_event(self, day: date, text: str, user: str) -> int:
        with self.writing() as write:
            result = write.conn.execute(
                events_table.insert().values(
                    date=day,
                    text=clean_text(text, 500),
                    user=clean_text(user, 120),
                    created_at=_now(),
                    deleted=False,
                )
            )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    @_guarded
    def delete_event(self, event_id: int) -> None:
        with self.writing() as write:
            write.conn.execute(
                events_table.update().where(events_table.c.id == event_id).values(deleted=True)
            )

    @_guarded
    def events(self) -> pd.DataFrame:
        self.ensure_ready()
        e = events_table
        with self._read() as conn:
            rows = conn.execute(
                sa.select(e.c.id, e.c.date, e.c.text, e.c.user)
                .where(e.c.deleted.is_(False))
                .order_by(e.c.date, e.c.id)
            ).all()
        frame = pd.DataFrame(rows, columns=["id", "date", "text", "user"])
        frame["date"] = pd.to_datetime(frame["date"])
        return frame

    @_guarded
    def add_boundary_file(self, file_name: str, data: bytes, user: str) -> int:
        """Keep one uploaded boundary (GeoJSON) or crosswalk (CSV) file."""
        with self.writing() as write:
            result = write.conn.execute(
                boundaries_table.insert().values(
                    file_name=clean_text(file_name, 260),
                    sha256=sha256_of(data),
                    data=data,
                    user=clean_text(user, 120),
                    created_at=_now(),
                    deleted=False,
                )
            )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    @_guarded
    def delete_boundary_file(self, file_id: int) -> None:
        with self.writing() as write:
            write.conn.execute(
                boundaries_table.update()
                .where(boundaries_table.c.id == file_id)
                .values(deleted=True)
            )

    @_guarded
    def record_sign_in(self, user: str, address: str, ok: bool, keep: int = SIGN_INS_KEPT) -> None:
        """Note a sign-in by password, right or wrong; only the newest `keep` are kept.

        Not a change of the data: the version stays, so no page reloads for it.
        """
        s = sign_ins_table
        with self.writing(bump=False) as write:
            result = write.conn.execute(
                s.insert().values(
                    created_at=_now(),
                    user=clean_text(user, 120),
                    address=clean_text(address, 64),
                    ok=ok,
                )
            )
            newest = int(result.inserted_primary_key[0])  # type: ignore[index]
            write.conn.execute(s.delete().where(s.c.id <= newest - keep))

    @_guarded
    def sign_ins(self, limit: int = 200) -> pd.DataFrame:
        """The newest sign-ins by password first: created_at, user, address, ok."""
        self.ensure_ready()
        s = sign_ins_table
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(s.c.created_at, s.c.user, s.c.address, s.c.ok)
                .order_by(s.c.id.desc())
                .limit(limit)
            ).all()
        return pd.DataFrame(rows, columns=["created_at", "user", "address", "ok"])

    @_guarded
    def boundary_files(self, with_data: bool = True) -> pd.DataFrame:
        """Uploaded boundary files still in use: id, file_name, sha256, user, created_at[, data]."""
        self.ensure_ready()
        b = boundaries_table
        cols = [b.c.id, b.c.file_name, b.c.sha256, b.c.user, b.c.created_at]
        if with_data:
            cols.append(b.c.data)
        with self._read() as conn:
            rows = conn.execute(
                sa.select(*cols).where(b.c.deleted.is_(False)).order_by(b.c.id)
            ).all()
        return pd.DataFrame(rows, columns=[c.name for c in cols])


def _within(region: sa.ColumnElement[str], codes: Sequence[str]) -> sa.ColumnElement[bool]:
    """`region` is one of `codes` or lies under one: one IN list per code length.

    Not one condition per code: SQLite refuses an expression tree deeper than 1,000, which a
    file of every kecamatan of the country (514 kabupaten/kota) passed.
    """
    wanted = sorted(set(codes))
    if not wanted:
        return sa.false()
    lengths = sorted({len(code) for code in wanted})
    return sa.or_(
        region.in_(wanted),
        *(
            sa.func.substr(region, 1, n + 1).in_([code + "." for code in wanted if len(code) == n])
            for n in lengths
        ),
    )


@lru_cache(maxsize=8)
def get_store(url: str) -> Store:
    """One Store (and engine pool) per URL per process."""
    return Store(url)

"""A portable copy of the store: one zip file, readable by any store (SQLite or PostgreSQL).

The zip holds `manifest.json` and one JSON-lines member per table (`<table>.jsonl`): each line
is one row as a JSON array, in the order of the manifest's `columns`. Dates and times are ISO
text (times in UTC), binary data base64. The manifest names the format and its version, the
store's schema version, and for every member its row count and sha256: a restore checks all
of them before it writes anything, then writes every table in one transaction, ids kept, so
that batches, provenance and undo work as they did.

Not copied: the region master (`regions`, made by every store from the same file; a backup
whose rows name a region the store does not know is refused) and `meta` (the store's version
token, bumped by the restore so every page reloads).
"""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import json
import os
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from census_core.store import (
    SCHEMA_VERSION,
    Store,
    batches_table,
    boundaries_table,
    counts_table,
    events_table,
    sign_ins_table,
    targets_table,
)
from census_core.text import t

FORMAT = "pantau-sensus-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
# In the order a restore writes them (batches before the rows that name them).
TABLES: tuple[sa.Table, ...] = (
    batches_table,
    counts_table,
    targets_table,
    events_table,
    boundaries_table,
    sign_ins_table,
)
CHUNK = 50_000  # rows per read and per insert: a national store never sits in memory whole


class BackupRefused(Exception):
    """A backup file that is not restored (or a store it is not restored into); nothing written.

    `key` is the word catalogue's key (`backup.<reason>`), `values` fill it in.
    """

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(f"refused: {key} {values}")
        self.key = key
        self.values = values

    def message(self, lang: str = "id") -> str:
        return t(self.key, lang, **self.values)


# -- values to JSON and back ---------------------------------------------------------------


def _utc(value: datetime) -> datetime:
    # SQLite keeps no zone: the store writes UTC (store._now), so a naive time is UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _dump(value: object) -> object:
    if isinstance(value, datetime):
        return _utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _loader(column: sa.Column) -> Any:
    kind = column.type
    if isinstance(kind, sa.DateTime):
        return lambda v: None if v is None else _utc(datetime.fromisoformat(v))
    if isinstance(kind, sa.Date):
        return lambda v: None if v is None else date.fromisoformat(v)
    if isinstance(kind, sa.LargeBinary):
        return lambda v: None if v is None else base64.b64decode(v, validate=True)
    if isinstance(kind, sa.Boolean):
        return lambda v: None if v is None else bool(v)
    return lambda v: v


# -- writing -------------------------------------------------------------------------------


def write_backup(store: Store, path: str | Path) -> dict[str, Any]:
    """Write the store's every table to `path` (a zip); returns the manifest.

    The tables are read in one transaction (one consistent state, while uploads go on) and
    the file appears whole or not at all (written beside it, then renamed).
    """
    store.ensure_ready()
    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    tables: dict[str, dict[str, Any]] = {}
    try:
        with (
            zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive,
            _snapshot(store) as conn,
        ):
            for table in TABLES:
                member = f"{table.name}.jsonl"
                digest, rows = hashlib.sha256(), 0
                with archive.open(member, "w", force_zip64=True) as out:
                    for chunk in _rows(conn, table):
                        text = "".join(
                            json.dumps([_dump(v) for v in row], ensure_ascii=False) + "\n"
                            for row in chunk
                        ).encode("utf-8")
                        digest.update(text)
                        out.write(text)
                        rows += len(chunk)
                tables[table.name] = {
                    "file": member,
                    "columns": [c.name for c in table.columns],
                    "rows": rows,
                    "sha256": digest.hexdigest(),
                }
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "schema_version": SCHEMA_VERSION,
                "created_at": datetime.now(UTC).isoformat(),
                "tables": tables,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


class _snapshot:
    """A read transaction that sees one state of the store for every table."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> Connection:
        conn = self.store._read()
        if self.store.engine.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        self.conn = conn
        self.tx = conn.begin()
        return conn

    def __exit__(self, *exc: object) -> None:
        self.tx.rollback()
        self.conn.close()


def _rows(conn: Connection, table: sa.Table) -> Iterator[list[tuple[Any, ...]]]:
    result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(
        sa.select(*table.columns).order_by(table.c.id)
    )
    for part in result.partitions(CHUNK):
        yield [tuple(row) for row in part]


# -- reading -------------------------------------------------------------------------------


def read_manifest(path: str | Path) -> dict[str, Any]:
    """The manifest of a backup after checking every member against it; BackupRefused if
    the file is not a backup, is damaged or cut short, or is of a newer format or schema."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            _check_manifest(manifest)
            for table in TABLES:
                entry = manifest["tables"][table.name]
                digest, rows = hashlib.sha256(), 0
                with archive.open(entry["file"]) as member:
                    while block := member.read(1 << 20):
                        digest.update(block)
                        rows += block.count(b"\n")
                if digest.hexdigest() != entry["sha256"] or rows != entry["rows"]:
                    raise BackupRefused("backup.corrupt", file=Path(path).name)
    except BackupRefused:
        raise
    except FileNotFoundError:
        raise BackupRefused("backup.missing", file=str(path)) from None
    except OSError as exc:
        if isinstance(exc, IsADirectoryError | PermissionError):
            raise BackupRefused("backup.missing", file=str(path)) from None
        raise BackupRefused("backup.corrupt", file=Path(path).name) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, KeyError, TypeError):
        # Cut short, a byte changed (CRC), no manifest, a manifest that is not ours.
        raise BackupRefused("backup.corrupt", file=Path(path).name) from None
    return manifest


def _check_manifest(manifest: Any) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ValueError("not a backup of this app")
    version, schema = manifest["format_version"], manifest["schema_version"]
    if not isinstance(version, int) or not isinstance(schema, int):
        raise ValueError("versions are not numbers")
    if version > FORMAT_VERSION or schema > SCHEMA_VERSION:
        raise BackupRefused(
            "backup.newer",
            version=version,
            schema=schema,
            ours=FORMAT_VERSION,
            our_schema=SCHEMA_VERSION,
        )
    for table in TABLES:
        entry = manifest["tables"][table.name]
        unknown = set(entry["columns"]) - {c.name for c in table.columns}
        if unknown or "id" not in entry["columns"]:
            raise ValueError(f"columns of {table.name} are not this schema's")


def _chunks(archive: zipfile.ZipFile, entry: dict[str, Any]) -> Iterator[list[list[Any]]]:
    """A member's rows, CHUNK at a time, each chunk parsed as one JSON array (one call into
    the C parser, not one a row)."""
    with archive.open(entry["file"]) as member:
        lines = io.TextIOWrapper(member, encoding="utf-8")
        while part := list(itertools.islice(lines, CHUNK)):
            yield json.loads("[" + ",".join(part) + "]")


def is_empty(store: Store) -> bool:
    """No row in any table a backup holds (the regions and the version do not count)."""
    store.ensure_ready()
    with store._read() as conn:
        return all(conn.execute(sa.select(table.c.id).limit(1)).first() is None for table in TABLES)


def restore_backup(store: Store, path: str | Path, *, replace: bool = False) -> dict[str, Any]:
    """Restore a backup into `store`, in one transaction; returns its manifest.

    Refused (BackupRefused, nothing written) when the file fails its checks, names a region
    the store does not know, or the store holds data and `replace` is not given; with
    `replace`, the store's data is removed first, in the same transaction.
    """
    manifest = read_manifest(path)  # before the store is opened: a bad file makes no store
    if not replace and not is_empty(store):
        raise BackupRefused("backup.not_empty")
    known = set(store.regions.frame.index)
    with zipfile.ZipFile(path) as archive, store.writing() as write:
        if replace:
            for table in reversed(TABLES):
                write.conn.execute(table.delete())
        for table in TABLES:
            entry = manifest["tables"][table.name]
            _insert(store, write.conn, table, entry["columns"], _chunks(archive, entry), known)
        _reset_ids(store, write.conn)
    return manifest


def _insert(
    store: Store,
    conn: Connection,
    table: sa.Table,
    names: list[str],
    chunks: Iterable[list[list[Any]]],
    known: set[str],
) -> None:
    """Insert one table's rows in chunks. A region this store does not know is refused (the
    transaction, and every row before it, rolled back)."""
    loaders = [_loader(table.c[name]) for name in names]
    missing = [c.name for c in table.columns if c.name not in names]
    region = names.index("region") if "region" in names else None
    dialect = store.engine.dialect.name
    # The counts, nearly all of a store, as they are: every value is JSON's own, the date ISO
    # text (what SQLite keeps, what COPY reads); through the driver, not a dict per row.
    plain = table is counts_table and not missing
    for chunk in chunks:
        if region is not None:
            unknown = {row[region] for row in chunk} - known
            if unknown:
                raise BackupRefused("backup.unknown_region", code=min(map(str, unknown)))
        if plain and dialect == "postgresql":
            _copy(conn, table, names, chunk)
        elif plain:
            mark = "?" if store.engine.dialect.paramstyle == "qmark" else "%s"
            marks = ", ".join([mark] * len(names))
            sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})"
            conn.exec_driver_sql(sql, [tuple(row) for row in chunk])
        else:
            rows = [[load(v) for load, v in zip(loaders, row, strict=True)] for row in chunk]
            conn.execute(
                table.insert(),
                [dict(zip(names, row, strict=True)) | dict.fromkeys(missing) for row in rows],
            )


def _copy(conn: Connection, table: sa.Table, names: list[str], rows: list[list[Any]]) -> None:
    """PostgreSQL's COPY in the same transaction: the counts of a national store in seconds."""
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    finally:
        cursor.close()


def _reset_ids(store: Store, conn: Connection) -> None:
    """After rows with their own ids, the next upload's id follows the last restored one."""
    if store.engine.dialect.name != "postgresql":
        return  # SQLite's next id is the largest plus one
    for table in TABLES:
        conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
            )
        )

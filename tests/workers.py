"""Worker processes for the concurrency tests: commit a file, or read the store in a loop.

Run as `python -m tests.workers commit URL FILE ...` or `... read URL DATE OUT ...`; each waits
for a `--go` file to appear so that every worker starts its work at the same moment.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from census_core.store import Store


def _wait_for(path: str | None, limit: float = 60.0) -> None:
    if path is None:
        return
    deadline = time.monotonic() + limit
    while not Path(path).exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"{path} never appeared")
        time.sleep(0.005)


def _pause_after_counts_insert(store: Store, seconds: float, marker: str) -> None:
    """Hold the open write transaction right after the counts rows went in (a commit mid-way).

    The version bump is the statement after the rows (INSERT on SQLite, COPY on PostgreSQL,
    which passes no SQLAlchemy event) and before COMMIT."""
    done = False

    @sa.event.listens_for(store.engine, "after_cursor_execute")
    def _pause(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        nonlocal done
        if not done and statement.lstrip().upper().startswith("UPDATE META"):
            done = True
            Path(marker).write_text("inserted")
            time.sleep(seconds)


def commit(args: argparse.Namespace) -> int:
    store = Store(args.url)
    store.ensure_ready()
    data = Path(args.file).read_bytes()
    records = pd.read_csv(args.file, dtype={"region": str})
    if args.pause:
        _pause_after_counts_insert(store, args.pause, args.marker)
    print("ready", flush=True)
    _wait_for(args.go)
    result = store.commit_counts(
        records,
        user=args.user,
        file_name=Path(args.file).name,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    print(json.dumps({"batch": result.batch, "rows": result.rows, "changed": result.changed}))
    return 0


def read(args: argparse.Namespace) -> int:
    """Record (rows, sum) of one date's current counts until the stop file appears."""
    store = Store(args.url)
    store.ensure_ready()
    day = pd.Timestamp(args.date)
    seen: list[list[int]] = []
    print("ready", flush=True)
    _wait_for(args.go)
    deadline = time.monotonic() + 60
    while not Path(args.stop).exists() and time.monotonic() < deadline:
        frame = store.current_counts("households")
        on_day = frame[frame["date"] == day]
        seen.append([len(on_day), int(on_day["value"].sum())])
    # One more read after the writer finished: the final state.
    frame = store.current_counts("households")
    on_day = frame[frame["date"] == day]
    seen.append([len(on_day), int(on_day["value"].sum())])
    Path(args.out).write_text(json.dumps(seen))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.workers")
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("commit")
    c.add_argument("url")
    c.add_argument("file")
    c.add_argument("--go")
    c.add_argument("--user", default="op")
    c.add_argument("--pause", type=float, default=0.0)
    c.add_argument("--marker", default="")
    r = sub.add_parser("read")
    r.add_argument("url")
    r.add_argument("date")
    r.add_argument("out")
    r.add_argument("--go")
    r.add_argument("--stop", required=True)
    args = parser.parse_args(argv)
    return commit(args) if args.command == "commit" else read(args)


if __name__ == "__main__":
    sys.exit(main())

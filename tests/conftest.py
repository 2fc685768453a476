"""Shared fixtures: the region master, fresh stores, and a store holding the demo.

Every store fixture runs on SQLite by default. With CENSUS_TEST_DB_URL set to a PostgreSQL
server (`.ci/run` starts one on loopback), each test gets a fresh database on that server
instead, so the whole suite runs against both stores.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import settings

from census_core.regions import Regions, load_regions
from census_core.services import load_demo
from census_core.store import Store

# No timing in tests: Hypothesis' per-example deadline fails on a busy 2-core machine.
settings.register_profile("census", deadline=None)
settings.load_profile("census")

# The demo as of the report of 6 March 2020 (its data to 5 March): most tests read it so;
# tests of the whole campaign generate it in full.
DEMO_UNTIL = date(2020, 3, 5)
TEST_DB_URL = os.environ.get("CENSUS_TEST_DB_URL", "").strip()
ON_POSTGRES = TEST_DB_URL.startswith("postgresql")


def _pg_admin() -> sa.Engine:
    url = TEST_DB_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    return sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)


def _pg_url(name: str) -> str:
    return sa.engine.make_url(TEST_DB_URL).set(database=name).render_as_string(hide_password=False)


class PgDatabases:
    """Creates databases on the test server and drops every one it made."""

    def __init__(self, template: str | None = None) -> None:
        self.admin = _pg_admin()
        self.made: list[str] = []
        self.template = template

    def create(self, template: str | None = None) -> str:
        name = f"census_test_{uuid.uuid4().hex[:12]}"
        template = template or self.template
        sql = f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
        with self.admin.connect() as conn:
            conn.exec_driver_sql(sql)
        self.made.append(name)
        return name

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            for name in reversed(self.made):
                # FORCE: stores cached by the app or get_store() may still hold connections.
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.made.clear()


@pytest.fixture(scope="session")
def regions() -> Regions:
    return load_regions()


@pytest.fixture(scope="session")
def _pg_session() -> Iterator[PgDatabases | None]:
    if not ON_POSTGRES:
        yield None
        return
    dbs = PgDatabases()
    # Schema and region master made once; every fresh database is a cheap copy of it.
    empty = dbs.create()
    store = Store(_pg_url(empty), load_regions())
    store.ensure_ready()
    store.engine.dispose()  # a template must have no open connections
    dbs.template = empty
    yield dbs
    dbs.drop_all()


@pytest.fixture
def new_db_url(tmp_path: Path, _pg_session: PgDatabases | None) -> Iterator[Callable[[], str]]:
    """Make an empty store URL: a SQLite file in tmp_path, or a fresh PostgreSQL database."""
    made: list[str] = []
    local = PgDatabases(_pg_session.template) if _pg_session is not None else None

    def make() -> str:
        if local is None:
            path = tmp_path / f"census-{len(made)}.db"
            made.append(str(path))
            return f"sqlite:///{path}"
        name = local.create()
        made.append(name)
        return _pg_url(name)

    yield make
    if local is not None:
        local.drop_all()


@pytest.fixture
def fresh_url(new_db_url: Callable[[], str]) -> str:
    """The URL of an empty store."""
    return new_db_url()


@pytest.fixture
def fresh_store(fresh_url: str, regions: Regions) -> Store:
    """An empty store (SQLite in a temporary file, or a fresh PostgreSQL database)."""
    return Store(fresh_url, regions)


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory: pytest.TempPathFactory, regions: Regions) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = Store(f"sqlite:///{path}", regions)
    load_demo(store, until=DEMO_UNTIL)
    # Fold the WAL into the file and close it, or a copy of demo.db alone may miss the demo.
    # The store's own background checkpoint (after each commit) may hold the log: wait for it,
    # and retry while SQLite reports the checkpoint as blocked.
    for _ in range(50):
        with store._checkpointing, store.engine.connect() as conn:
            busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
        if busy is not None and busy[0] == 0:
            break
        time.sleep(0.1)
    store.engine.dispose()
    return path


@pytest.fixture(scope="session")
def _pg_demo_template(_pg_session: PgDatabases | None, regions: Regions) -> str | None:
    """A PostgreSQL database holding the demo, copied per test with CREATE DATABASE TEMPLATE."""
    if _pg_session is None:
        return None
    name = _pg_session.create()
    store = Store(_pg_url(name), regions)
    load_demo(store, until=DEMO_UNTIL)
    store.engine.dispose()  # a template must have no open connections
    return name


@pytest.fixture
def demo_url(
    request: pytest.FixtureRequest, tmp_path: Path, _pg_session: PgDatabases | None
) -> Iterator[str]:
    """A private copy of the demo store, so a test may write to it."""
    if _pg_session is None:
        path = tmp_path / "demo.db"
        shutil.copy(request.getfixturevalue("demo_db_file"), path)
        yield f"sqlite:///{path}"
        return
    template = request.getfixturevalue("_pg_demo_template")
    local = PgDatabases()
    yield _pg_url(local.create(template))
    local.drop_all()


@pytest.fixture
def demo_store(demo_url: str, regions: Regions) -> Store:
    return Store(demo_url, regions)

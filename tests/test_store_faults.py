"""A store that fails says so in plain words: gone, read-only, locked, unreachable, badly set."""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from census_core import store as store_module
from census_core.cli import main
from census_core.services import ensure_demo
from census_core.standings.snapshot import load_snapshot
from census_core.store import (
    Store,
    StoreBadUrl,
    StoreFault,
    StoreGone,
    StoreLocked,
    StoreReadOnly,
    StoreUnavailable,
)
from tests.conftest import ON_POSTGRES

DOWN_URL = "postgresql://nobody@127.0.0.1:1/x"
sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="a property of the SQLite file store")


def upload(day="2020-03-06"):
    return pd.DataFrame(
        {
            "region": ["35.09.19", "35.09.20"],
            "date": pd.to_datetime([day, day]),
            "measure": ["households", "households"],
            "value": [5000, 5100],
        }
    )


def commit(store):
    return store.commit_counts(upload(), user="op", file_name="a.csv", sha256="x" * 64)


def file_of(url: str) -> Path:
    return Path(sa.engine.make_url(url).database or "")


def remove_store_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@sqlite_only
def test_a_deleted_store_file_is_an_error_and_is_not_made_again(demo_url, regions):
    store = Store(demo_url, regions)
    before = store.version()
    path = file_of(demo_url)
    remove_store_file(path)
    with pytest.raises(StoreGone) as caught:
        commit(store)
    assert "tidak ditemukan lagi" in caught.value.message("id")
    assert caught.value.ref and str(path) not in caught.value.message("id")
    # Nothing made behind the operator's back: no new file, no demo in it, reads say so too.
    with pytest.raises(StoreGone):
        ensure_demo(store)
    with pytest.raises(StoreGone):
        store.version()
    assert not path.exists()
    assert before


@sqlite_only
def test_a_replaced_store_file_is_an_error(demo_url, fresh_url, regions):
    store = Store(demo_url, regions)
    store.version()
    other = Store(fresh_url, regions)
    other.ensure_ready()
    other.engine.dispose()
    os.replace(file_of(fresh_url), file_of(demo_url))
    with pytest.raises(StoreGone):
        commit(store)


@sqlite_only
def test_a_file_deleted_during_a_write_is_caught_before_it_claims_success(
    demo_url, regions, monkeypatch
):
    store = Store(demo_url, regions)
    store.version()
    path = file_of(demo_url)

    real = store_module.Store._insert_counts

    def insert_then_lose_the_file(self, conn, batch_id, records):
        real(self, conn, batch_id, records)
        remove_store_file(path)

    # The file goes while the batch is being written, before its commit.
    monkeypatch.setattr(store_module.Store, "_insert_counts", insert_then_lose_the_file)
    with pytest.raises(StoreGone):
        commit(store)
    assert not path.exists()


@sqlite_only
def test_a_read_only_store_serves_reads_and_refuses_writes(demo_url, regions):
    # Tests run as root, whom file permissions do not stop: SQLite's read-only mode stands in
    # for a 0444 file in a 0555 folder (the store chooses that mode when it cannot write).
    path = file_of(demo_url)
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    store = Store(url, regions)
    snap = load_snapshot(store)
    assert len(snap.batches) == 2
    assert not store.current_counts().empty
    with pytest.raises(StoreReadOnly) as caught:
        commit(store)
    assert "hanya dapat dibaca" in caught.value.message("id")
    assert Store(demo_url, regions).version() == store.version()


def test_a_locked_store_answers_within_the_bound_and_then_works_again(demo_url, regions):
    store = Store(demo_url, regions)
    store.ensure_ready()
    holder = Store(demo_url, regions)
    conn = holder._write()
    tx = conn.begin()
    holder._lock(conn)
    try:
        started = time.monotonic()
        with pytest.raises(StoreLocked) as caught:
            commit(store)
        # The bound is 10 s; the margin is for a loaded 2-core machine.
        assert time.monotonic() - started < 25
        assert caught.value.message("id").startswith(
            "Penyimpanan sedang dipakai proses lain; coba lagi sebentar lagi. "
            "Tidak ada yang disimpan."
        )
    finally:
        tx.rollback()
        conn.close()
    # The failure is not remembered: once the lock is free, the same store stores.
    assert commit(store).batch == 3


@pytest.mark.parametrize(
    "url,fault",
    [(DOWN_URL, StoreUnavailable), ("nonsense://", StoreBadUrl), ("::not a url", StoreBadUrl)],
)
def test_an_unreachable_or_bad_url_is_a_fault_without_host_or_url(url, fault, regions):
    with pytest.raises(fault) as caught:
        Store(url, regions).version()
    for lang in ("id", "en"):
        text = caught.value.message(lang)
        assert "127.0.0.1" not in text and "nonsense" not in text and caught.value.ref in text
    assert "127.0.0.1" not in str(caught.value)
    assert isinstance(caught.value, StoreFault)


@sqlite_only
def test_sqlite_driver_errors_are_sorted_by_reason(tmp_path):
    for text, reason in [
        ("database is locked", "locked"),
        ("attempt to write a readonly database", "read_only"),
        ("database or disk is full", "full"),
        ("unable to open database file", "unavailable"),
    ]:
        error = sa.exc.OperationalError("SELECT 1", {}, sqlite3.OperationalError(text))
        fault = store_module.store_fault(error, "testing")
        assert fault is not None and fault.reason == reason, text
    assert store_module.store_fault(ValueError("a bug"), "testing") is None


@pytest.mark.parametrize(
    "command",
    [["rank", "--level", "kecamatan"], ["history"], ["undo", "1"], ["demo"]],
)
def test_cli_store_faults_are_one_line_without_the_host(command):
    proc = subprocess.run(
        [sys.executable, "-m", "census_core", *command, "--db", DOWN_URL],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: Penyimpanan data tidak dapat dihubungi")
    assert "127.0.0.1" not in proc.stderr + proc.stdout and "Traceback" not in proc.stderr


def test_cli_bad_url_names_the_setting(capsys):
    assert main(["rank", "--level", "kecamatan", "--db", "nonsense://"]) == 1
    err = capsys.readouterr().err
    assert "CENSUS_DB_URL" in err and "nonsense" not in err

"""Several real processes on one store: uploads at once, readers during an upload, SIGKILL.

Every worker is a separate Python process (tests/workers.py) committing a real CSV file; they
wait for a shared "go" file so their commits overlap. Runs on SQLite and, with
CENSUS_TEST_DB_URL, on PostgreSQL. Bounded: at most a handful of processes, each under a minute.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from census_core.regions import Regions
from census_core.store import Store

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2020, 3, 5)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]


def write_file(path: Path, codes: list[str], day: date, base: int) -> Path:
    frame = pd.DataFrame(
        {
            "region": codes,
            "date": day.isoformat(),
            "measure": "households",
            "value": [base + i for i in range(len(codes))],
        }
    )
    frame.to_csv(path, index=False)
    return path


class Worker:
    """One `python -m tests.workers ...` process; `ready()` waits until it waits for `go`."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.workers", *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def ready(self) -> None:
        line = self.proc.stdout.readline()  # type: ignore[union-attr]
        assert line.strip() == "ready", line + self.proc.stderr.read()  # type: ignore[union-attr]

    def result(self, timeout: float = 90) -> dict:
        out, err = self.proc.communicate(timeout=timeout)
        assert self.proc.returncode == 0, err
        return json.loads(out.strip().splitlines()[-1]) if out.strip() else {}


def start_all(workers: list[Worker], go: Path) -> None:
    for worker in workers:
        worker.ready()
    go.write_text("go")


def state(store: Store) -> tuple[str, list[int], int, int]:
    """Everything a commit could change: version, batch ids, count rows and their sum."""
    counts = store.current_counts()
    return (
        store.version(),
        sorted(int(b) for b in store.batches()["id"]),
        len(counts),
        int(counts["value"].sum()),
    )


@pytest.fixture
def jatim_kecamatan(regions: Regions) -> list[str]:
    return regions.descendants("35", "kecamatan")


@pytest.fixture
def jatim_desa(regions: Regions) -> list[str]:
    return regions.descendants("35", "desa")


def test_different_files_at_once_all_land(fresh_store, fresh_url, tmp_path, jatim_kecamatan):
    fresh_store.ensure_ready()
    days = [date(2020, 3, d) for d in (2, 3, 4, 5)]
    files = [
        write_file(tmp_path / f"spo-{d}.csv", jatim_kecamatan, d, 100 * i)
        for i, d in enumerate(days)
    ]
    go = tmp_path / "go"
    workers = [Worker("commit", fresh_url, str(f), "--go", str(go)) for f in files]
    start_all(workers, go)
    results = [w.result() for w in workers]

    assert sorted(r["batch"] for r in results) == [1, 2, 3, 4]
    assert all(r["changed"] == len(jatim_kecamatan) for r in results)
    counts = fresh_store.current_counts("households")
    assert len(counts) == 4 * len(jatim_kecamatan)
    for i, d in enumerate(days):
        on_day = counts[counts["date"] == pd.Timestamp(d)].set_index("region")["value"]
        assert on_day[jatim_kecamatan[0]] == 100 * i
    assert fresh_store.version() == "4"


def test_same_file_twice_at_once_lands_once(fresh_store, fresh_url, tmp_path, jatim_kecamatan):
    fresh_store.ensure_ready()
    path = write_file(tmp_path / "spo.csv", jatim_kecamatan, DAY, 1000)
    go = tmp_path / "go"
    workers = [Worker("commit", fresh_url, str(path), "--go", str(go)) for _ in range(3)]
    start_all(workers, go)
    results = [w.result() for w in workers]

    landed = [r for r in results if r["batch"] is not None]
    assert len(landed) == 1 and landed[0]["changed"] == len(jatim_kecamatan)
    assert all(r["changed"] == 0 for r in results if r["batch"] is None)
    assert len(fresh_store.batches()) == 1
    assert len(fresh_store.current_counts()) == len(jatim_kecamatan)
    assert fresh_store.version() == "1"


def test_readers_during_an_upload_see_old_or_new_never_half(
    fresh_store, fresh_url, tmp_path, jatim_desa
):
    old = write_file(tmp_path / "old.csv", jatim_desa, DAY, 10)
    new = write_file(tmp_path / "new.csv", jatim_desa, DAY, 20)
    fresh_store.commit_counts(
        pd.read_csv(old, dtype={"region": str}), user="op", file_name="old.csv", sha256="0" * 64
    )
    n = len(jatim_desa)
    old_state = [n, sum(10 + i for i in range(n))]
    new_state = [n, sum(20 + i for i in range(n))]

    go, stop = tmp_path / "go", tmp_path / "stop"
    outs = [tmp_path / f"seen-{i}.json" for i in range(2)]
    readers = [
        Worker("read", fresh_url, DAY.isoformat(), str(out), "--go", str(go), "--stop", str(stop))
        for out in outs
    ]
    # The writer holds its transaction open for 1.5 s after every new row is in.
    marker = tmp_path / "inserted"
    writer = Worker(
        "commit", fresh_url, str(new), "--go", str(go), "--pause", "1.5", "--marker", str(marker)
    )
    start_all([*readers, writer], go)
    assert writer.result()["changed"] == n
    stop.write_text("stop")
    for reader in readers:
        reader.result()

    for out in outs:
        seen = json.loads(out.read_text())
        assert seen, "the reader made no observation"
        assert all(s in (old_state, new_state) for s in seen), {tuple(s) for s in seen}
        assert old_state in seen  # it did read while the upload was under way
        assert seen[-1] == new_state


def test_sigkill_in_the_middle_of_a_commit_leaves_the_store_as_it_was(
    demo_store, demo_url, tmp_path, jatim_desa
):
    before = state(demo_store)
    assert before[2] > 0, "the demo store should hold the demo"
    path = write_file(tmp_path / "spo.csv", jatim_desa, DAY, 5)
    marker = tmp_path / "inserted"
    worker = Worker("commit", demo_url, str(path), "--pause", "60", "--marker", str(marker))
    worker.ready()
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert worker.proc.poll() is None, worker.proc.stderr.read()  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "the worker never reached the insert"
        time.sleep(0.01)
    # Every row of the batch is written inside the open transaction; now kill it for real.
    os.kill(worker.proc.pid, signal.SIGKILL)
    worker.proc.wait(timeout=30)
    assert worker.proc.returncode == -signal.SIGKILL

    after = Store(demo_url, demo_store.regions)
    assert state(after) == before
    # The write lock died with the process: the same file lands in full now.
    result = after.commit_counts(
        pd.read_csv(path, dtype={"region": str}), user="op", file_name="spo.csv", sha256="1" * 64
    )
    assert result.changed == len(jatim_desa)
    counts = after.current_counts("households")
    on_day = counts[counts["date"] == pd.Timestamp(DAY)].set_index("region")["value"]
    assert on_day[jatim_desa].tolist() == [5 + i for i in range(len(jatim_desa))]


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.8])
def test_sigkill_at_any_moment_leaves_all_or_nothing(
    fresh_store, fresh_url, tmp_path, jatim_desa, delay
):
    fresh_store.ensure_ready()
    before = state(fresh_store)
    path = write_file(tmp_path / "spo.csv", jatim_desa, DAY, 7)
    go = tmp_path / "go"
    worker = Worker("commit", fresh_url, str(path), "--go", str(go))
    start_all([worker], go)
    time.sleep(delay)
    worker.proc.send_signal(signal.SIGKILL)
    worker.proc.wait(timeout=30)

    after = state(Store(fresh_url, fresh_store.regions))
    landed = (after[1] == [1], after[2] == len(jatim_desa))
    assert after == before or all(landed), after


def _import(url: str, path: Path, user: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "census_core",
            "import",
            str(path),
            "--db",
            url,
            "--json",
            "--user",
            user,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _spo_file(path: Path, codes: list[str], day: date, base: int) -> Path:
    rows = [f"{code},{day.isoformat()},{base + i}" for i, code in enumerate(codes)]
    path.write_text("kode,tanggal,kk\n" + "\n".join(rows) + "\n")
    return path


def test_the_import_command_run_at_once_lands_each_file_once(fresh_store, fresh_url, tmp_path):
    """The operators' own tool: three different files and one file three times, all at once."""
    fresh_store.ensure_ready()
    codes = fresh_store.regions.descendants("35.09", "kecamatan")
    days = [date(2020, 3, d) for d in (3, 4, 5)]
    files = [_spo_file(tmp_path / f"spo-{d}.csv", codes, d, 100 * i) for i, d in enumerate(days)]
    procs = [_import(fresh_url, f, f"op{i}") for i, f in enumerate(files)]
    same = _spo_file(tmp_path / "spo-06.csv", codes, date(2020, 3, 6), 900)
    procs += [_import(fresh_url, same, f"twin{i}") for i in range(3)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(json.loads(out))

    assert all(r["status"] == "ok" for r in results)
    assert all(r["batch"] is not None for r in results[:3])
    twins = results[3:]
    assert sorted(r["committed"] for r in twins) == [0, 0, len(codes)]
    assert len(fresh_store.batches()) == 4
    assert len(fresh_store.current_counts()) == 4 * len(codes)

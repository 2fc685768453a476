"""National-scale timings: `python benchmarks/run.py [--scale jatim|national] [--json]`.

Figures (--only): standings, upload, app, serve, burst, cli_import.

Prints each figure with the data it ran on, the machine's cores, the budget and the baseline
beside it. Budgets are reported, never asserted: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import national  # noqa: E402
import pandas as pd  # noqa: E402

from census_core.regions import load_regions  # noqa: E402
from census_core.settings import Settings  # noqa: E402
from census_core.standings import progress  # noqa: E402
from census_core.standings.snapshot import load_snapshot  # noqa: E402
from census_core.store import Store  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
SCOPES = {"jatim": "35", "national": None}
DAY = date(2020, 3, 31)
DEADLINE = national.END
BUDGETS = {
    "standings_ms": 50.0,
    "duckdb_ratio": 2.0,
    "upload_s": 3.0,
    "rerun_ms": 500.0,
    "peak_mb": 2048.0,
}


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    """Median and all wall times in ms of `repeat` warm calls (one untimed warm-up first)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), times


def bench_standings(regions, scope, kec, desa_targets, repeat: int) -> dict[str, object]:
    from duck import DuckBoard

    kec_targets = (
        desa_targets.assign(region=desa_targets["region"].str[:8])
        .groupby(["region", "measure"], as_index=False)["base"]
        .sum()
        .assign(share=float("nan"))
    )

    def ours() -> pd.DataFrame:
        return progress.standings(
            kec, regions, "kecamatan", scope, DAY, targets=kec_targets, deadline=DEADLINE
        )

    start = time.perf_counter()
    board = ours()
    first_ms = (time.perf_counter() - start) * 1000
    ours_ms, ours_all = timed(ours, repeat)
    members = regions.subset(regions.descendants(scope, "kecamatan"))
    duck = DuckBoard(kec, members, progress.targets_of(kec_targets, 0.5))
    duck_ms, duck_all = timed(lambda: duck.board(DAY, DEADLINE), repeat)
    theirs = duck.board(DAY, DEADLINE)
    agree = (
        board.set_index("code")[["rank", "count", "prev_rank"]]
        .astype("float64")
        .sort_index()
        .equals(
            theirs.set_index("code")[["rank", "count", "prev_rank"]].astype("float64").sort_index()
        )
    )
    return {
        "rows": len(kec),
        "regions": len(board),
        "day": DAY.isoformat(),
        "first_call_ms": round(first_ms, 1),
        "ours_ms": round(ours_ms, 1),
        "ours_min_ms": round(min(ours_all), 1),
        "duckdb_ms": round(duck_ms, 1),
        "duckdb_min_ms": round(min(duck_all), 1),
        "ratio": round(ours_ms / duck_ms, 2),
        "same_ranks_as_duckdb": bool(agree),
    }


def data_tag(desa: pd.DataFrame) -> str:
    """Names the generated data: a store built from other data is rebuilt."""
    tag = hashlib.sha256(f"{national.SEED}-{len(desa)}-{int(desa['value'].sum())}".encode())
    return tag.hexdigest()[:10]


def store_path(scale: str, desa: pd.DataFrame) -> Path:
    CACHE.mkdir(exist_ok=True)
    return CACHE / f"{scale}-desa-{data_tag(desa)}.db"


def prepare_store(
    scale: str, regions, desa, targets, db_url: str | None = None
) -> tuple[str, pd.DataFrame]:
    """The desa store with every day but the last (built once, kept); the last day's rows.

    Without `db_url`, a SQLite file in benchmarks/.cache; with one (PostgreSQL), that
    database, emptied and loaded unless it already holds this data.
    """
    last = national.DAYS[-1]
    if db_url is not None:
        return _prepare_postgres(db_url, scale, regions, desa, targets), desa[desa["date"] == last]
    path = store_path(scale, desa)
    url = f"sqlite:///{path}"
    if not path.exists():
        national.build_sqlite(path, regions, desa[desa["date"] < last], targets)
    else:  # a previous run committed the last day: take that batch out again
        import sqlite3

        con = sqlite3.connect(path)
        with con:
            extra = [r[0] for r in con.execute("SELECT id FROM batches WHERE id > 2")]
            for batch in extra:
                con.execute("DELETE FROM counts WHERE batch_id = ?", (batch,))
                con.execute("DELETE FROM batches WHERE id = ?", (batch,))
            if extra:
                con.execute("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)")
        con.close()
    return url, desa[desa["date"] == last]


def _prepare_postgres(url: str, scale: str, regions, desa, targets) -> str:
    import sqlalchemy as sa

    tag = f"{scale}-{data_tag(desa)}"
    store = Store(url, regions)
    store.ensure_ready()
    with store.engine.begin() as conn:
        found = conn.execute(
            sa.text("SELECT id FROM batches WHERE file_name = 'national.csv' AND sha256 = :t"),
            {"t": tag},
        ).scalar()
        if found is not None:  # built before: take out what later runs committed
            extra = [
                r[0]
                for r in conn.execute(sa.text("SELECT id FROM batches WHERE id > :b"), {"b": found})
            ]
            for batch in extra:
                conn.execute(sa.text("DELETE FROM counts WHERE batch_id = :b"), {"b": batch})
                conn.execute(sa.text("DELETE FROM batches WHERE id = :b"), {"b": batch})
            if extra:
                conn.execute(
                    sa.text("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)")
                )
    store.engine.dispose()
    if found is None:
        last = national.DAYS[-1]
        national.build_postgres(url, regions, desa[desa["date"] < last], targets, tag)
    return url


def bench_upload(url: str, regions, last_day_rows: pd.DataFrame, repeat: int) -> dict[str, object]:
    """Check (census_core.ingest) and commit one day's desa file against the warm store.

    Warm as in the app: the snapshot is loaded and its boards drawn before anyone uploads.
    The first check in a process also builds the name index of the region master; it is
    reported apart from the warm checks.
    """
    from census_core.ingest.service import check_upload
    from census_core.services import commit_upload

    data = national.daily_file(last_day_rows, national.DAYS[-1])
    store = Store(url, regions)
    start = time.perf_counter()
    snap = load_snapshot(store)
    load_s = time.perf_counter() - start
    settings = Settings(db_url=url)
    start = time.perf_counter()
    progress.values_at(snap.counts_of("households"), national.DAYS[-2].date())
    index_s = time.perf_counter() - start

    def check():
        return check_upload(data, "spo-desa-2020-05-29.csv", "counts", snap, settings)

    start = time.perf_counter()
    checked = check()
    first_s = time.perf_counter() - start
    checks = []
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        checked = check()
        checks.append(time.perf_counter() - start)
    check_s = statistics.median(checks)
    problems = [p.reason for p in checked.upload.errors][:5]
    commit_s = None
    changed = None
    if checked.upload.ok:
        start = time.perf_counter()
        result = commit_upload(checked.upload, store, "bench")
        commit_s = time.perf_counter() - start
        changed = result.changed
    return {
        "file_rows": len(last_day_rows),
        "file_bytes": len(data),
        "store_rows": len(snap.counts),
        "snapshot_load_s": round(load_s, 2),
        "count_index_s": round(index_s, 2),
        "first_check_s": round(first_s, 2),
        "check_s": round(check_s, 2),
        "check_min_s": round(min(checks), 2),
        "checks": len(checks),
        "commit_s": None if commit_s is None else round(commit_s, 2),
        "total_s": None if commit_s is None else round(check_s + commit_s, 2),
        "changed": changed,
        "warnings": len(checked.upload.warnings),
        "errors": problems,
    }


def kecamatan_file(kec: pd.DataFrame, days: int) -> Path:
    """The national kecamatan counts of the first `days` days as one long CSV (kode, nama,
    tanggal, kk), written once to benchmarks/.cache."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"spo-kecamatan-nasional-{days}-hari.csv"
    if not path.exists():
        rows = kec[kec["date"].isin(national.DAYS[:days])]
        regions = load_regions()
        pd.DataFrame(
            {
                "kode": rows["region"],
                "nama": [regions.name(code) for code in rows["region"]],
                "tanggal": rows["date"].dt.strftime("%Y-%m-%d"),
                "kk": rows["value"],
            }
        ).to_csv(path, index=False)
    return path


def _fresh_url(db_url: str | None, n: int) -> tuple[str, Callable[[], None]]:
    """An empty store and how to remove it: a new SQLite file, or a new database on the
    PostgreSQL server of `db_url` (its user needs CREATEDB)."""
    if db_url is None:
        path = CACHE / f"cli-import-{os.getpid()}-{n}.db"

        def drop_file() -> None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

        drop_file()
        return f"sqlite:///{path}", drop_file
    import sqlalchemy as sa

    name = f"census_bench_cli_{os.getpid()}_{n}"
    base = db_url.replace("postgresql://", "postgresql+psycopg://", 1)
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop_db() -> None:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return sa.engine.make_url(base).set(database=name).render_as_string(False), drop_db


def bench_cli_import(kec: pd.DataFrame, db_url: str | None, repeat: int) -> dict[str, object]:
    """`python -m census_core import` of every kecamatan of the country over 21 days into a
    fresh store, timed as a whole process (start, region master, store made, check, commit);
    then the same file again into that store (it reads every regency back; nothing changes)."""
    path = kecamatan_file(kec, 21)

    def run(url: str) -> tuple[float, dict[str, object]]:
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "census_core", "import", str(path), "--json", "--db", url],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=1800,
        )
        took = time.perf_counter() - start
        try:
            out = json.loads(proc.stdout)
        except json.JSONDecodeError:
            out = {"status": f"exit {proc.returncode}: {proc.stderr[-500:]}"}
        return took, out

    firsts, agains, out, again = [], [], {}, {}
    for n in range(max(repeat, 1)):
        url, drop = _fresh_url(db_url, n)
        try:
            took, out = run(url)
            firsts.append(took)
            took, again = run(url)
            agains.append(took)
        finally:
            drop()
    return {
        "file_rows": out.get("rows"),
        "file_bytes": path.stat().st_size,
        "days": 21,
        "status": out.get("status"),
        "committed": out.get("committed"),
        "errors": [e["message"] for e in out.get("errors", [])][:3],  # type: ignore[attr-defined]
        "import_s": round(statistics.median(firsts), 2),
        "import_min_s": round(min(firsts), 2),
        "runs": len(firsts),
        "again_s": round(statistics.median(agains), 2),
        "again_status": again.get("status"),
        "again_committed": again.get("committed"),
    }


def bench_app(url: str, reruns: int, day_file: bytes | None = None) -> dict[str, object]:
    """The app in two fresh processes: the first finds no counts copy (removed), reads the
    store whole and leaves one; the second starts from it."""
    copy = Store(url, load_regions()).counts_file
    if copy is not None:
        copy.unlink(missing_ok=True)  # as on a first start, or after the batches changed
    seed = _probe(url, 0)
    result = _probe(url, reruns, day_file)
    if "error" not in seed:
        result["first_run_without_copy_s"] = seed["first_run_s"]
        result["start_to_first_page_without_copy_s"] = seed["start_to_first_page_s"]
    return result


def _probe(url: str, reruns: int, day_file: bytes | None = None) -> dict[str, object]:
    args = [sys.executable, str(Path(__file__).resolve().parent / "app_probe.py"), url, str(reruns)]
    if day_file is not None:
        path = CACHE / "spo-desa-2020-05-29.csv"
        path.write_bytes(day_file)
        args.append(str(path))
    proc = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=1800)
    if proc.returncode != 0:
        return {"error": proc.stderr[-2000:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def bench_burst(url: str, home: str = "35.09") -> dict[str, object]:
    """62 websocket sessions (two per kecamatan of the home regency) open /kecamatan at once
    on a real server (benchmarks/burst.py)."""
    from burst import burst

    codes = load_regions().descendants(home, "kecamatan")
    # As when the link goes round after the pages were made ahead; and, the worst case, at
    # once after the first page, while they are being made.
    return {
        "ahead": burst(url, codes, per_code=2, ahead=True),
        "at_once": burst(url, codes, per_code=2, ahead=False),
    }


def report(results: dict[str, object]) -> None:
    m = results["machine"]
    print(
        f"Pantau Sensus benchmarks, scale {results['scale']}, store {results['store']}: "
        f"{m['cores']} cores, {m['python']}, load average {m['load_avg_1m']}"
    )
    d = results["data"]
    print(
        f"data: {d['kecamatan']:,} kecamatan x {d['days']} days = "
        f"{d['kecamatan_counts']:,} counts; {d['desa']:,} desa = {d['desa_counts']:,} counts"
    )
    s = results.get("standings")
    if s:
        print(
            f"standings, every kecamatan on {s['day']} ({s['regions']:,} regions, {s['rows']:,} "
            f"counts): {s['ours_ms']} ms median (min {s['ours_min_ms']}; first call "
            f"{s['first_call_ms']} ms) | budget {BUDGETS['standings_ms']:.0f} ms | DuckDB "
            f"{s['duckdb_ms']} ms (min {s['duckdb_min_ms']}) | ratio {s['ratio']} "
            f"(budget {BUDGETS['duckdb_ratio']}) | same ranks: {s['same_ranks_as_duckdb']}"
        )
    u = results.get("upload")
    if u:
        print(
            f"upload of one day's desa file ({u['file_rows']:,} rows, {u['file_bytes']:,} bytes) "
            f"into a store of {u['store_rows']:,} counts: check {u['check_s']} s (median of "
            f"{u['checks']}, min {u['check_min_s']}) + commit {u['commit_s']} s = "
            f"{u['total_s']} s | budget {BUDGETS['upload_s']:.0f} s | first check in the "
            f"process {u['first_check_s']} s | snapshot load {u['snapshot_load_s']} s, count "
            f"index {u['count_index_s']} s | {u['warnings']} warnings, errors "
            f"{u['errors'] or 'none'}"
        )
    c = results.get("cli_import")
    if c:
        print(
            f"command line: `python -m census_core import` of every kecamatan over {c['days']} "
            f"days ({c['file_rows']:,} rows, {c['file_bytes']:,} bytes) into a fresh store, "
            f"whole process: {c['import_s']} s median of {c['runs']} (min {c['import_min_s']}) "
            f"| {c['status']}, {c['committed']:,} values stored | the same file again: "
            f"{c['again_s']} s ({c['again_status']}, {c['again_committed']} changed) | errors "
            f"{c['errors'] or 'none'}"
        )
    a = results.get("app")
    if a:
        if "error" in a:
            print(f"app: failed: {a['error']}")
        else:
            print(
                f"home page rerun, store unchanged ({d['desa_counts']:,} desa counts): "
                f"{a['rerun_median_ms']} ms median of {a['rerun_ms']} | budget "
                f"{BUDGETS['rerun_ms']:.0f} ms | first run {a['first_run_s']} s"
            )
            print(
                f"peak memory of the app process: {a['peak_mb']} MB | budget "
                f"{BUDGETS['peak_mb']:.0f} MB | exceptions {a['exceptions'] or 'none'}"
            )
            print(
                f"fresh process to its first page (home page): {a['start_to_first_page_s']} s "
                f"from the counts copy | {a.get('start_to_first_page_without_copy_s')} s "
                f"reading the store whole (no copy of these batches)"
            )
            if "rerun_after_upload_s" in a:
                print(
                    f"after another process stores one day's desa file ({a['upload_changed']:,}"
                    f" values): next run {a['rerun_after_upload_s']} s (takes the batch into "
                    f"the snapshot), the run after {a['rerun_next_ms']} ms | peak memory "
                    f"{a['peak_after_upload_mb']} MB | exceptions "
                    f"{a['exceptions_after_upload'] or 'none'}"
                )


def bench_serve(url: str) -> dict[str, object]:
    """A fresh server started as `make run` does (`python -m ui.serve`, which reads the store
    and makes the home pages as it starts): its first visitor after it is ready, and one who
    comes as soon as it answers (benchmarks/burst.py first_page). The counts copy is left by
    the run before (the app figure), as a restarted replica finds it."""
    from burst import first_page

    return {
        "ready": first_page(url, wait_ready=True),
        "at_once": first_page(url, wait_ready=False),
    }


def report_serve(found: dict[str, object]) -> None:
    if "error" in found:
        print(f"fresh server (python -m ui.serve): failed: {found['error']}")
        return
    ready, at_once = found["ready"], found["at_once"]
    print(
        f"fresh server (python -m ui.serve): ready to serve {ready['ready_after_s']} s after "
        f"its start (health check answered at {ready['health_after_s']} s), then a visitor's "
        f"first page {ready['request_to_page_s']} s after the request | budget 3 s | a visitor "
        f"as soon as it answers: {at_once['request_to_page_s']} s after the request "
        f"({at_once['start_to_page_s']} s after the start) | exceptions "
        f"{ready['exceptions'] + at_once['exceptions'] or 'none'} | load average "
        f"{ready['load_avg_1m']}"  # type: ignore[index, operator]
    )


def report_burst(found: dict[str, object]) -> None:
    if "error" in found:
        print(f"burst: failed: {found['error']}")
        return
    for b in found.values():
        _report_one_burst(b)  # type: ignore[arg-type]


def _report_one_burst(b: dict[str, object]) -> None:
    when = (
        f"pages made ahead {b['made_ahead_s']} s after the first page"
        if b["pages_made_ahead"]
        else "at once after the first page, pages being made"
    )
    print(
        f"burst ({when}): {b['sessions']} sessions open /kecamatan at once ({b['codes']} "
        f"kecamatan, websocket clients): p50 {b['p50_s']} s, p95 "
        f"{b['p95_s']} s, max {b['max_s']} s | budget p95 3 s | server CPU {b['server_cpu_s']} s "
        f"({b['server_cpu_per_session_ms']} ms a session) | one session alone "
        f"{b['alone_median_s']} s ({b['alone_server_cpu_ms']} ms CPU) | load average "
        f"{b['load_avg_1m']} | exceptions {b['exceptions']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCOPES), default="national")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--only",
        default="standings,upload,app,serve,burst",
        help="comma list of standings,upload,app,serve,burst,cli_import",
    )
    parser.add_argument("--repeat", type=int, default=15, help="timed calls per figure")
    parser.add_argument(
        "--db-url",
        help="run upload and app on this store (PostgreSQL: postgresql+psycopg://...); "
        "it is emptied and loaded with the generated data. Default: a SQLite file in "
        "benchmarks/.cache",
    )
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    scope = SCOPES[args.scale]

    regions = load_regions()
    start = time.perf_counter()
    desa, kec, targets = national.generate(regions, scope)
    gen_s = time.perf_counter() - start
    results: dict[str, object] = {
        "scale": args.scale,
        "store": "sqlite" if args.db_url is None else args.db_url.split(":")[0].split("+")[0],
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_avg_1m": round(os.getloadavg()[0], 2),
        },
        "data": {
            "desa": int(desa["region"].nunique()),
            "kecamatan": int(kec["region"].nunique()),
            "days": len(national.DAYS),
            "desa_counts": len(desa),
            "kecamatan_counts": len(kec),
            "generate_s": round(gen_s, 1),
        },
    }
    if "standings" in only:
        results["standings"] = bench_standings(regions, scope, kec, targets, args.repeat)
    if "cli_import" in only:
        results["cli_import"] = bench_cli_import(kec, args.db_url, min(args.repeat, 3))
    if only & {"upload", "app", "serve", "burst"}:
        url, last = prepare_store(args.scale, regions, desa, targets, args.db_url)
        if "upload" in only:
            results["upload"] = bench_upload(url, regions, last, min(args.repeat, 5))
        if "app" in only:
            # A fresh store state: the upload figure above committed the last day already.
            url, last = prepare_store(args.scale, regions, desa, targets, args.db_url)
            day_file = national.daily_file(last, national.DAYS[-1])
            results["app"] = bench_app(url, 5, day_file)
        for name, bench in (("serve", bench_serve), ("burst", bench_burst)):
            if name not in only:
                continue
            url, last = prepare_store(args.scale, regions, desa, targets, args.db_url)
            try:
                results[name] = bench(url)
            except Exception as exc:  # a measurement: say what failed, keep the other figures
                results[name] = {"error": repr(exc)}
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        report(results)
        if "serve" in results:
            report_serve(results["serve"])  # type: ignore[arg-type]
        if "burst" in results:
            report_burst(results["burst"])  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Run the app's home page under AppTest on a given store; print timings and peak memory as JSON.

A separate process, so its peak resident memory is the app's alone.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STARTED = time.perf_counter()  # as near the process's start as a script gets


def _wait_for_copy() -> float:
    """Wait until the app has saved its columnar copy of the counts (ui.state), so the next
    fresh process can start from it; the seconds waited."""
    import threading

    from ui import state

    start = time.perf_counter()
    # With pages made ahead (CENSUS_PREPARE_PAGES) the copy is saved after them.
    for thread in threading.enumerate():
        if thread.name == "prepare-pages":
            thread.join()
    with state._COPYING:
        pass
    return time.perf_counter() - start


def _peak_kb() -> int:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss over
    exec, so a child of a big parent would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    os.environ["CENSUS_DB_URL"] = sys.argv[1]
    reruns = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    sys.path.insert(0, str(ROOT))
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    to_first = time.perf_counter() - STARTED
    errors = [str(e.value)[:300] for e in at.exception]
    copy_wait = _wait_for_copy()
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    peak_kb = _peak_kb()
    result: dict[str, object] = {
        "first_run_s": round(first, 3),
        "start_to_first_page_s": round(to_first, 3),
        "copy_wait_s": round(copy_wait, 3),
        "rerun_ms": [round(t * 1000, 1) for t in times],
        "rerun_median_ms": round(statistics.median(times) * 1000, 1) if times else None,
        "peak_mb": round(peak_kb / 1024, 1),
        "exceptions": errors,
    }
    if len(sys.argv) > 3:  # a day's file: store it as another replica would, then rerun
        result.update(_after_upload(at, Path(sys.argv[3])))
        result["peak_after_upload_mb"] = round(_peak_kb() / 1024, 1)
    print(json.dumps(result))


def _after_upload(at, path: Path) -> dict[str, object]:
    """Commit `path` from a fresh Store (not through the page's caches), then time the page's
    next run, which takes the new batch into its snapshot, and the run after it."""
    from census_core.ingest import read_counts
    from census_core.regions import load_regions
    from census_core.store import Store

    store = Store(os.environ["CENSUS_DB_URL"], load_regions())
    upload = read_counts(path.read_bytes(), path.name, store.regions)
    result = store.commit_counts(upload.records, user="bench", file_name=path.name, sha256="1" * 64)
    start = time.perf_counter()
    at.run()
    refresh = time.perf_counter() - start
    start = time.perf_counter()
    at.run()
    after = time.perf_counter() - start
    return {
        "upload_changed": result.changed,
        "rerun_after_upload_s": round(refresh, 3),
        "rerun_next_ms": round(after * 1000, 1),
        "exceptions_after_upload": [str(e.value)[:300] for e in at.exception],
    }


if __name__ == "__main__":
    main()

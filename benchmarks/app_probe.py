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
    errors = [str(e.value)[:300] for e in at.exception]
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    peak_kb = _peak_kb()
    print(
        json.dumps(
            {
                "first_run_s": round(first, 3),
                "rerun_ms": [round(t * 1000, 1) for t in times],
                "rerun_median_ms": round(statistics.median(times) * 1000, 1),
                "peak_mb": round(peak_kb / 1024, 1),
                "exceptions": errors,
            }
        )
    )


if __name__ == "__main__":
    main()

"""How long /peta takes to show its map in a headless browser: request to the deck's canvas
drawn (boundaries filled in), on a fresh demo store with the boundaries of CENSUS_GEO_DIR.

    python benchmarks/peta_first_view.py [GEO_DIR]     # default /work/shared/geo

Three visits on one freshly started server (cold: the first page the process draws; second:
a new browser context, the process warm), then a new server where / is opened first (warm: the
first /peta of a process that has drawn a page; warm2: the one after). Each visit is a new
browser context, so nothing is cached in the browser. Needs Playwright and Chromium (the e2e
tests' CENSUS_TEST_CHROMIUM, default /usr/bin/chromium). Noisy on a shared machine: run it
twice and read the load average it prints.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, AppServer  # noqa: E402
from tests.e2e.test_map_trend import distinct_colours  # noqa: E402

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'


def server(geo_dir: str, tmp: Path, name: str) -> AppServer:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CENSUS_")}
    env["CENSUS_DB_URL"] = f"sqlite:///{tmp / name}.db"
    env["CENSUS_DEMO_UNTIL"] = "2020-03-05"
    env["CENSUS_GEO_DIR"] = geo_dir
    return AppServer(env, tmp / f"{name}.log")


def visit(browser, url: str, path: str, name: str) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 1400}, locale="id-ID")
    page = context.new_page()
    start = time.perf_counter()
    page.goto(f"{url}/{path}")
    if path == "peta":
        canvas = page.locator(CANVAS).first
        canvas.wait_for(state="visible", timeout=120_000)
        while distinct_colours(canvas.screenshot()) <= 20:
            page.wait_for_timeout(100)
        print(f"{name:6s} /peta map drawn  {time.perf_counter() - start:5.2f} s", flush=True)
    else:
        page.wait_for_selector(IDLE, timeout=120_000)
        print(f"{name:6s} /{path} page drawn {time.perf_counter() - start:5.2f} s", flush=True)
    context.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    geo_dir = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/geo"
    tmp = Path(tempfile.mkdtemp())
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        app = server(geo_dir, tmp, "cold")
        try:
            visit(browser, app.url, "peta", "cold")
            visit(browser, app.url, "peta", "second")
        finally:
            app.stop()
        app = server(geo_dir, tmp, "warm")
        try:
            visit(browser, app.url, "", "home")
            visit(browser, app.url, "peta", "warm")
            visit(browser, app.url, "peta", "warm2")
        finally:
            app.stop()
        browser.close()


if __name__ == "__main__":
    main()

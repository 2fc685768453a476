"""Every page readable by everyone: axe-core's WCAG A/AA rules find nothing serious, in both
languages, on a fresh demo store at 1366x768."""

from __future__ import annotations

import json

from axe_playwright_python.base import AXE_SCRIPT

from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle
from tests.geofixtures import SHARED_GEO

VIEWPORT = {"width": 1366, "height": 768}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}
# The pages behind the shared sidebar, by URL; the upload page as seen before signing in.
PAGES = ["", "kecamatan?wilayah=jelbuk", "peta", "tren", "unggah"]


def axe_violations(page) -> list[dict]:
    """axe-core's serious and critical WCAG A/AA violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate(f"axe.run(document, {json.dumps(options)})")
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


def describe(where: str, violations: list[dict]) -> list[str]:
    """One line per failing element: the rule, the element and, for contrast, its colours."""
    lines = []
    for v in violations:
        for node in v["nodes"]:
            data = next((c.get("data") for c in node["any"] if c.get("data")), None)
            colours = ""
            if isinstance(data, dict) and "fgColor" in data:
                colours = f" {data['fgColor']} on {data['bgColor']} = {data['contrastRatio']}:1"
            lines.append(f"{where}: {v['id']} ({v['impact']}) {node['target']}{colours}")
    return lines


def check(page, where: str, found: list[str]) -> None:
    wait_idle(page)
    assert_no_exception(page)
    found += describe(where, axe_violations(page))


def test_every_page_meets_wcag_aa_in_both_languages(start_app, page):
    geo = {"CENSUS_GEO_DIR": str(SHARED_GEO)} if SHARED_GEO.is_dir() else {}
    app = start_app(CENSUS_SLIDE_SECONDS="3600", **geo)
    page.set_viewport_size(VIEWPORT)
    found: list[str] = []
    for path in PAGES:
        page.goto(f"{app.url}/{path}")
        page.get_by_text("Bahasa / Language").first.wait_for(timeout=60_000)
        check(page, f"/{path} id", found)
        if not path:
            screenshot(page, "accessibility-home-1366x768")
        # The language is the sidebar's choice; the page reruns at the same URL in English.
        page.locator('[data-testid="stSidebar"]').get_by_text("English").click()
        nav = page.locator('[data-testid="stSidebarNav"]')
        nav.get_by_text("Presentation").wait_for(timeout=60_000)
        check(page, f"/{path} en", found)
    # The meeting screen has no sidebar: its language comes with the link.
    for lang in ("id", "en"):
        page.goto(f"{app.url}/presentasi?lang={lang}")
        page.locator('[data-testid="slide"]').first.wait_for(timeout=60_000)
        check(page, f"/presentasi {lang}", found)
    assert not found, "\n".join(found)

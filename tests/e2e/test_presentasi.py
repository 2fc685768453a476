"""The meeting screen in a real browser at 1920x1080: both themes, and live data without reload
(in the full order, `?urutan=lengkap`, where every page of both boards is a slide)."""

import subprocess
import sys

import pandas as pd
import pytest

from tests.e2e.conftest import ROOT, assert_no_exception, screenshot, wait_idle
from tests.geofixtures import shared_geo

FULL_HD = {"width": 1920, "height": 1080}


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_presentation_fills_the_screen_in_both_themes(start_app, page, theme):
    app = start_app(CENSUS_SLIDE_SECONDS="3600", CENSUS_GEO_DIR=str(shared_geo()))
    page.set_viewport_size(FULL_HD)
    page.goto(f"{app.url}/presentasi?embed=true&urutan=lengkap&theme={theme}")
    wait_idle(page)
    slide = page.locator('[data-testid="slide"]')
    slide.get_by_text("36.464").wait_for(timeout=60_000)
    assert_no_exception(page)
    assert page.locator('[data-testid="stSidebar"]').is_hidden()
    assert page.locator('[data-testid="stHeader"]').is_hidden()
    screenshot(page, f"presentasi-{theme}-1-headline")
    # Step to the first page of the kabupaten/kota board and to the kecamatan board.
    page.get_by_role("button", name="Berikutnya ▶").click()
    wait_idle(page)
    page.locator('[data-slide="kabupaten-1"]').wait_for(timeout=60_000)
    screenshot(page, f"presentasi-{theme}-2-kabupaten")
    for _ in range(4):
        page.get_by_role("button", name="Berikutnya ▶").click()
        wait_idle(page)
    page.locator('[data-slide="kecamatan-1"]').wait_for(timeout=60_000)
    screenshot(page, f"presentasi-{theme}-3-kecamatan")
    # Nothing may spill below the fold of a 1080-pixel screen.
    height = page.evaluate("document.scrollingElement.scrollHeight")
    assert height <= FULL_HD["height"], height
    # Back past the headline to the last slides: the trend, then the map.
    for _ in range(6):
        page.get_by_role("button", name="◀ Sebelumnya").click()
        wait_idle(page)
    page.locator('[data-slide="trend"]').wait_for(timeout=60_000)
    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=60_000)
    screenshot(page, f"presentasi-{theme}-5-trend")
    page.get_by_role("button", name="◀ Sebelumnya").click()
    wait_idle(page)
    page.locator('[data-slide="map"]').wait_for(timeout=60_000)
    page.locator('[data-testid="stDeckGlJsonChart"]').wait_for(timeout=60_000)
    page.wait_for_timeout(1500)  # deck.gl draws on the next animation frames
    screenshot(page, f"presentasi-{theme}-4-map")
    height = page.evaluate("document.scrollingElement.scrollHeight")
    assert height <= FULL_HD["height"], height
    assert_no_exception(page)


def test_slides_advance_by_themselves(start_app, page):
    app = start_app(CENSUS_SLIDE_SECONDS="3")
    page.set_viewport_size(FULL_HD)
    page.goto(f"{app.url}/presentasi?embed=true&urutan=lengkap")
    wait_idle(page)
    page.locator('[data-slide="headline"]').wait_for(timeout=60_000)
    page.locator('[data-slide="kabupaten-1"]').wait_for(timeout=60_000)
    page.locator('[data-slide="kabupaten-2"]').wait_for(timeout=60_000)
    assert_no_exception(page)


SNAPSHOT_6_MARCH = (
    "Rekap SPO Kabupaten Jember\n"
    "Kondisi s.d. 6 Maret 2020\n"
    "\n"
    "No;Kecamatan;Jumlah KK\n"
    "1;Sumbersari;4.152\n"
)


def test_an_import_from_the_cli_shows_on_the_open_screen_without_reload(
    start_app, fresh_url, page, tmp_path
):
    app = start_app(CENSUS_SLIDE_SECONDS="3600")
    page.set_viewport_size(FULL_HD)
    page.goto(f"{app.url}/presentasi?embed=true&urutan=lengkap")
    wait_idle(page)
    page.get_by_text("36.464").first.wait_for(timeout=60_000)
    for _ in range(5):
        page.get_by_role("button", name="Berikutnya ▶").click()
        wait_idle(page)
    slide = page.locator('[data-slide="kecamatan-1"]')
    slide.wait_for(timeout=60_000)
    assert "4.152" not in slide.inner_text()
    page.evaluate("window.__sameDocument = true")

    upload = tmp_path / "rekap 6 maret.csv"
    upload.write_text(SNAPSHOT_6_MARCH, encoding="utf-8")
    db = fresh_url  # the store the app was started on
    proc = subprocess.run(
        [sys.executable, "-m", "census_core", "import", str(upload), "--db", db, "--user", "Rina"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr

    # The live poll reruns the page by itself; nobody touches the browser.
    notice = page.locator('[data-testid="live-notice"]')
    said = "Sumbersari naik 540 menjadi 4.152, naik ke peringkat 1"
    notice.get_by_text(said).wait_for(timeout=60_000)
    board = page.locator('[data-slide="kecamatan-1"]')
    board.get_by_role("cell", name="4.152", exact=True).wait_for(timeout=60_000)
    assert "Tertinggi: Sumbersari (4.152 KK)" in board.inner_text()
    assert "Data s.d. 6 Maret 2020" in board.inner_text()
    assert page.evaluate("window.__sameDocument === true")
    assert_no_exception(page)
    screenshot(page, "presentasi-dark-live-update")


LAPTOP = {"width": 1366, "height": 768}
BOARD_GEOMETRY = """() => {
  const slide = document.querySelector('[data-testid="slide"]');
  const rows = [...slide.querySelectorAll('table.board tr')];
  const notice = slide.querySelector('.live-notice');
  const box = (el) => el.getBoundingClientRect();
  return {
    lastRow: box(rows[rows.length - 1]).bottom,
    footer: box(slide.querySelector('footer')).top,
    title: box(slide.querySelector('header')).top,
    strip: box(slide.querySelector('.notice-strip')).bottom,
    notice: notice ? box(notice).height : null,
    cut: notice ? notice.scrollWidth > notice.clientWidth : null,
    page: document.scrollingElement.scrollHeight,
  };
}"""


def test_a_long_notice_keeps_the_board_above_the_footer_at_1366x768(start_app, fresh_url, page):
    from census_core.store import Store

    app = start_app(CENSUS_SLIDE_SECONDS="3600")
    page.set_viewport_size(LAPTOP)
    page.goto(f"{app.url}/presentasi?embed=true&urutan=lengkap")
    wait_idle(page)
    page.locator('[data-slide="headline"]').wait_for(timeout=60_000)
    for _ in range(5):
        page.get_by_role("button", name="Berikutnya ▶").click()
        wait_idle(page)
    page.locator('[data-slide="kecamatan-1"]').wait_for(timeout=60_000)
    quiet = page.evaluate(BOARD_GEOMETRY)
    assert quiet["notice"] is None
    assert quiet["lastRow"] <= quiet["footer"], quiet
    assert quiet["page"] <= LAPTOP["height"], quiet

    # Eight kecamatan corrected upwards, then the batch undone: a notice of many regions.
    store = Store(fresh_url)
    codes = store.regions.descendants("35.09", "kecamatan")[:8]
    rows = pd.DataFrame(
        [
            {"region": code, "date": "2020-03-06", "measure": "households", "value": 5000 + i}
            for i, code in enumerate(codes)
        ]
    )
    store.commit_counts(rows, user="Rina", file_name="koreksi.csv", sha256="e" * 64)
    page.locator('[data-testid="live-notice"]').get_by_text("Data baru").wait_for(timeout=60_000)
    store.undo(int(store.batches()["id"].max()), user="Rina")
    notice = page.locator('[data-testid="live-notice"]')
    notice.get_by_text("dibatalkan").wait_for(timeout=60_000)
    wait_idle(page)
    assert "kembali ke" in notice.inner_text() and "naik ke" not in notice.inner_text()
    loud = page.evaluate(BOARD_GEOMETRY)
    # One line, cut with an ellipsis, in the strip kept for it: the slide does not move.
    assert loud["cut"] and loud["notice"] < 50, loud
    assert loud["strip"] <= loud["title"] and loud["title"] == quiet["title"], (quiet, loud)
    assert loud["lastRow"] <= loud["footer"], loud
    assert loud["page"] <= LAPTOP["height"], loud
    assert_no_exception(page)
    screenshot(page, "presentasi-1366-undo-notice")

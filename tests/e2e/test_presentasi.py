"""The meeting screen in a real browser at 1920x1080: both themes, and live data without reload."""

import pytest

from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle

FULL_HD = {"width": 1920, "height": 1080}


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_presentation_fills_the_screen_in_both_themes(start_app, page, theme):
    app = start_app(CENSUS_SLIDE_SECONDS="3600")
    page.set_viewport_size(FULL_HD)
    page.goto(f"{app.url}/presentasi?embed=true&theme={theme}")
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

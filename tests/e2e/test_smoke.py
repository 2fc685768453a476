"""The app as a user sees it: start on a fresh store, open the home page."""

from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle


def test_home_page_shows_the_demo_standings(start_app, page):
    app = start_app()
    page.goto(app.url)
    wait_idle(page)
    page.get_by_text("Pantau Sensus — Jember").first.wait_for(timeout=60_000)
    assert_no_exception(page)
    body = page.inner_text("body")
    assert "Data simulasi" in body
    screenshot(page, "home")

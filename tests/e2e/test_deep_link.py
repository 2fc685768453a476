"""A shared link is the first request after a restart: the router still runs."""

from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle


def test_kecamatan_link_on_a_fresh_server_runs_through_the_router(start_app, page):
    app = start_app()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{app.url}/kecamatan?wilayah=jelbuk")
    wait_idle(page)
    page.get_by_text("Jelbuk peringkat 31 dari 31").first.wait_for(timeout=60_000)
    assert_no_exception(page)
    # The router's sidebar (language switch) is there, and the page list is the router's.
    assert page.get_by_text("Bahasa / Language").count() == 1
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Peringkat" in nav and "app" not in nav.split()
    screenshot(page, "deep-link-kecamatan-390")

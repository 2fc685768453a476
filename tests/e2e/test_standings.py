"""Peringkat and Kecamatan in headless Chromium on a fresh store (the labelled demo)."""

import re

from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle


def _metric_texts(page) -> str:
    return " | ".join(page.locator('[data-testid="stMetric"]').all_inner_texts())


def test_peringkat_on_a_projector(start_app, page):
    app = start_app()
    page.goto(app.url + "/")
    wait_idle(page)
    page.get_by_text("Pantau Sensus — Jember").first.wait_for(timeout=60_000)
    assert_no_exception(page)
    metrics = _metric_texts(page)
    assert "36.464" in metrics and "1 dari 38" in metrics
    body = page.inner_text("body")
    assert "Kabupaten Jember peringkat 1 dari 38 kabupaten/kota di Jawa Timur" in body
    assert "terendah: Kabupaten Mojokerto (1.102 KK)" in body
    assert "Data simulasi" in body
    screenshot(page, "peringkat")

    page.get_by_role("tab", name="Kecamatan di Kabupaten Jember").click()
    wait_idle(page)
    page.get_by_text("Tertinggi: Kaliwates (4.040 KK); terendah: Jelbuk (344 KK)").wait_for()
    screenshot(page, "peringkat-kecamatan")

    page.get_by_text("Persentase target").click()
    wait_idle(page)
    page.get_by_text("menurut persentase target", exact=False).first.wait_for()
    assert_no_exception(page)


def test_kecamatan_on_a_phone(start_app, browser):
    app = start_app()
    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="id-ID")
    page = context.new_page()
    try:
        page.goto(app.url + "/kecamatan?wilayah=jelbuk")
        wait_idle(page)
        page.get_by_text("31 dari 31", exact=True).wait_for(timeout=60_000)
        assert_no_exception(page)
        metrics = _metric_texts(page)
        assert "344" in metrics and "Sukorambi" in metrics
        # Nothing wider than the phone: no sideways scrolling of the page itself.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375
        screenshot(page, "kecamatan-375")
    finally:
        context.close()


def test_choosing_a_kecamatan_updates_the_link(start_app, page):
    app = start_app()
    page.goto(app.url + "/kecamatan?wilayah=35.09.25")
    wait_idle(page)
    page.get_by_text("31 dari 31", exact=True).wait_for(timeout=60_000)
    page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first.click()
    page.keyboard.type("Kaliwates")
    page.keyboard.press("Enter")
    wait_idle(page)
    page.get_by_text("1 dari 31", exact=True).wait_for()
    assert re.search(r"wilayah=35\.09\.19", page.url)
    assert "4.040" in _metric_texts(page)
    assert_no_exception(page)
    screenshot(page, "kecamatan-kaliwates")

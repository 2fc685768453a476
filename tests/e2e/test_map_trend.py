"""The map and the trend in a real browser: the canvas draws, a click opens the kecamatan."""

from __future__ import annotations

import io
import math

import pytest

from census_core.charts import maps
from census_core.geo.geo import load_boundaries, read_dir
from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle
from tests.geofixtures import shared_geo

TEMPUREJO = (113.695, -8.30)  # inside its large southern kecamatan, far from any border


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def to_pixel(view, box: dict, lon: float, lat: float) -> tuple[float, float]:
    """Where (lon, lat) lands on the canvas for the deck's initial view (Web Mercator)."""
    scale = 512 * 2**view.zoom  # deck.gl: 512 px for the world at zoom 0
    x = (lon - view.longitude) / 360 * scale
    y = (_mercator_y(view.latitude) - _mercator_y(lat)) / (2 * math.pi) * scale
    return box["x"] + box["width"] / 2 + x, box["y"] + box["height"] / 2 + y


def distinct_colours(png: bytes) -> int:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB").resize((200, 120))
    return len(set(image.getdata()))


def open_page(page, app, path: str) -> None:
    """Open a page by its URL, as a shared link does."""
    page.set_viewport_size({"width": 1366, "height": 1400})
    page.goto(f"{app.url}/{path}")
    wait_idle(page)


def wait_canvas(page):
    """The deck's canvas once it shows the boundaries (deck.gl draws a few frames later)."""
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.wait_for(state="visible", timeout=60_000)
    for _ in range(120):
        if distinct_colours(canvas.screenshot()) > 20:
            break
        page.wait_for_timeout(250)
    return canvas


def test_map_draws_and_a_click_opens_the_kecamatan(start_app, page, regions):
    geo_dir = shared_geo()
    app = start_app(CENSUS_GEO_DIR=str(geo_dir))
    open_page(page, app, "peta")
    wait_idle(page)
    assert_no_exception(page)
    canvas = wait_canvas(page)
    box = canvas.bounding_box()
    assert box and box["width"] > 400 and box["height"] > 400
    # The boundaries are drawn: many colours, not a blank canvas.
    assert distinct_colours(canvas.screenshot()) > 20
    body = page.inner_text("body")
    assert "BPS / OCHA (HDX)" in body
    screenshot(page, "peta")

    shapes = load_boundaries(read_dir(geo_dir), regions, within="35.09").of("kecamatan", "35.09")
    view = maps.view_of(shapes, height=620)
    x, y = to_pixel(view, box, *TEMPUREJO)
    # Hover until deck.gl has its picking ready (it draws a frame or two after the canvas).
    tooltip = page.locator(".deck-tooltip")
    for step in range(120):
        page.mouse.move(x + step % 2, y)
        if tooltip.count() and "Tempurejo" in tooltip.first.inner_text():
            break
        page.wait_for_timeout(250)
    assert "Tempurejo" in tooltip.first.inner_text()
    assert "dari target" in tooltip.first.inner_text()
    page.mouse.click(x, y)
    page.wait_for_url("**/kecamatan?wilayah=35.09.18", timeout=60_000)
    wait_idle(page)
    assert_no_exception(page)


def test_map_without_boundaries_says_how_to_add_them(start_app, page, tmp_path):
    app = start_app(CENSUS_GEO_DIR=str(tmp_path / "no-geo"))
    open_page(page, app, "peta")
    wait_idle(page)
    assert_no_exception(page)
    page.get_by_text("Belum ada batas wilayah").wait_for(timeout=30_000)
    assert "CENSUS_GEO_DIR" in page.inner_text("body")


@pytest.mark.parametrize("lang", ["id"])
def test_trend_page_draws_its_charts(start_app, page, lang):
    app = start_app()
    open_page(page, app, "tren")
    wait_idle(page)
    assert_no_exception(page)
    page.get_by_text("Dengan laju 7 hari terakhir").first.wait_for(timeout=60_000)
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    charts.first.wait_for(timeout=60_000)
    assert charts.count() == 3
    page.wait_for_timeout(1000)
    screenshot(page, "tren")

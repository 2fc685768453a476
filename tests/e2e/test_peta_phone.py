"""/peta on a 360x740 phone: the whole regency in view, the legend wrapped under the map."""

from __future__ import annotations

import io
import time

from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle
from tests.e2e.test_map_trend import distinct_colours
from tests.geofixtures import shared_geo

LEGEND = """() => {
  const list = document.querySelector('[role="list"]');
  const box = (el) => { const r = el.getBoundingClientRect();
    return {x: r.left, y: r.top, right: r.right, bottom: r.bottom, height: r.height}; };
  const items = [...list.querySelectorAll('[role="listitem"]')].map(box);
  return {list: box(list), items, tops: [...new Set(items.map((i) => Math.round(i.y)))].length,
          width: window.innerWidth, scrollWidth: document.scrollingElement.scrollWidth};
}"""


def _edges_blank(png: bytes) -> bool:
    """Whether the canvas's outer 3-pixel frame is one colour (the background): nothing of the
    regency runs past the edge."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    w, h = image.size
    frame = [image.getpixel((x, y)) for x in range(w) for y in (0, 1, 2, h - 3, h - 2, h - 1)]
    frame += [image.getpixel((x, y)) for y in range(h) for x in (0, 1, 2, w - 3, w - 2, w - 1)]
    return len(set(frame)) == 1


def test_the_whole_regency_fits_a_phone_and_the_legend_wraps(start_app, page):
    app = start_app(CENSUS_GEO_DIR=str(shared_geo()))
    page.set_viewport_size({"width": 360, "height": 740})
    started = time.monotonic()
    page.goto(f"{app.url}/peta")
    wait_idle(page)
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.wait_for(state="visible", timeout=60_000)
    drawn = None
    for _ in range(240):
        png = canvas.screenshot()
        if drawn is None and distinct_colours(png) > 20:
            drawn = time.monotonic() - started
        if drawn is not None and _edges_blank(png):
            break
        page.wait_for_timeout(250)
    fitted = time.monotonic() - started
    print(f"/peta at 360x740: map drawn {drawn:.1f} s, whole regency in view {fitted:.1f} s")
    screenshot(page, "peta-phone-360x740")
    assert_no_exception(page)
    assert distinct_colours(png) > 20
    # The whole regency in view: nothing of it touches the canvas's edges.
    assert _edges_blank(png)
    box = canvas.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360
    # The legend under the map, never over it, wrapped inside the screen.
    g = page.evaluate(LEGEND)
    assert g["list"]["y"] >= box["y"] + box["height"], (g, box)
    assert g["list"]["right"] <= 360 and g["scrollWidth"] <= 360, g
    assert g["tops"] >= 2, g  # more than one row
    for a, b in zip(g["items"], g["items"][1:], strict=False):
        assert a["right"] <= b["x"] or a["bottom"] <= b["y"] or b["bottom"] <= a["y"], g

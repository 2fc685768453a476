"""The meeting screen on projectors: headline, board, map and trend slides fit every screen size.

Sizes are in viewport units, so a 1024x768 projector shows the slide a 1920x1080 screen shows,
only smaller; nothing overlaps and the type stays a share of the screen's height.
"""

import contextlib

import pytest

from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle

SIZES = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080), (3840, 2160)]
# (width, height, theme): every size dark, and light at one of them.
SCREENS = [(w, h, "dark") for w, h in SIZES] + [(1366, 768, "light")]

GEOMETRY = """() => {
  const slide = document.querySelector('[data-testid="slide"]');
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return {x: r.left, y: r.top, right: r.right, bottom: r.bottom};
  };
  const size = (el) => parseFloat(getComputedStyle(el).fontSize);
  const hero = slide.querySelector('.hero .value');
  const table = slide.querySelector('table.board');
  const chart = document.querySelector('[data-testid="stVegaLiteChart"]');
  const buttons = [...document.querySelectorAll('[class*="st-key-slide_"] button')];
  return {
    kind: slide.dataset.slide,
    title: box(slide.querySelector('h1')),
    hero: hero ? box(hero) : null,
    heroSize: hero ? size(hero) : null,
    table: table ? box(table) : null,
    cellSize: table ? Math.min(...[...table.querySelectorAll('td')].map(size)) : null,
    chart: chart ? box(chart) : null,
    // A chart slide draws its footer in a part of its own, after the chart.
    footer: box([...document.querySelectorAll('footer')].pop()),
    buttons: buttons.map(box),
    // A button's label cut with an ellipsis; a card's figure broken over two lines.
    cutLabels: buttons.map((b) => b.querySelector('p'))
      .filter((p) => p && p.scrollWidth > p.clientWidth + 1).map((p) => p.textContent),
    brokenFigures: [...slide.querySelectorAll('.figure .value')]
      .filter((v) => v.getBoundingClientRect().height > 1.5 * size(v)).map((v) => v.textContent),
    width: window.innerWidth,
    height: window.innerHeight,
    scrollWidth: document.scrollingElement.scrollWidth,
  };
}"""


def _apart(a: dict, b: dict) -> bool:
    return (
        a["right"] <= b["x"]
        or b["right"] <= a["x"]
        or a["bottom"] <= b["y"]
        or (b["bottom"] <= a["y"])
    )


def _on_screen(g: dict) -> None:
    footer = g["footer"]
    assert footer["y"] >= 0 and footer["bottom"] <= g["height"], g
    assert g["buttons"], g
    for button in g["buttons"]:
        assert button["bottom"] <= g["height"] and button["right"] <= g["width"], g
    assert g["scrollWidth"] <= g["width"], g
    assert g["cutLabels"] == [] and g["brokenFigures"] == [], g


def _chart_grown(page, tall: float) -> None:
    """Wait (up to 20 s) until the chart is `tall` pixels: vega draws it at its default height
    first and stretches it to its box a moment later; the assertions say if it never does."""
    with contextlib.suppress(Exception):  # measured and reported by the caller
        page.wait_for_function(
            """(tall) => {
              const c = document.querySelector('[data-testid="stVegaLiteChart"]');
              return c && c.getBoundingClientRect().height >= tall;
            }""",
            arg=tall,
            timeout=20_000,
        )


def _geometry(page) -> dict:
    """The slide's boxes once it stands still: a rerun may replace the slide between the wait
    and the measurement, so a measurement of a slide that just left is taken again."""
    for _ in range(20):
        wait_idle(page)
        try:
            return page.evaluate(GEOMETRY)
        except Exception:  # the slide was being replaced: measure again
            page.wait_for_timeout(500)
    return page.evaluate(GEOMETRY)


@pytest.mark.parametrize("screens", [SCREENS], ids=["projectors"])
def test_headline_and_board_fit_every_screen(start_app, page, screens):
    app = start_app(CENSUS_SLIDE_SECONDS="3600")  # a fresh store: the demo
    for width, height, theme in screens:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{app.url}/presentasi?embed=true&theme={theme}")
        wait_idle(page)
        page.locator('[data-slide="headline"] .hero').wait_for(timeout=60_000)
        g = _geometry(page)
        assert g["kind"] == "headline", g
        assert _apart(g["title"], g["hero"]), g
        assert g["heroSize"] >= 0.08 * height, g
        _on_screen(g)
        screenshot(page, f"projector-{width}x{height}-{theme}-1-headline")

        page.get_by_role("button", name="Berikutnya ▶").click()
        wait_idle(page)
        page.locator('[data-slide="kabupaten-ends"] table.board').wait_for(timeout=60_000)
        g = _geometry(page)
        assert _apart(g["title"], g["table"]), g
        assert g["table"]["bottom"] <= g["footer"]["y"], g
        assert g["cellSize"] >= 0.025 * height, g
        _on_screen(g)
        screenshot(page, f"projector-{width}x{height}-{theme}-2-board")

        # Back past the headline to the last slide, the trend: the chart as tall as fits.
        for _ in range(2):
            page.get_by_role("button", name="◀ Sebelumnya").click()
            wait_idle(page)
        page.locator('[data-slide="trend"]').wait_for(timeout=60_000)
        page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=60_000)
        _chart_grown(page, 0.5 * height)
        g = _geometry(page)
        assert _apart(g["title"], g["chart"]), g
        assert g["chart"]["bottom"] <= g["footer"]["y"], g
        assert g["chart"]["bottom"] - g["chart"]["y"] >= 0.5 * height, g
        _on_screen(g)
        screenshot(page, f"projector-{width}x{height}-{theme}-3-trend")
        assert_no_exception(page)


MAP_GEOMETRY = """() => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return {x: r.left, y: r.top, right: r.right, bottom: r.bottom};
  };
  const map = document.querySelector('[data-testid="stDeckGlJsonChart"]');
  const column = map.closest('[data-testid="stColumn"]');
  const aside = document.querySelector('[data-testid="map-aside"]');
  const legend = document.querySelector('.legend');
  const words = [...document.querySelectorAll('.legend, .aside td')];
  return {
    map: box(map), column: box(column), aside: aside ? box(aside) : null, legend: box(legend),
    legendSize: parseFloat(getComputedStyle(legend).fontSize),
    smallest: Math.min(...words.map((w) => parseFloat(getComputedStyle(w).fontSize))),
  };
}"""

# The axis and legend labels vega drew (SVG text), their size in pixels.
AXIS_LABELS = """() => [...document.querySelectorAll(
  '[data-testid="stVegaLiteChart"] :is(.role-axis-label, .role-legend-label) text')].map(
  (t) => parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize))"""


def _settled(page, script: str) -> list:
    """What `script` measures once two measurements half a second apart agree (vega sizes its
    type from its container, which settles a frame or two after the chart first draws)."""
    before = page.evaluate(script)
    for _ in range(20):
        page.wait_for_timeout(500)
        now = page.evaluate(script)
        if now == before:
            break
        before = now
    return before


@pytest.mark.parametrize("sizes", [SIZES], ids=["projectors"])
def test_map_and_trend_labels_fit_every_screen(start_app, page, sizes):
    from tests.geofixtures import shared_geo

    app = start_app(CENSUS_SLIDE_SECONDS="3600", CENSUS_GEO_DIR=str(shared_geo()))
    for width, height in sizes:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{app.url}/presentasi?embed=true")
        wait_idle(page)
        page.locator('[data-slide="headline"] .hero').wait_for(timeout=60_000)
        page.get_by_role("button", name="◀ Sebelumnya").click()
        wait_idle(page)
        page.locator('[data-slide="trend"]').wait_for(timeout=60_000)
        page.locator('[data-testid="stVegaLiteChart"] .role-axis-label text').first.wait_for(
            timeout=60_000
        )
        labels = _settled(page, AXIS_LABELS)
        screenshot(page, f"projector-{width}x{height}-dark-5-trend-labels")
        assert labels and min(labels) >= 0.02 * height, (width, height, labels)

        page.get_by_role("button", name="◀ Sebelumnya").click()
        wait_idle(page)
        page.locator('[data-slide="map"]').wait_for(timeout=60_000)
        page.locator('[data-testid="stDeckGlJsonChart"] canvas').first.wait_for(timeout=60_000)
        g = _geometry(page)
        m = page.evaluate(MAP_GEOMETRY)
        screenshot(page, f"projector-{width}x{height}-dark-4-map")
        assert g["kind"] == "map", g
        # The whole map inside its column (scaled, not cut), under the title, above the legend.
        assert m["map"]["right"] <= m["column"]["right"] + 1, m
        assert m["map"]["bottom"] <= m["column"]["bottom"] + 1, m
        assert _apart(g["title"], m["map"]) and _apart(m["map"], m["legend"]), (g, m)
        if m["aside"]:
            assert _apart(m["map"], m["aside"]) and m["aside"]["right"] <= width, m
            assert m["aside"]["bottom"] <= m["legend"]["y"], m
        assert m["legend"]["bottom"] <= g["footer"]["y"], (g, m)
        assert m["smallest"] >= 0.02 * height, m
        _on_screen(g)
        assert_no_exception(page)

"""The widget in a real browser at its iframe's size: nothing spills, the figure shows."""

import pytest

from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle

IFRAME = {"width": 320, "height": 180}


@pytest.mark.parametrize(
    "query,figure",
    [("wilayah=35.09&embed=true", "36.464"), ("wilayah=35.09.19&embed=true&theme=dark", "4.040")],
)
def test_the_widget_fits_its_iframe(start_app, page, query, figure):
    app = start_app()
    page.set_viewport_size(IFRAME)
    page.goto(f"{app.url}/widget?{query}")
    wait_idle(page)
    shown = page.locator('[data-testid="widget-figure"]')
    shown.get_by_text(figure).wait_for(timeout=60_000)
    assert_no_exception(page)
    assert shown.is_visible()
    assert page.locator('[data-testid="stSidebar"]').is_hidden()
    assert page.locator('[data-testid="stHeader"]').is_hidden()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= IFRAME["width"], width
    box = page.locator('[data-testid="widget"]').bounding_box()
    assert box is not None and box["x"] + box["width"] <= IFRAME["width"]
    assert box["y"] + box["height"] <= IFRAME["height"], box
    screenshot(page, "widget-" + ("dark" if "dark" in query else "light"))

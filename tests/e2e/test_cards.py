"""The KPI cards read whole on a 1024x768 projector and on a phone: no figure, delta or note
of a card cut short with an ellipsis, on the home page and a kecamatan's page."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle

# The texts of a card that Streamlit would cut with "…" where they do not fit.
CUT = """() => [...document.querySelectorAll('[data-testid="stMetric"]')].flatMap((card) =>
  [...card.querySelectorAll('.stMarkdownEllipsis')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => card.querySelector('[data-testid="stMetricLabel"]').innerText + ': '
      + el.innerText))"""


@pytest.mark.parametrize("width,height", [(1024, 768), (360, 740)])
def test_every_card_reads_whole(start_app, page, width, height):
    app = start_app()
    page.set_viewport_size({"width": width, "height": height})
    for path, name in [("", "Pantau Sensus — Jember"), ("kecamatan?wilayah=jelbuk", "Jelbuk")]:
        page.goto(f"{app.url}/{path}")
        page.get_by_text(name).first.wait_for(timeout=60_000)
        page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
        wait_idle(page)
        assert_no_exception(page)
        assert page.locator('[data-testid="stMetric"]').count() >= 6
        assert page.evaluate(CUT) == [], path
        screenshot(page, f"cards-{path.split('?')[0] or 'home'}-{width}")

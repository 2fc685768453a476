"""The widget (/widget) under AppTest: the home regency, a kecamatan, both themes, a bad code."""

import pandas as pd
import pytest

from census_core.display.widget import WidgetView
from census_core.store import Store
from ui.widget import render

PAGE = "app_pages/widget.py"


@pytest.fixture
def widget(app):
    def make(**query):
        # AppTest finds a page of st.navigation only after a first run of the router.
        at = app(**query).run()
        return at.switch_page(PAGE).run()

    return make


def panel(at) -> str:
    [html] = [h.value for h in at.html if 'class="widget"' in h.value]
    return html


def test_the_home_regency_by_default(widget):
    at = widget()
    assert not at.exception and not at.error
    html = panel(at)
    assert 'data-code="35.09"' in html
    for text in ("Kabupaten Jember", "36.464", "1 dari 38", "Peringkat di Jawa Timur"):
        assert text in html
    assert "Data s.d. 5 Maret 2020" in html and "Pantau Sensus · Data simulasi" in html
    assert not at.sidebar.radio  # no language choice, no measure, no day: a bare panel
    assert any("display: none" in h.value for h in at.html)  # header and sidebar hidden


def test_a_kecamatan_in_english(widget):
    at = widget(wilayah="35.09.19", lang="en")
    html = panel(at)
    assert "Kaliwates" in html and "4,040" in html and "1 of 31" in html
    assert "Simulated data" in html


def test_a_kecamatan_by_name(widget):
    assert 'data-code="35.09.25"' in panel(widget(wilayah="jelbuk"))


@pytest.mark.parametrize("theme,background", [("dark", "#0e1621"), ("light", "#ffffff")])
def test_the_themes(widget, theme, background):
    at = widget(theme=theme)
    assert not at.exception
    assert any(f"background: {background}" in h.value for h in at.html)


@pytest.mark.parametrize(
    "lang,said",
    [
        ("id", "Wilayah “35.10” tidak ada di Kabupaten Jember."),
        ("en", "No region “35.10” in Kabupaten Jember."),
    ],
)
def test_an_unknown_code_is_a_small_message(widget, lang, said):
    at = widget(wilayah="35.10", lang=lang)
    assert not at.exception and not at.error
    assert said in panel(at)
    assert "data-code" not in panel(at)


def test_a_new_batch_shows_on_the_next_run(widget, demo_url):
    at = widget(wilayah="35.09.21")
    assert "3.612" in panel(at) and "Data s.d. 5 Maret 2020" in panel(at)
    rows = pd.DataFrame(
        [{"region": "35.09.21", "date": "2020-03-06", "measure": "households", "value": 4152}]
    )
    Store(demo_url).commit_counts(rows, user="Rina", file_name="6 maret.csv", sha256="1" * 64)
    at.run()  # what ui.live's poll does when the store's version moves
    html = panel(at)
    assert "4.152" in html and "1 dari 31" in html and "Data s.d. 6 Maret 2020" in html


def test_names_are_escaped():
    view = WidgetView(
        code='35.09"><script>',
        name="<script>alert(1)</script>Kaliwates",
        measure="KK",
        figure="4.040",
        rank_label="Peringkat di <img src=x onerror=alert(2)>Jember",
        rank="1 dari 31",
        share=50.0,
        share_text="Capaian target 50,0%",
        date="Data s.d. 5 Maret 2020",
        credit="Pantau Sensus",
    )
    html = render(view)
    assert "<script>" not in html and "<img" not in html
    assert 'data-code="35.09&quot;&gt;&lt;script&gt;"' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Kaliwates" in html

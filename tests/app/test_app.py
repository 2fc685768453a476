import re

import pytest

from ui import look


def test_app_starts_on_the_ranking_with_the_demo(app):
    at = app().run()
    assert not at.exception
    assert at.title[0].value == "Pantau Sensus — Jember"
    table = at.dataframe[0].value
    assert list(table["Wilayah"][:1]) == ["Kabupaten Jember"]
    assert table["KK"][0] == "36.464"
    assert any("Data simulasi" in c.value for c in at.caption)


BAD_SETTINGS = [
    ("CENSUS_HOME", "99.99", "35.09"),
    ("CENSUS_DEADLINE", "31-03-2020x", "2020-03-31"),
    ("CENSUS_TARGET_PCT", "abc", "angka"),
    ("CENSUS_TARGET_PCT", "0", "=50"),
    ("CENSUS_TARGET_PCT", "150", "=50"),
    ("CENSUS_TARGET_PCT", "-5", "=50"),
]
PAGES = [None, "app_pages/kecamatan.py", "app_pages/peta.py", "app_pages/tren.py",
         "app_pages/presentasi.py", "app_pages/unggah.py", "app_pages/widget.py"]  # fmt: skip


def _shown(element) -> str:
    return re.sub(r"\\(.)", r"\1", str(element.value))


@pytest.mark.parametrize("setting,value,hint", BAD_SETTINGS)
def test_a_bad_setting_is_one_clear_message_not_a_traceback(app, monkeypatch, setting, value, hint):
    monkeypatch.setenv(setting, value)
    at = app().run()
    assert not at.exception
    assert len(at.error) == 1
    text = _shown(at.error[0])
    assert text.startswith("Pengaturan") and setting in text and f"'{value}'" in text
    assert hint in text
    assert len(at.title) == 0 and len(at.dataframe) == 0  # the page itself did not run


@pytest.mark.parametrize("page", PAGES)
def test_every_page_stops_at_an_unknown_home_region(app, monkeypatch, page):
    monkeypatch.setenv("CENSUS_HOME", "99.99")
    at = app(page).run()
    assert not at.exception
    assert [_shown(e) for e in at.error] == [
        "Pengaturan CENSUS_HOME = '99.99' bukan kode wilayah yang dikenal. Isi dengan kode "
        "Kemendagri kabupaten/kota, mis. CENSUS_HOME=35.09 (Kabupaten Jember)."
    ]


def test_the_settings_message_follows_the_language(app, monkeypatch):
    monkeypatch.setenv("CENSUS_TARGET_PCT", "150")
    at = app().run()
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    text = _shown(at.error[0])
    assert text.startswith("The setting CENSUS_TARGET_PCT = '150' must be above 0")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_draws_captions_at_a_readable_contrast(app, page):
    # Streamlit's 0.6 opacity is 3.9:1 on white; tests/e2e/test_accessibility.py checks the result.
    at = app(page).run()
    assert not at.exception
    styles = [h.value for h in at.html if "stCaptionContainer" in h.value]
    assert len(styles) == 1 and f"opacity: {look.CAPTION_OPACITY};" in styles[0]
    assert look.CAPTION_OPACITY >= 0.8  # 7.0:1 on white, 6.6:1 on the sidebar

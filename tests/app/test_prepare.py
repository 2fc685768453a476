"""Kecamatan pages made ahead: after a run that read a new version, the home regency's kecamatan
pages are made in the background, so the readers the day's link brings find them made."""

from __future__ import annotations

import threading

from census_core.regions import load_regions
from ui import state

JEMBER_KECAMATAN = load_regions().descendants("35.09", "kecamatan")


def _wait_for_preparing() -> None:
    for thread in threading.enumerate():
        if thread.name == "prepare-pages":
            thread.join(120)


def _views(demo_url):
    snap = state._HOLDERS[demo_url].snap
    assert snap is not None
    return snap._views


def test_a_new_version_makes_every_home_kecamatan_page_ahead(app, demo_url, monkeypatch):
    monkeypatch.setenv("CENSUS_PREPARE_PAGES", "1")
    home = app().run()
    assert not home.exception
    _wait_for_preparing()
    views = _views(demo_url)
    kinds = [key[0] for key in list(views._values)]
    # A view, a chart, an origin and a history per kecamatan (and one scan of the histories).
    for kind in ("kecamatan", "kecamatan_chart", "origin", "history"):
        assert kinds.count(kind) == len(JEMBER_KECAMATAN), kind
    made = views.made

    # A reader who chose nothing finds the page made: it makes no view of its own.
    for code in ("35.09.25", "35.09.01"):
        page = app("app_pages/kecamatan.py", wilayah=code).run()
        assert not page.exception
        assert page.header[0].value
    assert views.made == made

    # A reader who chose English is not prepared for: that page is made by its run, once.
    english = app("app_pages/kecamatan.py", wilayah="35.09.25")
    english.session_state["lang"] = "en"
    english.run()
    assert not english.exception
    assert views.made > made


def test_off_makes_nothing_ahead(app, demo_url):
    # The AppTest fixture turns it off (CENSUS_PREPARE_PAGES=0): the home page makes no
    # kecamatan page.
    app().run()
    _wait_for_preparing()
    kinds = {key[0] for key in list(_views(demo_url)._values)}
    assert "kecamatan" not in kinds


def test_warming_up_before_any_visitor_makes_the_home_page(app, demo_url, monkeypatch):
    """ui.serve warms up as the server starts (state.warm, outside any page run): the first
    visitor's home page is then found made, and so are the kecamatan pages."""
    monkeypatch.setenv("CENSUS_PREPARE_PAGES", "1")
    monkeypatch.setattr(state, "_PREPARED", {})
    state.warm()
    views = _views(demo_url)
    kinds = [key[0] for key in list(views._values)]
    assert {"home", "attention", "daily"} <= set(kinds)
    assert kinds.count("kecamatan") == len(JEMBER_KECAMATAN)
    made = views.made
    home = app().run()
    assert not home.exception
    assert home.markdown[0].value  # the headline's sentences
    assert views.made == made

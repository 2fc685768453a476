"""AppTest fixtures: the app on a private copy of the demo store, caches cleared."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from census_core.access.throttle import Throttle

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def app(demo_url, monkeypatch):
    monkeypatch.setenv("CENSUS_DB_URL", demo_url)
    # Pages made ahead in the background are tested on their own (test_prepare.py); behind
    # every test's fresh store they would take the suite's cores from the tests.
    monkeypatch.setenv("CENSUS_PREPARE_PAGES", "0")
    # Every test signs in from the same address: each starts with no wrong password counted.
    monkeypatch.setattr("ui.auth._THROTTLE", Throttle())
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setattr("ui.state._SETTINGS", {})  # settings from this test's secrets too

    def make(page: str | None = None, **query: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        if page:
            at.switch_page(page)
        return at

    return make


@pytest.fixture
def downloads(monkeypatch):
    """The bytes each download button offered, by file name (AppTest's media store is gone
    once a run ends)."""
    offered: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self, data, mimetype, kind, filename=None):
        if filename and isinstance(data, bytes):
            offered[filename] = data
        return original(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    # A button whose data is made on the click (st.download_button(data=callable)): make it now.
    deferred = MediaFileManager.add_deferred

    def make_now(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        if file_name:
            offered[file_name] = data_callable()
        return deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", make_now)
    return offered

"""Settings, the store and its snapshot, cached so a rerun does no I/O when nothing changed."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from census_core.demo import ensure_demo
from census_core.settings import Settings
from census_core.snapshot import Snapshot, load_snapshot
from census_core.store import Store, get_store


def _secrets() -> Mapping[str, object]:
    try:
        return dict(st.secrets)
    except Exception:  # no secrets.toml is the normal case, not an error
        return {}


@st.cache_resource(show_spinner=False)
def _settings(_key: str) -> Settings:
    return Settings.load(_secrets())


def settings() -> Settings:
    import os

    # Keyed on the environment so tests that change CENSUS_* get fresh settings.
    key = repr(sorted((k, v) for k, v in os.environ.items() if k.startswith("CENSUS_")))
    return _settings(key)


@st.cache_resource(show_spinner="Menyiapkan data…")
def _store(url: str) -> Store:
    store = get_store(url)
    ensure_demo(store)  # an empty store starts with the labelled demo data
    return store


def store() -> Store:
    return _store(settings().db_url)


@st.cache_resource(max_entries=4, show_spinner=False)
def _snapshot(url: str, version: str) -> Snapshot:
    return load_snapshot(_store(url))


def snapshot() -> Snapshot:
    """The store's contents at its current version (one cheap query when unchanged)."""
    current = store()
    return _snapshot(current.url, current.version())

"""Settings, the store and its snapshot, cached so a rerun does no I/O when nothing changed."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Mapping

import streamlit as st

from census_core.demo import ensure_demo
from census_core.regions import load_regions
from census_core.settings import Settings, SettingsError
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
    # Keyed on the environment so tests that change CENSUS_* get fresh settings; on a digest
    # of it, so no secret (the upload password, a database password) is itself a cache key.
    env = repr(sorted((k, v) for k, v in os.environ.items() if k.startswith("CENSUS_")))
    return _settings(hashlib.sha256(env.encode()).hexdigest())


def settings_error() -> SettingsError | None:
    """What is wrong with the settings, checked once per run before anything uses them."""
    try:
        settings().check_home(load_regions())
    except SettingsError as exc:
        return exc
    return None


@st.cache_resource(show_spinner="Menyiapkan data…")
def _store(url: str) -> Store:
    store = get_store(url)
    ensure_demo(store)  # an empty store starts with the labelled demo data
    return store


def store() -> Store:
    return _store(settings().db_url)


class _Latest:
    """The newest snapshot of one store, shared by every session of this process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.snap: Snapshot | None = None


@st.cache_resource(show_spinner=False)
def _latest(url: str) -> _Latest:
    return _Latest()


def _newer_or_same(have: str, want: str) -> bool:
    try:
        return int(have) >= int(want)
    except ValueError:
        return have == want


def snapshot() -> Snapshot:
    """The store's contents at its current version (one cheap query when unchanged).

    One snapshot per process: when the version moves, the next one is made from it, reading
    only the batches added since (see census_core.snapshot.load_snapshot), so an upload costs
    a national deployment seconds, not a full reload, and only one copy is kept.
    """
    current = store()
    version = current.version()
    holder = _latest(current.url)
    snap = holder.snap
    if snap is not None and _newer_or_same(snap.version, version):
        return snap
    with holder.lock:  # one session loads; the others wait for it and share the result
        snap = holder.snap
        if snap is None:
            with st.spinner("Memuat data…"):
                holder.snap = load_snapshot(current)
        elif not _newer_or_same(snap.version, version):
            holder.snap = load_snapshot(current, previous=snap)
        assert holder.snap is not None
        return holder.snap

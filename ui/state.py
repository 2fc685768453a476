"""Settings, the store and its snapshot, cached so a rerun does no I/O when nothing changed."""

from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext, suppress

import streamlit as st
from streamlit.logger import get_logger
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from census_core.digest import sha256_of
from census_core.display.shared import prepare_home, prepare_kecamatan, prepare_next_day
from census_core.regions import load_regions
from census_core.services import ensure_demo
from census_core.settings import Settings
from census_core.standings.snapshot import Snapshot, load_snapshot, save_counts_copy
from census_core.store import Store, get_store
from ui import gate

# Streamlit's logger: the server's stderr, at the level of its `logger.level` setting.
log = get_logger(__name__)


def _secrets() -> Mapping[str, object]:
    try:
        return dict(st.secrets)
    except Exception:  # no secrets.toml is the normal case, not an error
        return {}


@st.cache_resource(show_spinner=False)
def _settings(_key: str) -> Settings:
    return Settings.load(_secrets())


# The settings per environment, found without hashing: a page asks for them many times a run.
_SETTINGS: dict[str, Settings] = {}


def settings() -> Settings:
    # Keyed on the environment so tests that change CENSUS_* get fresh settings; on a digest
    # of it, so no secret (the upload password, a database password) is itself a cache key.
    env = repr(sorted((k, v) for k, v in os.environ.items() if k.startswith("CENSUS_")))
    found = _SETTINGS.get(env)
    if found is None:
        found = _settings(sha256_of(env.encode()))
        _SETTINGS.clear()  # one environment at a time; tests change it
        _SETTINGS[env] = found
    return found


def check_settings() -> None:
    """Raise SettingsError for a setting the product cannot use; app.py calls it first."""
    settings().check_home(load_regions())


class _Latest:
    """One store and its newest snapshot, shared by every session of this process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.store: Store | None = None
        self.snap: Snapshot | None = None


# Held here, not in st.cache_resource: the snapshot is the costliest thing the process has
# (18 s and ~1 GB to read at national scale), and a cache can be cleared by any visitor's
# "clear cache" message (ui.guard refuses it too) or by a call to st.cache_resource.clear().
_HOLDERS: dict[str, _Latest] = {}
_HOLDERS_LOCK = threading.Lock()
# A deployment has one store; tests open a new one per test, so only the newest few are kept.
_KEEP = 4


def _holder(url: str) -> _Latest:
    with _HOLDERS_LOCK:
        holder = _HOLDERS.pop(url, None) or _Latest()
        _HOLDERS[url] = holder  # newest last
        while len(_HOLDERS) > _KEEP:
            _HOLDERS.pop(next(iter(_HOLDERS)))
        return holder


def store() -> Store:
    """The store of the settings' URL, made ready (with the demo data when empty) once."""
    holder = _holder(settings().db_url)
    if holder.store is not None:
        return holder.store
    with holder.lock:
        if holder.store is None:
            with _spinner("Menyiapkan data…"):
                made = get_store(settings().db_url)
                # An empty store starts with the labelled demo only where it is the home's own.
                ensure_demo(made, settings().home, settings().demo_until)
            holder.store = made
        return holder.store


def _spinner(text: str) -> AbstractContextManager[object]:
    """A spinner on the page of a run; nothing when warming up before any visitor (warm())."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return nullcontext()
    return st.spinner(text)


def _newer_or_same(have: str, want: str) -> bool:
    try:
        return int(have) >= int(want)
    except ValueError:
        return have == want


def snapshot() -> Snapshot:
    """The store's contents at its current version (one cheap query when unchanged).

    One snapshot per process: when the version moves, the next one is made from it, reading
    only the batches added since (see snapshot.load_snapshot), so an upload costs
    a national deployment seconds, not a full reload, and only one copy is kept.
    """
    current = store()
    version = current.version()
    holder = _holder(current.url)
    snap = holder.snap
    if snap is not None and _newer_or_same(snap.version, version):
        return snap
    with holder.lock:  # one session loads; the others wait for it and share the result
        snap = holder.snap
        if snap is None:
            with _spinner("Memuat data…"):
                holder.snap = load_snapshot(current)
            log.info("snapshot loaded from store at version %s", holder.snap.version)
        elif not _newer_or_same(snap.version, version):
            holder.snap = load_snapshot(current, previous=snap)
            log.info("snapshot updated from store to version %s", holder.snap.version)
        assert holder.snap is not None
        if not settings().prepare_pages:  # else after the pages made ahead (prepare_pages)
            _keep_copy(current, holder.snap)
        return holder.snap


_COPYING = threading.Lock()


def _keep_copy(store: Store, snap: Snapshot) -> None:
    """Save the snapshot's counts beside the store for the next process to start from
    (census_core/store/counts_file.py), in the background: no page waits for it."""

    def save() -> None:
        try:
            if save_counts_copy(store, snap):
                log.info("counts copy saved at version %s", snap.version)
        except Exception as exc:  # only a copy: the next process reads the store instead
            log.warning("counts copy not saved: %s", exc)
        finally:
            _COPYING.release()

    if store.counts_file is None or not _COPYING.acquire(blocking=False):
        return  # another save is under way; the next new version saves again
    threading.Thread(target=save, name="counts-copy", daemon=True).start()


# Seconds without a page run before tomorrow's boards are drawn ahead (see _make_ahead).
QUIET_BEFORE_NEXT_DAY = 2.0
# The version whose home kecamatan pages were made ahead (or are being made), per store URL.
_PREPARED: dict[str, str] = {}
_PREPARED_LOCK = threading.Lock()


def _claim(url: str, version: str) -> bool:
    """True for the first caller to claim making this version's pages ahead."""
    with _PREPARED_LOCK:
        if _PREPARED.get(url) == version:
            return False
        if len(_PREPARED) >= _KEEP:
            _PREPARED.clear()
        _PREPARED[url] = version
        return True


def _make_ahead(holder: _Latest, made_from: Store, snap: Snapshot, config: Settings) -> None:
    """The home page and every home kecamatan's page at this version, one kecamatan at a time
    through the gate (stopping when a newer version comes), and the older boards tomorrow's
    home page reads; then the counts copy for the next process, after the pages rather than
    beside them (memory)."""
    try:
        prepare_home(snap, config)
        made = prepare_kecamatan(
            snap, made_from, config, still_wanted=lambda: holder.snap is snap, turn=gate.turn
        )
        log.info("%d kecamatan pages made ahead at version %s", made, snap.version)
        # Tomorrow's older boards can wait: once no page has run for a while (a burst of
        # readers after an upload is over), unless a newer version came meanwhile.
        if gate.wait_quiet(QUIET_BEFORE_NEXT_DAY, lambda: holder.snap is snap):
            prepare_next_day(snap, config, turn=gate.turn)
    except Exception as exc:  # only ahead of time: a reader's run makes its page instead
        log.warning("kecamatan pages not made ahead: %s", exc)
    _keep_copy(made_from, snap)
    _give_back_memory()


def prepare_pages() -> None:
    """After a run: when this process holds a version whose home kecamatan pages were not made
    ahead yet, make them in the background (display.shared.prepare_kecamatan), so the readers
    the day's link brings find them made. Off with CENSUS_PREPARE_PAGES=0."""
    try:
        config = settings()
    except Exception:  # a bad setting is shown by the page; nothing to prepare
        return
    if not config.prepare_pages:
        return
    holder = _HOLDERS.get(config.db_url)
    if holder is None or holder.snap is None or holder.store is None:
        return
    snap, made_from = holder.snap, holder.store
    if _claim(made_from.url, snap.version):
        threading.Thread(
            target=_make_ahead,
            args=(holder, made_from, snap, config),
            name="prepare-pages",
            daemon=True,
        ).start()


READY = "ready to serve"


def _give_back_memory() -> None:
    """Hand the memory the previous snapshot held back to the system (glibc keeps freed blocks
    of up to 32 MB for reuse, and a national snapshot frees hundreds of them)."""
    with suppress(OSError, AttributeError):  # not glibc: nothing to do
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _import_pages() -> None:
    """Import what the pages import (the ui modules, and through them pandas' Styler, Altair,
    pydeck...), so the first visitor's run does not."""
    import importlib
    import pkgutil

    import ui

    for module in pkgutil.iter_modules(ui.__path__):
        if module.name != "serve":
            importlib.import_module(f"ui.{module.name}")
    import pandas.io.formats.style  # noqa: F401  (every board is a Styler)


def warm() -> None:
    """Read the store and make the home pages (the home page, then every home kecamatan's)
    before the first visitor asks: ui/serve.py runs it as the server starts. A failure is only
    logged; the first page then meets it and says so."""
    start = time.perf_counter()
    try:
        _import_pages()
        snap = snapshot()
        config = settings()
        prepare_home(snap, config)
        log.info(
            "%s: version %s read and home page made in %.1f s",
            READY,
            snap.version,
            time.perf_counter() - start,
        )
        made_from = store()
        if config.prepare_pages and _claim(made_from.url, snap.version):
            _make_ahead(_holder(made_from.url), made_from, snap, config)
    except Exception as exc:
        log.warning("not warmed before serving: %s", exc)

"""The one edge where errors become words: a typed error is one message, never a traceback."""

from __future__ import annotations

import streamlit as st
from streamlit.logger import get_logger

from census_core.markup import md_escape
from census_core.regions import UnknownRegion
from census_core.settings import SettingsError
from census_core.storefaults import StoreError, StoreFault, store_fault
from census_core.text import t
from ui import live

log = get_logger(__name__)


def message(exc: BaseException, lang: str = "id") -> str | None:
    """The sentence a reader sees for a typed error; None for anything else, which is a bug."""
    if isinstance(exc, SettingsError | StoreFault):  # each says what to set or do itself
        return exc.message(lang)
    if isinstance(exc, UnknownRegion):
        return t("region.unknown", lang, code=exc.code)
    if isinstance(exc, StoreError):  # a request the store refused; its own words go to the log
        log.warning("the store refused a request: %s", exc)
        return t("store.refused", lang)
    return None


def show_error(exc: Exception, lang: str, doing: str) -> None:
    """Show `exc` as one message in `lang` and raise anything that is not a typed error.

    A database error becomes the store fault it is (its detail logged under the reference the
    message names), and the page then tries the store again by itself (ui.live.retry).
    """
    fault = store_fault(exc, doing)
    said = message(fault or exc, lang)
    if said is None:
        raise exc
    if isinstance(exc, UnknownRegion):
        log.info("unknown region %r while %s", exc.code, doing)
    st.error(md_escape(said))
    if fault is not None:
        live.retry(fault)

"""What a browser may ask of the server: never to empty the caches all sessions share."""

from __future__ import annotations

from streamlit.logger import get_logger
from streamlit.runtime.app_session import AppSession

log = get_logger(__name__)


def _ignore_clear_cache(self: AppSession) -> None:
    log.info("a browser asked to clear the caches; ignored (see ui/guard.py)")


def refuse_clear_cache() -> None:
    """Make the server ignore the "clear cache" message a browser can send.

    Streamlit 1.67 empties st.cache_data and st.cache_resource for every session on that
    message, from any visitor, signed in or not: `client.toolbarMode = "viewer"` only hides the
    menu item, and no setting turns the handler off. Each message made the next page view of a
    national deployment take 18 s and left ~345 MB behind, so the handler is replaced here, at
    app start, before any page reads a cache. tests/e2e/test_clear_cache.py sends the message
    to a real server and would fail if a Streamlit upgrade renamed the handler.
    """
    if not hasattr(AppSession, "_handle_clear_cache_request"):
        log.warning("AppSession._handle_clear_cache_request is gone; see ui/guard.py")
    AppSession._handle_clear_cache_request = _ignore_clear_cache  # type: ignore[method-assign]

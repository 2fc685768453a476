"""Pantau Sensus: the router (page config, navigation, shared sidebar) and the one error edge."""

import streamlit as st

from census_core.text import t
from ui import errors, gate, guard, live, look, present, sidebar, state

with gate.turn():
    # No visitor may empty the caches every session shares (see ui/guard.py).
    guard.refuse_clear_cache()
    st.set_page_config(page_title="Pantau Sensus", page_icon="📊", layout="wide")
    look.readable()  # captions at WCAG AA contrast on every page (tests/e2e/test_accessibility.py)

    lang = sidebar.lang()
    # URL paths are a contract (shared links): / is Peringkat, the rest as below.
    pages = [
        st.Page(
            "app_pages/peringkat.py", title=t("nav.peringkat", lang), url_path="", default=True
        ),
        st.Page("app_pages/kecamatan.py", title=t("nav.kecamatan", lang), url_path="kecamatan"),
        st.Page("app_pages/peta.py", title=t("nav.peta", lang), url_path="peta"),
        st.Page("app_pages/tren.py", title=t("nav.tren", lang), url_path="tren"),
        st.Page("app_pages/presentasi.py", title=t("nav.presentasi", lang), url_path="presentasi"),
        st.Page("app_pages/unggah.py", title=t("nav.unggah", lang), url_path="unggah"),
        # For an iframe on the regency's website: reached by its link, not from the menu.
        st.Page(
            "app_pages/widget.py",
            title=t("nav.widget", lang),
            url_path="widget",
            visibility="hidden",
        ),
    ]
    page = st.navigation(pages)
    # The meeting screen and the widget have no sidebar and watch for new data themselves (ui.live).
    meeting = page.url_path == "presentasi"
    bare = meeting or page.url_path == "widget"
    # The one edge: a bad setting, an unknown region or a failing store, met here or in a page, is
    # one message in the reader's language (ui.errors), never a traceback; anything else is a bug.
    try:
        if not bare:
            sidebar.language()  # first, so every word below, an error's too, follows it
        state.check_settings()  # before the watcher or any page uses them
        if not bare:
            live.watch(sidebar.lang())
            sidebar.render(state.snapshot(), state.settings())
        page.run()
    except Exception as exc:
        if meeting:
            sidebar.language()  # an error screen always offers the language choice
        # The widget's language is its link's (?lang=en): an iframe has no sidebar to choose one.
        shown = present.lang() if page.url_path == "widget" else sidebar.lang()
        errors.show_error(exc, shown, f"showing page {page.url_path!r}")
    finally:  # also after st.stop(): the kecamatan pages of a new version are made ahead
        state.prepare_pages()

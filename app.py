"""Pantau Sensus: the router (page config, navigation, shared sidebar)."""

import streamlit as st

from census_core.markup import md_escape
from ui import guard, live, sidebar, state

# No visitor may empty the caches every session shares (see ui/guard.py).
guard.refuse_clear_cache()
st.set_page_config(page_title="Pantau Sensus", page_icon="📊", layout="wide")

TITLES = {
    "id": ("Peringkat", "Kecamatan", "Peta", "Tren", "Presentasi", "Unggah"),
    "en": ("Ranking", "District", "Map", "Trend", "Presentation", "Upload"),
}
titles = TITLES[sidebar.lang()]
# URL paths are a contract (shared links): / is Peringkat, the rest as below.
pages = [
    st.Page("app_pages/peringkat.py", title=titles[0], url_path="", default=True),
    st.Page("app_pages/kecamatan.py", title=titles[1], url_path="kecamatan"),
    st.Page("app_pages/peta.py", title=titles[2], url_path="peta"),
    st.Page("app_pages/tren.py", title=titles[3], url_path="tren"),
    st.Page("app_pages/presentasi.py", title=titles[4], url_path="presentasi"),
    st.Page("app_pages/unggah.py", title=titles[5], url_path="unggah"),
]
page = st.navigation(pages)
# Settings are checked once, before the watcher or any page uses them: a bad one is one
# message naming the setting, its value and what to set, on every page, never a traceback.
if problem := state.settings_error():
    sidebar.language()
    st.error(md_escape(problem.message(sidebar.lang())))
    st.stop()
# A store that fails (gone, locked, unreachable, a bad URL) is one message, never a traceback;
# the page tries again by itself (ui.live.fault). Anything else is a bug and is raised.
try:
    # The meeting screen has no sidebar and watches for new data itself (ui.live) in its layout.
    if page.url_path != "presentasi":
        live.watch(sidebar.lang())
        sidebar.render(state.snapshot())
    page.run()
except Exception as exc:
    live.fault(exc, sidebar.lang(), f"showing page {page.url_path!r}")

"""Pantau Sensus: the router (page config, navigation, shared sidebar)."""

import streamlit as st

from ui import sidebar, state

st.set_page_config(page_title="Pantau Sensus", page_icon="📊", layout="wide")

# URL paths are a contract (shared links): / is Peringkat, the rest as below.
pages = [
    st.Page("pages/peringkat.py", title="Peringkat", url_path="", default=True),
    st.Page("pages/kecamatan.py", title="Kecamatan", url_path="kecamatan"),
    st.Page("pages/peta.py", title="Peta", url_path="peta"),
    st.Page("pages/tren.py", title="Tren", url_path="tren"),
    st.Page("pages/presentasi.py", title="Presentasi", url_path="presentasi"),
    st.Page("pages/unggah.py", title="Unggah", url_path="unggah"),
]
page = st.navigation(pages)
sidebar.render(state.snapshot())
page.run()

"""Presentasi: not built yet."""

import streamlit as st

st.title("Presentasi")
st.info("Halaman ini belum tersedia.")

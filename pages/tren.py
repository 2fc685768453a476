"""Tren: not built yet."""

import streamlit as st

st.title("Tren")
st.info("Halaman ini belum tersedia.")

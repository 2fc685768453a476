"""Peta: not built yet."""

import streamlit as st

st.title("Peta")
st.info("Halaman ini belum tersedia.")

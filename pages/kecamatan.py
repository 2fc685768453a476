"""Kecamatan: not built yet."""

import streamlit as st

st.title("Kecamatan")
st.info("Halaman ini belum tersedia.")

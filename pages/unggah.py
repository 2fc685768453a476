"""Unggah: not built yet."""

import streamlit as st

st.title("Unggah")
st.info("Halaman ini belum tersedia.")

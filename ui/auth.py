"""Operator sign-in for the pages that change data (uploads, events, boundaries)."""

from __future__ import annotations

import streamlit as st

from census_core.auth import password_ok
from ui import state
from ui.safe import md

TEXT = {
    "id": {
        "off": "Unggah belum diaktifkan. Tetapkan kata sandi operator di variabel lingkungan "
        "`CENSUS_UPLOAD_PASSWORD` atau di `.streamlit/secrets.toml`, lalu muat ulang halaman.",
        "password": "Kata sandi operator",
        "name": "Nama operator",
        "submit": "Masuk",
        "wrong": "Kata sandi salah.",
        "signed_in": "Masuk sebagai {user}",
        "sign_out": "Keluar",
    },
    "en": {
        "off": "Uploads are not enabled. Set the operator password in the environment variable "
        "`CENSUS_UPLOAD_PASSWORD` or in `.streamlit/secrets.toml`, then reload the page.",
        "password": "Operator password",
        "name": "Operator name",
        "submit": "Sign in",
        "wrong": "Wrong password.",
        "signed_in": "Signed in as {user}",
        "sign_out": "Sign out",
    },
}


def signed_in_user() -> str | None:
    return st.session_state.get("operator")


def require_operator(lang: str = "id") -> str | None:
    """Show the sign-in form until the operator signs in; return the operator's name."""
    words = TEXT.get(lang, TEXT["id"])
    expected = state.settings().upload_password
    if not expected:
        st.info(words["off"])
        return None
    user = signed_in_user()
    if user:
        cols = st.columns([4, 1])
        cols[0].caption(words["signed_in"].format(user=md(user)))
        if cols[1].button(words["sign_out"], key="sign_out"):
            st.session_state.pop("operator", None)
            st.rerun()
        return user
    with st.form("sign_in"):
        name = st.text_input(words["name"], key="sign_in_name")
        password = st.text_input(words["password"], type="password", key="sign_in_password")
        submitted = st.form_submit_button(words["submit"])
    if submitted:
        if password_ok(password, expected):
            st.session_state["operator"] = name.strip() or "operator"
            st.rerun()
        st.error(words["wrong"])
    return None

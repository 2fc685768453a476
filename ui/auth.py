"""Operator sign-in for the pages that change data (uploads, events, boundaries)."""

from __future__ import annotations

import secrets

import streamlit as st
from streamlit.logger import get_logger

from census_core import services
from census_core.auth import client_address, operator_allowed, password_ok
from census_core.faults import log_fault
from census_core.ingest.report import sign_in_table
from census_core.markup import clean_text
from census_core.markup import md_escape as md
from census_core.settings import Settings
from census_core.text import t
from census_core.throttle import Throttle
from ui import state

log = get_logger(__name__)
# One per process, shared by every session: a guesser who opens a new session per guess is
# still counted by address (census_core.throttle).
_THROTTLE = Throttle()

TEXT = {
    "id": {
        "off": "Unggah belum diaktifkan. Tetapkan kata sandi operator di variabel lingkungan "
        "`CENSUS_UPLOAD_PASSWORD` atau di `.streamlit/secrets.toml` (atau bagian `[auth]` untuk "
        "masuk dengan akun, dengan daftar `CENSUS_UPLOAD_USERS`), lalu muat ulang halaman.",
        "password": "Kata sandi operator",
        "name": "Nama operator",
        "submit": "Masuk",
        "wrong": "Kata sandi salah.",
        "signed_in": "Masuk sebagai {user}",
        "sign_out": "Keluar",
        "login": "Masuk dengan akun organisasi",
        "or": "atau dengan kata sandi operator:",
        "not_listed": "Akun {email} belum terdaftar sebagai operator. Minta pengelola "
        "menambahkannya ke `CENSUS_UPLOAD_USERS`, lalu masuk lagi.",
        "log": "Riwayat masuk",
    },
    "en": {
        "off": "Uploads are not enabled. Set the operator password in the environment variable "
        "`CENSUS_UPLOAD_PASSWORD` or in `.streamlit/secrets.toml` (or an `[auth]` section for "
        "account sign-in, with the list `CENSUS_UPLOAD_USERS`), then reload the page.",
        "password": "Operator password",
        "name": "Operator name",
        "submit": "Sign in",
        "wrong": "Wrong password.",
        "signed_in": "Signed in as {user}",
        "sign_out": "Sign out",
        "login": "Sign in with your organisation account",
        "or": "or with the operator password:",
        "not_listed": "The account {email} is not listed as an operator. Ask the administrator "
        "to add it to `CENSUS_UPLOAD_USERS`, then sign in again.",
        "log": "Sign-in history",
    },
}


def signed_in_user() -> str | None:
    return st.session_state.get("operator")


def _login_configured() -> bool:
    """True when st.login has an identity provider ([auth] in secrets.toml)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets.toml: no provider
        return False


def require_operator(lang: str = "id") -> str | None:
    """Show the sign-in until an operator signs in; return the operator's name.

    Two ways in, either or both configured: an account from the identity provider of
    `[auth]` (st.login) whose address is in CENSUS_UPLOAD_USERS, or the operator password.
    """
    words = TEXT.get(lang, TEXT["id"])
    config = state.settings()
    expected = config.upload_password
    login = _login_configured() and bool(config.upload_users)
    if not expected and not login:
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
    if login:
        account = _account(words, config.upload_users, config.login_provider)
        if account:
            return account
        if expected:
            st.caption(words["or"])
    if expected:
        _password_form(words, expected, config, lang)
    return None


def _account(words: dict[str, str], allowed: tuple[str, ...], provider: str | None) -> str | None:
    """The signed-in account when it is an operator; otherwise the button or the refusal."""
    if not st.user.is_logged_in:
        if st.button(words["login"], key="account_login", type="primary"):
            if provider:
                st.login(provider)
            else:
                st.login()
        return None
    email = st.user.get("email")
    cols = st.columns([4, 1])
    if operator_allowed(email, allowed):
        cols[0].caption(words["signed_in"].format(user=md(str(email))))
        if cols[1].button(words["sign_out"], key="account_logout"):
            st.logout()
        return str(email)
    cols[0].error(words["not_listed"].format(email=md(str(email or "?"))))
    if cols[1].button(words["sign_out"], key="account_logout"):
        st.logout()
    return None


def _password_form(words: dict[str, str], expected: str, config: Settings, lang: str) -> None:
    with st.form("sign_in"):
        name = st.text_input(words["name"], key="sign_in_name")
        password = st.text_input(words["password"], type="password", key="sign_in_password")
        submitted = st.form_submit_button(words["submit"])
    if not submitted:
        return
    # As stored (census_core.store cleans again): no control characters, 120 at most.
    user = clean_text(name, 120) or "operator"
    address = _address(config)
    session = st.session_state.setdefault("sign_in_session", secrets.token_hex(8))
    keys = ("session:" + session, "address:" + address)
    if wait := _THROTTLE.wait(*keys):  # refused without even looking at the password
        st.error(t("auth.too_many", lang, seconds=wait))
        return
    ok = password_ok(password, expected)
    _record(user, address, ok)
    if ok:
        _THROTTLE.succeeded(*keys)
        st.session_state["operator"] = user
        st.rerun()
    wait = _THROTTLE.failed(*keys)
    st.error(words["wrong"] + (" " + t("auth.too_many", lang, seconds=wait) if wait else ""))


def _address(config: Settings) -> str:
    """The client's address: the connection's, or X-Forwarded-For's behind trusted proxies."""
    peer = st.context.ip_address
    forwarded = st.context.headers.get("X-Forwarded-For")
    # Only text counts (outside a browser, e.g. under AppTest, there is no connection).
    return client_address(
        peer if isinstance(peer, str) else None,
        forwarded if isinstance(forwarded, str) else None,
        config.trusted_proxies,
    )


def _record(user: str, address: str, ok: bool) -> None:
    """Log a sign-in and keep it in the store; a store fault must not hide the sign-in's answer."""
    log.info("sign-in %s: name %r from %s", "ok" if ok else "wrong password", user, address)
    try:
        services.record_sign_in(state.store(), user, address, ok)
    except Exception as exc:
        log_fault(log, "recording a sign-in", exc)


def sign_in_history(lang: str = "id") -> None:
    """The newest sign-ins by password (who, from where, right or wrong), for an operator."""
    with st.expander(TEXT.get(lang, TEXT["id"])["log"]):
        table = sign_in_table(state.store().sign_ins(), lang)
        st.dataframe(table, hide_index=True, width="stretch")

"""Operator sign-in for the pages that change data (uploads, events, boundaries)."""

from __future__ import annotations

import secrets

import streamlit as st
from streamlit.logger import get_logger

from census_core import services
from census_core.access.auth import (
    account_name,
    client_address,
    named_operator,
    operator_allowed,
    password_ok,
)
from census_core.access.throttle import Throttle
from census_core.faults import log_fault
from census_core.ingest.report import sign_in_table
from census_core.markup import clean_text
from census_core.markup import md_escape as md
from census_core.settings import Settings
from census_core.text import t
from ui import state

log = get_logger(__name__)
# One per process, shared by every session: a guesser who opens a new session per guess is
# still counted by address (census_core.access.throttle).
_THROTTLE = Throttle()


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
    config = state.settings()
    expected = config.upload_password
    login = _login_configured() and bool(config.upload_users)
    if not expected and not login:
        st.info(t("auth.off", lang))
        return None
    user = signed_in_user()
    if user:
        cols = st.columns([4, 1])
        cols[0].caption(t("auth.signed_in", lang, user=md(user)))
        if cols[1].button(t("auth.sign_out", lang), key="sign_out"):
            st.session_state.pop("operator", None)
            st.rerun()
        return user
    if login:
        account = _account(lang, config.upload_users, config.login_provider)
        if account:
            return account
        if expected:
            st.caption(t("auth.or", lang))
    if expected:
        _password_form(expected, config, lang)
    return None


def _account(lang: str, allowed: tuple[str, ...], provider: str | None) -> str | None:
    """The signed-in account when it is an operator; otherwise the button or the refusal."""
    if not st.user.is_logged_in:
        if st.button(t("auth.login", lang), key="account_login", type="primary"):
            if provider:
                st.login(provider)
            else:
                st.login()
        return None
    email = st.user.get("email")
    cols = st.columns([4, 1])
    if operator_allowed(email, allowed):
        # The account's own name as the provider gives it, with its address: the history and
        # every figure's origin say who stored it.
        user = clean_text(account_name(st.user.get("name"), email), 120)
        cols[0].caption(t("auth.signed_in", lang, user=md(user)))
        if cols[1].button(t("auth.sign_out", lang), key="account_logout"):
            st.logout()
        return user
    cols[0].error(t("auth.not_listed", lang, email=md(str(email or "?"))))
    if cols[1].button(t("auth.sign_out", lang), key="account_logout"):
        st.logout()
    return None


def _password_form(expected: str, config: Settings, lang: str) -> None:
    with st.form("sign_in"):
        name = _name_field(config.operators, lang)
        password = st.text_input(t("auth.password", lang), type="password", key="sign_in_password")
        submitted = st.form_submit_button(t("auth.submit", lang))
    if not submitted:
        return
    # As stored (census_core.store cleans again): no control characters, 120 at most.
    user = clean_text(name or "", 120)
    if config.operators:
        user = named_operator(user, config.operators) or ""
    if not user:  # every upload and undo is recorded under a name: no anonymous "operator"
        st.error(t("auth.name_needed" if not config.operators else "auth.choose_needed", lang))
        return
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
    st.error(t("auth.wrong", lang) + (" " + t("auth.too_many", lang, seconds=wait) if wait else ""))


def _name_field(operators: tuple[str, ...], lang: str) -> str | None:
    """The operator's name: chosen from CENSUS_OPERATORS when set, else written."""
    if operators:
        return st.selectbox(
            t("auth.name", lang),
            operators,
            index=None,
            placeholder=t("auth.choose", lang),
            key="sign_in_name",
        )
    return st.text_input(t("auth.name", lang), key="sign_in_name")


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
    with st.expander(t("auth.log", lang)):
        table = sign_in_table(state.store().sign_ins(), lang)
        if table.empty:  # Streamlit's empty table says 'empty' in English
            st.caption(t("auth.no_sign_ins", lang))
        else:
            st.dataframe(table, hide_index=True, width="stretch")

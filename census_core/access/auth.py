"""Operator sign-in: a password from the settings, compared in constant time."""

from __future__ import annotations

import hmac


def password_ok(given: str, expected: str | None) -> bool:
    """True only when a password is configured and `given` matches it."""
    if not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def parse_operators(text: str | None) -> tuple[str, ...]:
    """'ani@bps.go.id, Budi@Jemberkab.go.id' -> the addresses, lower case, without blanks."""
    if not text:
        return ()
    parts = (part.strip().lower() for part in text.replace(";", ",").split(","))
    return tuple(dict.fromkeys(part for part in parts if part))


def parse_names(text: str | None) -> tuple[str, ...]:
    """'Ani, Budi;Citra' -> ('Ani', 'Budi', 'Citra'): the operators' names as written, once each."""
    if not text:
        return ()
    parts = (" ".join(part.split()) for part in text.replace(";", ",").split(","))
    seen: dict[str, str] = {}
    for part in parts:
        if part and part.casefold() not in seen:
            seen[part.casefold()] = part
    return tuple(seen.values())


def named_operator(given: str | None, names: tuple[str, ...]) -> str | None:
    """The operator `given` names, as the list writes it (case and spaces aside); None when the
    name is not on the list."""
    wanted = " ".join((given or "").split()).casefold()
    return next((name for name in names if name.casefold() == wanted), None) if wanted else None


def account_name(name: object, email: object) -> str:
    """How a signed-in account is recorded: 'Ani (ani@bps.go.id)', or the address alone."""
    address = str(email or "").strip()
    shown = " ".join(str(name).split()) if isinstance(name, str) else ""
    return f"{shown} ({address})" if shown and shown.lower() != address.lower() else address


def operator_allowed(email: object, allowed: tuple[str, ...]) -> bool:
    """True when a signed-in account's address is on the operators' list (case-insensitive).

    An identity provider such as Google signs in anyone with an account: the list, not the
    sign-in, says who may change data. An empty list lets nobody in.
    """
    if not isinstance(email, str) or not email.strip() or not allowed:
        return False
    address = email.strip().lower()
    return any(hmac.compare_digest(address.encode(), a.encode()) for a in allowed)


def client_address(peer: str | None, forwarded_for: str | None, trusted_proxies: int = 0) -> str:
    """The address a sign-in came from, as the throttle and the sign-in record know it.

    With no trusted proxy it is the connection's own address (`peer`; None on loopback):
    X-Forwarded-For is then ignored, since any client can write it. Behind `trusted_proxies`
    proxies that each append the address they saw, the client is that many entries from the end.
    """
    if trusted_proxies and forwarded_for:
        hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
        if hops:
            return hops[-min(trusted_proxies, len(hops))]
    return peer or "localhost"

"""Operator sign-in: a password from the settings, compared in constant time."""

from __future__ import annotations

import hmac


def password_ok(given: str, expected: str | None) -> bool:
    """True only when a password is configured and `given` matches it."""
    if not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))

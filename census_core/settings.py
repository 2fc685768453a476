"""Settings from the environment (and, in the app, from st.secrets passed in)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from census_core.auth import parse_operators

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_URL = f"sqlite:///{PROJECT_ROOT / 'data' / 'census.db'}"
DEFAULT_HOME = "35.09"
DEFAULT_DEADLINE = date(2020, 3, 31)
DEFAULT_TARGET_PCT = 50.0
DEFAULT_SLIDE_SECONDS = 15.0


class SettingsError(ValueError):
    """A setting has a value the product cannot use."""


def _slide_seconds(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError as exc:
        raise SettingsError(f"CENSUS_SLIDE_SECONDS '{text}' is not a number") from exc
    # Under a few seconds nobody at the back of the room can read a slide before it goes.
    if not 3 <= value <= 3600:
        raise SettingsError(f"CENSUS_SLIDE_SECONDS '{text}' must be between 3 and 3600 seconds")
    return value


@dataclass(frozen=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    home: str = DEFAULT_HOME
    deadline: date = DEFAULT_DEADLINE
    target_pct: float = DEFAULT_TARGET_PCT
    upload_password: str | None = None
    # Accounts (e-mail) that may upload after signing in with st.login, when [auth] is set.
    upload_users: tuple[str, ...] = ()
    login_provider: str | None = None
    geo_dir: Path = PROJECT_ROOT / "data" / "geo"
    slide_seconds: float = DEFAULT_SLIDE_SECONDS

    @property
    def target_share(self) -> float:
        return self.target_pct / 100.0

    @classmethod
    def load(cls, extra: Mapping[str, object] | None = None) -> Settings:
        """Read CENSUS_* values; `extra` (e.g. st.secrets) fills what the environment lacks."""
        source: dict[str, str] = {}
        for key, value in (extra or {}).items():
            if key.startswith("CENSUS_") and isinstance(value, str | int | float):
                source[key] = str(value)
        source.update({k: v for k, v in os.environ.items() if k.startswith("CENSUS_")})

        def get(key: str) -> str | None:
            value = source.get(key, "").strip()
            return value or None

        kwargs: dict[str, object] = {}
        if url := get("CENSUS_DB_URL"):
            kwargs["db_url"] = url
        if home := get("CENSUS_HOME"):
            kwargs["home"] = home
        if deadline := get("CENSUS_DEADLINE"):
            try:
                kwargs["deadline"] = date.fromisoformat(deadline)
            except ValueError as exc:
                raise SettingsError(
                    f"CENSUS_DEADLINE '{deadline}' is not a date; write it as YYYY-MM-DD"
                ) from exc
        if pct := get("CENSUS_TARGET_PCT"):
            try:
                value = float(pct.replace(",", "."))
            except ValueError as exc:
                raise SettingsError(f"CENSUS_TARGET_PCT '{pct}' is not a number") from exc
            if not 0 < value <= 100:
                raise SettingsError(f"CENSUS_TARGET_PCT '{pct}' must be above 0 and at most 100")
            kwargs["target_pct"] = value
        if password := get("CENSUS_UPLOAD_PASSWORD"):
            kwargs["upload_password"] = password
        if users := get("CENSUS_UPLOAD_USERS"):
            kwargs["upload_users"] = parse_operators(users)
        if provider := get("CENSUS_LOGIN_PROVIDER"):
            kwargs["login_provider"] = provider
        if geo := get("CENSUS_GEO_DIR"):
            kwargs["geo_dir"] = Path(geo)
        if seconds := get("CENSUS_SLIDE_SECONDS"):
            kwargs["slide_seconds"] = _slide_seconds(seconds)
        return cls(**kwargs)  # type: ignore[arg-type]

"""Settings from the environment (and, in the app, from st.secrets passed in)."""

from __future__ import annotations

import os
from collections.abc import Container, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

from census_core.access.auth import parse_names, parse_operators
from census_core.paths import PROJECT_ROOT

DEFAULT_DB_URL = f"sqlite:///{PROJECT_ROOT / 'data' / 'census.db'}"
DEFAULT_HOME = "35.09"
DEFAULT_DEADLINE = date(2020, 3, 31)
# The demo's last day by default: the report of 6 March (data to 5 March) with its deadline of
# 31 March; 2020-05-29 gives the whole campaign as extended.
DEFAULT_DEMO_UNTIL = date(2020, 3, 5)
DEFAULT_TARGET_PCT = 50.0
DEFAULT_SLIDE_SECONDS = 15.0
DEFAULT_PACE_PUSH = 1.0
DEFAULT_PACE_BEHIND = 0.5
DEFAULT_QUIET_DAYS = 2
# The target shares are measured against unless CENSUS_TARGET_SOURCE or the sidebar names
# another: the regency government's 50 % of families (the report of 6 March 2020).
DEFAULT_TARGET_SOURCE = "Pemkab 50%"
DEFAULT_THRESHOLDS = (25.0, 50.0)


class SettingsError(ValueError):
    """A setting has a value the product cannot use: which setting, the value, why."""

    def __init__(self, setting: str, value: str, reason: str) -> None:
        super().__init__(setting, value, reason)
        self.setting = setting
        self.value = value
        # A key of the word catalogue ("settings.<reason>") that says what is wrong and what to set.
        self.reason = reason

    def message(self, lang: str = "id") -> str:
        """The sentence for a user: the setting, its value and what to set instead."""
        from census_core.text import t

        return t(f"settings.{self.reason}", lang, setting=self.setting, value=self.value)

    def __str__(self) -> str:
        return self.message("en")


def _number(setting: str, text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError as exc:
        raise SettingsError(setting, text, "not_number") from exc
    return value


def _slide_seconds(text: str) -> float:
    value = _number("CENSUS_SLIDE_SECONDS", text)
    # Under a few seconds nobody at the back of the room can read a slide before it goes.
    if not 3 <= value <= 3600:
        raise SettingsError("CENSUS_SLIDE_SECONDS", text, "slide_range")
    return value


def _proxies(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise SettingsError("CENSUS_TRUSTED_PROXIES", text, "proxies_range") from exc
    if not 0 <= value <= 5:
        raise SettingsError("CENSUS_TRUSTED_PROXIES", text, "proxies_range")
    return value


def _public_url(text: str) -> str:
    # Only a web address makes a link a phone can open; a bare host would be read as a path.
    if not text.startswith(("https://", "http://")):
        raise SettingsError("CENSUS_PUBLIC_URL", text, "not_url")
    return text.rstrip("/")


def _pace_fraction(setting: str, text: str) -> float:
    value = _number(setting, text)
    if not 0 < value <= 2:  # also refuses nan
        raise SettingsError(setting, text, "pace_range")
    return value


def _target_pct(text: str) -> float:
    value = _number("CENSUS_TARGET_PCT", text)
    if not 0 < value <= 100:  # also refuses nan
        raise SettingsError("CENSUS_TARGET_PCT", text, "pct_range")
    return value


_ON = {"1": True, "ya": True, "yes": True, "true": True, "on": True}
_OFF = {"0": False, "tidak": False, "no": False, "false": False, "off": False}


def _on_off(key: str, text: str) -> bool:
    found = {**_ON, **_OFF}.get(text.lower())
    if found is None:
        raise SettingsError(key, text, "on_off")
    return found


def _quiet_days(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise SettingsError("CENSUS_QUIET_DAYS", text, "quiet_days_range") from exc
    if not 0 <= value <= 366:
        raise SettingsError("CENSUS_QUIET_DAYS", text, "quiet_days_range")
    return value


def _thresholds(text: str) -> tuple[float, ...]:
    values = []
    for part in text.replace(";", ",").split(","):
        if not part.strip():
            continue
        value = _number("CENSUS_THRESHOLDS", part.strip().rstrip("%"))
        if not 0 < value <= 100:  # also refuses nan
            raise SettingsError("CENSUS_THRESHOLDS", text, "pct_range")
        values.append(value)
    if not values:
        raise SettingsError("CENSUS_THRESHOLDS", text, "pct_range")
    return tuple(sorted(set(values)))


def _date(setting: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise SettingsError(setting, text, "not_date") from exc


def _deadline(text: str) -> date:
    return _date("CENSUS_DEADLINE", text)


def _hide_password(url: str) -> str:
    """A database URL as it may be shown or keyed on: any password replaced by ***."""
    import sqlalchemy as sa

    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy reads; the store will say so when it opens
        return url


@dataclass(frozen=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    home: str = DEFAULT_HOME
    deadline: date = DEFAULT_DEADLINE
    # The deadline first announced, when CENSUS_DEADLINE extends it (31 March -> 29 May 2020).
    deadline_original: date | None = None
    demo_until: date = DEFAULT_DEMO_UNTIL
    target_pct: float = DEFAULT_TARGET_PCT
    # A secret: never in repr(), which pages use as a cache key (see cache_key).
    upload_password: str | None = field(default=None, repr=False)
    # Accounts (e-mail) that may upload after signing in with st.login, when [auth] is set.
    upload_users: tuple[str, ...] = ()
    login_provider: str | None = None
    # The operators' names (CENSUS_OPERATORS): who signs in by password picks one; the CLI's
    # --user must be one. Empty: any name, but a name is required.
    operators: tuple[str, ...] = ()
    geo_dir: Path = PROJECT_ROOT / "data" / "geo"
    slide_seconds: float = DEFAULT_SLIDE_SECONDS
    # Proxies in front of the app that append the client's address to X-Forwarded-For.
    trusted_proxies: int = 0
    # The address the app is reached at, for links shared outside it; None: relative links.
    public_url: str | None = None
    # Fractions of the pace needed: below push a region needs a push, below behind it is behind.
    pace_push: float = DEFAULT_PACE_PUSH
    pace_behind: float = DEFAULT_PACE_BEHIND
    # Days without a new figure after which a region is listed as quiet ("belum lapor").
    quiet_days: int = DEFAULT_QUIET_DAYS
    # Shares of target (percent) the headline counts regions at or above.
    thresholds: tuple[float, ...] = DEFAULT_THRESHOLDS
    # The named target shares are measured against (a source in the store); None: the default.
    target_source: str | None = DEFAULT_TARGET_SOURCE
    # Make the home kecamatan's pages in the background when a new version is read, before
    # the day's link brings their readers (display.shared); not a view input, so not in repr.
    prepare_pages: bool = field(default=True, repr=False)

    def __repr__(self) -> str:
        """Every field but the secrets; a cached view is keyed on it (ui.cached)."""
        shown = [
            f"{f.name}={_hide_password(self.db_url)!r}"
            if f.name == "db_url"
            else f"{f.name}={getattr(self, f.name)!r}"
            for f in fields(self)
            if f.repr
        ]
        return f"Settings({', '.join(shown)})"

    def check_home(self, regions: Container[str]) -> Settings:
        """These settings, when CENSUS_HOME is a region of the master; else SettingsError."""
        if self.home not in regions:
            raise SettingsError("CENSUS_HOME", self.home, "unknown_region")
        return self

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
            kwargs["deadline"] = _deadline(deadline)
        if original := get("CENSUS_DEADLINE_ORIGINAL"):
            kwargs["deadline_original"] = _date("CENSUS_DEADLINE_ORIGINAL", original)
        if until := get("CENSUS_DEMO_UNTIL"):
            kwargs["demo_until"] = _date("CENSUS_DEMO_UNTIL", until)
        if pct := get("CENSUS_TARGET_PCT"):
            kwargs["target_pct"] = _target_pct(pct)
        if password := get("CENSUS_UPLOAD_PASSWORD"):
            kwargs["upload_password"] = password
        if users := get("CENSUS_UPLOAD_USERS"):
            kwargs["upload_users"] = parse_operators(users)
        if names := get("CENSUS_OPERATORS"):
            kwargs["operators"] = parse_names(names)
        if provider := get("CENSUS_LOGIN_PROVIDER"):
            kwargs["login_provider"] = provider
        if geo := get("CENSUS_GEO_DIR"):
            kwargs["geo_dir"] = Path(geo)
        if seconds := get("CENSUS_SLIDE_SECONDS"):
            kwargs["slide_seconds"] = _slide_seconds(seconds)
        if proxies := get("CENSUS_TRUSTED_PROXIES"):
            kwargs["trusted_proxies"] = _proxies(proxies)
        if public := get("CENSUS_PUBLIC_URL"):
            kwargs["public_url"] = _public_url(public)
        for key, name in (("CENSUS_PACE_PUSH", "pace_push"), ("CENSUS_PACE_BEHIND", "pace_behind")):
            if text := get(key):
                kwargs[name] = _pace_fraction(key, text)
        behind = kwargs.get("pace_behind", DEFAULT_PACE_BEHIND)
        if behind > kwargs.get("pace_push", DEFAULT_PACE_PUSH):  # type: ignore[operator]
            raise SettingsError("CENSUS_PACE_BEHIND", get("CENSUS_PACE_BEHIND") or "", "pace_range")
        if quiet := get("CENSUS_QUIET_DAYS"):
            kwargs["quiet_days"] = _quiet_days(quiet)
        if thresholds := get("CENSUS_THRESHOLDS"):
            kwargs["thresholds"] = _thresholds(thresholds)
        if target_source := get("CENSUS_TARGET_SOURCE"):
            kwargs["target_source"] = target_source
        if prepare := get("CENSUS_PREPARE_PAGES"):
            kwargs["prepare_pages"] = _on_off("CENSUS_PREPARE_PAGES", prepare)
        return cls(**kwargs)  # type: ignore[arg-type]

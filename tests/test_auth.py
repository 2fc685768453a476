import pytest

from census_core.access.auth import client_address, operator_allowed, parse_operators, password_ok
from census_core.settings import Settings


@pytest.mark.parametrize(
    "given,expected,ok",
    [
        ("rahasia", "rahasia", True),
        ("Rahasia", "rahasia", False),
        ("", "rahasia", False),
        ("x", None, False),
        ("", "", False),
        ("sandi-ä", "sandi-ä", True),
    ],
)
def test_password_ok(given, expected, ok):
    assert password_ok(given, expected) is ok


def test_operators_list_is_read_loosely_and_matched_without_case():
    allowed = parse_operators(" Ani@BPS.go.id; budi@jemberkab.go.id,, ani@bps.go.id ")
    assert allowed == ("ani@bps.go.id", "budi@jemberkab.go.id")
    assert operator_allowed("ANI@bps.go.id ", allowed)
    assert not operator_allowed("tamu@gmail.com", allowed)
    assert not operator_allowed("bps.go.id", allowed)
    assert not operator_allowed(None, allowed)
    assert not operator_allowed("", allowed)
    assert not operator_allowed("ani@bps.go.id", ())
    assert parse_operators(None) == () and parse_operators("  ") == ()


def test_settings_read_the_operators_and_the_provider(monkeypatch):
    monkeypatch.setenv("CENSUS_UPLOAD_USERS", "ani@bps.go.id")
    monkeypatch.setenv("CENSUS_LOGIN_PROVIDER", "google")
    settings = Settings.load()
    assert settings.upload_users == ("ani@bps.go.id",)
    assert settings.login_provider == "google"


@pytest.mark.parametrize(
    "peer,forwarded,proxies,expected",
    [
        # No trusted proxy: the header is anyone's to write and is ignored.
        ("203.0.113.5", "10.9.9.9", 0, "203.0.113.5"),
        (None, None, 0, "localhost"),
        # Behind one nginx: the last entry is what nginx saw; earlier ones are the client's.
        ("10.0.0.2", "1.1.1.1, 198.51.100.7", 1, "198.51.100.7"),
        ("10.0.0.2", "1.1.1.1, 198.51.100.7, 10.0.0.3", 2, "198.51.100.7"),
        ("10.0.0.2", None, 1, "10.0.0.2"),
        ("10.0.0.2", "198.51.100.7", 3, "198.51.100.7"),
    ],
)
def test_client_address(peer, forwarded, proxies, expected):
    assert client_address(peer, forwarded, proxies) == expected

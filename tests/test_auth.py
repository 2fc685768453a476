import pytest

from census_core.auth import password_ok


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

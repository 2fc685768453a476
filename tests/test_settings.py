from datetime import date

import pytest

from census_core.regions import load_regions
from census_core.settings import Settings, SettingsError

SETTINGS = (
    "CENSUS_DB_URL",
    "CENSUS_HOME",
    "CENSUS_DEADLINE",
    "CENSUS_DEADLINE_ORIGINAL",
    "CENSUS_DEMO_UNTIL",
    "CENSUS_TARGET_PCT",
    "CENSUS_UPLOAD_PASSWORD",
    "CENSUS_SLIDE_SECONDS",
    "CENSUS_PACE_PUSH",
    "CENSUS_PACE_BEHIND",
    "CENSUS_PREPARE_PAGES",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    "setting,value,reason,hint",
    [
        # a deadline is an ISO date
        ("CENSUS_DEADLINE", "31-03-2020x", "not_date", "2020-03-31"),
        ("CENSUS_DEADLINE", "31-03-2020", "not_date", "2020-03-31"),
        ("CENSUS_DEADLINE", "besok", "not_date", "2020-03-31"),
        ("CENSUS_DEADLINE_ORIGINAL", "31 Maret", "not_date", "2020-03-31"),
        ("CENSUS_DEMO_UNTIL", "29/05/2020", "not_date", "2020-03-31"),
        # a target share is a percentage above 0, at most 100
        ("CENSUS_TARGET_PCT", "abc", "not_number", ""),
        ("CENSUS_TARGET_PCT", "0", "pct_range", "=50"),
        ("CENSUS_TARGET_PCT", "150", "pct_range", "=50"),
        ("CENSUS_TARGET_PCT", "-5", "pct_range", "=50"),
        ("CENSUS_TARGET_PCT", "nan", "pct_range", "=50"),
        # slides stay up long enough to be read
        ("CENSUS_SLIDE_SECONDS", "cepat", "not_number", ""),
        ("CENSUS_SLIDE_SECONDS", "1", "slide_range", "=15"),
        # pace thresholds are fractions of the pace needed
        ("CENSUS_PACE_PUSH", "cepat", "not_number", ""),
        ("CENSUS_PACE_PUSH", "0", "pace_range", "=1"),
        ("CENSUS_PACE_BEHIND", "3", "pace_range", "=0,5"),
        ("CENSUS_PACE_BEHIND", "1,5", "pace_range", "=0,5"),
        # a count of proxies in front of the app
        ("CENSUS_TRUSTED_PROXIES", "ya", "proxies_range", "=1"),
        ("CENSUS_TRUSTED_PROXIES", "9", "proxies_range", "=1"),
        # a switch
        ("CENSUS_PREPARE_PAGES", "kadang", "on_off", "=1"),
    ],
)
def test_a_bad_setting_is_a_typed_error_naming_setting_value_and_fix(
    monkeypatch, setting, value, reason, hint
):
    monkeypatch.setenv(setting, value)
    with pytest.raises(SettingsError) as caught:
        Settings.load()
    error = caught.value
    assert (error.setting, error.value, error.reason) == (setting, value, reason)
    for lang, word in (("id", "Pengaturan"), ("en", "The setting")):
        text = error.message(lang)
        assert text.startswith(word)
        assert setting in text and f"'{value}'" in text and hint in text
    assert str(error) == error.message("en")


@pytest.mark.parametrize(
    "setting,value,field,expected",
    [
        ("CENSUS_DEADLINE", "2020-05-29", "deadline", date(2020, 5, 29)),
        ("CENSUS_DEADLINE_ORIGINAL", "2020-03-31", "deadline_original", date(2020, 3, 31)),
        ("CENSUS_DEMO_UNTIL", "2020-03-05", "demo_until", date(2020, 3, 5)),
        ("CENSUS_TARGET_PCT", "100", "target_pct", 100.0),
        ("CENSUS_TARGET_PCT", "12,5", "target_pct", 12.5),
        ("CENSUS_HOME", "35.10", "home", "35.10"),
        ("CENSUS_PACE_PUSH", "0,9", "pace_push", 0.9),
        ("CENSUS_PACE_BEHIND", "0.25", "pace_behind", 0.25),
        ("CENSUS_PREPARE_PAGES", "0", "prepare_pages", False),
        ("CENSUS_PREPARE_PAGES", "Tidak", "prepare_pages", False),
        ("CENSUS_PREPARE_PAGES", "ya", "prepare_pages", True),
    ],
)
def test_good_settings_load(monkeypatch, setting, value, field, expected):
    monkeypatch.setenv(setting, value)
    assert getattr(Settings.load(), field) == expected


@pytest.mark.parametrize("home", ["99.99", "35.99", "Jember", "3509x"])
def test_an_unknown_home_region_is_refused_against_the_region_master(home):
    with pytest.raises(SettingsError) as caught:
        Settings(home=home).check_home(load_regions())
    assert (caught.value.setting, caught.value.value) == ("CENSUS_HOME", home)
    assert "35.09" in caught.value.message("id")  # what to set instead


def test_a_known_home_region_passes():
    settings = Settings(home="35.09")
    assert settings.check_home(load_regions()) is settings


def test_repr_keeps_the_passwords_out(monkeypatch):
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", "rahasia-operator")
    monkeypatch.setenv("CENSUS_DB_URL", "postgresql://sensus:rahasia-db@db-host/census")
    settings = Settings.load()
    assert settings.upload_password == "rahasia-operator"
    text = repr(settings)
    assert "rahasia" not in text
    assert "db-host/census" in text and "35.09" in text


def test_repr_still_tells_apart_what_a_view_depends_on():
    base = Settings()
    assert repr(base) == repr(Settings(upload_password="x"))
    for other in (
        Settings(home="35.10"),
        Settings(target_pct=40.0),
        Settings(deadline=date(2020, 5, 29)),
        Settings(db_url="sqlite:///other.db"),
    ):
        assert repr(other) != repr(base)


def test_the_defaults_of_the_campaign():
    """The deadline as first announced, not extended; the demo opens on the report day."""
    settings = Settings.load()
    assert (settings.deadline, settings.deadline_original) == (date(2020, 3, 31), None)
    assert settings.demo_until == date(2020, 3, 5)


def test_pages_are_made_ahead_unless_turned_off_and_it_keys_no_view():
    assert Settings.load().prepare_pages is True
    assert "prepare_pages" not in repr(Settings(prepare_pages=False))

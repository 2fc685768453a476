"""The daily message for the coordination group, and the WhatsApp share link."""

from __future__ import annotations

from datetime import date
from urllib.parse import unquote

import pytest

from census_core.display.digest import daily_message, kecamatan_path, whatsapp_link
from census_core.display.views import home_view
from census_core.ingest.model import Options
from census_core.ingest.service import check_upload
from census_core.services import commit_upload
from census_core.settings import Settings, SettingsError
from census_core.standings.snapshot import load_snapshot
from census_core.store import Store
from census_core.text import fmt_int
from tests.app.test_story import kecamatan_file

DAY = date(2020, 3, 5)
NEXT = date(2020, 3, 6)


@pytest.fixture(scope="module")
def snap(demo_db_file, regions):
    return load_snapshot(Store(f"sqlite:///{demo_db_file}", regions))


def test_the_message_in_indonesian(snap):
    lines = daily_message(snap, Settings(), DAY, "id").splitlines()
    assert lines == [
        "*Pantau Sensus — Kabupaten Jember, 5 Maret 2020*",
        "Kabupaten Jember: 36.464 KK (+2.440 sejak kemarin), peringkat 1 dari 38 kabupaten/kota "
        "di Jawa Timur.",
        "Capaian target: 11,1% dari target Pemkab 50% (329.446 KK).",
        "Tertinggi: 1. Kaliwates 4.040; 2. Sumbersari 3.612; 3. Patrang 3.105",
        "Terendah: 29. Pakusari 404; 29. Sukorambi 404; 31. Jelbuk 344",
        "Paling naik hari ini: Kaliwates (+235 KK)",
        "Semua kecamatan sudah melapor.",
        "Perlu 11.269 KK per hari selama 26 hari lagi agar target tercapai pada 31 Maret 2020.",
    ]


def test_the_message_in_english(snap):
    text = daily_message(snap, Settings(), DAY, "en")
    assert text.startswith("*Pantau Sensus — Kabupaten Jember, 5 March 2020*\n")
    assert "Kabupaten Jember: 36,464 households (+2,440 since yesterday), rank 1 of 38" in text
    assert "Share of target: 11.1% of the target Pemkab 50% (329,446 households)." in text
    assert "Highest: 1. Kaliwates 4,040; 2. Sumbersari 3,612; 3. Patrang 3,105" in text
    assert "Biggest gain today: Kaliwates (+235 households)" in text
    assert "Every kecamatan has reported." in text
    assert "11,269 households a day for 26 more days" in text


def test_a_day_before_any_data_says_so(snap):
    text = daily_message(snap, Settings(), date(2020, 2, 1), "id")
    assert "Kabupaten Jember belum punya data s.d. 1 Februari 2020." in text
    assert "Tertinggi" not in text


def _regency_figure(text: str) -> str:
    return text.splitlines()[1].split(":", 1)[1].split()[0].rstrip("*")


def test_the_figure_is_home_views_on_the_demo(snap):
    view = home_view(snap, Settings(), DAY)
    text = daily_message(snap, Settings(), DAY, "id")
    assert _regency_figure(text) == fmt_int(view.headline.count) == "36.464"


def test_the_figure_follows_a_kecamatan_upload_for_the_next_day(demo_url, regions):
    store = Store(demo_url, regions)
    data = kecamatan_file(demo_url, 100, NEXT.isoformat())
    checked = check_upload(data, "kec.csv", "counts", load_snapshot(store), Settings())
    assert commit_upload(checked.upload, store, "uji").batch is not None
    snap = load_snapshot(store)
    view = home_view(snap, Settings(), NEXT)
    text = daily_message(snap, Settings(), NEXT, "id")
    assert _regency_figure(text) == fmt_int(view.headline.count) == "39.564"
    assert "Paling naik hari ini:" in text and "Semua kecamatan sudah melapor." in text


def test_kecamatan_without_a_report_are_named(demo_url, regions):
    store = Store(demo_url, regions)
    options = Options(home="35.09", date=NEXT, level="kecamatan")
    data = b"Kecamatan,KK\nKaliwates,4500\nSumbersari,3700\n"
    checked = check_upload(data, "dua.csv", "counts", load_snapshot(store), Settings(), options)
    commit_upload(checked.upload, store, "uji")
    snap = load_snapshot(store)
    view = home_view(snap, Settings(), NEXT)
    # CENSUS_QUIET_DAYS=0: any kecamatan without a figure of the day is named.
    text = daily_message(snap, Settings(quiet_days=0), NEXT, "id")
    assert _regency_figure(text) == fmt_int(view.headline.count)
    assert "Paling naik hari ini: Kaliwates (+460 KK)" in text
    late = next(line for line in text.splitlines() if line.startswith("Belum melapor"))
    assert "Jelbuk (data 5 Maret)" in late and "Kaliwates" not in late
    assert late.startswith("Belum melapor (29 kecamatan): ")
    # Their figures are carried forward, marked and explained as everywhere else.
    assert "31. Jelbuk 344*" in text
    assert text.splitlines()[-1].startswith("* ")


def test_the_share_link_has_a_relative_address_by_default():
    link = whatsapp_link("Jelbuk peringkat 31.", kecamatan_path("35.09.25"), Settings())
    assert link.startswith("https://wa.me/?text=")
    body = link.removeprefix("https://wa.me/?text=")
    assert " " not in body and "\n" not in body and "&" not in body
    assert unquote(body) == "Jelbuk peringkat 31.\n/kecamatan?wilayah=35.09.25"


def test_the_share_link_uses_the_public_address():
    settings = Settings(public_url="https://sensus.example.org")
    link = whatsapp_link("Naik & turun", "/", settings)
    assert unquote(link.removeprefix("https://wa.me/?text=")) == (
        "Naik & turun\nhttps://sensus.example.org/"
    )


@pytest.mark.parametrize(
    "value,expected",
    [
        ("https://sensus.example.org/", "https://sensus.example.org"),
        ("http://10.0.0.5:8501", "http://10.0.0.5:8501"),
    ],
)
def test_public_url_setting(monkeypatch, value, expected):
    monkeypatch.setenv("CENSUS_PUBLIC_URL", value)
    assert Settings.load().public_url == expected


def test_a_public_url_must_be_a_web_address(monkeypatch):
    monkeypatch.setenv("CENSUS_PUBLIC_URL", "sensus.example.org")
    with pytest.raises(SettingsError) as err:
        Settings.load()
    assert err.value.setting == "CENSUS_PUBLIC_URL"
    assert "https://" in err.value.message("id")


def test_a_kecamatan_one_day_behind_is_not_quiet_by_default(demo_url, regions):
    store = Store(demo_url, regions)
    options = Options(home="35.09", date=NEXT, level="kecamatan")
    data = b"Kecamatan,KK\nKaliwates,4500\n"
    checked = check_upload(data, "satu.csv", "counts", load_snapshot(store), Settings(), options)
    commit_upload(checked.upload, store, "uji")
    text = daily_message(load_snapshot(store), Settings(), NEXT, "id")
    assert "Semua kecamatan sudah melapor." in text  # their figures are one day old, N = 2

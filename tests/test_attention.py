"""Who has gone quiet, whom to chase today, and how many regions passed each threshold."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from census_core.display import attention
from census_core.display.attention import (
    Threshold,
    chase_list,
    is_quiet,
    quiet_lines,
    quiet_regions,
    quiet_title,
    threshold_lines,
    thresholds,
)
from census_core.settings import Settings, SettingsError
from census_core.standings.snapshot import load_snapshot
from census_core.store import Store

DAY = date(2020, 3, 5)
JELBUK, KALIWATES, JOMBANG = "35.09.25", "35.09.11", "35.09.01"


def _counts(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"region": r, "date": pd.Timestamp(d), "measure": "households", "value": v}
            for r, d, v in rows
        ]
    )


@pytest.mark.parametrize(
    "last,quiet_days,expected",
    [
        (None, 2, True),  # never reported
        (date(2020, 3, 5), 2, False),  # today
        (date(2020, 3, 3), 2, False),  # exactly two days old: not yet quiet
        (date(2020, 3, 2), 2, True),  # three days old
        (date(2020, 3, 4), 0, True),  # N = 0: anything not of today
        (pd.NaT, 2, True),
    ],
)
def test_the_quiet_rule(last, quiet_days, expected):
    assert is_quiet(last, DAY, quiet_days) is expected


@pytest.fixture
def quiet_snap(fresh_store: Store):
    desa = fresh_store.regions.children(JOMBANG)
    rows = [
        (KALIWATES, "2020-03-05", 400),
        (JELBUK, "2020-03-01", 30),  # five days old
        (desa[0], "2020-03-05", 10),  # Jombang: one desa of several reported
    ]
    fresh_store.commit_counts(_counts(rows), user="Rina", file_name="a.csv", sha256="a" * 64)
    goals = pd.DataFrame(
        [{"region": JELBUK, "measure": "households", "base": 1000, "share": float("nan")}]
    )
    fresh_store.commit_targets(goals, user="Rina", file_name="t.csv", sha256="b" * 64)
    return load_snapshot(fresh_store)


def test_quiet_regions_name_the_date_the_operator_and_missing_desa(quiet_snap):
    found = quiet_regions(quiet_snap, Settings(), DAY).set_index("code")
    assert KALIWATES not in found.index  # reported today, no desa of it reported
    jelbuk = found.loc[JELBUK]
    assert jelbuk["quiet"] and jelbuk["days_since"] == 4 and jelbuk["operator"] == "Rina"
    assert pd.Timestamp(jelbuk["last_date"]).date() == date(2020, 3, 1)
    jombang = found.loc[JOMBANG]
    assert not jombang["quiet"]  # its figure (the sum of its desa) is of today
    assert jombang["desa_missing"] == jombang["desa_total"] - 1 > 0
    # The 28 kecamatan that never reported come first (longest silent).
    never = found[found["last_date"].isna()]
    assert len(never) == 28 and never["operator"].isna().all()
    assert list(found.index[:28]) == list(never.index)


def test_quiet_lines_and_title_in_both_languages(quiet_snap):
    found = quiet_regions(quiet_snap, Settings(), DAY)
    lines = quiet_lines(found, DAY, 2, "id")
    assert "Jelbuk: angka terakhir 1 Maret 2020 (4 hari lalu), dikirim Rina" in lines
    assert "Jombang: 5 dari 6 desa belum lapor" in lines
    assert "Ajung: belum pernah lapor" in lines
    assert quiet_title(found, 2, "id") == "Belum lapor lebih dari 2 hari: 30 kecamatan"
    assert "Ajung: never reported" in quiet_lines(found, DAY, 2, "en")
    assert quiet_title(found.iloc[0:0], 2, "en").startswith("Every kecamatan has reported")


def test_a_longer_quiet_setting_keeps_a_region_off_the_list(quiet_snap):
    found = quiet_regions(quiet_snap, Settings(quiet_days=5), DAY)
    assert JELBUK not in set(found["code"])


def test_nobody_is_quiet_in_the_demo_on_its_last_day(demo_store):
    snap = load_snapshot(demo_store)
    assert quiet_regions(snap, Settings(), DAY).empty


@pytest.mark.parametrize(
    "text,expected",
    [("25,50", (25.0, 50.0)), ("50; 25 ;", (25.0, 50.0)), ("10%", (10.0,)), ("75", (75.0,))],
)
def test_thresholds_setting(monkeypatch, text, expected):
    monkeypatch.setenv("CENSUS_THRESHOLDS", text)
    assert Settings.load().thresholds == expected


@pytest.mark.parametrize("text", ["0", "abc", "25,150", ","])
def test_a_bad_thresholds_setting_is_refused(monkeypatch, text):
    monkeypatch.setenv("CENSUS_THRESHOLDS", text)
    with pytest.raises(SettingsError) as err:
        Settings.load()
    assert err.value.setting == "CENSUS_THRESHOLDS"


@pytest.mark.parametrize("text", ["-1", "2.5", "dua"])
def test_a_bad_quiet_days_setting_is_refused(monkeypatch, text):
    monkeypatch.setenv("CENSUS_QUIET_DAYS", text)
    with pytest.raises(SettingsError) as err:
        Settings.load()
    assert "CENSUS_QUIET_DAYS" in err.value.message("id")


def test_thresholds_count_every_region_and_none_without_a_figure():
    board = pd.DataFrame({"percent": [60.0, 25.0, 24.99, float("nan")]})
    assert thresholds(board, (25.0, 50.0)) == [Threshold(25.0, 2, 4), Threshold(50.0, 1, 4)]
    assert thresholds(board.iloc[0:0], (25.0,)) == [Threshold(25.0, 0, 0)]


def test_the_threshold_headline():
    lines = threshold_lines([Threshold(25.0, 24, 31)], "kecamatan", "target Pemkab 50%", "id")
    assert lines == ["24 dari 31 kecamatan sudah ≥ 25% target Pemkab 50%"]
    half = threshold_lines([Threshold(12.5, 1, 2)], "kecamatan", "target", "en")
    assert half == ["1 of 2 districts at ≥ 12.5% of target"]


def test_the_chase_list_holds_the_quiet_and_the_behind(quiet_snap):
    chase = chase_list(quiet_snap, Settings(), DAY)
    assert set(chase.columns) == set(attention.CHASE_COLUMNS)
    jelbuk = chase[chase["code"] == JELBUK].iloc[0]
    assert jelbuk["quiet"] and jelbuk["level"] == "kecamatan"
    # Needed per day agrees with the board's pace_needed (the one formula).
    board = quiet_snap.board("kecamatan", "35.09", DAY, Settings()).set_index("code")
    assert (
        jelbuk["needed_per_day"] == board.loc[JELBUK, "pace_needed"] == 19
    )  # 470 / 26 days, rounded up
    # Largest need first; desa after kecamatan.
    need = chase["needed_per_day"].astype("float64").fillna(-1)
    assert need.is_monotonic_decreasing
    assert (chase["level"] == "desa").any()


def test_the_demo_chase_list_is_the_behind_only(demo_store):
    snap = load_snapshot(demo_store)
    chase = chase_list(snap, Settings(), DAY)
    assert not chase["quiet"].any() and chase["behind"].all()
    # Demo: nobody keeps pace with 50 % by 31 March, so every kecamatan is behind.
    assert (chase["level"] == "kecamatan").sum() == 31


def test_the_target_is_named(quiet_snap):
    from census_core.display.attention import target_label
    from census_core.text import share_of_target

    settings = Settings()
    assert target_label("Pemkab 50%", settings, "id") == "target Pemkab 50%"
    assert target_label("", settings, "id") == "target 50%"
    assert target_label(None, settings, "en") == "no target"
    assert share_of_target(11.07, "target Pemkab 50%", "id") == "11,1% dari target Pemkab 50%"


def test_the_attention_view_on_the_demo(demo_store):
    from dataclasses import replace

    snap = load_snapshot(demo_store)
    view = attention.attention_view(snap, Settings(), DAY)
    assert view.target == "target Pemkab 50%"
    assert view.thresholds[0].startswith("1 dari 31 kecamatan sudah ≥ 25% target Pemkab 50%")
    assert view.quiet_title == "Semua kecamatan sudah lapor dalam 2 hari terakhir."
    assert len(view.chase) == len(chase_list(snap, Settings(), DAY))
    bps = attention.attention_view(snap, replace(Settings(), target_source="BPS 22%"), DAY)
    assert bps.target == "target BPS 22%" and bps.thresholds != view.thresholds

"""Who needs attention on the pages: thresholds, 'Belum lapor', 'Siapa dikejar', the target."""

from __future__ import annotations

import re

from tests.app.test_unggah import signed_in  # noqa: F401  (fixture)


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.value for h in at.subheader]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


def test_home_page_shows_thresholds_quiet_and_the_chase_list(app):
    at = app().run()
    assert not at.exception
    text = _texts(at)
    assert "1 dari 31 kecamatan sudah ≥ 25% target Pemkab 50%" in text
    assert "0 dari 31 kecamatan sudah ≥ 50% target Pemkab 50%" in text
    assert "Persentase dihitung terhadap target Pemkab 50%." in text
    assert "Semua kecamatan sudah lapor dalam 2 hari terakhir." in text
    assert [e.label for e in at.expander].count("Siapa dikejar hari ini") == 1
    [table] = [d.value for d in at.dataframe if "Perlu per hari" in d.value]
    # Nobody in the demo keeps the pace 50 % needs: every kecamatan and desa is behind.
    assert (table["Tingkat"] == "kecamatan").sum() == 31 and len(table) == 31 + 248
    assert list(table["Alasan"].unique()) == ["tertinggal"]
    assert table["Wilayah"].iloc[0] == "Wuluhan"  # the largest need first


def test_a_quiet_setting_of_zero_lists_every_kecamatan_a_day_later(app, monkeypatch):
    monkeypatch.setenv("CENSUS_QUIET_DAYS", "0")
    monkeypatch.setenv("CENSUS_THRESHOLDS", "10")
    at = app().run()
    # The demo's last day is shown; nobody is quiet on it even at N = 0.
    text = _texts(at)
    assert "Semua kecamatan sudah lapor dalam 0 hari terakhir." in text
    assert "kecamatan sudah ≥ 10% target Pemkab 50%" in text
    assert "≥ 25%" not in text


def test_the_sidebar_picks_the_target(app):
    at = app().run()
    choice = at.selectbox(key="target_source")
    assert choice.value == "Pemkab 50%"
    assert choice.options == ["target BPS 22%", "target Pemkab 50%", "target Penduduk 100%"]
    choice.set_value("BPS 22%").run()
    assert not at.exception
    text = _texts(at)
    assert "Persentase dihitung terhadap target BPS 22%." in text
    assert "kecamatan sudah ≥ 25% target BPS 22%" in text


def test_the_upload_page_names_who_has_not_reported(signed_in):  # noqa: F811
    at = signed_in()
    assert "Semua kecamatan sudah lapor dalam 2 hari terakhir." in _texts(at)

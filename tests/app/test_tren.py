"""The trend page under AppTest: the sentence, the charts, comparisons and event notes."""

from __future__ import annotations

import json
from datetime import date

from census_core.charts.charts import EVENT_COLOR
from census_core.store import Store


def specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def test_the_trend_of_jember_with_its_sentence_and_three_charts(app):
    at = app("app_pages/tren.py").run()
    assert not at.exception
    assert at.markdown[0].value.startswith("**Dengan laju 7 hari terakhir (")
    # One scale: the projection is a share of the target, as on the cards and the third chart.
    assert "Jember mencapai 29% target pada 31 Maret" in at.markdown[0].value
    assert "untuk mencapai target 329.446 KK" in at.markdown[0].value
    charts = specs(at)
    assert len(charts) == 3
    assert charts[2]["layer"][0]["encoding"]["y"]["title"] == "Capaian target (%)"
    assert charts[0]["config"]["locale"]["number"]["thousands"] == "."
    assert [b.label for b in at.get("download_button")][:3] == [
        "Unduh PNG",
        "Unduh data (CSV)",
        "CSV (Excel Indonesia)",
    ]


def test_kecamatan_against_the_regency_average(app):
    at = app("app_pages/tren.py").run()
    at.multiselect(key="tren_pick_kecamatan").set_value(["35.09.25", "35.09.19"]).run()
    assert not at.exception
    lines = [m.value for m in at.markdown]
    assert any("Jelbuk mencapai" in v for v in lines) and any("Kaliwates" in v for v in lines)
    comparison = specs(at)[2]
    color = comparison["layer"][0]["encoding"]["color"]["scale"]
    assert color["domain"] == ["Jelbuk", "Kaliwates", "Rata-rata Jember"]


def test_regency_against_the_province(app):
    at = app("app_pages/tren.py").run()
    at.radio(key="tren_kind").set_value("kabupaten").run()
    assert not at.exception
    assert at.markdown[0].value.startswith("**Dengan laju 7 hari terakhir")
    color = specs(at)[2]["layer"][0]["encoding"]["color"]["scale"]
    assert color["domain"] == ["Jember", "Rata-rata Jawa Timur"]


def test_the_demo_events_are_drawn_on_every_chart(app):
    at = app("app_pages/tren.py").run()
    # Streamlit moves the data out of the spec; the event marks stay in it.
    for spec in specs(at):
        marks = [layer["mark"] for layer in spec["layer"]]
        assert {"type": "rule", "color": EVENT_COLOR} in [
            {"type": m["type"], "color": m.get("color")} for m in marks
        ]


def test_an_operator_adds_and_removes_an_event(app, monkeypatch, demo_url, regions):
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", "rahasia")
    at = app("app_pages/tren.py").run()
    assert not at.get("download_button")[0].proto.disabled
    at.text_input(key="sign_in_name").set_value("Budi")
    at.text_input(key="sign_in_password").set_value("rahasia")
    next(b for b in at.button if b.label == "Masuk").click().run()
    at.text_input(key="event_text").set_value("Rakorkab ke-2 <b>17 Maret</b>")
    next(b for b in at.button if b.label == "Tambah catatan").click().run()
    assert not at.exception
    events = Store(demo_url, regions).events()
    assert list(events["text"])[-1] == "Rakorkab ke-2 <b>17 Maret</b>"
    assert events["user"].iloc[-1] == "Budi"
    new_id = int(events["id"].iloc[-1])
    at.button(key=f"event_delete_{new_id}").click().run()
    assert "Rakorkab ke-2 <b>17 Maret</b>" not in list(Store(demo_url, regions).events()["text"])


def test_without_a_password_events_cannot_be_added(app):
    at = app("app_pages/tren.py").run()
    assert any("CENSUS_UPLOAD_PASSWORD" in i.value for i in at.info)
    assert not [b for b in at.button if b.label == "Tambah catatan"]


def test_switching_language_keeps_the_chosen_day_and_renames_it(app):
    """The sidebar's day survives a language switch and reads in the new language."""
    at = app("app_pages/tren.py").run()
    at.sidebar.selectbox(key="as_of_id").set_value(date(2020, 3, 4)).run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    day = at.sidebar.selectbox(key="as_of_en")
    assert day.value == date(2020, 3, 4)
    assert "4 March 2020" in day.options
    assert at.markdown[0].value.startswith("**At the pace of the last 7 days")
    at.sidebar.radio(key="lang").set_value("id").run()
    assert not at.exception
    assert at.sidebar.selectbox(key="as_of_id").value == date(2020, 3, 4)


# The replay: "Putar" steps the shared date day by day (a timer fragment); "Jeda" stops it.
def _tick(at):
    at.session_state["replay_at"] = 0.0  # as if the fragment's timer had come round
    return at.run()


def test_play_steps_the_date_through_the_days(app):
    at = app("app_pages/tren.py").run()
    assert at.caption[0].value == "Batas 31 Maret 2020"
    assert at.session_state["as_of"] == date(2020, 3, 5)
    at.button(key="replay_play").click().run()
    assert not at.exception
    # From the last day, the replay starts again at the first and waits for the timer.
    assert at.session_state["replay"] and at.session_state["as_of"] == date(2020, 2, 15)
    assert at.button(key="replay_pause").label == "Jeda"
    _tick(at)
    assert not at.exception and at.session_state["as_of"] == date(2020, 2, 16)
    assert at.selectbox(key="as_of_id").value == date(2020, 2, 16)  # the sidebar follows
    _tick(at)
    assert at.session_state["as_of"] == date(2020, 2, 17)
    at.button(key="replay_pause").click().run()
    assert not at.session_state["replay"] and at.button(key="replay_play").label == "Putar"
    _tick(at)
    assert at.session_state["as_of"] == date(2020, 2, 17)  # paused: the date stays


def test_play_stops_after_the_last_day(app):
    at = app("app_pages/tren.py").run()
    at.session_state["as_of"] = date(2020, 3, 4)
    at.button(key="replay_play").click().run()
    assert at.session_state["as_of"] == date(2020, 3, 4)
    _tick(at)
    assert at.session_state["as_of"] == date(2020, 3, 5) and at.session_state["replay"]
    _tick(at)
    assert not at.exception and not at.session_state["replay"]
    assert at.session_state["as_of"] == date(2020, 3, 5)


def test_an_extended_deadline_is_said(app, monkeypatch):
    monkeypatch.setenv("CENSUS_DEADLINE", "2020-05-29")
    monkeypatch.setenv("CENSUS_DEADLINE_ORIGINAL", "2020-03-31")
    at = app("app_pages/tren.py").run()
    captions = [c.value for c in at.caption]
    assert "Batas 29 Mei 2020, diperpanjang dari 31 Maret 2020" in captions

"""Trend charts, checked through their Vega-Lite specs, and their PNG and CSV exports."""

from __future__ import annotations

import io
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from census_core.charts import charts
from census_core.charts.chartstyle import drawn_size
from census_core.charts.chartstyle import screen_style as charts_style
from census_core.charts.maps import legend
from census_core.charts.palette import LegendItem
from census_core.standings import trend

EVENTS = pd.DataFrame(
    {
        "date": pd.to_datetime(["2020-03-03", "2020-03-05"]),
        "text": ["Bimtek operator desa", "<script>x</script>"],
    }
)


def series(regions) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "region": "35.09.25",
            "date": pd.date_range("2020-03-01", periods=10),
            "value": range(1000, 2000, 100),
        }
    )
    return trend.series(frame, regions, "35.09.25")


def layers_of(spec: dict) -> list[dict]:
    return spec["layer"]


def test_cumulative_chart_has_series_projection_target_deadline_and_events(regions):
    s = series(regions)
    p = trend.project(s, date(2020, 3, 10), date(2020, 3, 31), base=10_000, share=0.5)
    assert p is not None
    chart = charts.cumulative_chart(
        s,
        projections=[p],
        targets=pd.DataFrame({"name": ["Jelbuk"], "target": [p.target]}),
        deadline=date(2020, 3, 31),
        events=EVENTS,
    )
    spec = chart.to_dict()
    marks = [layer["mark"]["type"] for layer in layers_of(spec)]
    # series, projection, target and its label, deadline and its label, event and its label
    assert marks == ["line", "line", "rule", "text", "rule", "text", "rule", "text"]
    line, projection = layers_of(spec)[:2]
    assert "strokeDash" not in line["mark"] and projection["mark"]["strokeDash"] == [8, 5]
    assert line["encoding"]["x"]["axis"]["format"] == "%-d %b"
    assert spec["config"]["locale"]["number"]["thousands"] == "."
    assert spec["config"]["locale"]["time"]["shortMonths"][2] == "Mar"
    datasets = spec["datasets"].values()
    assert any(any(r.get("label") == "Batas 31 Mar" for r in d) for d in datasets)
    assert any(any(r.get("label") == "Target Jelbuk" for r in d) for d in datasets)
    assert any(any(r.get("text") == "Bimtek operator desa" for r in d) for d in datasets)
    assert any(any(r.get("value") == 4000 for r in d) for d in datasets)  # projected


def test_daily_chart_has_bars_and_a_seven_day_average(regions):
    spec = charts.daily_chart(trend.daily(series(regions)), lang="en").to_dict()
    bars, line = layers_of(spec)[:2]
    assert bars["mark"]["type"] == "bar" and bars["encoding"]["y"]["field"] == "increment"
    assert line["mark"]["type"] == "line" and line["encoding"]["y"]["field"] == "average"
    assert spec["config"]["locale"]["number"]["thousands"] == ","


def test_comparison_chart_draws_the_average_dashed():
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime(["2020-03-01"] * 2),
            "name": ["Jelbuk", "Rata-rata Jember"],
            "percent": [3.0, 5.0],
            "kind": ["region", "average"],
        }
    )
    spec = charts.comparison_chart(frame).to_dict()
    # The cards' scale, named as such: a share of the target, not of all families.
    y = layers_of(spec)[0]["encoding"]["y"]
    assert y["field"] == "percent" and y["title"] == "Capaian target (%)"
    tips = {tip["field"]: tip["title"] for tip in layers_of(spec)[0]["encoding"]["tooltip"]}
    assert tips["percent"] == "Capaian target (%)"
    english = layers_of(charts.comparison_chart(frame, lang="en").to_dict())[0]
    assert english["encoding"]["y"]["title"] == "Share of target (%)"
    dash = layers_of(spec)[0]["encoding"]["strokeDash"]
    assert dash["scale"]["domain"] == ["region", "average"]
    color = layers_of(spec)[0]["encoding"]["color"]["scale"]
    assert color["domain"] == ["Jelbuk", "Rata-rata Jember"] and color["range"][1] == "#6b7280"


def test_png_and_csv_exports(regions):
    s = series(regions)
    png = charts.to_png(charts.daily_chart(trend.daily(s), events=EVENTS), scale=1)
    assert png.startswith(b"\x89PNG")
    assert charts.to_png(charts.legend_chart(legend([0, 1, 2, 3, 4, 5], "count"))).startswith(
        b"\x89PNG"
    )
    # A file of shares says which share it holds.
    shares = pd.DataFrame({"date": [pd.Timestamp("2020-03-01")], "percent": [20.0]})
    assert charts.to_csv(shares).decode("utf-8-sig").splitlines()[0] == ("date,percent_of_target")
    csv = charts.to_csv(s).decode("utf-8-sig").splitlines()
    assert csv[0] == "date,code,name,value,derived,last_date"
    assert csv[1] == "2020-03-01,35.09.25,Jelbuk,1000,False,2020-03-01"


def _mark_colours(spec: dict) -> list[str]:
    out = []
    for layer in spec["layer"]:
        out += [layer["mark"][k] for k in ("color", "stroke", "fill") if k in layer["mark"]]
        out += layer.get("encoding", {}).get("color", {}).get("scale", {}).get("range", [])
    return out


def test_every_mark_of_the_page_charts_stands_out_on_white(regions):
    from census_core.charts.palette import AA_NON_TEXT, contrast

    s = series(regions)
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime(["2020-03-01"] * 7),
            "name": [f"R{i}" for i in range(6)] + ["Rata-rata"],
            "percent": [1.0] * 7,
            "kind": ["region"] * 6 + ["average"],
        }
    )
    specs = [
        charts.cumulative_chart(s, deadline=date(2020, 3, 31), events=EVENTS).to_dict(),
        charts.daily_chart(trend.daily(s), events=EVENTS).to_dict(),
        charts.comparison_chart(frame, events=EVENTS).to_dict(),
    ]
    colours = [c for spec in specs for c in _mark_colours(spec)]
    assert len(colours) >= 15
    assert all(contrast(c, "#ffffff") >= AA_NON_TEXT for c in colours), colours
    assert len(charts.SERIES_COLORS) >= 6  # the home regency and five more on /tren


def test_the_screen_style_sizes_type_for_the_room_and_paints_the_background(regions):
    spec = charts.cumulative_chart(
        series(regions), deadline=date(2020, 3, 31), style=charts_style("light")
    ).to_dict()
    assert spec["background"] == "#ffffff"
    # 26 pixels at the slide's 640-pixel chart, and the same share of a smaller chart.
    assert drawn_size(spec["config"]["axis"]["labelFontSize"], 640) == 26
    assert drawn_size(spec["config"]["axis"]["labelFontSize"], 455) == pytest.approx(26 * 455 / 640)
    deadline = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "text")
    assert (
        drawn_size(deadline["mark"]["fontSize"], 640) == 26
        and deadline["mark"]["color"] == "#b91c1c"
    )
    # The page style leaves the background and axis colours to Streamlit's theme.
    page = charts.cumulative_chart(series(regions)).to_dict()
    assert "background" not in page and "labelColor" not in page["config"]["axis"]


def test_event_notes_are_cut_at_a_word():
    from census_core.charts.charts import short_label

    assert short_label("Sosialisasi SPO di kantor kecamatan") == "Sosialisasi SPO di kantor…"
    assert short_label("Bimtek operator desa") == "Bimtek operator desa"
    assert short_label("x" * 40) == "x" * 27 + "…"
    assert len(short_label("Rapat koordinasi kabupaten bersama camat se-Jember")) <= 28


def test_the_map_legend_as_html_wraps_and_escapes():
    items = [*legend([0, 6, 12, 18, 24, 30], "percent"), LegendItem("#abcdef", "<b>x</b> & y")]
    html = charts.legend_html(items, "% dari <target>")
    # A row of items that wraps on a narrow phone (360 px), each swatch kept with its label.
    assert "display:flex" in html and "flex-wrap:wrap" in html
    assert html.count("white-space:nowrap") == len(items)
    assert "24–30%</span>" in html and "Belum ada data</span>" in html
    assert "background:#253494" in html
    # Labels and title are text, never markup.
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt; &amp; y" in html
    assert "% dari &lt;target&gt;" in html
    assert 'role="list"' in html and html.count('role="listitem"') == len(items)


def test_a_colour_that_is_not_a_hex_colour_never_reaches_the_style():
    with pytest.raises(ValueError):
        charts.legend_html([LegendItem("red;background:url(x)", "a")])


def test_series_csv_for_indonesian_excel_reads_back(regions):
    frame = trend.daily(series(regions))
    data = charts.to_csv(frame, indonesian=True)
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(back.columns) == list(frame.columns)
    assert back["average"].iloc[1:].tolist() == pytest.approx(frame["average"].iloc[1:].tolist())


def test_a_few_days_tick_once_a_day_and_a_long_campaign_at_most_ten_times():
    few = pd.Series(pd.to_datetime(["2020-02-18", "2020-02-19"]))
    assert charts.date_ticks(few) == {"interval": "day", "step": 1}
    many = pd.Series(pd.date_range("2020-02-15", "2020-05-29"))
    assert charts.date_ticks(many)["step"] * 10 >= 104


def test_the_share_chart_writes_shares_with_at_most_one_decimal():
    from census_core.charts.standing_chart import share_chart

    frame = pd.DataFrame(
        {"Kaliwungu": [0.0], "Rata-rata Kudus": [0.0]},
        index=pd.Index(pd.to_datetime(["2020-02-18"]), name="date"),
    )
    spec = share_chart(frame).to_dict()
    assert spec["encoding"]["y"]["axis"]["format"] == ",.1~f"


def test_the_kecamatan_chart_kept_for_readers_is_a_valid_spec(demo_store):
    """The spec kept per kecamatan (made without Altair's schema check, for bursts) is the one
    Altair makes with the check."""
    from census_core.charts.standing_chart import share_chart
    from census_core.display.shared import kecamatan_chart, kecamatan_page, reader_settings
    from census_core.settings import Settings
    from census_core.standings.snapshot import load_snapshot

    snap = load_snapshot(demo_store)
    chosen = reader_settings(snap, Settings.load({}))
    day = snap.latest_date()
    view = kecamatan_page(snap, chosen, day, "35.09.25", "id", "households")
    kept = kecamatan_chart(snap, chosen, day, view, "id", "households")
    assert kept == share_chart(view.trend, "id").to_dict()


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    shares=st.lists(
        st.tuples(
            st.one_of(st.none(), st.floats(0, 500, allow_nan=False)),
            st.one_of(st.none(), st.floats(0, 500, allow_nan=False)),
        ),
        max_size=12,
    ),
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2020, 12, 1)),
    name=names,
    lang=st.sampled_from(["id", "en"]),
)
def test_the_written_spec_is_altairs_checked_spec(shares, start, name, lang):
    """share_spec writes a trend into the spec Altair made once for its days; it equals the
    spec Altair makes for that trend itself, checked against the Vega-Lite schema."""
    from census_core.charts.standing_chart import share_chart, share_spec

    other = f"Rata-rata {name}x"
    trend = pd.DataFrame(
        {
            name: [np.nan if a is None else round(a, 2) for a, _ in shares],
            other: [np.nan if b is None else round(b, 2) for _, b in shares],
        },
        index=pd.Index(pd.date_range(start, periods=len(shares)), name="date"),
    )
    assert share_spec(trend, lang) == share_chart(trend, lang).to_dict()

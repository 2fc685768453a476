"""Names and file text never become markup, on any page (cross-cutting security check).

Region names, an uploader's name, file names of counts and targets, and an event's text are
set to HTML and Markdown payloads; every page is then run under AppTest and every element it
sends is inspected. A payload may reach the browser only as data (a dataframe cell, a chart
datum) or escaped; never raw in Markdown, HTML, labels, or an HTML map tooltip.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest
from google.protobuf.json_format import MessageToDict

from census_core import store as store_module
from census_core.regions import Regions, load_regions
from census_core.store import Store

PASSWORD = "sandi-uji"
PAYLOADS = {
    "35.09": "Kabupaten <img src=x onerror=alert(1)>Jember",
    "35.09.19": "<script>alert(2)</script>Kaliwates",
    "35.09.25": "Jelbuk [klik](javascript:alert(3))",
    "35.16": "Kabupaten <b onmouseover=alert(4)>Mojokerto</b>",
    "35.09.19.1004": "<iframe src=javascript:alert(5)>",
}
FILE_NAME = "<img src=x onerror=alert(6)>spo.csv"
TARGET_FILE = "<script>alert(7)</script>target.xlsx"
USER = "<script>alert(8)</script>Ani"
EVENT = "Rapat <img src=x onerror=alert(9)> camat"
# What must never appear unescaped outside data cells: a tag (not &lt; nor Markdown's \<) or
# a live Markdown link (its ] not escaped as \]).
RAW = re.compile(r"(?<!\\)<(img|script|b onmouseover|iframe)|(?<!\\)\]\(javascript:")
# Element types that carry text as data (Arrow tables, chart data), drawn as text by the
# frontend; everything else is rendered as Markdown or HTML or is a label.
DATA_TYPES = {"arrow_data_frame", "table", "dataframe", "arrow_vega_lite_chart", "vega_lite_chart"}
DATA_TYPES |= {"text", "code", "json"}  # st.text, st.code, st.json: shown verbatim
# Widgets whose options the frontend draws as plain text (their labels are Markdown).
PLAIN_OPTIONS = {"selectbox", "multiselect"}
PAGES = [
    ("app_pages/peringkat.py", {}),
    ("app_pages/kecamatan.py", {"wilayah": "35.09.19"}),
    ("app_pages/peta.py", {}),
    ("app_pages/tren.py", {}),
    ("app_pages/presentasi.py", {}),
    ("app_pages/unggah.py", {}),
    ("app_pages/widget.py", {"wilayah": "35.09.19"}),
    ("app_pages/widget.py", {}),
]


@pytest.fixture
def evil_regions() -> Regions:
    frame = load_regions().frame[["code", "name"]].reset_index(drop=True).copy()
    frame["name"] = frame["code"].map(PAYLOADS).fillna(frame["name"])
    return Regions(frame)


@pytest.fixture
def evil_app(app, demo_url, evil_regions, monkeypatch):
    """The app on the demo store with hostile names everywhere a user can put text."""
    monkeypatch.setattr(store_module, "load_regions", lambda *a, **k: evil_regions)
    store_module.get_store.cache_clear()
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", PASSWORD)
    store = Store(demo_url, evil_regions)
    day = pd.Timestamp(date(2020, 3, 6))
    counts = pd.DataFrame(
        {
            "region": ["35.09.19", "35.09.25", "35.09.19.1004"],
            "date": day,
            "measure": "households",
            "value": [4100, 350, 700],
        }
    )
    store.commit_counts(counts, user=USER, file_name=FILE_NAME, sha256="e" * 64)
    targets = pd.DataFrame(
        {"region": ["35.09.19"], "measure": ["households"], "base": [20000], "share": [None]}
    )
    store.commit_targets(targets, user=USER, file_name=TARGET_FILE, sha256="f" * 64)
    store.add_event(date(2020, 3, 2), EVENT, USER)
    store.engine.dispose()
    yield app
    store_module.get_store.cache_clear()


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _leaks(at) -> list[str]:
    """Every element that carries a payload outside data, with what leaked."""
    leaks = []
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", "")
        if proto is None or kind in DATA_TYPES:
            continue
        if kind == "deck_gl_json_chart":
            spec = json.loads(proto.json)
            # A deck's "html" tooltip puts field values into innerHTML; a "text" one does not.
            strings = list(_strings(spec)) if "html" in json.dumps(spec.get("tooltip")) else []
        else:
            fields = MessageToDict(proto)
            if kind in PLAIN_OPTIONS:  # options and value of these widgets are plain text
                fields = {k: v for k, v in fields.items() if k in ("label", "help", "placeholder")}
            strings = list(_strings(fields))
        for text in strings:
            found = RAW.search(text)
            if found:
                leaks.append(f"{kind}: {found.group(0)!r} in {text[:160]!r}")
    return leaks


def _run(make, page: str, query: dict[str, str]):
    at = make(page, **query).run()
    if page.endswith("unggah.py"):
        at.text_input(key="sign_in_name").input(USER)
        at.text_input(key="sign_in_password").input(PASSWORD)
        at.button[0].click().run()
    return at


@pytest.mark.parametrize(("page", "query"), PAGES, ids=[p for p, _ in PAGES])
def test_hostile_names_never_become_markup(evil_app, page, query):
    at = _run(evil_app, page, query)
    assert not at.exception, [e.value for e in at.exception]
    leaks = _leaks(at)
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize(("page", "query"), PAGES[:2], ids=[p for p, _ in PAGES[:2]])
def test_the_hostile_names_do_reach_the_page_as_text(evil_app, page, query):
    """The check above is not vacuous: the names are on the page, as data or escaped text."""
    at = _run(evil_app, page, query)
    shown = "\n".join(str(getattr(n, "proto", "")) for n in _walk(at._tree))
    assert "Kaliwates" in shown and "alert(2)" in shown


def test_english_pages_escape_too(evil_app):
    at = evil_app().run()
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    leaks = _leaks(at)
    assert not leaks, "\n".join(leaks)


def test_the_map_tooltip_shows_names_as_text(evil_app, monkeypatch):
    """deck.gl puts an "html" tooltip into innerHTML: names must come as "text" or escaped."""
    from tests.geofixtures import shared_geo

    monkeypatch.setenv("CENSUS_GEO_DIR", str(shared_geo()))
    at = evil_app("app_pages/peta.py").run()
    assert not at.exception
    decks = at.get("deck_gl_json_chart")
    assert decks, "no map drawn"
    spec = json.loads(decks[0].proto.json)
    assert "alert(2)" in json.dumps(spec)  # Kaliwates' hostile name is in the map's data
    tooltip = json.dumps(spec.get("tooltip"))
    if "html" in tooltip:
        assert not [t for t in _strings(spec) if RAW.search(t)]
    leaks = _leaks(at)
    assert not leaks, "\n".join(leaks)

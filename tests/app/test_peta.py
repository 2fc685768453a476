"""The map page under AppTest: with the real boundaries, with none, with uploaded ones."""

from __future__ import annotations

import json

import pytest

from census_core.store import Store
from tests.geofixtures import collection, feature, shared_geo
from tests.test_snapshot import desa_store


def deck_of(at) -> dict:
    charts = at.get("deck_gl_json_chart")
    assert charts, "no map drawn"
    return json.loads(charts[0].proto.json)


def features_of(at) -> list[dict]:
    return deck_of(at)["layers"][0]["data"]["features"]


@pytest.fixture
def operator(monkeypatch):
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", "rahasia")


def test_the_map_of_jember_kecamatan_from_the_shared_boundaries(app, monkeypatch):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(shared_geo()))
    at = app("app_pages/peta.py").run()
    assert not at.exception
    features = features_of(at)
    assert len(features) == 31
    jelbuk = next(f for f in features if f["properties"]["code"] == "35.09.25")
    assert jelbuk["properties"]["tooltip"].startswith("Jelbuk\n344 KK\n")
    captions = " ".join(c.value for c in at.caption)
    assert "data s.d. 5 Maret 2020" in captions
    assert "BPS / OCHA (HDX)" in captions
    # Names that fit are drawn at 16 px; the few that do not are named under the map.
    assert deck_of(at)["layers"][1]["getSize"] == 16
    assert "Tidak muat di peta (arahkan kursor ke wilayahnya): " in captions
    # The legend wraps on a phone: HTML in a flex row, not a fixed-width chart.
    [legend] = [h.proto.body for h in at.get("html") if 'role="list"' in h.proto.body]
    assert "flex-wrap:wrap" in legend and "Belum ada data" in legend
    # Every layer has an id: a click names the layer it came from.
    assert all(layer.get("id") for layer in deck_of(at)["layers"])


def test_switching_to_the_province_and_to_counts(app, monkeypatch):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(shared_geo()))
    at = app("app_pages/peta.py").run()
    at.radio(key="peta_level").set_value("kabupaten").run()
    at.radio(key="peta_by").set_value("count").run()
    assert not at.exception
    features = features_of(at)
    assert len(features) == 38
    jember = next(f for f in features if f["properties"]["code"] == "35.09")
    assert "36.464 KK" in jember["properties"]["tooltip"]
    assert "Peringkat 1 dari 38" in jember["properties"]["tooltip"]


def test_the_map_follows_the_sidebar_measure_and_language(app, monkeypatch):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(shared_geo()))
    at = app("app_pages/peta.py")
    at.session_state["measure"] = "persons"
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    tip = next(f for f in features_of(at) if f["properties"]["code"] == "35.09.25")
    assert tip["properties"]["tooltip"].split("\n")[1].endswith(" persons")
    assert "of target" in tip["properties"]["tooltip"]


def test_the_desa_layer_appears_because_the_demo_has_desa_counts(app, monkeypatch):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(shared_geo()))
    at = app("app_pages/peta.py").run()
    assert "Desa/kelurahan" in at.radio(key="peta_level").options
    at.radio(key="peta_level").set_value("desa").run()
    assert not at.exception
    assert len(features_of(at)) > 200


def test_without_boundaries_the_page_says_so_and_how_to_add_them(app, monkeypatch, tmp_path):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(tmp_path / "geo"))
    at = app("app_pages/peta.py").run()
    assert not at.exception
    assert not at.get("deck_gl_json_chart")
    text = at.info[0].value
    assert "Belum ada batas wilayah" in text
    assert "CENSUS_GEO_DIR" in text and "Unggah" in text
    assert str(tmp_path) not in text and "/data/geo" not in text  # no server path to readers


def test_other_pages_work_the_same_without_boundaries(app, monkeypatch, tmp_path):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(tmp_path / "geo"))
    for page in ("app_pages/peringkat.py", "app_pages/tren.py", "app_pages/unggah.py"):
        assert not app(page).run().exception


def test_small_polygons_made_here_and_unmatched_ones_reported(app, monkeypatch, tmp_path, operator):
    geo = tmp_path / "geo"
    geo.mkdir()
    (geo / "kec.geojson").write_bytes(
        collection(
            feature({"code_bps": "3509280", "name": "Jelbuk"}, x=113.7),
            feature({"name": "Gumuk Mas"}, x=113.4),
            feature({"name": "Atlantis"}, x=113.9),
        )
    )
    (geo / "padanan.csv").write_text("code_bps,code_kemendagri\n3509280,35.09.25\n")
    monkeypatch.setenv("CENSUS_GEO_DIR", str(geo))
    at = app("app_pages/peta.py").run()
    assert not at.exception
    assert {f["properties"]["code"] for f in features_of(at)} == {"35.09.25", "35.09.04"}
    assert not at.expander  # the report is for operators, on /unggah
    captions = " ".join(c.value for c in at.caption)
    assert "29 wilayah belum punya batas; operator dapat melihat rinciannya" in captions
    at = unggah(app)
    report = next(e for e in at.expander if e.label.startswith("Batas wilayah yang belum cocok"))
    assert "(30)" in report.label  # 29 kecamatan without a shape, and Atlantis
    table = report.dataframe[0].value
    assert "Atlantis" in list(table["Nama"])


OPERATOR_TEXTS = (
    "Cocok menurut nama yang mirip",
    "Batas wilayah yang belum cocok",
    "Perairan",
    "Berkas batas wilayah yang dilewati",
    "Matched by similar name",
    "Water bodies",
    "Boundaries not matched",
    "Boundary files skipped",
)


def shown(at) -> str:
    """Every label and text on the page, to check what a reader sees."""
    parts = [e.label for e in at.expander] + [c.value for c in at.caption]
    parts += [m.value for m in at.markdown] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_public_map_shows_no_operator_report(app, monkeypatch, lang):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(shared_geo()))
    at = app("app_pages/peta.py")
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    assert not at.expander and not at.dataframe
    text = shown(at)
    assert not [w for w in OPERATOR_TEXTS if w in text]


def unggah(app, lang: str = "id"):
    """/unggah as a signed-in operator."""
    at = app("app_pages/unggah.py")
    at.session_state["operator"] = "Budi"
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    return at


def test_regions_matched_by_similar_name_are_listed_with_both_spellings(app, monkeypatch, operator):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(shared_geo()))
    at = unggah(app)
    similar = next(e for e in at.expander if e.label.startswith("Cocok menurut nama yang mirip"))
    assert similar.label.endswith("(7)")  # 6 desa of Jember, 1 kecamatan of Jawa Timur
    table = similar.dataframe[0].value
    rows = set(zip(table["Nama di berkas"], table["Nama di daftar wilayah"], table["Di wilayah"],
                   strict=True))  # fmt: skip
    assert ("Kemuningllor", "Kemuninglor", "Arjasa") in rows and len(rows) == 7
    assert ("Sumberejo", "Sumberrejo", "Kabupaten Bojonegoro") in rows
    assert set(table["Kemiripan"]) <= {"93%", "95%", "96%"}
    # The water body is named apart, not among the boundaries that did not match.
    captions = " ".join(c.value for c in at.caption)
    assert "Perairan (danau, waduk, laut), bukan wilayah, tidak digambar: Perairan" in captions
    report = next(e for e in at.expander if e.label.startswith("Batas wilayah yang belum cocok"))
    table = report.dataframe[0].value
    assert "Perairan" not in set(table["Nama"])
    ijen = table[table["Nama"] == "Ijen"].iloc[0]
    assert ijen["Mungkin wilayah ini"] == "Sempol (35.11.19)"


def test_the_similar_name_report_in_english(app, monkeypatch, operator):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(shared_geo()))
    at = unggah(app, "en")
    assert "Matched by similar name (7)" in [e.label for e in at.expander]
    captions = " ".join(c.value for c in at.caption)
    assert "Water bodies (lakes, reservoirs, sea), not regions, not drawn: Perairan" in captions


def test_a_desa_close_to_two_names_is_reported_with_both(app, monkeypatch, tmp_path, operator):
    geo = tmp_path / "geo"
    geo.mkdir()
    (geo / "desa.geojson").write_bytes(
        collection(
            feature({"desa": "Kelungkung", "kecamatan": "Sukorambi"}, size=0.01),
            feature({"desa": "Bangarsari", "kecamatan": "Bangsalsari"}, x=113.6, size=0.01),
        )
    )
    monkeypatch.setenv("CENSUS_GEO_DIR", str(geo))
    at = unggah(app)
    similar = next(e for e in at.expander if e.label.startswith("Cocok menurut"))
    similar = similar.dataframe[0].value
    assert list(similar["Nama di berkas"]) == ["Kelungkung"]
    assert list(similar["Nama di daftar wilayah"]) == ["Klungkung"]
    report = next(e for e in at.expander if e.label.startswith("Batas wilayah yang belum cocok"))
    table = report.dataframe[0].value
    row = table[table["Nama"] == "Bangarsari"].iloc[0]
    assert row["Sebab"] == (
        "nama mirip dengan lebih dari satu wilayah di kecamatan atau kabupaten/kota yang sama"
    )
    assert row["Mungkin wilayah ini"] == "Banjarsari (35.09.09.2010), Bangsalsari (35.09.09.2003)"


def test_boundaries_uploaded_on_unggah_are_kept_in_the_store(
    app, monkeypatch, tmp_path, demo_url, regions, operator
):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(tmp_path / "none"))
    at = app("app_pages/unggah.py")
    at.session_state["operator"] = "Budi"
    at.run()
    data = collection(feature({"kode": "35.09.25", "name": "Jelbuk"}))
    at.file_uploader(key="boundary_files").set_value([("jelbuk.geojson", data, "application/json")])
    next(b for b in at.button if b.label == "Tambahkan batas wilayah").click().run()
    assert not at.exception
    assert any("jelbuk.geojson tersimpan" in s.value for s in at.success)
    # Another replica sharing the database sees the file.
    assert list(Store(demo_url, regions).boundary_files()["file_name"]) == ["jelbuk.geojson"]
    peta = app("app_pages/peta.py").run()
    assert [f["properties"]["code"] for f in features_of(peta)] == ["35.09.25"]


def test_an_uploaded_desa_file_shows_its_similar_name_matches(app, monkeypatch, tmp_path, operator):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(tmp_path / "none"))
    at = app("app_pages/unggah.py")
    at.session_state["operator"] = "Budi"
    at.run()
    data = collection(
        feature({"desa": "Jubung", "kecamatan": "Sukorambi"}, size=0.01),
        feature({"desa": "Kelungkung", "kecamatan": "Sukorambi"}, x=113.6, size=0.01),
        feature({"desa": "Atlantis", "kecamatan": "Sukorambi"}, x=113.7, size=0.01),
    )
    at.file_uploader(key="boundary_files").set_value([("desa.geojson", data, "application/json")])
    next(b for b in at.button if b.label == "Tambahkan batas wilayah").click().run()
    assert not at.exception
    message = next(s.value for s in at.success if "desa.geojson" in s.value)
    assert "2 wilayah cocok (1 di antaranya menurut nama yang mirip" in message
    assert "1 fitur tidak cocok" in message
    similar = next(e for e in at.expander if e.label == "Cocok menurut nama yang mirip (1)")
    table = similar.dataframe[0].value
    assert list(zip(table["Nama di berkas"], table["Nama di daftar wilayah"], strict=True)) == [
        ("Kelungkung", "Klungkung")
    ]


def test_the_boundary_upload_is_only_for_a_signed_in_operator(app, operator):
    at = app("app_pages/unggah.py").run()
    assert not at.exception
    assert "Batas wilayah untuk peta" not in [h.value for h in at.subheader]
    at = app("app_pages/unggah.py")
    at.session_state["operator"] = "Budi"
    at.run()
    assert "Batas wilayah untuk peta" in [h.value for h in at.subheader]


@pytest.mark.parametrize(
    "desa_measure,measure,offered",
    [
        ("persons", "persons", True),
        ("persons", "households", False),
        ("households", "households", True),
        ("households", "persons", False),
    ],
)
def test_the_desa_layer_follows_the_chosen_measure(
    app, monkeypatch, fresh_store, fresh_url, desa_measure, measure, offered
):
    desa_store(fresh_store, desa_measure)
    monkeypatch.setenv("CENSUS_GEO_DIR", str(shared_geo()))
    monkeypatch.setenv("CENSUS_DB_URL", fresh_url)
    at = app("app_pages/peta.py")
    at.session_state["measure"] = measure
    at.run()
    assert not at.exception
    assert ("Desa/kelurahan" in at.radio(key="peta_level").options) is offered
    if offered:
        at.radio(key="peta_level").set_value("desa").run()
        assert not at.exception
        assert features_of(at)


def test_a_click_on_the_home_regency_shows_its_kecamatan(app, monkeypatch):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(shared_geo()))
    at = app("app_pages/peta.py").run()
    at.radio(key="peta_level").set_value("kabupaten").run()
    assert "Klik kabupaten/kota sendiri" in " ".join(c.value for c in at.caption)
    at.session_state["peta_level_next"] = "kecamatan"  # what the click on 35.09 asks for
    at.run()
    assert not at.exception
    assert at.radio(key="peta_level").value == "kecamatan"
    assert len(features_of(at)) == 31


def test_by_status_the_map_and_the_home_boards_give_one_rank(app, monkeypatch):
    """Status ranks by share of target on both pages: Jelbuk is 25th of 31 by share (31st by
    count), whichever page the reader asks."""
    monkeypatch.setenv("CENSUS_GEO_DIR", str(shared_geo()))
    at = app("app_pages/peta.py").run()
    at.radio(key="peta_by").set_value("status").run()
    assert not at.exception
    jelbuk = next(f for f in features_of(at) if f["properties"]["code"] == "35.09.25")
    assert "Peringkat 25 dari 31" in jelbuk["properties"]["tooltip"]
    home = app().run()
    [sort] = [r for r in home.radio if r.key and r.key.startswith("by_")]
    sort.set_value("status").run()
    assert not home.exception
    boards = [f.value for f in home.dataframe if {"Wilayah", "Peringkat", "KK"} <= set(f.value)]
    [kecamatan] = [b for b in boards if "Jelbuk" in list(b["Wilayah"])]
    assert kecamatan.set_index("Wilayah").loc["Jelbuk", "Peringkat"] == "25"
    assert any("menurut persentase target" in c.value for c in home.caption)

"""Ingest end to end on small files: matching, layouts, checks against the store, limits."""

import io
import json
import subprocess
import sys
from datetime import date, timedelta

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from census_core.ingest import MAX_ROWS, Options, read_counts
from census_core.ingest.effect import standings_effect
from census_core.ingest.matching import Matcher
from census_core.ingest.service import check_upload
from census_core.ingest.targets import read_targets
from census_core.ingest.templates import TEMPLATES, template_csv, template_xlsx
from census_core.services import commit_upload
from census_core.settings import Settings
from census_core.standings.snapshot import load_snapshot

OPTS = Options(home="35.09", date=date(2020, 3, 5))


def read(text: str, options: Options = OPTS, name: str = "x.csv", **kwargs):
    from census_core.regions import load_regions

    return read_counts(text.encode(), name, load_regions(), options, **kwargs)


def reasons(upload):
    return [(p.row, p.reason) for p in upload.problems]


# Names: case, spacing, punctuation and prefixes do not matter; twins need a prefix or context.
@pytest.mark.parametrize(
    "texts,level,expected",
    [
        (["Kaliwates", "SUMBER SARI", "Kec. Patrang"], None, ["35.09.19", "35.09.21", "35.09.20"]),
        (["kecamatan jelbuk", "JELBUK."], None, ["35.09.25", "35.09.25"]),
        (["Jombang", "Kencong"], None, ["35.09.01", "35.09.02"]),
        (["Jombang", "Kab. Jember"], "kabupaten", ["35.17", "35.09"]),
        (["Kab. Malang", "Kota Malang", "Surabaya"], None, ["35.07", "35.73", "35.78"]),
        (["Kabupaten Kediri", "KOTA KEDIRI"], None, ["35.06", "35.71"]),
    ],
)
def test_names_resolve(regions, texts, level, expected):
    res = Matcher(regions, "35.09").resolve(texts, level=level)
    assert [res.codes.get(t) for t in texts] == expected


def test_a_twin_without_prefix_lists_its_candidates(regions):
    res = Matcher(regions, "35.09").resolve(["Malang", "Surabaya", "Sidoarjo"])
    assert res.level == "kabupaten"
    assert res.ambiguous == {"Malang": ["35.07", "35.73"]}


def test_a_twin_beside_its_prefixed_twin_is_read_with_a_warning():
    upload = read("Kab/Kota,KK\nMalang,9560\nKota Malang,5120\n")
    assert upload.ok
    assert reasons(upload) == [(2, "inferred")]
    assert "Kabupaten Malang (35.07)" in upload.warnings[0].message()


def test_another_home_regency(regions):
    res = Matcher(regions, "35.07").resolve(["Singosari", "Lawang", "Dau"])
    assert res.scope == "35.07" and res.level == "kecamatan"
    assert all(code.startswith("35.07.") for code in res.codes.values())


def test_within_and_level_fix_the_reading(regions):
    res = Matcher(regions, "35.09").resolve(["Jombang"], level="kecamatan", within="35.17")
    assert res.codes == {"Jombang": "35.17.09"}


def test_unknown_name_gets_suggestions_never_applied():
    upload = read("Kecamatan,KK\nKaliwatess,4040\nJelbuk,344\n")
    assert not upload.ok and upload.records.empty
    problem = upload.errors[0]
    assert (problem.row, problem.column, problem.reason) == (2, "Kecamatan", "unknown_region")
    assert problem.suggestions[0] == ("35.09.19", "Kaliwates")
    accepted = Options(
        home="35.09", date=date(2020, 3, 5), corrections=(("Kaliwatess", "35.09.19"),)
    )
    fixed = read("Kecamatan,KK\nKaliwatess,4040\nJelbuk,344\n", accepted)
    assert fixed.ok and set(fixed.records["region"]) == {"35.09.19", "35.09.25"}


def test_a_region_of_another_level_is_named_as_such():
    upload = read("Kecamatan,KK\nKaliwates,4040\nMangli,600\n")
    assert reasons(upload) == [(3, "mixed_levels")]
    assert "desa/kelurahan" in upload.errors[0].message()


@pytest.mark.parametrize(
    "header,measure",
    [
        ("Jumlah KK", "households"),
        ("Keluarga", "households"),
        ("Jumlah Ruta", "households"),
        ("Rumah Tangga", "households"),
        ("Jiwa", "persons"),
        ("Jumlah Penduduk", "persons"),
        ("Orang", "persons"),
        ("Jumlah", "households"),
    ],
)
def test_measure_from_the_header(header, measure):
    upload = read(f"Kecamatan,{header}\nKaliwates,4040\n")
    assert upload.ok and list(upload.records["measure"]) == [measure]


def test_plain_jumlah_as_persons_when_told():
    options = Options(home="35.09", date=date(2020, 3, 5), measure="persons")
    assert list(read("Kecamatan,Jumlah\nKaliwates,4040\n", options).records["measure"]) == [
        "persons"
    ]


def test_chosen_date_wins_over_the_title_with_a_warning():
    upload = read("Kondisi s.d. 4 Maret 2020\nKecamatan,KK\nKaliwates,4040\n")
    assert upload.dates == [date(2020, 3, 5)]
    assert reasons(upload) == [(1, "date_disagrees")]


def test_future_date_is_refused():
    tomorrow = date.today() + timedelta(days=1)
    upload = read("Kecamatan,KK\nKaliwates,4040\n", Options(home="35.09", date=tomorrow))
    assert [p.reason for p in upload.errors] == ["future_date"]


def test_same_value_twice_is_a_warning_and_stored_once():
    upload = read("Kecamatan,KK\nKaliwates,4040\nKaliwates,4040\n")
    assert upload.ok and reasons(upload) == [(3, "duplicate")] and len(upload.records) == 1


def test_checks_against_the_store(demo_store):
    snap = load_snapshot(demo_store)
    upload = read(
        "Kecamatan,KK\nKaliwates,4000\nJelbuk,99999\n",
        existing=snap.counts,
        targets=snap.targets,
        options=Options(home="35.09", date=date(2020, 3, 6)),
    )
    assert upload.ok
    assert reasons(upload) == [(2, "decrease"), (3, "above_base")]
    assert "4.040 pada 5 Maret 2020" in upload.warnings[0].message()


def test_excel_numbers_and_dates(regions):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Tanggal", "Kecamatan", "KK"])
    ws.append([date(2020, 3, 5), "Kaliwates", 4040])
    ws.append([43895, "Jelbuk", 344.0])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = read_counts(buffer.getvalue(), "x.xlsx", regions, Options())
    assert upload.ok and upload.dates == [date(2020, 3, 5)]
    assert list(upload.records["value"]) == [4040, 344]


def test_row_limit_has_a_clear_message():
    text = "Kecamatan,KK\n" + "Kaliwates,1\n" * MAX_ROWS
    upload = read(text)
    assert [p.reason for p in upload.errors] == ["too_many_rows"]
    assert "batasnya 250.000" in upload.errors[0].message()
    assert "the limit is 250,000" in upload.errors[0].message("en")


def test_effect_on_the_standings(demo_store):
    snap = load_snapshot(demo_store)
    upload = read("Kecamatan,KK\nSumbersari,4100\n", existing=snap.counts)
    effect = standings_effect(upload, snap.counts, snap.chosen_targets(Settings()), snap.regions)
    assert effect is not None and effect.within == "35.09" and effect.members == 31
    rows = effect.table.set_index("code")
    assert (rows.at["35.09.21", "before"], rows.at["35.09.21", "after"]) == (3612, 4100)
    assert (rows.at["35.09.21", "rank_before"], rows.at["35.09.21", "rank_after"]) == (2, 1)
    assert rows.at["35.09.19", "moved"] == -1
    assert effect.summary(snap.regions) == (
        "1 kecamatan berubah pada 5 Maret 2020: Sumbersari naik dari peringkat 2 ke 1; "
        "Kaliwates turun dari peringkat 1 ke 2."
    )


def test_check_and_commit_service(demo_store):
    snap = load_snapshot(demo_store)
    checked = check_upload(b"Kecamatan,KK\nJelbuk,400\n", "a.csv", "counts", snap, Settings(), OPTS)
    result = commit_upload(checked.upload, demo_store, "ani")
    assert result.batch is not None and result.changed == 1
    again = commit_upload(checked.upload, demo_store, "ani")
    assert again.batch is None
    rejected = check_upload(b"Kecamatan,KK\nJelbuk,-1\n", "b.csv", "counts", snap, Settings(), OPTS)
    with pytest.raises(ValueError):
        commit_upload(rejected.upload, demo_store, "ani")


@pytest.mark.parametrize("kind", TEMPLATES)
@pytest.mark.parametrize("make", [template_csv, template_xlsx])
def test_templates_read_back_as_their_layout(regions, kind, make):
    data = make(kind, regions, "35.09", date(2020, 3, 6))
    reader = read_targets if kind == "targets" else read_counts
    upload = reader(data, f"templat.{make.__name__[-4:]}", regions, Options())
    assert upload.level == "kecamatan" and upload.rows == 31
    assert [p.reason for p in upload.errors] == ["no_values"]  # blank until filled in


def test_two_imports_at_once_both_land(demo_url, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("Kecamatan,KK\nKaliwates,5000\n", "utf-8")
    b.write_text("Kecamatan,KK\nJelbuk,500\n", "utf-8")
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "census_core",
                "import",
                str(p),
                "--date",
                "2020-03-06",
                "--json",
                "--db",
                demo_url,
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for p in (a, b)
    ]
    outs = [json.loads(p.communicate(timeout=120)[0]) for p in procs]
    assert [o["status"] for o in outs] == ["ok", "ok"]
    assert len({o["batch"] for o in outs}) == 2
    from census_core.store import Store

    counts = Store(demo_url).current_counts("households")
    day = counts[counts["date"] == pd.Timestamp("2020-03-06")].set_index("region")["value"]
    assert (day["35.09.19"], day["35.09.25"]) == (5000, 500)


def test_desa_are_looked_up_inside_their_kecamatan():
    text = "Kecamatan,Desa,KK\nAjung,Ajung,410\nKalisat,Ajung,205\nKalisatt,Gambiran,9\n"
    upload = read(text)
    assert reasons(upload) == [(4, "unknown_region")]
    assert upload.errors[0].column == "Kecamatan" and "Kalisat" in upload.errors[0].message()
    fixed = read(text.replace("Kalisatt", "Kalisat"))
    assert fixed.ok and fixed.level == "desa"
    assert list(fixed.records["region"]) == ["35.09.17.2004", "35.09.27.2008", "35.09.27.2010"]


def test_ambiguous_name_offers_its_candidates_to_pick():
    upload = read("Kab/Kota,KK\nKediri,31208\nSurabaya,10295\n")
    problem = upload.errors[0]
    assert problem.reason == "ambiguous_region"
    assert problem.suggestions == (("35.06", "Kabupaten Kediri"), ("35.71", "Kota Kediri"))
    picked = Options(home="35.09", date=date(2020, 3, 5), corrections=(("Kediri", "35.71"),))
    assert read("Kab/Kota,KK\nKediri,4100\nSurabaya,10295\n", picked).ok


def test_wide_sheet_with_a_target_column_beside_the_dates():
    text = "Kecamatan,Target KK,01/03/2020,02/03/2020\nKaliwates,30000,3700,3800\n"
    upload = read(text)
    assert upload.ok and upload.layout == "wide"
    assert list(upload.records["value"]) == [3700, 3800]


@given(st.data())
@settings(max_examples=60, deadline=None)
def test_any_spelling_of_a_home_kecamatan_resolves(regions, data):
    codes = regions.descendants("35.09", "kecamatan")
    code = data.draw(st.sampled_from(codes))
    name = regions.name(code)
    prefix = data.draw(st.sampled_from(["", "Kec. ", "KECAMATAN ", "kec "]))
    cased = "".join(c.upper() if data.draw(st.booleans()) else c.lower() for c in name)
    spaced = data.draw(st.sampled_from(["", " ", "  "])).join([prefix + cased, ""])
    others = [regions.name(c) for c in codes if c != code][:5]
    res = Matcher(regions, "35.09").resolve([spaced, *others])
    assert res.level == "kecamatan" and res.codes[spaced] == code


@pytest.mark.parametrize("make", [template_csv, template_xlsx])
def test_desa_templates_of_another_regency_read_back(regions, make):
    data = make("snapshot", regions, "33.19", date(2020, 3, 6), desa=True)
    upload = read_counts(data, f"templat.{make.__name__[-4:]}", regions, Options(home="33.19"))
    assert upload.level == "desa" and upload.rows == len(regions.descendants("33.19", "desa"))
    assert [p.reason for p in upload.errors] == ["no_values"]

"""The command line contract: subcommands, JSON shape, exit codes, run as a real process."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from census_core.cli import main

GOLDEN = Path(__file__).parent / "examples" / "cli"

ROW_KEYS = {
    "rank",
    "code",
    "name",
    "count",
    "target",
    "percent",
    "change",
    "rank_change",
    "derived",
    "batch",
    "date",
    "needed_per_day",
    "pace_7d",
    "status",
    "expected_date",
    "target_source",
}
STATUSES = {None, "reached", "on_track", "push", "behind"}


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "census_core", *args], capture_output=True, text=True, timeout=120
    )


def test_rank_kecamatan_json(demo_url):
    proc = run("rank", "--level", "kecamatan", "--within", "35.09", "--json", "--db", demo_url)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert {k: result[k] for k in ("level", "within", "date", "measure", "by")} == {
        "level": "kecamatan",
        "within": "35.09",
        "date": "2020-03-05",
        "measure": "households",
        "by": "count",
    }
    rows = result["rows"]
    assert len(rows) == 31 and all(set(r) == ROW_KEYS for r in rows)
    assert (rows[0]["name"], rows[0]["count"], rows[0]["rank"]) == ("Kaliwates", 4040, 1)
    assert (rows[-1]["name"], rows[-1]["count"], rows[-1]["rank"]) == ("Jelbuk", 344, 31)
    assert isinstance(rows[0]["percent"], float) and rows[0]["derived"] is False
    # The demo's counts are its second batch (targets first); the figure's own date.
    assert (rows[0]["batch"], rows[0]["date"]) == (2, "2020-03-05")
    # Status against the pace needed, on every row.
    assert all(r["status"] in STATUSES for r in rows)
    jelbuk = rows[-1]
    assert jelbuk["needed_per_day"] > 0 and jelbuk["pace_7d"] > 0 and jelbuk["status"]
    assert jelbuk["expected_date"] is None or jelbuk["expected_date"] > "2020-03-05"


def test_rank_kabupaten_by_percent_on_a_date(demo_url, capsys):
    code = main(
        [
            "rank",
            "--level",
            "kabupaten",
            "--within",
            "35",
            "--date",
            "2020-03-01",
            "--by",
            "percent",
            "--measure",
            "persons",
            # BPS Jawa Timur ranked the kabupaten by participation: the whole population.
            "--target",
            "Penduduk 100%",
            "--json",
            "--db",
            demo_url,
        ]
    )
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["date"] == "2020-03-01" and result["by"] == "percent"
    percents = [r["percent"] for r in result["rows"]]
    assert percents == sorted(percents, reverse=True)
    assert {r["target_source"] for r in result["rows"]} == {"Penduduk 100%"}


def test_rank_names_the_default_target_and_keeps_the_5_march_report(demo_url, capsys):
    args = ["rank", "--level", "kecamatan", "--within", "35.09", "--date", "2020-03-05"]
    assert main([*args, "--json", "--db", demo_url]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["target_source"] == "Pemkab 50%"
    rows = {r["name"]: r for r in result["rows"]}
    assert all(r["target_source"] == "Pemkab 50%" for r in rows.values())
    # The report of 6 March 2020, as before targets had sources (the golden file).
    golden = json.loads((GOLDEN / "rank-kecamatan-2020-03-05.json").read_text())
    assert [{k: r[k] for k in golden["rows"][0]} for r in result["rows"]] == golden["rows"]
    assert {k: v for k, v in result.items() if k not in ("rows", "target_source")} == {
        k: v for k, v in golden.items() if k != "rows"
    }


def test_rank_by_another_target(demo_url, capsys):
    args = ["rank", "--level", "kecamatan", "--within", "35.09", "--date", "2020-03-05"]
    assert main([*args, "--target", "BPS 22%", "--json", "--db", demo_url]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    kaliwates = next(r for r in rows if r["name"] == "Kaliwates")
    assert kaliwates["target_source"] == "BPS 22%"
    assert main([*args, "--json", "--db", demo_url]) == 0
    pemkab = next(
        r for r in json.loads(capsys.readouterr().out)["rows"] if r["name"] == "Kaliwates"
    )
    assert kaliwates["count"] == pemkab["count"] and kaliwates["percent"] > pemkab["percent"]


def test_rank_refuses_an_unknown_target(demo_url, capsys):
    args = ["rank", "--level", "kecamatan", "--within", "35.09", "--target", "Bupati 80%"]
    assert main([*args, "--db", demo_url]) == 2
    err = capsys.readouterr().err
    assert "Bupati 80%" in err and "'BPS 22%'" in err


def test_rank_whole_country_marks_derived_province(demo_url, capsys):
    assert main(["rank", "--level", "provinsi", "--json", "--db", demo_url]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert len(rows) == 38
    assert rows[0]["code"] == "35" and rows[0]["derived"] is True
    assert (rows[0]["batch"], rows[0]["date"]) == (2, "2020-03-05")
    assert all(r["rank"] is None and r["count"] is None for r in rows[1:])
    assert all(r["batch"] is None and r["date"] is None for r in rows[1:])


def test_rank_on_a_new_empty_store(fresh_url, capsys):
    url = fresh_url
    assert main(["rank", "--level", "kecamatan", "--within", "35.09", "--json", "--db", url]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["date"] is None and len(result["rows"]) == 31
    assert all(set(r) == ROW_KEYS and r["batch"] is None for r in result["rows"])


@pytest.mark.parametrize(
    "args",
    [
        ["rank"],
        ["rank", "--level", "dusun"],
        ["rank", "--level", "desa", "--date", "5 Maret"],
        ["rank", "--level", "desa", "--within", "99.99"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2_without_traceback(args, demo_url):
    proc = run(*args, "--db", demo_url) if args[0] == "rank" else run(*args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_demo_command_loads_the_demo(fresh_url):
    """The whole campaign to 29 May; the report of 5 March as it was."""
    url = fresh_url
    proc = run("demo", "--until", "2020-05-29", "--db", url)
    assert proc.returncode == 0 and "simulated" in proc.stdout
    rank = ("rank", "--level", "kabupaten", "--within", "35", "--json", "--db", url)
    latest = json.loads(run(*rank).stdout)
    first = latest["rows"][0]
    assert (latest["date"], first["code"], first["count"]) == ("2020-05-29", "35.09", 193302)
    rows = json.loads(run(*rank, "--date", "2020-03-05").stdout)["rows"]
    assert (rows[0]["code"], rows[0]["count"], rows[-1]["code"]) == ("35.09", 36464, "35.16")


def test_demo_command_opens_on_the_report_day_by_default(fresh_url):
    assert run("demo", "--db", fresh_url).returncode == 0
    result = json.loads(run("rank", "--level", "kabupaten", "--json", "--db", fresh_url).stdout)
    assert (result["date"], result["rows"][0]["count"]) == ("2020-03-05", 36464)


@pytest.mark.parametrize(
    "setting,value,command",
    [
        ("CENSUS_HOME", "99.99", ["rank", "--level", "kecamatan"]),
        ("CENSUS_HOME", "99.99", ["history"]),
        ("CENSUS_DEADLINE", "31-03-2020x", ["rank", "--level", "kecamatan"]),
        ("CENSUS_TARGET_PCT", "abc", ["history"]),
        ("CENSUS_TARGET_PCT", "150", ["undo", "1"]),
    ],
)
def test_a_bad_setting_exits_2_with_the_apps_message(
    demo_url, monkeypatch, capsys, setting, value, command
):
    monkeypatch.setenv(setting, value)
    assert main([*command, "--db", demo_url]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"error: Pengaturan {setting} = '{value}'")


def test_a_bad_setting_speaks_the_commands_language(fresh_url, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("CENSUS_HOME", "99.99")
    path = tmp_path / "rekap.csv"
    path.write_text("Kecamatan;Jumlah KK\nKaliwates;4040\n")
    assert main(["import", str(path), "--lang", "en", "--db", fresh_url]) == 2
    assert capsys.readouterr().err.startswith("error: The setting CENSUS_HOME = '99.99' is not")


def test_an_unknown_home_region_exits_2_without_traceback(monkeypatch, demo_url):
    monkeypatch.setenv("CENSUS_HOME", "99.99")
    proc = run("rank", "--level", "kecamatan", "--db", demo_url)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "CENSUS_HOME" in proc.stderr


def test_digest_prints_the_daily_message(demo_url, regions):
    from census_core.display.digest import daily_message
    from census_core.settings import Settings
    from census_core.standings.snapshot import load_snapshot
    from census_core.store import Store

    snap = load_snapshot(Store(demo_url, regions))
    proc = run("digest", "--db", demo_url)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == daily_message(snap, Settings(), date(2020, 3, 5), "id") + "\n"
    proc = run("digest", "--date", "2020-03-04", "--lang", "en", "--db", demo_url)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == daily_message(snap, Settings(), date(2020, 3, 4), "en") + "\n"
    assert "Kabupaten Jember:" in proc.stdout and "households" in proc.stdout


def test_digest_of_an_empty_store(fresh_url, capsys):
    assert main(["digest", "--db", fresh_url]) == 0
    assert capsys.readouterr().out == "Belum ada data.\n"


def test_deck_writes_the_meeting_slides_as_pptx_and_pdf(demo_url, regions, tmp_path, monkeypatch):
    """`deck` makes the file of "Unduh bahan rapat" on /presentasi, boundaries as /peta has."""
    import io

    from pptx import Presentation

    from census_core.presentation import deck
    from census_core.settings import Settings
    from census_core.standings.snapshot import load_snapshot
    from census_core.store import Store

    monkeypatch.setenv("CENSUS_GEO_DIR", str(tmp_path / "no-boundaries"))
    out = tmp_path / "rapat.pptx"
    proc = run("deck", "--date", "2020-03-04", "--format", "pptx", "--out", str(out), "--lang",
               "en", "--db", demo_url)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert str(out) in proc.stdout
    slides = deck(load_snapshot(Store(demo_url, regions)), Settings(), "en", day=date(2020, 3, 4))
    pages = list(Presentation(io.BytesIO(out.read_bytes())).slides)
    assert [p.shapes.title.text for p in pages] == [s.title for s in slides]
    assert "Data up to 4 March 2020" in pages[0].shapes[1].text_frame.text
    pdf = tmp_path / "rapat.pdf"
    assert main(["deck", "--format", "pdf", "--out", str(pdf), "--db", demo_url]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_deck_to_a_folder_that_does_not_exist_exits_2(demo_url, tmp_path, capsys):
    out = tmp_path / "nowhere" / "rapat.pptx"
    assert main(["deck", "--out", str(out), "--db", demo_url]) == 2
    assert "--out" in capsys.readouterr().err and not out.exists()

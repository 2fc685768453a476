"""The upload commands' contract: import, targets, history, undo; JSON shape and exit codes."""

import json
import os
import re
import subprocess
import sys

import pandas as pd
import pytest
import sqlalchemy as sa

from census_core.cli import LOG_FILE, main
from census_core.store import Store

KEYS = ["status", "file", "level", "dates", "rows", "committed", "errors", "warnings", "batch"]
SNAPSHOT = (
    "Rekap SPO Kabupaten Jember\n"
    "Kondisi s.d. 5 Maret 2020\n"
    "\n"
    "No;Kecamatan;Jumlah KK;Jumlah Jiwa\n"
    "1;Kaliwates;4.041;15.100\n"
    "2;Sumber Sari;3.613;13.000\n"
    ";JUMLAH;7.654;28.100\n"
)


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "census_core", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def snapshot_file(tmp_path):
    path = tmp_path / "rekap jember.csv"
    path.write_text(SNAPSHOT, encoding="utf-8")
    return path


def test_import_json_commits_one_batch(demo_url, snapshot_file):
    proc = run("import", str(snapshot_file), "--json", "--user", "ani", "--db", demo_url)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert list(out) == KEYS
    assert out["status"] == "ok" and out["file"] == "rekap jember.csv"
    assert (out["level"], out["dates"], out["rows"]) == ("kecamatan", ["2020-03-05"], 2)
    assert out["committed"] == 4 and isinstance(out["batch"], int)
    assert out["errors"] == [] and out["warnings"] == []
    proc = run("rank", "--level", "kecamatan", "--within", "35.09", "--json", "--db", demo_url)
    top = json.loads(proc.stdout)["rows"][0]
    assert (top["name"], top["count"]) == ("Kaliwates", 4041)


def test_same_file_again_changes_nothing(demo_url, snapshot_file, capsys):
    assert main(["import", str(snapshot_file), "--json", "--db", demo_url]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["import", str(snapshot_file), "--json", "--db", demo_url]) == 0
    again = json.loads(capsys.readouterr().out)
    assert first["batch"] is not None
    assert (again["status"], again["committed"], again["batch"]) == ("ok", 0, None)


def test_dry_run_stores_nothing(demo_url, snapshot_file, capsys):
    assert main(["import", str(snapshot_file), "--dry-run", "--json", "--db", demo_url]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["status"], out["committed"], out["batch"]) == ("ok", 0, None)
    assert main(["history", "--json", "--db", demo_url]) == 0
    kinds = [b["kind"] for b in json.loads(capsys.readouterr().out)["batches"]]
    assert kinds == ["demo", "demo"]


def test_rejected_file_exits_1_and_names_rows(demo_url, tmp_path, capsys):
    path = tmp_path / "salah.csv"
    path.write_text("Kecamatan,KK\nKaliwatess,4040\nPatrang,12.5\n", encoding="utf-8")
    code = main(["import", str(path), "--date", "2020-03-05", "--json", "--db", demo_url])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and out["status"] == "rejected" and out["batch"] is None
    assert [(e["row"], e["column"]) for e in out["errors"]] == [(2, "Kecamatan"), (3, "KK")]
    assert "Kaliwates" in out["errors"][0]["message"]
    assert out["committed"] == 0


def test_english_messages(demo_url, tmp_path, capsys):
    path = tmp_path / "x.csv"
    path.write_text("Kecamatan,KK\nPatrang,-4\n", encoding="utf-8")
    main(["import", str(path), "--date", "2020-03-05", "--json", "--lang", "en", "--db", demo_url])
    out = json.loads(capsys.readouterr().out)
    assert out["errors"][0]["message"].startswith("Row 2: KK '-4' is negative")


@pytest.mark.parametrize(
    "args",
    [
        ["import"],
        ["import", "/nonexistent/file.csv"],
        ["import", "FILE", "--date", "5 Maret"],
        ["import", "FILE", "--level", "dusun"],
        ["import", "FILE", "--within", "99.99"],
        ["import", "FILE", "--measure", "cats"],
        ["undo"],
        ["undo", "abc"],
    ],
)
def test_usage_errors_exit_2(args, demo_url, snapshot_file):
    args = [str(snapshot_file) if a == "FILE" else a for a in args]
    proc = run(*args, "--db", demo_url)
    assert proc.returncode == 2, proc.stdout
    assert "Traceback" not in proc.stderr


def test_history_and_undo(demo_url, snapshot_file, capsys):
    main(["import", str(snapshot_file), "--json", "--user", "ani", "--db", demo_url])
    batch = json.loads(capsys.readouterr().out)["batch"]
    assert main(["history", "--json", "--db", demo_url]) == 0
    newest = json.loads(capsys.readouterr().out)["batches"][0]
    assert newest["id"] == batch and newest["user"] == "ani" and newest["kind"] == "counts"
    assert newest["file"] == "rekap jember.csv" and len(newest["sha256"]) == 64
    assert newest["changed"] == 4 and newest["undone"] is False
    assert main(["undo", str(batch), "--user", "ani", "--db", demo_url]) == 0
    capsys.readouterr()
    main(["rank", "--level", "kecamatan", "--within", "35.09", "--json", "--db", demo_url])
    top = json.loads(capsys.readouterr().out)["rows"][0]
    assert (top["name"], top["count"]) == ("Kaliwates", 4040)
    assert main(["undo", str(batch), "--db", demo_url]) == 1
    assert main(["undo", "999", "--db", demo_url]) == 1


def test_history_of_one_region(demo_url, snapshot_file, capsys):
    main(["import", str(snapshot_file), "--json", "--user", "ani", "--db", demo_url])
    batch = json.loads(capsys.readouterr().out)["batch"]
    assert main(["undo", str(batch), "--user", "ani", "--db", demo_url]) == 0
    capsys.readouterr()
    args = ["history", "--region", "35.09.19", "--json", "--db", demo_url]
    assert main(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["region"], out["name"], out["measure"]) == ("35.09.19", "Kaliwates", "households")
    newest, *older = out["changes"]
    assert {k: newest[k] for k in ("batch", "date", "before", "after", "user", "undone")} == {
        "batch": batch,
        "date": "2020-03-05",
        "before": 4040,
        "after": 4041,
        "user": "ani",
        "undone": True,
    }
    assert newest["file"] == "rekap jember.csv" and newest["time"].endswith("+07:00")
    assert older and all(c["batch"] == 2 and c["undone"] is False for c in older)
    assert main(["history", "--region", "kaliwates", "--db", demo_url]) == 2
    capsys.readouterr()
    assert main(["history", "--region", "35.09.19", "--lang", "en", "--db", demo_url]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0] == "Changes of Kaliwates (35.09.19), households, newest first"
    assert f"batch {batch}" in text and "4,040 -> 4,041" in text and "(undone)" in text


def test_targets_command(demo_url, tmp_path, capsys):
    path = tmp_path / "sasaran.csv"
    path.write_text("Kecamatan;KK;Jiwa;Target (%)\nKaliwates;30.000;110.000;60\n", "utf-8")
    assert main(["targets", str(path), "--json", "--db", demo_url]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == KEYS and out["dates"] == [] and out["committed"] == 2
    main(["rank", "--level", "kecamatan", "--within", "35.09", "--json", "--db", demo_url])
    row = next(r for r in json.loads(capsys.readouterr().out)["rows"] if r["name"] == "Kaliwates")
    # A file naming no source replaces the default target (CENSUS_TARGET_SOURCE).
    assert (row["target"], row["target_source"]) == (18000, "Pemkab 50%")


def test_import_compares_with_the_store_of_its_own_regency(demo_url, tmp_path, capsys):
    """The command reads only the file's regencies from the store, and still sees a fall."""
    path = tmp_path / "rekap 6 maret.csv"
    path.write_text("Kecamatan;tanggal;KK\nKaliwates;2020-03-06;4.000\n", encoding="utf-8")
    assert main(["import", str(path), "--json", "--dry-run", "--db", demo_url]) == 0
    out = json.loads(capsys.readouterr().out)
    falls = [w for w in out["warnings"] if "4.040" in w["message"]]
    assert falls and falls[0]["row"] == 2, out["warnings"]


def test_a_file_of_most_regencies_reads_the_whole_store(regions):
    from census_core.cli.uploads import store_scope

    kecamatan = regions.descendants(None, "kecamatan")
    assert store_scope(kecamatan, regions) is None
    assert store_scope(["35.09.01", "35.09.25.2001", "35.10.01"], regions) == ["35.09", "35.10"]
    jatim = regions.descendants("35", "kecamatan")
    assert store_scope(jatim, regions) == regions.descendants("35", "kabupaten")


def national_kecamatan_file(path, regions, days):
    """Every kecamatan of the region master (7,285) on each day: kode, nama, tanggal, kk."""
    codes = regions.descendants(None, "kecamatan")
    frame = pd.DataFrame(
        [
            (code, regions.name(code), day, 100 + i % 97 + 10 * d)
            for d, day in enumerate(days)
            for i, code in enumerate(codes)
        ],
        columns=["kode", "nama", "tanggal", "kk"],
    )
    frame.to_csv(path, index=False)
    return len(codes)


@pytest.mark.slow
def test_a_national_kecamatan_file_imports_into_a_fresh_store(fresh_url, regions, tmp_path, capsys):
    """One condition per regency was too deep an expression for SQLite (OperationalError)."""
    path = tmp_path / "spo-kecamatan-nasional.csv"
    days = ["2020-03-03", "2020-03-04", "2020-03-05"]
    assert national_kecamatan_file(path, regions, days) == 7285
    assert main(["import", str(path), "--json", "--db", fresh_url]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["status"], out["errors"]) == ("ok", [])
    assert out["rows"] == out["committed"] == 3 * 7285 and isinstance(out["batch"], int)
    assert out["level"] == "kecamatan" and out["dates"] == days
    # Again: now the check reads every regency's counts back from the store.
    assert main(["import", str(path), "--json", "--db", fresh_url]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["status"], again["committed"], again["batch"]) == ("ok", 0, None)


def logged_ref(message, caplog, logger):
    """The reference the operator reads, found in the log with the traceback of the fault."""
    ref = re.search(r"ref ([0-9A-F]{6})\b", message).group(1)
    [record] = [r for r in caplog.records if ref in r.getMessage()]
    assert record.name == logger and record.exc_info is not None
    assert "Traceback" in caplog.text
    return ref


def disk_fault(*args, **kwargs):
    raise sa.exc.OperationalError("INSERT INTO counts ...", {}, Exception("disk I/O error"))


@pytest.mark.parametrize(
    "lang,start",
    [("id", "Kesalahan pada sistem, bukan pada berkas"), ("en", "A fault in the system")],
)
def test_a_store_fault_in_the_commit_is_the_systems_and_stores_nothing(
    demo_url, snapshot_file, capsys, caplog, monkeypatch, lang, start
):
    store = Store(demo_url)
    before = (store.version(), store.batches()["id"].tolist(), store.current_counts())
    # Inside the commit's transaction, after its batch row is written.
    monkeypatch.setattr(Store, "_insert_counts", disk_fault)
    code = main(["import", str(snapshot_file), "--json", "--lang", lang, "--db", demo_url])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and list(out) == KEYS
    assert (out["status"], out["committed"], out["batch"]) == ("failed", 0, None)
    [fault] = out["errors"]
    assert fault["message"].startswith(start) and "CSV" not in fault["message"]
    assert (fault["row"], fault["column"]) == (None, None)
    logged_ref(fault["message"], caplog, "census_core.services")
    after = (store.version(), store.batches()["id"].tolist(), store.current_counts())
    assert after[:2] == before[:2]
    pd.testing.assert_frame_equal(after[2], before[2])


def test_a_store_fault_while_reading_is_the_systems(
    demo_url, snapshot_file, capsys, caplog, monkeypatch
):
    before = Store(demo_url).version()
    monkeypatch.setattr(Store, "current_counts", lambda *a, **k: disk_fault())
    code = main(["import", str(snapshot_file), "--db", demo_url])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in out + err
    assert out.startswith("Gagal: rekap jember.csv\n  error: Kesalahan pada sistem"), out
    assert "Ditolak" not in out
    logged_ref(out, caplog, "census_core.ingest.counts")
    assert Store(demo_url).version() == before


def test_any_other_fault_exits_1_with_a_reference(demo_url, capsys, caplog, monkeypatch):
    monkeypatch.setattr(Store, "batches", lambda self: disk_fault())
    assert main(["history", "--db", demo_url]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("error: Kesalahan pada sistem") and "Traceback" not in err
    logged_ref(err, caplog, "census_core.cli")


@pytest.mark.parametrize("command", ["import", "history"])
def test_a_broken_store_file_gives_a_reference_and_logs_the_traceback(
    tmp_path, snapshot_file, command
):
    """As an operator sees it: no traceback on the screen; it is in the log under the ref."""
    broken = tmp_path / "rusak.db"
    broken.write_bytes(b"this is not a database\n" * 200)
    args = [str(snapshot_file)] if command == "import" else []
    proc = subprocess.run(
        [sys.executable, "-m", "census_core", command, *args, "--db", f"sqlite:///{broken}"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    ref = re.search(r"ref ([0-9A-F]{6})\b", proc.stdout + proc.stderr).group(1)
    log = (tmp_path / LOG_FILE).read_text()
    assert f"ref {ref}" in log and "Traceback" in log and "DatabaseError" in log

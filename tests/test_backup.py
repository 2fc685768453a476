"""Backup and restore: a store copied to a file and back reproduces every board and history.

Round trips SQLite -> SQLite, SQLite -> PostgreSQL and PostgreSQL -> SQLite (the PostgreSQL
ones need CENSUS_TEST_DB_URL, else they skip); damaged, cut, newer and foreign files are
refused with nothing written.
"""

from __future__ import annotations

import json
import random
import shutil
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

from census_core import services
from census_core import store as store_module
from census_core.cli import main, rank_result
from census_core.settings import Settings
from census_core.standings.snapshot import load_snapshot
from census_core.store import Store
from census_core.store.backup import MANIFEST, BackupRefused, read_manifest
from tests.conftest import PgDatabases, _pg_url

JEMBER = "35.09"
# Every level's board: the provinces and regencies of the country, Jember's kecamatan and desa
# (a desa board of the whole country is 83,762 rows a date: the same code, only slower).
BOARDS = (("provinsi", None), ("kabupaten", None), ("kecamatan", JEMBER), ("desa", JEMBER))
UPLOADED = datetime(2020, 3, 6, 0, 12, tzinfo=UTC)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> Callable[[], str]:
    made = iter(range(1000))
    return lambda: f"sqlite:///{tmp_path / f'store-{next(made)}.db'}"


@pytest.fixture
def pg_url(_pg_session: PgDatabases | None) -> Iterator[Callable[[], str]]:
    if _pg_session is None:
        pytest.skip("no PostgreSQL server: set CENSUS_TEST_DB_URL")
    local = PgDatabases(_pg_session.template)
    yield lambda: _pg_url(local.create())
    local.drop_all()


def _records(rows: list[tuple[str, date, str, int]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["region", "date", "measure", "value"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def fill(store: Store, seed: int, demo: bool) -> None:
    """The demo (or not), then a random run of uploads, target files and undos, events, a
    boundary file and sign-ins: every table a backup holds."""
    rng = random.Random(seed)
    if demo:
        services.load_demo(store)
    regions = store.regions
    places = regions.descendants(JEMBER, "kecamatan") + regions.descendants(JEMBER, "desa")
    first = date(2020, 3, 1)
    batches: list[int] = []
    for n in range(rng.randint(4, 8)):
        chosen = rng.sample(places, rng.randint(1, 30))
        day = first + timedelta(days=rng.randint(0, 8))
        rows = [
            (code, day, rng.choice(("households", "persons")), rng.randint(0, 5000))
            for code in chosen
        ]
        result = store.commit_counts(
            _records(rows), user=f"op{n}", file_name=f"f{n}.csv", sha256=f"{n:064d}"
        )
        if result.batch is not None:
            batches.append(result.batch)
        if rng.random() < 0.3 and batches:
            services.undo_batch(store, rng.choice(batches), "checker")
    targets = pd.DataFrame(
        {
            "region": rng.sample(regions.descendants(JEMBER, "kecamatan"), 5),
            "measure": "households",
            "base": [rng.randint(1000, 9000) for _ in range(5)],
            "share": [None, 0.9, None, 0.75, 1.0],
        }
    )
    store.commit_targets(targets, user="op", file_name="t.csv", sha256="t" * 64)
    gone = services.add_event(store, date(2020, 3, 2), "Rapat; 'kutip' & \"ganda\" ✓", "op")
    services.delete_event(store, gone)
    store.add_boundary_file("batas.geojson", b'{"type": "FeatureCollection", "features": []}', "op")
    services.record_sign_in(store, "op", "10.0.0.1", False)
    services.record_sign_in(store, "op", "10.0.0.1", True)


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def _utc(stamp: str | None) -> str | None:
    if stamp is None:
        return None
    moment = pd.Timestamp(stamp)  # SQLite keeps no zone: the store writes UTC
    return (
        moment.tz_localize("UTC") if moment.tz is None else moment.tz_convert("UTC")
    ).isoformat()


def views(
    url: str, capsys: pytest.CaptureFixture[str], every_date: bool = True
) -> dict[str, object]:
    """Everything a page shows: the `rank --json` result of every level on every date with
    data (the command itself for the latest date, its function for the others: one snapshot,
    not one per board), both measures; `history --json`; the changed regions' own history;
    events, boundary files and sign-ins."""
    store = Store(url)
    out: dict[str, object] = {}
    snap = load_snapshot(store)
    settings = Settings.load()
    for measure, by in (("households", "count"), ("persons", "percent")):
        for day in snap.dates(measure) if every_date else []:
            for level, within in BOARDS:
                result = rank_result(snap, settings, level, within, day, measure, by)
                out[f"{day} {level} {measure}"] = result
        for level, within in BOARDS:
            args = ["rank", "--json", "--level", level, "--measure", measure, "--by", by]
            args += ["--db", url, *(["--within", within] if within else [])]
            out[f"latest {level} {measure}"] = _json(capsys, *args)
    history = _json(capsys, "history", "--json", "--db", url)
    for batch in history["batches"]:  # type: ignore[index]
        batch["created_at"] = _utc(batch["created_at"])
        batch["undone_at"] = _utc(batch["undone_at"])
    out["history"] = history
    uploaded = store.current_counts().query("batch_id > 2")
    for code in sorted(set(uploaded["region"]))[:12]:
        for measure in ("households", "persons"):
            args = ["history", "--region", code, "--measure", measure, "--json", "--db", url]
            out[f"region {code} {measure}"] = _json(capsys, *args)
    events = store.events()
    out["events"] = events.assign(date=events["date"].astype(str)).to_dict("records")
    files = store.boundary_files()
    out["boundaries"] = [
        (n, bytes(d)) for n, d in zip(files["file_name"], files["data"], strict=True)
    ]
    signs = store.sign_ins()
    out["sign_ins"] = list(zip(signs["user"], signs["address"], signs["ok"], strict=True))
    store.engine.dispose()
    return out


def round_trip(source: str, target: str, tmp_path: Path, capsys, seed: int, demo: bool) -> None:
    fill(Store(source), seed, demo)
    before = views(source, capsys)
    file = tmp_path / "nightly.zip"
    assert main(["backup", str(file), "--db", source]) == 0
    assert main(["restore", str(file), "--db", target, "--lang", "en"]) == 0
    assert "Restored from nightly.zip" in capsys.readouterr().out
    assert views(target, capsys) == before
    # Ids kept: undo of the last batch works on the restored store as on the original, and a
    # new upload gets the next id on both.
    last = _json(capsys, "history", "--json", "--db", source)["batches"][0]["id"]  # type: ignore[index]
    for url in (source, target):
        assert main(["undo", str(last), "--db", url]) == 0
        new = Store(url).commit_counts(
            _records([("35.09.19", date(2020, 3, 9), "households", 123_456)]),
            user="after",
            file_name="after.csv",
            sha256="a" * 64,
        )
        assert new.batch == last + 1
    assert views(target, capsys, every_date=False) == views(source, capsys, every_date=False)


@pytest.mark.parametrize("seed", [1, 2])
def test_round_trip_sqlite_to_sqlite(sqlite_url, tmp_path, capsys, seed):
    round_trip(sqlite_url(), sqlite_url(), tmp_path, capsys, seed, demo=seed == 1)


def test_round_trip_sqlite_to_postgres(sqlite_url, pg_url, tmp_path, capsys):
    round_trip(sqlite_url(), pg_url(), tmp_path, capsys, 3, demo=True)


def test_round_trip_postgres_to_sqlite(sqlite_url, pg_url, tmp_path, capsys):
    round_trip(pg_url(), sqlite_url(), tmp_path, capsys, 4, demo=False)


@pytest.fixture(autouse=True)
def _clock(monkeypatch):
    """Every batch, undo and event at one time: a store and its restored copy, written after
    the restore, must read the same."""
    monkeypatch.setattr(store_module, "_now", lambda: UPLOADED)


# -- refusals: a clear message, exit 1, nothing written ------------------------------------


@pytest.fixture
def backup_file(tmp_path: Path, demo_store: Store) -> Path:
    demo_store.add_event(date(2020, 3, 3), "Apel pagi", "op")
    file = tmp_path / "good.zip"
    services.backup_store(demo_store, file)
    return file


def _rewrite(source: Path, target: Path, change: Callable[[str, bytes], bytes]) -> Path:
    """A copy of a backup with members changed, the zip itself valid (its CRCs recomputed)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, change(info.filename, old.read(info.filename)))
    return target


def _refused(file: Path, url: str, capsys, words: str, lang: str = "en") -> None:
    capsys.readouterr()
    assert main(["restore", str(file), "--db", url, "--lang", lang]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and words in err and "Traceback" not in err


def _flip(file: Path, member: str) -> None:
    """Change one byte in the middle of a member's compressed data."""
    with zipfile.ZipFile(file) as archive:
        info = archive.getinfo(member)
    raw = bytearray(file.read_bytes())
    # The local header: 30 bytes, the name and the extra field, then the data.
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    at = start + info.compress_size // 2
    raw[at] ^= 0x5A
    file.write_bytes(bytes(raw))


@pytest.mark.parametrize("member", ["counts.jsonl", "batches.jsonl", MANIFEST])
def test_a_flipped_byte_is_refused_and_no_store_is_made(backup_file, tmp_path, capsys, member):
    _flip(backup_file, member)
    target = tmp_path / "new.db"
    _refused(backup_file, f"sqlite:///{target}", capsys, "damaged or cut short")
    assert not target.exists()


@pytest.mark.parametrize("keep", [0.5, 0.99, 0.0])
def test_a_cut_file_is_refused(backup_file, fresh_url, regions, capsys, keep):
    data = backup_file.read_bytes()
    backup_file.write_bytes(data[: int(len(data) * keep)])
    _refused(backup_file, fresh_url, capsys, "rusak atau terpotong", lang="id")
    assert Store(fresh_url, regions).is_empty()


def test_a_member_that_does_not_match_its_checksum_is_refused(backup_file, tmp_path, capsys):
    def change(name: str, data: bytes) -> bytes:
        return data.replace(b'"households"', b'"persons"', 1) if name == "counts.jsonl" else data

    bad = _rewrite(backup_file, tmp_path / "bad.zip", change)
    with pytest.raises(BackupRefused) as refused:
        read_manifest(bad)
    assert refused.value.key == "backup.corrupt"
    _refused(bad, f"sqlite:///{tmp_path / 'x.db'}", capsys, "checksum mismatch")


def test_a_newer_format_or_schema_is_refused(backup_file, tmp_path, capsys):
    for field in ("format_version", "schema_version"):

        def change(name: str, data: bytes, field: str = field) -> bytes:
            if name != MANIFEST:
                return data
            return json.dumps(json.loads(data) | {field: 2}).encode()

        newer = _rewrite(backup_file, tmp_path / f"{field}.zip", change)
        _refused(newer, f"sqlite:///{tmp_path / 'x.db'}", capsys, "newer version of the app")
        _refused(newer, f"sqlite:///{tmp_path / 'x.db'}", capsys, "versi aplikasi", lang="id")
        assert not (tmp_path / "x.db").exists()


def test_a_file_that_is_not_a_backup_is_refused(tmp_path, capsys):
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "something else"}))
    _refused(other, f"sqlite:///{tmp_path / 'x.db'}", capsys, "damaged")
    csv = tmp_path / "counts.csv"
    csv.write_text("kode,jumlah\n35.09.19,5\n")
    _refused(csv, f"sqlite:///{tmp_path / 'x.db'}", capsys, "damaged")
    _refused(tmp_path / "none.zip", f"sqlite:///{tmp_path / 'x.db'}", capsys, "Cannot read")
    assert not (tmp_path / "x.db").exists()


def test_a_store_holding_data_is_refused_unless_replace(backup_file, sqlite_url, capsys, regions):
    target = sqlite_url()
    store = Store(target, regions)
    store.commit_counts(
        _records([("35.09.19", date(2020, 3, 9), "households", 7)]),
        user="x",
        file_name="x.csv",
        sha256="x" * 64,
    )
    version = store.version()
    _refused(backup_file, target, capsys, "already holds data")
    assert len(store.batches()) == 1 and store.version() == version
    assert main(["restore", str(backup_file), "--db", target, "--replace"]) == 0
    assert sorted(store.batches()["id"]) == [1, 2]  # the demo's, x.csv gone
    assert "x.csv" not in set(store.batches()["file_name"])
    assert store.version() != version  # pages reload
    assert "Apel pagi" in set(store.events()["text"])


def test_a_sign_in_only_store_is_not_empty(backup_file, fresh_store, capsys):
    services.record_sign_in(fresh_store, "op", "1.2.3.4", True)
    _refused(backup_file, fresh_store.url, capsys, "already holds data")


def test_a_region_the_store_does_not_know_is_refused(backup_file, tmp_path, fresh_url, capsys):
    def change(name: str, data: bytes) -> bytes:
        return data.replace(b'"35.09.19"', b'"99.99.99"', 1) if name == "counts.jsonl" else data

    bad = _rewrite(backup_file, tmp_path / "foreign.zip", change)
    with zipfile.ZipFile(bad) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        body = archive.read("counts.jsonl")
    manifest["tables"]["counts"]["sha256"] = services.backup.hashlib.sha256(body).hexdigest()
    shutil.copy(bad, tmp_path / "foreign2.zip")
    fixed = _rewrite(
        tmp_path / "foreign2.zip",
        tmp_path / "foreign3.zip",
        lambda n, d: json.dumps(manifest).encode() if n == MANIFEST else d,
    )
    _refused(fixed, fresh_url, capsys, "99.99.99")
    assert Store(fresh_url).is_empty()


def test_a_backup_that_cannot_be_written_is_a_usage_error(demo_url, tmp_path, capsys):
    assert main(["backup", str(tmp_path / "no" / "such" / "dir.zip"), "--db", demo_url]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_the_manifest_names_versions_rows_and_checksums(backup_file, demo_store):
    manifest = read_manifest(backup_file)
    assert manifest["format"] == "pantau-sensus-backup" and manifest["format_version"] == 1
    assert manifest["schema_version"] == 1
    tables = manifest["tables"]
    assert set(tables) == {"batches", "counts", "targets", "events", "boundaries", "sign_ins"}
    assert tables["counts"]["rows"] == 12_680 and tables["batches"]["rows"] == 2
    assert all(len(entry["sha256"]) == 64 for entry in tables.values())
    with zipfile.ZipFile(backup_file) as archive:
        first = json.loads(archive.read("counts.jsonl").splitlines()[0])
    assert dict(zip(tables["counts"]["columns"], first, strict=True))["batch_id"] == 2


def test_a_backup_never_leaves_a_half_file(demo_store, tmp_path, monkeypatch):
    from census_core.store import backup

    def boom(*_args: object) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "_dump", boom)
    folder = tmp_path / "backups"
    folder.mkdir()
    target = folder / "night.zip"
    target.write_bytes(b"yesterday's")
    with pytest.raises(OSError):
        services.backup_store(demo_store, target)
    assert target.read_bytes() == b"yesterday's"
    assert [p.name for p in folder.iterdir()] == ["night.zip"]


def test_a_refused_restore_leaves_the_store_empty(backup_file, fresh_store: Store):
    _flip(backup_file, "counts.jsonl")
    with pytest.raises(BackupRefused):
        services.restore_store(fresh_store, backup_file)
    assert fresh_store.is_empty()

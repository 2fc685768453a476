"""Targets by who set them: files with a source column, the store per source (and its
migration), the source a board is measured against, and the demo's named targets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from census_core.ingest.targets import read_targets
from census_core.settings import Settings
from census_core.standings.snapshot import load_snapshot, pick_source
from census_core.store import Store

DAY = date(2020, 3, 5)
JEMBER, KALIWATES = "35.09", "35.09.19"


@pytest.mark.parametrize(
    "available,wanted,expected",
    [
        (["BPS 22%", "Pemkab 50%"], "Pemkab 50%", "Pemkab 50%"),
        (["BPS 22%", "Pemkab 50%"], "BPS 22%", "BPS 22%"),
        # A store from before sources: its unnamed target, whatever the setting says.
        ([""], "Pemkab 50%", ""),
        (["", "BPS 22%"], "Bupati 80%", ""),
        (["BPS 22%", "Penduduk 100%"], "Pemkab 50%", "BPS 22%"),  # first by name
        ([], "Pemkab 50%", None),
        (["BPS 22%"], None, "BPS 22%"),
    ],
)
def test_pick_source(available, wanted, expected):
    assert pick_source(available, wanted) == expected


def test_a_targets_file_holds_several_sources(regions):
    data = (
        b"Kode;Kecamatan;KK;Target (%);Sumber target\n"
        b"35.09.19;Kaliwates;31654;50;Pemkab 50%\n"
        b"35.09.19;Kaliwates;31654;22;BPS 22%\n"
        b"35.09.25;Jelbuk;9000;50;Pemkab 50%\n"
        b"35.09.25;Jelbuk;9000;;\n"
    )
    upload = read_targets(data, "target.csv", regions)
    assert upload.ok, upload.problems
    rec = upload.records
    assert list(rec["source"]) == ["Pemkab 50%", "BPS 22%", "Pemkab 50%", ""]
    assert list(rec["share"].fillna(-1)) == [0.5, 0.22, 0.5, -1]


def test_the_same_region_twice_in_one_source_is_a_conflict(regions):
    data = (
        b"Kode;Kecamatan;KK;Sumber\n"
        b"35.09.19;Kaliwates;31654;Pemkab 50%\n"
        b"35.09.19;Kaliwates;30000;Pemkab 50%\n"
    )
    upload = read_targets(data, "target.csv", regions)
    assert not upload.ok and [p.reason for p in upload.problems] == ["conflict"]


def _targets(rows):
    return pd.DataFrame(rows, columns=["region", "measure", "base", "share", "source"])


def test_the_store_keeps_targets_per_source(fresh_store):
    rows = [
        (KALIWATES, "households", 31654, 0.5, "Pemkab 50%"),
        (KALIWATES, "households", 31654, 0.22, "BPS 22%"),
    ]
    first = fresh_store.commit_targets(_targets(rows), user="a", file_name="t", sha256="1" * 64)
    assert first.changed == 2
    # A new upload of one source leaves the other as it was.
    again = [(KALIWATES, "households", 30000, 0.22, "BPS 22%")]
    fresh_store.commit_targets(_targets(again), user="a", file_name="u", sha256="2" * 64)
    current = fresh_store.current_targets().set_index("source")
    assert current.loc["Pemkab 50%", "base"] == 31654 and current.loc["BPS 22%", "base"] == 30000
    snap = load_snapshot(fresh_store)
    assert snap.target_sources() == ["BPS 22%", "Pemkab 50%"]
    for source, target in (("Pemkab 50%", 15827), ("BPS 22%", 6600)):
        board = snap.board("kecamatan", JEMBER, DAY, replace(Settings(), target_source=source))
        row = board.set_index("code").loc[KALIWATES]
        assert (row["target"], row["target_source"]) == (target, source)
        assert board.set_index("code").loc["35.09.25", "target_source"] is None  # no target


def _old_targets_table(conn: sa.Connection) -> None:
    """The targets table as stores made before sources had it."""
    conn.exec_driver_sql("DROP TABLE targets")
    old = sa.MetaData()
    sa.Table("batches", old, sa.Column("id", sa.Integer, primary_key=True))
    sa.Table("regions", old, sa.Column("code", sa.String(16), primary_key=True))
    sa.Table(
        "targets",
        old,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("batches.id"), nullable=False),
        sa.Column("region", sa.String(16), sa.ForeignKey("regions.code"), nullable=False),
        sa.Column("measure", sa.String(16), nullable=False),
        sa.Column("base", sa.BigInteger, nullable=False),
        sa.Column("share", sa.Float, nullable=True),
        sa.UniqueConstraint("batch_id", "region", "measure"),
    ).create(conn)


def test_a_store_from_before_sources_is_migrated(fresh_url, regions):
    store = Store(fresh_url, regions)
    store.ensure_ready()
    with store.engine.begin() as conn:
        _old_targets_table(conn)
        conn.exec_driver_sql(
            'INSERT INTO batches (created_at, "user", file_name, sha256, kind, rows, changed, '
            "undone) VALUES ('2020-03-01 00:00:00+00', 'a', 't.csv', 'x', 'targets', 1, 1, false)"
        )
        conn.exec_driver_sql(
            "INSERT INTO targets (batch_id, region, measure, base) "
            "VALUES (1, '35.09.19', 'households', 31654)"
        )
    store.engine.dispose()
    migrated = Store(fresh_url, regions)
    old = migrated.current_targets()
    assert list(old["source"]) == [""] and int(old["base"].iloc[0]) == 31654
    # The unnamed target still measures the board, at CENSUS_TARGET_PCT.
    snap = load_snapshot(migrated)
    row = snap.board("kecamatan", JEMBER, DAY, Settings()).set_index("code").loc[KALIWATES]
    assert (row["target"], row["target_source"]) == (15827, "")
    # And the same region and measure can now be stored under two sources in one batch.
    rows = [
        (KALIWATES, "households", 31654, 0.5, "Pemkab 50%"),
        (KALIWATES, "households", 31654, 0.22, "BPS 22%"),
    ]
    assert migrated.commit_targets(_targets(rows), user="a", file_name="n", sha256="3" * 64).batch
    assert sorted(migrated.current_targets()["source"]) == ["", "BPS 22%", "Pemkab 50%"]
    # Opening it again changes nothing.
    assert len(Store(fresh_url, regions).current_targets()) == 3


def test_the_demo_names_its_targets(demo_store):
    snap = load_snapshot(demo_store)
    assert snap.target_sources() == ["BPS 22%", "Pemkab 50%", "Penduduk 100%"]
    targets = snap.targets
    pemkab = targets[targets["source"] == "Pemkab 50%"]["region"]
    assert pemkab.str.startswith(JEMBER).all() and (pemkab == JEMBER).any()
    # Every region with a target has one from BPS and from the whole population.
    for source in ("BPS 22%", "Penduduk 100%"):
        assert set(targets[targets["source"] == source]["region"]) == set(targets["region"])
    head = snap.board("kabupaten", "35", DAY, Settings()).set_index("code").loc[JEMBER]
    assert (head["target"], head["target_source"]) == (329446, "Pemkab 50%")


def test_the_targets_template_has_a_source_column_that_reads_back(regions):
    from census_core.ingest.templates import template_csv

    text = template_csv("targets", regions, JEMBER, DAY).decode("utf-8-sig")
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("No;"))
    assert lines[header].endswith(";Target (%);Sumber target")
    first = lines[header + 1].split(";")
    first[3:7] = ["14151", "", "50", "Pemkab 50%"]
    data = "\n".join([*lines[: header + 1], ";".join(first)]).encode()
    upload = read_targets(data, "templat_targets.csv", regions)
    assert upload.ok, upload.problems
    assert list(upload.records["source"]) == ["Pemkab 50%"]

"""Deterministic national test data: every desa and kecamatan of Indonesia over the SPO.

Daily cumulative household counts for 15 February to 29 May 2020 (105 days): each desa gets a
final count and a rising curve with noise; about 2 percent of desa-days are missing (no report
that day: the standings carry the last count forward). Kecamatan counts are the sums of their
desa. The same seed always gives the same numbers.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from census_core.regions import Regions
from census_core.store import Store

START = date(2020, 2, 15)
END = date(2020, 5, 29)
DAYS = pd.date_range(START, END, freq="D")  # 105 days
SEED = 20200215
MISSING = 0.02


def _matrix(n: int, rng: np.random.Generator) -> np.ndarray:
    """n cumulative series over DAYS, non-decreasing, as an (n, days) int64 matrix."""
    days = len(DAYS)
    final = rng.gamma(2.0, 180.0, size=n).round().astype("int64") + 5
    ramp = 0.5 + np.linspace(0.0, 1.5, days)
    gains = ramp[None, :] * rng.uniform(0.5, 1.5, size=(n, days))
    shares = np.cumsum(gains, axis=1)
    shares /= shares[:, -1:]
    return np.round(final[:, None] * shares).astype("int64")


def generate(
    regions: Regions, within: str | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(desa counts, kecamatan counts, desa targets) of every desa under `within` (None: the
    country): households only, sorted by region and date."""
    rng = np.random.default_rng(SEED)
    desa = np.array(regions.descendants(within, "desa"), dtype=object)
    matrix = _matrix(len(desa), rng)
    days = len(DAYS)
    desa_counts = pd.DataFrame(
        {
            "region": np.repeat(desa, days),
            "date": np.tile(DAYS.to_numpy(), len(desa)),
            "measure": "households",
            "value": matrix.ravel(),
        }
    )
    # Missing reports, but never the first day, so every desa has some count.
    keep = rng.random(len(desa_counts)) >= MISSING
    keep[::days] = True
    desa_counts = desa_counts[keep].reset_index(drop=True)

    kec_of = np.array([code[:8] for code in desa], dtype=object)
    kec_sum = pd.DataFrame(matrix, index=kec_of).groupby(level=0).sum()
    kec_counts = pd.DataFrame(
        {
            "region": np.repeat(kec_sum.index.to_numpy(dtype=object), days),
            "date": np.tile(DAYS.to_numpy(), len(kec_sum)),
            "measure": "households",
            "value": kec_sum.to_numpy().ravel(),
        }
    )
    base = np.round(matrix[:, -1] * rng.uniform(1.3, 3.0, size=len(desa))).astype("int64")
    targets = pd.DataFrame({"region": desa, "measure": "households", "base": base, "share": np.nan})
    return desa_counts, kec_counts, targets


def daily_file(counts: pd.DataFrame, day: pd.Timestamp) -> bytes:
    """One day's desa-level upload as CSV bytes (kode, tanggal, kk)."""
    rows = counts[counts["date"] == day]
    frame = pd.DataFrame(
        {"kode": rows["region"], "tanggal": day.date().isoformat(), "kk": rows["value"]}
    )
    return frame.to_csv(index=False).encode()


def build_sqlite(path: Path, regions: Regions, counts: pd.DataFrame, targets: pd.DataFrame) -> None:
    """A SQLite store holding `counts` as one batch, bulk-loaded (Store.commit_counts would take
    minutes at this size); the schema and region master come from Store itself."""
    if path.exists():
        path.unlink()
    store = Store(f"sqlite:///{path}", regions)
    store.commit_targets(targets, user="bench", file_name="targets.csv", sha256="0" * 64)
    store.engine.dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    digest = hashlib.sha256(str(len(counts)).encode()).hexdigest()
    with con:
        cur = con.execute(
            "INSERT INTO batches (created_at, user, file_name, sha256, kind, rows, changed, undone)"
            " VALUES ('2020-05-29 12:00:00', 'bench', 'national.csv', ?, 'counts', ?, ?, 0)",
            (digest, len(counts), len(counts)),
        )
        batch = cur.lastrowid
        dates = counts["date"].dt.strftime("%Y-%m-%d").to_numpy()
        step = 500_000
        for start in range(0, len(counts), step):
            part = slice(start, start + step)
            con.executemany(
                "INSERT INTO counts (batch_id, region, date, measure, value)"
                " VALUES (?, ?, ?, ?, ?)",
                zip(
                    [batch] * len(dates[part]),
                    counts["region"].to_numpy()[part],
                    dates[part],
                    counts["measure"].to_numpy()[part],
                    counts["value"].to_numpy()[part].tolist(),
                    strict=True,
                ),
            )
        con.execute("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def build_postgres(
    url: str, regions: Regions, counts: pd.DataFrame, targets: pd.DataFrame, tag: str
) -> None:
    """The same store in PostgreSQL: emptied, then `counts` loaded as one batch with COPY.
    The batch's sha256 is `tag`, so a later run can tell the data is already there."""
    import psycopg

    store = Store(url, regions)
    store.ensure_ready()
    store.clear()
    store.commit_targets(targets, user="bench", file_name="targets.csv", sha256="0" * 64)
    store.engine.dispose()
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as con:
        batch = con.execute(
            'INSERT INTO batches (created_at, "user", file_name, sha256, kind, rows, changed,'
            " undone) VALUES ('2020-05-29 12:00:00+00', 'bench', 'national.csv', %s, 'counts',"
            " %s, %s, false) RETURNING id",
            (tag, len(counts), len(counts)),
        ).fetchone()[0]
        dates = counts["date"].dt.strftime("%Y-%m-%d").to_numpy()
        with con.cursor().copy(
            "COPY counts (batch_id, region, date, measure, value) FROM STDIN"
        ) as copy:
            for row in zip(
                [batch] * len(counts),
                counts["region"].to_numpy(),
                dates,
                counts["measure"].to_numpy(),
                counts["value"].to_numpy().tolist(),
                strict=True,
            ):
                copy.write_row(row)
        con.execute("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)")
        con.execute("ANALYZE counts")

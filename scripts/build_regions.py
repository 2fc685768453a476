"""Rebuild data/regions/ from the npm package idn-area-data (ODbL 1.0).

Usage: python scripts/build_regions.py [PATH_TO_PACKAGE_DATA_DIR]

Without a path the script fetches the pinned package with `npm pack` into a
temporary folder. The result is one gzip CSV of (code, name) sorted by code;
level and parent follow from the code itself, so they are not stored.
"""

from __future__ import annotations

import csv
import gzip
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "idn-area-data@4.0.1"
OUT = Path(__file__).resolve().parent.parent / "data" / "regions" / "regions.csv.gz"
FILES = ("provinces.csv", "regencies.csv", "districts.csv", "villages.csv")


def fetch_package(workdir: Path) -> Path:
    """Download and unpack the pinned package; return its data directory."""
    subprocess.run(["npm", "pack", PACKAGE], cwd=workdir, check=True, capture_output=True)
    tarball = next(workdir.glob("idn-area-data-*.tgz"))
    with tarfile.open(tarball) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package" / "data"


def read_rows(data_dir: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for name in FILES:
        with open(data_dir / name, newline="", encoding="utf-8") as fh:
            for rec in csv.DictReader(fh):
                rows.append((rec["code"].strip(), " ".join(rec["name"].split())))
    rows.sort(key=lambda r: [int(p) for p in r[0].split(".")])
    return rows


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(argv[1]) if len(argv) > 1 else fetch_package(Path(tmp))
        rows = read_rows(data_dir)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the gzip bytes identical between rebuilds of the same data.
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(("code", "name"))
    writer.writerows(rows)
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    print(f"wrote {len(rows)} regions to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

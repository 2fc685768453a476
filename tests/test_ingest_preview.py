"""The preview of a big file: every problem row, then the first others, within a cell budget."""

from __future__ import annotations

from datetime import date, timedelta

from census_core.ingest import read_counts
from census_core.ingest.model import Options
from census_core.ingest.report import PREVIEW_CELLS, preview_caption, preview_table


def big_file(regions, bad_rows: set[int], days: int = 1) -> bytes:
    """Every desa of Jawa Timur (8,494), one column per day; unknown names on `bad_rows`."""
    desa = regions.descendants("35", "desa")
    first = date(2020, 2, 15)
    head = "kode;" + ";".join((first + timedelta(days=d)).isoformat() for d in range(days))
    lines = [head]
    for i, code in enumerate(desa):
        row = i + 2
        name = f"Tidak Ada {row}" if row in bad_rows else code
        lines.append(name + ";" + ";".join(str(10 + d) for d in range(days)))
    return "\n".join(lines).encode()


def test_a_big_file_shows_its_problem_rows_and_the_first_others(regions):
    upload = read_counts(big_file(regions, {5000, 8000}), "jatim.csv", regions, Options())
    assert len(upload.regions_read) == 8494
    table = preview_table(upload, regions, limit=50)
    rows = table["Baris"].tolist()
    assert len(rows) == 50 and rows == sorted(rows)
    assert {5000, 8000} <= set(rows) and rows[:3] == [2, 3, 4]
    assert preview_caption(8494, len(rows)) == (
        "Menampilkan 50 dari 8.494 baris: semua baris bermasalah, lalu baris pertama "
        "lainnya. Semua baris tetap diperiksa dan disimpan."
    )
    assert preview_caption(40, 40) is None
    assert preview_table(upload, regions, limit=None).shape[0] == 8494


def test_a_wide_file_stays_within_the_cell_budget(regions):
    """105 date columns (the whole SPO): fewer rows, so the table stays one a browser draws."""
    data = big_file(regions, set(), days=105)
    upload = read_counts(data, "jatim.csv", regions, Options(today=date(2020, 6, 1)))
    assert upload.ok, [p.reason for p in upload.errors][:3]
    table = preview_table(upload, regions)
    assert table.shape[1] == 4 + 105 + 2  # row, text, region, code; days; notes, status
    assert table.size <= PREVIEW_CELLS and len(table) < 2000
    assert preview_caption(8494, len(table), "en").startswith(f"Showing {len(table):,} of 8,494")

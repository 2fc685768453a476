"""A targets file -> records (region, measure, base, share): the same reader, matching and rows."""

from __future__ import annotations

import logging

import pandas as pd

from census_core.digest import sha256_of
from census_core.ingest.formulas import mark_unsaved_formulas
from census_core.ingest.layout import find_layout
from census_core.ingest.matching import Matcher
from census_core.ingest.model import TARGET_COLUMNS, Options, Upload, empty_targets
from census_core.ingest.problems import Problem, error, system_fault, warning
from census_core.ingest.reader import ReadError, read_grid
from census_core.ingest.rows import region_rows
from census_core.ingest.values import ValueProblem, cell_text, is_blank, parse_count, parse_share
from census_core.regions import Regions
from census_core.text import fmt_int

log = logging.getLogger(__name__)


def read_targets(
    data: bytes, file_name: str, regions: Regions, options: Options | None = None
) -> Upload:
    """Read one upload of targets; never raises for anything in the file."""
    options = options or Options()
    upload = Upload(file_name, sha256_of(data), "targets", empty_targets())
    try:
        _read(data, regions, options, upload)
    except ReadError as exc:
        upload.problems.append(exc.problem)
    except Exception as exc:  # ours, not the file's: tests assert files never reach it
        upload.problems.append(system_fault(log, f"reading {file_name!r}", exc))
    if not upload.ok:
        upload.records = empty_targets()
    return upload


def _share(cell: object, row: int, column: str, problems: list[Problem]) -> float | None:
    if is_blank(cell):
        return None
    try:
        return parse_share(cell)  # '50', '50%' and '0,5' all mean half; '0,5%' half a percent
    except ValueProblem as exc:
        problems.append(error(exc.reason, row=row, column=column, value=cell_text(cell)))
        return None


def _read(data: bytes, regions: Regions, options: Options, upload: Upload) -> None:
    grid = mark_unsaved_formulas(read_grid(data, options.sheet), data)
    layout = find_layout(grid.rows) if grid.rows else None
    if layout is None:
        raise ReadError(error("no_header" if grid.rows else "empty_file"))
    if not layout.measures:
        raise ReadError(error("no_target_column", row=layout.header_row + 1))
    upload.layout = "targets"
    table = region_rows(
        grid.rows, layout, Matcher(regions, options.home), options, list(layout.measures)
    )
    upload.problems += table.problems
    upload.level, upload.scope, upload.rows = table.level, table.scope, len(table.data)
    upload.regions_read = pd.DataFrame(
        [(r.row, r.text, r.code) for r in table.data], columns=["row", "text", "code"]
    )
    if not table.data:
        upload.problems.append(error("no_data", row=layout.header_row + 1))
        return
    records: list[tuple[object, ...]] = []
    share_col = layout.shares[0] if layout.shares else None
    source_col = layout.source
    seen: dict[tuple[str, str, str], tuple[int, int]] = {}
    sums: dict[int, int] = {}
    for item in table.data:
        cells = item.cells
        share = None
        if share_col is not None and share_col < len(cells):
            share = _share(cells[share_col], item.row, layout.name(share_col), upload.problems)
        source = options.source
        if source_col is not None and source_col < len(cells) and not is_blank(cells[source_col]):
            source = " ".join(cell_text(cells[source_col]).split())[:80]
        for col, measure in layout.measures.items():
            measure = measure or options.measure or "households"
            cell = cells[col] if col < len(cells) else None
            column = layout.name(col)
            if is_blank(cell):
                upload.problems.append(warning("empty_value", row=item.row, column=column))
                continue
            try:
                base = parse_count(cell)
            except ValueProblem as exc:
                upload.problems.append(
                    error(exc.reason, row=item.row, column=column, value=cell_text(cell))
                )
                continue
            if item.code is None:
                continue
            sums[col] = sums.get(col, 0) + base
            key = (item.code, measure, source)
            if key in seen:
                other_row, other = seen[key]
                name = regions.name(item.code)
                if other != base:
                    upload.problems.append(
                        error(
                            "conflict",
                            row=item.row,
                            column=column,
                            region=name,
                            date="-",
                            value=fmt_int(base),
                            other=fmt_int(other),
                            other_row=other_row,
                        )
                    )
                continue
            seen[key] = (item.row, base)
            records.append((item.code, measure, base, share, source, item.row, column))
    # Only the last total is the grand total; sub-totals per kecamatan are set aside unchecked.
    for total in table.totals[-1:]:
        for col in layout.measures:
            cell = total.cells[col] if col < len(total.cells) else None
            try:
                value = parse_count(cell)
            except ValueProblem:
                continue
            if value != sums.get(col, 0):
                upload.problems.append(
                    warning(
                        "total_mismatch",
                        row=total.row,
                        column=layout.name(col),
                        value=fmt_int(value),
                        sum=fmt_int(sums.get(col, 0)),
                    )
                )
    if not records and upload.ok:
        upload.problems.append(error("no_values", row=layout.header_row + 1))
    if records:
        frame = pd.DataFrame(records, columns=TARGET_COLUMNS)
        frame["share"] = frame["share"].astype("float64")
        frame["base"] = frame["base"].astype("int64")
        upload.records = frame

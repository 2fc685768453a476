"""A day's counts file -> records (region, date, measure, value) and every problem, by row."""

from __future__ import annotations

import logging
from datetime import date

import pandas as pd

from census_core.digest import sha256_of
from census_core.ingest.checks import Existing, check_counts
from census_core.ingest.formulas import mark_unsaved_formulas
from census_core.ingest.layout import Layout, find_layout, title_date
from census_core.ingest.matching import Matcher
from census_core.ingest.model import Options, Upload, empty_counts
from census_core.ingest.problems import Problem, error, system_fault, warning
from census_core.ingest.reader import ReadError, read_grid
from census_core.ingest.rows import Table, region_rows
from census_core.ingest.values import (
    ValueProblem,
    cell_text,
    date_problem,
    find_date,
    is_blank,
    parse_count,
    parse_date,
)
from census_core.regions import Regions
from census_core.text import fmt_date

log = logging.getLogger(__name__)


def read_counts(
    data: bytes,
    file_name: str,
    regions: Regions,
    options: Options | None = None,
    *,
    existing: Existing = None,
    targets: pd.DataFrame | None = None,
) -> Upload:
    """Read one upload of counts; never raises for anything in the file.

    `existing` (region, date, measure, value) and `targets` (region, measure, base) are the
    store's current data, for the warnings that compare with it; `existing` may be a function
    of the file's region codes, called once the file is read.
    """
    options = options or Options()
    upload = Upload(file_name, sha256_of(data), "counts", empty_counts())
    try:
        _read(data, regions, options, upload)
        if upload.ok:
            upload.problems += check_counts(upload, regions, existing, targets, options)
    except ReadError as exc:
        upload.problems.append(exc.problem)
    except Exception as exc:  # ours, not the file's: tests assert files never reach it
        upload.problems.append(system_fault(log, f"reading {file_name!r}", exc))
    if not upload.ok:
        upload.read_dates = upload.dates
        upload.records = empty_counts()
    return upload


def _read(data: bytes, regions: Regions, options: Options, upload: Upload) -> None:
    grid = mark_unsaved_formulas(read_grid(data, options.sheet), data)
    if not grid.rows:
        raise ReadError(error("empty_file"))
    layout = find_layout(grid.rows)
    if layout is None:
        raise ReadError(error("no_header"))
    if not layout.measures and not layout.dates and layout.date_col is None:
        raise ReadError(error("no_count_column", row=layout.header_row + 1))
    upload.layout = layout.kind
    if layout.date_col is not None:
        upload.date_column = layout.name(layout.date_col)
    value_cols = list(layout.dates) if layout.kind == "wide" else list(layout.measures)
    table = region_rows(grid.rows, layout, Matcher(regions, options.home), options, value_cols)
    upload.problems += table.problems
    upload.level, upload.scope = table.level, table.scope
    upload.rows = len(table.data)
    upload.regions_read = pd.DataFrame(
        [(r.row, r.text, r.code) for r in table.data], columns=["row", "text", "code"]
    )
    if not table.data:
        upload.problems.append(error("no_data", row=layout.header_row + 1))
        return
    day = None if layout.kind != "snapshot" else _snapshot_date(grid.rows, layout, upload, options)
    records = _values(table, layout, options, day, upload.problems)
    if day is not None and not records:
        upload.read_dates = [day]
    if not records and upload.ok:
        upload.problems.append(error("no_values", row=layout.header_row + 1))
    _check_totals(table, layout, options, day, records, upload.problems)
    if records:
        frame = pd.DataFrame(
            records, columns=["region", "date", "measure", "value", "row", "column"]
        )
        frame["date"] = pd.to_datetime(frame["date"])
        upload.records = frame


def _snapshot_date(
    rows: list[list[object]], layout: Layout, upload: Upload, options: Options
) -> date | None:
    found = title_date(rows, layout.header_row)
    from_file = found[0] if found else find_date(upload.file_name)
    if options.date is not None:
        if date_problem(options.date):
            upload.problems.append(error("date_out_of_window", value=options.date.isoformat()))
            return None
        if from_file is not None and from_file != options.date and not date_problem(from_file):
            upload.problems.append(
                warning(
                    "date_disagrees",
                    row=found[1] + 1 if found else None,
                    value=fmt_date(options.date),
                    other=fmt_date(from_file),
                    value_en=fmt_date(options.date, "en"),
                    other_en=fmt_date(from_file, "en"),
                )
            )
        return options.date
    if from_file is None:
        upload.problems.append(error("no_date"))
    elif reason := date_problem(from_file):
        if found:  # quote the title cell that holds the date
            title = next((c for c in rows[found[1]] if find_date(cell_text(c))), "")
            upload.problems.append(error(reason, row=found[1] + 1, value=cell_text(title)))
        else:
            upload.problems.append(error(reason, value=upload.file_name))
        return None
    return from_file


def _measure(layout: Layout, col: int, options: Options) -> str:
    return layout.measures.get(col) or options.measure or "households"


def _count(cell: object, row: int, column: str, problems: list[Problem]) -> int | None:
    try:
        return parse_count(cell)
    except ValueProblem as exc:
        problems.append(error(exc.reason, row=row, column=column, value=cell_text(cell)))
        return None


def _values(
    table: Table, layout: Layout, options: Options, day: date | None, problems: list[Problem]
) -> list[tuple[object, ...]]:
    records: list[tuple[object, ...]] = []
    seen_dates: dict[object, date | None] = {}  # a long file repeats a few dates many times
    wide = layout.kind == "wide"
    # Per column, once: (column, date of a wide column, measure, header as written).
    columns: list[tuple[int, date | None, str, str]]
    if wide:
        columns = [
            (c, d, _measure(layout, -1, options), layout.name(c))
            for c, d in layout.dates.items()
            if not _far_column(layout, c, d, problems)
        ]
    else:
        columns = [(c, None, _measure(layout, c, options), layout.name(c)) for c in layout.measures]
    for item in table.data:
        cells = item.cells
        row_day = day
        if layout.kind == "long":
            row_day = _row_date(cells, layout, item.row, problems, seen_dates)
        for col, wide_day, measure, name in columns:
            when = wide_day if wide else row_day
            cell = cells[col] if col < len(cells) else None
            if is_blank(cell):
                if not wide:
                    problems.append(warning("empty_value", row=item.row, column=name))
                continue
            value = _count(cell, item.row, name, problems)
            if value is not None and when is not None and item.code is not None:
                records.append((item.code, when, measure, value, item.row, name))
    return records


def _far_column(layout: Layout, col: int, day: date, problems: list[Problem]) -> bool:
    """A wide column headed by a day no census has ('05/03/20', '1600-03-05'): refused."""
    reason = date_problem(day)
    if reason is not None:
        name = layout.name(col)
        problems.append(error(reason, row=layout.header_row + 1, column=name, value=name))
    return reason is not None


def _row_date(
    cells: list[object],
    layout: Layout,
    row: int,
    problems: list[Problem],
    seen: dict[object, date | None],
) -> date | None:
    assert layout.date_col is not None
    cell = cells[layout.date_col] if layout.date_col < len(cells) else None
    if isinstance(cell, str) and seen.get(cell) is not None:
        return seen[cell]
    if is_blank(cell):
        problems.append(error("missing_date", row=row, column=layout.name(layout.date_col)))
        return None
    try:
        day = parse_date(cell)
    except ValueProblem as exc:
        name = layout.name(layout.date_col)
        problems.append(error(exc.reason, row=row, column=name, value=cell_text(cell)))
        return None
    if isinstance(cell, str):
        seen[cell] = day
    return day


def _check_totals(
    table: Table,
    layout: Layout,
    options: Options,
    day: date | None,
    records: list[tuple[object, ...]],
    problems: list[Problem],
) -> None:
    """A total row is compared with the sum of the regions, and never stored."""
    if layout.kind == "long":
        return
    sums: dict[int, int] = {}
    cols = list(layout.dates) if layout.kind == "wide" else list(layout.measures)
    by_col = {name: col for col in cols for name in [layout.name(col)]}
    for _, _, _, value, _, column in records:
        col = by_col[str(column)]
        sums[col] = sums.get(col, 0) + int(value)  # type: ignore[call-overload]
    # Only the last total is the grand total; sub-totals per kecamatan are set aside unchecked.
    for total in table.totals[-1:]:
        for col in cols:
            cell = total.cells[col] if col < len(total.cells) else None
            if is_blank(cell):
                continue
            try:
                value = parse_count(cell)
            except ValueProblem:
                continue  # a total that is no number is a label, not a claim to check
            if value != sums.get(col, 0):
                from census_core.text import fmt_int

                problems.append(
                    warning(
                        "total_mismatch",
                        row=total.row,
                        column=layout.name(col),
                        value=fmt_int(value),
                        sum=fmt_int(sums.get(col, 0)),
                        value_en=fmt_int(value, "en"),
                        sum_en=fmt_int(sums.get(col, 0), "en"),
                    )
                )

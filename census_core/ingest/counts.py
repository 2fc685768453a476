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
from census_core.ingest.reader import Grid, ReadError, read_grid, sheet_names
from census_core.ingest.rows import Table, region_rows
from census_core.ingest.values import (
    ValueProblem,
    cell_text,
    date_problem,
    find_date,
    find_year,
    is_blank,
    letters_for_digits,
    parse_count,
    parse_date,
)
from census_core.regions import Regions
from census_core.text import fmt_date, fmt_int

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
        # Every check runs on the rows that could be read, so one upload names every problem.
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
    grid = _grid(data, options.sheet)
    # A header date without a year takes the title's year, else the file name's, the chosen
    # date's or the campaign's (find_layout looks at the title itself).
    year = find_year(upload.file_name) or (options.date.year if options.date else None)
    year = year or options.campaign_year
    layout = find_layout(grid.rows, year) if grid.rows else None
    if layout is None and grid.kind == "excel" and options.sheet is None:
        grid, layout = _other_sheet(data, grid, year, upload)
    if not grid.rows:
        raise ReadError(error("empty_file"))
    if layout is None:
        sheets = sheet_names(data) if grid.kind == "excel" else []
        if len(sheets) > 1:
            raise ReadError(error("no_header_sheets", sheets=", ".join(sheets)))
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
    cells: list[tuple[object, ...]] = []
    records = _values(table, layout, options, day, upload.problems, cells)
    upload.cells_read = pd.DataFrame(
        cells, columns=["row", "column", "date", "measure", "text", "value"]
    )
    if day is not None and not records:
        upload.read_dates = [day]
    if not records and upload.ok:
        upload.problems.append(error("no_values", row=layout.header_row + 1))
    _check_totals(table, layout, cells, upload.problems)
    if records:
        frame = pd.DataFrame(
            records, columns=["region", "date", "measure", "value", "row", "column"]
        )
        frame["date"] = pd.to_datetime(frame["date"])
        upload.records = frame


def _grid(data: bytes, sheet: str | None) -> Grid:
    grid = mark_unsaved_formulas(read_grid(data, sheet), data)
    if not grid.rows and grid.kind == "csv":
        raise ReadError(error("empty_file"))
    return grid


def _other_sheet(
    data: bytes, first: Grid, year: int | None, upload: Upload
) -> tuple[Grid, Layout | None]:
    """The first sheet with a region column when the first one has none (a cover sheet)."""
    for name in sheet_names(data):
        if name == first.sheet:
            continue
        try:
            grid = _grid(data, name)
        except ReadError:
            continue
        layout = find_layout(grid.rows, year) if grid.rows else None
        if layout is not None:
            upload.problems.append(warning("sheet_chosen", value=name, other=first.sheet or ""))
            return grid, layout
    return first, None


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


def _count(
    cell: object, row: int, column: str, problems: list[Problem]
) -> tuple[int | None, int | None]:
    """(the count, or None) and the number a slip stands for ('4O40' is 4040), for the sums."""
    try:
        value = parse_count(cell)
        return value, value
    except ValueProblem as exc:
        meant = letters_for_digits(cell) if exc.reason == "not_a_number" else None
        if meant is not None:
            problems.append(
                error(
                    "letter_in_number",
                    row=row,
                    column=column,
                    value=cell_text(cell),
                    meant=fmt_int(meant),
                    meant_en=fmt_int(meant, "en"),
                )
            )
        else:
            problems.append(error(exc.reason, row=row, column=column, value=cell_text(cell)))
        return None, meant


def _values(
    table: Table,
    layout: Layout,
    options: Options,
    day: date | None,
    problems: list[Problem],
    cells_read: list[tuple[object, ...]],
) -> list[tuple[object, ...]]:
    """The records of the rows whose region is known; `cells_read` gets every value cell of
    every data row (row, column, date, measure, text, number or None), known region or not."""
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
            value, meant = _count(cell, item.row, name, problems)
            cells_read.append((item.row, name, when, measure, cell, meant))  # text when shown
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
    table: Table, layout: Layout, cells: list[tuple[object, ...]], problems: list[Problem]
) -> None:
    """A total row is compared with the sum of the file's rows as written, and never stored.

    Every data row counts, its region known or not, a '4O40' as the 4040 it stands for: the
    figure stays the same while the operator fixes the file's other problems.
    """
    if layout.kind == "long":
        return
    sums: dict[str, int] = {}
    for _, column, _, _, _, value in cells:
        if value is not None:
            sums[str(column)] = sums.get(str(column), 0) + int(value)  # type: ignore[call-overload]
    cols = list(layout.dates) if layout.kind == "wide" else list(layout.measures)
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
            added = sums.get(layout.name(col), 0)
            if value != added:
                problems.append(
                    warning(
                        "total_mismatch",
                        row=total.row,
                        column=layout.name(col),
                        value=fmt_int(value),
                        sum=fmt_int(added),
                        value_en=fmt_int(value, "en"),
                        sum_en=fmt_int(added, "en"),
                    )
                )

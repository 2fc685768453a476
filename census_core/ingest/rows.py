"""The data rows below the header: which region each names, totals and notes set aside."""

from __future__ import annotations

from dataclasses import dataclass, field

from census_core.ingest.layout import Layout, is_total_text
from census_core.ingest.limits import MAX_NAME_CHARS
from census_core.ingest.matching import Matcher, Resolution
from census_core.ingest.model import Options
from census_core.ingest.problems import Problem, error, warning
from census_core.ingest.values import UnsavedFormula, cell_text, is_blank
from census_core.regions import level_label
from census_core.text import fmt_int, t


@dataclass
class DataRow:
    row: int  # as Excel numbers it: row 1 is the file's first line
    text: str  # the region as written
    code: str | None
    cells: list[object]
    parent: str = ""  # the kecamatan beside a desa, as written (carried down merged cells)


@dataclass
class Table:
    data: list[DataRow] = field(default_factory=list)
    totals: list[DataRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    level: str | None = None
    scope: str | None = None


def _cell(row: list[object], col: int | None) -> object:
    return row[col] if col is not None and col < len(row) else None


def region_rows(
    rows: list[list[object]],
    layout: Layout,
    matcher: Matcher,
    options: Options,
    value_cols: list[int],
) -> Table:
    """Every data row with its region resolved, or a problem naming the row."""
    table = Table()
    label_cols = [
        c for c in (layout.numbering, layout.parent, layout.code, layout.region) if c is not None
    ]
    pending: list[tuple[DataRow, bool]] = []
    last_parent = ""
    for i in range(layout.first_data, len(rows)):
        row = rows[i]
        if all(is_blank(c) for c in row):
            continue
        formula = _formula_label(row, layout, i + 1)
        if formula is not None:  # the region is unknown until the file is saved with values
            table.problems.append(formula)
            continue
        code_text = cell_text(_cell(row, layout.code))
        name_text = cell_text(_cell(row, layout.region))
        text = code_text or name_text
        long = _too_long(row, i + 1, layout, code_text, name_text)
        if long is not None:  # never matched: a fuzzy search of it would take minutes
            table.problems.append(long)
            continue
        has_values = any(not is_blank(_cell(row, c)) for c in value_cols)
        item = DataRow(i + 1, text, None, row)
        if layout.parent is not None and not code_text:
            written = cell_text(_cell(row, layout.parent))
            if written and not is_total_text(written):
                last_parent = written
            item.parent = last_parent
        if _is_total_row(row, label_cols):
            table.totals.append(item)
        elif not text:
            if has_values:
                table.problems.append(
                    error("missing_region", row=i + 1, column=layout.name(layout.region or 0))
                )
        else:
            pending.append((item, has_values))

    column = layout.name(layout.code if layout.code is not None else (layout.region or 0))
    if any(item.parent for item, _ in pending):
        _resolve_under_parents(pending, layout, matcher, options, table, column)
    else:
        res = matcher.resolve(
            sorted(
                {item.text for item, _ in pending if item.text not in dict(options.corrections)}
            ),
            level=options.level,
            within=options.within,
            hint=layout.hint,
        )
        table.level, table.scope = res.level, res.scope
        _apply(pending, res, matcher, options, table, column)
    if not table.data:
        table.level = table.scope = None
    elif table.level is None:
        table.level = next((str(matcher.regions.level(r.code)) for r in table.data if r.code), None)
    return table


def _formula_label(row: list[object], layout: Layout, number: int) -> Problem | None:
    """A formula saved without its value where the row names its region."""
    for col in (layout.code, layout.region, layout.parent):
        cell = _cell(row, col)
        if col is not None and isinstance(cell, UnsavedFormula):
            return error("formula_without_value", row=number, column=layout.name(col), value=cell)
    return None


def _too_long(
    row: list[object], number: int, layout: Layout, code_text: str, name_text: str
) -> Problem | None:
    """The row's region or parent text when longer than a name can be."""
    parent = cell_text(_cell(row, layout.parent)) if layout.parent is not None else ""
    for text, col in (
        (code_text, layout.code),
        (name_text, layout.region),
        (parent, layout.parent),
    ):
        if len(text) > MAX_NAME_CHARS:
            return error(
                "name_too_long",
                row=number,
                column=layout.name(col or 0),
                length=fmt_int(len(text)),
                limit=fmt_int(MAX_NAME_CHARS),
                length_en=fmt_int(len(text), "en"),
                limit_en=fmt_int(MAX_NAME_CHARS, "en"),
            )
    return None


def _is_total_row(row: list[object], label_cols: list[int]) -> bool:
    for col in label_cols:
        cell = row[col] if col < len(row) else None
        if type(cell) is str and cell and is_total_text(cell):
            return True
    return False


def _apply(
    pending: list[tuple[DataRow, bool]],
    res: Resolution,
    matcher: Matcher,
    options: Options,
    table: Table,
    column: str,
) -> None:
    corrections = dict(options.corrections)
    for item, has_values in pending:
        code = corrections.get(item.text) or res.codes.get(item.text)
        if code is not None:
            item.code = code
            table.data.append(item)
            if item.text in res.inferred:
                table.problems.append(_inferred(matcher, item, column))
        elif item.text in res.totals:
            table.totals.append(item)
        elif not has_values:
            continue  # a note under the table ('Sumber: BPS'), not a region
        else:
            table.problems.append(_unmatched(matcher, res, item, column))
            table.data.append(item)


def _resolve_under_parents(
    pending: list[tuple[DataRow, bool]],
    layout: Layout,
    matcher: Matcher,
    options: Options,
    table: Table,
    column: str,
) -> None:
    """Desa beside their kecamatan: each name is looked up inside its own parent only."""
    parents = sorted({item.parent for item, _ in pending if item.parent})
    pres = matcher.resolve(parents, within=options.within, hint=layout.parent_hint)
    parent_column = layout.name(layout.parent or 0)
    groups: dict[str, list[tuple[DataRow, bool]]] = {}
    for item, has_values in pending:
        groups.setdefault(item.parent, []).append((item, has_values))
    levels: list[str] = []
    for parent, items in groups.items():
        code = pres.codes.get(parent)
        if code is None:
            for item, has_values in items:
                if has_values and parent not in pres.totals:
                    probe = DataRow(item.row, parent, None, item.cells)
                    table.problems.append(_unmatched(matcher, pres, probe, parent_column))
                    table.data.append(item)
            continue
        texts = sorted({i.text for i, _ in items if i.text not in dict(options.corrections)})
        res = matcher.resolve(texts, level=options.level, within=code, hint=layout.hint)
        _apply(items, res, matcher, options, table, column)
        if res.level:
            levels.append(res.level)
    table.level = max(set(levels), key=levels.count) if levels else None
    table.scope = pres.scope


def _inferred(matcher: Matcher, item: DataRow, column: str) -> Problem:
    assert item.code is not None
    name = matcher.describe(item.code)
    return warning("inferred", row=item.row, column=column, value=item.text, region=name)


def _unmatched(matcher: Matcher, res: Resolution, item: DataRow, column: str) -> Problem:
    text = item.text
    if text in res.unknown_codes:
        return error("unknown_code", row=item.row, column=column, value=text)
    if text in res.ambiguous:
        codes = res.ambiguous[text]
        names = ", ".join(matcher.describe(c) for c in codes)
        # A desa name repeats across kecamatan: the kecamatan column tells them apart.
        desa = not item.parent and all(matcher.regions.level(c) == "desa" for c in codes)
        return error(
            "ambiguous_desa" if desa else "ambiguous_region",
            row=item.row,
            column=column,
            value=text,
            candidates=names,
            suggestions=[(c, matcher.regions.name(c)) for c in codes],
        )
    level = res.level or "kecamatan"
    if text in res.other_level:
        code = res.other_level[text]
        found = matcher.regions.level(code)
        return error(
            "mixed_levels",
            row=item.row,
            column=column,
            value=text,
            found=level_label(found, "id"),
            found_en=level_label(found, "en"),
            level=level_label(level, "id"),
            level_en=level_label(level, "en"),
        )
    suggestions = res.unknown.get(text, [])
    names = ", ".join(name for _, name in suggestions)
    within_name = matcher.regions.name(res.scope) if res.scope else "Indonesia"
    hint = "match.suggest" if names else "match.spelling"
    return error(
        "unknown_region",
        row=item.row,
        column=column,
        value=text,
        level=level_label(level, "id"),
        level_en=level_label(level, "en"),
        within=t("match.within", "id", name=within_name),
        within_en=t("match.within", "en", name=within_name),
        suggest=t(hint, "id", names=names),
        suggest_en=t(hint, "en", names=names),
        suggestions=suggestions,
    )

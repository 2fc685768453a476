"""What an ingest returns: the records read, every problem, and how the file was understood."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from census_core.ingest.problems import ERROR, Problem

TARGET_COLUMNS = ["region", "measure", "base", "share", "source", "row", "column"]


@dataclass(frozen=True)
class Options:
    """What the operator may fix instead of letting the file say it."""

    home: str = "35.09"
    date: dt.date | None = None
    level: str | None = None
    within: str | None = None
    measure: str | None = None  # what a plain 'Jumlah' column counts (default households)
    sheet: str | None = None
    today: dt.date | None = None
    # Region text as written -> code, for suggestions the operator accepted on the page.
    corrections: tuple[tuple[str, str], ...] = ()
    # The census year, for header dates written without one when neither the title, the file
    # name nor the chosen date gives it.
    campaign_year: int | None = None
    # Targets: the source of rows that name none (the target being looked at); "" unnamed.
    source: str = ""


@dataclass
class Upload:
    """One file read: records ready to commit when `ok`, and every error and warning."""

    file_name: str
    sha256: str
    kind: str  # "counts" or "targets"
    records: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    layout: str | None = None
    level: str | None = None
    scope: str | None = None
    rows: int = 0
    # One row per data row as read: row, text, code, name (for the preview).
    regions_read: pd.DataFrame = field(default_factory=pd.DataFrame)
    # The dates the file speaks of, kept when it is rejected and its records are dropped.
    read_dates: list[dt.date] = field(default_factory=list)
    date_column: str | None = None  # the long layout's date column, for problems about dates
    # Every value cell of every data row as read (row, column, date, measure, text, value),
    # kept when the file is rejected so the preview shows the numbers its problems are about.
    cells_read: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != ERROR]

    @property
    def fault(self) -> str | None:
        """The reference of a fault of the system met on the way (not the file's), if any."""
        refs = [p.params.get("ref", "") for p in self.problems if p.reason == "system_fault"]
        return refs[0] if refs else None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def dates(self) -> list[dt.date]:
        if self.kind != "counts" or self.records.empty:
            return list(self.read_dates)
        return sorted(pd.to_datetime(self.records["date"]).dt.date.unique())

    def as_json(self, lang: str = "en") -> dict[str, object]:
        """The CLI's JSON (without the commit fields)."""
        return {
            "file": self.file_name,
            "level": self.level,
            "dates": [d.isoformat() for d in self.dates],
            "rows": self.rows,
            "errors": [p.as_json(lang) for p in sorted_problems(self.errors)],
            "warnings": [p.as_json(lang) for p in sorted_problems(self.warnings)],
        }


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """File-wide problems first, then by row."""
    return sorted(problems, key=lambda p: (p.row is not None, p.row or 0))


def empty_counts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region": pd.Series(dtype=str),
            "date": pd.Series(dtype="datetime64[ns]"),
            "measure": pd.Series(dtype=str),
            "value": pd.Series(dtype="int64"),
            "row": pd.Series(dtype="int64"),
            "column": pd.Series(dtype=str),
        }
    )


def empty_targets() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in TARGET_COLUMNS})

"""Problems found in an uploaded file: where (row, column), what, and what to do, in id and en."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from census_core import faults
from census_core.ingest.values import DATE_FIRST, DATE_LAST, MAX_COUNT
from census_core.text import fmt_date, fmt_int, pick, t, template

ERROR, WARNING = "error", "warning"
MAX_VALUE_SHOWN = 40  # a cell quoted in a message is cut after this many characters


@dataclass(frozen=True)
class Problem:
    """One finding: an error rejects the file, a warning does not."""

    reason: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    severity: str = ERROR
    params: dict[str, str] = field(default_factory=dict)
    # Region codes the operator may pick instead (unknown names only).
    suggestions: tuple[tuple[str, str], ...] = ()

    def detail(self, lang: str = "id") -> str:
        """The sentence without the row: what is wrong and what to do."""
        # An unexpected error in reading or storing says what every system fault says.
        key = "fault.upload" if self.reason == "system_fault" else f"problem.{self.reason}"
        values = {
            "value": _shown(self.value or ""),
            "column": _shown(self.column or ""),
            "max_count": fmt_int(MAX_COUNT, lang),
            "first": fmt_date(DATE_FIRST, lang),
            "last": fmt_date(DATE_LAST, lang),
            **self.params,
        }
        # Params may carry an English variant under "<key>_en".
        english = {k[:-3]: v for k, v in self.params.items() if k.endswith("_en")}
        values.update(pick(lang, {}, english))
        values.setdefault("suggest", "")
        return template(key, lang).format_map(_Blank(values)).strip()  # no column: at the value

    def message(self, lang: str = "id") -> str:
        """'Baris 4: Jumlah '12,5' bukan bilangan bulat. ...'"""
        text = self.detail(lang)
        if self.row is not None:
            return t("problem.row", lang, row=self.row, text=text)
        return text

    def as_json(self, lang: str = "en") -> dict[str, object]:
        return {"row": self.row, "column": self.column, "message": self.message(lang)}


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def error(reason: str, **kwargs: object) -> Problem:
    return _make(reason, ERROR, kwargs)


def system_fault(log: logging.Logger, doing: str, exc: BaseException) -> Problem:
    """The problem for an unexpected error, logged with its traceback under a new reference."""
    return error("system_fault", ref=faults.log_fault(log, doing, exc))


def warning(reason: str, **kwargs: object) -> Problem:
    return _make(reason, WARNING, kwargs)


def _shown(text: str) -> str:
    """A cell as quoted in a message: a 5,000-digit number shows its first digits and '…'."""
    return text if len(text) <= MAX_VALUE_SHOWN else text[: MAX_VALUE_SHOWN - 8] + "…"


def _make(reason: str, severity: str, kwargs: dict[str, object]) -> Problem:
    row = kwargs.pop("row", None)
    column = kwargs.pop("column", None)
    value = kwargs.pop("value", None)
    suggestions = kwargs.pop("suggestions", ())
    return Problem(
        reason=reason,
        row=None if row is None else int(row),  # type: ignore[call-overload]
        column=None if column is None else str(column),
        value=None if value is None else str(value),
        severity=severity,
        params={k: str(v) for k, v in kwargs.items()},
        suggestions=tuple(suggestions),  # type: ignore[arg-type]
    )

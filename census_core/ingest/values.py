"""Numbers and dates as offices write them: '4.040', '4,040', '4.040,00', '5 Maret 2020'."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MAX_COUNT = 1_000_000_000  # above any region's population; larger is a typing slip
_MAX_DIGITS = len(str(MAX_COUNT))
# Census days: a window around the 2020 campaign (its preparation to its last extensions).
# Anything outside is a slip (a two-digit year, 1900 from an Excel serial, a typed 2300).
DATE_FIRST = date(2019, 1, 1)
DATE_LAST = date(2031, 12, 31)

MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_INT = re.compile(r"\d+")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")
# Zero decimals are whole numbers: '4.040,00' (Indonesian) and '4,040.00' / '4040.0' (English).
_ID_ZERO_DECIMALS = re.compile(r"(\d+|\d{1,3}(\.\d{3})+),0+")
_EN_ZERO_DECIMALS = re.compile(r"(\d+|\d{1,3}(,\d{3})+)\.0+")
_FRACTION = re.compile(r"(\d+|\d{1,3}([.,]\d{3})+)[.,]\d+")
_SPACES = re.compile(r"[\s\u00a0\u202f']+")
EXCEL_EPOCH = date(1899, 12, 30)
_LAST_SERIAL = (date(9999, 12, 31) - EXCEL_EPOCH).days

# Dates inside text: ISO, day-first numeric, '5 Maret 2020', 'March 5, 2020', '20200305'.
_ISO = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
_DMY = r"(?P<dd>\d{1,2})[/\-.](?P<dm>\d{1,2})[/\-.](?P<dy>\d{4}|\d{2})"
_DNAME = rf"(?P<nd>\d{{1,2}})[\s\-._]*(?P<nm>{_MONTH_RE})\.?[\s\-.,_]*(?P<ny>\d{{4}})"
_NAMED = rf"(?<![a-z])(?P<em>{_MONTH_RE})\.?\s+(?P<ed>\d{{1,2}}),?\s+(?P<ey>\d{{4}})"
_COMPACT = r"(?P<cy>(?:19|20)\d{2})(?P<cm>[01]\d)(?P<cd>[0-3]\d)"
_DATE_FULL = re.compile(rf"^\s*(?:{_ISO}(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?)?|{_DMY}|"
                        rf"{_DNAME}|{_NAMED})\s*$", re.IGNORECASE)  # fmt: skip
_DATE_ANY = re.compile(
    rf"(?<!\d)(?:{_ISO}|{_DMY}|{_DNAME}|{_NAMED}|{_COMPACT})(?![\d])", re.IGNORECASE
)


@dataclass(frozen=True)
class UnsavedFormula:
    """A formula cell saved without its value (a tool other than Excel wrote the file)."""

    formula: str

    def __str__(self) -> str:
        return f"={self.formula}"


class ValueProblem(ValueError):
    """A cell that is not what its column needs; `reason` names the problem."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_BLANKS = frozenset(("", "-", "–", "—"))


def is_blank(value: object) -> bool:
    if type(value) is str:  # the common case first: this runs for every cell of a file
        return value.strip() in _BLANKS
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value.strip() in ("", "-", "–", "—")


def cell_text(value: object) -> str:
    """A cell as the user sees it: 4040.0 -> '4040', dates ISO, text stripped."""
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def parse_count(value: object) -> int:
    """A whole, non-negative count from a cell; raises ValueProblem naming what is wrong."""
    if isinstance(value, UnsavedFormula):
        raise ValueProblem("formula_without_value")
    if isinstance(value, bool | date | datetime):
        raise ValueProblem("not_a_number")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueProblem("not_a_number")
        if not value.is_integer():
            raise ValueProblem("negative" if value < 0 else "not_whole_number")
        number = int(value)
    else:
        number = _parse_count_text(str(value))
    if number < 0:
        raise ValueProblem("negative")
    if number > MAX_COUNT:
        raise ValueProblem("too_large")
    return number


def _int(digits: str) -> int:
    """int() of a digit string, refusing one too long for a count before converting it."""
    if len(digits) > _MAX_DIGITS and len(digits.lstrip("0")) > _MAX_DIGITS:
        raise ValueProblem("too_large")  # int() itself refuses above 4,300 digits
    return int(digits)


def _parse_count_text(text: str) -> int:
    if text.isascii() and text.isdigit():  # the common case, without the regexes
        return _int(text)
    text = _SPACES.sub("", text)
    negative = False
    if text[:1] in ("-", "−", "–") and len(text) > 1:
        negative, text = True, text[1:]
    elif text.startswith("(") and text.endswith(")") and len(text) > 2:
        negative, text = True, text[1:-1]
    if _INT.fullmatch(text):
        number = _int(text)
    elif _DOT_THOUSANDS.fullmatch(text):
        number = _int(text.replace(".", ""))
    elif _COMMA_THOUSANDS.fullmatch(text):
        number = _int(text.replace(",", ""))
    elif _ID_ZERO_DECIMALS.fullmatch(text):
        number = _int(text.split(",")[0].replace(".", ""))
    elif _EN_ZERO_DECIMALS.fullmatch(text):
        number = _int(text.split(".")[0].replace(",", ""))
    elif _FRACTION.fullmatch(text):
        raise ValueProblem("negative" if negative else "not_whole_number")
    else:
        raise ValueProblem("not_a_number")
    return -number if negative else number


def parse_number(value: object) -> float:
    """Any decimal number ('12,5', '12.5', '4.040'); raises ValueProblem."""
    if isinstance(value, UnsavedFormula):
        raise ValueProblem("formula_without_value")
    if isinstance(value, bool | date | datetime):
        raise ValueProblem("not_a_number")
    if isinstance(value, int | float):
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            raise ValueProblem("not_a_number")
        return float(value)
    text = _SPACES.sub("", str(value))
    try:
        return float(_parse_count_text(text))
    except ValueProblem as exc:
        if exc.reason != "not_whole_number":
            raise
    if re.fullmatch(r"-?\d{1,20}[.,]\d{1,20}", text):
        return float(text.replace(",", "."))
    raise ValueProblem("not_a_number")


def parse_share(value: object) -> float:
    """A target share in (0, 1]: '1%' and 0.01 are 1 %; a bare number above 1 is a percentage.

    '50%', '50' and '0,5' all mean half; '0,5%' is half a percent; '1' is the whole (100 %).
    Raises ValueProblem('bad_share'), or 'formula_without_value'.
    """
    text = value.strip() if isinstance(value, str) else None
    percent = text is not None and text.endswith("%")
    try:
        number = parse_number(text[:-1] if text is not None and percent else value)
    except ValueProblem as exc:
        if exc.reason == "formula_without_value":
            raise
        raise ValueProblem("bad_share") from exc
    share = number / 100.0 if percent or number > 1 else number
    if not 0 < share <= 1:
        raise ValueProblem("bad_share")
    return share


def _build(year: int, month: int, day: int) -> date | None:
    # A two-digit year stays as written (year 20, not 2020): the window check then names it.
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_problem(day: date) -> str | None:
    """Why `day` cannot be a census day ('two_digit_year', 'date_out_of_window'), or None."""
    if day.year < 100:
        return "two_digit_year"
    if not DATE_FIRST <= day <= DATE_LAST:
        return "date_out_of_window"
    return None


def _from_match(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    if g.get("iy"):
        return _build(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g.get("dd"):
        return _build(int(g["dy"]), int(g["dm"]), int(g["dd"]))
    if g.get("nd"):
        return _build(int(g["ny"]), MONTHS[g["nm"].lower()], int(g["nd"]))
    if g.get("em"):
        return _build(int(g["ey"]), MONTHS[g["em"].lower()], int(g["ed"]))
    if g.get("cy"):
        return _build(int(g["cy"]), int(g["cm"]), int(g["cd"]))
    return None


def read_date(value: object) -> date:
    """A date from a cell: Excel date or serial, ISO, 05/03/2020, 5-3-2020, '5 Maret 2020'.

    Any day, even one no census can have (see parse_date); raises ValueProblem.
    """
    if isinstance(value, UnsavedFormula):
        raise ValueProblem("formula_without_value")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueProblem("bad_date")
    if isinstance(value, int | float):
        # An Excel serial day number in a cell not formatted as a date (1 is 1 January 1900).
        if isinstance(value, float) and (math.isnan(value) or not value.is_integer()):
            raise ValueProblem("bad_date")
        if 1 <= value <= _LAST_SERIAL:
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueProblem("bad_date")
    m = _DATE_FULL.match(str(value))
    parsed = _from_match(m) if m else None
    if parsed is None:
        raise ValueProblem("bad_date")
    return parsed


def parse_date(value: object) -> date:
    """A census day from a cell (read_date inside DATE_FIRST..DATE_LAST); raises ValueProblem."""
    day = read_date(value)
    reason = date_problem(day)
    if reason is not None:
        raise ValueProblem(reason)
    return day


def find_date(text: str) -> date | None:
    """The first date written anywhere in a title or file name, or None."""
    for m in _DATE_ANY.finditer(str(text)):
        parsed = _from_match(m)
        if parsed is not None:
            return parsed
    return None


def looks_like_date(value: object) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return False  # a bare number in a header is a year or a label, not a date
    try:
        read_date(value)  # a header date outside the window is still a date, to be refused
    except ValueProblem:
        return False
    return True


# A header date without its year: '27 Feb', '1 Mar', '1 Maret', '27/2', '27-2'.
_DAY_MONTH = re.compile(
    rf"^\s*(?:(?P<nd>\d{{1,2}})[\s\-._]*(?P<nm>{_MONTH_RE})\.?|"
    r"(?P<dd>\d{1,2})\s*[/\-]\s*(?P<dm>\d{1,2}))\s*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?!\d)")


def day_month(value: object) -> tuple[int, int] | None:
    """(day, month) of a year-less header cell ('27 Feb', '1 Maret', '27/2'), else None."""
    if not isinstance(value, str):
        return None
    m = _DAY_MONTH.match(value)
    if m is None:
        return None
    if m["nd"]:
        day, month = int(m["nd"]), MONTHS[m["nm"].lower()]
    else:
        day, month = int(m["dd"]), int(m["dm"])
    if _build(2020, month, day) is None:  # 2020 is a leap year: 29 Feb is a day
        return None
    return day, month


def find_year(text: str) -> int | None:
    """A census-window year written in a title or file name ('SPO 2020', 'harian_2020.xlsx')."""
    for m in _YEAR.finditer(str(text)):
        year = int(m["y"])
        if DATE_FIRST.year <= year <= DATE_LAST.year:
            return year
    found = find_date(str(text))
    return found.year if found is not None else None


def with_year(day_and_month: tuple[int, int], year: int) -> date | None:
    """The day in `year`, or None (29 Feb in a year without it)."""
    day, month = day_and_month
    return _build(year, month, day)


_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})


def letters_for_digits(value: object) -> int | None:
    """The count a cell means when a letter stands for a digit ('4O40', '1l5'), else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not any(c in text for c in "OolI") or not any(c.isdigit() for c in text):
        return None
    try:
        return parse_count(text.translate(_LOOKALIKES))
    except ValueProblem:
        return None

"""The region master of Indonesia (Kemendagri codes) and lookups over it."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

import pandas as pd

from census_core.paths import PROJECT_ROOT
from census_core.text import t

REGIONS_FILE = PROJECT_ROOT / "data" / "regions" / "regions.csv.gz"
LEVELS = ("provinsi", "kabupaten", "kecamatan", "desa")
_CODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
# Prefixes offices put before names; longest first so "kecamatan" wins over "kec".
_PREFIXES = (
    "kabupaten",
    "kecamatan",
    "kelurahan",
    "provinsi",
    "propinsi",
    "desa",
    "kota",
    "kab",
    "kec",
    "kel",
    "prov",
    "ds",
    "kab.",
    "kec.",
    "kel.",
    "ds.",
)


class UnknownRegion(KeyError):
    """A code that is not in the region master."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return f"Unknown region code '{self.code}'"


def level_label(level: str, lang: str = "id", *, plural: bool = False) -> str:
    """A level in words: 'kecamatan' / 'district'; `plural` for a count of them ('districts')."""
    return t(f"level.{level}.plural" if plural else f"level.{level}", lang)


def level_of(code: str) -> str:
    """The level of a Kemendagri code, from its number of parts."""
    if not _CODE_RE.match(code):
        raise UnknownRegion(code)
    return LEVELS[code.count(".")]


def parent_of(code: str) -> str | None:
    """The code one level up, or None for a province."""
    return code.rsplit(".", 1)[0] if "." in code else None


def province_of(code: str) -> str:
    """The province a region lies in: '35' for '35.09.19'; a province is its own."""
    return code.split(".")[0]


def normalize_code(text: str) -> str | None:
    """'35.09.19', '350919', '35 09 19' -> '35.09.19'; None when it is no code shape."""
    digits = re.sub(r"[\s.\-/]", "", str(text).strip())
    if not digits.isdigit() or len(digits) not in (2, 4, 6, 10):
        return None
    parts = [digits[:2], digits[2:4], digits[4:6], digits[6:10]]
    return ".".join(p for p in parts if p)


def normalize_name(text: str) -> str:
    """A matching key: case, spacing, punctuation and administrative prefixes removed."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    text = text.lower().strip()
    for prefix in _PREFIXES:
        if text.startswith(prefix + " ") or text.startswith(prefix + "."):
            text = text[len(prefix) + 1 :]
            break
    return re.sub(r"[^a-z0-9]", "", text)


def short_name(name: str) -> str:
    """'Kabupaten Jember' -> 'Jember'; a Kota keeps its prefix, it tells two regions apart."""
    return name[len("Kabupaten ") :] if name.startswith("Kabupaten ") else name


class Regions:
    """All regions with code, name, level and parent; lookups by code."""

    def __init__(self, frame: pd.DataFrame) -> None:
        frame = frame.copy()
        frame["code"] = frame["code"].astype(str)
        frame["level"] = frame["code"].str.count(r"\.").map(dict(enumerate(LEVELS)))
        frame["parent"] = frame["code"].map(parent_of)
        self.frame = frame.set_index("code", drop=False).sort_index()
        # Children and each level's codes, in code order (the frame is sorted): built in one pass,
        # as a groupby of 80,000 regions takes a quarter of a second on every cold start.
        self._children: dict[str, list[str]] = {}
        self._by_level: dict[str, list[str]] = {lvl: [] for lvl in LEVELS}
        for code, lvl, parent in zip(
            self.frame["code"], self.frame["level"], self.frame["parent"], strict=True
        ):
            if lvl in self._by_level:  # a code of no known level is no region's descendant
                self._by_level[lvl].append(code)
            if parent is not None:
                self._children.setdefault(parent, []).append(code)
        # The master never changes: every page asks for the same few lists, so each is made once.
        self._descendants: dict[tuple[str | None, str], tuple[str, ...]] = {}

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self.frame.index

    def __len__(self) -> int:
        return len(self.frame)

    def name(self, code: str) -> str:
        try:
            return str(self.frame.at[code, "name"])
        except KeyError as exc:
            raise UnknownRegion(code) from exc

    def level(self, code: str) -> str:
        if code not in self:
            raise UnknownRegion(code)
        return level_of(code)

    def parent(self, code: str) -> str | None:
        if code not in self:
            raise UnknownRegion(code)
        return parent_of(code)

    def children(self, code: str | None) -> list[str]:
        """Direct children; None means the country, whose children are the provinces."""
        if code is None:
            return list(self.frame.index[self.frame["level"] == "provinsi"])
        if code not in self:
            raise UnknownRegion(code)
        return list(self._children.get(code, []))

    def descendants(self, code: str | None, level: str) -> list[str]:
        """Every region of `level` under `code` (None: the whole country), in code order."""
        if level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}")
        if code is not None and code not in self:
            raise UnknownRegion(code)
        found = self._descendants.get((code, level))
        if found is None:
            found = self._descendants[(code, level)] = self._find_descendants(code, level)
        return list(found)

    def _find_descendants(self, code: str | None, level: str) -> tuple[str, ...]:
        depth = LEVELS.index(level)
        if code is not None and LEVELS.index(level_of(code)) >= depth:
            return ()
        # A region's descendants are one run of its level's codes, found by bisection (a scan
        # of 80,000 desa per call made the map's first load of boundaries take seconds).
        codes = self._by_level[level]
        if code is None:
            return tuple(codes)
        # "." sorts just before "/": the codes starting "35.09." lie between the two bounds.
        return tuple(codes[bisect_left(codes, code + ".") : bisect_left(codes, code + "/")])

    def ancestors(self, code: str) -> list[str]:
        """Parent, grandparent, ... up to the province."""
        out = []
        parent = parent_of(code)
        while parent is not None:
            out.append(parent)
            parent = parent_of(parent)
        return out

    def subset(self, codes: list[str]) -> pd.DataFrame:
        # Rows first, then columns: .loc[rows, columns] takes pandas' slow path (2.7 ms against
        # 0.2 ms for a kecamatan's desa, asked for by every kecamatan page).
        return self.frame.loc[codes][["code", "name", "level", "parent"]]


@lru_cache(maxsize=2)
def load_regions(path: Path = REGIONS_FILE) -> Regions:
    """The region master shipped with the product (idn-area-data 4.0.1, ODbL)."""
    frame = pd.read_csv(path, dtype={"code": str, "name": str}, keep_default_na=False)
    return Regions(frame)

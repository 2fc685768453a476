"""Region names and codes in a file -> Kemendagri codes, the level inferred from all of them."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from census_core.geo.similar import MAX_COMPARED_CHARS
from census_core.regions import (
    LEVELS,
    Regions,
    level_of,
    normalize_code,
    normalize_name,
    province_of,
)

# What a written prefix says: a level, or for kabupaten-level names, Kabupaten vs Kota.
_PREFIX_KINDS = (
    (("kabupaten", "kab"), "kabupaten"),
    (("kota", "kot"), "kota"),
    (("kecamatan", "kec"), "kecamatan"),
    (("kelurahan", "kel", "desa", "ds"), "desa"),
    (("provinsi", "propinsi", "prov"), "provinsi"),
)


@dataclass(frozen=True)
class Index:
    """Matching keys of every region: key -> codes, and per level the codes' keys."""

    by_key: dict[str, list[str]]
    key_of: dict[str, str]


@lru_cache(maxsize=4)
def index_of(regions: Regions) -> Index:
    by_key: dict[str, list[str]] = defaultdict(list)
    key_of: dict[str, str] = {}
    for code, name in zip(regions.frame["code"], regions.frame["name"], strict=True):
        key = normalize_name(name)
        by_key[key].append(code)
        key_of[code] = key
    return Index(dict(by_key), key_of)


_CODE_SHAPE = re.compile(r"\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?")  # already written as the master does
_KIND_LEVEL = {
    "kabupaten": "kabupaten",
    "kota": "kabupaten",
    "kecamatan": "kecamatan",
    "desa": "desa",
    "provinsi": "provinsi",
}


def prefix_kind(text: str) -> str | None:
    """'Kab. Malang' -> 'kabupaten', 'Kota Malang' -> 'kota', 'Malang' -> None."""
    low = str(text).strip().lower()
    for prefixes, kind in _PREFIX_KINDS:
        for prefix in prefixes:
            if low.startswith(prefix + " ") or low.startswith(prefix + "."):
                return kind
    return None


def _is_kota(regions: Regions, code: str) -> bool:
    return regions.name(code).startswith("Kota ")


@dataclass
class Resolution:
    """How each distinct region text of a file resolves, and the level and scope chosen."""

    level: str | None
    scope: str | None
    codes: dict[str, str] = field(default_factory=dict)  # text -> code
    totals: set[str] = field(default_factory=set)  # texts naming the scope itself
    unknown_codes: set[str] = field(default_factory=set)
    unknown: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # -> suggestions
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # -> candidate codes
    other_level: dict[str, str] = field(default_factory=dict)  # text -> code at another level
    inferred: dict[str, str] = field(default_factory=dict)  # text -> code claimed by elimination


class Matcher:
    """Resolves a file's region texts against the master, looking near home first."""

    def __init__(self, regions: Regions, home: str) -> None:
        self.regions = regions
        self.home = home
        self.index = index_of(regions)

    def _scopes(self, within: str | None) -> list[str | None]:
        if within is not None:
            return [within]
        province = province_of(self.home)
        scopes: list[str | None] = [self.home] if self.home != province else []
        return [*scopes, province, None]

    def _candidates(self, text: str, level: str, scope: str | None) -> list[str]:
        codes = self.index.by_key.get(normalize_name(text), [])
        prefix = scope + "." if scope else ""
        found = [c for c in codes if level_of(c) == level and c.startswith(prefix)]
        kind = prefix_kind(text)
        if kind is not None and _KIND_LEVEL[kind] != level:
            # 'Kec. X' is no desa X, unless the desa's own name starts with that word.
            word = str(text).strip().lower().split()[0].rstrip(".")
            found = [c for c in found if self.regions.name(c).lower().startswith(word)]
        if level == "kabupaten" and kind in ("kabupaten", "kota") and len(found) > 1:
            narrowed = [c for c in found if _is_kota(self.regions, c) == (kind == "kota")]
            found = narrowed or found
        return found

    def resolve(
        self,
        texts: list[str],
        *,
        level: str | None = None,
        within: str | None = None,
        hint: str | None = None,
    ) -> Resolution:
        """Resolve every distinct text; the level covering the most names wins, home first."""
        codes_given = {t: t if _CODE_SHAPE.fullmatch(t) else normalize_code(t) for t in texts}
        by_code = {t: c for t, c in codes_given.items() if c is not None and _code_like(t)}
        names = [t for t in texts if t not in by_code]
        code_levels = [level_of(c) for c in by_code.values() if c in self.index.key_of]
        if level is None and code_levels:
            level = max(set(code_levels), key=code_levels.count)

        options: list[tuple[int, int, int, str | None, str]] = []
        for scope in self._scopes(within):
            depth = -1 if scope is None else LEVELS.index(level_of(scope))
            for lvl in LEVELS[depth + 1 :]:
                if level is None or lvl == level:
                    found = [len(self._candidates(t, lvl, scope)) for t in names]
                    # A name that fits one region counts double: a level where names are
                    # unique (kecamatan of the home regency) beats one where they are common.
                    score = sum(2 if n == 1 else 1 for n in found if n)
                    options.append((score, int(hint == lvl), -len(options), scope, lvl))
        if level is None and hint is not None:
            # A column headed 'Kecamatan' holds kecamatan, when any name fits that level.
            hinted = [o for o in options if o[4] == hint and o[0] > 0]
            options = hinted or options
        if not options:
            return Resolution(level=level, scope=within)
        # Best fit wins; then the column header's level; then home before country.
        _, _, _, scope, chosen = max(options, key=lambda o: o[:3])
        result = Resolution(level=chosen, scope=scope)
        for text, code in by_code.items():
            if code in self.index.key_of:
                result.codes[text] = code
            else:
                result.unknown_codes.add(text)
        self._resolve_names(names, result)
        return result

    def _resolve_names(self, names: list[str], result: Resolution) -> None:
        level, scope = result.level, result.scope
        assert level is not None
        pending: dict[str, list[str]] = {}
        for text in names:
            found = self._candidates(text, level, scope)
            if len(found) == 1:
                result.codes[text] = found[0]
            elif found:
                pending[text] = found
            elif scope is not None and normalize_name(text) == self.index.key_of.get(scope):
                result.totals.add(text)
            else:
                elsewhere = self._elsewhere(text, scope)
                if elsewhere:
                    result.other_level[text] = elsewhere
                else:
                    result.unknown[text] = self.suggest(text, level, scope)
        claimed = set(result.codes.values())
        for text, found in pending.items():
            # 'Malang' beside 'Kota Malang' can only be the Kabupaten; say so in a warning.
            rest = [c for c in found if c not in claimed]
            if len(rest) == 1 and prefix_kind(text) is None:
                result.codes[text] = rest[0]
                result.inferred[text] = rest[0]
            else:
                result.ambiguous[text] = found

    def _elsewhere(self, text: str, scope: str | None) -> str | None:
        prefix = scope + "." if scope else ""
        codes = [c for c in self.index.by_key.get(normalize_name(text), []) if c.startswith(prefix)]
        return codes[0] if len(codes) == 1 else None

    def suggest(
        self, text: str, level: str, scope: str | None, limit: int = 3
    ) -> list[tuple[str, str]]:
        """The closest region names at `level` under `scope`, as (code, name)."""
        codes = self.regions.descendants(scope, level)
        choices = {c: self.index.key_of[c] for c in codes}
        if len(text) > MAX_COMPARED_CHARS:  # no region's name: not worth a fuzzy search
            return []
        key = normalize_name(text)
        if not key or not choices:
            return []
        hits = process.extract(key, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
        return [(code, self.regions.name(code)) for _, _, code in hits]

    def describe(self, code: str) -> str:
        """'Kota Malang (35.73)'."""
        return f"{self.regions.name(code)} ({code})"


def _code_like(text: str) -> bool:
    """A code written as such: digits with dots, or 4+ bare digits (not a row number)."""
    stripped = text.strip()
    return "." in stripped or len(stripped.replace(" ", "")) >= 4

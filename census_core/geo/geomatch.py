"""One file's features matched to regions: Kemendagri code, BPS code, name, similar name."""

from __future__ import annotations

import re
from collections import defaultdict

from census_core.geo.geofeatures import BPS_LENGTHS, Feature, Shape, Unmatched, parse_features
from census_core.geo.similar import pair_similar
from census_core.regions import (
    LEVELS,
    Regions,
    level_of,
    normalize_code,
    normalize_name,
    parent_of,
)

# Levels paired by similar name, and the level of the parent whose regions they are paired with.
SIMILAR_WITHIN = {"desa": "kecamatan", "kecamatan": "kabupaten"}
# A feature that matched nothing is a water body, not a region, when a kind/type property says
# so or its name begins with one of these words. No region of the master begins with
# "Perairan"; "Danau" and "Waduk" begin a few desa and kecamatan ("Danau Kerinci"), so those
# names count only once every match failed and nothing in the parent is spelt close.
WATER_WORDS = ("perairan", "danau", "waduk")
WATER_KINDS = frozenset([*WATER_WORDS, "water", "waterbody", "lake", "reservoir", "sea", "laut"])
# At most this many regions of the parent left without a boundary are offered as a hint.
LEFT_HINT = 2


class _Matcher:
    """Name lookups within a parent, built lazily per (parent, level)."""

    def __init__(self, regions: Regions) -> None:
        self.regions = regions
        self._index: dict[tuple[str | None, str], dict[str, list[str]]] = {}

    def candidates(self, name: str, kind: str, within: str | None, level: str) -> list[str]:
        within = _scope(within, level)
        key = (within, level)
        if key not in self._index:
            index: dict[str, list[str]] = defaultdict(list)
            for code in self.regions.descendants(within, level):
                index[normalize_name(self.regions.name(code))].append(code)
            self._index[key] = index
        found = self._index[key].get(normalize_name(name), [])
        if len(found) > 1:
            # "Kota Kediri" and "Kabupaten Kediri" share a key; the full name tells them apart.
            prefixed = kind and not name.lower().startswith(kind.lower())
            full = _squash(f"{kind} {name}" if prefixed else name)
            exact = [c for c in found if _squash(self.regions.name(c)) == full]
            if exact:
                return exact
        return found

    def town_centre(self, name: str, parent: str) -> list[str]:
        """ "Kota Kediri" in Kota Kediri: the kecamatan the master calls "Kota" or "Kediri Kota"."""
        core = _squash(_bare(self.regions.name(parent)))
        if _squash(_bare(name)) != core:
            return []
        wanted = {"kota", core + "kota", "kota" + core}
        return [c for c in self.regions.children(parent) if _squash(self.regions.name(c)) in wanted]


def _bare(name: str) -> str:
    """The name without "Kabupaten"/"Kota": "Kota Kediri" -> "Kediri"."""
    return re.sub(r"^(kabupaten|kab\.?|kota)\s+", "", name.strip(), flags=re.IGNORECASE)


def _water(f: Feature) -> bool:
    words = re.findall(r"[a-z]+", f.name.lower())
    return _squash(f.kind) in WATER_KINDS or bool(words and words[0] in WATER_WORDS)


def _scope(within: str | None, level: str) -> str | None:
    """The home regency scopes kecamatan and desa; its province scopes kabupaten/kota."""
    if within is None:
        return None
    depth = LEVELS.index(level)
    parts = within.split(".")
    return ".".join(parts[:depth]) or None if len(parts) > depth else within


def _code_level(code: str | None) -> str | None:
    return level_of(code) if code else None


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def match_features(
    features: list[dict],
    regions: Regions,
    *,
    crosswalk: dict[str, str] | None = None,
    within: str | None = None,
    source: str = "",
    credit: str = "",
) -> tuple[list[Shape], list[Unmatched], dict[str, str]]:
    """Match one file's features to regions.

    Order: a Kemendagri code in the properties; a BPS code through the crosswalk (regency and
    province BPS codes equal Kemendagri's); else the normalised name within the parent (the
    region the code's prefix stands for, or the one its kecamatan's or kabupaten's name finds,
    or `within`); last, a desa or kecamatan left over is paired with a region of its parent
    by similar spelling, one to one (`census_core.geo.similar`), and marked so. What is left is
    reported, water bodies as such. Returns shapes, unmatched features and the BPS codes learnt
    by name, so a desa file can find its kecamatan through them.
    """
    crosswalk = dict(crosswalk or {})
    matcher = _Matcher(regions)
    parsed = parse_features(features)
    learnt: dict[str, str] = {}
    shapes: list[Shape] = []
    # Features without a region: (feature, reason, the parent it was looked for in).
    left: list[tuple[Feature, str, str | None]] = []

    def by_bps(digits: str) -> str | None:
        if digits in crosswalk:
            return crosswalk[digits]
        if len(digits) in (2, 4):
            code = normalize_code(digits)
            return code if code in regions else None
        return None

    # Without a level from a BPS code, a file's level is the one where most names match.
    undecided = [f for f in parsed if not f.kemendagri and len(f.bps) not in BPS_LENGTHS]
    file_level = None
    # A file that names each feature's kabupaten (other than the feature) but no kecamatan
    # holds kecamatan: a desa names its kecamatan, and many desa share a kecamatan's name.
    regency_named = sum(
        bool(f.regency_name)
        and not f.parent_name
        and _squash(_bare(f.regency_name)) != _squash(_bare(f.name))
        for f in undecided
    )
    if undecided and 2 * regency_named > len(undecided):
        file_level = "kecamatan"
    elif undecided:
        scores = {
            lvl: sum(bool(matcher.candidates(f.name, f.kind, within, lvl)) for f in undecided)
            for lvl in LEVELS[1:]
        }
        file_level = max(scores, key=lambda lvl: scores[lvl]) if any(scores.values()) else None

    def parent_by_code(f: Feature) -> str | None:
        """The region above the feature by its own code's prefix."""
        if f.bps and len(f.bps) in BPS_LENGTHS and len(f.bps) > 2:
            prefix = f.bps[: max(n for n in BPS_LENGTHS if n < len(f.bps))]
            found = by_bps(prefix) or learnt.get(prefix)
            if found:
                return found
        up = parent_of(f.kemendagri) if f.kemendagri else None
        return up if up in regions else None

    def parent_by_name(f: Feature, level: str) -> str | None:
        """A desa's kecamatan, or a kecamatan's kabupaten/kota, by the name the file gives it."""
        if level == "desa" and f.parent_name:
            named = matcher.candidates(f.parent_name, "", within, "kecamatan")
        elif level == "kecamatan" and f.regency_name:
            # As BPS writes them, "Malang" is the kabupaten and "Kota Malang" the kota.
            kind = "" if f.regency_name.lower().startswith("kota") else "Kabupaten"
            named = matcher.candidates(f.regency_name, kind, within, "kabupaten")
        else:
            return None
        return named[0] if len(named) == 1 else None

    # Desa and kecamatan whose name is not in their parent: tried by similar spelling at the end.
    spelt: dict[int, tuple[Feature, str]] = {}
    for f in parsed:
        if f.geometry is None:
            left.append((f, "no_geometry", None))
            continue
        code = f.kemendagri if f.kemendagri in regions else None
        how = "code"
        reason = "no_region"
        parent = None
        if code is None and f.bps:
            code, how = by_bps(f.bps), "bps"
        if code is None and f.name:
            level = (
                BPS_LENGTHS.get(len(f.bps)) or _code_level(f.kemendagri) or f.level or file_level
            )
            if level is not None:
                coded = parent_by_code(f)
                parent = coded or parent_by_name(f, level)
                found = matcher.candidates(f.name, f.kind, parent or within, level)
                if not found and parent and not coded:
                    # A kecamatan named in the file may be out of date: try the whole regency.
                    found = matcher.candidates(f.name, f.kind, within, level)
                if not found and parent and level == "kecamatan":
                    found = matcher.town_centre(f.name, parent)
                if len(found) == 1:
                    code, how = found[0], "name"
                    if f.bps:
                        learnt[f.bps] = code
                elif found:
                    reason = "ambiguous"
                elif parent and regions.level(parent) == SIMILAR_WITHIN.get(level):
                    spelt[f.index] = (f, parent)
                    continue
        elif code is None:
            reason = "no_key"
        if code is None:
            left.append((f, reason, parent))
            continue
        shapes.append(_shape(f, code, regions, how, source, credit))
    hints: dict[int, tuple[str, ...]] = {}
    if spelt:
        pairs = pair_similar(
            {i: f.name for i, (f, _) in spelt.items()},
            {i: {c: regions.name(c) for c in regions.children(p)} for i, (_, p) in spelt.items()},
            taken={s.code for s in shapes},
        )
        for i, (f, parent) in spelt.items():
            pair = pairs[i]
            if pair.code is None:
                why = "no_region" if pair.status == "none" else f"similar_{pair.status}"
                left.append((f, why, parent))
                hints[i] = pair.near
                continue
            shapes.append(_shape(f, pair.code, regions, "similar", source, credit, pair.score))
    drawn = {s.code for s in shapes}
    unmatched = []
    for f, reason, parent in sorted(left, key=lambda item: item[0].index):
        near = hints.get(f.index, ())
        if reason == "no_region" and not near and _water(f):
            reason = "water"
        elif reason == "no_region" and parent:
            # The regions its parent has left are likelier than a spelling merely near: "Ijen"
            # is Bondowoso's "Sempol" renamed, "Sumbermanjing" is "Sumbermanjing Wetan".
            free = tuple(c for c in regions.children(parent) if c not in drawn)
            near = free if 0 < len(free) <= LEFT_HINT else near
        unmatched.append(Unmatched(source, f.index, f.name, f.kemendagri or f.bps, reason, near))
    return shapes, unmatched, learnt


def _shape(
    f: Feature,
    code: str,
    regions: Regions,
    how: str,
    source: str,
    credit: str,
    score: float | None = None,
) -> Shape:
    return Shape(
        code=code,
        level=regions.level(code),
        name=f.name or regions.name(code),
        geometry=f.geometry or {},
        source=source,
        credit=credit or f.source,
        match=how,
        score=score,
    )

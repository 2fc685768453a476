"""Boundaries: GeoJSON features matched to regions by Kemendagri code, BPS code or name."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from census_core.geofeatures import BPS_LENGTHS, Feature, digits, parse_features
from census_core.regions import LEVELS, Regions, normalize_code, normalize_name, parent_of
from census_core.similar import pair_similar

GEO_SUFFIXES = (".geojson", ".json")


class GeoError(ValueError):
    """A boundary file the product cannot read; the message says why."""


@dataclass(frozen=True)
class Shape:
    """The boundary of one region."""

    code: str
    level: str
    name: str
    geometry: dict
    source: str = ""
    credit: str = ""
    # How the feature found its region: code, bps, name, or similar (a spelling that differs
    # from the master's, paired by similarity within its kecamatan; `score` says how close).
    match: str = "code"
    score: float | None = None


@dataclass(frozen=True)
class Unmatched:
    """A feature that matched no region, or lost to an earlier file: which, and why."""

    source: str
    index: int
    name: str
    code: str
    # no_region, ambiguous, no_key, no_geometry, duplicate, unreadable: ..., and for a desa
    # whose spelling is close to more than one desa of its kecamatan, similar_tie, or close
    # only to desa matched already, similar_taken.
    reason: str
    near: tuple[str, ...] = ()  # the closest regions of its parent, for the operator


@dataclass
class Boundaries:
    """Shapes by region code, and every feature that found no region."""

    shapes: dict[str, Shape] = field(default_factory=dict)
    unmatched: list[Unmatched] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.shapes

    def of(self, level: str, within: str | None) -> list[Shape]:
        """Shapes of `level` under `within` (None: anywhere), in code order."""
        prefix = "" if within is None else within + "."
        return [
            s
            for code, s in sorted(self.shapes.items())
            if s.level == level and code.startswith(prefix)
        ]

    def missing(self, regions: Regions, level: str, within: str | None) -> list[str]:
        """Regions of `level` under `within` that have no shape."""
        return [c for c in regions.descendants(within, level) if c not in self.shapes]

    def credits(self, shapes: list[Shape] | None = None) -> list[str]:
        """Who to credit for `shapes` (default: all), short names for sources we know."""
        chosen = self.shapes.values() if shapes is None else shapes
        return sorted({_credit_name(s.credit) for s in chosen if s.credit})

    def report(self, regions: Regions, level: str, within: str | None) -> list[dict[str, str]]:
        """Rows for the page: regions of `level` under `within` without a shape, then every
        feature that found no region (duplicates of a region already drawn left out)."""
        rows = [
            {"kind": "region", "name": regions.name(c), "code": c, "source": "", "reason": ""}
            for c in self.missing(regions, level, within)
        ]
        rows += [
            {"kind": "feature", "name": u.name, "code": u.code, "source": u.source,
             "reason": u.reason.split(":")[0]}
            for u in self.unmatched
            if u.reason != "duplicate"
        ]  # fmt: skip
        return rows


def _credit_name(credit: str) -> str:
    # HDX asks for "BPS / OCHA (HDX)" for the BPS 2020 boundaries it publishes.
    return "BPS / OCHA (HDX)" if "hdx" in credit.lower() else credit


def read_geojson(data: bytes) -> list[dict]:
    """The features of a GeoJSON FeatureCollection (or a single Feature)."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GeoError(f"not GeoJSON: {exc}") from exc
    if isinstance(doc, dict) and doc.get("type") == "FeatureCollection":
        features = doc.get("features")
        if isinstance(features, list):
            return [f for f in features if isinstance(f, dict)]
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        return [doc]
    raise GeoError("not a GeoJSON FeatureCollection")


def read_crosswalk(data: bytes) -> dict[str, str]:
    """BPS code (digits) -> Kemendagri code from a CSV with a BPS and a Kemendagri column.

    Any CSV without both columns gives an empty mapping, so centroid tables and the like
    may sit in the same folder.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return {}
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return {}
    header = [h.strip().lower() for h in rows[0]]
    bps = next((i for i, h in enumerate(header) if "bps" in h), None)
    kmd = next((i for i, h in enumerate(header) if "kemendagri" in h or "kemdagri" in h), None)
    if bps is None or kmd is None:
        return {}
    out: dict[str, str] = {}
    for row in rows[1:]:
        if len(row) <= max(bps, kmd):
            continue
        bps_code = digits(row[bps])
        code = normalize_code(row[kmd])
        if bps_code and code:
            out[bps_code] = code
    return out


def read_dir(path: Path) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every GeoJSON, CSV and credit file in a folder; none if absent."""
    if not path.is_dir():
        return []
    wanted = (*GEO_SUFFIXES, ".csv", ".txt")
    return [
        (p.name, p.read_bytes())
        for p in sorted(path.iterdir())
        if p.is_file() and p.suffix.lower() in wanted
    ]


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


def _scope(within: str | None, level: str) -> str | None:
    """The home regency scopes kecamatan and desa; its province scopes kabupaten/kota."""
    if within is None:
        return None
    depth = LEVELS.index(level)
    parts = within.split(".")
    return ".".join(parts[:depth]) or None if len(parts) > depth else within


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
    region the code's prefix stands for, or the one its kecamatan's name finds, or `within`);
    last, a desa left over is paired with a desa of its kecamatan by similar spelling, one to
    one (`census_core.similar`), and marked so. Returns shapes, unmatched features and the BPS
    codes learnt by name, so a desa file can find its kecamatan through them.
    """
    crosswalk = dict(crosswalk or {})
    matcher = _Matcher(regions)
    parsed = parse_features(features)
    learnt: dict[str, str] = {}
    shapes: list[Shape] = []
    unmatched: list[Unmatched] = []

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
    if undecided:
        scores = {
            lvl: sum(bool(matcher.candidates(f.name, f.kind, within, lvl)) for f in undecided)
            for lvl in LEVELS[1:]
        }
        file_level = max(scores, key=lambda lvl: scores[lvl]) if any(scores.values()) else None

    def parent_of_feature(f: Feature, level: str | None) -> str | None:
        """The region above the feature, by its codes, else by its kecamatan's name."""
        if f.bps and len(f.bps) in BPS_LENGTHS and len(f.bps) > 2:
            prefix = f.bps[: max(n for n in BPS_LENGTHS if n < len(f.bps))]
            found = by_bps(prefix) or learnt.get(prefix)
            if found:
                return found
        up = parent_of(f.kemendagri) if f.kemendagri else None
        if up in regions:
            return up
        if level == "desa" and f.parent_name:
            named = matcher.candidates(f.parent_name, "", within, "kecamatan")
            if len(named) == 1:
                return named[0]
        return None

    # Desa whose name is not in their kecamatan: tried by similar spelling once all are in.
    spelt: dict[int, tuple[Feature, str]] = {}
    for f in parsed:
        shown_code = f.kemendagri or f.bps
        if f.geometry is None:
            unmatched.append(Unmatched(source, f.index, f.name, shown_code, "no_geometry"))
            continue
        code = f.kemendagri if f.kemendagri in regions else None
        how = "code"
        reason = "no_region"
        if code is None and f.bps:
            code, how = by_bps(f.bps), "bps"
        if code is None and f.name:
            level = BPS_LENGTHS.get(len(f.bps)) or file_level
            if level is not None:
                parent = parent_of_feature(f, level)
                found = matcher.candidates(f.name, f.kind, parent or within, level)
                if len(found) == 1:
                    code, how = found[0], "name"
                    if f.bps:
                        learnt[f.bps] = code
                elif found:
                    reason = "ambiguous"
                elif level == "desa" and parent and regions.level(parent) == "kecamatan":
                    spelt[f.index] = (f, parent)
                    continue
        elif code is None:
            reason = "no_key"
        if code is None:
            unmatched.append(Unmatched(source, f.index, f.name, shown_code, reason))
            continue
        shapes.append(
            Shape(
                code=code,
                level=regions.level(code),
                name=f.name or regions.name(code),
                geometry=f.geometry,
                source=source,
                credit=credit or f.source,
                match=how,
            )
        )
    if spelt:
        pairs = pair_similar(
            {i: f.name for i, (f, _) in spelt.items()},
            {i: {c: regions.name(c) for c in regions.children(p)} for i, (_, p) in spelt.items()},
            taken={s.code for s in shapes},
        )
        for i, (f, _) in spelt.items():
            pair = pairs[i]
            if pair.code is None:
                why = "no_region" if pair.status == "none" else f"similar_{pair.status}"
                unmatched.append(
                    Unmatched(source, i, f.name, f.kemendagri or f.bps, why, pair.near)
                )
                continue
            shapes.append(
                Shape(
                    code=pair.code,
                    level="desa",
                    name=f.name,
                    geometry=f.geometry or {},
                    source=source,
                    credit=credit or f.source,
                    match="similar",
                    score=pair.score,
                )
            )
        unmatched.sort(key=lambda u: u.index)
    return shapes, unmatched, learnt


def _merge(a: dict, b: dict) -> dict:
    """One MultiPolygon of two (Multi)Polygons: a region split over two features."""
    polys = []
    for g in (a, b):
        if g.get("type") == "Polygon":
            polys.append(g["coordinates"])
        elif g.get("type") == "MultiPolygon":
            polys.extend(g["coordinates"])
    return {"type": "MultiPolygon", "coordinates": polys}


def _geo_level(features: list[dict]) -> int:
    """Coarse files first, so a desa file can use the kecamatan codes learnt before it."""
    parsed = parse_features(features[:20])
    lengths = [len(f.bps) for f in parsed if f.bps] or [len(f.kemendagri or "") for f in parsed]
    return min(lengths) if lengths else 99


def load_boundaries(
    files: list[tuple[str, bytes]], regions: Regions, *, within: str | None = None
) -> Boundaries:
    """Boundaries from GeoJSON files plus optional BPS-Kemendagri crosswalk CSVs.

    A file that cannot be read is reported as one unmatched entry, never raised; a region
    found in two files keeps the shape of the first (smaller files first: the local one).
    """
    crosswalk: dict[str, str] = {}
    credit = ""
    geo: list[tuple[str, list[dict]]] = []
    out = Boundaries()
    for name, data in files:
        lower = name.lower()
        if lower.endswith(".csv"):
            crosswalk.update(read_crosswalk(data))
        elif lower in ("credit.txt", "kredit.txt", "sumber.txt"):
            credit = data.decode("utf-8", "replace").strip().splitlines()[0][:200] if data else ""
        elif lower.endswith(GEO_SUFFIXES):
            try:
                geo.append((name, read_geojson(data)))
            except GeoError as exc:
                out.unmatched.append(Unmatched(name, -1, "", "", f"unreadable: {exc}"))
    geo.sort(key=lambda item: (_geo_level(item[1]), len(item[1]), item[0]))
    for name, features in geo:
        shapes, unmatched, learnt = match_features(
            features, regions, crosswalk=crosswalk, within=within, source=name, credit=credit
        )
        crosswalk = {**learnt, **crosswalk}
        out.files.append(name)
        out.unmatched.extend(unmatched)
        for shape in shapes:
            kept = out.shapes.get(shape.code)
            if kept is None:
                out.shapes[shape.code] = shape
            elif kept.source == shape.source:
                merged = _merge(kept.geometry, shape.geometry)
                out.shapes[shape.code] = replace(kept, geometry=merged)
            else:
                out.unmatched.append(Unmatched(name, -1, shape.name, shape.code, "duplicate"))
    return out

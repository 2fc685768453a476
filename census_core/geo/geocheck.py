"""Boundary files checked before they are kept or drawn: a bounded parse, valid polygons,
degrees in range and in Indonesia, and dense files simplified to what the map can send."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field

import numpy as np

from census_core.geo.geofeatures import parse_features
from census_core.geo.simplify import box_ring, simplify_ring
from census_core.text import fmt_int, t

log = logging.getLogger(__name__)

MAX_BYTES = 25 * 1024 * 1024  # a province's desa, as BPS publishes them, is well under this
# GeoJSON needs 8 levels (collection, features, feature, geometry, multipolygon, polygon, ring,
# point); properties may nest a little more.
MAX_DEPTH = 20
MAX_FEATURES = 20_000  # Jawa Timur has 8,494 desa
MAX_POINTS = 2_000_000  # as uploaded; bounds the memory a parse takes
# Files up to this many points are kept as they came (BPS's simplified Jawa Timur kecamatan:
# 13,983); above it they are simplified on a grid of TOLERANCE degrees (~55 m), coarser
# (doubling up to MAX_TOLERANCE, ~445 m) while more than MAX_KEPT points remain.
SIMPLIFY_ABOVE = 50_000
TOLERANCE = 0.0005
MAX_TOLERANCE = 0.004
MAX_KEPT = 200_000  # about 4 MB of GeoJSON for the browser
# Indonesia, with a margin: most points of a boundary file of ours lie in it.
INDONESIA = (94.0, 142.0, -11.0, 6.0)
MOSTLY = 0.5
LISTED = 8  # problems named in a refusal; the rest counted
METRES_PER_DEGREE = 111_320

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')


@dataclass(frozen=True)
class GeoProblem:
    """One thing wrong with a boundary file: which feature (1-based; None: the file), why."""

    reason: str
    feature: int | None = None
    name: str = ""
    params: dict[str, str] = field(default_factory=dict)

    def message(self, lang: str = "id") -> str:
        values = {
            k: fmt_int(int(v), lang) if k in ("value", "limit") and v.isdigit() else v
            for k, v in self.params.items()
        }
        if "axis" in values:
            values["axis"] = t(f"geo.{values['axis']}", lang)
        text = t(f"geo.{self.reason}", lang, **values)
        if self.feature is None:
            return text
        named = f" ({self.name})" if self.name else ""
        return f"{t('geo.feature', lang)} {self.feature}{named}: {text}"


class Refused(ValueError):
    """A file refused before its features are looked at."""

    def __init__(self, problem: GeoProblem) -> None:
        super().__init__(problem.message("en"))
        self.problem = problem


def _problem(reason: str, feature: int | None = None, name: str = "", **params: object):
    return GeoProblem(reason, feature, name, {k: str(v) for k, v in params.items()})


@dataclass
class CheckedGeo:
    """A boundary file as checked: its features (simplified if it was dense) or its problems."""

    features: list[dict]
    problems: list[GeoProblem]
    source: bytes
    points: int = 0
    kept: int = 0
    tolerance: float | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def data(self) -> bytes:
        """The bytes to keep: the file as it came, or its simplified form."""
        if self.tolerance is None:
            return self.source
        doc = {"type": "FeatureCollection", "features": self.features}
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()

    def summary(self, lang: str = "id") -> str:
        """'disederhanakan dari 412.000 ke 18.000 titik (...)'; empty when kept as it came."""
        if self.tolerance is None:
            return ""
        metres = round(self.tolerance * METRES_PER_DEGREE / 5) * 5
        before, after = fmt_int(self.points, lang), fmt_int(self.kept, lang)
        return t("geo.simplified", lang, before=before, after=after, metres=metres)

    def refusal(self, lang: str = "id") -> str:
        """Every problem, one a line (the first LISTED, then how many more)."""
        lines = [p.message(lang) for p in self.problems[:LISTED]]
        if len(self.problems) > LISTED:
            lines.append(t("geo.more", lang, n=fmt_int(len(self.problems) - LISTED, lang)))
        return "\n".join(lines)


def _nesting(data: bytes) -> tuple[int, int]:
    """How deep the file's brackets go, and how many '[' it opens (at least its points)."""
    arr = np.frombuffer(_STRING.sub(b'""', data), dtype=np.uint8)
    opens = (arr == 0x5B) | (arr == 0x7B)
    where = np.flatnonzero(opens | (arr == 0x5D) | (arr == 0x7D))
    if not len(where):
        return 0, 0
    depth = int(np.cumsum(np.where(opens[where], 1, -1), dtype=np.int64).max())
    return depth, int(np.count_nonzero(arr[where] == 0x5B))


def _features(data: bytes) -> list:
    """The features of a FeatureCollection (or one Feature), parsed within the limits."""
    if len(data) > MAX_BYTES:
        mb = f"{len(data) / 2**20:.1f}".rstrip("0").rstrip(".")
        raise Refused(_problem("too_big", size=mb, limit=MAX_BYTES // 2**20))
    depth, opens = _nesting(data)
    if depth > MAX_DEPTH:
        raise Refused(_problem("too_deep", value=depth, limit=8))
    if opens > MAX_POINTS:
        raise Refused(_problem("too_many_points", limit=MAX_POINTS))
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise Refused(_problem("not_utf8")) from exc
    except json.JSONDecodeError as exc:
        raise Refused(_problem("not_json", line=exc.lineno, column=exc.colno)) from exc
    if not isinstance(doc, dict):
        raise Refused(_problem("not_geojson"))
    if doc.get("type") == "Feature":
        return [doc]
    features = doc.get("features")
    if doc.get("type") != "FeatureCollection" or not isinstance(features, list):
        raise Refused(_problem("not_geojson"))
    if len(features) > MAX_FEATURES:
        raise Refused(_problem("too_many_features", value=len(features), limit=MAX_FEATURES))
    if not features:
        raise Refused(_problem("no_features"))
    return features


def read_features(data: bytes) -> list[dict]:
    """The features of a GeoJSON file, parsed within the limits; raises Refused."""
    return [f for f in _features(data) if isinstance(f, dict)]


def _show(value: object) -> str:
    return str(value)[:30]


Polygons = list[list[np.ndarray]]


def _ring(ring: object) -> tuple[np.ndarray | None, tuple[str, str] | None]:
    if not isinstance(ring, list) or not ring:
        return None, ("empty_geometry", "")
    for p in ring:
        if not isinstance(p, list) or len(p) < 2:
            return None, ("bad_structure", _show(p))
        for v in p[:2]:
            if type(v) not in (int, float):
                return None, ("not_number", _show(v))
            if type(v) is int and not -(10**18) < v < 10**18:
                return None, ("not_finite", _show(v))
    arr = np.array([p[:2] for p in ring], dtype=float)
    finite = np.isfinite(arr)
    if not finite.all():
        return None, ("not_finite", _show(arr[~finite][0]))
    if len(arr) < 4:
        return None, ("ring_short", str(len(arr)))
    if not np.array_equal(arr[0], arr[-1]):
        return None, ("ring_open", "")
    return arr, None


def _geometry(g: object) -> tuple[Polygons | None, tuple[str, str] | None]:
    """The polygons of a Polygon or MultiPolygon as arrays, or why they cannot be drawn."""
    kind = g.get("type") if isinstance(g, dict) else type(g).__name__
    if not isinstance(g, dict) or kind not in ("Polygon", "MultiPolygon"):
        return None, ("geometry_type", _show(kind))
    coords = g.get("coordinates")
    if not isinstance(coords, list) or not coords:
        return None, ("empty_geometry", "")
    out = []
    for poly in [coords] if kind == "Polygon" else coords:
        if not isinstance(poly, list) or not poly:
            return None, ("empty_geometry", "")
        rings = []
        for ring in poly:
            arr, why = _ring(ring)
            if arr is None:
                return None, why
            rings.append(arr)
        out.append(rings)
    return out, None


def _label(feature: dict) -> str:
    [parsed] = parse_features([feature])
    return _show(parsed.name or parsed.kemendagri or parsed.bps)


def _placement(found: dict[int, tuple[str, Polygons]]) -> list[GeoProblem]:
    """Degrees in range, mostly in Indonesia; else metres, swapped or elsewhere."""
    if not found:
        return []
    xy = np.concatenate([r for _, polys in found.values() for poly in polys for r in poly])
    x, y = xy[:, 0], xy[:, 1]
    west, east, south, north = INDONESIA

    def share(xs: np.ndarray, ys: np.ndarray) -> float:
        return float(np.mean((xs >= west) & (xs <= east) & (ys >= south) & (ys <= north)))

    if share(x, y) < MOSTLY:
        if share(y, x) >= MOSTLY:
            return [_problem("swapped")]
        if np.mean((np.abs(x) > 180) | (np.abs(y) > 90)) >= MOSTLY:
            return [_problem("metres")]
        return [_problem("outside", lon=f"{np.median(x):.1f}", lat=f"{np.median(y):.1f}")]
    out = []
    for index, (name, polys) in found.items():
        pts = np.concatenate([r for poly in polys for r in poly])
        for axis, col, limit in (("lon", 0, 180), ("lat", 1, 90)):
            bad = np.abs(pts[:, col]) > limit
            if bad.any():
                value = f"{pts[bad][0, col]:g}"
                out.append(_problem("out_of_range", index, name, axis=axis, value=value,
                                    low=-limit, high=limit))  # fmt: skip
                break
    return out


def _simplified(polys: Polygons, tolerance: float) -> dict:
    kept = []
    for outer, *holes in polys:
        ring = simplify_ring(outer, tolerance)
        if ring is not None:
            inner = [h for h in (simplify_ring(h, tolerance) for h in holes) if h is not None]
            kept.append([ring, *inner])
    if not kept:  # a region smaller than the grid: its largest piece's box
        kept = [[box_ring(max((p[0] for p in polys), key=len))]]
    coords = [[np.round(r, 6).tolist() for r in poly] for poly in kept]
    if len(coords) == 1:
        return {"type": "Polygon", "coordinates": coords[0]}
    return {"type": "MultiPolygon", "coordinates": coords}


def check_geojson(data: bytes) -> CheckedGeo:
    """Every problem of a boundary file, or its features ready to keep (simplified if dense)."""
    try:
        features = _features(data)
    except Refused as exc:
        return CheckedGeo([], [exc.problem], data)
    problems: list[GeoProblem] = []
    found: dict[int, tuple[str, Polygons]] = {}
    clean: dict[int, dict] = {}
    for index, f in enumerate(features, 1):
        if not isinstance(f, dict):
            problems.append(_problem("not_feature", index, value=_show(f)))
            continue
        if not isinstance(f.get("properties"), dict | None):
            f = {**f, "properties": {}}
        clean[index] = f
        if f.get("geometry") is None:
            continue  # matched as a feature without geometry, and reported so
        name = _label(f)
        polys, why = _geometry(f["geometry"])
        if why:
            problems.append(_problem(why[0], index, name, value=why[1]))
        elif polys is not None:
            found[index] = (name, polys)
    problems = sorted(problems + _placement(found), key=lambda p: p.feature or 0)
    points = sum(len(r) for _, polys in found.values() for poly in polys for r in poly)
    checked = CheckedGeo(list(clean.values()), problems, data, points, points)
    if problems or points <= SIMPLIFY_ABOVE:
        return checked
    tolerance = TOLERANCE
    while True:
        geometries = {i: _simplified(polys, tolerance) for i, (_, polys) in found.items()}
        kept = sum(len(r) for g in geometries.values() for r in _rings(g))
        if kept <= MAX_KEPT or tolerance >= MAX_TOLERANCE:
            break
        tolerance *= 2
    if kept > MAX_KEPT:
        metres = round(tolerance * METRES_PER_DEGREE)
        checked.problems = [_problem("too_dense", value=kept, limit=MAX_KEPT, metres=metres)]
        return checked
    checked.features = [
        {**f, "geometry": geometries[i]} if i in geometries else f for i, f in clean.items()
    ]
    checked.kept, checked.tolerance = kept, tolerance
    return checked


def _rings(geometry: dict) -> list[list]:
    coords = geometry["coordinates"]
    polys = [coords] if geometry["type"] == "Polygon" else coords
    return [ring for poly in polys for ring in poly]

"""Boundaries: GeoJSON files read, matched to regions (`geomatch`) and kept by region code."""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from census_core.faults import log_fault
from census_core.geo.geocheck import GeoProblem, Refused, check_geojson, read_features
from census_core.geo.geofeatures import Shape, Unmatched, digits, parse_features
from census_core.geo.geomatch import match_features
from census_core.regions import Regions, normalize_code, parent_of
from census_core.text import t

GEO_SUFFIXES = (".geojson", ".json")
log = logging.getLogger(__name__)


class GeoError(ValueError):
    """A boundary file the product cannot read; the message says why."""


@dataclass(frozen=True)
class Skipped:
    """A boundary file left out of the map, and why: for the operator, never a traceback."""

    file: str
    problems: tuple[GeoProblem, ...]

    def note(self, lang: str = "id") -> str:
        """'kec.geojson dilewati: ... Operator: hapus berkas ini ...'"""
        first = self.problems[0].message(lang) if self.problems else ""
        if len(self.problems) > 1:
            first += " " + t("geo.more", lang, n=len(self.problems) - 1)
        return t("geo.skipped", lang, file=self.file, problem=first)


@dataclass
class Boundaries:
    """Shapes by region code, and every feature that found no region."""

    shapes: dict[str, Shape] = field(default_factory=dict)
    unmatched: list[Unmatched] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

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
        feature that found no region (duplicates of a region already drawn and water bodies
        left out), with the regions of its parent it may be: spelt close, or left over."""
        rows = [
            {
                "kind": "region",
                "name": regions.name(c),
                "code": c,
                "source": "",
                "reason": "",
                "near": "",
            }
            for c in self.missing(regions, level, within)
        ]
        rows += [
            {"kind": "feature", "name": u.name, "code": u.code, "source": u.source,
             "reason": u.reason.split(":")[0], "near": _named(regions, u.near)}
            for u in self.unmatched
            if u.reason not in ("duplicate", "water")
        ]  # fmt: skip
        return rows

    def water(self, source: str | None = None) -> list[Unmatched]:
        """Features that are water bodies, not regions (of `source` only, if given)."""
        return [
            u
            for u in self.unmatched
            if u.reason == "water" and (source is None or u.source == source)
        ]

    def similar(self, source: str | None = None) -> list[Shape]:
        """Shapes found by a similar spelling (of `source` only, if given), in code order."""
        return [
            s
            for _, s in sorted(self.shapes.items())
            if s.match == "similar" and (source is None or s.source == source)
        ]

    def similar_report(self, regions: Regions, source: str | None = None) -> list[dict]:
        """Rows for the operator to check: both spellings, the parent, the level, the score."""
        return [
            {
                "name": s.name,
                "region": regions.name(s.code),
                "parent": regions.name(parent_of(s.code) or s.code),
                "level": s.level,
                "code": s.code,
                "source": s.source,
                "score": s.score,
            }
            for s in self.similar(source)
        ]

    def outcome(self, source: str) -> FileOutcome:
        """What one file added: regions found (drawn or drawn already), similar, unmatched,
        and water bodies (not counted as unmatched)."""
        drawn = sum(s.source == source for s in self.shapes.values())
        mine = [u for u in self.unmatched if u.source == source]
        again = sum(u.reason == "duplicate" for u in mine)
        water = len(self.water(source))
        return FileOutcome(
            matched=drawn + again,
            similar=len(self.similar(source)),
            unmatched=len(mine) - again - water,
            water=water,
        )


@dataclass(frozen=True)
class FileOutcome:
    """The counts the upload page reports for one boundary file."""

    matched: int
    similar: int
    unmatched: int
    water: int = 0


def _named(regions: Regions, codes: tuple[str, ...]) -> str:
    return ", ".join(f"{regions.name(c)} ({c})" for c in codes if c in regions)


def _credit_name(credit: str) -> str:
    # HDX asks for "BPS / OCHA (HDX)" for the BPS 2020 boundaries it publishes.
    return "BPS / OCHA (HDX)" if "hdx" in credit.lower() else credit


def read_geojson(data: bytes) -> list[dict]:
    """The features of a GeoJSON FeatureCollection (or a single Feature), parsed within the
    limits of `census_core.geo.geocheck`; not checked further."""
    try:
        return read_features(data)
    except Refused as exc:
        raise GeoError(str(exc)) from exc


def _checked(name: str, data: bytes) -> tuple[list[dict], list[GeoProblem]]:
    """A file's features, checked and simplified as on upload; or its problems, never raised."""
    try:
        checked = check_geojson(data)
    except Exception as exc:  # a fault of ours must not take the map down for everyone
        ref = log_fault(log, f"checking boundary file {name!r}", exc)
        return [], [GeoProblem("system_fault", params={"ref": ref})]
    if not checked.ok:
        log.warning("Boundary file %r skipped: %s", name, checked.refusal("en"))
    return checked.features, checked.problems


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
            features, problems = _checked(name, data)
            if problems:
                out.skipped.append(Skipped(name, tuple(problems)))
                why = problems[0].message("en")
                out.unmatched.append(Unmatched(name, -1, "", "", f"unreadable: {why}"))
            else:
                geo.append((name, features))
    geo.sort(key=lambda item: (_geo_level(item[1]), len(item[1]), item[0]))
    for name, features in geo:
        try:
            shapes, unmatched, learnt = match_features(
                features, regions, crosswalk=crosswalk, within=within, source=name, credit=credit
            )
        except Exception as exc:  # skipped and noted, as a file that cannot be read
            ref = log_fault(log, f"matching boundary file {name!r}", exc)
            out.skipped.append(Skipped(name, (GeoProblem("system_fault", params={"ref": ref}),)))
            continue
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

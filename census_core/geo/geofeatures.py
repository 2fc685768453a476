"""GeoJSON features as the matching sees them (codes, names, parent) and what they become."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from census_core.regions import normalize_code

# Property keys, most specific first; compared case-insensitively.
KEMENDAGRI_KEYS = ("code_kemendagri", "kode_kemendagri", "kemendagri", "kode_wilayah")
BPS_KEYS = ("code_bps", "kode_bps", "bps_code", "village_code", "kode_desa_bps", "idkec", "idkab")
CODE_KEYS = ("code", "kode", "kode_wil")
DESA_KEYS = ("village", "desa", "nama_desa", "wadmkd")
NAME_KEYS = ("name", "nama", *DESA_KEYS, "district", "kecamatan", "wadmkc")
# The kecamatan of a desa, when the desa's own name sits under another key.
PARENT_KEYS = ("district", "kecamatan", "nama_kec", "wadmkc")
# The kabupaten/kota of a kecamatan ("kab": "Malang" in the BPS 2020 files).
REGENCY_KEYS = ("kab", "kabupaten", "kabkota", "kab_kota", "nama_kab", "regency", "wadmkk")
KIND_KEYS = ("kind", "jenis", "type")
SOURCE_KEYS = ("source", "sumber")
# BPS codes grow by level: 2 province, 4 regency, 7 district, 10 village.
BPS_LENGTHS = {2: "provinsi", 4: "kabupaten", 7: "kecamatan", 10: "desa"}


def digits(value: object) -> str:
    """Only the digits: 'id3509010002' -> '3509010002'."""
    return re.sub(r"\D", "", str(value or ""))


def _props(feature: dict) -> dict[str, str]:
    props = feature.get("properties") or {}
    return {str(k).lower(): str(v) for k, v in props.items() if v is not None}


def _first_key(props: dict[str, str], keys: Iterable[str]) -> str | None:
    return next((k for k in keys if props.get(k, "").strip()), None)


def _first(props: dict[str, str], keys: Iterable[str]) -> str:
    key = _first_key(props, keys)
    return props[key].strip() if key else ""


@dataclass
class Feature:
    """One feature's keys: codes as found, its name, its parent's name, its geometry."""

    index: int
    name: str
    kind: str
    kemendagri: str | None
    bps: str
    geometry: dict | None
    source: str
    parent_name: str = ""
    level: str | None = None  # "desa" when the name sits under a desa key
    regency_name: str = ""


def parse_features(features: list[dict]) -> list[Feature]:
    """The matching keys of every feature, in file order."""
    out = []
    for i, feature in enumerate(features):
        props = _props(feature)
        kemendagri = normalize_code(_first(props, KEMENDAGRI_KEYS)) if props else None
        bps = digits(_first(props, BPS_KEYS))
        generic = _first(props, CODE_KEYS)
        if not kemendagri and generic:
            # A dotted code is Kemendagri's; bare digits are more often BPS's.
            if "." in generic:
                kemendagri = normalize_code(generic)
            elif not bps:
                bps = digits(generic)
        name_key = _first_key(props, NAME_KEYS)
        # A kecamatan key beside a desa's own name names its parent, not the feature.
        parent_name = "" if name_key in PARENT_KEYS else _first(props, PARENT_KEYS)
        geometry = feature.get("geometry")
        out.append(
            Feature(
                index=i,
                name=props[name_key].strip() if name_key else "",
                kind=_first(props, KIND_KEYS),
                kemendagri=kemendagri,
                bps=bps,
                geometry=geometry if isinstance(geometry, dict) else None,
                source=_first(props, SOURCE_KEYS),
                parent_name=parent_name,
                level="desa" if name_key in DESA_KEYS else None,
                regency_name=_first(props, REGENCY_KEYS),
            )
        )
    return out


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
    # from the master's, paired by similarity within its parent; `score` says how close).
    match: str = "code"
    score: float | None = None


@dataclass(frozen=True)
class Unmatched:
    """A feature that matched no region, or lost to an earlier file: which, and why."""

    source: str
    index: int
    name: str
    code: str
    # no_region, ambiguous, no_key, no_geometry, duplicate, unreadable: ..., water (a lake or
    # sea, not a region), and for a desa or kecamatan whose spelling is close to more than
    # one region of its parent, similar_tie, or close only to regions matched already,
    # similar_taken.
    reason: str
    # For the operator: the closest names of its parent, or else the one or two regions of
    # its parent the file left without a boundary (a renamed region is often one of them).
    near: tuple[str, ...] = ()

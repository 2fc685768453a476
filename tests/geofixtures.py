"""Boundaries for tests: small squares made here, and the real files in ../shared/geo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# CI clones the repository beside shared/; the real files are never copied into the project.
SHARED_GEO = ROOT.parent / "shared" / "geo"


def square(x: float, y: float, size: float = 0.1) -> dict:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def feature(props: dict, x: float = 113.5, y: float = -8.2, size: float = 0.1) -> dict:
    return {"type": "Feature", "properties": props, "geometry": square(x, y, size)}


def collection(*features: dict) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def shared_geo() -> Path:
    if not SHARED_GEO.is_dir():
        pytest.skip(f"real boundaries not found at {SHARED_GEO}")
    return SHARED_GEO

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


# Jember kecamatan a good file holds, each drawn as a small square of its own.
JEMBER = [("35.09.25", "Jelbuk"), ("35.09.19", "Kaliwates"), ("35.09.01", "Kencong")]


def _good(geometry_of=None) -> list[dict]:
    out = []
    for i, (code, name) in enumerate(JEMBER):
        f = feature({"kode": code, "name": name}, x=113.5 + 0.2 * i)
        if geometry_of:
            f["geometry"] = geometry_of(i, f["geometry"])
        out.append(f)
    return out


def _map_rings(geometry: dict, fn) -> dict:
    return {**geometry, "coordinates": [[fn(p) for p in ring] for ring in geometry["coordinates"]]}


def _one(i: int, geometry: dict, bad: dict) -> dict:
    """The second feature's geometry replaced by `bad`; the others kept good."""
    return bad if i == 1 else geometry


def bad_boundaries() -> dict[str, bytes]:
    """Boundary files that must never be stored, each wrong in the way its name says."""

    def metres(p):  # UTM zone 49S, as an export in metres gives it
        return [780000 + (p[0] - 113.5) * 110000, 9090000 + (p[1] + 8.2) * 110000]

    lat95 = {"type": "Polygon", "coordinates": [[[113.7, 95], [113.8, 95], [113.8, 95.1],
                                                 [113.7, 95], [113.7, 95]]]}  # fmt: skip
    huge = {"type": "Polygon", "coordinates": [[[113.7, -8.2], [1e308, -8.2], [113.8, -8.1],
                                                [113.7, -8.2]]]}  # fmt: skip
    return {
        "meter.geojson": collection(*_good(lambda i, g: _map_rings(g, metres))),
        "tertukar.geojson": collection(*_good(lambda i, g: _map_rings(g, lambda p: p[::-1]))),
        "lat95.geojson": collection(*_good(lambda i, g: _one(i, g, lat95))),
        "teks.geojson": collection(*_good(lambda i, g: _map_rings(g, lambda p: list(map(str, p))))),
        "kosong.geojson": collection(*_good(lambda i, g: _one(i, g, {"type": "Polygon",
                                                                     "coordinates": []}))),
        "1e308.geojson": collection(*_good(lambda i, g: _one(i, g, huge))),
        "dalam.geojson": b'{"type": "FeatureCollection", "features": [' + b"[" * 100_000
        + b"]" * 100_000 + b"]}",
    }  # fmt: skip


def dense(kecamatan: int = 31, points: int = 12_000, seed: int = 1) -> bytes:
    """Jember's kecamatan as wiggly rings of `points` points each, written to 9 decimals, as an
    export from a survey-grade layer gives them: about 10 MB for the defaults."""
    import numpy as np

    rng = np.random.default_rng(seed)
    features = []
    for k in range(kecamatan):
        cx, cy = 113.3 + 0.12 * (k % 6), -8.0 - 0.12 * (k // 6)
        t = np.linspace(0, 2 * np.pi, points, endpoint=False)
        r = 0.05 + 0.004 * np.sin(37 * t) + rng.normal(0, 0.00005, points)
        ring = [[round(float(x), 9), round(float(y), 9)]
                for x, y in zip(cx + r * np.cos(t), cy + r * np.sin(t), strict=True)]  # fmt: skip
        ring.append(ring[0])
        code = f"35.09.{k + 1:02d}"
        features.append(
            {
                "type": "Feature",
                "properties": {"kode": code},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()

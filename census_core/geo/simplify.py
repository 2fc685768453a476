"""Polygon rings made light enough for the map: snapped to a grid, then Douglas–Peucker."""

from __future__ import annotations

import numpy as np


def _douglas_peucker(xy: np.ndarray, tolerance: float) -> np.ndarray:
    """Which points of an open line Douglas–Peucker keeps (both ends always); no recursion."""
    keep = np.zeros(len(xy), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(xy) - 1)]
    while stack:
        a, b = stack.pop()
        if b - a < 2:
            continue
        dx, dy = xy[b] - xy[a]
        rel = xy[a + 1 : b] - xy[a]
        length = float(np.hypot(dx, dy))
        if length:
            dist = np.abs(dx * rel[:, 1] - dy * rel[:, 0]) / length
        else:
            dist = np.hypot(rel[:, 0], rel[:, 1])
        i = int(np.argmax(dist))
        if dist[i] > tolerance:
            mid = a + 1 + i
            keep[mid] = True
            stack += [(a, mid), (mid, b)]
    return keep


def simplify_ring(ring: np.ndarray, tolerance: float) -> np.ndarray | None:
    """A closed ring (n x 2, first point = last) within about `tolerance` of `ring`: snapped to
    a grid of that step, repeated points dropped, then Douglas–Peucker. None when the ring is
    smaller than the grid and shrinks to nothing."""
    snapped = np.round(ring / tolerance) * tolerance
    moved = np.concatenate([[True], np.any(np.diff(snapped, axis=0) != 0, axis=1)])
    snapped = snapped[moved]
    if len(snapped) < 4:
        return None
    # A closed line has no ends to keep apart: split it at the point farthest from its start.
    far = int(np.argmax(np.hypot(*(snapped - snapped[0]).T)))
    keep = np.zeros(len(snapped), dtype=bool)
    keep[: far + 1] |= _douglas_peucker(snapped[: far + 1], tolerance)
    keep[far:] |= _douglas_peucker(snapped[far:], tolerance)
    out = snapped[keep]
    return out if len(out) >= 4 else None


def box_ring(ring: np.ndarray) -> np.ndarray:
    """The ring's bounding box as a closed ring: what is left of a region smaller than the grid."""
    (x0, y0), (x1, y1) = ring.min(axis=0), ring.max(axis=0)
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]])

"""Which region names a map has room for, and where: label boxes placed greedily in pixels.

Pure geometry on the deck's initial view (Web Mercator, as deck.gl draws it), so the choice
is made and tested here, and the names left out can be listed beside the map.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from census_core.geo.geo import Shape
from census_core.regions import short_name

# deck.gl's Web Mercator world is 512 pixels wide at zoom 0.
WORLD_PX = 512
# Names are drawn in a monospace face (deck.gl's default 'Monaco, monospace': DejaVu Sans Mono,
# Menlo, Consolas or Courier on the machines that show it). Each character advances 0.6 em
# at most, so a label's width is known here, without a browser; the rest is margin.
CHAR_EM = 0.62


@dataclass(frozen=True)
class View:
    """What the map shows at first: its centre, zoom and the canvas size in pixels."""

    longitude: float
    latitude: float
    zoom: float
    width: int
    height: int

    def pixel(self, lon: float, lat: float) -> tuple[float, float]:
        """Where (lon, lat) lands on the canvas, x right and y down, as deck.gl projects it."""
        scale = WORLD_PX * 2**self.zoom
        x = (lon - self.longitude) / 360 * scale
        y = (_mercator(self.latitude) - _mercator(lat)) / (2 * math.pi) * scale
        return self.width / 2 + x, self.height / 2 + y

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        """The point under canvas pixel (x, y): the inverse of `pixel`."""
        scale = WORLD_PX * 2**self.zoom
        lon = self.longitude + (x - self.width / 2) / scale * 360
        merc = _mercator(self.latitude) - (y - self.height / 2) / scale * 2 * math.pi
        return lon, math.degrees(2 * math.atan(math.exp(merc)) - math.pi / 2)


def _mercator(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def inside_ring(x: float, y: float, ring: list[tuple[float, float]]) -> bool:
    """Whether (x, y) lies inside a closed ring of points (even-odd rule)."""
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


@dataclass(frozen=True)
class Box:
    """A rectangle on the canvas, in pixels, y down."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        """Whether the two share any area (touching edges do not count)."""
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def inside(self, width: float, height: float) -> bool:
        return self.left >= 0 and self.top >= 0 and self.right <= width and self.bottom <= height

    def covers(self, x: float, y: float) -> bool:
        """Whether the point (x, y) lies under the box."""
        return self.left < x < self.right and self.top < y < self.bottom


@dataclass(frozen=True)
class LabelStyle:
    """A label's type size and the box drawn behind it, in pixels."""

    size: int
    pad_x: int = 4
    pad_y: int = 2
    gap: int = 4  # kept clear between two boxes

    @property
    def padding(self) -> list[int]:
        """deck.gl's backgroundPadding: [horizontal, vertical]."""
        return [self.pad_x, self.pad_y]


@dataclass(frozen=True)
class Label:
    """A name to write at a point (lon, lat), on the region outlined by `ring` (lon, lat)."""

    code: str
    text: str
    lon: float
    lat: float
    ring: tuple[tuple[float, float], ...] = ()


def box_of(text: str, x: float, y: float, style: LabelStyle) -> Box:
    """The box of `text` centred on (x, y), with its background padding and half the gap."""
    half_w = len(text) * CHAR_EM * style.size / 2 + style.pad_x + style.gap / 2
    half_h = style.size / 2 + style.pad_y + style.gap / 2
    return Box(x - half_w, y - half_h, x + half_w, y + half_h)


@dataclass(frozen=True)
class Placement:
    """The labels a map shows, and those it has no room for (named in the tooltip or a list)."""

    shown: tuple[Label, ...]
    hidden: tuple[Label, ...]
    style: LabelStyle

    @property
    def hidden_codes(self) -> list[str]:
        return [label.code for label in self.hidden]


# Where else a label may sit when its point is taken, in box widths and heights: a step up or
# down, a quarter to either side, then both; always with its centre on its own region.
SHIFTS = [(0, -1), (0, 1), (-0.25, 0), (0.25, 0), (-0.25, -1), (0.25, -1), (-0.25, 1), (0.25, 1)]


def candidates(label: Label, view: View, style: LabelStyle) -> list[tuple[float, float]]:
    """Canvas points a label may be centred on, best first: its own point, then the shifts
    whose centre still falls inside its region."""
    x, y = view.pixel(label.lon, label.lat)
    if not label.ring:
        return [(x, y)]
    box = box_of(label.text, x, y, style)
    width, height = box.right - box.left, box.bottom - box.top
    ring = [view.pixel(lon, lat) for lon, lat in label.ring]
    # Its own point too only when inside: a C- or U-shaped region's centroid may lie outside.
    return [
        point
        for dx, dy in ((0, 0), *SHIFTS)
        if inside_ring(*(point := (x + dx * width, y + dy * height)), ring)
    ]


def place(labels: Iterable[Label], view: View, style: LabelStyle) -> Placement:
    """Greedy placement: in the order given (most important first), a label takes the first
    of its `candidates` whose box lies on the canvas, clears every box taken before it and
    leaves every other region's own point uncovered (so a name over a small town kecamatan
    never hides its neighbours' colours); a label with none left is hidden. Shown labels
    carry the point they were given.
    """
    labels = list(labels)
    points = {label.code: view.pixel(label.lon, label.lat) for label in labels}
    shown: list[Label] = []
    hidden: list[Label] = []
    boxes: list[Box] = []
    for label in labels:
        others = [p for code, p in points.items() if code != label.code]
        for x, y in candidates(label, view, style):
            box = box_of(label.text, x, y, style)
            if (
                box.inside(view.width, view.height)
                and not any(box.overlaps(b) for b in boxes)
                and not any(box.covers(*p) for p in others)
            ):
                boxes.append(box)
                lon, lat = view.lonlat(x, y)
                shown.append(replace(label, lon=round(lon, 5), lat=round(lat, 5)))
                break
        else:
            hidden.append(label)
    return Placement(tuple(shown), tuple(hidden), style)


# Names on the map, in pixels: a page read at arm's length, and the meeting screen read from
# the back of the room (as the boards' 28-pixel text).
PAGE_LABELS = LabelStyle(size=16)
SCREEN_LABELS = LabelStyle(size=28, pad_x=6, pad_y=3, gap=6)


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry.get("type") == "MultiPolygon":
        return [poly[0] for poly in geometry["coordinates"] if poly]
    return []


def _area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0, *_), (x1, y1, *_) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def _segment_distance(x: float, y: float, a: Sequence[float], b: Sequence[float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if not length else max(0.0, min(1.0, ((x - a[0]) * dx + (y - a[1]) * dy) / length))
    return math.hypot(x - a[0] - t * dx, y - a[1] - t * dy)


def _edge_distance(x: float, y: float, ring: list[tuple[float, float]]) -> float:
    closed = zip(ring, ring[1:] + ring[:1], strict=True)
    return min(_segment_distance(x, y, a, b) for a, b in closed)


def inner_point(
    ring: list[list[float]], x: float, y: float, lines: int = 16
) -> tuple[float, float]:
    """(x, y) when it lies inside the ring; else a point well inside it.

    An approximation of the pole of inaccessibility: along the line through y and `lines`
    lines across the ring, the middle of every stretch inside the ring; the one farthest from
    the ring's edge wins.
    """
    flat = [(float(p[0]), float(p[1])) for p in ring]
    if inside_ring(x, y, flat):
        return x, y
    low, high = min(p[1] for p in flat), max(p[1] for p in flat)
    levels = [y] + [low + (high - low) * (i + 0.5) / lines for i in range(lines)]
    best: tuple[float, float, float] | None = None
    for level in levels:
        crossings = sorted(
            x0 + (level - y0) * (x1 - x0) / (y1 - y0)
            for (x0, y0), (x1, y1) in zip(flat, flat[1:] + flat[:1], strict=True)
            if (y0 > level) != (y1 > level)
        )
        for left, right in zip(crossings[::2], crossings[1::2], strict=False):
            middle = (left + right) / 2
            depth = _edge_distance(middle, level, flat)
            if best is None or depth > best[0]:
                best = (depth, middle, level)
    return (x, y) if best is None else (best[1], best[2])


def _largest_piece(geometry: dict) -> tuple[float, float, float, list] | None:
    """Area, label point and ring of a shape's largest piece; the point is its centroid when
    that lies inside the piece, else a point well inside (see inner_point)."""
    pieces = [(*_area_centroid(r), r) for r in _rings(geometry) if len(r) >= 3]
    if not pieces:
        return None
    area, x, y, ring = max(pieces, key=lambda p: p[0])
    return (area, *inner_point(ring, x, y), ring)


def label_point(geometry: dict) -> list[float] | None:
    """Centroid of the largest piece: islands and exclaves do not drag a label into the sea;
    a C- or U-shaped piece whose centroid falls outside it gets a point inside instead."""
    piece = _largest_piece(geometry)
    if piece is None:
        return None
    _, x, y, _ring = piece
    return [round(x, 5), round(y, 5)]


def fit(shapes: list[Shape], width: int = 900, height: int = 620) -> View:
    """The view that fits every shape on a canvas of width x height pixels.

    deck.gl's world is 512 px wide at zoom 0; near the equator a degree of latitude is about
    as long as a degree of longitude, so plain degrees are close enough for Indonesia.
    """
    xs: list[float] = []
    ys: list[float] = []
    for shape in shapes:
        for ring in _rings(shape.geometry):
            xs.extend(p[0] for p in ring)
            ys.extend(p[1] for p in ring)
    if not xs:
        return View(118.0, -2.5, 4, width, height)
    dx, dy = max(max(xs) - min(xs), 1e-3), max(max(ys) - min(ys), 1e-3)
    zoom = math.log2(min(width * 360 / (512 * dx), height * 360 / (512 * dy))) - 0.1
    centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return View(centre[0], centre[1], round(zoom, 2), width, height)


def label_order(board: pd.DataFrame, shapes: list[Shape], first: Sequence[str] = ()) -> list[Label]:
    """Every shape's name at its label point, most important first: the regions in `first`
    (the home regency), then the highest and lowest ranked, then the rest by area, largest
    first (a large region holds its name; a small one is found in the tooltip or the list).
    """
    names = {str(r["code"]): str(r["name"]) for r in board.to_dict("records")}
    ranks = board.set_index("code")["rank"].dropna() if "rank" in board else pd.Series()
    extremes = set(ranks.index[ranks.isin([ranks.min(), ranks.max()])]) if len(ranks) else set()
    keyed = []
    for shape in shapes:
        piece = _largest_piece(shape.geometry)
        if piece is None:
            continue
        area, x, y, ring = piece
        group = 0 if shape.code in first else (1 if shape.code in extremes else 2)
        order = list(first).index(shape.code) if group == 0 else 0
        text = short_name(names.get(shape.code, shape.name))
        outline = tuple((float(p[0]), float(p[1])) for p in ring)
        label = Label(shape.code, text, round(x, 5), round(y, 5), outline)
        keyed.append(((group, order, -area, shape.code), label))
    return [label for _, label in sorted(keyed, key=lambda pair: pair[0])]


def names_on_map(
    board: pd.DataFrame,
    shapes: list[Shape],
    *,
    width: int = 900,
    height: int = 620,
    style: LabelStyle = PAGE_LABELS,
    first: Sequence[str] = (),
) -> Placement:
    """The names the map `choropleth` draws with the same arguments, and those left out."""
    return place(label_order(board, shapes, first), fit(shapes, width, height), style)

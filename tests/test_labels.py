"""Map labels: projection, boxes, greedy placement, and the real Jember map at both sizes."""

from __future__ import annotations

import itertools
from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from census_core.geo.geo import Shape, load_boundaries, read_dir
from census_core.geo.labels import (
    CHAR_EM,
    PAGE_LABELS,
    SCREEN_LABELS,
    Box,
    Label,
    LabelStyle,
    View,
    box_of,
    candidates,
    fit,
    inside_ring,
    label_order,
    label_point,
    names_on_map,
    place,
)
from census_core.standings.progress import standings
from census_core.store.demo import generate
from tests.geofixtures import shared_geo, square

VIEW = View(longitude=113.7, latitude=-8.2, zoom=9.0, width=1000, height=600)
STYLE = LabelStyle(size=20, pad_x=4, pad_y=2, gap=4)
PX_PER_DEGREE = 512 * 2**9 / 360  # of longitude, at zoom 9


ONE = "Penduduk 100%"  # the demo's targets from one source


def test_the_centre_of_the_view_is_the_centre_of_the_canvas():
    assert VIEW.pixel(113.7, -8.2) == pytest.approx((500, 300))
    east, _ = VIEW.pixel(113.8, -8.2)
    _, north = VIEW.pixel(113.7, -8.1)
    assert east > 500 and north < 300  # x grows east, y grows south
    # 512 px for the world at zoom 0: 0.1 degree at zoom 9 is 72.8 px.
    assert east - 500 == pytest.approx(0.1 * PX_PER_DEGREE)


@given(st.floats(0, 1000), st.floats(0, 600))
def test_lonlat_undoes_pixel(x, y):
    assert VIEW.pixel(*VIEW.lonlat(x, y)) == pytest.approx((x, y), abs=1e-6)


@pytest.mark.parametrize(
    "a,b,expected",
    [
        (Box(0, 0, 10, 10), Box(5, 5, 15, 15), True),
        (Box(0, 0, 10, 10), Box(10, 0, 20, 10), False),  # touching edges leave no overlap
        (Box(0, 0, 10, 10), Box(0, 11, 10, 20), False),
        (Box(0, 0, 100, 10), Box(40, -5, 60, 50), True),  # a cross
    ],
)
def test_boxes_overlap(a, b, expected):
    assert a.overlaps(b) is expected and b.overlaps(a) is expected


def test_a_box_is_as_wide_as_its_characters_and_padding():
    box = box_of("Kaliwates", 100, 50, SCREEN_LABELS)
    text = 9 * CHAR_EM * 28
    assert box.right - box.left == pytest.approx(text + 2 * 6 + 6)
    assert box.bottom - box.top == pytest.approx(28 + 2 * 3 + 6)
    # Monospace type advances 0.6 em: the box never comes out narrower than the drawn text.
    assert box.right - box.left > 9 * 0.602 * 28 + 2 * 6


def test_inside_ring():
    ring = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
    assert inside_ring(5, 5, ring) and not inside_ring(15, 5, ring)


def label(code: str, lon: float, lat: float, text: str = "Nama", ring=()) -> Label:
    return Label(code, text, lon, lat, tuple(ring))


def shaped(points, lon=113.5, lat=-8.3, step=0.1) -> dict:
    """A polygon drawn on a grid of `step` degrees from (lon, lat)."""
    ring = [[lon + x * step, lat + y * step] for x, y in points]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


# The area centroid of each lies in the gap, outside the region.
U_SHAPE = shaped([(0, 0), (3, 0), (3, 3), (2, 3), (2, 1), (1, 1), (1, 3), (0, 3)])
C_SHAPE = shaped([(0, 0), (3, 0), (3, 1), (1, 1), (1, 2), (3, 2), (3, 3), (0, 3)])
THIN_C = shaped([(0, 0), (5, 0), (5, 0.4), (0.4, 0.4), (0.4, 4.6), (5, 4.6), (5, 5), (0, 5)])
SQUARE = shaped([(0, 0), (2, 0), (2, 2), (0, 2)])


def ring_of(geometry: dict) -> list[tuple[float, float]]:
    return [(p[0], p[1]) for p in geometry["coordinates"][0]]


@pytest.mark.parametrize(
    "geometry,centroid",
    [
        (U_SHAPE, (113.5 + 0.15, -8.3 + 0.95 / 7)),
        (C_SHAPE, (113.5 + 0.95 / 7, -8.3 + 0.15)),
        (THIN_C, None),
    ],
)
def test_a_label_point_outside_its_region_moves_inside(geometry, centroid):
    ring = ring_of(geometry)
    if centroid is not None:  # the finding: the centroid itself lies outside
        assert not inside_ring(*centroid, ring)
    lon, lat = label_point(geometry)
    assert inside_ring(lon, lat, ring)
    shape = Shape("35.09.01", "kecamatan", "Bengkok", geometry)
    board = pd.DataFrame({"code": ["35.09.01"], "name": ["Bengkok"]})
    (first,) = label_order(board, [shape])
    assert inside_ring(first.lon, first.lat, ring)
    placement = names_on_map(board, [shape])
    assert [lb.code for lb in placement.shown] == ["35.09.01"]
    shown = placement.shown[0]
    assert inside_ring(shown.lon, shown.lat, ring)


def test_a_region_holding_its_centroid_keeps_it():
    assert label_point(SQUARE) == [113.6, -8.2]


def test_a_given_point_outside_its_ring_is_no_candidate():
    ring = ring_of(U_SHAPE)
    outside = label("u", 113.65, -8.16, "U", ring)
    assert not inside_ring(outside.lon, outside.lat, ring)
    view = fit([Shape("u", "kecamatan", "U", U_SHAPE)], 900, 620)
    pixel_ring = [view.pixel(lon, lat) for lon, lat in ring]
    for x, y in candidates(outside, view, PAGE_LABELS):
        assert inside_ring(x, y, pixel_ring)


NEAR = 35 / PX_PER_DEGREE  # 35 px: closer than a 4-letter name is wide, not under its box


@pytest.mark.parametrize(
    "labels,shown",
    [
        # Far apart: both.
        ([label("a", 113.5, -8.2), label("b", 113.9, -8.2)], ["a", "b"]),
        # Boxes that would overlap: the first in the order wins.
        ([label("a", 113.7, -8.2), label("b", 113.7 + NEAR, -8.2)], ["a"]),
        ([label("b", 113.7 + NEAR, -8.2), label("a", 113.7, -8.2)], ["b"]),
        # Off the canvas, or hanging over its edge: left out.
        ([label("a", 120.0, -8.2)], []),
        ([label("a", 113.7 - 499 / PX_PER_DEGREE, -8.2)], []),
        # A long name would cover another region's point (and hide its colour): left out,
        # even though it comes first; the short name beside it fits.
        ([label("a", 113.7, -8.2, "Sumberjambe"), label("b", 113.7 + NEAR, -8.2)], ["b"]),
        # Two points closer than any name: neither can be named without hiding the other.
        ([label("a", 113.7, -8.2), label("b", 113.701, -8.2)], []),
    ],
)
def test_greedy_placement(labels, shown):
    placement = place(labels, VIEW, STYLE)
    assert [lb.code for lb in placement.shown] == shown
    assert sorted(placement.hidden_codes + shown) == sorted(lb.code for lb in labels)


def test_a_label_whose_place_is_taken_moves_within_its_own_region():
    # b's name would overlap a's; b's region is tall, so its name moves up or down inside it.
    x = 113.7 + 40 / PX_PER_DEGREE
    tall = [(x - 0.02, -8.3), (x + 0.02, -8.3), (x + 0.02, -8.1), (x - 0.02, -8.1)]
    a = label("a", 113.7, -8.2, "Aaaa")
    b = label("b", x, -8.2, "Bbbb", tall)
    placement = place([a, b], VIEW, STYLE)
    assert [lb.code for lb in placement.shown] == ["a", "b"]
    moved = placement.shown[1]
    assert moved.lat != b.lat and -8.3 < moved.lat < -8.1
    assert moved.lon == pytest.approx(x, abs=1e-5)
    # Without room inside its region, it is left out.
    assert place([a, label("b", x, -8.2, "Bbbb")], VIEW, STYLE).hidden_codes == ["b"]


def _boxes(placement, view):
    return [box_of(lb.text, *view.pixel(lb.lon, lb.lat), placement.style) for lb in placement.shown]


@given(
    st.lists(
        st.tuples(st.floats(113.0, 114.4), st.floats(-8.6, -7.8), st.text("abcdefgh", max_size=14)),
        max_size=40,
    )
)
def test_no_two_shown_labels_overlap_and_all_lie_on_the_canvas(points):
    labels = [label(str(i), lon, lat, text) for i, (lon, lat, text) in enumerate(points)]
    placement = place(labels, VIEW, STYLE)
    boxes = _boxes(placement, VIEW)
    assert all(b.inside(VIEW.width, VIEW.height) for b in boxes)
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    assert len(placement.shown) + len(placement.hidden) == len(labels)


def test_order_puts_first_then_the_extremes_then_the_largest():
    shapes = [
        Shape("1", "kecamatan", "Kecil", square(113.0, -8.0, 0.05)),
        Shape("2", "kecamatan", "Besar", square(113.2, -8.0, 0.3)),
        Shape("3", "kecamatan", "Sedang", square(113.6, -8.0, 0.1)),
        Shape("4", "kecamatan", "Rumah", square(113.8, -8.0, 0.02)),
    ]
    board = pd.DataFrame(
        {"code": ["1", "2", "3", "4"], "name": ["Kecil", "Besar", "Sedang", "Rumah"]}
    )
    board["rank"] = [1, 2, 4, 3]  # Kecil leads, Sedang trails
    # Rumah first as asked; then the leader and the last (larger first); then the rest.
    assert [lb.text for lb in label_order(board, shapes, first=("4",))] == [
        "Rumah",
        "Sedang",
        "Kecil",
        "Besar",
    ]
    assert [lb.text for lb in label_order(board.drop(columns="rank"), shapes)] == [
        "Besar",
        "Sedang",
        "Kecil",
        "Rumah",
    ]


@pytest.fixture(scope="module")
def jember(regions):
    bounds = load_boundaries(read_dir(shared_geo()), regions, within="35.09")
    counts, targets = generate(regions)
    board = standings(
        counts[counts["measure"] == "households"], regions, "kecamatan", "35.09", date(2020, 3, 5),
        # One source's targets: the demo offers several for each region.
        targets=targets[(targets["measure"] == "households") & (targets["source"] == ONE)],
        by="percent",
    )  # fmt: skip
    return board, bounds.of("kecamatan", "35.09")


@pytest.mark.parametrize(
    "width,height,style,at_least",
    [
        (1240, 640, SCREEN_LABELS, 15),  # the meeting screen: 28-pixel names
        (900, 620, PAGE_LABELS, 25),  # the /peta page: 16-pixel names
    ],
)
def test_the_jember_map_names_what_fits_and_nothing_overlaps(
    jember, width, height, style, at_least
):
    board, shapes = jember
    placement = names_on_map(board, shapes, width=width, height=height, style=style)
    assert len(placement.shown) >= at_least
    assert len(placement.shown) + len(placement.hidden) == 31
    view = fit(shapes, width, height)
    boxes = _boxes(placement, view)
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    assert all(b.inside(width, height) for b in boxes)
    # The three kecamatan of the town centre are too small for three names side by side.
    assert {"Kaliwates", "Patrang", "Sumbersari"} - {lb.text for lb in placement.shown}

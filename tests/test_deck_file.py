"""The meeting deck to take away: PPTX and PDF hold /presentasi's slides, figures and sentences."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from PIL import Image
from pptx import Presentation

from census_core.display.views import home_view
from census_core.geo.geo import load_boundaries, read_dir
from census_core.presentation import deck
from census_core.presentation.deck_file import (
    deck_pdf,
    file_name,
    meeting_file,
    notes_of,
    slide_images,
)
from census_core.presentation.deck_layout import Table, Text, fitted_size, layout, lines_of
from census_core.presentation.sequence import FULL
from census_core.settings import Settings
from census_core.standings.snapshot import load_snapshot
from census_core.store import Store
from census_core.text import fmt_int
from tests.geofixtures import shared_geo

MARCH_5, MARCH_1 = date(2020, 3, 5), date(2020, 3, 1)


@pytest.fixture(scope="module")
def snap(demo_db_file, regions):
    return load_snapshot(Store(f"sqlite:///{demo_db_file}", regions))


@pytest.fixture(scope="module")
def shapes(regions):
    bounds = load_boundaries(read_dir(shared_geo()), regions, within="35.09")
    return bounds.of("kecamatan", "35.09")


@pytest.fixture(scope="module")
def pptx_march_5(snap, shapes):
    return Presentation(
        io.BytesIO(meeting_file(snap, Settings(), MARCH_5, "pptx", "id", shapes, FULL))
    )


def _texts(page) -> list[str]:
    """Every text of a PPTX slide: its text boxes, then its table's cells row by row."""
    out = [shape.text_frame.text for shape in page.shapes if shape.has_text_frame]
    for shape in page.shapes:
        if shape.has_table:
            out += [cell.text for row in shape.table.rows for cell in row.cells]
    return out


def _table(page) -> list[list[str]]:
    [frame] = [shape for shape in page.shapes if shape.has_table]
    return [[cell.text for cell in row.cells] for row in frame.table.rows]


def test_the_pptx_holds_the_slides_of_the_screen_in_their_order(snap, shapes, pptx_march_5):
    slides = deck(snap, Settings(), "id", shapes, theme="light", day=MARCH_5, order=FULL)
    pages = list(pptx_march_5.slides)
    assert len(pages) == len(slides) >= 7
    assert [page.shapes.title.text for page in pages] == [s.title for s in slides]
    assert pages[0].shapes.title.text == "Kabupaten Jember"
    # Every slide carries its sentences as speaker notes.
    for page, slide in zip(pages, slides, strict=True):
        notes = page.notes_slide.notes_text_frame.text
        assert notes and notes == notes_of(slide)
    assert pages[0].notes_slide.notes_text_frame.text.startswith(
        "Kabupaten Jember peringkat 1 dari 38 kabupaten/kota di Jawa Timur"
    )
    # 16:9, the size PowerPoint's widescreen template has (13.333 x 7.5 inches).
    assert (pptx_march_5.slide_width, pptx_march_5.slide_height) == (12192000, 6858000)


def test_the_pptx_figures_are_the_pages_figures(snap, pptx_march_5):
    """The headline and both boards as the Peringkat page shows them on the same day."""
    page = home_view(snap, Settings(), MARCH_5)
    pages = list(pptx_march_5.slides)
    head = _texts(pages[0])
    assert "36.464" in head and page.headline is not None and page.headline.count == 36464
    for card in page.kpis[1:5]:
        assert card.value in head
    # The kabupaten/kota board over four slides, then the kecamatan board over four.
    for level, board, slides in (
        ("kabupaten", page.boards[0], pages[1:5]),
        ("kecamatan", page.boards[1], pages[5:9]),
    ):
        rows = [row for p in slides for row in _table(p)[1:]]
        names = [re.sub(r"^▶ |\s+(kita|tertinggi|terendah)$", "", row[1]) for row in rows]
        assert len(rows) == len(board.full), level
        shown = page.boards[0].rows if level == "kabupaten" else page.boards[1].rows
        assert [row[2] for row in rows] == list(shown["KK"]), level
        assert names[0] in ("Jember", "Kaliwates")
    kec = [row for p in pages[5:9] for row in _table(p)[1:]]
    assert kec[0][1:3] == ["Kaliwates  tertinggi", "4.040"]
    assert kec[-1][1:3] == ["Jelbuk  terendah", "344"]
    assert "Tertinggi: Kaliwates (4.040 KK)" in _texts(pages[5])


def test_the_map_and_the_trend_are_pictures(pptx_march_5):
    pages = list(pptx_march_5.slides)
    for page in pages[-2:]:  # the map and the trend close the meeting
        [picture] = [s for s in page.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert picture.image.content_type == "image/png"
        assert Image.open(io.BytesIO(picture.image.blob)).size[0] > 1000
    # The map's legend and the list of the kecamatan it cannot name stay text.
    assert "0–6%" in _texts(pages[-2]) and "Tidak muat di peta" in _texts(pages[-2])


def test_every_part_of_a_slide_lies_on_the_page(pptx_march_5):
    width, height = pptx_march_5.slide_width, pptx_march_5.slide_height
    for page in pptx_march_5.slides:
        for shape in page.shapes:
            assert shape.left >= 0 and shape.left + shape.width <= width
            assert shape.top >= 0 and shape.top + shape.height <= height


def test_another_day_gives_that_days_figures(snap):
    data = meeting_file(snap, Settings(), MARCH_1, "pptx", "en", order=FULL)
    pages = list(Presentation(io.BytesIO(data)).slides)
    page = home_view(snap, Settings(), MARCH_1, lang="en")
    assert page.headline is not None
    assert fmt_int(page.headline.count, "en") in _texts(pages[0])
    assert "Online Population Census 2020 · Data up to 1 March 2020" in _texts(pages[0])
    # No boundaries given: the map slide says so, as the screen does.
    assert "No boundaries for the map yet" in " ".join(_texts(pages[-2]))


def test_the_pdf_has_one_page_a_slide_with_the_slide_drawn_on_it(snap):
    slides = deck(snap, Settings(), "id", theme="light", day=MARCH_5, order=FULL)
    data = deck_pdf(slides, "Data simulasi, s.d. 5 Maret 2020")
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) == len(slides)
    assert data.count(b"/Subtype /Image") >= len(slides)


def test_the_slide_images_are_16_by_9_and_not_blank(snap):
    slides = deck(snap, Settings(), "id", theme="light", day=MARCH_5, order=FULL)[:2]
    for image in slide_images(slides, "footer"):
        assert image.size == (1920, 1080)
        # Dark text on white: the headline's figure is drawn.
        assert image.convert("L").getextrema()[0] < 60


def test_an_empty_store_gives_one_slide_saying_so(fresh_store):
    snap = load_snapshot(fresh_store)
    pages = list(Presentation(io.BytesIO(meeting_file(snap, Settings(), None, "pptx"))).slides)
    assert len(pages) == 1
    assert pages[0].notes_slide.notes_text_frame.text.startswith("Belum ada data")
    assert meeting_file(snap, Settings(), None, "pdf").startswith(b"%PDF")


def test_file_names_say_the_day():
    assert file_name(MARCH_5, "pptx") == "bahan-rapat-2020-03-05.pptx"
    assert file_name(MARCH_5, "pdf", "en") == "meeting-deck-2020-03-05.pdf"


@pytest.mark.parametrize(
    "text,size,width,lines",
    [("Kabupaten Jember", 52, 1800, 1), ("x" * 100, 52, 1800, 2), ("", 30, 100, 1)],
)
def test_lines_of(text, size, width, lines):
    assert lines_of(text, size, width) == lines


def test_a_long_figure_gets_a_smaller_size_to_fit_its_card():
    assert fitted_size("26", 80, 384) == 80
    assert fitted_size("1 dari 38", 80, 384) < 80


def test_a_long_board_title_takes_two_lines_and_the_table_stays_above_the_footer(snap):
    [board] = [s for s in deck(snap, Settings(), day=MARCH_5, order=FULL) if s.key == "kabupaten-1"]
    parts = layout(board, "2/11", "footer", "id", None)
    title = parts[0]
    assert isinstance(title, Text) and title.h > 70
    [table] = [p for p in parts if isinstance(p, Table)]
    assert table.y + table.row_h * (len(table.rows) + 1) < 1000


def test_the_trend_picture_carries_its_words(snap):
    """The trend's picture has its axis labels and legend: the screen sizes the chart's type by
    its container (Vega's containerSize()), which a picture drawn without a page has none of."""
    from census_core.presentation.deck_file import picture_of
    from census_core.presentation.home_trend import trend_slide

    slide = trend_slide(snap, Settings(), MARCH_5, "id", theme="light")
    picture = Image.open(io.BytesIO(picture_of(slide))).convert("RGB")
    # The light theme writes labels in #111827; only words are drawn in it.
    label = picture.point(lambda v: 255 if v < 70 else 0).convert("L")
    assert label.histogram()[255] > 2000, "no dark words on the trend picture"

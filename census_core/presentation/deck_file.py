"""The meeting's slides as a file to take away: PPTX (python-pptx) or PDF (Pillow pages).

The same slides, order and wording as /presentasi (`deck`), on the light theme; the map and
the trend as pictures drawn here (vl-convert), the slide's sentences as speaker notes. Fonts
are the viewer's own (PPTX) or drawn into the page (PDF), so a file shows the same offline.
"""

from __future__ import annotations

import functools
import io
from datetime import date
from pathlib import Path

import vl_convert as vlc
from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Pt

from census_core.charts.chartstyle import fixed_sizes
from census_core.display.freshness import freshness_line
from census_core.geo.geo import Shape
from census_core.presentation.deck_layout import (
    COLORS,
    HEIGHT,
    WIDTH,
    Box,
    Part,
    Picture,
    Run,
    Table,
    Text,
    layout,
)
from census_core.presentation.sequence import SHORT, deck
from census_core.presentation.slide import CHART_HEIGHT, Slide
from census_core.settings import Settings
from census_core.standings.snapshot import Snapshot
from census_core.text import t

FORMATS = ("pptx", "pdf")
MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}
EMU_PER_PX = 6350  # 1920 pixels make PowerPoint's 13.333-inch (16:9) slide
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
PICTURE_SCALE = 1.5  # pictures sharper than the page's pixels; 2 doubles the map's drawing time


def meeting_file(
    snap: Snapshot,
    settings: Settings,
    day: date | None,
    fmt: str,
    lang: str = "id",
    shapes: list[Shape] | None = None,
    order: str = SHORT,
) -> bytes:
    """The meeting's slides on `day` (else the latest) as a PPTX or PDF file, in `order` (the
    short meeting order, or FULL: every page of each board)."""
    day = day or snap.latest_date()
    slides = deck(snap, settings, lang, shapes, theme="light", day=day, order=order)
    footer = freshness_line(day, snap.last_upload(), snap.simulated, lang)
    return deck_pptx(slides, footer, lang) if fmt == "pptx" else deck_pdf(slides, footer, lang)


def file_name(day: date | None, fmt: str, lang: str = "id") -> str:
    """'bahan-rapat-2020-03-05.pptx'."""
    return t("deck.file", lang, date=day.isoformat() if day else "") + f".{fmt}"


def notes_of(slide: Slide) -> str:
    """The speaker notes of a slide: its sentences, one a line (else its message, else its
    title and subtitle, so no slide goes without)."""
    said = slide.notes or tuple(x for x in (slide.message,) if x)
    return "\n".join(said or tuple(x for x in (slide.title, slide.subtitle) if x))


def picture_of(slide: Slide) -> bytes | None:
    """The map or the trend of a slide as a PNG (vl-convert: no browser, no network)."""
    chart = slide.still if slide.still is not None else slide.chart
    if chart is None or not hasattr(chart, "to_dict"):
        return None
    spec = chart.to_dict(validate=False)  # the builders are tested; a map's check takes seconds
    if spec.get("width") in (None, "container"):
        spec["width"] = WIDTH - 2 * 60 - 100
    height = spec.get("height")
    drawn = fixed_sizes(spec, height if isinstance(height, int | float) else CHART_HEIGHT)
    return bytes(vlc.vegalite_to_png(drawn, scale=PICTURE_SCALE))  # type: ignore[arg-type]


def _pages(slides: list[Slide], footer: str, lang: str) -> list[tuple[Slide, list[Part]]]:
    return [
        (slide, layout(slide, f"{i + 1}/{len(slides)}", footer, lang, picture_of(slide)))
        for i, slide in enumerate(slides)
    ]


# PPTX: the parts as PowerPoint's own text boxes, table and pictures, so they can be edited.


def _emu(px: float) -> Emu:
    return Emu(int(px * EMU_PER_PX))


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


def _runs(frame: object, runs: tuple[Run, ...], size: int, align: str) -> None:
    paragraph = frame.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = {"right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}.get(
        align, PP_ALIGN.LEFT
    )
    for piece in runs:
        run = paragraph.add_run()
        run.text = piece.text
        run.font.size = Pt(size * 0.5)  # a 1920-pixel slide: one pixel is half a point
        run.font.bold = piece.bold
        run.font.color.rgb = _rgb(piece.color)


def _frame(frame: object) -> None:
    frame.word_wrap = True  # type: ignore[attr-defined]
    for side in ("left", "right", "top", "bottom"):
        setattr(frame, f"margin_{side}", 0)


def _pptx_part(slide: object, part: Part) -> None:
    shapes = slide.shapes  # type: ignore[attr-defined]
    if isinstance(part, Text):
        box = shapes.add_textbox(_emu(part.x), _emu(part.y), _emu(part.w), _emu(part.h))
        _frame(box.text_frame)
        _runs(box.text_frame, part.runs, part.size, part.align)
    elif isinstance(part, Box):
        shape = shapes.add_shape(
            MSO_SHAPE.RECTANGLE, _emu(part.x), _emu(part.y), _emu(part.w), _emu(part.h)
        )
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(part.fill)
        if part.outline:
            shape.line.color.rgb = _rgb(part.outline)
        else:
            shape.line.fill.background()
    elif isinstance(part, Picture):
        x, y, w, h = _fitted(part)
        shapes.add_picture(io.BytesIO(part.png), _emu(x), _emu(y), _emu(w), _emu(h))
    elif isinstance(part, Table):
        _pptx_table(shapes, part)


def _pptx_table(shapes: object, part: Table) -> None:
    n_rows = len(part.rows) + 1
    frame = shapes.add_table(  # type: ignore[attr-defined]
        n_rows,
        len(part.widths),
        _emu(part.x),
        _emu(part.y),
        _emu(sum(part.widths)),
        _emu(part.row_h * n_rows),
    )
    table = frame.table
    for j, width in enumerate(part.widths):
        table.columns[j].width = _emu(width)
    header = tuple((Run(text, COLORS["muted"], True),) for text in part.header)
    for i, (cells, fill) in enumerate(
        zip((header, *part.rows), (COLORS["bg"], *part.fills), strict=True)
    ):
        table.rows[i].height = _emu(part.row_h)
        for j, runs in enumerate(cells):
            cell = table.cell(i, j)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(fill)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            cell.margin_left = cell.margin_right = _emu(14)
            size = part.header_size if i == 0 else part.size
            _runs(cell.text_frame, runs, size, "right" if j in part.right else "left")


def deck_pptx(slides: list[Slide], footer: str, lang: str = "id") -> bytes:
    """The slides as a PowerPoint file: one slide each, its title in the title placeholder,
    its sentences as speaker notes; opens in PowerPoint and LibreOffice Impress."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = _emu(WIDTH), _emu(HEIGHT)
    title_only = prs.slide_layouts[5]
    for slide, parts in _pages(slides, footer, lang):
        page = prs.slides.add_slide(title_only)
        title, *rest = parts
        assert isinstance(title, Text)
        holder = page.shapes.title
        holder.left, holder.top = _emu(title.x), _emu(title.y)
        holder.width, holder.height = _emu(title.w), _emu(title.h)
        _frame(holder.text_frame)
        holder.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        _runs(holder.text_frame, title.runs, title.size, title.align)
        for part in rest:
            _pptx_part(page, part)
        page.notes_slide.notes_text_frame.text = notes_of(slide)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


# PDF: each slide drawn as a picture with Pillow, the pictures saved as the pages of one PDF.


@functools.cache
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        return ImageFont.load_default(size)


def _fitted(part: Picture) -> tuple[int, int, int, int]:
    """The picture's box inside the part's, its proportions kept, centred at the top."""
    with Image.open(io.BytesIO(part.png)) as image:
        width, height = image.size
    scale = min(part.w / width, part.h / height)
    w, h = int(width * scale), int(height * scale)
    return part.x + (part.w - w) // 2, part.y, w, h


def _wrapped(draw: ImageDraw.ImageDraw, runs: tuple[Run, ...], size: int, width: int) -> list:
    """The runs cut into lines of at most `width` pixels, at spaces: [[(text, run), ...], ...]."""
    lines: list[list[tuple[str, Run]]] = [[]]
    used = 0.0
    for run in runs:
        font = _font(size, run.bold)
        for word in run.text.split(" "):
            piece = word if not lines[-1] and not used else " " + word
            length = draw.textlength(piece, font=font)
            if used and used + length > width:
                lines.append([])
                piece, used = word, 0.0
                length = draw.textlength(piece, font=font)
            lines[-1].append((piece, run))
            used += length
    return lines


def _draw_text(draw: ImageDraw.ImageDraw, part: Text) -> None:
    step = int(part.size * 1.25)
    for n, line in enumerate(_wrapped(draw, part.runs, part.size, part.w)):
        y = part.y + n * step
        if y + part.size > part.y + part.h + part.size * 0.3:
            break  # no room left in the box
        length = sum(draw.textlength(p, font=_font(part.size, r.bold)) for p, r in line)
        x = float(part.x)
        if part.align == "right":
            x += part.w - length
        elif part.align == "center":
            x += (part.w - length) / 2
        for piece, run in line:
            font = _font(part.size, run.bold)
            draw.text((x, y), piece, fill=run.color, font=font)
            x += draw.textlength(piece, font=font)


def _draw_table(image: Image.Image, draw: ImageDraw.ImageDraw, part: Table) -> None:
    header = tuple((Run(text, COLORS["muted"], True),) for text in part.header)
    for i, (cells, fill) in enumerate(
        zip((header, *part.rows), (COLORS["bg"], *part.fills), strict=True)
    ):
        y = part.y + i * part.row_h
        draw.rectangle((part.x, y, part.x + sum(part.widths), y + part.row_h), fill=fill)
        if i:  # a rule between two rows, as the screen's board has
            draw.line((part.x, y, part.x + sum(part.widths), y), COLORS["line"], 2)
        x = part.x
        size = part.header_size if i == 0 else part.size
        for j, runs in enumerate(cells):
            w = part.widths[j]
            align = "right" if j in part.right else "left"
            box = Text(x + 14, y + (part.row_h - size) // 2 - 2, w - 28, size, runs, size, align)
            _draw_text(draw, box)
            x += w


def slide_image(parts: list[Part]) -> Image.Image:
    """One slide drawn at 1920x1080."""
    image = Image.new("RGB", (WIDTH, HEIGHT), COLORS["bg"])
    draw = ImageDraw.Draw(image)
    for part in parts:
        if isinstance(part, Text):
            _draw_text(draw, part)
        elif isinstance(part, Box):
            outline = part.outline or None
            draw.rectangle((part.x, part.y, part.x + part.w, part.y + part.h), part.fill, outline)
        elif isinstance(part, Picture):
            x, y, w, h = _fitted(part)
            with Image.open(io.BytesIO(part.png)) as picture:
                image.paste(picture.convert("RGB").resize((w, h), Image.Resampling.LANCZOS), (x, y))
        elif isinstance(part, Table):
            _draw_table(image, draw, part)
    return image


def slide_images(slides: list[Slide], footer: str, lang: str = "id") -> list[Image.Image]:
    """Every slide drawn as a 1920x1080 picture, as the PDF's pages are."""
    return [slide_image(parts) for _, parts in _pages(slides, footer, lang)]


def deck_pdf(slides: list[Slide], footer: str, lang: str = "id") -> bytes:
    """The slides as a PDF, one 16:9 page each (13.33 x 7.5 inches)."""
    first, *rest = slide_images(slides, footer, lang)
    out = io.BytesIO()
    first.save(out, "PDF", save_all=True, append_images=rest, resolution=144.0)
    return out.getvalue()

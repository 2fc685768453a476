"""Where each part of a slide sits on a 1920x1080 page, as boxes both deck files draw alike."""

from __future__ import annotations

from dataclasses import dataclass

from census_core.charts.palette import theme
from census_core.presentation.board_pages import tag_word
from census_core.presentation.slide import CHART_HEIGHT, MAP_WIDTH, Slide

WIDTH, HEIGHT = 1920, 1080
MARGIN = 60
INNER = WIDTH - 2 * MARGIN
# The light theme: a deck is printed, projected in a lit room, or edited on a white template.
COLORS = theme("light")


@dataclass(frozen=True)
class Run:
    """A piece of text in one colour and weight."""

    text: str
    color: str = COLORS["text"]
    bold: bool = False


@dataclass(frozen=True)
class Text:
    """Text wrapped inside a box (pixels of the 1920x1080 page); `size` in pixels."""

    x: int
    y: int
    w: int
    h: int
    runs: tuple[Run, ...]
    size: int
    align: str = "left"  # left, right, center

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Box:
    """A filled rectangle (a card, a swatch, a rule)."""

    x: int
    y: int
    w: int
    h: int
    fill: str
    outline: str = ""


@dataclass(frozen=True)
class Picture:
    """A PNG fitted inside a box, its proportions kept, centred."""

    x: int
    y: int
    w: int
    h: int
    png: bytes


@dataclass(frozen=True)
class Table:
    """A board: a header row, then rows of cells (each a tuple of runs), one fill per row."""

    x: int
    y: int
    widths: tuple[int, ...]
    row_h: int
    header: tuple[str, ...]
    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    fills: tuple[str, ...]
    right: frozenset[int]
    size: int = 34
    header_size: int = 26


Part = Text | Box | Picture | Table


def one(text: str, color: str = COLORS["text"], bold: bool = False) -> tuple[Run, ...]:
    return (Run(text, color, bold),)


# DejaVu Sans, the widest common sans, averages under 0.6 em a character: a text estimated at
# this width fits in every font a viewer may substitute.
EM_PER_CHAR = 0.6


def lines_of(text: str, size: int, width: int) -> int:
    """How many lines `text` at `size` pixels takes in `width` pixels, at most (estimated)."""
    per_line = max(int(width / (size * EM_PER_CHAR)), 1)
    return max(-(-len(text) // per_line), 1)


def fitted_size(text: str, size: int, width: int) -> int:
    """`size`, or less so that `text` fits on one line of `width` pixels."""
    return max(min(size, int(width / (max(len(text), 1) * EM_PER_CHAR))), 12)


def layout(
    slide: Slide, position: str, footer: str, lang: str, picture: bytes | None
) -> list[Part]:
    """The parts of one slide, top to bottom; `picture` is the map's or the trend's PNG."""
    # A long title (a board's, with its date) takes two lines at a smaller size.
    size = 52 if lines_of(slide.title, 52, INNER) == 1 else 44
    high = 66 * min(lines_of(slide.title, size, INNER), 2)
    parts: list[Part] = [Text(MARGIN, 36, INNER, high, one(slide.title, bold=True), size)]
    top = 36 + high + 6
    if slide.subtitle:
        lines = min(lines_of(slide.subtitle, 30, INNER), 3)
        parts.append(Text(MARGIN, top, INNER, 40 * lines, one(slide.subtitle, COLORS["muted"]), 30))
        top += 40 * lines
    top += 24
    if slide.kind == "headline" and slide.figures:
        parts += _headline(slide, top)
    elif slide.kind == "board":
        parts += _board(slide, lang, top)
    elif slide.kind == "map" and picture:
        parts += _map(slide, picture, top)
    elif slide.kind == "trend" and picture:
        parts.append(Picture(MARGIN, top, INNER, 990 - top, picture))
    else:
        parts.append(
            Text(MARGIN, 480, INNER, 120, one(slide.message, COLORS["muted"]), 44, "center")
        )
    parts.append(Box(MARGIN, 1000, INNER, 2, COLORS["line"]))
    parts.append(Text(MARGIN, 1014, INNER - 200, 40, one(footer, COLORS["muted"]), 24))
    parts.append(
        Text(WIDTH - MARGIN - 200, 1014, 200, 40, one(position, COLORS["muted"]), 24, "right")
    )
    return parts


def _note_color(trend: int) -> str:
    return {1: COLORS["up"], -1: COLORS["down"]}.get(trend, COLORS["muted"])


def _headline(slide: Slide, top: int) -> list[Part]:
    hero, *rest = slide.figures
    parts: list[Part] = [
        Text(MARGIN, top, 900, 190, one(hero.value, bold=True), fitted_size(hero.value, 170, 900)),
        Text(MARGIN + 920, top + 40, INNER - 920, 50, one(hero.label, COLORS["muted"]), 40),
        Text(MARGIN + 920, top + 100, INNER - 920, 90, one(hero.note, _note_color(hero.trend)), 34),
    ]
    gap = 24
    width = (INNER - gap * 3) // 4
    y = top + 260
    for i, fig in enumerate(rest[:4]):
        x = MARGIN + i * (width + gap)
        parts += [
            Box(x, y, width, 360, COLORS["panel"]),
            Text(x + 24, y + 20, width - 48, 80, one(fig.label, COLORS["muted"]), 30),
            Text(
                x + 24,
                y + 110,
                width - 48,
                100,
                one(fig.value, bold=True),
                fitted_size(fig.value, 80, width - 48),
            ),
            Text(x + 24, y + 220, width - 48, 130, one(fig.note, _note_color(fig.trend)), 28),
        ]
    return parts


def _board(slide: Slide, lang: str, top: int) -> list[Part]:
    parts: list[Part] = []
    if slide.callouts:
        colours = (COLORS["top"], COLORS["bottom"])
        for i, (text, color) in enumerate(zip(slide.callouts, colours, strict=False)):
            parts.append(
                Text(MARGIN + i * INNER // 2, top, INNER // 2, 44, one(text, color, True), 32)
            )
        top += 60
    rows, fills = [], []
    for row in slide.rows:
        home = "home" in row.tags
        name = [Run(("▶ " if home else "") + row.name, COLORS["home_text"], home)]
        for tag in row.tags:
            color = {"top": COLORS["top"], "bottom": COLORS["bottom"]}.get(tag, COLORS["mark"])
            name.append(Run(f"  {tag_word(tag, lang)}", color, True))
        move = {1: COLORS["up"], -1: COLORS["down"]}.get(row.move_sign, COLORS["text"])
        plain = (row.rank, row.count, row.percent, row.change)
        rank, count, percent, change = (one(cell, COLORS["text"], home) for cell in plain)
        status = {1: COLORS["up"], -1: COLORS["down"]}.get(row.status_sign, COLORS["text"])
        rows.append(
            (
                rank,
                tuple(name),
                count,
                percent,
                change,
                one(row.move, move, home),
                one(row.status, status, home),
            )
        )
        fills.append(COLORS["home_bg"] if home else COLORS["bg"])
    parts.append(
        Table(
            MARGIN,
            top,
            (110, 620, 240, 200, 200, 150, 280),
            64,
            slide.columns,
            tuple(rows),
            tuple(fills),
            frozenset({0, 2, 3, 4}),
        )
    )
    if slide.footnote:
        y = top + 64 * (len(slide.rows) + 1) + 16
        parts.append(Text(MARGIN, y, INNER, 40, one(slide.footnote, COLORS["muted"]), 24))
    return parts


def _map(slide: Slide, picture: bytes, top: int) -> list[Part]:
    parts: list[Part] = [Picture(MARGIN, top, MAP_WIDTH, CHART_HEIGHT, picture)]
    x = MARGIN + MAP_WIDTH + 30
    width = WIDTH - MARGIN - x
    y = top
    if slide.aside:
        parts.append(Text(x, y, width, 40, one(slide.aside_title, COLORS["muted"], True), 28))
        y += 48
        for color, name, value in slide.aside:
            if color:
                parts.append(Box(x, y + 6, 28, 22, color, COLORS["muted"]))
            parts.append(Text(x + 40, y, width - 160, 36, one(name), 26))
            parts.append(Text(x + width - 120, y, 120, 36, one(value), 26, "right"))
            y += 40
    y = top + CHART_HEIGHT + 20
    step = INNER // max(len(slide.legend), 1)
    for i, (color, label) in enumerate(slide.legend):
        lx = MARGIN + i * step
        parts.append(Box(lx, y + 4, 36, 28, color, COLORS["muted"]))
        parts.append(Text(lx + 46, y, step - 56, 40, one(label), 26))
    return parts

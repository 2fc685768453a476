"""A region's card to share in a chat: its headline in words, drawn as a phone-sized PNG.

`card_lines` writes the card from a headline (the same figures as the page's KPI cards);
`card_png` draws it with Pillow, offline, in DejaVu Sans where the machine has it.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pandas as pd
from PIL import Image, ImageDraw, ImageFont

from census_core.display.headline import Headline
from census_core.display.headline_text import arrow
from census_core.regions import level_label, normalize_name
from census_core.standings.pace import status_text
from census_core.text import (
    CARRIED_MARK,
    fmt_date,
    fmt_date_short,
    fmt_int,
    fmt_pct,
    fmt_signed,
    t,
)

CARD_SIZE = (1080, 1350)  # a phone screen's 4:5, as chat apps show a picture whole
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
INK = (20, 24, 33)
MUTED = (96, 104, 118)
BAND = (18, 53, 91)
ON_BAND = (255, 255, 255)
ACCENT = (224, 108, 0)
UP = (22, 128, 61)
DOWN = (190, 30, 45)
RULE = (222, 226, 232)
BOX = (244, 246, 249)
MARGIN = 64


@dataclass(frozen=True)
class CardText:
    """Every text of one card, already written in the reader's language."""

    brand: str
    name: str
    where: str
    date: str
    figure_label: str
    figure: str
    change: str
    trend_sign: int  # 1 up, -1 down, 0 no change: the colour of `change`
    note: str  # what a carried-forward '*' means; empty if none
    rank_label: str
    rank: str
    rank_move: str
    share_label: str
    share: str
    target: str
    pace_label: str
    pace: str
    pace_note: str
    trend_label: str
    simulated: str  # 'Data simulasi' while the store holds the demo; empty otherwise
    address: str
    file_name: str
    lang: str = "id"  # how the trend's last values are written
    status: str = ""  # '○ tertinggal': the status against the pace needed; empty without one
    status_sign: int = 0  # 1 reached or on track, -1 behind, 0 a push: its colour


def card_lines(
    head: Headline,
    *,
    level: str,
    within_name: str,
    measure_label: str,
    simulated: bool,
    address: str,
    lang: str = "id",
) -> CardText:
    """The card of a headline with a count: the figures written as its KPI cards write them."""
    carried = head.stale and head.last_date is not None
    change = head.change or 0
    moved = head.rank_change or 0
    move = (
        t("headline.up", lang, n=moved)
        if moved > 0
        else (t("headline.down", lang, n=-moved) if moved < 0 else t("headline.same", lang))
    )
    if head.pace_needed == 0:
        pace, pace_note = "0", t("card.reached", lang)
    else:
        pace = fmt_int(head.pace_needed, lang)
        pace_note = t(
            "card.until", lang, measure=measure_label, date=fmt_date_short(head.deadline, lang)
        )
        if head.recent_pace is not None:  # what the last 7 days gave, beside what is needed
            pace_note = t("card.pace_now", lang, pace=fmt_int(head.recent_pace, lang))
    label = t("headline.count", lang, measure=measure_label)
    level_name = level_label(level, lang).capitalize()
    return CardText(
        brand=t("card.brand", lang),
        name=head.name,
        where=t("card.where", lang, level=level_name, within=within_name),
        date=t("card.date", lang, date=fmt_date(head.day, lang)),
        figure_label=label[:1].upper() + label[1:],
        figure=fmt_int(head.count, lang) + (CARRIED_MARK if carried else ""),
        change=""
        if head.change is None
        else t("card.change", lang, change=f"{arrow(change)} {fmt_signed(change, lang)}"),
        trend_sign=(change > 0) - (change < 0),
        note=t("carried.card", lang, date=fmt_date(head.last_date, lang)) if carried else "",
        rank_label=t("card.rank", lang),
        rank=t("headline.rank_value", lang, rank=head.rank or "–", of=head.of),
        rank_move="" if head.rank_change is None else t("card.move", lang, move=move),
        share_label=t("headline.percent", lang),
        share=fmt_pct(head.percent, lang),
        target=t("card.target", lang, target=fmt_int(head.target, lang), measure=measure_label),
        pace_label=t("card.pace", lang),
        pace=pace,
        pace_note=pace_note,
        trend_label=t("card.trend", lang),
        simulated=t("card.simulated", lang) if simulated else "",
        address=address,
        file_name=t("card.file", lang, slug=normalize_name(head.name), date=head.day.isoformat()),
        lang=lang,
        status="" if head.status is None else status_text(head.status, lang),
        status_sign={"reached": 1, "on_track": 1, "behind": -1}.get(head.status or "", 0),
    )


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans (fonts-dejavu-core) at `size`; Pillow's own font where it is missing."""
    path = FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        return ImageFont.load_default(size)


def _fitted(
    draw: ImageDraw.ImageDraw, text: str, size: int, width: int, bold: bool = False
) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The font at `size` or smaller, so that `text` fits in `width` pixels."""
    font = _font(size, bold)
    while size > 16 and draw.textlength(text, font=font) > width:
        size -= 4
        font = _font(size, bold)
    return font


def _text(
    draw: ImageDraw.ImageDraw,
    xy: tuple[int, int],
    text: str,
    size: int,
    fill: tuple[int, int, int],
    *,
    bold: bool = False,
    width: int | None = None,
    anchor: str = "la",
) -> None:
    if text:
        width = width or CARD_SIZE[0] - 2 * MARGIN
        draw.text(xy, text, font=_fitted(draw, text, size, width, bold), fill=fill, anchor=anchor)


def _sign_colour(sign: int) -> tuple[int, int, int]:
    return UP if sign > 0 else (DOWN if sign < 0 else MUTED)


def _box(
    draw: ImageDraw.ImageDraw, x: int, y: int, w: int, label: str, value: str, note: str
) -> None:
    """One small figure: its label, the value in bold, a note under it."""
    draw.rounded_rectangle((x, y, x + w, y + 230), radius=24, fill=BOX)
    inner = w - 48
    _text(draw, (x + 24, y + 26), label, 32, MUTED, width=inner)
    _text(draw, (x + 24, y + 76), value, 76, INK, bold=True, width=inner)
    _text(draw, (x + 24, y + 176), note, 28, MUTED, width=inner)


def _trend(
    draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], trend: pd.DataFrame, lang: str
) -> None:
    """The trend's lines, the region's first and thick; each ends with its last value."""
    left, top, right, bottom = box
    draw.line((left, bottom, right, bottom), fill=RULE, width=3)
    frame = trend.apply(pd.to_numeric, errors="coerce") if not trend.empty else trend
    if frame.empty or frame.isna().all().all() or len(frame) < 2:
        return
    high = max(float(frame.max().max()), 1.0) * 1.1
    n = len(frame) - 1
    plot_right = right - 190  # room for the last values
    lines = list(frame.columns)
    drawn: dict[int, tuple[float, float, str]] = {}  # line -> its last point and value
    # The parent's line first, so the region's is drawn over it where they meet.
    for i, col in reversed(list(enumerate(lines))):
        values = frame[col]
        points = [
            (left + (plot_right - left) * k / n, bottom - (bottom - top) * float(v) / high)
            for k, v in enumerate(values)
            if pd.notna(v)
        ]
        if len(points) < 2:
            continue
        colour, width = (ACCENT, 9) if i == 0 else (MUTED, 4)
        draw.line(points, fill=colour, width=width, joint="curve")
        x, y = points[-1]
        draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=colour)
        drawn[i] = (x, y, fmt_pct(values.dropna().iloc[-1], lang))
    ends: list[float] = []  # where the last values are written, kept apart
    for i, (_, y, last) in sorted(drawn.items()):
        label_y = y
        for other in ends:
            if abs(label_y - other) < 44:
                label_y = other + 44 if y >= other else other - 44
        ends.append(label_y)
        _text(draw, (plot_right + 24, int(label_y)), last, 40 if i == 0 else 30,
              ACCENT if i == 0 else MUTED, bold=i == 0, width=170, anchor="lm")  # fmt: skip
    legend_y = bottom + 20
    x = left
    for i, col in enumerate(lines[:2]):
        colour = ACCENT if i == 0 else MUTED
        draw.line((x, legend_y + 16, x + 40, legend_y + 16), fill=colour, width=8 if i == 0 else 4)
        font = _font(28)
        draw.text((x + 52, legend_y), str(col), font=font, fill=MUTED)
        x += 52 + int(draw.textlength(str(col), font=font)) + 40


def card_png(card: CardText, trend: pd.DataFrame) -> bytes:
    """The card as a 1080 x 1350 PNG: name, date, big figure, rank, share, pace, trend, address."""
    width, height = CARD_SIZE
    image = Image.new("RGB", CARD_SIZE, "white")
    draw = ImageDraw.Draw(image)
    inner = width - 2 * MARGIN

    draw.rectangle((0, 0, width, 300), fill=BAND)
    _text(draw, (MARGIN, 44), card.brand, 30, (173, 198, 230), bold=True, width=inner // 2)
    if card.simulated:
        font = _font(30, bold=True)
        w = int(draw.textlength(card.simulated, font=font))
        draw.rounded_rectangle((width - MARGIN - w - 40, 30, width - MARGIN, 90), 30, fill=ACCENT)
        draw.text((width - MARGIN - 20, 60), card.simulated, font=font, fill="white", anchor="rm")
    _text(draw, (MARGIN, 150), card.name, 92, ON_BAND, bold=True, anchor="lm")
    _text(draw, (MARGIN, 214), card.where, 36, (214, 226, 242))

    _text(draw, (MARGIN, 340), card.date, 36, MUTED)
    _text(draw, (MARGIN, 400), card.figure_label, 44, INK)
    _text(draw, (MARGIN - 6, 450), card.figure, 200, INK, bold=True)
    _text(draw, (MARGIN, 680), card.change, 46, _sign_colour(card.trend_sign), bold=True)
    if card.status:  # right-aligned on the change's line: symbol and words, not colour alone
        colour = ACCENT if card.status_sign == 0 else _sign_colour(card.status_sign)
        _text(draw, (width - MARGIN, 680), card.status, 46, colour, bold=True, width=inner // 2,
              anchor="ra")  # fmt: skip
    _text(draw, (MARGIN, 742), card.note, 28, MUTED)

    gap = 24
    w = (inner - 2 * gap) // 3
    y = 790
    _box(draw, MARGIN, y, w, card.rank_label, card.rank, card.rank_move)
    _box(draw, MARGIN + w + gap, y, w, card.share_label, card.share, card.target)
    _box(draw, MARGIN + 2 * (w + gap), y, w, card.pace_label, card.pace, card.pace_note)

    _text(draw, (MARGIN, 1046), card.trend_label, 30, MUTED)
    _trend(draw, (MARGIN, 1100, width - MARGIN, 1210), trend, card.lang)

    draw.line((0, height - 72, width, height - 72), fill=RULE, width=2)
    _text(draw, (MARGIN, height - 36), card.address, 32, BAND, bold=True, anchor="lm")
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()

"""The meeting screen's drawing: full-screen slides as HTML, the slideshow fragment, its buttons."""

from __future__ import annotations

import functools
import re
import time
from datetime import UTC, date, datetime
from html import escape

import pydeck as pdk
import streamlit as st

from census_core.charts.palette import THEMES, chart_theme, theme
from census_core.geo.geo import Shape
from census_core.presentation import (
    CHART_HEIGHT,
    FULL,
    MAP_WIDTH,
    SHORT,
    SLIDE_WIDTH,
    Figure,
    Frozen,
    Slide,
    asof_day,
    due,
    notice_left,
    order_of,
    tag_word,
)
from census_core.settings import Settings
from census_core.standings.snapshot import Snapshot
from census_core.text import LANGS, t
from ui import live

_INDEX = "slide_index"
_SHOWN = "slide_shown_at"
_PAUSED = "slide_paused"
_STEPS = "slide_steps"  # slide changes since the screen opened, by timer or by hand
_NOTICE_FROM = "slide_notice_from"  # (the notice's time, _STEPS when the screen first showed it)
_FROZEN = "slide_frozen"  # a Frozen while the screen holds still


def frozen(live_snap: Snapshot) -> Frozen | None:
    """What the screen holds: ?asof= on the URL, else the freeze button's moment, else None.

    The snapshot is kept in the session, so the live watcher's next snapshot does not replace it.
    """
    asked = asof_day(st.query_params.get("asof"))
    held = st.session_state.get(_FROZEN)
    held = held if isinstance(held, Frozen) else None
    if asked is not None:
        if held is None or not held.by_url or held.day != asked:
            held = Frozen(live_snap, asked, datetime.now(UTC), by_url=True)
            st.session_state[_FROZEN] = held
        return held
    if held is not None and held.by_url:  # the URL no longer asks for a day: live again
        st.session_state.pop(_FROZEN, None)
        return None
    return held


def _freeze(live_snap: Snapshot) -> None:
    st.session_state[_FROZEN] = Frozen(live_snap, live_snap.latest_date(), datetime.now(UTC))


def _resume() -> None:
    st.session_state.pop(_FROZEN, None)
    st.query_params.pop("asof", None)


def lang() -> str:
    """?lang=en on the URL, else the language chosen on the other pages."""
    value = st.query_params.get("lang") or st.session_state.get("lang") or "id"
    return value if value in LANGS else "id"


def order() -> str:
    """?urutan=lengkap on the URL: every page of each board; else the short order."""
    return order_of(st.query_params.get("urutan"))


def _toggle_order(current: str) -> None:
    if current == SHORT:
        st.query_params["urutan"] = FULL
    else:
        st.query_params.pop("urutan", None)


def theme_name() -> str:
    """?theme=light on the URL, else dark (projectors wash out light greys less on dark)."""
    value = st.query_params.get("theme", "dark")
    return value if value in THEMES else "dark"


# One 1920x1080 pixel in viewport units: a share of the screen's height (1/1080 of 100vh), so
# type keeps its share on a projector; narrowed only on a screen narrower than 4:3, where
# the slide would not fit sideways; never under half a pixel.
UNIT = "clamp(0.5px, 100vh / 1080, 100vw / 1440)"
# The map's scale as a plain number (tan(atan2(a, b)) is a / b without its unit): the map is
# drawn at its 1240x640 design size, names placed for that, then scaled whole: a little under
# the slide's unit (the heading, legend, footer and buttons take the rest of a 1080 screen), and
# by the width of a 1920 screen, so the list beside it keeps its room on a 4:3 projector.
MAP_SCALE = "min(tan(atan2(100vh, 1150px)), tan(atan2(100vw, 1920px)))"


def _scaled(css: str) -> str:
    """Sizes written for a 1920x1080 screen, in viewport units for the one at hand."""
    return re.sub(r"(\d+(?:\.\d+)?)px", r"calc(\1 * var(--u))", css)


def style(name: str) -> None:
    """Full screen: no sidebar, header or toolbar; the theme's colours; type sized for 10 m.

    Every size is in 1920x1080 pixels times --u (UNIT, viewport units), so a projector at
    1024x768 shows the same slide as a wall screen at 3840x2160, only smaller or larger.
    """
    c = theme(name)
    st.html(
        f'<style>[data-testid="stApp"] {{ --u: {UNIT}; --m: {MAP_SCALE}; }}'
        + _map_css()
        + "</style>"
        + _scaled(
            f"""<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] {{
  display: none !important; }}
[data-testid="stApp"], [data-testid="stMain"] {{ background: {c["bg"]}; color: {c["text"]}; }}
[data-testid="stMainBlockContainer"] {{ padding: 20px 40px 0 40px !important;
  max-width: 100% !important; }}
.deck {{ height: calc(100vh - 120px); display: flex; flex-direction: column;
  font-family: "Source Sans", "Noto Sans", sans-serif; color: {c["text"]};
  font-variant-numeric: tabular-nums; }}
.deck h1 {{ font-size: 52px; line-height: 1.1; margin: 0; padding: 0; color: {c["text"]};
  font-weight: 700; }}
.deck .sub {{ font-size: 30px; color: {c["muted"]}; margin-top: 6px; }}
.deck header, .deck footer, .notice-strip {{ flex-shrink: 0; }}
.deck .body {{ flex: 1; display: flex; flex-direction: column; justify-content: safe center;
  min-height: 0; }}
.deck footer {{ display: flex; justify-content: space-between; font-size: 28px;
  color: {c["muted"]}; padding: 10px 0; border-top: 2px solid {c["line"]}; }}
.notice-strip {{ height: 52px; margin-bottom: 10px; }}
.live-notice {{ font-size: 28px; line-height: 36px; color: {c["text"]};
  background: {c["panel"]}; border-left: 10px solid {c["mark"]}; padding: 8px 20px;
  border-radius: 6px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.frozen-strip {{ display: flex; justify-content: space-between; align-items: center;
  font-size: 24px; line-height: 36px; color: {c["muted"]}; padding: 8px 0; }}
.frozen-badge {{ border: 2px solid {c["line"]}; border-radius: 20px; padding: 0 16px; }}
.frozen-news {{ font-size: 22px; }}
@keyframes notice-off {{ to {{ visibility: hidden; }} }}
.hero {{ display: flex; align-items: baseline; gap: 32px; margin-bottom: 36px; }}
.hero .value {{ font-size: 176px; font-weight: 800; line-height: 1; }}
.hero .label {{ font-size: 40px; color: {c["muted"]}; }}
.hero .note {{ font-size: 36px; color: {c["muted"]}; }}
.figures {{ display: grid; grid-template-columns: repeat(4, 1fr); gap: 24px; }}
.figure {{ background: {c["panel"]}; border-radius: 12px; padding: 22px 26px; }}
.figure .label {{ font-size: 30px; color: {c["muted"]}; }}
.figure .value {{ font-size: min(88px, 4.6vw); font-weight: 800; line-height: 1.15; }}
.figure .note {{ font-size: 28px; color: {c["muted"]}; }}
.hero .note.up, .figure .note.up {{ color: {c["up"]}; }}
.hero .note.down, .figure .note.down {{ color: {c["down"]}; }}
.callouts {{ display: flex; gap: 48px; font-size: 32px; margin: 8px 0 14px 0; }}
.footnote {{ font-size: 24px; color: {c["muted"]}; margin: 6px 0 0 0; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }}
.callouts .top {{ color: {c["top"]}; font-weight: 700; }}
.callouts .bottom {{ color: {c["bottom"]}; font-weight: 700; }}
table.board {{ width: 100%; border-collapse: collapse; font-size: 36px; }}
table.board th {{ font-size: 28px; color: {c["muted"]}; text-align: left; font-weight: 600;
  padding: 4px 16px; border-bottom: 2px solid {c["line"]}; }}
table.board td {{ padding: 6px 16px; border-bottom: 1px solid {c["line"]}; color: {c["text"]};
  line-height: 1.25; }}
table.board .num {{ text-align: right; }}
table.board tr.home td {{ background: {c["home_bg"]}; color: {c["home_text"]};
  font-weight: 800; }}
table.board tr.home td:first-child {{ box-shadow: inset 10px 0 0 {c["mark"]}; }}
td.up {{ color: {c["up"]} !important; }}
td.down {{ color: {c["down"]} !important; }}
.tag {{ font-size: 26px; font-weight: 700; border: 2px solid currentColor; border-radius: 20px;
  padding: 0 14px; margin-left: 16px; vertical-align: middle; }}
.tag.top {{ color: {c["top"]}; }}
.tag.bottom {{ color: {c["bottom"]}; }}
.deck-part {{ color: {c["text"]}; font-family: "Source Sans", "Noto Sans", sans-serif; }}
.deck-part h1 {{ font-size: 52px; line-height: 1.1; margin: 0; padding: 0; color: {c["text"]};
  font-weight: 700; }}
.deck-part .sub {{ font-size: 30px; color: {c["muted"]}; margin-top: 6px; }}
.deck-part footer {{ display: flex; justify-content: space-between; font-size: 28px;
  color: {c["muted"]}; padding: 10px 0; border-top: 2px solid {c["line"]}; }}
.legend {{ display: flex; gap: 36px; font-size: 28px; }}
.legend .swatch i {{ display: inline-block; width: 36px; height: 28px; margin-right: 10px;
  vertical-align: middle; border: 2px solid {chart_theme(name).map_line}; }}
.message {{ font-size: 44px; color: {c["muted"]}; text-align: center; }}
.aside h2 {{ font-size: 30px; color: {c["muted"]}; font-weight: 600; margin: 0 0 8px 0;
  padding: 0; }}
.aside table {{ border-collapse: collapse; font-size: 28px; width: 100%; }}
.aside td {{ padding: 2px 8px; color: {c["text"]}; border: none; }}
.aside td:first-child {{ width: 36px; padding-left: 0; }}
.aside td.num {{ text-align: right; }}
.aside i {{ display: inline-block; width: 28px; height: 22px; vertical-align: middle;
  border: 2px solid {chart_theme(name).map_line}; }}
.st-key-slide_chart {{ height: 640px !important; flex: 0 0 auto !important; }}
[class*="st-key-slide_"] button {{ min-height: 64px; background: {c["button_bg"]};
  color: {c["text"]}; border: 2px solid {c["line"]}; }}
[class*="st-key-slide_"] button p {{ font-size: min(28px, 1.6vw); }}
</style>"""
        )
    )


def _map_css() -> str:
    """The map's column as large as its scaled map; the map itself drawn at design size."""
    return (
        f".st-key-slide_map [data-testid='stColumn']:first-child {{"
        f" flex: 0 0 calc({MAP_WIDTH}px * var(--m)) !important;"
        f" width: calc({MAP_WIDTH}px * var(--m)) !important;"
        f" height: calc({CHART_HEIGHT}px * var(--m)); overflow: hidden; }}"
        ".st-key-slide_map [data-testid='stHorizontalBlock'] { flex-wrap: nowrap !important; }"
        ".st-key-slide_map [data-testid='stColumn'] { min-width: 0; }"
        ".st-key-slide_map [data-testid='stColumn']:first-child [data-testid='stElementContainer']"
        f" {{ width: {MAP_WIDTH}px !important; max-width: none !important;"
        " transform: scale(var(--m)); transform-origin: 0 0; }"
        ".st-key-slide_map [data-testid='stDeckGlJsonChart']"
        f" {{ width: {MAP_WIDTH}px !important; }}"
        # The list beside the map no taller than the map: its 13 rows and heading in 14 lines.
        ".st-key-slide_map .aside td {"
        " font-size: min(calc(28px * var(--u)), calc(35px * var(--m))); line-height: 1.25;"
        " padding-top: 0; padding-bottom: 0; }"
        ".st-key-slide_map .aside h2 { line-height: 1.25; }"
    )


def _note(figure: Figure) -> str:
    """The line under a figure, coloured as a rise or a fall only where it is one."""
    kind = {1: " up", -1: " down"}.get(figure.trend, "")
    return f'<div class="note{kind}">{escape(figure.note)}</div>'


def _headline(slide: Slide) -> str:
    if not slide.figures:
        return f'<div class="message">{escape(slide.message)}</div>'
    hero, *rest = slide.figures
    cards = "".join(
        f'<div class="figure"><div class="label">{escape(f.label)}</div>'
        f'<div class="value">{escape(f.value)}</div>{_note(f)}</div>'
        for f in rest
    )
    return (
        f'<div class="hero"><span class="value">{escape(hero.value)}</span>'
        f'<span><div class="label">{escape(hero.label)}</div>{_note(hero)}</span></div>'
        f'<div class="figures">{cards}</div>'
    )


def _board(slide: Slide, lang: str) -> str:
    callouts = ""
    if slide.callouts:
        spans = "".join(
            f'<span class="{kind}">{escape(text)}</span>'
            for kind, text in zip(("top", "bottom"), slide.callouts, strict=False)
        )
        callouts = f'<div class="callouts">{spans}</div>'
    head = "".join(
        f'<th class="{"num" if i in (2, 3, 4) else ""}">{escape(col)}</th>'
        for i, col in enumerate(slide.columns)
    )
    rows = []
    for row in slide.rows:
        name = escape(row.name)
        if "home" in row.tags:
            name = f"▶ {name}"
        for tag in row.tags:
            name += f'<span class="tag {tag}">{escape(tag_word(tag, lang))}</span>'
        move_class = {1: "up", -1: "down"}.get(row.move_sign, "")
        status_class = {1: "up", -1: "down"}.get(row.status_sign, "")
        rows.append(
            f'<tr class="{"home" if "home" in row.tags else ""}">'
            f'<td class="num">{escape(row.rank)}</td><td>{name}</td>'
            f'<td class="num">{escape(row.count)}</td><td class="num">{escape(row.percent)}</td>'
            f'<td class="num">{escape(row.change)}</td>'
            f'<td class="{move_class}">{escape(row.move)}</td>'
            f'<td class="{status_class}">{escape(row.status)}</td></tr>'
        )
    note = f'<div class="footnote">{escape(slide.footnote)}</div>' if slide.footnote else ""
    return f'{callouts}<table class="board"><tr>{head}</tr>{"".join(rows)}</table>{note}'


def _head(slide: Slide, notice: str) -> str:
    """The notice's strip (kept on every slide, so a notice never moves the slide), then the
    heading."""
    sub = f'<div class="sub">{escape(slide.subtitle)}</div>' if slide.subtitle else ""
    strip = f'<div class="notice-strip">{notice}</div>'
    return f"{strip}<header><h1>{escape(slide.title)}</h1>{sub}</header>"


def _foot(position: str, footer: str) -> str:
    return f"<footer><span>{escape(footer)}</span><span>{escape(position)}</span></footer>"


def render(slide: Slide, position: str, footer: str, lang: str, notice: str = "") -> str:
    """One slide as HTML, `notice` (HTML) in its strip; every text from the data is escaped."""
    if slide.kind == "headline":
        body = _headline(slide)
    elif slide.kind == "board":
        body = _board(slide, lang)
    else:
        body = f'<div class="message">{escape(slide.message)}</div>'
    return (
        f'<section class="deck deck-{slide.kind}" data-testid="slide" '
        f'data-slide="{escape(slide.key)}">{_head(slide, notice)}'
        f'<div class="body">{body}</div>{_foot(position, footer)}</section>'
    )


def _legend(slide: Slide) -> str:
    swatches = "".join(
        f'<span class="swatch"><i style="background:{escape(color)}"></i>{escape(label)}</span>'
        for color, label in slide.legend
    )
    return f'<div class="legend">{swatches}</div>'


def _aside(slide: Slide) -> str:
    """The regions the map has no room to name: swatch, name and share, one a line."""
    if not slide.aside:
        return ""
    rows = []
    for color, text, value in slide.aside:
        swatch = f'<i style="background:{escape(color)}"></i>' if color else ""
        rows.append(
            f'<tr><td>{swatch}</td><td>{escape(text)}</td><td class="num">{escape(value)}</td></tr>'
        )
    return (
        f'<section class="deck-part aside" data-testid="map-aside">'
        f"<h2>{escape(slide.aside_title)}</h2><table>{''.join(rows)}</table></section>"
    )


def _draw_chart(slide: Slide, position: str, footer: str, notice: str) -> None:
    """A map or trend slide: heading as HTML, the chart drawn by Streamlit, then the footer."""
    st.html(
        f'<section class="deck-part" data-testid="slide" data-slide="{escape(slide.key)}">'
        f"{_head(slide, notice)}</section>"
    )
    if isinstance(slide.chart, pdk.Deck):
        # The map as wide as the core placed its names for; the list beside it.
        # Drawn at its design size and scaled to the screen as a whole (_map_css).
        with st.container(key="slide_map"):
            left, right = st.columns([MAP_WIDTH, SLIDE_WIDTH - MAP_WIDTH], gap="small")
            left.pydeck_chart(slide.chart, width=MAP_WIDTH, height=CHART_HEIGHT)
            if aside := _aside(slide):  # st.html refuses an empty body: every name fitted
                right.html(aside)
        st.html(f'<section class="deck-part">{_legend(slide)}</section>')
    else:
        # Slide.chart is an alt.Chart; the core's slide model types it object.
        # As tall as the screen allows (its box is in viewport units), not the spec's pixels.
        with st.container(key="slide_chart"):
            st.altair_chart(slide.chart, theme=None, height="stretch")  # type: ignore[call-overload]
    st.html(f'<section class="deck-part">{_foot(position, footer)}</section>')


def _step(delta: int, count: int) -> None:
    st.session_state[_INDEX] = (st.session_state.get(_INDEX, 0) + delta) % count
    st.session_state[_SHOWN] = time.monotonic()
    st.session_state[_STEPS] = st.session_state.get(_STEPS, 0) + 1


def _notice(lang: str, count: int) -> str:
    """The notice of new data while it is due: one round of the slides or a minute, whichever
    is first. The page hides it on time by itself, between two runs of the slideshow."""
    found = live.notice()
    if found is None:
        return ""
    steps = st.session_state.get(_STEPS, 0)
    seen = st.session_state.get(_NOTICE_FROM)
    if seen is None or seen[0] != found.when:
        seen = (found.when, steps)
        st.session_state[_NOTICE_FROM] = seen
    elapsed = (datetime.now(UTC) - found.when).total_seconds()
    left = notice_left(elapsed, steps - seen[1], count)
    if left <= 0:
        return ""
    return live.notice_html(lang, style=f"animation: notice-off 0s linear {left:.1f}s forwards")


def _held(held: Frozen, live_version: str, lang: str) -> str:
    """The strip of a held screen: the badge, and one small line once newer data is stored."""
    news = ""
    if held.outdated(live_version):
        line = escape(t("present.new_data", lang))
        news = f'<span class="frozen-news" data-testid="frozen-news">{line}</span>'
    return (
        f'<div class="frozen-strip"><span class="frozen-badge" data-testid="frozen-badge">'
        f"{escape(held.badge(lang))}</span>{news}</div>"
    )


def _toggle_pause() -> None:
    st.session_state[_PAUSED] = not st.session_state.get(_PAUSED, False)
    st.session_state[_SHOWN] = time.monotonic()


def _toggle_theme(current: str) -> None:
    st.query_params["theme"] = "light" if current == "dark" else "dark"


def _slideshow(
    slides: list[Slide],
    interval: float,
    footer: str,
    lang: str,
    name: str,
    live_snap: Snapshot,
    held: Frozen | None,
) -> None:
    count = len(slides)
    now = time.monotonic()
    index = st.session_state.get(_INDEX, 0) % count
    shown = st.session_state.setdefault(_SHOWN, now)
    paused = st.session_state.get(_PAUSED, False)
    if not paused and due(now - shown, interval):
        index = (index + 1) % count
        st.session_state[_SHOWN] = now
        st.session_state[_STEPS] = st.session_state.get(_STEPS, 0) + 1
    st.session_state[_INDEX] = index
    position = f"{index + 1}/{count}" + (f" · {t('present.paused', lang)}" if paused else "")
    slide = slides[index]
    # A held screen shows no news of figures, only that there is newer data.
    notice = _held(held, live_snap.version, lang) if held else _notice(lang, count)
    if slide.chart is not None:
        _draw_chart(slide, position, footer, notice)
    else:
        st.html(render(slide, position, footer, lang, notice))
    cols = st.columns([2, 2, 2, 2, 3, 3])
    cols[0].button(t("present.prev", lang), key="slide_prev", on_click=_step, args=(-1, count))
    cols[1].button(
        t("present.play", lang) if paused else t("present.pause", lang),
        key="slide_pause",
        on_click=_toggle_pause,
    )
    cols[2].button(t("present.next", lang), key="slide_next", on_click=_step, args=(1, count))
    other = "present.light" if name == "dark" else "present.dark"
    if cols[3].button(t(other, lang), key="slide_theme", on_click=_toggle_theme, args=(name,)):
        st.rerun(scope="app")  # the theme's style sheet is drawn outside the fragment
    if held:
        clicked = cols[4].button(t("present.resume", lang), key="slide_resume", on_click=_resume)
    else:
        label = t("present.freeze", lang)
        clicked = cols[4].button(label, key="slide_freeze", on_click=_freeze, args=(live_snap,))
    if clicked:
        st.rerun(scope="app")  # the deck and its footer are made outside the fragment
    current = order()
    other = "present.order_short" if current == FULL else "present.order_full"
    if cols[5].button(t(other, lang), key="slide_order", on_click=_toggle_order, args=(current,)):
        st.rerun(scope="app")  # the deck is made outside the fragment


def show(
    slides: list[Slide],
    interval: float,
    footer: str,
    lang: str,
    name: str,
    live_snap: Snapshot,
    held: Frozen | None = None,
) -> None:
    """The slideshow: a fragment that reruns every `interval` seconds and advances when due.

    `live_snap` is the store now (what the freeze button holds); `held` what the screen holds.
    """
    slideshow = st.fragment(run_every=interval)(_slideshow)
    slideshow(slides, interval, footer, lang, name, live_snap, held)


def download(
    snap: Snapshot, settings: Settings, shapes: list[Shape], lang: str, day: date | None
) -> None:
    """The popover "Unduh bahan rapat": a chosen day's slides as PPTX or PDF, made on a click."""
    # Imported here: python-pptx and the deck's drawing cost every other page's cold start.
    from census_core.presentation.deck_file import FORMATS, MIME, file_name, meeting_file

    dates = snap.dates()
    if not dates:
        return
    shown = day if day is not None and day in dates else dates[-1]
    with st.popover(t("present.download", lang)):
        chosen = st.date_input(
            t("present.download_day", lang),
            value=shown,
            min_value=dates[0],
            max_value=dates[-1],
            format="DD/MM/YYYY",
            key="deck_day",
        )
        picked = chosen or shown
        st.caption(t("present.download_help", lang))
        labels = {"pptx": t("present.download_pptx", lang), "pdf": t("present.download_pdf", lang)}
        for fmt in FORMATS:
            st.download_button(
                labels[fmt],
                # Made on the click (a separate thread), never on the page's live reruns.
                data=functools.partial(
                    meeting_file, snap, settings, picked, fmt, lang, shapes, order()
                ),
                file_name=file_name(picked, fmt, lang),
                mime=MIME[fmt],
                key=f"deck_{fmt}",
                on_click="ignore",
            )

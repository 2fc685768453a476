"""The same region on the same day shows the same figure on every page, slide, export and CLI.

Random sequences of real uploads (CSV files of kabupaten/kota, kecamatan and desa counts, on
different days, with undos) go into a real store. The test keeps its own ledger of what each
upload said and works out each figure by the rule in plain Python (a region's own count of the
day stands; otherwise the fresher of its own last count and its children's sum, children
carried forward). Then the home headline, the province board, the kecamatan board, the
kecamatan page, the meeting screen's headline, the meeting deck's file (headline and kecamatan
board), the map's tooltip, the trend's last point, the CSV export and `rank --json` must all
give that figure.
"""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from census_core import cli
from census_core.charts import maps
from census_core.display import export
from census_core.display.views import home_view, kecamatan_view
from census_core.geo.geo import Shape
from census_core.ingest.model import Options
from census_core.ingest.service import check_upload
from census_core.presentation import deck
from census_core.presentation.deck_layout import Table, layout
from census_core.presentation.sequence import FULL
from census_core.regions import short_name
from census_core.services import commit_upload
from census_core.settings import Settings
from census_core.standings import trend
from census_core.standings.snapshot import Snapshot, load_snapshot
from census_core.store import Store
from census_core.text import fmt_int
from tests.geofixtures import square

HOME = "35.09"
KABUPATEN = ["35.09", "35.16", "35.76", "35.07"]  # Jember, Kab. and Kota Mojokerto, Malang
KECAMATAN = ["35.09.19", "35.09.20", "35.09.25", "35.09.21"]  # Kaliwates, Patrang, Jelbuk, ...
DAYS = [date(2020, 3, 2) + timedelta(days=i) for i in range(5)]
SETTINGS = Settings()


@dataclass
class Ledger:
    """What the uploads said, kept apart from the store: (region, day) -> value per batch."""

    batches: list[tuple[int, dict[tuple[str, date], int]]] = field(default_factory=list)
    undone: set[int] = field(default_factory=set)

    def current(self) -> dict[tuple[str, date], int]:
        out: dict[tuple[str, date], int] = {}
        for batch, values in self.batches:
            if batch not in self.undone:
                out.update(values)
        return out

    def figure(self, code: str, day: date) -> tuple[int, date, bool] | None:
        """(value, date, derived) of `code` on `day` by the rule, or None without any count."""
        now = self.current()
        own = [(d, v) for (r, d), v in now.items() if r == code and d <= day]
        mine = max(own) if own else None
        depth = code.count(".")
        children = {r for (r, _d) in now if r.count(".") == depth + 1 and r.startswith(code + ".")}
        # A parent with no count of its own may still have grandchildren only.
        children |= {
            ".".join(r.split(".")[: depth + 2])
            for (r, _d) in now
            if r.count(".") > depth + 1 and r.startswith(code + ".")
        }
        parts = [f for f in (self.figure(c, day) for c in sorted(children)) if f is not None]
        if parts:
            kids = (sum(p[0] for p in parts), max(p[1] for p in parts))
            if mine is None or kids[1] > mine[0]:
                return kids[0], kids[1], True
        if mine is None:
            return None
        return mine[1], mine[0], False


def _desa_of(regions) -> list[str]:
    return [d for k in KECAMATAN[:2] for d in regions.children(k)[:2]]


def _csv(level: str, rows: dict[str, int], regions) -> bytes:
    """A real office's file: code, name and KK; the day goes in through the file name."""
    head = {"kabupaten": "Kode Kab/Kota", "kecamatan": "Kode Kecamatan", "desa": "Kode Desa"}
    lines = [f"{head[level]},Nama,Jumlah KK"]
    lines += [f"{code},{regions.name(code)},{value}" for code, value in rows.items()]
    return ("\n".join(lines) + "\n").encode()


def _upload(
    store: Store, snap: Snapshot, level: str, day: date, rows: dict[str, int]
) -> int | None:
    regions = store.regions
    name = f"{level}_{day.isoformat()}.csv"
    options = Options(home=HOME, date=day, level=level)
    checked = check_upload(_csv(level, rows, regions), name, "counts", snap, SETTINGS, options)
    assert checked.upload.ok, [p.reason for p in checked.upload.problems]
    return commit_upload(checked.upload, store, "uji").batch


def _rank_json(url: str, level: str, within: str, day: date) -> dict[str, dict]:
    out = io.StringIO()
    args = ["rank", "--db", url, "--level", level, "--within", within, "--json"]
    with redirect_stdout(out):
        assert cli.main([*args, "--date", day.isoformat()]) == 0
    return {row["code"]: row for row in json.loads(out.getvalue())["rows"]}


def _shown(value: int | None) -> str:
    return fmt_int(value, "id") if value is not None else "-"


def figures_on_every_page(store: Store, snap: Snapshot, url: str, day: date) -> dict:
    """code -> {place: figure} from every place that shows one."""
    seen: dict[str, dict[str, object]] = {}

    def put(code: str, place: str, value: object) -> None:
        seen.setdefault(code, {})[place] = None if pd.isna(value) else int(value)  # type: ignore[arg-type]

    home = home_view(snap, SETTINGS, day)
    if home.headline is not None:
        put(HOME, "home headline", home.headline.count)
    province, kecamatan = home.boards
    for board, codes in ((province, [HOME]), (kecamatan, KECAMATAN)):
        full = board.full.set_index("code")
        for code in codes:
            put(code, f"{board.level} board", full.loc[code, "count"])
        rows = export.export_frame(board.full, lang="en").set_index("Code")
        for code in codes:
            put(code, f"{board.level} export", rows.loc[code, "Count (households)"])
    for code in KECAMATAN:
        page = kecamatan_view(snap, SETTINGS, day, code)
        put(code, "kecamatan page", None if page.headline is None else page.headline.count)
    counts = snap.counts_of("households")
    for code in [HOME, *KECAMATAN]:
        line = trend.series(counts, snap.regions, code)
        line = line[line["date"] <= pd.Timestamp(day)]
        put(code, "trend", line["value"].iloc[-1] if len(line) else None)
    for level, within, codes in (("kabupaten", "35", [HOME]), ("kecamatan", HOME, KECAMATAN)):
        rows = _rank_json(url, level, within, day)
        for code in codes:
            put(code, "rank --json", rows[code]["count"])
            # The figure's own date and whether it is a sum travel with it.
            seen[code]["rank --json date"] = (rows[code]["date"], rows[code]["derived"])
    # The map's tooltip and the meeting screen's headline write the figure as text.
    shapes = [
        Shape(c, "kecamatan", snap.regions.name(c), square(113 + i, -8))
        for i, c in enumerate(KECAMATAN)
    ]
    layer = maps.choropleth(kecamatan.full, shapes).layers[0]
    tips = {f["properties"]["code"]: f["properties"]["tooltip"] for f in layer.data["features"]}
    for code in KECAMATAN:
        # "4.040 KK", "4.040* KK" (carried forward) or "Belum ada data"
        first = tips[code].splitlines()[1].split(" ")[0].rstrip("*")
        seen[code]["map"] = first if first[:1].isdigit() else "-"
    if snap.latest_date() == day:
        slide = deck(snap, SETTINGS)[0]
        hero = slide.figures[0].value.rstrip("*") if slide.figures else "-"
        seen[HOME]["presentasi headline"] = hero
    _deck_file_figures(snap, day, seen)
    return seen


def _deck_file_figures(snap: Snapshot, day: date, seen: dict) -> None:
    """The meeting deck to take away (PPTX and PDF are drawn from these parts), on any day."""
    slides = deck(snap, SETTINGS, theme="light", day=day, order=FULL)  # every board row
    parts = layout(slides[0], "1", "", "id", None)
    # Title, subtitle, then the hero figure; a day with no figure has only its message.
    hero = parts[2].text.rstrip("*") if slides[0].figures else "-"  # type: ignore[union-attr]
    seen[HOME]["deck file headline"] = hero
    names = {short_name(snap.regions.name(code)): code for code in KECAMATAN}
    for slide in slides:
        if not slide.key.startswith("kecamatan-"):
            continue
        [table] = [p for p in layout(slide, "", "", "id", None) if isinstance(p, Table)]
        for cells in table.rows:
            name = re.sub(r"^▶ ", "", cells[1][0].text)
            if name in names:
                count = "".join(run.text for run in cells[2]).rstrip("*")
                seen[names[name]]["deck file board"] = count if count[:1].isdigit() else "-"
    assert all("deck file board" in seen[code] for code in KECAMATAN)


def _agree(ledger: Ledger, seen: dict, day: date) -> None:
    for code, places in seen.items():
        want = ledger.figure(code, day)
        value = None if want is None else want[0]
        dated = places.pop("rank --json date")
        assert dated == ((want[1].isoformat(), want[2]) if want else (None, False)), (code, day)
        for place, got in places.items():
            expected = _shown(value) if isinstance(got, str) else value
            assert got == expected, f"{code} on {day} at {place}: {got} != {expected}"


def UP(level: str, day: int, values: list[int]) -> tuple:
    return ("upload", level, DAYS[day], values, [True] * 4)


LEVEL_CODES = {"kabupaten": KABUPATEN, "kecamatan": KECAMATAN}

step = st.one_of(
    st.tuples(
        st.just("upload"),
        st.sampled_from(["kabupaten", "kecamatan", "desa"]),
        st.sampled_from(DAYS),
        st.lists(st.integers(0, 5000), min_size=4, max_size=4),
        st.lists(st.booleans(), min_size=4, max_size=4),
    ),
    st.tuples(st.just("undo"), st.integers(0, 10)),
)


# No shrinking: each example runs every page on a real store, and a failure names its steps.
@settings(
    max_examples=40,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(step, min_size=2, max_size=6))
# The story of the meeting: the regency's own count, then a kecamatan file of the next day.
@example(steps=[UP("kabupaten", 0, [900, 50, 60, 70]), UP("kecamatan", 1, [300, 10, 5, 0])])
# ... then that kecamatan file undone; and desa reported after their kecamatan.
@example(
    steps=[
        UP("kabupaten", 0, [900, 50, 60, 70]),
        UP("kecamatan", 1, [300, 10, 5, 0]),
        UP("desa", 2, [40, 30, 20, 10]),
        ("undo", 1),
    ]
)
# The regency's own count fresher than its kecamatan's.
@example(steps=[UP("kecamatan", 0, [300, 10, 5, 0]), UP("kabupaten", 3, [900, 50, 60, 70])])
def test_every_page_shows_the_rules_figure(fresh_url, regions, steps):
    store = Store(fresh_url, regions)
    store.clear()
    ledger = Ledger()
    snap = load_snapshot(store)
    for action in steps:
        if action[0] == "upload":
            _, level, day, values, keep = action
            codes = LEVEL_CODES.get(level) or _desa_of(regions)
            rows = {c: v for c, v, k in zip(codes, values, keep, strict=True) if k}
            if not rows:
                continue
            said = {(c, day): v for c, v in rows.items()}
            batch = _upload(store, snap, level, day, rows)
            now = ledger.current()
            if batch is None:  # nothing changed: no batch
                assert all(now.get(k) == v for k, v in said.items())
            else:
                ledger.batches.append((batch, said))
        else:
            live = [b for b, _ in ledger.batches if b not in ledger.undone]
            if live:
                batch = live[action[1] % len(live)]
                store.undo(batch, "uji")
                ledger.undone.add(batch)
        snap = load_snapshot(store, snap)  # as a running replica takes in each change
    latest = snap.latest_date()
    if latest is None:
        return
    for day in sorted({latest, DAYS[2]}):
        _agree(ledger, figures_on_every_page(store, snap, fresh_url, day), day)
        _paces_agree(ledger, snap, fresh_url, day)


def _paces_agree(ledger: Ledger, snap: Snapshot, url: str, day: date) -> None:
    """The 7-day pace of every kecamatan, worked out from the ledger by the rule in words (from
    its figure 7 days ago; without one, from its figure on the first day with data inside the
    week; none without a figure before today's), is the board's, the CLI's and the kecamatan
    page's."""
    now = ledger.current()
    if not now:
        return
    dates = sorted({d for _r, d in now})
    inside = [d for d in dates if day - timedelta(days=7) < d < day]
    kecamatan_board = home_view(snap, SETTINGS, day).boards[1].full.set_index("code")
    rows = _rank_json(url, "kecamatan", HOME, day)
    for code in KECAMATAN:
        figure = ledger.figure(code, day)
        start, span = ledger.figure(code, day - timedelta(days=7)), 7
        if start is None and inside:
            start, span = ledger.figure(code, inside[0]), (day - inside[0]).days
        want = None
        if figure is not None and start is not None:
            want = round((figure[0] - start[0]) / span, 1)
        got = kecamatan_board.loc[code, "pace_7d"]
        assert (None if pd.isna(got) else float(got)) == want, (code, day, "board")
        assert rows[code]["pace_7d"] == want, (code, day, "rank --json")
        page = kecamatan_view(snap, SETTINGS, day, code).headline
        if page is not None and want is not None:
            shown = round(float(kecamatan_board.loc[code, "pace_7d"]))
            assert page.recent_pace == shown, (code, day, "kecamatan page")

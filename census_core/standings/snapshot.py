"""Everything a page or a command reads from the store at one version, and boards over it."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

import numpy as np
import pandas as pd

from census_core.regions import LEVELS, Regions
from census_core.settings import Settings
from census_core.standings import countindex, pace, progress
from census_core.standings.countindex import index_of, measure_rows
from census_core.standings.countmerge import merge_indexed
from census_core.standings.kept import Kept
from census_core.store import Store
from census_core.store.columns import latest_counts, measure_names, merge_latest
from census_core.store.counts_file import (
    IndexPart,
    load_counts_fingerprint,
    load_counts_indexed,
    save_counts,
)

# Enough for every board of a regency's pages (its kecamatan and their desa, two days, two
# measures, two orders) without holding a national snapshot's worth of frames.
BOARDS_KEPT = 512
# Page views (a kecamatan's page, its chart, a figure's origin) per language, day and measure:
# every kecamatan of a regency a few times over.
VIEWS_KEPT = 512
# A line is grown from a kept one by at most this many days (each costs the day's figures).
SERIES_TAIL = 3


_V = TypeVar("_V")

# What Snapshot._cached keeps that is made from the targets alone (see keep_from).
_TARGET_MEMOS = frozenset(
    {"targets", "target_by_region", "fallback_sources", "target_sources", "target_shares"}
)


@dataclass(frozen=True)
class Snapshot:
    """The store's current counts, targets, events and batches as of one version."""

    version: str
    counts: pd.DataFrame
    targets: pd.DataFrame
    events: pd.DataFrame
    batches: pd.DataFrame
    regions: Regions = field(repr=False)
    # Per-measure frames and dates, computed once: a snapshot is shared by every rerun of every
    # session until the store changes, and a national store holds millions of counts.
    _memo: dict[tuple[str, str], object] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # Boards drawn at this version, shared by every session: a burst of readers opening the
    # kecamatan page ranks the regency's kecamatan once, not once per reader (newest last).
    _boards: OrderedDict[tuple[object, ...], pd.DataFrame] = field(
        default_factory=OrderedDict, init=False, repr=False, compare=False
    )
    _boards_lock: threading.Lock = field(
        default_factory=threading.Lock, init=False, repr=False, compare=False
    )

    # Views made from this snapshot for the pages (see view()); they go when the snapshot goes.
    _views: Kept = field(
        default_factory=lambda: Kept(VIEWS_KEPT), init=False, repr=False, compare=False
    )

    def view(self, key: tuple[object, ...], make: Callable[[], _V]) -> _V:
        """`make()`, once per key at this version, shared by every session and thread (one
        makes it, others asking meanwhile wait for it). The value is shared: do not change it."""
        return self._views.get(key, make)

    def _cached(self, key: tuple[str, str], make: Callable[[], object]) -> object:
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def counts_of(self, measure: str) -> pd.DataFrame:
        frame = self._cached(("counts", measure), lambda: measure_rows(self.counts, measure))
        # A shallow copy: callers may add or drop columns without touching the shared frame.
        return frame.copy(deep=False)  # type: ignore[attr-defined, no-any-return]

    def targets_of(self, measure: str, source: str | None) -> pd.DataFrame:
        """One measure's targets from one source (None: no targets)."""

        def make() -> pd.DataFrame:
            rows = measure_rows(self.targets, measure)
            if "source" not in rows.columns:  # a frame made by hand, before sources
                return rows if source == "" else rows.iloc[0:0]
            named = rows["source"].astype(str)
            own = rows[named == source]
            if not source:
                return own
            # A region the chosen source does not cover (the regency's own target names only
            # its own regions) is measured as before sources: CENSUS_TARGET_PCT of its whole
            # base, from a source that gives the whole base (share 1), and says so per row.
            whole = rows[(named != source) & (rows["share"].astype("float64") == 1.0)]
            rest = whole[~whole["region"].isin(own["region"])].drop_duplicates("region")
            if rest.empty:
                return own
            return pd.concat([own, rest.assign(share=float("nan"))], ignore_index=True)

        frame = self._cached(("targets", f"{measure}|{source}"), make)
        return frame.copy(deep=False)  # type: ignore[attr-defined, no-any-return]

    def target_shares(self, measure: str, source: str | None) -> dict[str, float]:
        """Region -> the share of its base its target is (its first row of `targets_of`), made
        once per snapshot: every kecamatan page asks for its own among 90,000 targets."""

        def make() -> dict[str, float]:
            rows = self.targets_of(measure, source)
            if rows.empty or "share" not in rows.columns:
                return {}
            first = rows.drop_duplicates("region")
            return dict(
                zip(first["region"].astype(str), first["share"].astype("float64"), strict=True)
            )

        return self._cached(("target_shares", f"{measure}|{source}"), make)  # type: ignore[return-value]

    def chosen_targets(self, settings: Settings) -> pd.DataFrame:
        """Every measure's targets from the source shares are measured against."""
        source = self.target_source(settings)
        if "source" not in self.targets.columns:
            return self.targets if source == "" else self.targets.iloc[0:0]
        return self.targets[self.targets["source"].astype(str) == source]

    def target_sources(self) -> list[str]:
        """The names of the stored target sources, in name order ("" the unnamed one)."""

        def make() -> list[str]:
            if self.targets.empty:
                return []
            if "source" not in self.targets.columns:
                return [""]
            return sorted(self.targets["source"].astype(str).unique(), key=str.lower)

        # Once per snapshot: every board asks, and a national store has 90,000 targets a source.
        return list(self._cached(("target_sources", ""), make))  # type: ignore[call-overload]

    def target_source(self, settings: Settings) -> str | None:
        """The source shares are measured against (pick_source over the stored ones)."""
        return pick_source(self.target_sources(), settings.target_source)

    def target_by_region(self, measure: str, default_share: float, source: str | None) -> pd.Series:
        """progress.targets_of the snapshot's targets of `measure` from `source`, made once per
        share and source."""
        made = self._cached(
            ("target_by_region", f"{measure}|{default_share!r}|{source}"),
            lambda: progress.targets_of(self.targets_of(measure, source), default_share),
        )
        return made.copy()  # type: ignore[attr-defined, no-any-return]

    def series(self, code: str, days: pd.DatetimeIndex, measure: str) -> pd.DataFrame:
        """progress.figure_series of one region over `days`, drawn once per version and inputs
        like a board: every kecamatan page draws its regency's line, the same for all."""
        last = days[-1].date() if len(days) else date.min
        found = self._drawn(
            ("series", last, code, tuple(days.asi8), measure),
            lambda: self._draw_series(code, days, measure),
        )
        return found.copy()

    def _draw_series(self, code: str, days: pd.DatetimeIndex, measure: str) -> pd.DataFrame:
        """A line grown by a day or two since one this snapshot keeps (the previous version's,
        kept by keep_from) is that line and the new days' figures (progress.series_tail, from
        the figures the new day's boards drew); any other is drawn whole."""
        depth = code.count(".")
        known = self._kept_start(code, days, measure)
        counts = self.counts_of(measure)
        if known is None or depth + 1 >= len(LEVELS) or len(days) - len(known) > SERIES_TAIL:
            return progress.figure_series(counts, code, days)
        level = LEVELS[depth + 1]
        tail = progress.series_tail(
            counts, code, days[len(known) :], lambda day: self.figures(level, code, day, measure)
        )
        return pd.concat([known, tail])

    def _kept_start(self, code: str, days: pd.DatetimeIndex, measure: str) -> pd.DataFrame | None:
        """The longest line of `code` kept here whose days begin `days` (None: none)."""
        wanted = tuple(days.asi8)
        with self._boards_lock:
            lines = [
                (key[3], frame)
                for key, frame in self._boards.items()
                if key[0] == "series" and key[2] == code and key[4] == measure
            ]
        best = None
        for stamps, frame in lines:
            n = len(stamps)  # type: ignore[arg-type]
            if 0 < n < len(wanted) and wanted[:n] == stamps and (best is None or n > len(best)):
                best = frame
        return best

    def figures(self, level: str, within: str | None, day: date, measure: str) -> pd.DataFrame:
        """progress.effective_figures of this snapshot's counts, once per version and inputs:
        a board reads two days and its pace two more, and the boards of the days around
        share them. Shared: read it only."""
        return self._drawn(
            ("figures", day, level, within, measure),
            lambda: progress.effective_figures(
                self.counts_of(measure), day, level=level, within=within
            ),
        )

    def _drawn(self, key: tuple[object, ...], make: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """`make()` once per key at this version (the last BOARDS_KEPT kept). A key's second
        item is the last day its frame reads (see keep_from)."""
        with self._boards_lock:
            found = self._boards.get(key)
            if found is not None:
                self._boards.move_to_end(key)
        if found is None:
            found = make()
            with self._boards_lock:
                self._boards[key] = found
                while len(self._boards) > BOARDS_KEPT:
                    self._boards.popitem(last=False)
        return found

    def keep_from(self, older: Snapshot, since: date | None) -> None:
        """Take over what `older` made that the counts added since cannot change, when only
        counts were added (the targets are the same frame): the targets' forms, and every
        board, figure and line of a day before `since`, the first day of the added counts
        (None: no count was added). A figure on a day reads only counts up to that day, so a
        day's upload leaves the earlier days' boards as they were: the page after it draws the
        new day's alone."""
        if older.targets is not self.targets or older.regions is not self.regions:
            return
        memo = dict(older._memo)  # one C call: safe while another thread adds to it
        for name, value in memo.items():
            if name[0] in _TARGET_MEMOS:
                self._memo.setdefault(name, value)
        with older._boards_lock:
            drawn = list(older._boards.items())
        cut = None if since is None else pd.Timestamp(since)
        with self._boards_lock:
            for key, frame in drawn:
                if cut is None or pd.Timestamp(key[1]) < cut:  # type: ignore[arg-type]
                    self._boards.setdefault(key, frame)

    def latest_date(self, measure: str = "households") -> date | None:
        days = self.dates(measure)
        return days[-1] if days else None

    def dates(self, measure: str = "households") -> list[date]:
        def make() -> list[date]:
            # Distinct dates first: a national store has millions of rows but ~100 dates, which
            # the frame's index (needed by every board anyway) already holds.
            frame = self.counts_of(measure)
            index = index_of(frame)
            stamps = index.days if index is not None else frame["date"].unique()
            days = pd.to_datetime(pd.Series(stamps))
            return sorted(days.dt.date.unique())

        return list(self._cached(("dates", measure), make))  # type: ignore[call-overload]

    def has_counts(self, level: str, within: str, measure: str) -> bool:
        """True when some region of `level` inside `within` has a count of `measure`."""

        def make() -> bool:
            reported = pd.Series(self.counts_of(measure)["region"].unique(), dtype=str)
            depth = LEVELS.index(level)
            inside = reported.str.startswith(within + ".") & (reported.str.count(r"\.") == depth)
            return bool(inside.any())

        return bool(self._cached(("has", f"{level}|{within}|{measure}"), make))

    @property
    def simulated(self) -> bool:
        """True while every active batch is the generated demo."""
        active = self.batches[~self.batches["undone"].astype(bool)] if len(self.batches) else None
        return active is not None and len(active) > 0 and bool((active["kind"] == "demo").all())

    def last_upload(self) -> dict[str, object] | None:
        """The newest batch that still counts: when, by whom, which file."""
        if self.batches.empty:
            return None
        active = self.batches[~self.batches["undone"].astype(bool)]
        return None if active.empty else active.iloc[0].to_dict()

    def board(
        self,
        level: str,
        within: str | None,
        day: date,
        settings: Settings,
        *,
        measure: str = "households",
        by: str = "count",
        with_pace: bool = True,
    ) -> pd.DataFrame:
        """The standings of `level` under `within` on `day` (see progress.standings), with each
        row's status against the pace needed (see pace.add_pace) unless `with_pace` is False.

        Drawn once per version and inputs (the last BOARDS_KEPT kept); each caller gets its own
        copy, so changing it changes no other page's board.
        """
        source = self.target_source(settings)
        key = (
            "board",
            day,
            level,
            within,
            measure,
            by,
            settings.target_share,
            settings.deadline,
            source,
            with_pace,
            settings.pace_push,
            settings.pace_behind,
        )
        board = self._drawn(
            key,
            lambda: self._draw_board(level, within, day, settings, measure, by, source, with_pace),
        )
        return board.copy()

    def _draw_board(
        self,
        level: str,
        within: str | None,
        day: date,
        settings: Settings,
        measure: str,
        by: str,
        source: str | None,
        with_pace: bool,
    ) -> pd.DataFrame:
        board = progress.standings(
            self.counts_of(measure),
            self.regions,
            level,
            within,
            day,
            targets=self.targets_of(measure, source),
            by=by,
            default_share=settings.target_share,
            deadline=settings.deadline,
            target_source=source,
            target_by_region=self.target_by_region(measure, settings.target_share, source),
            fallback_by_region=self._cached(
                ("fallback_sources", f"{measure}|{source}"),
                lambda: progress.fallback_sources(self.targets_of(measure, source), source),
            ),
            figures_on=lambda when: self.figures(level, within, when, measure),
        )
        if not with_pace:
            return board

        def values(when: date) -> pd.Series:
            return self.figures(level, within, when, measure)["value"].astype("float64")

        before = values(day - timedelta(days=pace.WINDOW))
        first_day = pace.first_day_within(self.dates(measure), day)
        first = None if first_day is None else values(first_day)
        return pace.add_pace(
            board,
            before,
            day,
            settings.deadline,
            first=first,
            first_days=0 if first_day is None else (day - first_day).days,
            push=settings.pace_push,
            behind=settings.pace_behind,
        )

    def with_counts(self, records: pd.DataFrame) -> Snapshot:
        """A copy of this snapshot with `records` (region, date, measure, value) in place, as
        one more batch would put them: what the pages would read after storing a file."""
        if records.empty:
            return self
        batch = int(self.batches["id"].max()) + 1 if len(self.batches) else 1
        days = pd.to_datetime(records["date"]).dt.strftime("%Y-%m-%d")
        rows = zip(
            records["region"].astype(str),
            days,
            records["measure"].astype(str),
            records["value"].astype("int64"),
            [batch] * len(records),
            strict=True,
        )
        return Snapshot(
            version=f"{self.version}+pending",
            counts=merge_latest(self.counts, latest_counts([list(rows)])),
            targets=self.targets,
            events=self.events,
            batches=self.batches,
            regions=self.regions,
        )


def pick_source(available: list[str], wanted: str | None) -> str | None:
    """`wanted` when it is stored; else the unnamed target (""), else the first by name; None
    when the store holds no target at all."""
    if wanted is not None and wanted in available:
        return wanted
    if "" in available:
        return ""
    return available[0] if available else None


def load_snapshot(store: Store, previous: Snapshot | None = None) -> Snapshot:
    """Read the store once; the version is read first so a concurrent write only makes it newer.

    With `previous` (an older snapshot of the same store), counts are read only for the batches
    added since, when nothing else changed (no undo, no clear): at national scale that is one
    upload's rows instead of millions.
    """
    version = store.version()
    # Batches before counts: counts may then hold a batch the list lacks, never the reverse,
    # and taking a batch in twice changes nothing.
    batches = store.batches()
    counts = None
    targets = None
    since: date | None = None
    if previous is not None:
        added = added_batches(previous.batches, batches)
        if added is not None:
            fresh = store.current_counts(batches=added)
            counts = merge_indexed(previous.counts, fresh)
            since = None if fresh.empty else pd.Timestamp(fresh["date"].min()).date()
            # A day's counts leave the targets as they were: not read again (about 0.5 s at
            # national scale).
            if not store.has_targets(added):
                targets = previous.targets
    elif (path := store.counts_file) is not None:
        # A fresh process: the columnar copy another process left, if made from these batches.
        found = load_counts_indexed(path, batches_fingerprint(batches))
        if found is not None:
            counts = found[0]
            for part in found[1]:
                countindex.restore(counts, part)
    if counts is None:
        counts = store.current_counts()
    snap = Snapshot(
        version=version,
        counts=counts,
        targets=store.current_targets() if targets is None else targets,
        events=store.events(),
        batches=batches,
        regions=store.regions,
    )
    if previous is not None and targets is not None:
        snap.keep_from(previous, since)
    return snap


def save_counts_copy(store: Store, snap: Snapshot) -> bool:
    """Keep a columnar copy of the snapshot's counts beside the store, for the next process to
    start from (store/counts_file.py); False when the store has no place for one or the copy
    is already of these batches."""
    path = store.counts_file
    if path is None:
        return False
    fingerprint = batches_fingerprint(snap.batches)
    index = _index_parts(snap.counts)
    # A copy of these batches is made again only to add the index (a copy made before there
    # was one, or without one).
    if path.exists() and load_counts_fingerprint(path, indexed=bool(index)) == fingerprint:
        return False
    save_counts(path, fingerprint, snap.counts, index)
    return True


def _index_parts(counts: pd.DataFrame) -> list[IndexPart]:
    """Each measure's index, to keep with the counts' copy (empty when a measure's rows are
    not one run in their index's order, as a frame made by hand may be)."""
    parts = []
    for name in measure_names(counts["measure"]):
        rows = np.flatnonzero((counts["measure"] == name).to_numpy())
        if not len(rows) or rows[-1] - rows[0] + 1 != len(rows):
            return []
        start, stop = int(rows[0]), int(rows[-1]) + 1
        index = index_of(counts.iloc[start:stop])
        if index is None or index.positions is not None or len(index.keys) != stop - start:
            return []
        parts.append(
            IndexPart(
                measure=name,
                start=start,
                stop=stop,
                stride=index.stride,
                codes=[str(code) for code in index.codes],
                days=index.days,
                keys=index.keys,
            )
        )
    return sorted(parts, key=lambda part: part.start)


def batches_fingerprint(batches: pd.DataFrame) -> str:
    """Names a list of batches by each one's id, state, file digest and time: two stores (or one
    store at two moments) with the same fingerprint have the same current counts."""
    states = sorted(_batch_states(batches).items()) if len(batches) else []
    return hashlib.sha256(repr(states).encode()).hexdigest()


def added_batches(before: pd.DataFrame, after: pd.DataFrame) -> list[int] | None:
    """Ids of the batches added between two batch lists, when adding is all that happened;
    None when a batch was undone, restored or removed (the counts must be read again)."""
    if before.empty or after.empty:
        return None
    # A batch is known by its id, file digest and time: ids restart after the store is cleared.
    old, now = _batch_states(before), _batch_states(after)
    if any(now.get(batch) != state for batch, state in old.items()):
        return None
    added = {batch: state for batch, state in now.items() if batch not in old}
    if any(undone for undone, _, _ in added.values()):
        return None
    return sorted(added)


def _batch_states(batches: pd.DataFrame) -> dict[int, tuple[bool, str, str]]:
    return {
        int(rec.id): (bool(rec.undone), str(rec.sha256), str(rec.created_at))
        for rec in batches[["id", "undone", "sha256", "created_at"]].itertuples(index=False)
    }

"""What changed since a page last refreshed, as a notice in plain words.

"Data baru (6 Maret 07.12 WIB): Kaliwates naik 112 menjadi 4.152, naik ke peringkat 1";
"Batch 3 dibatalkan (6 Maret 07.20 WIB): Kalisat kembali ke 1.017". A fall is never said as
a rise: a count that falls while its place number improves only states the place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

from census_core.display.freshness import upload_time
from census_core.regions import province_of, short_name
from census_core.settings import Settings
from census_core.standings.snapshot import Snapshot
from census_core.text import fmt_int, t

# A board as a page remembers it between refreshes: small, and enough to say what moved.
WATCH_COLUMNS = ["code", "name", "count", "rank"]
LIMIT = 4


@dataclass(frozen=True)
class Change:
    """One region whose count or rank differs between two refreshes of the same board."""

    code: str
    name: str
    delta: int
    count: int | None
    rank_before: int | None
    rank_after: int | None

    @property
    def moved(self) -> int:
        """Places gained (positive) or lost (negative); 0 when unranked before or after."""
        if self.rank_before is None or self.rank_after is None:
            return 0
        return self.rank_before - self.rank_after


def _opt(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)  # type: ignore[call-overload]


def watched_boards(
    snap: Snapshot, settings: Settings, measure: str = "households"
) -> list[pd.DataFrame]:
    """The boards a live page watches, on the latest day: the province's and the home regency's."""
    day = snap.latest_date(measure)
    if day is None:
        return []
    province = province_of(settings.home)
    boards = []
    for level, within in (("kabupaten", province), ("kecamatan", settings.home)):
        board = snap.board(level, within, day, settings, measure=measure)
        boards.append(board[WATCH_COLUMNS].copy())
    return boards


def board_changes(before: pd.DataFrame, after: pd.DataFrame) -> list[Change]:
    """Every region of `after` whose count or rank is not what it was in `before`."""
    old = {row["code"]: row for row in before.to_dict("records")}
    out = []
    for row in after.to_dict("records"):
        count, rank = _opt(row["count"]), _opt(row["rank"])
        was = old.get(row["code"], {})
        count_before, rank_before = _opt(was.get("count")), _opt(was.get("rank"))
        if count == count_before and rank == rank_before:
            continue
        out.append(
            Change(
                code=str(row["code"]),
                name=str(row["name"]),
                delta=(count or 0) - (count_before or 0),
                count=count,
                rank_before=rank_before,
                rank_after=rank,
            )
        )
    return out


def changes_between(
    before: list[pd.DataFrame], after: list[pd.DataFrame], home: str | None = None
) -> list[Change]:
    """The changes of every watched board, most telling first.

    The home region leads; then regions that gained their way into a better place (by the
    place they reached), then the other counts that changed by the size of their change, and
    last the regions whose place moved only because others' counts did (after an undo, the
    regions it put back come before those).
    """
    found: list[Change] = []
    for old, new in zip(before, after, strict=False):
        found.extend(board_changes(old, new))

    def order(change: Change) -> tuple[int, int, int]:
        if change.code == home:
            return (0, 0, 0)
        if not change.delta:
            return (3, change.rank_after or 0, 0)
        if change.moved > 0 and change.delta > 0:
            return (1, change.rank_after or 0, 0)
        return (2, 0, -abs(change.delta))

    return sorted(found, key=order)


def _count_part(change: Change, lang: str, undo: bool) -> str:
    """What happened to the count: 'Kaliwates naik 112 menjadi 4.152', 'Kalisat kembali ke
    1.017' after an undo; only the name when the count held."""
    name = short_name(change.name)
    if change.count is None:
        return (
            t("changes.gone", lang, name=name)
            if change.rank_before is not None or change.delta
            else name
        )
    count = fmt_int(change.count, lang)
    if not change.delta:
        return name
    if undo:
        return t("changes.back", lang, name=name, count=count)
    if change.count == change.delta:  # nothing before: a first report
        return t("changes.first", lang, name=name, count=count)
    key = "changes.rise" if change.delta > 0 else "changes.fall"
    return t(key, lang, name=name, n=fmt_int(abs(change.delta), lang), count=count)


def _rank_part(change: Change, lang: str) -> str:
    """Where the region now stands, if its place moved; a better place reached by a falling
    count is stated, never called a rise."""
    before, after = change.rank_before, change.rank_after
    if after == before:
        return ""
    if after is None:
        return t("changes.leaves", lang)
    if before is None:
        return t("changes.enters", lang, rank=after)
    if after > before:
        return t("changes.down", lang, rank=after)
    return t("changes.now" if change.delta < 0 else "changes.up", lang, rank=after)


def sentence(change: Change, lang: str = "id", *, undo: bool = False) -> str:
    """'Kaliwates naik 112 menjadi 4.152, naik ke peringkat 1'; after an undo 'Kalisat kembali
    ke 1.017'; a region whose place held gets only its count."""
    head = _count_part(change, lang, undo)
    rank = _rank_part(change, lang)
    if not rank:
        return head
    return f"{head}, {rank}" if head != short_name(change.name) else f"{head} {rank}"


def summary(
    changes: list[Change] | tuple[Change, ...],
    lang: str = "id",
    limit: int = LIMIT,
    *,
    undo: bool = False,
) -> list[str]:
    """At most `limit` sentences, then how many more regions changed."""
    if not changes:
        return [t("changes.same", lang)]
    lines = [sentence(c, lang, undo=undo) for c in changes[:limit]]
    if len(changes) > limit:
        more = len(changes) - limit
        lines.append(t("changes.more", lang, n=more, count=fmt_int(more, lang)))
    return lines


@dataclass(frozen=True)
class Cause:
    """What happened to the store between two refreshes: the batches added and undone."""

    added: tuple[int, ...] = ()
    undone: tuple[int, ...] = ()


def cause_between(before: pd.DataFrame, after: pd.DataFrame) -> Cause:
    """The batches that appeared, and those newly marked undone, between two lists of batches."""

    def states(frame: pd.DataFrame) -> dict[int, bool]:
        if frame.empty:
            return {}
        return {int(i): bool(u) for i, u in zip(frame["id"], frame["undone"], strict=True)}

    old, new = states(before), states(after)
    added = tuple(sorted(i for i in new if i not in old))
    undone = tuple(sorted(i for i, u in new.items() if u and not old.get(i, False)))
    # A batch both added and undone between two looks never counted here: no news.
    return Cause(
        added=tuple(i for i in added if i not in undone),
        undone=tuple(i for i in undone if i in old),
    )


def _ids(ids: tuple[int, ...], lang: str) -> str:
    """'3', '3 dan 4', '3, 4 dan 5' ('and' in English)."""
    text = [str(i) for i in ids]
    if len(text) == 1:
        return text[0]
    return t("changes.ids", lang, first=", ".join(text[:-1]), last=text[-1])


@dataclass(frozen=True)
class Notice:
    """What a page tells after a refresh: when it saw the change, its cause, what moved."""

    when: datetime
    cause: Cause = field(default_factory=Cause)
    changes: tuple[Change, ...] = ()

    @property
    def undo(self) -> bool:
        """An undo and nothing new: the figures went back, they did not fall."""
        return bool(self.cause.undone) and not self.cause.added

    def title(self, lang: str = "id") -> str:
        """'Data baru (6 Maret 07.12 WIB)', 'Batch 3 dibatalkan (6 Maret 07.20 WIB)'."""
        parts = []
        if self.cause.added or not self.cause.undone:
            parts.append(t("changes.new", lang) if self.cause.added else t("changes.updated", lang))
        if self.cause.undone:
            n = len(self.cause.undone)
            undone = t("changes.undone", lang, n=n, ids=_ids(self.cause.undone, lang))
            parts.append(undone if not parts else undone[0].lower() + undone[1:])
        return f"{'; '.join(parts)} ({upload_time(self.when, lang)} WIB)"

    def lines(self, lang: str = "id", limit: int = LIMIT) -> list[str]:
        return summary(self.changes, lang, limit, undo=self.undo)

    def text(self, lang: str = "id") -> str:
        """The notice as one line: 'title: first change · second change · ...'."""
        return f"{self.title(lang)}: {' · '.join(self.lines(lang))}"

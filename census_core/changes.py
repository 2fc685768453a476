"""What changed since a page last refreshed, as sentences: "Kaliwates +112, naik ke peringkat 1"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from census_core.freshness import upload_time
from census_core.regions import short_name
from census_core.settings import Settings
from census_core.snapshot import Snapshot
from census_core.text import fmt_int, fmt_signed

# A board as a page remembers it between refreshes: small, and enough to say what moved.
WATCH_COLUMNS = ["code", "name", "count", "rank"]
LIMIT = 4

_TEXT = {
    "id": {
        "up": "naik ke peringkat {rank}",
        "down": "turun ke peringkat {rank}",
        "enters": "masuk peringkat {rank}",
        "more": "dan {n} wilayah lain",
        "title": "Data baru ({when} WIB)",
        "same": "Data diperbarui; jumlah dan peringkat tidak berubah",
    },
    "en": {
        "up": "up to rank {rank}",
        "down": "down to rank {rank}",
        "enters": "enters at rank {rank}",
        "more": "and {n} more regions",
        "title": "New data ({when} WIB)",
        "same": "Data updated; no count or rank changed",
    },
}


def _w(lang: str) -> dict[str, str]:
    return _TEXT.get(lang, _TEXT["id"])


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
    province = settings.home.split(".")[0]
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

    The home region leads; then regions that moved into a better place (by the place they
    reached), then the rest by the size of their change.
    """
    found: list[Change] = []
    for old, new in zip(before, after, strict=False):
        found.extend(board_changes(old, new))

    def order(change: Change) -> tuple[int, int, int]:
        if change.code == home:
            return (0, 0, 0)
        if change.moved > 0:
            return (1, change.rank_after or 0, 0)
        return (2, 0, -abs(change.delta))

    return sorted(found, key=order)


def sentence(change: Change, lang: str = "id") -> str:
    """'Kaliwates +112, naik ke peringkat 1'; a region whose place held gets only its change."""
    w = _w(lang)
    name = short_name(change.name)
    parts = [f"{name} {fmt_signed(change.delta, lang)}" if change.delta else name]
    rank = change.rank_after
    if rank is not None and rank != change.rank_before:
        if change.rank_before is None:
            parts.append(w["enters"].format(rank=rank))
        elif rank < change.rank_before:
            parts.append(w["up"].format(rank=rank))
        else:
            parts.append(w["down"].format(rank=rank))
    return ", ".join(parts)


def summary(changes: list[Change], lang: str = "id", limit: int = LIMIT) -> list[str]:
    """At most `limit` sentences, then how many more regions changed."""
    w = _w(lang)
    if not changes:
        return [w["same"]]
    lines = [sentence(c, lang) for c in changes[:limit]]
    if len(changes) > limit:
        lines.append(w["more"].format(n=fmt_int(len(changes) - limit, lang)))
    return lines


def title(when: datetime, lang: str = "id") -> str:
    """'Data baru (6 Maret 07.12 WIB)': when this page saw the new data."""
    return _w(lang)["title"].format(when=upload_time(when, lang))

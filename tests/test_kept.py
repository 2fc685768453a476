"""Kept: a value made once per key, shared, waited for while it is being made."""

from __future__ import annotations

import threading
import time

import pytest

from census_core.standings.kept import Kept


def test_made_once_and_found_after() -> None:
    kept = Kept(4)
    calls: list[str] = []
    assert kept.get("a", lambda: calls.append("a") or 1) == 1
    assert kept.get("a", lambda: calls.append("a") or 2) == 1
    assert calls == ["a"] and kept.made == 1 and "a" in kept


def test_oldest_goes_first_when_full() -> None:
    kept = Kept(2)
    for key in "abc":
        kept.get(key, lambda key=key: key)
    assert "a" not in kept and "b" in kept and "c" in kept
    kept.get("b", lambda: "again")  # found: b is now the newest
    kept.get("d", lambda: "d")
    assert "c" not in kept and "b" in kept


def test_asked_meanwhile_waits_for_the_one_being_made() -> None:
    kept = Kept(8)
    started, release = threading.Event(), threading.Event()
    made: list[int] = []

    def slow() -> int:
        made.append(1)
        started.set()
        release.wait(10)
        return 42

    results: list[int] = []
    first = threading.Thread(target=lambda: results.append(kept.get("k", slow)))
    first.start()
    assert started.wait(10)
    others = [
        threading.Thread(target=lambda: results.append(kept.get("k", slow))) for _ in range(5)
    ]
    for thread in others:
        thread.start()
    time.sleep(0.2)  # they are waiting, not making
    assert len(made) == 1 and results == []
    release.set()
    for thread in [first, *others]:
        thread.join(10)
    assert results == [42] * 6 and len(made) == 1 and kept.made == 1


def test_a_failure_is_raised_and_not_kept() -> None:
    kept = Kept(4)

    def fail() -> int:
        raise ValueError("no")

    with pytest.raises(ValueError):
        kept.get("k", fail)
    assert "k" not in kept
    assert kept.get("k", lambda: 7) == 7

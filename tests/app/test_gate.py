"""The gate: page runs one at a time, first come first served; a slow wait steps outside; no run
waits for it longer than WAIT_AT_MOST."""

from __future__ import annotations

import threading
import time

from ui import gate


def _run(name: str, log: list[str], hold: float) -> None:
    with gate.turn():
        log.append(f"{name} in")
        time.sleep(hold)
        log.append(f"{name} out")


def test_runs_do_not_overlap_and_come_in_turn() -> None:
    log: list[str] = []
    threads = []
    for i in range(4):
        thread = threading.Thread(target=_run, args=(str(i), log, 0.05))
        thread.start()
        threads.append(thread)
        time.sleep(0.01)  # each asks after the one before
    for thread in threads:
        thread.join(10)
    assert log == [f"{i} {step}" for i in "0123" for step in ("in", "out")]


def test_a_run_inside_a_run_holds_it_once() -> None:
    with gate.turn(), gate.turn():
        pass
    with gate.turn():  # released: not deadlocked
        pass


def test_waiting_outside_lets_another_run() -> None:
    log: list[str] = []
    waiting = threading.Event()

    def slow() -> None:
        with gate.turn():
            with gate.outside():
                waiting.set()
                time.sleep(0.3)
            log.append("slow done")

    first = threading.Thread(target=slow)
    first.start()
    assert waiting.wait(10)
    second = threading.Thread(target=_run, args=("quick", log, 0))
    second.start()
    for thread in (first, second):
        thread.join(10)
    assert log == ["quick in", "quick out", "slow done"]


def test_a_run_that_hangs_holds_no_one_longer_than_the_limit(monkeypatch) -> None:
    monkeypatch.setattr(gate, "WAIT_AT_MOST", 0.2)
    release = threading.Event()
    holding = threading.Event()

    def hang() -> None:
        with gate.turn():
            holding.set()
            release.wait(10)

    stuck = threading.Thread(target=hang)
    stuck.start()
    assert holding.wait(10)
    log: list[str] = []
    start = time.perf_counter()
    _run("next", log, 0)
    waited = time.perf_counter() - start
    release.set()
    stuck.join(10)
    assert log == ["next in", "next out"] and waited < 5
    with gate.turn():  # the gate still works after
        pass


def test_one_asking_again_at_once_queues_behind_one_who_came_meanwhile() -> None:
    """The pages made ahead give the gate back after each kecamatan and ask again at once; a
    reader who came meanwhile goes first (a plain lock lets the same thread take it again)."""
    log: list[str] = []
    holding = threading.Event()
    reader_waiting = threading.Event()

    def ahead() -> None:
        for i in range(20):
            with gate.turn():
                holding.set()
                if i == 0:
                    reader_waiting.wait(10)
                    time.sleep(0.1)  # the reader is queued now
                log.append(f"ahead {i}")

    def reader() -> None:
        assert holding.wait(10)
        reader_waiting.set()
        with gate.turn():
            log.append("reader")

    threads = [threading.Thread(target=ahead), threading.Thread(target=reader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert log.index("reader") == 1, log


def test_work_that_can_wait_waits_for_a_quiet_gate() -> None:
    """wait_quiet gives way while pages run and goes on once none has run for a while."""
    held = threading.Thread(target=_run, args=("reader", [], 0.4))
    held.start()
    time.sleep(0.05)
    start = time.monotonic()
    assert gate.wait_quiet(0.3, lambda: True, at_most=5)
    waited = time.monotonic() - start
    held.join(5)
    assert waited >= 0.3 + 0.3  # the rest of the reader's run, then the quiet
    assert not gate.wait_quiet(0.3, lambda: False, at_most=5)  # no longer wanted
    with gate.turn():  # never quiet within at_most
        assert not gate.wait_quiet(0.3, lambda: True, at_most=0.5)

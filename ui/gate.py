"""One page run at a time in a process: a burst of readers is served first come, first served.

Every session's script runs in its own thread under one interpreter lock. Sixty readers opening
their page at once then share the CPU evenly and all finish together, at the end of the burst,
and the lock passing between sixty threads costs CPU of its own. Through this gate the first
reader is served in a fraction of a second and the next after it: 62 /kecamatan sessions on
2 cores took p50 2.7 s / p95 2.8 s / 3.0 s of CPU without it, 0.95 s / 1.8 s / 1.9 s with it
(benchmarks/burst.py). Two places at once measured worse than one.

A run that waits for something other than this process's CPU (a spreadsheet read in a child
process) steps outside the gate meanwhile; and no run waits for the gate longer than
WAIT_AT_MOST: behind a run that hangs the others go on as they would without a gate.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from streamlit.logger import get_logger

WAIT_AT_MOST = 10.0

log = get_logger(__name__)


class _FairGate:
    """One holder at a time, handed to the waiters in the order they came: a thread that gives
    the gate back and asks again at once (the pages made ahead, one kecamatan after another)
    queues behind a reader who came meanwhile, which a plain lock does not promise."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._busy = False
        self._queue: deque[threading.Event] = deque()
        self._free_since = time.monotonic()

    def idle_for(self) -> float:
        """Seconds since the gate was last given back with nobody waiting (0 while held)."""
        with self._lock:
            return 0.0 if self._busy else time.monotonic() - self._free_since

    def acquire(self, timeout: float) -> bool:
        with self._lock:
            if not self._busy:
                self._busy = True
                return True
            turn = threading.Event()
            self._queue.append(turn)
        if turn.wait(timeout):
            return True
        with self._lock:
            if turn.is_set():  # handed over as the wait ended
                return True
            self._queue.remove(turn)
            return False

    def release(self) -> None:
        with self._lock:
            if self._queue:
                self._queue.popleft().set()  # handed on: the gate stays taken
            else:
                self._busy = False
                self._free_since = time.monotonic()


_GATE = _FairGate()
_HELD = threading.local()


def _enter() -> bool:
    if _GATE.acquire(WAIT_AT_MOST):
        _HELD.held = True
        return True
    log.warning("a page run waited %.0f s for the gate and goes on without it", WAIT_AT_MOST)
    return False


def _leave() -> None:
    _HELD.held = False
    _GATE.release()


@contextmanager
def turn() -> Iterator[None]:
    """Hold the gate for this page run (a run inside a run, as in tests, holds it once)."""
    if getattr(_HELD, "held", False):
        yield
        return
    entered = _enter()
    try:
        yield
    finally:
        if entered:
            _leave()


@contextmanager
def outside() -> Iterator[None]:
    """Let others run while this run waits on something slow that is not this process's CPU."""
    if not getattr(_HELD, "held", False):
        yield
        return
    _leave()
    try:
        yield
    finally:
        _enter()


def wait_quiet(seconds: float, still_wanted: Callable[[], bool], *, at_most: float = 300.0) -> bool:
    """Wait until no page has run for `seconds` (work that can wait gives way to a burst of
    readers instead of taking CPU from it); False when `still_wanted()` turns false or the
    process was never that quiet within `at_most` seconds."""
    deadline = time.monotonic() + at_most
    while time.monotonic() < deadline:
        if not still_wanted():
            return False
        idle = _GATE.idle_for()
        if idle >= seconds:
            return True
        time.sleep(min(0.25, seconds - idle))
    return False

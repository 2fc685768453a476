"""Sign-in throttling: a few wrong passwords are free, then each one costs a growing wait."""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

FREE = 5  # wrong passwords within WINDOW seconds before the first wait
WINDOW = 60.0
FIRST_WAIT = 10.0  # then 20, 40, 80 ... seconds, each wrong password doubling it
MAX_WAIT = 900.0
FORGET = 900.0  # a key with no wrong password for this long starts afresh
MAX_KEYS = 10_000  # sessions and addresses remembered; the stalest are dropped first


@dataclass
class _Entry:
    failures: list[float] = field(default_factory=list)
    strikes: int = 0
    until: float = 0.0
    last: float = 0.0


class Throttle:
    """Wrong-password counts per key (a browser session, a client address), shared by threads.

    A key with FREE wrong passwords within WINDOW seconds must wait FIRST_WAIT seconds; every
    wrong password after that doubles the wait, up to MAX_WAIT, until FORGET seconds pass
    without one or the right password is given. While a key waits, the password is not even
    checked, so guessing costs the wait whatever the guess.
    """

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, max_keys: int = MAX_KEYS
    ) -> None:
        self._clock = clock
        self._max_keys = max_keys
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, *keys: str) -> int:
        """Whole seconds any of `keys` must still wait before a password is checked; 0 if none."""
        now = self._clock()
        with self._lock:
            waits = [e.until - now for k in keys if (e := self._entries.get(k)) is not None]
        return max(0, math.ceil(max(waits, default=0.0)))

    def failed(self, *keys: str) -> int:
        """Count a wrong password against every key; return the wait it now causes (seconds)."""
        now = self._clock()
        with self._lock:
            for key in keys:
                entry = self._entries.pop(key, None) or _Entry()
                if now - entry.last > FORGET:
                    entry = _Entry()
                entry.failures = [t for t in entry.failures if now - t < WINDOW] + [now]
                entry.last = now
                if entry.strikes or len(entry.failures) >= FREE:
                    entry.strikes += 1
                    entry.until = now + min(MAX_WAIT, FIRST_WAIT * 2 ** (entry.strikes - 1))
                self._entries[key] = entry  # most recently failed last
            self._evict(now)
        return self.wait(*keys)

    def succeeded(self, *keys: str) -> None:
        """The right password: forget the keys' wrong ones."""
        with self._lock:
            for key in keys:
                self._entries.pop(key, None)

    def __len__(self) -> int:
        return len(self._entries)

    def _evict(self, now: float) -> None:
        # Forgotten keys first, then the least recently failed: a key still being guessed from
        # is the most recent one, so a flood of new sessions cannot push its address out.
        # Entries are in the order of their last wrong password, so the stale ones lead.
        while self._entries and now - next(iter(self._entries.values())).last > FORGET:
            self._entries.popitem(last=False)
        while len(self._entries) > self._max_keys:
            self._entries.popitem(last=False)

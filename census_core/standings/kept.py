"""Values made once and shared: a bounded, thread-safe memo where a value asked for while it is
being made is waited for, not made twice."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

_T = TypeVar("_T")


class Kept:
    """The last `size` values made, newest last.

    A burst of readers asking for the same kecamatan page makes its view once: the first makes
    it, the others wait for it (an error is raised to each of them and nothing is kept).
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, object] = OrderedDict()
        self._making: dict[Hashable, threading.Event] = {}
        self._lock = threading.Lock()
        self.made = 0  # values made (not found): what a test of sharing counts

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._values

    def get(self, key: Hashable, make: Callable[[], _T]) -> _T:
        while True:
            with self._lock:
                if key in self._values:
                    self._values.move_to_end(key)
                    return self._values[key]  # type: ignore[return-value]
                waiting = self._making.get(key)
                if waiting is None:
                    done = self._making[key] = threading.Event()
                    break
            waiting.wait()  # made by another thread: found on the next turn (or made again)
        try:
            value = make()
            with self._lock:
                self._values[key] = value
                self.made += 1
                while len(self._values) > self.size:
                    self._values.popitem(last=False)
            return value
        finally:
            with self._lock:
                del self._making[key]
            done.set()

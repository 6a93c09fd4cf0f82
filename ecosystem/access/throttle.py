"""Failed logins slowed down: after `LIMIT` failures within `WINDOW` seconds, a name (or an address)
is refused until the oldest failure leaves the window. Kept in the server's memory: a restart
forgets it, which costs an attacker a restart they cannot cause from a browser."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from ecosystem.access.errors import TooManyAttempts

LIMIT = 5
WINDOW = 15 * 60


class LoginThrottle:
    """Counts failures per key (a name, an address); thread-safe (one per server process)."""

    def __init__(self, limit: int = LIMIT, window: float = WINDOW,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def check(self, *keys: str) -> None:
        """Raise TooManyAttempts if any of `keys` has used up its failures."""
        now = self._clock()
        with self._lock:
            for key in keys:
                failures = self._recent(key, now)
                if len(failures) >= self.limit:
                    raise TooManyAttempts(max(1, math.ceil(failures[0] + self.window - now)))

    def failed(self, *keys: str) -> None:
        now = self._clock()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def succeeded(self, name_key: str) -> None:
        """A successful login clears its name's failures (not the address's)."""
        with self._lock:
            self._failures.pop(name_key, None)

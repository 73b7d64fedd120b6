"""Slowing down repeated failed look-ups on one kiosk so it cannot be used to enumerate customers.

Failures are remembered for a window (10 minutes). From the third failure in the window on, the next attempt
must wait 5 s, then 10 s, 20 s, ... up to 5 minutes. A success forgives only the oldest failure, so mixing a
known invoice between guesses does not reset the wait.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from datetime import datetime, timedelta

from kiosk.services.context import Clock
from kiosk.services.errors import Throttled


class FailureThrottle:
    def __init__(
        self,
        clock: Clock,
        *,
        window_seconds: int = 600,
        free_failures: int = 2,
        base_wait_seconds: int = 5,
        max_wait_seconds: int = 300,
    ) -> None:
        self._clock = clock
        self._window = timedelta(seconds=window_seconds)
        self._free = free_failures
        self._base = base_wait_seconds
        self._max = max_wait_seconds
        self._failures: deque[datetime] = deque()
        self._lock = threading.Lock()

    def _prune(self, now: datetime) -> None:
        while self._failures and now - self._failures[0] > self._window:
            self._failures.popleft()

    def wait_seconds(self) -> int:
        """Seconds until the next attempt is allowed (0: now)."""
        now = self._clock()
        with self._lock:
            self._prune(now)
            over = len(self._failures) - self._free
            if over <= 0:
                return 0
            wait = min(self._base * 2 ** (over - 1), self._max)
            allowed_at = self._failures[-1] + timedelta(seconds=wait)
        return max(0, math.ceil((allowed_at - now).total_seconds()))

    def check(self) -> None:
        """Raise Throttled(wait_seconds) when this kiosk must wait before the next look-up."""
        wait = self.wait_seconds()
        if wait > 0:
            raise Throttled("too_many_attempts", wait_seconds=wait)

    def failure(self) -> None:
        now = self._clock()
        with self._lock:
            self._prune(now)
            self._failures.append(now)

    def success(self) -> None:
        now = self._clock()
        with self._lock:
            self._prune(now)
            if self._failures:
                self._failures.popleft()

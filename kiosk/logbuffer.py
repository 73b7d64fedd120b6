"""The kiosk's recent log in memory, for maintenance mode's Logs screen (no file to open, no shell needed).

`install()` adds one ring-buffer handler to the root logger, once per process (the GUI commands `run` and `demo`
call it at start; later calls return the same handler). kiosk.services.maintenance reads `installed()`: a process
that never installed it (a test, a CLI command) simply has no log lines to show.

Lines keep only the time, level, logger and message: the services already keep customer data out of the log,
and as a second line of defence every run of 6 or more digits (an account, a document, a card or a phone number)
is masked before it is stored.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import deque
from datetime import UTC, datetime

from kiosk.domain.maintenance import LogLine

CAPACITY = 1000
MESSAGE_MAX = 500
_DIGITS = re.compile(r"\d{6,}")
_INSTALL_LOCK = threading.Lock()
_installed: list[RingBufferHandler] = []


def mask_digits(text: str) -> str:
    """Every run of 6+ digits masked to its last 2 ("20111222" -> "******22")."""
    return _DIGITS.sub(lambda m: "*" * (len(m.group()) - 2) + m.group()[-2:], text)


class RingBufferHandler(logging.Handler):
    """Keeps the last `capacity` records as LogLines (masked, one line each, at most MESSAGE_MAX characters)."""

    def __init__(self, capacity: int = CAPACITY, level: int = logging.INFO) -> None:
        super().__init__(level)
        self._lines: deque[LogLine] = deque(maxlen=capacity)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
            if record.exc_info and record.exc_info[1] is not None:
                exc = record.exc_info[1]
                message = f"{message} ({type(exc).__name__}: {exc})"
            message = " ".join(mask_digits(message).split())[:MESSAGE_MAX]
            line = LogLine(datetime.fromtimestamp(record.created, UTC), record.levelname, record.name, message)
        except Exception:  # a log call must never break the caller
            self.handleError(record)
            return
        with self.lock or threading.Lock():
            self._lines.append(line)

    def lines(self, limit: int = 200) -> list[LogLine]:
        """The newest `limit` lines, oldest first."""
        with self.lock or threading.Lock():
            items = list(self._lines)
        return items[-max(1, limit):]

    def clear(self) -> None:
        with self.lock or threading.Lock():
            self._lines.clear()


def install(capacity: int = CAPACITY, level: int = logging.INFO) -> RingBufferHandler:
    """The process's ring buffer on the root logger (added on the first call).

    The root logger is lowered to `level` so INFO lines reach the buffer. A root logger without handlers used to
    print warnings to stderr through logging.lastResort, which stops once any handler is attached: lastResort is
    attached explicitly then, so the console shows what it showed before (warnings and errors only).
    """
    with _INSTALL_LOCK:
        if not _installed:
            handler = RingBufferHandler(capacity, level)
            root = logging.getLogger()
            if not root.handlers and logging.lastResort is not None:
                root.addHandler(logging.lastResort)
            root.addHandler(handler)
            if root.level == logging.NOTSET or root.level > level:
                root.setLevel(level)
            _installed.append(handler)
        return _installed[0]


def uninstall() -> None:
    """Remove the installed handler (tests; the root logger's level and lastResort stay as they are)."""
    with _INSTALL_LOCK:
        for handler in _installed:
            logging.getLogger().removeHandler(handler)
        _installed.clear()


def installed() -> RingBufferHandler | None:
    """The handler `install` added, or None when nothing installed it in this process."""
    return _installed[0] if _installed else None

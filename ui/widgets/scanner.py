"""Barcode scanners that act as a keyboard: a fast burst of digits ending in Enter.

`ScanCatcher` is an application event filter (installed while a screen wants scans) that tells a scan apart
from a person typing by speed: at least MIN_DIGITS digits, on average faster than MAX_MS_PER_KEY each. A scan
is swallowed and reported by `scanned`; anything slower is passed on as `typed` (digits) and `enter`.

Signals:
    scanned(str): the digits of one scan (and the `extra` characters a badge scan holds).
    typed(str): one digit typed by a person on a physical keyboard.
    enter(): Enter typed by a person.
    erase(): Backspace typed by a person.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

MIN_DIGITS = 12
MAX_MS_PER_KEY = 40.0
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanCatcher(QObject):
    """See the module docstring."""

    scanned = Signal(str)
    typed = Signal(str)
    enter = Signal()
    erase = Signal()

    def __init__(self, parent: QObject | None = None, extra: str = "") -> None:
        """`extra`: characters a scan may hold besides digits (staff badges: letters and "-"); a person typing
        them is not handed over (`typed` carries digits only)."""
        super().__init__(parent)
        self.extra = frozenset(extra.upper() + extra.lower())
        self._buffer: list[tuple[str, float]] = []
        self._flushed = 0
        self._quiet = QTimer(self)  # a pause after digits: a person typed them, show them now
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(250)
        self._quiet.timeout.connect(self.on_quiet)

    def reset(self) -> None:
        self._quiet.stop()
        self._buffer.clear()
        self._flushed = 0

    def _is_scan(self) -> bool:
        if len(self._buffer) < MIN_DIGITS:
            return False
        span = (self._buffer[-1][1] - self._buffer[0][1]) * 1000
        return span / (len(self._buffer) - 1) <= MAX_MS_PER_KEY

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not watched.isWidgetType():
            return False  # the same key event is also filtered for the QWindow; count it once
        now = time.monotonic()
        text = event.text()
        if event.key() in ENTER_KEYS:
            if self._is_scan():
                digits = "".join(ch for ch, _ in self._buffer)
                self.reset()
                self.scanned.emit(digits)
            else:
                self._flush()
                self.reset()
                self.enter.emit()
            return True
        if len(text) == 1 and (text.isdigit() or text in self.extra):
            if self._buffer and (now - self._buffer[-1][1]) * 1000 > 4 * MAX_MS_PER_KEY:
                self._flush()
                self.reset()
            self._buffer.append((text, now))
            self._quiet.start()
            return True
        if event.key() == Qt.Key.Key_Backspace:
            self._flush()
            self.reset()
            self.erase.emit()
            return True
        return False

    def on_quiet(self) -> None:
        self._flush()
        self.reset()

    def _flush(self) -> None:
        """A person typed these digits: hand them over."""
        for ch, _ in self._buffer[self._flushed :]:
            if ch.isdigit():
                self.typed.emit(ch)
        self._flushed = len(self._buffer)

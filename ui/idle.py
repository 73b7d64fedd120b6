"""Idle watchdog: a kiosk left alone must forget its customer.

An event filter on the application restarts the idle timer on every touch, click, key or wheel. After
`ui.idle_timeout` seconds without input (and only when there is something to forget: a session, or a screen
other than home) it asks for the countdown ("¿Sigue ahí?", `ui.warning_seconds`); with no answer it emits
`expired` and the main window wipes the session (MainWindow.end_session).

Signals:
    warn(int): show the countdown with this many seconds left.
    tick(int): seconds left while the countdown is open.
    expired(): nobody answered; wipe and go home.
    resumed(): the customer answered (or touched anything) during the countdown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.Wheel,
    }
)


class IdleWatchdog(QObject):
    """See the module docstring. `needed()` says whether there is anything to time out."""

    warn = Signal(int)
    tick = Signal(int)
    expired = Signal()
    resumed = Signal()

    def __init__(
        self,
        idle_seconds: float,
        warning_seconds: int,
        needed: Callable[[], bool] = lambda: True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.warning_seconds = warning_seconds
        self._needed = needed
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(int(idle_seconds * 1000))
        self._idle.timeout.connect(self.on_idle)
        self._second = QTimer(self)
        self._second.setInterval(1000)
        self._second.timeout.connect(self.on_second)
        self.left = 0
        self.counting = False
        self.enabled = True

    def set_intervals(self, idle_seconds: float, warning_seconds: int, tick_ms: int = 1000) -> None:
        """Tests shorten the timers; production uses the configured seconds."""
        self._idle.setInterval(int(idle_seconds * 1000))
        self.warning_seconds = warning_seconds
        self._second.setInterval(tick_ms)
        self.reset()

    def start(self) -> None:
        self._idle.start()

    def stop(self) -> None:
        self._idle.stop()
        self._second.stop()
        self.counting = False

    def reset(self) -> None:
        """Input happened: restart the idle period (and close the countdown if it was open)."""
        if self.counting:
            self._second.stop()
            self.counting = False
            self.resumed.emit()
        if self.enabled:
            self._idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and not self.counting:
            self._idle.start()
        return False

    @Slot()
    def on_idle(self) -> None:
        if not self._needed():
            self._idle.start()
            return
        self.counting = True
        self.left = self.warning_seconds
        self.warn.emit(self.left)
        self._second.start()

    @Slot()
    def on_second(self) -> None:
        self.left -= 1
        if self.left > 0:
            self.tick.emit(self.left)
            return
        self._second.stop()
        self.counting = False
        self.expired.emit()
        if self.enabled:
            self._idle.start()

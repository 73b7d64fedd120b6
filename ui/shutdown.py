"""SIGTERM and SIGINT end the kiosk cleanly: the event loop returns, so the sync thread stops after its batch,
the watchdog says STOPPING and the log is flushed.

Without this a `systemctl stop` (or a shutdown) killed the process where it stood: Python runs its signal
handlers only when the interpreter gets control, and the Qt event loop keeps it in C++. As qutebrowser does
(misc/crashsignal.py), the C-level handler writes to a socket (signal.set_wakeup_fd) that a QSocketNotifier
watches, which gives the interpreter control at once. The exit is QApplication.exit, not quit(): Qt 6's quit()
first asks the windows to close and the locked-down window refuses (ui/lockdown.py).
"""

from __future__ import annotations

import logging
import signal
import socket
from types import FrameType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSocketNotifier, Slot
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

EXIT_CODES = {signal.SIGTERM: 0, signal.SIGINT: 130}  # a requested stop is a clean stop; Ctrl+C as the shell says


class SignalExit(QObject):
    """Turns SIGTERM/SIGINT into QCoreApplication.exit on the GUI thread; `received` says which came first."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.received: signal.Signals | None = None
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.on_wakeup)
        signal.set_wakeup_fd(self._write.fileno())
        for sig in EXIT_CODES:
            signal.signal(sig, self._on_signal)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if self.received is not None:
            return  # a second signal while stopping changes nothing
        self.received = signal.Signals(signum)
        log.warning("stopping on %s", self.received.name)
        QCoreApplication.exit(EXIT_CODES[self.received])

    @Slot()
    def on_wakeup(self) -> None:
        """The interpreter has control again (Python handlers have run by now); empty the socket."""
        try:
            while self._read.recv(64):
                pass
        except OSError:  # nothing left to read (non-blocking)
            pass


def install(app: QCoreApplication) -> SignalExit:
    return SignalExit(app)


def tear_down(window: QWidget) -> None:
    """After the event loop returned (a signal, the technician's exit, a crash loop): take the app-wide lockdown
    filter off and delete the window while Qt and Python are both whole. Left to the interpreter's exit, the
    filter was called for a window being destroyed and the process died with SIGSEGV instead of its exit code
    (seen as 139 for a stop that should report 0, or 75 for "restart me")."""
    from ui import lockdown

    lockdown.uninstall(window)
    window.hide()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

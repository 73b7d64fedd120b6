"""systemd's watchdog for the kiosk under ventanilla-kiosk.service: READY=1 once the window shows, then
WATCHDOG=1 from a QTimer on the Qt event loop, so a GUI thread that hangs stops the pings and systemd kills and
restarts the kiosk (WatchdogSec=30, Restart=always).

sd_notify is one datagram to $NOTIFY_SOCKET: done here with a plain socket, no libsystemd binding. The unit runs
`cage -- ventanilla run`, so the kiosk is cage's child, not the service's main process: the unit says
NotifyAccess=all, and WATCHDOG_PID (cage's pid) is not checked here.
"""

from __future__ import annotations

import os
import socket

from PySide6.QtCore import QObject, QTimer

DEFAULT_INTERVAL_MS = 10_000  # when systemd gives no WATCHDOG_USEC


def notify(message: str, socket_path: str | None = None) -> bool:
    """Send one sd_notify message ("READY=1", "WATCHDOG=1", "STOPPING=1"); False when not under systemd."""
    path = socket_path if socket_path is not None else os.environ.get("NOTIFY_SOCKET", "")
    if not path:
        return False
    address = "\0" + path[1:] if path.startswith("@") else path  # "@name": Linux's abstract namespace
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
        try:
            sock.connect(address)
            sock.sendall(message.encode("utf-8"))
        except OSError:
            return False  # systemd went away (shutdown): nothing to tell, nothing to fail
    return True


def interval_ms(environ: dict[str, str] | None = None) -> int:
    """A third of systemd's WatchdogSec (WATCHDOG_USEC), so one late ping does not kill a busy kiosk."""
    value = (environ if environ is not None else os.environ).get("WATCHDOG_USEC", "")
    if value.isdigit() and int(value) > 0:
        return max(int(value) // 3000, 100)
    return DEFAULT_INTERVAL_MS


class Watchdog(QObject):
    """READY=1 at the first turn of the event loop (the window is shown by then), WATCHDOG=1 every interval."""

    def __init__(self, parent: QObject | None = None, *, socket_path: str | None = None,
                 interval: int | None = None) -> None:
        super().__init__(parent)
        self._path = socket_path
        self._timer = QTimer(self)
        self._timer.setInterval(interval if interval is not None else interval_ms())
        self._timer.timeout.connect(self.ping)

    def start(self) -> None:
        QTimer.singleShot(0, self._ready)
        self._timer.start()

    def _ready(self) -> None:
        notify("READY=1", self._path)

    def ping(self) -> None:
        notify("WATCHDOG=1", self._path)

    def stop(self) -> None:
        self._timer.stop()
        notify("STOPPING=1", self._path)


def start_watchdog(parent: QObject) -> Watchdog | None:
    """The watchdog when systemd asked for notifications ($NOTIFY_SOCKET), else None (a developer's run)."""
    if not os.environ.get("NOTIFY_SOCKET"):
        return None
    watchdog = Watchdog(parent)
    watchdog.start()
    return watchdog

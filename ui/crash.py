"""What happens when the kiosk's own code fails (issue 12, "Running unattended").

`install(window)` (the `run` and `demo` commands) routes every failure into the log (kiosk.logsetup: file,
journald, the maintenance Logs screen) instead of a console nobody reads:

- `sys.excepthook`: an exception escaping a slot or an event handler (PySide6 hands those to the hook and goes
  on) is logged with its traceback, and the window goes back to its home screen with an apology, so the next
  touch does not land in a half-updated screen. More than MAX_CRASHES in CRASH_WINDOW_S seconds: the app exits
  with EXIT_CRASH_LOOP and systemd (Restart=always) starts it clean;
- `threading.excepthook`: a worker thread's exception is logged (the screens never wait on a bare thread);
- Qt's message handler: Qt's own warnings and errors go to the log at the matching level;
- `faulthandler`: a hard crash (segfault, abort) writes the Python stacks of every thread into the log file.

`uninstall()` puts back what was there (tests).
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QMessageLogContext, QObject, QTimer, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

log = logging.getLogger("ui.crash")
qt_log = logging.getLogger("qt")

MAX_CRASHES = 5
CRASH_WINDOW_S = 60.0
EXIT_CRASH_LOOP = 70  # EX_SOFTWARE
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class CrashGuard(QObject):
    """The hooks' target, living in the GUI thread (recovery runs there, queued after the failing call)."""

    crashed = Signal()

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.crash_times: list[float] = []
        self.recovering = False
        self.crashed.connect(self.recover)

    def apology(self) -> str:
        return self.tr("Lo sentimos, algo salió mal. Volvimos al inicio; puede intentarlo de nuevo.")

    def on_exception(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.exit(130)
            return
        log.error("unhandled exception in the kiosk window: %s", kind.__name__, exc_info=(kind, value, tb))
        self.crashed.emit()

    def on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        log.error("unhandled exception in thread %s: %s", name, args.exc_type.__name__,
                  exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback))

    def on_qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = _QT_LEVELS.get(kind, logging.WARNING)
        where = f" ({context.category})" if context.category and context.category != "default" else ""
        qt_log.log(level, "%s%s", message, where)

    def recover(self) -> None:
        """Back to the home screen with the apology; a crash loop ends the process for a clean restart."""
        now = time.monotonic()
        self.crash_times = [t for t in self.crash_times if now - t < CRASH_WINDOW_S] + [now]
        if len(self.crash_times) > MAX_CRASHES:
            log.critical("%d failures within %d s: exiting for a clean restart", len(self.crash_times),
                         int(CRASH_WINDOW_S))
            QApplication.exit(EXIT_CRASH_LOOP)
            return
        if self.recovering:  # the recovery itself failed: leave it to the next touch
            return
        self.recovering = True
        try:
            try:
                self.window.ctx.ops.invalidate()
                self.window.busy.set_busy(False)
                self.window.idle_dialog.hide()
            except Exception:  # a half-built window: going home is what matters
                log.debug("recovery: window parts unavailable", exc_info=True)
            self.window.home()
            self.window.banner.show_message(self.apology(), "error")
        except Exception:
            log.exception("could not bring the kiosk back to its home screen")
        finally:
            self.recovering = False


class _Installed:
    guard: CrashGuard | None = None
    previous: tuple[Any, Any] | None = None
    fault_file: IO[str] | None = None


def install(window: Any, fault_log: Path | None = None) -> CrashGuard:
    """Hook exceptions, Qt messages and faulthandler to the log, recovering `window`; once per process."""
    if _Installed.guard is not None:
        return _Installed.guard
    guard = CrashGuard(window)
    _Installed.previous = (sys.excepthook, threading.excepthook)
    sys.excepthook = guard.on_exception
    threading.excepthook = guard.on_thread_exception
    qInstallMessageHandler(guard.on_qt_message)
    if fault_log is not None:
        try:
            _Installed.fault_file = open(fault_log, "a", encoding="utf-8")  # noqa: SIM115 - kept open for crashes
            faulthandler.enable(file=_Installed.fault_file, all_threads=True)
        except OSError as exc:
            log.warning("faulthandler not writing to %s: %s", fault_log, exc.strerror)
    _Installed.guard = guard
    return guard


def uninstall() -> None:
    """Restore the hooks that were there before `install` (tests)."""
    if _Installed.previous is not None:
        sys.excepthook, threading.excepthook = _Installed.previous
    qInstallMessageHandler(None)
    if _Installed.fault_file is not None:
        faulthandler.enable(file=sys.__stderr__ or sys.stderr)
        _Installed.fault_file.close()
    guard = _Installed.guard
    _Installed.guard = None
    _Installed.previous = None
    _Installed.fault_file = None
    if guard is not None:
        QTimer.singleShot(0, guard.deleteLater)


def installed() -> CrashGuard | None:
    return _Installed.guard

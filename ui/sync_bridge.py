"""The sync engine inside the app: a background thread with its own connections, talking through Qt signals.

The engine (kiosk.sync.engine) knows nothing of Qt; this bridge owns a QThread that creates the engine *in that
thread* (so its SQLite and PostgreSQL connections never cross threads), runs a round every `interval` seconds
(sooner on `sync_now()`, later after failures: the engine's backoff), sends a heartbeat every
`heartbeat_interval` seconds, and reports through the signals below. Nothing here touches the database on the
GUI thread; the data age shown between rounds is computed from the last report and a monotonic clock.

Signals (all delivered on the GUI thread):
    progress(str, str, int, int, int): phase ("pull", "push", "reconcile", "done"), table, rows so far, step,
        steps; at most ~20 per second.
    state_changed(str): "syncing", "idle" (last round went well), "offline" (central unreachable),
        "error" (schema mismatch or another failure; sync stops on a schema mismatch), "stopped".
    data_age_changed(int): seconds since the last successful pull; -1 when the replica was never synced.
    error(str, str): stable error code (central_unavailable, schema_mismatch, failed) and a one-line message.
    round_finished(object): the SyncReport of each round.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from kiosk.sync.engine import SyncEngine
from kiosk.sync.report import ProgressEvent, SyncReport
from ui.pyside_guard import protect_none

# A bridge emits thousands of signals per pull, each dropping a reference to the bool `emit()` returns on the
# PySide6 build in use ("Fatal Python error: bool_dealloc"): the one guard covers None, True and False. `import
# ui` has applied it already; calling it here again is free and says that this module depends on it.
protect_none()

EngineFactory = Callable[..., SyncEngine]  # called in the worker thread with progress= and stop= keywords

PROGRESS_MIN_INTERVAL_S = 0.05
AGE_TICK_MS = 15_000


class _Worker(QThread):
    """The loop on the background thread; communicates only through the bridge's signals and two events."""

    def __init__(self, bridge: SyncBridge) -> None:
        super().__init__()
        self.bridge = bridge
        self.stop_event = threading.Event()
        self.wake = threading.Event()
        self.reconcile_next = False
        self._last_progress = 0.0

    def _progress(self, ev: ProgressEvent) -> None:
        now = time.monotonic()
        if ev.phase == "done" or now - self._last_progress >= PROGRESS_MIN_INTERVAL_S:
            self._last_progress = now
            self.bridge.progress.emit(ev.phase, ev.table, ev.rows, ev.step, ev.steps)

    def run(self) -> None:
        b = self.bridge
        try:
            engine = b.factory(progress=self._progress, stop=self.stop_event)
            gc.freeze()  # the engine's long-lived objects too (metadata, compiled SQL, connections)
        except Exception as exc:  # a broken replica path or URL: say so, do not kill the app
            b.error.emit("failed", f"sync cannot start: {type(exc).__name__}")
            b.state_changed.emit("error")
            return
        last_beat = float("-inf")
        try:
            while not self.stop_event.is_set():
                b.state_changed.emit("syncing")
                beat = time.monotonic() - last_beat >= b.heartbeat_interval
                reconcile, self.reconcile_next = self.reconcile_next, False
                try:
                    report = engine.run_once(reconcile=reconcile, send_heartbeat=beat)
                except Exception as exc:  # never let the thread die silently
                    b.error.emit("failed", f"{type(exc).__name__}")
                    b.state_changed.emit("error")
                    delay = engine.next_delay(b.interval)
                else:
                    if report.heartbeat:
                        last_beat = time.monotonic()
                    b.round_finished.emit(report)
                    b.data_age_changed.emit(-1 if report.data_age_s is None else report.data_age_s)
                    if report.error_code == "stopped":
                        break
                    if report.ok:
                        b.state_changed.emit("idle")
                    else:
                        b.error.emit(report.error_code or "failed", report.error or "")
                        b.state_changed.emit("offline" if report.error_code == "central_unavailable" else "error")
                        if report.error_code == "schema_mismatch":
                            return  # applying nothing more until someone upgrades
                    delay = engine.next_delay(min(b.interval, b.heartbeat_interval))
                self.wake.wait(delay)
                self.wake.clear()
        finally:
            engine.close()
            b.state_changed.emit("stopped")


class SyncBridge(QObject):
    """Runs sync periodically off the GUI thread. See the module docstring for the signals."""

    progress = Signal(str, str, int, int, int)
    state_changed = Signal(str)
    data_age_changed = Signal(int)
    error = Signal(str, str)
    round_finished = Signal(object)

    def __init__(self, factory: EngineFactory, *, interval: float = 60.0, heartbeat_interval: float = 60.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.factory = factory
        self.interval = interval
        self.heartbeat_interval = heartbeat_interval
        self.state = "stopped"
        self.last_report: SyncReport | None = None
        self._age_ref: tuple[int, float] | None = None  # (data age at report, monotonic time of report)
        self._worker: _Worker | None = None
        self.state_changed.connect(self.on_state_changed)
        self.round_finished.connect(self.on_round_finished)
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_TICK_MS)
        self._age_timer.timeout.connect(self.on_age_tick)

    @classmethod
    def from_config(cls, config: Any, printer_state: Callable[[], str] | None = None,
                    parent: QObject | None = None) -> SyncBridge:
        """A bridge for a kiosk.config.Config (central URL, intervals, replica path, ids)."""

        def factory(**kw: Any) -> SyncEngine:
            return SyncEngine.from_config(config, printer_state=printer_state, **kw)

        return cls(factory, interval=config.central.sync_interval,
                   heartbeat_interval=config.central.heartbeat_interval, parent=parent)

    # -- control ---------------------------------------------------------------------------------------------

    def start(self) -> None:
        if self._worker is not None and self._worker.isRunning():
            return
        # The app's long-lived objects (Qt wrappers, modules, screens) go to the permanent generation, so a full
        # collection triggered by the pull's allocations walks only young objects: measured 57 ms -> a few ms
        # of GUI stall per full collection on the bench central.
        gc.freeze()
        # Hand the GIL back to the GUI thread after 1 ms of sync work instead of CPython's default 5 ms.
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.001))
        self._worker = _Worker(self)
        self._worker.start(QThread.Priority.LowPriority)
        self._age_timer.start()

    def sync_now(self, reconcile: bool = False) -> None:
        """Run a round as soon as the current one (if any) ends."""
        if self._worker is not None:
            self._worker.reconcile_next = self._worker.reconcile_next or reconcile
            self._worker.wake.set()

    def stop(self, wait_ms: int = 10_000) -> bool:
        """Ask the thread to stop after the current batch (everything applied stays consistent) and wait."""
        self._age_timer.stop()
        worker, self._worker = self._worker, None
        if worker is None:
            return True
        worker.stop_event.set()
        worker.wake.set()
        return bool(worker.wait(wait_ms))

    def is_running(self) -> bool:
        return self._worker is not None and self._worker.isRunning()

    # -- slots (GUI thread) ----------------------------------------------------------------------------------

    @Slot(str)
    def on_state_changed(self, state: str) -> None:
        self.state = state

    @Slot(object)
    def on_round_finished(self, report: SyncReport) -> None:
        self.last_report = report
        if report.data_age_s is not None:
            self._age_ref = (report.data_age_s, time.monotonic())

    @Slot()
    def on_age_tick(self) -> None:
        if self._age_ref is not None:
            age, at = self._age_ref
            self.data_age_changed.emit(age + int(time.monotonic() - at))

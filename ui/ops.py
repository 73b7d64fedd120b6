"""The one way screens run blocking work (database, central, printer): off the GUI thread.

`Ops.run(fn, *args, on_done=..., on_error=...)` runs `fn` on a QThreadPool worker and calls `on_done(result)`
or `on_error(exc)` back on the GUI thread (queued signal). A busy indicator is asked for (signal `busy`) only
when work takes longer than BUSY_DELAY_MS, so fast look-ups never flicker. Each call carries the epoch it
started in; `invalidate()` (logout, idle timeout) bumps the epoch and every late result of the old epoch is
dropped, so a wiped session can never receive data. Screens add their own per-visit generation on top
(Screen.run), so a screen that was left never receives the result it asked for.

Signals:
    busy(bool): True when something has been running for more than BUSY_DELAY_MS, False when all is done.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

BUSY_DELAY_MS = 300

DoneFn = Callable[[Any], None]
ErrorFn = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call onto the GUI thread."""

    finished = Signal(int, bool, object)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, call_id: int, fn: Callable[..., Any], args: tuple[Any, ...],
                 kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._relay = relay
        self._id = call_id
        self._fn = fn
        self._args = args
        self._kwargs = kwargs

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # delivered to on_error on the GUI thread
            self._relay.finished.emit(self._id, False, exc)
        else:
            self._relay.finished.emit(self._id, True, result)
        finally:
            self._fn = self._args = self._kwargs = None  # type: ignore[assignment]


class Ops(QObject):
    """Background calls with results delivered on the GUI thread. See the module docstring."""

    busy = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self.on_finished)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[int, DoneFn | None, ErrorFn | None]] = {}
        self._lock = threading.Lock()
        self.epoch = 0
        self._busy_shown = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self.on_busy_timeout)

    @property
    def pending(self) -> int:
        """Calls started and not yet delivered (or dropped)."""
        return len(self._pending)

    @property
    def is_busy(self) -> bool:
        return self._busy_shown

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: DoneFn | None = None,
        on_error: ErrorFn | None = None,
        **kwargs: Any,
    ) -> int:
        """Start `fn(*args, **kwargs)` on a worker thread; returns the call id."""
        call_id = next(self._ids)
        self._pending[call_id] = (self.epoch, on_done, on_error)
        if not self._busy_timer.isActive() and not self._busy_shown:
            self._busy_timer.start()
        self._pool.start(_Job(self._relay, call_id, fn, args, kwargs))
        return call_id

    def invalidate(self) -> None:
        """End of a customer session: results of calls already running are dropped when they arrive."""
        self.epoch += 1

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until the pool is idle (tests, tour, shutdown); queued results still need the event loop."""
        return bool(self._pool.waitForDone(timeout_ms))

    @Slot(int, bool, object)
    def on_finished(self, call_id: int, ok: bool, value: object) -> None:
        epoch, on_done, on_error = self._pending.pop(call_id, (-1, None, None))
        try:
            if epoch != self.epoch:
                return  # the session that asked is gone
            if ok:
                if on_done is not None:
                    on_done(value)
            elif on_error is not None:
                on_error(value)  # type: ignore[arg-type]
            else:
                log.error("unhandled background error: %s", type(value).__name__)
        finally:
            if not self._pending:
                self._busy_timer.stop()
                if self._busy_shown:
                    self._busy_shown = False
                    self.busy.emit(False)

    @Slot()
    def on_busy_timeout(self) -> None:
        if self._pending and not self._busy_shown:
            self._busy_shown = True
            self.busy.emit(True)

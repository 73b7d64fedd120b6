"""Python's cyclic garbage collector runs on the GUI thread only.

CPython starts a collection on whichever thread happens to allocate when a generation's threshold trips. Our
workers (the Ops pool, the sync thread) run services that allocate a lot (SQLAlchemy, ReportLab), so a
collection often starts there, and if the garbage holds a Qt object in a reference cycle (a screen whose slots
close over it, a widget the test dropped) its C++ destructor runs off the GUI thread: Qt then crashes at random,
far from the cause (CI died with "Segmentation fault" in the first real-services test after a thousand others).
This is the known PySide/PyQt remedy (Camelot's and OpenCue's GarbageCollector, GitFourchette's gc module): switch
automatic collection off and collect on the GUI thread, from a timer, with the interpreter's own thresholds.
"""

from __future__ import annotations

import gc
import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

log = logging.getLogger(__name__)

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collects the generations whose thresholds were crossed, on the GUI thread; see the module docstring."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.gui_thread = threading.get_ident()
        self.collections = 0
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.on_tick)
        self._timer.start()

    @Slot()
    def on_tick(self) -> None:
        self.collect_due()

    def collect_due(self) -> int:
        """What CPython would have collected by now (0 when nothing is due); never from another thread."""
        if threading.get_ident() != self.gui_thread:
            return 0
        count0, count1, count2 = gc.get_count()
        t0, t1, t2 = self.thresholds
        if count0 <= t0:
            return 0
        generation = 2 if (count1 > t1 and count2 > t2) else 1 if count1 > t1 else 0
        self.collections += 1
        return gc.collect(generation)


_collector: GuiThreadCollector | None = None


def install() -> GuiThreadCollector:
    """Once per process, after the QApplication exists: automatic collection off, the timer on."""
    global _collector
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("the GUI-thread collector needs the QApplication first")
    if _collector is None:
        _collector = GuiThreadCollector(app)
        log.debug("automatic gc off; collecting on the GUI thread every %d ms", INTERVAL_MS)
    return _collector


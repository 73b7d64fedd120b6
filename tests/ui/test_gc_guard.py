"""Cyclic garbage holding a Qt object is finalized on the GUI thread, never on a worker (ui/gc_guard.py).

Each case runs in a child interpreter so that the process's collector state (switched off by the guard for the
rest of the test run) cannot decide the outcome: without the guard the child shows the hazard the guard removes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from typing import Any

from ui import gc_guard

SCRIPT = """
import json, sys, threading
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
if {guard}:
    from ui.app import application
    application()  # what every GUI entry point calls: installs the collector
main = threading.get_ident()
where = []
class Probe(QObject):
    def __del__(self):
        where.append("gui" if threading.get_ident() == main else "worker")
probe = Probe()
probe.me = probe  # a reference cycle: only the cyclic collector can free it
del probe
kept = []
def allocate():  # what a service call on the Ops pool does: allocate objects that outlive the call
    kept.extend([] for _ in range(20_000))
worker = threading.Thread(target=allocate)
worker.start()
worker.join()
on_worker = list(where)
QTimer.singleShot(1500, app.quit)
app.exec()
print(json.dumps([on_worker, where]))
"""


def _run(guard: bool) -> tuple[list[str], list[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT.format(guard=guard)], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-800:]
    on_worker, at_end = json.loads(done.stdout)
    return on_worker, at_end


def test_without_the_guard_a_worker_finalizes_the_qt_object() -> None:
    """The hazard: CPython collects on the thread that allocates, here the worker."""
    on_worker, at_end = _run(guard=False)
    assert on_worker == ["worker"] and at_end == ["worker"]


def test_with_the_guard_the_gui_thread_finalizes_it_on_the_next_tick() -> None:
    on_worker, at_end = _run(guard=True)
    assert on_worker == []  # nothing was collected while the worker allocated
    assert at_end == ["gui"]


def test_collect_due_does_nothing_off_the_gui_thread(qapp: Any) -> None:
    collector = gc_guard.install()
    assert gc_guard.install() is collector  # once per process
    kept: list[list[int]] = [[] for _ in range(5_000)]  # well over the first threshold
    results: list[int] = []
    before = collector.collections
    thread = threading.Thread(target=lambda: results.append(collector.collect_due()))
    thread.start()
    thread.join()
    assert results == [0] and collector.collections == before
    collector.collect_due()
    assert collector.collections == before + 1
    del kept

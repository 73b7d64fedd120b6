"""A failure in the kiosk's own code is logged and the customer lands on the home screen with an apology
(ui.crash, installed by `run` and `demo`). pytest-qt's own capture of slot exceptions is off for these tests
(qt_no_exception_capture): the kiosk's hook is what is under test."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer, qWarning
from PySide6.QtWidgets import QPushButton

from ui import crash


@pytest.fixture
def guard(kiosk_window: Any, tmp_path: Path) -> Iterator[crash.CrashGuard]:
    installed = crash.install(kiosk_window, tmp_path / "fault.log")
    yield installed
    crash.uninstall()


@pytest.mark.qt_no_exception_capture
def test_a_slot_that_raises_is_logged_and_the_kiosk_goes_home_with_an_apology(
    qtbot: Any, kiosk_window: Any, guard: crash.CrashGuard, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk_window.go("lookup")
    assert kiosk_window.current_name() == "lookup"
    button = QPushButton("boom", kiosk_window.current())
    button.show()

    def broken_slot() -> None:
        raise RuntimeError("a bug in a slot")

    button.clicked.connect(broken_slot)
    with caplog.at_level(logging.ERROR, logger="ui.crash"):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: kiosk_window.current_name() == "home", timeout=3000)
    records = [r for r in caplog.records if r.name == "ui.crash"]
    assert records and records[0].levelno == logging.ERROR
    assert records[0].exc_info is not None and "a bug in a slot" in str(records[0].exc_info[1])
    assert kiosk_window.banner.isVisible()
    assert kiosk_window.banner.text.text() == guard.apology()
    assert "algo salió mal" in guard.apology()


@pytest.mark.qt_no_exception_capture
def test_the_apology_is_translated(qtbot: Any, kiosk_window: Any, guard: crash.CrashGuard) -> None:
    kiosk_window.set_language("en")
    QTimer.singleShot(0, lambda: 1 / 0)  # a timer's slot fails
    qtbot.waitUntil(lambda: kiosk_window.banner.isVisible(), timeout=3000)
    apology = "Sorry, something went wrong. We went back to the start; you can try again."
    assert kiosk_window.banner.text.text() == apology


@pytest.mark.qt_no_exception_capture
def test_a_crash_loop_exits_for_a_clean_restart(qtbot: Any, kiosk_window: Any, guard: crash.CrashGuard,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    exits: list[int] = []
    monkeypatch.setattr(crash.QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    for _ in range(crash.MAX_CRASHES + 1):
        guard.recover()
    assert exits == [crash.EXIT_CRASH_LOOP]


def test_thread_exceptions_and_qt_messages_go_to_the_log(guard: crash.CrashGuard,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    def worker() -> None:
        raise ValueError("in a worker")

    with caplog.at_level(logging.DEBUG):
        thread = threading.Thread(target=worker, name="worker-1")
        thread.start()
        thread.join()
        qWarning("a Qt warning")
    assert any(r.name == "ui.crash" and "worker-1" in r.getMessage() and r.exc_info for r in caplog.records)
    assert any(r.name == "qt" and r.levelno == logging.WARNING and "a Qt warning" in r.getMessage()
               for r in caplog.records)


def test_faulthandler_writes_to_the_log_file(guard: crash.CrashGuard, tmp_path: Path) -> None:
    import faulthandler

    assert faulthandler.is_enabled()
    fault_file = crash._Installed.fault_file
    assert fault_file is not None
    faulthandler.dump_traceback(file=fault_file)  # what a segfault would write, without one
    fault_file.flush()
    assert "test_faulthandler_writes_to_the_log_file" in (tmp_path / "fault.log").read_text(encoding="utf-8")

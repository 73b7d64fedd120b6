"""The background-op helper, the on-screen keyboard and keypad, the scanner catcher."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from ui_taps import tap

from kiosk.services.errors import NotFound
from ui.ops import BUSY_DELAY_MS, Ops
from ui.widgets.keyboard import Keyboard
from ui.widgets.keypad import Keypad
from ui.widgets.scanner import ScanCatcher


def test_results_come_back_on_the_gui_thread(qtbot: Any) -> None:
    ops = Ops()
    seen: list[tuple[str, bool]] = []
    gui = threading.current_thread()
    worker: list[threading.Thread] = []

    def work(x: int) -> int:
        worker.append(threading.current_thread())
        return x * 2

    ops.run(work, 21, on_done=lambda r: seen.append((f"done {r}", threading.current_thread() is gui)))
    ops.run(_raise, on_error=lambda e: seen.append((type(e).__name__, threading.current_thread() is gui)))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    assert sorted(seen) == [("NotFound", True), ("done 42", True)]
    assert worker and worker[0] is not gui  # the work itself ran off the GUI thread


def _raise() -> None:
    raise NotFound("invoice_not_found")


def test_busy_only_after_the_delay(qtbot: Any) -> None:
    ops = Ops()
    states: list[bool] = []
    ops.busy.connect(states.append)
    ops.run(time.sleep, 0.05)
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=3000)
    qtbot.wait(BUSY_DELAY_MS + 50)
    assert states == []  # a fast call never shows the veil
    started = time.monotonic()
    ops.run(time.sleep, (BUSY_DELAY_MS + 300) / 1000)
    qtbot.waitUntil(lambda: states == [True], timeout=3000)
    assert time.monotonic() - started >= BUSY_DELAY_MS / 1000 * 0.9
    qtbot.waitUntil(lambda: states == [True, False], timeout=3000)


def test_late_results_after_invalidate_are_dropped(qtbot: Any) -> None:
    ops = Ops()
    got: list[object] = []
    gate = threading.Event()
    ops.run(lambda: gate.wait(2) and "old customer's data", on_done=got.append)
    ops.invalidate()  # the session ended while the call was running
    gate.set()
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=3000)
    assert got == []
    ops.run(lambda: "new", on_done=got.append)
    qtbot.waitUntil(lambda: got == ["new"], timeout=3000)


def test_keyboard_types_spanish(qtbot: Any) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    kb = Keyboard(host)
    field = QLineEdit(host)
    kb.attach(field)
    host.show()
    for ch in "ñandú":
        tap(qtbot, kb.keys[ch])
    tap(qtbot, kb.space_key)
    tap(qtbot, kb.shift_key)
    tap(qtbot, kb.keys["p"])  # one capital, then back to lower case
    tap(qtbot, kb.keys["e"])
    for ch in "@.-_":
        tap(qtbot, kb.keys[ch])
    tap(qtbot, kb.back_key)
    assert field.text() == "ñandú Pe@.-"
    assert {"á", "é", "í", "ó", "ú", "ü", "ñ"} <= set(kb.keys)
    memo = QPlainTextEdit(host)
    memo.setProperty("maxLength", 3)
    kb.attach(memo)
    for ch in "luzx":
        tap(qtbot, kb.keys[ch])
    assert memo.toPlainText() == "luz"


def test_keypad_backspace_clear_and_ok(qtbot: Any) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    pad = Keypad(host)
    field = QLineEdit(host)
    pad.attach(field)
    host.show()
    for d in "1205":
        tap(qtbot, pad.keys[d])
    tap(qtbot, pad.back_key)
    assert field.text() == "120"
    with qtbot.waitSignal(pad.submitted, timeout=1000):
        tap(qtbot, pad.ok_key)
    tap(qtbot, pad.clear_key)
    assert field.text() == ""


def test_scanner_tells_a_scan_from_a_person(qtbot: Any) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    catcher = ScanCatcher()
    host.installEventFilter(catcher)
    scans: list[str] = []
    typed: list[str] = []
    enters: list[bool] = []
    catcher.scanned.connect(scans.append)
    catcher.typed.connect(typed.append)
    catcher.enter.connect(lambda: enters.append(True))
    qtbot.keyClicks(host, "000012340000012345")
    qtbot.keyClick(host, Qt.Key.Key_Return)
    assert scans == ["000012340000012345"] and typed == []
    for d in "42":  # a person types slowly
        qtbot.keyClick(host, d)
        qtbot.wait(200)
    qtbot.waitUntil(lambda: typed == ["4", "2"], timeout=2000)
    qtbot.keyClick(host, Qt.Key.Key_Return)
    assert enters == [True] and scans == ["000012340000012345"]


def test_lazy_services_are_built_off_the_gui_thread_after_first_paint(qtbot: Any, tmp_path: Any) -> None:
    from conftest import kiosk_config

    from kiosk.testing.fakes import fake_services
    from kiosk.testing.world import demo_branding
    from ui.app import build_window, show
    from ui.lazy_services import LazyServices, lazy_services
    from ui.screens.base import SCREENS

    built_on: list[threading.Thread] = []
    branding = demo_branding("coop-ar")

    def factory() -> Any:
        built_on.append(threading.current_thread())
        return fake_services(branding=branding)

    services = lazy_services(factory)
    window = build_window(services, kiosk_config(tmp_path), branding, poll_status=False)
    qtbot.addWidget(window)
    assert built_on == []  # nothing built before the window is up
    show(window, fullscreen=False)
    qtbot.waitUntil(lambda: len(built_on) == 1 and services.ready, timeout=5000)  # the factory has returned
    assert built_on[0] is not threading.main_thread()
    assert isinstance(services, LazyServices) and services.ready
    qtbot.waitUntil(lambda: set(SCREENS) <= set(window.screens), timeout=10_000)  # every screen prebuilt
    window.ctx.ops.wait_idle(3000)


def test_out_of_service_by_staff_reaches_a_home_whose_services_were_still_lazy(qtbot: Any, tmp_path: Any) -> None:
    """The home does not build lazy services before the first paint; once prewarm built them it asks for the
    staff's out-of-service flag, so a kiosk started out of service says so without a tap."""
    from conftest import kiosk_config

    from kiosk.testing.fakes import fake_services
    from kiosk.testing.world import demo_branding
    from ui.app import build_window, show
    from ui.lazy_services import lazy_services

    branding = demo_branding("coop-ar")
    real = fake_services(branding=branding)
    real.info.w.out_of_service, real.info.w.service_message = True, "Vuelvo enseguida."
    services = lazy_services(lambda: real)
    window = build_window(services, kiosk_config(tmp_path), branding, poll_status=False)
    qtbot.addWidget(window)
    show(window, fullscreen=False)
    notice = window.screens["home"].notice
    qtbot.waitUntil(lambda: notice.isVisible() and "Vuelvo enseguida." in notice.text.text(), timeout=10_000)
    window.ctx.ops.wait_idle(3000)

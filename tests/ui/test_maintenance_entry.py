"""Maintenance mode's entry: the logo hold, staff login, lockout, branch PIN, roles, idle timeout, messages."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from ui_taps import button_named, tap, type_on_keypad

from kiosk.services.errors import STAFF_CODES, Forbidden, ServiceError
from ui.main_window import LOGO_HOLD_MS
from ui.messages import error_message, known_codes, staff_message


def settle(window: Any) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(4):
        window.ctx.ops.wait_idle(5000)
        QApplication.processEvents()


def staff_login(qtbot: Any, window: Any, number: str, pin: str) -> Any:
    """As staff do: hold the logo (shortened here; the 3 s hold has its own test), number, OK, PIN, OK."""
    window.enter_maintenance()
    screen = window.current()
    assert window.current_name() == "staff_login"
    type_on_keypad(qtbot, screen.keypad, number)
    tap(qtbot, screen.keypad.ok_key)
    type_on_keypad(qtbot, screen.keypad, pin)
    tap(qtbot, screen.keypad.ok_key)
    settle(window)
    return screen


def test_holding_the_logo_3_s_opens_staff_login_and_wipes_the_customer(qtbot: Any, kiosk_window: Any) -> None:
    assert LOGO_HOLD_MS == 3000
    session = kiosk_window.ctx.services.auth.login("1001", "2580")
    kiosk_window.start_session(session)
    kiosk_window.go("invoices")
    logo = kiosk_window.header.logo
    started = time.monotonic()
    qtbot.mousePress(logo, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.waitUntil(lambda: kiosk_window.current_name() == "staff_login", timeout=5000)
    held = time.monotonic() - started
    qtbot.mouseRelease(logo, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert held >= 2.9
    assert kiosk_window.ctx.session is None  # the customer's session was wiped first
    assert kiosk_window.staff_session is None


def test_a_short_tap_on_the_logo_does_nothing(qtbot: Any, kiosk_window: Any) -> None:
    logo = kiosk_window.header.logo
    qtbot.mousePress(logo, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.wait(400)
    qtbot.mouseRelease(logo, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.wait(LOGO_HOLD_MS + 300)
    assert kiosk_window.current_name() == "home"
    assert not kiosk_window.logo_hold.isActive()


def test_operator_sees_no_technician_tile_and_the_service_refuses_anyway(qtbot: Any, kiosk_window: Any) -> None:
    staff_login(qtbot, kiosk_window, "1", "4826")
    assert kiosk_window.current_name() == "maintenance_home"
    home = kiosk_window.current()
    assert kiosk_window.staff_session.role == "operator"
    assert home.tiles["maintenance_status"].isVisible()
    assert not home.tiles["maintenance_technician"].isVisible()
    assert "Operador" in home.who.text()
    with pytest.raises(Forbidden):  # the role is the service's check, not the hidden tile
        kiosk_window.ctx.services.staff.config_view(kiosk_window.staff_session)
    kiosk_window.go("maintenance_technician")  # reached anyway: every call is refused, and it says so
    settle(kiosk_window)
    tech = kiosk_window.current()
    assert tech.notice.isVisible()
    assert "solo para técnicos" in tech.notice.text.text()
    assert tech.config_text.toPlainText() == ""
    # nothing to tap beside the refusal: no printer or device buttons, no empty configuration box
    assert tech.refused and not tech.main.isVisible()
    assert not tech.reboot_btn.isVisible() and not tech.save_btn.isVisible()
    tech.ask("reboot")
    assert not tech.confirm.isVisible()
    assert kiosk_window.footer.logout.text() == "Salir de mantenimiento"


def test_technician_sees_the_technician_tile(qtbot: Any, kiosk_window: Any) -> None:
    staff_login(qtbot, kiosk_window, "2", "7391")
    home = kiosk_window.current()
    assert kiosk_window.current_name() == "maintenance_home"
    assert home.tiles["maintenance_technician"].isVisible()
    tap(qtbot, home.tiles["maintenance_technician"])
    settle(kiosk_window)
    assert "***" in kiosk_window.current().config_text.toPlainText()


def test_wrong_pins_lock_entry_with_the_minutes_left(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    screen = staff_login(qtbot, kiosk_window, "1", "1111")
    assert "Quedan" in screen.notice.text.text()
    for _ in range(kiosk_world.max_attempts - 1):
        type_on_keypad(qtbot, screen.keypad, "1111")
        tap(qtbot, screen.keypad.ok_key)
        settle(kiosk_window)
    assert kiosk_window.staff_session is None
    assert "bloqueada" in screen.notice.text.text()
    assert "minutos" in screen.notice.text.text()
    assert not screen.keypad.ok_key.isEnabled()  # no attempt is sent while locked
    # Coming back later still shows the lock (read from services.staff.locked_seconds).
    kiosk_window.home()
    kiosk_window.enter_maintenance()
    settle(kiosk_window)
    screen = kiosk_window.current()
    assert "bloqueada" in screen.notice.text.text()
    assert not screen.keypad.ok_key.isEnabled()


def test_offline_entry_with_the_branch_pin(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    kiosk_world.branch_pin = "580913"
    kiosk_window.enter_maintenance()
    screen = kiosk_window.current()
    tap(qtbot, button_named(screen, "staff_mode"))
    assert not screen.number.isVisible()
    type_on_keypad(qtbot, screen.keypad, "580913")
    tap(qtbot, screen.keypad.ok_key)
    settle(kiosk_window)
    assert kiosk_window.current_name() == "maintenance_home"
    assert kiosk_window.staff_session.via == "branch_pin"
    assert kiosk_window.staff_session.role == "operator"
    assert "PIN de la sucursal" in kiosk_window.current().who.text()


def test_branch_pin_not_set_is_said(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    kiosk_world.branch_pin = ""
    kiosk_window.enter_maintenance()
    screen = kiosk_window.current()
    tap(qtbot, button_named(screen, "staff_mode"))
    type_on_keypad(qtbot, screen.keypad, "580913")
    tap(qtbot, screen.keypad.ok_key)
    settle(kiosk_window)
    assert kiosk_window.staff_session is None
    assert "no tiene PIN de sucursal" in screen.notice.text.text()


def test_badge_scan_enters(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    kiosk_window.enter_maintenance()
    screen = kiosk_window.current()
    screen.scanner.scanned.emit(f"VST-2-{kiosk_world.staff[2].badge}")
    settle(kiosk_window)
    assert kiosk_window.current_name() == "maintenance_home"
    assert kiosk_window.staff_session.via == "badge"


def test_maintenance_idle_timeout_goes_home_and_logs_the_staff_out(qtbot: Any, kiosk_window: Any) -> None:
    kiosk_window.staff_idle = (0.3, 2)  # the production 60 s + 10 s, shortened
    kiosk_window.staff_tick_ms = 50
    staff_login(qtbot, kiosk_window, "1", "4826")
    session = kiosk_window.staff_session
    assert session is not None
    kiosk_window.go("maintenance_status")
    qtbot.waitUntil(lambda: kiosk_window.current_name() == "home", timeout=5000)
    settle(kiosk_window)
    assert kiosk_window.staff_session is None
    with pytest.raises(ServiceError) as err:  # logged out at the service too
        kiosk_window.ctx.services.staff.require(session, "operator")
    assert err.value.code == "session_expired"
    assert kiosk_window.watchdog._idle.interval() == kiosk_window.ctx.config.ui.idle_timeout * 1000


def test_staff_idle_is_shorter_than_the_customers(kiosk_window: Any) -> None:
    assert kiosk_window.staff_idle[0] < kiosk_window.ctx.config.ui.idle_timeout


def test_every_staff_code_has_a_sentence() -> None:
    assert set(STAFF_CODES) <= known_codes()
    for code in STAFF_CODES:
        text = staff_message(ServiceError(code, required="technician", reason="disabled"))
        assert "{" not in text
        assert text != error_message(ServiceError("no_such_code"))
    reasons = {staff_message(ServiceError("staff_refused", reason=r)) for r in ("disabled", "other_branch", "role")}
    assert len(reasons) == 3
    assert "15 minutos" in staff_message(ServiceError("locked", locked_seconds=900))


def test_a_staff_session_the_service_dropped_leaves_the_mode(qtbot: Any, kiosk_window: Any) -> None:
    staff_login(qtbot, kiosk_window, "1", "4826")
    kiosk_window.go("maintenance_status")
    settle(kiosk_window)
    kiosk_window.ctx.services.staff.logout(kiosk_window.staff_session)  # e.g. its session_minutes ran out
    tap(qtbot, kiosk_window.current().refresh_btn)
    settle(kiosk_window)
    assert kiosk_window.staff_session is None
    assert kiosk_window.current_name() == "staff_login"
    assert "terminó" in kiosk_window.current().notice.text.text()


def test_the_idle_countdown_tells_staff_their_session_closes(qtbot: Any, kiosk_window: Any) -> None:
    staff_login(qtbot, kiosk_window, "1", "4826")
    kiosk_window.on_idle_warn(10)
    assert kiosk_window.idle_dialog.logged_in
    kiosk_window.idle_dialog.hide()

"""Login by taps: wrong PIN with attempts left, lockout after five, central unreachable, success."""

from __future__ import annotations

from typing import Any

from ui_taps import tap, type_on_keypad

from kiosk.testing.world import FakeWorld


def _login(qtbot: Any, window: Any, account: str, pin: str) -> Any:
    screen: Any = window.current()
    if screen.step == "account":
        type_on_keypad(qtbot, screen.keypad, account)
        tap(qtbot, screen.keypad.ok_key)
    assert screen.step == "pin"
    assert screen.pin.edit.echoMode() == screen.pin.edit.EchoMode.Password
    type_on_keypad(qtbot, screen.keypad, pin)
    tap(qtbot, screen.keypad.ok_key)
    return screen


def test_wrong_pin_five_times_locks(qtbot: Any, kiosk_window: Any) -> None:
    tap(qtbot, kiosk_window.screen_named("home").login_tile)
    screen: Any = kiosk_window.current()
    for attempt in range(1, 5):
        _login(qtbot, kiosk_window, "1001", "1111")
        expected = f"Le quedan {5 - attempt} intentos"
        qtbot.waitUntil(lambda e=expected: e in screen.notice.text.text(), timeout=5000)
        assert screen.pin.text() == ""  # the wrong PIN is not left on screen
    screen = _login(qtbot, kiosk_window, "1001", "1111")
    qtbot.waitUntil(lambda: "bloqueada" in screen.notice.text.text(), timeout=5000)
    assert "15 minutos" in screen.notice.text.text()
    assert screen.lookup_btn.isVisible()  # a way on: look up and print without login
    # Even the right PIN is refused while locked.
    screen = _login(qtbot, kiosk_window, "1001", "2580")
    qtbot.waitUntil(lambda: "bloqueada" in screen.notice.text.text() and kiosk_window.ctx.ops.pending == 0,
                    timeout=5000)
    assert kiosk_window.ctx.session is None


def test_central_unreachable(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    kiosk_world.central_online = False
    tap(qtbot, kiosk_window.screen_named("home").login_tile)
    screen = _login(qtbot, kiosk_window, "1001", "2580")
    qtbot.waitUntil(lambda: screen.notice.isVisible(), timeout=5000)
    assert screen.notice.text.text() == (
        "El ingreso no está disponible en este momento; puede consultar e imprimir facturas.")
    tap(qtbot, screen.lookup_btn)
    assert kiosk_window.current_name() == "lookup"


def test_right_pin_opens_account_home(qtbot: Any, kiosk_window: Any) -> None:
    tap(qtbot, kiosk_window.screen_named("home").login_tile)
    _login(qtbot, kiosk_window, "1001", "2580")
    qtbot.waitUntil(lambda: kiosk_window.ctx.session is not None, timeout=5000)
    assert kiosk_window.ctx.session.first_name == "María"
    assert kiosk_window.current_name() == "account_home"
    assert kiosk_window.footer.logout.isVisible()


def test_logged_in_screen_asks_for_login_first(qtbot: Any, kiosk_window: Any) -> None:
    from ui.screens.base import SCREENS

    kiosk_window.go("account_home")
    if SCREENS.get("account_home") is not None and SCREENS["account_home"].requires_login:
        assert kiosk_window.current_name() == "login"
        _login(qtbot, kiosk_window, "1001", "2580")
        qtbot.waitUntil(lambda: kiosk_window.current_name() == "account_home", timeout=5000)


def test_double_tap_is_one_attempt(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    kiosk_world.delay = 0.3
    tap(qtbot, kiosk_window.screen_named("home").login_tile)
    screen: Any = kiosk_window.current()
    type_on_keypad(qtbot, screen.keypad, "1001")
    tap(qtbot, screen.keypad.ok_key)
    type_on_keypad(qtbot, screen.keypad, "1111")
    tap(qtbot, screen.keypad.ok_key)
    tap(qtbot, screen.keypad.ok_key)  # an impatient second tap while the first is checked
    qtbot.waitUntil(lambda: screen.notice.isVisible(), timeout=5000)
    kiosk_window.ctx.ops.wait_idle(3000)
    qtbot.wait(50)
    assert kiosk_world.customers[1001].failed == 1
    assert "Le quedan 4 intentos" in screen.notice.text.text()

"""Register / reset PIN by taps: code requested, wrong code, new PIN twice, done."""

from __future__ import annotations

from typing import Any

from ui_taps import tap, type_on_keypad

from kiosk.testing.world import FakeWorld


def _to_code_step(qtbot: Any, window: Any) -> Any:
    tap(qtbot, window.screen_named("home").pin_tile)
    screen: Any = window.current()
    type_on_keypad(qtbot, screen.keypad, "1001")
    tap(qtbot, screen.keypad.ok_key)
    type_on_keypad(qtbot, screen.keypad, "20111222")
    tap(qtbot, screen.keypad.ok_key)
    assert screen.step == "channel"
    tap(qtbot, screen.sms_btn)
    qtbot.waitUntil(lambda: screen.step == "code", timeout=5000)
    return screen


def test_register_pin_then_login_with_it(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    screen = _to_code_step(qtbot, kiosk_window)
    assert kiosk_world.sent_codes == ["123456"]
    type_on_keypad(qtbot, screen.keypad, "123456")
    tap(qtbot, screen.keypad.ok_key)
    assert screen.step == "new_pin"
    type_on_keypad(qtbot, screen.keypad, "8642")
    tap(qtbot, screen.keypad.ok_key)
    type_on_keypad(qtbot, screen.keypad, "8642")
    tap(qtbot, screen.keypad.ok_key)
    qtbot.waitUntil(lambda: screen.step == "done", timeout=5000)
    assert kiosk_world.customers[1001].pin == "8642"
    assert all(not f.text() for f in screen.fields)  # nothing typed is left behind
    tap(qtbot, screen.login_btn)
    assert kiosk_window.current_name() == "login"


def test_wrong_code_goes_back_to_the_code(qtbot: Any, kiosk_window: Any) -> None:
    screen = _to_code_step(qtbot, kiosk_window)
    type_on_keypad(qtbot, screen.keypad, "654321")
    tap(qtbot, screen.keypad.ok_key)
    type_on_keypad(qtbot, screen.keypad, "8642")
    tap(qtbot, screen.keypad.ok_key)
    type_on_keypad(qtbot, screen.keypad, "8642")
    tap(qtbot, screen.keypad.ok_key)
    qtbot.waitUntil(lambda: screen.notice.isVisible(), timeout=5000)
    assert screen.step == "code"
    assert "El código no es correcto" in screen.notice.text.text()
    assert screen.new_code_btn.isVisible()


def test_pins_must_match(qtbot: Any, kiosk_window: Any) -> None:
    screen = _to_code_step(qtbot, kiosk_window)
    type_on_keypad(qtbot, screen.keypad, "123456")
    tap(qtbot, screen.keypad.ok_key)
    type_on_keypad(qtbot, screen.keypad, "8642")
    tap(qtbot, screen.keypad.ok_key)
    type_on_keypad(qtbot, screen.keypad, "8643")
    tap(qtbot, screen.keypad.ok_key)
    qtbot.waitUntil(lambda: screen.notice.isVisible(), timeout=5000)
    assert screen.step == "new_pin"
    assert "no coinciden" in screen.notice.text.text()


def test_back_goes_one_step_at_a_time(qtbot: Any, kiosk_window: Any) -> None:
    screen = _to_code_step(qtbot, kiosk_window)
    tap(qtbot, kiosk_window.footer.back)
    assert screen.step == "channel" and kiosk_window.current_name() == "pin_register"
    tap(qtbot, kiosk_window.footer.back)
    assert screen.step == "identify"
    assert screen.account.text() == "1001"  # what was typed is still there to correct
    tap(qtbot, kiosk_window.footer.back)
    assert kiosk_window.current_name() == "home"


def test_document_with_letters_on_the_full_keyboard(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    kiosk_world.customers[1003].document = "ROMA800101"  # a Mexican-style identifier with letters
    tap(qtbot, kiosk_window.screen_named("home").pin_tile)
    screen: Any = kiosk_window.current()
    type_on_keypad(qtbot, screen.keypad, "1003")
    tap(qtbot, screen.keypad.ok_key)
    tap(qtbot, screen.letters_btn)
    assert screen.keyboard.isVisible() and not screen.keypad.isVisible()
    tap(qtbot, screen.keyboard.shift_key)
    for ch in "roma":
        if ch != "r":
            tap(qtbot, screen.keyboard.shift_key)
        tap(qtbot, screen.keyboard.keys[ch])
    for ch in "800101":
        tap(qtbot, screen.keyboard.keys[ch])
    assert screen.document.text() == "ROMA800101"
    tap(qtbot, screen.keyboard.ok_key)
    assert screen.step == "channel" and not screen.keyboard.isVisible()
    tap(qtbot, screen.email_btn)
    qtbot.waitUntil(lambda: screen.step == "code", timeout=5000)
    assert kiosk_world.sent_codes == ["123456"]  # the document matched: a code was sent

"""After an idle timeout or a logout nothing of the previous customer is left anywhere."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication
from ui_taps import all_texts, tap, type_on_keypad

from kiosk.testing.world import FakeWorld


def _customer_traces(world: FakeWorld) -> list[str]:
    """Strings that would betray the previous customer if any widget still showed or held them."""
    inv = world.invoices[0]
    cust = world.customers[1001]
    return ["1001", cust.first_name, cust.holder_masked, inv.number, "48.211,37", "2580", "20111222"]


def _use_the_kiosk(qtbot: Any, window: Any, world: FakeWorld) -> None:
    """Look up an invoice, start a PIN registration, log in and visit the logged-in screens."""
    tap(qtbot, window.screen_named("home").lookup_tile)
    lookup: Any = window.current()
    type_on_keypad(qtbot, lookup.keypad, "1001")
    tap(qtbot, lookup.keypad.ok_key)
    type_on_keypad(qtbot, lookup.keypad, world.invoices[0].number)
    tap(qtbot, lookup.keypad.ok_key)
    qtbot.waitUntil(lambda: window.current_name() == "invoice_found", timeout=5000)
    window.home()
    tap(qtbot, window.screen_named("home").pin_tile)
    pin: Any = window.current()
    type_on_keypad(qtbot, pin.keypad, "1001")
    tap(qtbot, pin.keypad.ok_key)
    type_on_keypad(qtbot, pin.keypad, "20111222")
    window.home()
    tap(qtbot, window.screen_named("home").login_tile)
    login: Any = window.current()
    type_on_keypad(qtbot, login.keypad, "1001")
    tap(qtbot, login.keypad.ok_key)
    type_on_keypad(qtbot, login.keypad, "2580")
    tap(qtbot, login.keypad.ok_key)
    qtbot.waitUntil(lambda: window.ctx.session is not None, timeout=5000)
    window.build_all()
    for name in list(window.screens):
        if name not in ("printing", "error"):
            window.go(name)
            qtbot.waitUntil(lambda: window.ctx.ops.pending == 0, timeout=5000)
    QGuiApplication.clipboard().setText("1001 " + world.invoices[0].number)


def _assert_forgotten(window: Any, world: FakeWorld) -> None:
    assert window.ctx.session is None
    assert window.current_name() == "home"
    assert QGuiApplication.clipboard().text() == ""
    assert all(not cache for cache in window.caches)
    traces = _customer_traces(world)
    for name, screen in window.screens.items():
        for text in all_texts(screen):
            leaked = [t for t in traces if t and t in text]
            assert not leaked, f"screen {name} still shows {leaked} in {text!r}"


def test_idle_timeout_wipes_everything(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    _use_the_kiosk(qtbot, kiosk_window, kiosk_world)
    traces = _customer_traces(kiosk_world)
    held = {t for s in kiosk_window.screens.values() for text in all_texts(s) for t in traces if t in text}
    assert len(held) >= 3, held  # before the wipe the screens do hold the customer's data: the check can fail
    kiosk_window.watchdog.set_intervals(0.2, 2, tick_ms=50)
    qtbot.waitUntil(lambda: kiosk_window.idle_dialog.isVisible(), timeout=3000)
    assert kiosk_window.idle_dialog.question.text() == "¿Sigue ahí?"
    assert kiosk_window.idle_dialog.unit.text() in ("segundo", "segundos")
    assert "sesión" in kiosk_window.idle_dialog.countdown.text()  # logged in: zero closes the session
    qtbot.waitUntil(lambda: kiosk_window.ctx.session is None, timeout=3000)
    assert not kiosk_window.idle_dialog.isVisible()
    _assert_forgotten(kiosk_window, kiosk_world)
    assert kiosk_world.gui_thread_calls == []  # every service call of every screen went through ui.ops


def test_answering_the_countdown_keeps_the_session(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    tap(qtbot, kiosk_window.screen_named("home").lookup_tile)
    lookup: Any = kiosk_window.current()
    type_on_keypad(qtbot, lookup.keypad, "1001")
    kiosk_window.watchdog.set_intervals(0.2, 30, tick_ms=1000)
    qtbot.waitUntil(lambda: kiosk_window.idle_dialog.isVisible(), timeout=3000)
    tap(qtbot, kiosk_window.idle_dialog.stay_button)
    assert not kiosk_window.idle_dialog.isVisible()
    assert kiosk_window.current_name() == "lookup"
    assert lookup.account.text() == "1001"


def test_logout_wipes_everything(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    _use_the_kiosk(qtbot, kiosk_window, kiosk_world)
    token = kiosk_window.ctx.session.token
    tap(qtbot, kiosk_window.footer.logout)
    _assert_forgotten(kiosk_window, kiosk_world)
    assert token in kiosk_world.logged_out


def test_idle_home_screen_is_left_alone(qtbot: Any, kiosk_window: Any) -> None:
    kiosk_window.watchdog.set_intervals(0.1, 2, tick_ms=50)
    qtbot.wait(400)
    assert not kiosk_window.idle_dialog.isVisible()


def test_late_result_of_a_wiped_session_is_dropped(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    kiosk_world.delay = 0.4
    tap(qtbot, kiosk_window.screen_named("home").lookup_tile)
    lookup: Any = kiosk_window.current()
    type_on_keypad(qtbot, lookup.keypad, "1001")
    tap(qtbot, lookup.keypad.ok_key)
    type_on_keypad(qtbot, lookup.keypad, kiosk_world.invoices[0].number)
    tap(qtbot, lookup.keypad.ok_key)
    kiosk_window.end_session()  # the customer walked away while the look-up was running
    kiosk_window.ctx.ops.wait_idle(3000)
    qtbot.wait(100)
    assert kiosk_window.current_name() == "home"
    assert kiosk_window.screen_named("invoice_found").invoice is None


def test_walk_in_going_home_leaves_nothing_behind(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    kiosk_window.go("invoice_found", invoice=kiosk_world.invoices[0])
    found: Any = kiosk_window.current()
    assert found.values["number"].text() == kiosk_world.invoices[0].number
    tap(qtbot, kiosk_window.footer.home)
    assert kiosk_window.current_name() == "home"
    for name, screen in kiosk_window.screens.items():
        for text in all_texts(screen):
            assert kiosk_world.invoices[0].number not in text, name


def test_home_while_logged_in_is_the_account_home(qtbot: Any, kiosk_window: Any) -> None:
    from ui.screens.base import SCREENS

    session = kiosk_window.ctx.services.auth.login("1001", "2580")
    kiosk_window.start_session(session)
    kiosk_window.go("faq")
    tap(qtbot, kiosk_window.footer.home)
    expected = "account_home" if "account_home" in SCREENS else "home"
    assert kiosk_window.current_name() == expected
    assert kiosk_window.ctx.session is session


def test_never_synced_replica_is_out_of_service(qtbot: Any, kiosk_window: Any) -> None:
    from datetime import UTC, datetime

    from kiosk.sync.report import SyncStatus

    kiosk_window.on_sync_status(SyncStatus(False, None, None, 0, 0))
    home: Any = kiosk_window.current()
    assert kiosk_window.out_of_service
    assert home.notice.isVisible() and not home.lookup_tile.isVisible()
    assert home.faq_tile.isVisible()
    kiosk_window.set_language("en")
    assert "not received" in home.notice.text.text() or "head office" in home.notice.text.text()
    assert not kiosk_window.banner.isVisible()  # said once, on home
    kiosk_window.set_language("es")
    kiosk_window.on_sync_status(SyncStatus(True, 30, datetime.now(UTC), 0, 0))  # the first pull arrived
    assert not kiosk_window.out_of_service
    assert home.lookup_tile.isVisible() and not kiosk_window.banner.isVisible()


def test_expired_session_is_ended_with_a_friendly_message(qtbot: Any, kiosk_window: Any) -> None:
    from kiosk.services.errors import SessionExpired

    kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
    screen = kiosk_window.screen_named("faq")
    kiosk_window.go("faq")
    screen.fail(SessionExpired("session_expired"))
    assert kiosk_window.ctx.session is None
    assert kiosk_window.current_name() == "error"
    assert "Su sesión terminó" in kiosk_window.current().notice.text.text()

"""Walk-in journeys on the real demo stack: seeded central SQLite, synced replica, real services, pdf-folder.

The demo is prepared once per module with a small seed (kiosk.demo.prepare), so these tests exercise
exactly what `python -m kiosk demo` runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from ui_taps import tap, type_on_keypad

from kiosk.payments.reference import make_barcode


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, dict[str, Any]]:
    from kiosk.demo import prepare

    return prepare(tmp_path_factory.mktemp("demo"), "coop-ar", 60, log=lambda _m: None)


def _shown_window(qtbot: Any, config: Any) -> Any:
    """The window over the demo's real services, as `python -m kiosk demo` builds it."""
    from kiosk.branding import load_branding
    from kiosk.services.factory import build_services
    from ui.app import build_window

    window = build_window(build_services(config), config, load_branding(config.ui.branding),
                          orientation="landscape", poll_status=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _closed(window: Any) -> None:
    window.watchdog.stop()
    window.ctx.ops.wait_idle(5000)


@pytest.fixture
def demo_window(qtbot: Any, demo: tuple[Any, dict[str, Any]]) -> Any:
    window = _shown_window(qtbot, demo[0])
    yield window
    window.set_language("es")
    _closed(window)


def _demo_invoice(demo: tuple[Any, dict[str, Any]]) -> tuple[str, str]:
    d = next(d for d in demo[1]["demo"] if d.get("latest_invoice"))
    return str(d["account_id"]), str(d["latest_invoice"])


def test_walk_in_lookup_prints_duplicate_pdf(qtbot: Any, demo_window: Any, demo: Any) -> None:
    config = demo[0]
    account, number = _demo_invoice(demo)
    before = set(Path(config.print_folder).glob("*.pdf")) if Path(config.print_folder).exists() else set()
    tap(qtbot, demo_window.screen_named("home").lookup_tile)
    lookup: Any = demo_window.current()
    type_on_keypad(qtbot, lookup.keypad, account)
    tap(qtbot, lookup.keypad.ok_key)
    type_on_keypad(qtbot, lookup.keypad, number)
    tap(qtbot, lookup.keypad.ok_key)
    qtbot.waitUntil(lambda: demo_window.current_name() == "invoice_found", timeout=10_000)
    found: Any = demo_window.current()
    assert found.values["number"].text() == number
    assert "*" in found.values["holder"].text()  # masked holder
    tap(qtbot, found.duplicate_btn)
    printing: Any = demo_window.current()
    qtbot.waitUntil(lambda: printing.state in ("done", "problem"), timeout=20_000)
    assert printing.state == "done", printing.notice.text.text()
    new = set(Path(config.print_folder).glob("*.pdf")) - before
    assert len(new) == 1
    text = "".join(page.extract_text() for page in PdfReader(next(iter(new))).pages)
    assert number in text


def test_barcode_scan_shows_the_invoice(qtbot: Any, demo_window: Any, demo: Any) -> None:
    account, number = _demo_invoice(demo)
    invoice = demo_window.ctx.services.lookup.by_number(account, number)  # the data the paper invoice carries
    code = make_barcode(invoice.payment_reference, invoice.first_due_date, invoice.total.cents)
    tap(qtbot, demo_window.screen_named("home").lookup_tile)
    qtbot.keyClicks(demo_window, code)
    qtbot.keyClick(demo_window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: demo_window.current_name() == "invoice_found", timeout=10_000)
    found: Any = demo_window.current()
    assert found.values["number"].text() == number
    assert found.values["amount"].text() == found.money(invoice.total)


def test_wrong_invoice_number_is_not_found(qtbot: Any, demo_window: Any, demo: Any) -> None:
    account, _number = _demo_invoice(demo)
    tap(qtbot, demo_window.screen_named("home").lookup_tile)
    lookup: Any = demo_window.current()
    type_on_keypad(qtbot, lookup.keypad, account)
    tap(qtbot, lookup.keypad.ok_key)
    type_on_keypad(qtbot, lookup.keypad, "0099-99999999")
    tap(qtbot, lookup.keypad.ok_key)
    qtbot.waitUntil(lambda: lookup.notice.isVisible(), timeout=10_000)
    assert "No encontramos una factura" in lookup.notice.text.text()


def test_offline_banner_from_the_sync_thread(qtbot: Any, demo_window: Any, demo: Any) -> None:
    """Central unreachable: the real sync bridge says so and the banner tells how old the replica's data is."""
    from ui.sync_bridge import SyncBridge

    config = demo[0]
    offline = config.model_copy(update={"central": config.central.model_copy(
        update={"url": "postgresql://kiosk@127.0.0.1:9/central", "connect_timeout": 1.0})})
    bridge = SyncBridge.from_config(offline, parent=demo_window)
    demo_window.attach_sync(bridge)
    bridge.start()
    try:
        qtbot.waitUntil(lambda: demo_window.banner.isVisible(), timeout=20_000)
        assert demo_window.banner.text.text().startswith("Sin conexión con la central")
        assert demo_window.ctx.central_online is False
    finally:
        bridge.stop()


def _pin_account(demo: Any, index: int) -> tuple[str, str]:
    rows = [d for d in demo[1]["demo"] if d.get("pin")]
    return str(rows[index]["account_id"]), str(rows[index]["pin"])


def _type_login(qtbot: Any, window: Any, account: str, pin: str) -> Any:
    screen: Any = window.current()
    if screen.step == "account":
        type_on_keypad(qtbot, screen.keypad, account)
        tap(qtbot, screen.keypad.ok_key)
    type_on_keypad(qtbot, screen.keypad, pin)
    tap(qtbot, screen.keypad.ok_key)
    return screen


def test_wrong_pin_five_times_locks_on_the_central_login(qtbot: Any, demo_window: Any, demo: Any) -> None:
    account, pin = _pin_account(demo, 3)
    wrong = "2468" if pin != "2468" else "1357"
    tap(qtbot, demo_window.screen_named("home").login_tile)
    screen: Any = demo_window.current()
    for attempt in range(1, 5):
        _type_login(qtbot, demo_window, account, wrong)
        expected = f"Le quedan {5 - attempt} intentos"
        qtbot.waitUntil(lambda e=expected: e in screen.notice.text.text(), timeout=10_000)
    screen = _type_login(qtbot, demo_window, account, wrong)
    qtbot.waitUntil(lambda: "bloqueada" in screen.notice.text.text(), timeout=10_000)
    assert "minutos" in screen.notice.text.text()
    screen = _type_login(qtbot, demo_window, account, pin)  # even the right PIN waits out the lock
    qtbot.waitUntil(lambda: demo_window.ctx.ops.pending == 0, timeout=10_000)
    assert "bloqueada" in screen.notice.text.text()
    assert demo_window.ctx.session is None


def test_right_pin_logs_in_to_the_account_home(qtbot: Any, demo_window: Any, demo: Any) -> None:
    account, pin = _pin_account(demo, 0)
    tap(qtbot, demo_window.screen_named("home").login_tile)
    _type_login(qtbot, demo_window, account, pin)
    qtbot.waitUntil(lambda: demo_window.ctx.session is not None, timeout=10_000)
    assert demo_window.ctx.session.account_id == int(account)
    assert demo_window.current_name() == "account_home"
    tap(qtbot, demo_window.footer.logout)
    assert demo_window.ctx.session is None and demo_window.current_name() == "home"


def test_walk_in_payment_slip_on_the_real_stack(qtbot: Any, demo_window: Any, demo: Any) -> None:
    config = demo[0]
    account, number = _demo_invoice(demo)
    invoice = demo_window.ctx.services.lookup.by_number(account, number)
    if not invoice.is_open:
        pytest.skip("the demo's first invoice is paid")
    before = set(Path(config.print_folder).glob("*.pdf")) if Path(config.print_folder).exists() else set()
    demo_window.go("invoice_found", invoice=invoice)
    tap(qtbot, demo_window.current().slip_btn)
    printing: Any = demo_window.current()
    qtbot.waitUntil(lambda: printing.state in ("done", "problem"), timeout=20_000)
    assert printing.state == "done", printing.notice.text.text()
    new = set(Path(config.print_folder).glob("*.pdf")) - before
    assert len(new) == 1
    text = "".join(page.extract_text() for page in PdfReader(next(iter(new))).pages)
    assert "CUPÓN DE PAGO" in text and number in text


def test_idle_timeout_wipes_a_real_session(qtbot: Any, demo_window: Any, demo: Any) -> None:
    from PySide6.QtGui import QGuiApplication
    from ui_taps import all_texts

    account, pin = _pin_account(demo, 1)
    tap(qtbot, demo_window.screen_named("home").login_tile)
    _type_login(qtbot, demo_window, account, pin)
    qtbot.waitUntil(lambda: demo_window.ctx.session is not None, timeout=10_000)
    first_name = demo_window.ctx.session.first_name
    for name in ("account_home", "invoices", "statement"):
        demo_window.go(name)
        qtbot.waitUntil(lambda: demo_window.ctx.ops.pending == 0, timeout=10_000)
    shown = [t for s in demo_window.screens.values() for t in all_texts(s)]
    assert any(first_name in t for t in shown)  # the customer's data really was on screen
    demo_window.watchdog.set_intervals(0.2, 2, tick_ms=50)
    qtbot.waitUntil(lambda: demo_window.ctx.session is None, timeout=5000)
    assert demo_window.current_name() == "home"
    assert QGuiApplication.clipboard().text() == ""
    for name, screen in demo_window.screens.items():
        for text in all_texts(screen):
            assert first_name not in text and account not in text, (name, text)


def test_language_switch_mid_flow_on_real_data(qtbot: Any, demo_window: Any, demo: Any) -> None:
    account, number = _demo_invoice(demo)
    invoice = demo_window.ctx.services.lookup.by_number(account, number)
    demo_window.go("invoice_found", invoice=invoice)
    found: Any = demo_window.current()
    from kiosk.formatting import format_money

    assert found.values["amount"].text() == format_money(invoice.total, "es_AR")
    tap(qtbot, demo_window.header.language)
    assert found.values["amount"].text() == format_money(invoice.total, "en_US")
    assert found.title.text() == "Your invoice"
    assert found.duplicate_btn.text() == "Print a copy"


def test_tour_invoice_states_are_real_invoices_of_their_status(demo: Any) -> None:
    """The tour's "invoice found (overdue)" said "Vencida" beside two due dates in the future: it pasted the
    status onto another invoice. Each state now shows a demo invoice that has that status today."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from kiosk.domain import InvoiceStatus
    from kiosk.services.factory import build_services
    from ui.cli.demo_cmd import _sample_from
    from ui.screens import tour_samples as tour

    config, facts = demo
    tour.set_sample_invoice(None)
    try:
        _sample_from(build_services(config), facts)
        today = datetime.now(ZoneInfo(config.kiosk.timezone)).date()
        samples = {status: tour._samples.get(status) for status in InvoiceStatus}
        assert all(samples.values()), samples
        overdue, pending = samples[InvoiceStatus.OVERDUE], samples[InvoiceStatus.PENDING]
        assert overdue is not None and overdue.first_due_date < today
        assert pending is not None and pending.first_due_date >= today
    finally:
        tour.set_sample_invoice(None)


def test_tour_logs_in_the_account_each_step_asks_for(demo: Any) -> None:
    """The tour's claims list shows open and closed claims from the demo data; a step asking for a prepaid
    account is left out where the utility has none (coop-ar)."""
    from kiosk.demo import CLOSED_CASES, OPEN_CASES, demo_login
    from kiosk.services.factory import build_services

    config, facts = demo
    services = build_services(config)
    session = demo_login(services, facts, "cases")
    assert session is not None
    states = {c.status for c in services.account.cases(session)}
    assert states & OPEN_CASES and states & CLOSED_CASES, states
    assert demo_login(services, facts, "prepaid") is None  # coop-ar sells no prepaid plans
    default = demo_login(services, facts)
    assert default is not None and services.account.overview(default).overdue_count > 0


def test_a_setting_made_at_the_demo_central_reaches_the_live_demo(qtbot: Any, tmp_path: Path) -> None:
    """`make demo` is live like `run` (ui.cli.run_cmd.go_live): a banner set with `central config set` on the
    demo's central file is pulled by the background sync and shown on the home while nobody uses the kiosk."""
    from kiosk.cli import main
    from kiosk.demo import prepare
    from ui.cli.run_cmd import go_live

    config, _facts = prepare(tmp_path, "coop-ar", 5, log=lambda _m: None)
    central = f"sqlite:///{tmp_path / 'coop-ar' / 'central.sqlite3'}"
    assert main(["central", "config", "set", "--url", central, "--fleet",
                 "ui.banner_message=Hoy cerramos a las 13"]) == 0
    window = _shown_window(qtbot, config)
    services = window.ctx.services
    home: Any = window.screens["home"]  # the customer home (typed Screen in the table)
    banner = home.banner_notice
    assert banner.text.text() != "Hoy cerramos a las 13"  # the replica was synced before the setting was made
    try:
        go_live(window, config, services, window.ctx.branding.form_of_address.value,
                {"config": config, "services": services})
        qtbot.waitUntil(lambda: banner.text.text() == "Hoy cerramos a las 13", timeout=30_000)
        assert window.ctx.config.ui.banner_message == "Hoy cerramos a las 13"
    finally:
        assert window.sync_bridge.stop()
        _closed(window)

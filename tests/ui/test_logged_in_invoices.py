"""Journeys on the real widgets: log in -> debt -> select two invoices -> one payment slip printed; detail and
duplicate; filters; account home contents."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests_ui_window import log_in, open_window, settle
from ui_taps import all_texts, button_named, tap

from kiosk.domain import AccountKind, InvoiceStatus, Money
from kiosk.formatting import format_money
from kiosk.testing.fakes import make_fakes
from kiosk.testing.world import SCREEN_INVOICES as INVOICES


def _money(value: str) -> str:
    return format_money(Money(Decimal(value), "ARS"), "es_AR")


def test_login_debt_two_invoices_one_payment_slip(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    home = window.current()
    # Account home: first name only, total due, the overdue warning.
    assert home.title.text() == "Hola, María"
    # Two pending at their first-due totals, two overdue at their second-due totals (+250 each): 65.655,75 + 500.
    assert home.due.text() == _money("66155.75")
    assert home.due_detail.text() == "4 facturas sin pagar"
    assert "2 facturas vencidas" in home.overdue.text.text()
    assert "G*****" not in " ".join(all_texts(home))  # no surname on screen

    tap(qtbot, home.tiles["invoices"])
    qtbot.waitUntil(lambda: window.current_name() == "invoices")
    settle(window)
    screen = window.current()
    rows = screen.list.rows()
    # Default filter "A pagar": the four open invoices, overdue first.
    assert [r.invoice.id for r in rows] == [3, 2, 1, 4]
    assert not screen.pay.isEnabled()

    tap(qtbot, rows[0].check)  # the check box ...
    qtbot.mouseClick(rows[1], qtbot_button())  # ... or anywhere on the row
    assert [i.id for i in screen.list.selected()] == [3, 2]
    assert screen.sel_total.text() == _money("41405.25")  # the two overdue today: 19.875,25 + 21.030,00 + 2 x 250
    assert screen.sel_caption.text().startswith("2 facturas")

    tap(qtbot, screen.pay)
    qtbot.waitUntil(lambda: window.current_name() == "printing", timeout=5000)
    settle(window)
    assert fakes.rec.printed, "nothing printed"
    kind, slip = fakes.rec.printed[-1]
    assert kind == "payment_slip"
    assert [i.id for i in slip.invoices] == [3, 2]
    assert slip.total == Money(Decimal("41405.25"), "ARS")
    assert ("slip_for", ((3, 2), "es")) in fakes.rec.calls
    # No service ran on the GUI thread.
    assert "MainThread" not in fakes.rec.threads

    # Back from the printer: the selection is still there.
    tap(qtbot, button_named(window, "nav_back"))
    assert window.current_name() == "invoices"
    assert [i.id for i in window.current().list.selected()] == [3, 2]


def qtbot_button() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_filters_and_paid_invoices_cannot_be_selected(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    window.go("invoices")
    settle(window)
    screen = window.current()
    tap(qtbot, screen.filter_buttons["overdue"])
    assert {r.invoice.status for r in screen.list.rows()} == {InvoiceStatus.OVERDUE}
    tap(qtbot, screen.filter_buttons["paid"])
    rows = screen.list.rows()
    assert [r.invoice.id for r in rows] == [6, 5]
    assert not any(r.check.isVisible() for r in rows)
    qtbot.mouseClick(rows[0], qtbot_button())
    assert screen.list.selected() == []
    assert not screen.select_all.isVisible()
    tap(qtbot, screen.filter_buttons["pending"])
    tap(qtbot, screen.select_all)
    assert sorted(i.id for i in screen.list.selected()) == [1, 4]
    assert screen.sel_total.text() == _money("24750.50")


def test_detail_shows_lines_readings_and_prints_a_duplicate(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    window.go("invoices")
    settle(window)
    tap(qtbot, window.current().list.row_for(1).detail)
    qtbot.waitUntil(lambda: window.current_name() == "invoice_detail")
    settle(window)
    detail = window.current()
    assert detail.amount.text() == _money("18450.50")
    lines = detail.lines.all_text()
    assert lines[0] == ["Cargo fijo", "2.100,00"]
    assert lines[-1] == ["Total", _money("18450.50")]
    readings = " ".join(detail.readings.texts())
    assert "48.622" in readings and "412 kWh" in readings
    assert len(detail.chart.points()) == 12
    tap(qtbot, detail.duplicate)
    qtbot.waitUntil(lambda: any(k == "duplicate" for k, _ in fakes.rec.printed), timeout=5000)
    assert fakes.rec.printed[-1] == ("duplicate", 1)


def test_prepaid_account_home_shows_credit_days_and_plans_tile(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes(AccountKind.PREPAID)
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    home = window.current()
    assert "Le quedan 6 días de servicio" in home.credit.text.text()
    assert home.tiles["prepaid"].isVisible()
    assert not home.tiles["reading"].isVisible()  # internet only: no meter


def test_postpaid_home_hides_the_prepaid_tile(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    home = window.current()
    assert not home.tiles["prepaid"].isVisible()
    assert not home.credit.isVisible()
    for target in ("invoices", "consumption", "reading", "claims", "requests", "statement", "agreements"):
        assert home.tiles[target].isVisible(), target


def test_invoice_fixture_is_consistent() -> None:
    # The journey's expected totals come from the fixture, not from the screen.
    overdue = sum((i.total.amount for i in INVOICES if i.status is InvoiceStatus.OVERDUE), Decimal(0))
    assert overdue == Decimal("40905.25")


def test_an_invoice_only_the_counter_takes_cannot_be_put_on_a_slip(qtbot: Any, tmp_path: Path) -> None:
    """Under a counter rule (telco-py) a late invoice shows why and has no tick: the slip would be refused."""
    from dataclasses import replace

    from kiosk.domain.dues import DuesPolicy, LateRule

    fakes = make_fakes()
    counter = DuesPolicy(LateRule.COUNTER)
    account: Any = fakes.services.account
    late = next(i for i in account.invoice_list if i.status is InvoiceStatus.OVERDUE)
    assert late.second_due_date is not None
    owed = counter.owed(total=late.total, second_total=late.second_total, first_due=late.first_due_date,
                        second_due=late.second_due_date, on=late.second_due_date + timedelta(days=30))
    assert owed.at_counter
    account.invoice_list = [replace(i, owed=owed) if i.id == late.id else i for i in account.invoice_list]
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    window.go("invoices")
    settle(window)
    screen = window.current()
    row = screen.list.row_for(late.id)
    assert not row.selectable and not row.check.isVisible()
    assert any("oficina comercial" in text for text in all_texts(row))
    tap(qtbot, screen.select_all)
    assert late.id not in [i.id for i in screen.list.selected()] and screen.list.selected()

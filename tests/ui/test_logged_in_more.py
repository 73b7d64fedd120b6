"""Statement, agreements, prepaid, consumption; logout wipes every logged-in screen; layouts fit both kiosks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests_ui_window import log_in, open_window, settle
from ui_taps import all_texts, button_named, tap
from ui_taps import type_on_keypad as keypad_type

from kiosk.domain import AccountKind, ReadingKind
from kiosk.formatting import format_date
from kiosk.testing.fakes import make_fakes
from printing.i18n import entry_kind

MY_SCREENS = (
    "account_home",
    "invoices",
    "invoice_detail",
    "consumption",
    "reading",
    "claims",
    "requests",
    "statement",
    "agreements",
    "prepaid",
)


def test_statement_running_balance_and_print(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    tap(qtbot, window.current().tiles["statement"])
    settle(window)
    screen = window.current()
    statement = fakes.services.account.statement(window.ctx.session)
    rows = screen.table.all_text()
    assert len(rows) == len(statement.entries) + 1
    # Newest first, each row's balance is the statement's running balance; the opening balance last.
    assert rows[0][4] == "66.155,75"  # what the account home asks for: the overdue ones with their surcharge
    assert [r[4] for r in rows[:-1]] == [
        f"{e.balance:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".") for e in reversed(statement.entries)
    ]
    assert rows[-1][0] == entry_kind("opening_balance", "es") == "Saldo inicial"  # the paper's word
    opening = f"{statement.opening_balance:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    assert screen.sums.text().startswith(f"Saldo inicial {opening} · ")
    surcharge = next(r for r in rows if r[0].startswith(entry_kind("surcharge", "es")))  # booked like the paper
    assert surcharge[2] == "250,00"
    assert screen.balance.text() == "$ 66.155,75"
    tap(qtbot, screen.print_btn)
    qtbot.waitUntil(lambda: bool(fakes.rec.printed), timeout=5000)
    assert fakes.rec.printed[-1] == ("statement", 77)


def test_agreements_show_paid_and_pending_instalments(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    tap(qtbot, window.current().tiles["agreements"])
    settle(window)
    screen = window.current()
    texts = all_texts(screen)
    assert "3 de 6" in texts
    assert "$ 15.000,00" in texts  # three pending instalments of 5.000
    from ui.widgets.panels import DataTable

    (instalments,) = screen.findChildren(DataTable)
    states = [row[3] for row in instalments.all_text()]
    # Dates through the one formatter (CLDR's abbreviations change between releases: "sept" / "sep").
    paid = [date(2024, month, 8) for month in (7, 8, 9)]
    assert states[:3] == [f"Pagada el {format_date(d, 'es_AR')}" for d in paid]
    assert all(not s.startswith("Pagada") for s in states[3:])


def test_prepaid_plan_reference_printed(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes(AccountKind.PREPAID)
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    tap(qtbot, window.current().tiles["prepaid"])
    settle(window)
    screen = window.current()
    assert screen.credit.text() == "6 días"
    plans = screen.plan_buttons()
    assert len(plans) == 2
    tap(qtbot, plans[1])
    settle(window)
    assert screen.page() == "reference"
    assert screen.reference.text() == "9999 9999 9999 9999 99"
    assert ("slip_for_plan", (2, "es")) in fakes.rec.calls
    tap(qtbot, screen.print_btn)
    qtbot.waitUntil(lambda: bool(fakes.rec.printed), timeout=5000)
    assert fakes.rec.printed[-1][0] == "payment_slip"


def test_consumption_chart_per_supply_and_periods(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    tap(qtbot, window.current().tiles["consumption"])
    settle(window)
    screen = window.current()
    points = screen.chart.points()
    assert len(points) == 12
    assert {p.kind for p in points} == {ReadingKind.REAL, ReadingKind.ESTIMATED, ReadingKind.CUSTOMER}
    assert "kWh" in screen.summary.text()
    tap(qtbot, screen.period_buttons[24])
    settle(window)
    assert len(screen.chart.points()) == 24
    water = button_named(window, "supply_2")
    tap(qtbot, water)
    settle(window)
    assert ("consumption", (2, 24)) in fakes.rec.calls
    assert "m³" in screen.summary.text()
    # The meter's average (the reading check's), over the configured periods, not over the 24 bars shown.
    periods = window.ctx.config.readings.history_periods
    avg = sum((p.consumption for p in screen.chart.points()[-periods:]), Decimal(0)) / periods
    assert screen.chart.average() == avg


def _visit_everything(qtbot: Any, window: Any, fakes: Any) -> None:
    """Leave customer data in every logged-in screen: lists, selections, typed inputs, answers."""
    window.go("invoices")
    settle(window)
    inv = window.current()
    tap(qtbot, inv.list.rows()[0].check)
    window.go("invoice_detail", invoice_id=1)
    settle(window)
    window.go("consumption")
    settle(window)
    window.go("statement")
    settle(window)
    window.go("agreements")
    settle(window)
    window.go("reading")
    settle(window)
    reading = window.current()
    tap(qtbot, reading.supply_choices.button_for(1))
    settle(window)
    keypad_type(qtbot, reading.keypad, "48700")
    window.go("claims")
    settle(window)
    claims = window.current()
    tap(qtbot, claims.new_claim)
    settle(window)
    tap(qtbot, claims.choices.button_for(1))
    settle(window)
    tap(qtbot, claims.choices.button_for("billing"))
    claims.wizard.long.setPlainText("Mi vecino Zacarías me cobra la luz")
    window.go("requests")
    settle(window)
    req = window.current()
    tap(qtbot, req.kinds.button_for("contact_change"))
    keypad_type(qtbot, req.wizard.keypad, "3519998877")
    window.go("prepaid")
    settle(window)
    window.go("account_home")
    settle(window)


def test_logout_wipes_every_logged_in_screen(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    _visit_everything(qtbot, window, fakes)
    secrets = [
        "María",
        "66.155,75",
        "41.405,25",
        "0021-00049103",
        "48.622",
        "48700",
        "Zacarías",
        "3519998877",
        "1-2-000041",
        "Av. San Martín",
        "E-448812",
        "15.000,00",
    ]
    before = " | ".join(t for name in MY_SCREENS for t in all_texts(window.screens[name]))
    assert sum(s in before for s in secrets) >= 8  # the data really was on screen
    assert len(fakes.rec.calls) > 10 and "MainThread" not in fakes.rec.threads  # every call off the GUI thread
    tap(qtbot, button_named(window, "nav_logout"))
    settle(window)
    assert window.current_name() == "home"
    for name in MY_SCREENS:
        screen = window.screens[name]
        texts = " | ".join(all_texts(screen))
        for s in secrets:
            assert s not in texts, f"{name} still shows {s!r}"
    assert window.screens["invoices"].list.selected() == []
    assert window.screens["claims"].answers == {}
    assert window.screens["reading"].check is None
    assert window.screens["consumption"].chart.points() == ()


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large_text"])
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_every_page_fits_the_kiosk_and_targets_are_big(
    qtbot: Any, tmp_path: Path, orientation: str, large: bool
) -> None:
    from PySide6.QtWidgets import QPushButton

    from ui.main_window import LANDSCAPE, PORTRAIT

    fakes = make_fakes(AccountKind.PREPAID)
    window = open_window(qtbot, fakes.services, tmp_path, orientation)
    expected = LANDSCAPE if orientation == "landscape" else PORTRAIT
    log_in(qtbot, window)
    if large:
        tap(qtbot, button_named(window, "large_text"))
    for name in MY_SCREENS:
        window.go(name)
        settle(window)
        screen = window.current()
        pages = list(getattr(screen, "_pages", {}))
        for page in pages or [""]:
            if page:
                screen.show_page(page)
            qtbot.wait(1)
            assert window.size() == expected, f"{name}/{page} grows the window to {window.size()}"
            for btn in screen.findChildren(QPushButton):
                if btn.isVisible():
                    assert btn.height() >= 48 and btn.width() >= 48, f"{name}/{page}: {btn.objectName()} too small"


def test_turning_the_kiosk_after_every_screen_keeps_the_portrait_width(qtbot: Any, tmp_path: Path) -> None:
    """Screens built in landscape must not hold the window wider than 1080 px when it turns to portrait."""
    from ui.main_window import PORTRAIT

    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path, "landscape")
    log_in(qtbot, window)
    for name in MY_SCREENS:
        window.go(name)
        settle(window)
        for page in list(getattr(window.current(), "_pages", {})):
            window.current().show_page(page)
    window.set_orientation("portrait")
    settle(window)
    assert window.size() == PORTRAIT

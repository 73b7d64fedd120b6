"""Journeys on the real kiosk services over a seeded SQLite replica, driven by taps on the real window.

Only central's login function is stood in for (a PIN check; central is tested on PostgreSQL elsewhere):
everything after the login is the production code path: services, replica, outbox, pdf-folder printer.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from tests_ui_window import settle
from ui_taps import button_named, tap, type_on_keypad

from db.base import LocalBase
from db.engine import local_engine, session_factory
from db.models import LocalClaim, LocalReadingSubmission, OutboxEntry
from kiosk.services.account import AccountService
from kiosk.services.api import KioskServices
from kiosk.services.auth import AuthService
from kiosk.services.claims import ClaimService
from kiosk.services.context import ServiceContext
from kiosk.services.info import InfoService
from kiosk.services.lookup import LookupService
from kiosk.services.maintenance import MaintenanceService
from kiosk.services.payments import PaymentService
from kiosk.services.print_jobs import PrintService
from kiosk.services.readings import ReadingService
from kiosk.services.requests import RequestService
from kiosk.services.staff import StaffService

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "kiosk" / "services"))
from svc_replica import ACCOUNT, ELECTRICITY, START, WATER, FakeClock, make_config, seed

PIN = "2580"


@dataclass
class _Outcome:
    ok: bool
    first_name: str | None = None
    attempts_left: int | None = None
    locked_seconds: int | None = None


class _CentralLogin:
    """Stands in for central's login function: one account, one PIN."""

    def login(self, account_id: int, pin: str) -> _Outcome:
        if account_id == ACCOUNT and pin == PIN:
            return _Outcome(True, "Juan")
        return _Outcome(False, attempts_left=4)

    def request_code(self, request_id: str, account_id: int, document_number: str, channel: str) -> Any:
        raise NotImplementedError

    def confirm_code(self, request_id: str, code: str, new_pin: str) -> Any:
        raise NotImplementedError


@dataclass
class Kiosk:
    window: Any
    factory: Any
    prints: Path
    clock: FakeClock


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def kiosk(qtbot: Any, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Any]:
    """Builds the window over the real services on a seeded replica: SQLite file, or (marked pg) PostgreSQL."""
    # Asked for before the window exists, so that it is dropped after the engine is disposed.
    pg_url = request.getfixturevalue("pg_url") if request.param == "pg" else ""

    def make(now: datetime = START) -> Kiosk:
        from sqlalchemy import create_engine

        from db.engine import normalise_url
        from kiosk.testing.world import demo_branding
        from ui.app import build_window

        if request.param == "sqlite":
            engine = local_engine(tmp_path / "replica.sqlite3")
        else:
            engine = create_engine(normalise_url(pg_url))
        engines.append(engine)
        LocalBase.metadata.create_all(engine)
        factory = session_factory(engine)
        with factory.begin() as db:
            seed(db)
        clock = FakeClock(now)
        config = make_config(tmp_path)
        ctx = ServiceContext(factory, config, clock)
        account = AccountService(ctx)
        printing, staff = PrintService(ctx, account), StaffService(ctx)
        services = KioskServices(
            lookup=LookupService(ctx),
            auth=AuthService(ctx, _CentralLogin()),
            account=account,
            payments=PaymentService(ctx),
            readings=ReadingService(ctx),
            claims=ClaimService(ctx),
            requests=RequestService(ctx),
            printing=printing,
            info=InfoService(ctx),
            staff=staff,
            maintenance=MaintenanceService(ctx, staff, printing),
        )
        window = build_window(services, config, demo_branding("coop-ar"), orientation="landscape", poll_status=False)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        return Kiosk(window, factory, tmp_path / "prints", clock)

    engines: list[Any] = []
    windows: list[Any] = []
    yield make
    for window in windows:
        window.watchdog.stop()
        window.ctx.ops.wait_idle(5000)  # no background call may still hold a connection
    for engine in engines:
        engine.dispose()


def _login(qtbot: Any, window: Any) -> None:
    tap(qtbot, button_named(window, "tile_login"))
    login = window.current()
    type_on_keypad(qtbot, login.keypad, str(ACCOUNT))
    tap(qtbot, login.keypad.ok_key)
    type_on_keypad(qtbot, login.keypad, PIN)
    tap(qtbot, login.keypad.ok_key)
    qtbot.waitUntil(lambda: window.current_name() == "account_home", timeout=10_000)
    settle(window)


def _pdf_text(folder: Path) -> str:
    from pypdf import PdfReader

    files = sorted(folder.rglob("*.pdf"))
    assert files, f"no PDF in {folder}"
    return "\n".join(page.extract_text() or "" for f in files for page in PdfReader(f).pages)


def test_claim_filed_receipt_printed_outbox_row(qtbot: Any, kiosk: Any) -> None:
    from test_logged_in_claims import type_on_keyboard

    k = kiosk()
    window = k.window
    _login(qtbot, window)
    assert window.current().title.text() == "Hola, Juan"
    tap(qtbot, window.current().tiles["claims"])
    settle(window)
    screen = window.current()
    assert screen.cases_table.all_text()[0][1] == "B01-K01-000007"  # from the replica
    tap(qtbot, screen.new_claim)
    settle(window)
    tap(qtbot, screen.choices.button_for(ELECTRICITY))
    settle(window)
    assert [v for v, _b in screen.choices.buttons] == ["no_supply", "low_voltage"]  # active, in order
    tap(qtbot, screen.choices.button_for("low_voltage"))
    type_on_keyboard(qtbot, screen.wizard.keyboard, "poca luz")
    tap(qtbot, screen.wizard.next_btn)
    tap(qtbot, screen.wizard.choices.button_for("on_file"))  # the account's phone, offered masked
    tap(qtbot, screen.wizard.choices.button_for("evening"))
    tap(qtbot, screen.review.send)
    qtbot.waitUntil(lambda: screen.page() == "done", timeout=10_000)
    number = screen.done.number.text()
    assert number.startswith("B21-K07-")
    qtbot.waitUntil(lambda: screen.done.print_state.level in ("ok", "error"), timeout=10_000)
    assert screen.done.print_state.level == "ok", screen.done.print_state.text.text()
    with k.factory() as db:
        claim = db.scalars(select(LocalClaim)).one()
        assert (claim.number, claim.category_code, claim.description) == (number, "low_voltage", "poca luz")
        phone_on_file = window.ctx.services.account.overview(window.ctx.session).phone_masked
        assert phone_on_file and claim.contact_phone == phone_on_file  # the service resolved "on file"
        rows = db.scalars(select(OutboxEntry).where(OutboxEntry.row_id == claim.id)).all()
        assert [(r.table_name, r.state) for r in rows] == [("claims", "pending")]
    assert number in _pdf_text(k.prints)


def test_reading_high_consumption_confirmed_is_committed_and_flagged(qtbot: Any, kiosk: Any) -> None:
    k = kiosk()
    window = k.window
    _login(qtbot, window)
    tap(qtbot, window.current().tiles["reading"])
    settle(window)
    screen = window.current()
    tap(qtbot, screen.supply_choices.button_for(ELECTRICITY))
    settle(window)
    assert screen.page() == "entry"
    last = screen.check.last_value
    assert screen.last_value.text() == f"{last:,}".replace(",", ".")
    value = last + 920  # 920 kWh against an average of 250
    type_on_keypad(qtbot, screen.keypad, str(value))
    tap(qtbot, screen.keypad.ok_key)
    qtbot.waitUntil(lambda: screen.page() == "high", timeout=10_000)
    assert "920 kWh" in screen.high_text.text() and "250 kWh" in screen.high_text.text()
    tap(qtbot, screen.high_yes)
    qtbot.waitUntil(lambda: screen.page() == "done", timeout=10_000)
    with k.factory() as db:
        sub = db.scalars(select(LocalReadingSubmission)).one()
        assert (sub.value, sub.flagged) == (value, True)
        assert db.scalars(select(OutboxEntry).where(OutboxEntry.row_id == sub.id)).one().state == "pending"
    qtbot.waitUntil(lambda: screen.done.print_state.level in ("ok", "error"), timeout=10_000)
    assert screen.done.number.text() in _pdf_text(k.prints)


def test_water_meter_rollover_on_real_services(qtbot: Any, kiosk: Any) -> None:
    from datetime import UTC

    k = kiosk(datetime(2026, 3, 21, 15, 0, tzinfo=UTC))  # the water route's window is open
    window = k.window
    _login(qtbot, window)
    tap(qtbot, window.current().tiles["reading"])
    settle(window)
    screen = window.current()
    tap(qtbot, screen.supply_choices.button_for(ELECTRICITY))
    settle(window)
    assert screen.page() == "closed"  # electricity's window closed on the 15th
    window.go("reading")
    settle(window)
    screen = window.current()
    tap(qtbot, screen.supply_choices.button_for(WATER))
    settle(window)
    assert screen.last_value.text() == "9.990"
    type_on_keypad(qtbot, screen.keypad, "0005")
    tap(qtbot, screen.keypad.ok_key)
    qtbot.waitUntil(lambda: screen.page() == "rollover", timeout=10_000)
    tap(qtbot, screen.rollover_yes)
    qtbot.waitUntil(lambda: screen.page() == "done", timeout=10_000)
    assert "15 m³" in " ".join(screen.done.details.texts())
    with k.factory() as db:
        sub = db.scalars(select(LocalReadingSubmission)).one()
        assert (sub.value, sub.rollover, sub.flagged) == (5, True, False)


def test_two_invoices_one_slip_on_real_services(qtbot: Any, kiosk: Any) -> None:
    k = kiosk()
    window = k.window
    _login(qtbot, window)
    tap(qtbot, window.current().tiles["invoices"])
    settle(window)
    screen = window.current()
    rows = screen.list.rows()
    assert len(rows) == 2  # the two pending invoices of the replica
    for row in rows:
        tap(qtbot, row.check)
    expected = rows[0].invoice.owed.amount + rows[1].invoice.owed.amount  # what each costs today
    assert screen.sel_total.text() == screen.money(expected)
    tap(qtbot, screen.pay)
    qtbot.waitUntil(lambda: window.current_name() == "printing", timeout=10_000)
    qtbot.waitUntil(lambda: any(k.prints.rglob("*.pdf")), timeout=10_000)
    text = _pdf_text(k.prints)
    for row in rows:
        assert row.invoice.number in text


def test_e_invoice_request_on_real_services_is_queued(qtbot: Any, kiosk: Any) -> None:
    import json

    from test_logged_in_claims import type_on_keyboard

    from db.models import LocalServiceRequest

    k = kiosk()
    window = k.window
    _login(qtbot, window)
    tap(qtbot, window.current().tiles["requests"])
    settle(window)
    screen = window.current()
    tap(qtbot, screen.kinds.button_for("e_invoice"))
    tap(qtbot, screen.wizard.choices.button_for("email"))
    type_on_keyboard(qtbot, screen.wizard.keyboard, "juan@correo.com")
    tap(qtbot, screen.wizard.next_btn)
    assert screen.page() == "review"
    tap(qtbot, screen.review.send)
    qtbot.waitUntil(lambda: screen.page() == "done", timeout=10_000)
    number = screen.done.number.text()
    assert ("Correo electrónico", "juan@correo.com") in [
        tuple(screen.done.details.texts()[i : i + 2]) for i in range(0, len(screen.done.details.texts()), 2)
    ]
    with k.factory() as db:
        row = db.scalars(select(LocalServiceRequest)).one()
        assert (row.number, row.kind) == (number, "e_invoice")
        assert json.loads(row.payload) == {"delivery": "email", "email": "juan@correo.com"}
        assert db.scalars(select(OutboxEntry).where(OutboxEntry.row_id == row.id)).one().state == "pending"
    qtbot.waitUntil(lambda: screen.done.print_state.level in ("ok", "error"), timeout=10_000)
    assert number in _pdf_text(k.prints)

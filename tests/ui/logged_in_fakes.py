"""In-memory services satisfying kiosk.services.api's Protocols, for the logged-in screens' unit tests.

They keep the rules the screens must react to (reading window, rollover, unusually high, claim and request
validation, printer out of paper) so that a test can drive every state by taps; calls and printed
documents are recorded for assertions. Journeys on the real services live in the test_logged_in_* files.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from kiosk.domain import (
    AccountKind,
    AccountOverview,
    Branding,
    CaseStatus,
    ClaimCategory,
    ClaimReceipt,
    ConsumptionPoint,
    FaqEntry,
    Instalment,
    InvoiceDetail,
    InvoiceLine,
    InvoiceStatus,
    InvoiceSummary,
    MeterReading,
    Money,
    PaymentAgreement,
    PaymentSlip,
    Plan,
    PrinterState,
    ReadingKind,
    ReadingReceipt,
    ReadingWindow,
    RequestKind,
    RequestReceipt,
    Service,
    Statement,
    StatementEntry,
    Supply,
)
from kiosk.domain.dues import DuesPolicy
from kiosk.services.api import (
    PHONE_ON_FILE,
    CustomerSession,
    KioskServices,
    PrintResult,
    ReadingCheck,
    SyncStatus,
)
from kiosk.services.errors import AuthError, NotFound, PrinterError, ServiceError, ValidationError

TODAY = date(2024, 11, 12)
NOW = datetime(2024, 11, 12, 14, 35, tzinfo=UTC)
ARS = "ARS"


def ars(value: str | int) -> Money:
    return Money(Decimal(value), ARS)


ELEC = Supply(1, 77, Service.ELECTRICITY, "Av. San Martín 1234", True, "E-448812", 5, "R07")
WATER = Supply(2, 77, Service.WATER, "Av. San Martín 1234", True, "W-1020", 4, "R02")
NET = Supply(3, 77, Service.INTERNET, "Av. San Martín 1234", True, None, None, None, "Fibra 100")


def _invoice(i: int, period: str, status: InvoiceStatus, total: str, supply: Supply = ELEC) -> InvoiceSummary:
    year, month = (int(x) for x in period.split("-"))
    issue = date(year, month, 5)
    return InvoiceSummary(
        id=i,
        number=f"0021-{49100 + i:08d}",
        account_id=77,
        supply_id=supply.id,
        service=supply.service,
        period=period,
        issue_date=issue,
        first_due_date=issue + timedelta(days=15),
        second_due_date=issue + timedelta(days=30),
        total=ars(total),
        second_total=ars(total) + ars("250"),
        status=status,
        payment_reference=f"{i:018d}",
        holder_masked="M*** G*****",
        owed=DuesPolicy().owed(
            total=ars(total),
            second_total=ars(total) + ars("250"),
            first_due=issue + timedelta(days=15),
            second_due=issue + timedelta(days=30),
            # The fake's statuses are given, not derived: a pending one is owed as on its first due date.
            on=issue + timedelta(days=15) if status is InvoiceStatus.PENDING else TODAY,
            paid=status is InvoiceStatus.PAID,
        ),
    )


INVOICES = [
    _invoice(1, "2024-10", InvoiceStatus.PENDING, "18450.50"),
    _invoice(2, "2024-09", InvoiceStatus.OVERDUE, "21030.00"),
    _invoice(3, "2024-08", InvoiceStatus.OVERDUE, "19875.25"),
    _invoice(4, "2024-10", InvoiceStatus.PENDING, "6300.00", WATER),
    _invoice(5, "2024-07", InvoiceStatus.PAID, "17002.10"),
    _invoice(6, "2024-06", InvoiceStatus.PAID, "15990.00"),
]


def _history(supply: Supply, periods: int) -> list[ConsumptionPoint]:
    points = []
    base = 320 if supply.service is Service.ELECTRICITY else 18
    for i in range(periods):
        index = 24 - periods + i
        year, month = 2022 + (index + 10) // 12, (index + 10) % 12 + 1
        kind = ReadingKind.ESTIMATED if index % 7 == 3 else ReadingKind.CUSTOMER if index % 9 == 5 else ReadingKind.REAL
        value = base + (index * 37) % (base // 2 + 1)
        points.append(ConsumptionPoint(f"{year}-{month:02d}", Decimal(value), kind, f"0021-{48000 + index:08d}"))
    return points


@dataclass
class Recorder:
    """What the fakes were asked to do, for assertions."""

    calls: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    printed: list[tuple[str, Any]] = field(default_factory=list)
    threads: set[str] = field(default_factory=set)

    def note(self, name: str, *args: Any) -> None:
        self.calls.append((name, args))
        self.threads.add(threading.current_thread().name)

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


class FakeAccount:
    def __init__(self, rec: Recorder, kind: AccountKind = AccountKind.POSTPAID) -> None:
        self.rec = rec
        self.kind = kind
        self.invoice_list = list(INVOICES)

    def overview(self, session: CustomerSession) -> AccountOverview:
        self.rec.note("overview", session.account_id)
        open_ = [i for i in self.invoice_list if i.is_open]
        overdue = [i for i in open_ if i.status is InvoiceStatus.OVERDUE]
        prepaid = self.kind is AccountKind.PREPAID
        return AccountOverview(
            account_id=77,
            holder_first_name="María",
            holder_masked="M*** G*****",
            kind=self.kind,
            total_due=sum((i.owed.amount for i in open_), ars(0)),
            overdue_total=sum((i.owed.amount for i in overdue), ars(0)),
            overdue_count=len(overdue),
            pending_count=len(open_) - len(overdue),  # as the real service: open, not yet due
            supplies=(NET,) if prepaid else (ELEC, WATER, NET),
            credit_days=6 if prepaid else None,
            prepaid_until=TODAY + timedelta(days=6) if prepaid else None,
            plan_name="Plan Básico 10 Mb" if prepaid else None,
            phone_masked="11****5678",
            email_masked="m***@correo.com",
        )

    def invoices(self, session: CustomerSession, status: InvoiceStatus | None = None) -> list[InvoiceSummary]:
        self.rec.note("invoices", status)
        return [i for i in self.invoice_list if status is None or i.status is status]

    def invoice_detail(self, session: CustomerSession | None, invoice_id: int) -> InvoiceDetail:
        self.rec.note("invoice_detail", invoice_id)
        summary = next((i for i in self.invoice_list if i.id == invoice_id), None)
        if summary is None:
            raise NotFound("invoice_not_found")
        return InvoiceDetail(
            summary=summary,
            lines=(
                InvoiceLine("Cargo fijo", Decimal("2100.00")),
                InvoiceLine("Energía consumida", Decimal("12900.00"), Decimal("412"), Decimal("31.31")),
                InvoiceLine("IVA 21 %", Decimal("3450.50"), is_tax=True),
            ),
            taxes=ars("3450.50"),
            supply_address=ELEC.address,
            previous_reading=MeterReading(1, "2024-09", date(2024, 9, 28), 48210, ReadingKind.REAL, 398),
            current_reading=MeterReading(1, "2024-10", date(2024, 10, 28), 48622, ReadingKind.REAL, 412),
            consumption=Decimal(412),
            unit="kWh",
            history=tuple(_history(ELEC, 12)),
        )

    def consumption(self, session: CustomerSession, supply_id: int, periods: int = 24) -> list[ConsumptionPoint]:
        self.rec.note("consumption", supply_id, periods)
        supply = {1: ELEC, 2: WATER}.get(supply_id)
        if supply is None:
            raise ServiceError("supply_not_metered")
        return _history(supply, periods)

    def statement(self, session: CustomerSession, months: int = 12) -> Statement:
        self.rec.note("statement", months)
        balance = Decimal("0")
        # (day, debit, credit, kind, description, reference): as the real statement books them.
        moves: list[tuple[date, Decimal, Decimal, str, str, str]] = []
        for inv in INVOICES:
            moves.append((inv.issue_date, inv.total.amount, Decimal(0), "invoice", f"Factura {inv.period}", inv.number))
            if inv.status is InvoiceStatus.PAID:
                moves.append((inv.first_due_date, Decimal(0), inv.total.amount, "payment", "Rapipago", f"P-{inv.id}"))
            elif inv.owed.surcharge.amount:  # owed at the second-due total since the day after the first due date
                day = inv.first_due_date + timedelta(days=1)
                moves.append((day, inv.owed.surcharge.amount, Decimal(0), "surcharge", inv.period, inv.number))
        entries = []
        for day, debit, credit, kind, description, reference in sorted(moves, key=lambda m: (m[0], m[3] != "invoice")):
            balance += debit - credit
            entries.append(StatementEntry(day, kind, description, reference, debit, credit, balance))
        return Statement(77, "M*** G*****", ARS, date(2023, 11, 1), TODAY, Decimal(0), tuple(entries))

    def agreements(self, session: CustomerSession) -> list[PaymentAgreement]:
        self.rec.note("agreements")
        instalments = tuple(
            Instalment(n, date(2024, 6 + n, 10), ars("5000"), date(2024, 6 + n, 8) if n <= 3 else None)
            for n in range(1, 7)
        )
        return [PaymentAgreement(9, date(2024, 6, 1), ars("30000"), instalments, "active")]

    def plans(self, session: CustomerSession) -> list[Plan]:
        self.rec.note("plans")
        if self.kind is not AccountKind.PREPAID:
            raise ServiceError("not_prepaid")
        return [
            Plan(1, "Plan Básico", "10 Mb de descarga", Money(Decimal("350"), "MXN"), 30),
            Plan(2, "Plan Avanzado", "20 Mb de descarga", Money(Decimal("500"), "MXN"), 30),
        ]

    def cases(self, session: CustomerSession) -> list[CaseStatus]:
        self.rec.note("cases")
        return [
            CaseStatus("1-2-000041", "claim", "in_progress", NOW - timedelta(days=3), "Baja tensión"),
            CaseStatus(
                "1-2-000037",
                "e_invoice",
                "resolved",
                NOW - timedelta(days=20),
                "Factura por e-mail",
                NOW - timedelta(days=18),
            ),
        ]


class FakePayments:
    def __init__(self, rec: Recorder) -> None:
        self.rec = rec

    def slip_for(self, invoices: list[InvoiceSummary], language: str) -> PaymentSlip:
        self.rec.note("slip_for", tuple(i.id for i in invoices), language)
        if not invoices:
            raise ValidationError("no_invoices")
        total = sum((i.owed.amount for i in invoices), ars(0))
        return PaymentSlip(77, "M*** G*****", tuple(invoices), total, TODAY + timedelta(days=7), "1" * 18, "2" * 36, "")

    def slip_for_plan(self, session: CustomerSession, plan_id: int, language: str) -> PaymentSlip:
        self.rec.note("slip_for_plan", plan_id, language)
        return PaymentSlip(
            77, "M*** G*****", (), Money(Decimal("350"), "MXN"), TODAY + timedelta(days=3), "9" * 18, "8" * 36, ""
        )


class FakeReadings:
    """Window open unless `window_open` is False; last reading 48622 on a 5-digit meter; average 400."""

    def __init__(self, rec: Recorder) -> None:
        self.rec = rec
        self.window_open = True
        self.last_value = 48622
        self.average = 400
        self.factor = 3

    def _window(self) -> ReadingWindow:
        return ReadingWindow("R07", TODAY - timedelta(days=2), TODAY + timedelta(days=3))

    def _next(self) -> ReadingWindow:
        return ReadingWindow("R07", date(2024, 12, 9), date(2024, 12, 14))

    def check(self, session: CustomerSession, supply_id: int, today: date | None = None) -> ReadingCheck:
        self.rec.note("reading_check", supply_id)
        supply = {1: ELEC, 2: WATER}.get(supply_id)
        if supply is None:
            raise ServiceError("supply_not_metered")
        return ReadingCheck(
            supply,
            self.last_value,
            date(2024, 10, 28),
            self._window() if self.window_open else None,
            None if self.window_open else self._next(),
            today=TODAY,
            average=Decimal(self.average),
            average_periods=6,
        )

    def submit(
        self,
        session: CustomerSession,
        supply_id: int,
        value: int,
        *,
        confirm_rollover: bool = False,
        confirm_high: bool = False,
        today: date | None = None,
    ) -> ReadingReceipt:
        self.rec.note("reading_submit", supply_id, value, confirm_rollover, confirm_high)
        if not self.window_open:
            raise ServiceError("reading_window_closed", next_opens_on=self._next().opens_on)
        if len(str(value)) > 5:
            raise ValidationError("too_many_digits", field="value", digits=5)
        rollover = value < self.last_value
        if rollover and not confirm_rollover:
            raise ServiceError("rollover_confirm", last_value=self.last_value)
        consumption = value + 10**5 - self.last_value if rollover else value - self.last_value
        flagged = consumption > self.factor * self.average
        if flagged and not confirm_high:
            raise ServiceError("high_confirm", average=self.average, consumption=consumption)
        return ReadingReceipt(
            str(uuid.uuid4()),
            "1-2-000123",
            77,
            supply_id,
            "E-448812",
            value,
            self.last_value,
            consumption,
            rollover,
            flagged,
            NOW,
            "k2",
            "kWh",
        )


class FakeClaims:
    def __init__(self, rec: Recorder) -> None:
        self.rec = rec

    def categories(self, supply: Supply) -> list[ClaimCategory]:
        self.rec.note("claim_categories", supply.id)
        if supply.service is Service.INTERNET:
            return [ClaimCategory("net_down", supply.service, "Sin internet", "Internet down")]
        return [
            ClaimCategory("no_supply", supply.service, "Sin suministro", "No supply"),
            ClaimCategory("low_voltage", supply.service, "Baja tensión", "Low voltage"),
            ClaimCategory("billing", supply.service, "Error de facturación", "Billing error"),
        ]

    def file(
        self,
        session: CustomerSession,
        supply_id: int,
        category_code: str,
        description: str,
        contact_phone: str,
        contact_time: str,
    ) -> ClaimReceipt:
        self.rec.note("claim_file", supply_id, category_code, description, contact_phone, contact_time)
        if not description.strip():
            raise ValidationError("invalid_field", field="description", reason="required")
        if len(description) > 500:
            raise ValidationError("invalid_field", field="description", reason="too_long")
        if contact_phone == PHONE_ON_FILE:  # as the real service: the phone on file, masked
            contact_phone = "11****5678"
        elif not (6 <= len(contact_phone) <= 15 and contact_phone.isdigit()):
            raise ValidationError("invalid_field", field="contact_phone", reason="invalid")
        supply = {1: ELEC, 2: WATER, 3: NET}[supply_id]
        category = next(c for c in self.categories(supply) if c.code == category_code)
        return ClaimReceipt(
            str(uuid.uuid4()),
            "1-2-000124",
            77,
            supply_id,
            category,
            description,
            contact_phone,
            contact_time,
            NOW,
            "k2",
        )


class FakeRequests:
    def __init__(self, rec: Recorder) -> None:
        self.rec = rec

    def submit(
        self, session: CustomerSession, kind: RequestKind, fields: dict[str, str], language: str
    ) -> RequestReceipt:
        self.rec.note("request_submit", kind, dict(fields), language)
        for key, value in fields.items():
            if key.endswith("phone") and value and not value.isdigit():
                raise ValidationError("invalid_field", field=key, reason="invalid")
        return RequestReceipt(str(uuid.uuid4()), "1-2-000125", kind, 77, tuple(sorted(fields.items())), NOW, "k2")


class FakePrinting:
    """Prints into the recorder; `state` set to OUT_OF_PAPER makes every print raise like the real backend."""

    def __init__(self, rec: Recorder) -> None:
        self.rec = rec
        self.state = PrinterState.READY

    def _print(self, kind: str, what: Any) -> PrintResult:
        self.rec.note("print_" + kind)
        job = f"job-{len(self.rec.printed) + 1}"
        if not self.state.can_print:
            raise PrinterError("printer_out_of_paper", state=self.state.value, job_id=job)
        self.rec.printed.append((kind, what))
        return PrintResult(job, self.state, 1, f"/tmp/{job}.pdf")

    def duplicate(self, invoice_id: int, session: CustomerSession | None, language: str) -> PrintResult:
        return self._print("duplicate", invoice_id)

    def payment_slip(self, slip: PaymentSlip, language: str) -> PrintResult:
        return self._print("payment_slip", slip)

    def claim_receipt(self, receipt: ClaimReceipt, language: str) -> PrintResult:
        return self._print("claim_receipt", receipt)

    def reading_receipt(self, receipt: ReadingReceipt, language: str) -> PrintResult:
        return self._print("reading_receipt", receipt)

    def request_receipt(self, receipt: RequestReceipt, language: str) -> PrintResult:
        return self._print("request_receipt", receipt)

    def statement(self, session: CustomerSession, language: str) -> PrintResult:
        return self._print("statement", session.account_id)

    def reprint(self, job_id: str) -> PrintResult:
        return self._print("reprint", job_id)

    def status(self) -> PrinterState:
        return self.state


class FakeAuth:
    def __init__(self, rec: Recorder) -> None:
        self.rec = rec

    def login(self, account: str, pin: str) -> CustomerSession:
        self.rec.note("login", account)
        if pin != "2468":
            raise AuthError("wrong_pin", attempts_left=4)
        return CustomerSession(77, "María", NOW, "tok")

    def request_pin_code(self, account: str, document: str, channel: str) -> str:
        return "req"

    def set_pin(self, request_id: str, code: str, new_pin: str, repeat_pin: str) -> None:
        return None

    def logout(self, session: CustomerSession) -> None:
        self.rec.note("logout")


class FakeLookup:
    def by_number(self, account: str, invoice_number: str) -> InvoiceSummary:
        return INVOICES[0]

    def by_scan(self, scanned: str) -> InvoiceSummary:
        return INVOICES[0]


BRANDING = Branding(
    key="coop-ar",
    name="Cooperativa Eléctrica Demo",
    short_name="Coop Demo",
    locale="es_AR",
    currency=ARS,
    country="AR",
    primary_color="#0B5394",
    accent_color="#F1C232",
    services=(Service.ELECTRICITY, Service.WATER, Service.INTERNET),
    payment_instructions_es="Pague en cualquier sucursal.",
    payment_instructions_en="Pay at any branch.",
)


class FakeInfo:
    def faq(self, language: str) -> list[FaqEntry]:
        return []

    def branding(self) -> Branding:
        return BRANDING

    def sync_status(self) -> SyncStatus:
        return SyncStatus(True, 30, NOW, 0, 0)


@dataclass
class Fakes:
    rec: Recorder
    services: KioskServices
    account: FakeAccount
    readings: FakeReadings
    printing: FakePrinting


def make_fakes(kind: AccountKind = AccountKind.POSTPAID) -> Fakes:
    rec = Recorder()
    account = FakeAccount(rec, kind)
    readings = FakeReadings(rec)
    printing = FakePrinting(rec)
    services = KioskServices(
        lookup=FakeLookup(),
        auth=FakeAuth(rec),
        account=account,
        payments=FakePayments(rec),
        readings=readings,
        claims=FakeClaims(rec),
        requests=FakeRequests(rec),
        printing=printing,
        info=FakeInfo(),
    )
    return Fakes(rec, services, account, readings, printing)


SESSION = CustomerSession(77, "María", NOW, "tok")


# -- window and taps ------------------------------------------------------------------------------------------


def kiosk_config(tmp_path: Any) -> Any:
    from kiosk.config import parse_config

    return parse_config(
        {
            "kiosk": {"id": "K02", "branch": "S01", "branch_name": "Sucursal Centro", "data_dir": str(tmp_path)},
            "printer": {"backend": "pdf-folder", "folder": str(tmp_path / "prints")},
        }
    )


def open_window(qtbot: Any, services: KioskServices, tmp_path: Any, orientation: str = "landscape") -> Any:
    """The real main window over `services`, shown offscreen at the kiosk's size."""
    from ui.app import build_window

    window = build_window(services, kiosk_config(tmp_path), BRANDING, orientation=orientation, poll_status=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def settle(window: Any) -> None:
    """Let every background call finish and its result reach the GUI thread."""
    from PySide6.QtWidgets import QApplication

    for _ in range(4):
        window.ctx.ops.wait_idle(5000)
        QApplication.processEvents()


def log_in(qtbot: Any, window: Any, account: str = "1001", pin: str = "2468") -> None:
    """From home: tap "Ingresar", type the account and the PIN on the keypad, as a customer does."""
    from ui_taps import button_named, tap, type_on_keypad

    tap(qtbot, button_named(window, "tile_login"))
    login = window.current()
    type_on_keypad(qtbot, login.keypad, account)
    tap(qtbot, login.keypad.ok_key)
    type_on_keypad(qtbot, login.keypad, pin)
    tap(qtbot, login.keypad.ok_key)
    qtbot.waitUntil(lambda: window.current_name() == "account_home", timeout=5000)
    settle(window)

"""The data and the knobs behind kiosk.testing.fakes: one FakeWorld, two ready-made worlds.

- `build_world()`: the demo's world (`demo --fake`, the tour's fallback, the walk-in and login tests): three
  customers of a cooperative on 2026-11-25, statuses derived from the due dates as the real services do.
- `screen_world(kind)`: the logged-in screens' world (tests/ui/test_logged_in_*): one account, 77, on
  2024-11-12, with given statuses and a fixed clock, so the screens' texts can be asserted to the cent.

Tests poke the world: central down, printer out of paper, latency, reading window closed, and read what the
fakes recorded (calls, the threads they ran on, printed documents, queued receipts).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from kiosk.config import ReadingsSection
from kiosk.domain import (
    AccountKind,
    Branding,
    CaseStatus,
    ConsumptionPoint,
    Instalment,
    InvoiceDetail,
    InvoiceLine,
    InvoiceStatus,
    InvoiceSummary,
    MeterReading,
    Money,
    PaymentAgreement,
    Plan,
    PrinterState,
    ReadingKind,
    Service,
    Supply,
)
from kiosk.domain.dues import DuesPolicy
from kiosk.domain.maintenance import AuditEntry, KeptJob, LogLine
from kiosk.payments.reference import make_reference

TODAY = date(2026, 11, 25)  # the demo world's day
HISTORY_PERIODS = ReadingsSection().history_periods  # the periods a meter's average spans (config default)

# (code, Spanish, English) per service: the claim categories a world offers.
CategoryRows = dict[Service, list[tuple[str, str, str]]]


def demo_branding(key: str = "coop-ar") -> Branding:
    """The shipped profile when kiosk.branding is available, else a built-in stand-in."""
    try:
        from kiosk.branding import load_branding

        return load_branding(key)
    except Exception:
        return Branding(
            key=key, name="Cooperativa Eléctrica de Demostración", short_name="Coop. Demo", locale="es_AR",
            currency="ARS", country="AR", primary_color="#1B5E20", accent_color="#0D47A1",
            services=(Service.ELECTRICITY, Service.WATER),
            payment_instructions_es="Pague en Pago Fácil o Rapipago.",
            payment_instructions_en="Pay at Pago Fácil or Rapipago.",
        )


@dataclass
class FakeCustomer:
    account_id: int
    first_name: str
    holder_masked: str
    pin: str
    document: str
    kind: AccountKind = AccountKind.POSTPAID
    failed: int = 0
    locked_until: datetime | None = None
    phone_masked: str = "351 *** **12"
    email_masked: str = "m***@correo.com"
    plan_name: str | None = None  # prepaid only
    credit_days: int | None = None  # prepaid only


@dataclass
class FakeStaffMember:
    """A staff account of the fake world (as the replica's staff table; branch None: fleet-wide)."""

    number: int
    name: str
    role: str  # operator | technician
    pin: str
    branch: str | None = None
    active: bool = True
    badge: str = ""  # the badge's secret (16 Crockford characters); empty: no badge


@dataclass
class ParkedFake:
    """An outbox row central rejected (kiosk.sync.outbox.ParkedRow's fields)."""

    seq: int
    table_name: str
    row_id: str
    attempts: int
    reason: str
    created_at: datetime


@dataclass
class Recorder:
    """What the fakes were asked to do, for assertions: (name, args) per call, the threads the calls ran on,
    and (kind, what) per printed document."""

    calls: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    printed: list[tuple[str, Any]] = field(default_factory=list)
    threads: set[str] = field(default_factory=set)

    def note(self, name: str, *args: Any) -> None:
        self.calls.append((name, args))
        self.threads.add(threading.current_thread().name)

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


@dataclass
class FakeWorld:
    """The shared state of the fake services (tests poke it)."""

    today: date = TODAY
    now: datetime | None = None  # a fixed clock for sessions and receipts; None: the real time
    currency: str = "ARS"
    central_online: bool = True
    printer_state: PrinterState = PrinterState.READY
    delay: float = 0.0
    print_folder: Path | None = None
    max_attempts: int = 5
    lock_seconds: int = 900
    throttle_after: int = 5
    throttle_wait: int = 30
    failed_lookups: int = 0
    customers: dict[int, FakeCustomer] = field(default_factory=dict)
    invoices: list[InvoiceSummary] = field(default_factory=list)
    supplies: list[Supply] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    agreements: list[PaymentAgreement] = field(default_factory=list)
    cases: list[CaseStatus] = field(default_factory=list)
    categories: CategoryRows = field(default_factory=dict)
    # Readings: the meter's last value and day, the window (open or not), the average and when it is "high".
    window_open: bool = True
    last_value: int = 41550
    last_read_on: date = date(2026, 10, 28)
    next_window_in_days: int = 28
    average: Decimal | None = None  # None: computed from the consumption history, as the real services do
    average_periods: int = HISTORY_PERIODS
    high_factor: int = 3
    # The numbers receipts get (per kind: claim, request, reading) and the kiosk that issues them.
    receipt_numbers: dict[str, str] = field(default_factory=lambda: {
        "claim": "S01-K01-000016", "request": "S01-K01-000017", "reading": "L-0001-000042"})
    kiosk_id: str = "K01"
    # How the world's documents look: the detail of an invoice, a supply's consumption, statement moves.
    history: Callable[[FakeWorld, Supply, int], list[ConsumptionPoint]] = field(
        default=lambda w, s, n: demo_history(w, s, n))
    detail: Callable[[FakeWorld, InvoiceSummary], InvoiceDetail] = field(default=lambda w, inv: demo_detail(w, inv))
    statement_from: date | None = None  # None: a year before today
    payment_label: str = "Pago"  # the channel a statement names a payment by
    # Fixed payment codes (reference, barcode) for slips; None: computed like the real ones.
    slip_codes: tuple[str, str] | None = None
    pay_by: bool = True  # the overview says until when its total holds, as the real one does
    plan_slip_codes: tuple[str, str] | None = None
    # Maintenance mode: the branch, its staff (the seed's operator 1 / 4826 and technician 2 / 7391), the
    # branch PIN, the staff lockout, out of service, parked rows, log lines, kept print jobs, the printer setup.
    branch: str = "CENTRO"
    staff: dict[int, FakeStaffMember] = field(default_factory=dict)
    branch_pin: str = ""
    staff_failures: int = 0
    staff_locked_until: datetime | None = None
    staff_session_minutes: int = 30
    out_of_service: bool = False
    service_message: str = ""
    parked: list[ParkedFake] = field(default_factory=list)
    log: list[LogLine] = field(default_factory=list)
    kept_jobs: list[KeptJob] = field(default_factory=list)
    printer_backend: str = "pdf-folder"
    printer_paper: str = "roll"
    roll_length_m: float = 80.0
    roll_used_m: float = 12.5
    paper_low_m: float = 5.0
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    # What the fakes did.
    audit: list[AuditEntry] = field(default_factory=list)
    device_commands: list[str] = field(default_factory=list)
    pin_requests: dict[str, tuple[int, str, datetime]] = field(default_factory=dict)
    walk_in_grants: set[int] = field(default_factory=set)  # invoices a lookup revealed (walk-ins may print them)
    printed: list[Path] = field(default_factory=list)
    outbox: list[object] = field(default_factory=list)
    sent_codes: list[str] = field(default_factory=list)
    logged_out: list[str] = field(default_factory=list)
    gui_thread_calls: list[str] = field(default_factory=list)
    recorder: Recorder = field(default_factory=Recorder)
    gui_thread: int = field(default_factory=threading.get_ident)  # the thread that built the world (the GUI's)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def pause(self, name: str, *args: Any) -> None:
        """Every fake call passes here: it is recorded, with calls made on the GUI thread listed apart (tests
        assert there are none: blocking work belongs to ui.ops), then simulated latency."""
        self.recorder.note(name, *args)
        if threading.get_ident() == self.gui_thread:
            self.gui_thread_calls.append(name)
        if self.delay:
            time.sleep(self.delay)

    def money(self, value: str | int | Decimal) -> Money:
        return Money(Decimal(value), self.currency)

    def clock(self) -> datetime:
        return self.now or datetime.now(UTC)


# -- the demo's world ----------------------------------------------------------------------------------------


def maintenance_fixtures(w: FakeWorld) -> None:
    """Staff as the demo seed has them, two parked rows, some log lines and a kept job, so every maintenance
    screen has something to show (the tour's fake fallback renders them all)."""
    now = w.clock()
    w.staff = {
        1: FakeStaffMember(1, "Supervisión de sucursal", "operator", "4826", w.branch),
        2: FakeStaffMember(2, "Soporte técnico", "technician", "7391", None, badge="7K3M9QX2VD4TR8HN"),
    }
    w.parked = [
        ParkedFake(41, "claims", "5b2f0c1e-0d1a-4a57-9f0e-2f6f1f0b7a11", 6, "category no longer exists",
                   now - timedelta(hours=5)),
        ParkedFake(57, "meter_readings", "9a8e2d44-71c3-4e0b-8d7c-0c5a9b6e3f22", 3, "reading window closed",
                   now - timedelta(minutes=40)),
    ]
    w.log = [
        LogLine(now - timedelta(minutes=30), "INFO", "kiosk.sync.engine", "pull: 214 rows in 3 tables"),
        LogLine(now - timedelta(minutes=12), "WARNING", "kiosk.services.print_jobs",
                "printer out_of_paper: job kept as K-4821"),
        LogLine(now - timedelta(minutes=2), "INFO", "kiosk.sync.engine", "push: 3 rows, outbox empty"),
    ]
    w.kept_jobs = [
        KeptJob("K-4821", "duplicate", 1, now - timedelta(minutes=12), now + timedelta(hours=23, minutes=48),
                "out_of_paper", False),
    ]




def _demo_invoice(world: FakeWorld, inv_id: int, account: int, supply: int | None, service: Service, period: str,
                  total: str, status: InvoiceStatus, holder: str, pos: str = "0021") -> InvoiceSummary:
    year, month = (int(x) for x in period.split("-"))
    issue = date(year, month, 5) + timedelta(days=31)
    first = issue + timedelta(days=25)  # the newest period is still before its first due date on TODAY
    amount = world.money(total)
    second_total = world.money(Decimal(total) * Decimal("1.05"))
    second = first + timedelta(days=10)
    ref = make_reference(account, inv_id)
    if status is not InvoiceStatus.PAID:  # as the real services do: overdue once the first due date has passed
        status = InvoiceStatus.OVERDUE if first < world.today else InvoiceStatus.PENDING
    owed = DuesPolicy().owed(total=amount, second_total=second_total, first_due=first, second_due=second,
                             on=world.today, paid=status is InvoiceStatus.PAID)
    return InvoiceSummary(
        id=inv_id, number=f"{pos}-{49100 + inv_id:08d}", account_id=account, supply_id=supply, service=service,
        period=period, issue_date=issue, first_due_date=first, second_due_date=second,
        total=amount, second_total=second_total, status=status,
        payment_reference=ref, holder_masked=holder, owed=owed,
    )


def in_currency(world: FakeWorld, inv: InvoiceSummary, dues: DuesPolicy) -> InvoiceSummary:
    """The invoice in the world's currency, owed on the world's day under the profile's dues rule."""
    total = world.money(inv.total.amount)
    second_total = world.money(inv.second_total.amount) if inv.second_total else None
    owed = dues.owed(total=total, second_total=second_total, first_due=inv.first_due_date,
                     second_due=inv.second_due_date, on=world.today, paid=inv.status is InvoiceStatus.PAID)
    return replace(inv, total=total, second_total=second_total, owed=owed)


def demo_history(world: FakeWorld, supply: Supply, n: int) -> list[ConsumptionPoint]:
    """The last n periods before this month; a period's value depends on the period alone (as in the real
    history), so the last 12 and the last 24 agree where they overlap."""
    out = []
    for k in range(n):
        index = world.today.year * 12 + world.today.month - 1 - n + k  # months since year 0
        year, month = divmod(index, 12)
        kind = (ReadingKind.ESTIMATED if index % 5 == 3 else
                ReadingKind.CUSTOMER if index % 7 == 5 else ReadingKind.REAL)
        out.append(ConsumptionPoint(f"{year}-{month + 1:02d}", Decimal(250 + (index * 37) % 120), kind))
    return out


def demo_detail(world: FakeWorld, inv: InvoiceSummary) -> InvoiceDetail:
    lines = (
        InvoiceLine("Cargo fijo", Decimal("3500.00")),
        InvoiceLine("Consumo", inv.total.amount - Decimal("3500.00") - Decimal("1000.00"), Decimal(320), None),
        InvoiceLine("IVA 21 %", Decimal("1000.00"), is_tax=True),
    )
    prev = MeterReading(inv.supply_id or 0, "2026-09", date(2026, 9, 28), 41230, ReadingKind.REAL, 300)
    cur = MeterReading(inv.supply_id or 0, inv.period, date(2026, 10, 28), 41550, ReadingKind.REAL, 320)
    supply = next((s for s in world.supplies if s.id == inv.supply_id), None)
    history = world.history(world, supply, 12) if supply is not None else []
    return InvoiceDetail(inv, lines, world.money(1000), "San Martín 1150", prev, cur, Decimal(320), inv.service.unit,
                         tuple(history))


DEMO_CATEGORIES: CategoryRows = {
    Service.ELECTRICITY: [("no_supply", "Falta de suministro", "No power"),
                          ("low_voltage", "Baja tensión", "Low voltage")],
    Service.WATER: [("water_leak", "Pérdida de agua", "Water leak"), ("no_water", "Falta de agua", "No water")],
    Service.INTERNET: [("internet_down", "Sin conexión a internet", "Internet down")],
    Service.TELEPHONY: [("no_line", "Sin línea", "No dial tone")],
}
BILLING = ("billing_error", "Error en la factura", "Billing error")  # offered for every service


def build_world(print_folder: Path | None = None) -> FakeWorld:
    """The demo's world: María (1001, postpaid, debt, open reading window), José (1002, all paid), Ana (1003,
    prepaid internet)."""
    w = FakeWorld(print_folder=print_folder)
    w.customers = {
        1001: FakeCustomer(1001, "María", "M*** G*** L***", "2580", "20111222"),
        1002: FakeCustomer(1002, "José", "J*** P***", "9713", "30444555"),
        1003: FakeCustomer(1003, "Ana", "A*** R***", "4826", "27666777", kind=AccountKind.PREPAID,
                           plan_name="Hogar 20 Mbps", credit_days=12),
    }
    w.supplies = [
        Supply(11, 1001, Service.ELECTRICITY, "San Martín 1150, Almafuerte", True, "E-55012", 5, "R1"),
        Supply(12, 1001, Service.WATER, "San Martín 1150, Almafuerte", True, "A-7781", 4, "R2"),
        Supply(21, 1002, Service.ELECTRICITY, "Belgrano 220, Almafuerte", True, "E-66120", 5, "R1"),
        Supply(31, 1003, Service.INTERNET, "Hidalgo 215, Pachuca", True, None, None, None, "Hogar 20 Mbps"),
    ]
    inv = [
        (1, 1001, 11, Service.ELECTRICITY, "2026-10", "48211.37", InvoiceStatus.PENDING, "M*** G*** L***"),
        (2, 1001, 12, Service.WATER, "2026-10", "9120.00", InvoiceStatus.PENDING, "M*** G*** L***"),
        (3, 1001, 11, Service.ELECTRICITY, "2026-09", "45002.10", InvoiceStatus.OVERDUE, "M*** G*** L***"),
        (4, 1001, 11, Service.ELECTRICITY, "2026-08", "39870.55", InvoiceStatus.PAID, "M*** G*** L***"),
        (5, 1002, 21, Service.ELECTRICITY, "2026-10", "31540.00", InvoiceStatus.PAID, "J*** P***"),
    ]
    w.invoices = [_demo_invoice(w, *row) for row in inv]
    w.plans = [
        Plan(1, "Hogar 10 Mbps", "30 días", w.money("350"), 30),
        Plan(2, "Hogar 20 Mbps", "30 días", w.money("499"), 30),
        Plan(3, "Semana 20 Mbps", "7 días", w.money("150"), 7),
    ]
    w.agreements = [PaymentAgreement(1, date(2026, 4, 20), w.money("75000"), tuple(
        Instalment(n, date(2026, n + 4, 10), w.money("12500"), date(2026, n + 4, 8) if n <= 3 else None)
        for n in range(1, 7)), "active")]
    now = datetime.now(UTC)
    w.cases = [
        CaseStatus("S01-K01-000014", "claim", "in_progress", now - timedelta(days=3), "Baja tensión"),
        CaseStatus("S01-K01-000015", "e_invoice", "queued", now - timedelta(hours=2), "e_invoice"),
        CaseStatus("S01-K01-000009", "claim", "resolved", now - timedelta(days=40), "Falta de suministro",
                   now - timedelta(days=38)),
        CaseStatus("S01-K01-000007", "reconnection", "rejected", now - timedelta(days=70), "reconnection",
                   now - timedelta(days=66)),
    ]
    w.categories = {service: [*rows, BILLING] for service, rows in DEMO_CATEGORIES.items()}
    maintenance_fixtures(w)
    return w


def reprice(world: FakeWorld, branding: Branding) -> None:
    """The world in the profile's money and under its dues rule (the demo shows every profile)."""
    world.currency = branding.currency
    world.invoices = [in_currency(world, i, branding.dues) for i in world.invoices]
    world.plans = [replace(p, price=world.money(p.price.amount)) for p in world.plans]
    world.agreements = [replace(a, total=world.money(a.total.amount), instalments=tuple(
        replace(i, amount=world.money(i.amount.amount)) for i in a.instalments)) for a in world.agreements]


# -- the logged-in screens' world ----------------------------------------------------------------------------

SCREEN_TODAY = date(2024, 11, 12)
SCREEN_NOW = datetime(2024, 11, 12, 14, 35, tzinfo=UTC)
SCREEN_ACCOUNT = 77
ARS = "ARS"


def ars(value: str | int) -> Money:
    return Money(Decimal(value), ARS)


ELEC = Supply(1, 77, Service.ELECTRICITY, "Av. San Martín 1234", True, "E-448812", 5, "R07")
WATER = Supply(2, 77, Service.WATER, "Av. San Martín 1234", True, "W-1020", 4, "R02")
NET = Supply(3, 77, Service.INTERNET, "Av. San Martín 1234", True, None, None, None, "Fibra 100")


def _screen_invoice(i: int, period: str, status: InvoiceStatus, total: str, supply: Supply = ELEC) -> InvoiceSummary:
    year, month = (int(x) for x in period.split("-"))
    issue = date(year, month, 5)
    return InvoiceSummary(
        id=i, number=f"0021-{49100 + i:08d}", account_id=77, supply_id=supply.id, service=supply.service,
        period=period, issue_date=issue, first_due_date=issue + timedelta(days=15),
        second_due_date=issue + timedelta(days=30), total=ars(total), second_total=ars(total) + ars("250"),
        status=status, payment_reference=f"{i:018d}", holder_masked="M*** G*****",
        owed=DuesPolicy().owed(
            total=ars(total), second_total=ars(total) + ars("250"), first_due=issue + timedelta(days=15),
            second_due=issue + timedelta(days=30),
            # The statuses are given, not derived: a pending one is owed as on its first due date.
            on=issue + timedelta(days=15) if status is InvoiceStatus.PENDING else SCREEN_TODAY,
            paid=status is InvoiceStatus.PAID,
        ),
    )


SCREEN_INVOICES = [
    _screen_invoice(1, "2024-10", InvoiceStatus.PENDING, "18450.50"),
    _screen_invoice(2, "2024-09", InvoiceStatus.OVERDUE, "21030.00"),
    _screen_invoice(3, "2024-08", InvoiceStatus.OVERDUE, "19875.25"),
    _screen_invoice(4, "2024-10", InvoiceStatus.PENDING, "6300.00", WATER),
    _screen_invoice(5, "2024-07", InvoiceStatus.PAID, "17002.10"),
    _screen_invoice(6, "2024-06", InvoiceStatus.PAID, "15990.00"),
]


def screen_history(world: FakeWorld, supply: Supply, periods: int) -> list[ConsumptionPoint]:
    points = []
    base = 320 if supply.service is Service.ELECTRICITY else 18
    for i in range(periods):
        index = 24 - periods + i
        year, month = 2022 + (index + 10) // 12, (index + 10) % 12 + 1
        kind = ReadingKind.ESTIMATED if index % 7 == 3 else ReadingKind.CUSTOMER if index % 9 == 5 else ReadingKind.REAL
        value = base + (index * 37) % (base // 2 + 1)
        points.append(ConsumptionPoint(f"{year}-{month:02d}", Decimal(value), kind, f"0021-{48000 + index:08d}"))
    return points


def screen_detail(world: FakeWorld, summary: InvoiceSummary) -> InvoiceDetail:
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
        history=tuple(screen_history(world, ELEC, 12)),
    )


SCREEN_BRANDING = Branding(
    key="coop-ar", name="Cooperativa Eléctrica Demo", short_name="Coop Demo", locale="es_AR", currency=ARS,
    country="AR", primary_color="#0B5394", accent_color="#F1C232",
    services=(Service.ELECTRICITY, Service.WATER, Service.INTERNET),
    payment_instructions_es="Pague en cualquier sucursal.", payment_instructions_en="Pay at any branch.",
)


def screen_world(kind: AccountKind = AccountKind.POSTPAID) -> FakeWorld:
    """Account 77 (PIN 2468): electricity, water and internet (only internet when prepaid), six invoices,
    a fixed clock; the meter last read 48622 on a 5-digit meter, average 400."""
    prepaid = kind is AccountKind.PREPAID
    w = FakeWorld(today=SCREEN_TODAY, now=SCREEN_NOW, currency=ARS)
    w.customers = {77: FakeCustomer(77, "María", "M*** G*****", "2468", "20111222", kind=kind,
                                    phone_masked="11****5678", plan_name="Plan Básico 10 Mb" if prepaid else None,
                                    credit_days=6 if prepaid else None)}
    w.supplies = [NET] if prepaid else [ELEC, WATER, NET]
    w.invoices = list(SCREEN_INVOICES)
    w.plans = [
        Plan(1, "Plan Básico", "10 Mb de descarga", Money(Decimal("350"), "MXN"), 30),
        Plan(2, "Plan Avanzado", "20 Mb de descarga", Money(Decimal("500"), "MXN"), 30),
    ]
    w.agreements = [PaymentAgreement(9, date(2024, 6, 1), ars("30000"), tuple(
        Instalment(n, date(2024, 6 + n, 10), ars("5000"), date(2024, 6 + n, 8) if n <= 3 else None)
        for n in range(1, 7)), "active")]
    w.cases = [
        CaseStatus("1-2-000041", "claim", "in_progress", SCREEN_NOW - timedelta(days=3), "Baja tensión"),
        CaseStatus("1-2-000037", "e_invoice", "resolved", SCREEN_NOW - timedelta(days=20), "Factura por e-mail",
                   SCREEN_NOW - timedelta(days=18)),
    ]
    metered = [("no_supply", "Sin suministro", "No supply"), ("low_voltage", "Baja tensión", "Low voltage"),
               ("billing", "Error de facturación", "Billing error")]
    w.categories = {Service.ELECTRICITY: metered, Service.WATER: metered,
                    Service.INTERNET: [("net_down", "Sin internet", "Internet down")]}
    w.last_value = 48622
    w.last_read_on = date(2024, 10, 28)
    w.next_window_in_days = 27
    w.average = Decimal(400)
    w.average_periods = 6
    w.receipt_numbers = {"reading": "1-2-000123", "claim": "1-2-000124", "request": "1-2-000125"}
    w.kiosk_id = "k2"
    w.history = screen_history
    w.detail = screen_detail
    w.statement_from = date(2023, 11, 1)
    w.payment_label = "Rapipago"
    w.slip_codes = ("1" * 18, "2" * 36)
    w.plan_slip_codes = ("9" * 18, "8" * 36)
    w.pay_by = False  # the account home's texts are asserted as they were before the real overview had pay_by
    maintenance_fixtures(w)
    return w

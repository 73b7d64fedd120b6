"""In-memory services that satisfy kiosk.services.api, for UI unit tests and for the tour's forced states.

They follow the real services' contract (the same ServiceError codes) on a handful of hand-made customers,
with switches to force the states a test or the tour needs: central down, printer out of paper, slow calls.
Printing writes real PDF files (kiosk's printing package when present, else a minimal PDF) so journey tests
can check that a file appears.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from kiosk.config import ReadingsSection
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
    average_consumption,
)
from kiosk.domain.dues import DuesPolicy
from kiosk.payments.reference import make_barcode, make_reference, parse_scan
from kiosk.services.api import (
    PHONE_ON_FILE,
    CustomerSession,
    KioskServices,
    PrintResult,
    ReadingCheck,
    SyncStatus,
)
from kiosk.services.errors import AuthError, CentralUnavailable, NotFound, ServiceError, Throttled, ValidationError

TODAY = date(2026, 11, 25)
HISTORY_PERIODS = ReadingsSection().history_periods  # the periods a meter's average spans (config default)


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


@dataclass
class FakeWorld:
    """The shared state of the fake services (tests poke it)."""

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
    pin_requests: dict[str, tuple[int, str, datetime]] = field(default_factory=dict)
    printed: list[Path] = field(default_factory=list)
    outbox: list[object] = field(default_factory=list)
    sent_codes: list[str] = field(default_factory=list)
    logged_out: list[str] = field(default_factory=list)
    gui_thread_calls: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def pause(self) -> None:
        """Every fake call passes here: simulated latency, and a record of calls made on the GUI thread
        (tests assert there are none: blocking work belongs to ui.ops)."""
        if threading.current_thread() is threading.main_thread():
            import inspect

            self.gui_thread_calls.append(inspect.stack()[1].function)
        if self.delay:
            time.sleep(self.delay)

    def money(self, value: str | int | Decimal) -> Money:
        return Money(Decimal(value), self.currency)


def _invoice(world: FakeWorld, inv_id: int, account: int, supply: int | None, service: Service, period: str,
             total: str, status: InvoiceStatus, holder: str, pos: str = "0021") -> InvoiceSummary:
    year, month = (int(x) for x in period.split("-"))
    issue = date(year, month, 5) + timedelta(days=31)
    first = issue + timedelta(days=25)  # the newest period is still before its first due date on TODAY
    amount = world.money(total)
    second_total = world.money(Decimal(total) * Decimal("1.05"))
    second = first + timedelta(days=10)
    ref = make_reference(account, inv_id)
    if status is not InvoiceStatus.PAID:  # as the real services do: overdue once the first due date has passed
        status = InvoiceStatus.OVERDUE if first < TODAY else InvoiceStatus.PENDING
    owed = DuesPolicy().owed(total=amount, second_total=second_total, first_due=first, second_due=second, on=TODAY,
                             paid=status is InvoiceStatus.PAID)
    return InvoiceSummary(
        id=inv_id, number=f"{pos}-{49100 + inv_id:08d}", account_id=account, supply_id=supply, service=service,
        period=period, issue_date=issue, first_due_date=first, second_due_date=second,
        total=amount, second_total=second_total, status=status,
        payment_reference=ref, holder_masked=holder, owed=owed,
    )


def _in_currency(world: FakeWorld, inv: InvoiceSummary, dues: DuesPolicy) -> InvoiceSummary:
    """The invoice in the world's currency, owed on TODAY under the profile's dues rule."""
    total = world.money(inv.total.amount)
    second_total = world.money(inv.second_total.amount) if inv.second_total else None
    owed = dues.owed(total=total, second_total=second_total, first_due=inv.first_due_date,
                     second_due=inv.second_due_date, on=TODAY, paid=inv.status is InvoiceStatus.PAID)
    return replace(inv, total=total, second_total=second_total, owed=owed)


def build_world(print_folder: Path | None = None) -> FakeWorld:
    w = FakeWorld(print_folder=print_folder)
    w.customers = {
        1001: FakeCustomer(1001, "María", "M*** G*** L***", "2580", "20111222"),
        1002: FakeCustomer(1002, "José", "J*** P***", "9713", "30444555"),
        1003: FakeCustomer(1003, "Ana", "A*** R***", "4826", "27666777", kind=AccountKind.PREPAID),
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
    w.invoices = [_invoice(w, *row) for row in inv]
    return w


def _minimal_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF with text, for when the printing package is not available."""
    text = "BT /F1 14 Tf 40 800 Td " + " ".join(
        f"({s.encode('latin-1', 'replace').decode('latin-1')}) Tj 0 -20 Td" for s in [title, *lines]) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


class FakeLookup:
    def __init__(self, w: FakeWorld) -> None:
        self.w = w

    def _fail(self) -> None:
        with self.w.lock:
            self.w.failed_lookups += 1
        raise NotFound("invoice_not_found")

    def _check(self) -> None:
        if self.w.failed_lookups >= self.w.throttle_after:
            raise Throttled("too_many_attempts", wait_seconds=self.w.throttle_wait)

    def by_number(self, account: str, invoice_number: str) -> InvoiceSummary:
        self.w.pause()
        acc = account.strip()
        if not acc.isdigit() or len(acc) > 8:
            raise ValidationError("malformed_account", field="account")
        num = invoice_number.strip().replace(" ", "")
        if not num.replace("-", "").isdigit():
            raise ValidationError("malformed_invoice", field="invoice")
        self._check()
        tail = num.split("-")[-1].lstrip("0")
        for inv in self.w.invoices:
            if inv.account_id == int(acc) and inv.number.split("-")[-1].lstrip("0") == tail:
                self.w.failed_lookups = 0
                return inv
        self._fail()
        raise AssertionError

    def by_scan(self, scanned: str) -> InvoiceSummary:
        self.w.pause()
        ref = parse_scan(scanned)
        if ref is None:
            raise ValidationError("unknown_barcode", field="scan")
        self._check()
        for inv in self.w.invoices:
            if inv.payment_reference == ref:
                return inv
        self._fail()
        raise AssertionError


class FakeAuth:
    def __init__(self, w: FakeWorld) -> None:
        self.w = w

    def login(self, account: str, pin: str) -> CustomerSession:
        self.w.pause()
        if not self.w.central_online:
            raise CentralUnavailable("login_unavailable")
        if not account.isdigit():
            raise ValidationError("malformed_account", field="account")
        if not pin.isdigit() or not 4 <= len(pin) <= 6:
            raise ValidationError("malformed_pin", field="pin")
        now = datetime.now(UTC)
        cust = self.w.customers.get(int(account))
        if cust is None:
            raise AuthError("wrong_pin", attempts_left=self.w.max_attempts - 1)
        if cust.locked_until and cust.locked_until > now:
            raise AuthError("locked", locked_seconds=int((cust.locked_until - now).total_seconds()))
        if pin != cust.pin:
            cust.failed += 1
            if cust.failed >= self.w.max_attempts:
                cust.locked_until = now + timedelta(seconds=self.w.lock_seconds)
                cust.failed = 0
                raise AuthError("locked", locked_seconds=self.w.lock_seconds)
            raise AuthError("wrong_pin", attempts_left=self.w.max_attempts - cust.failed)
        cust.failed = 0
        return CustomerSession(cust.account_id, cust.first_name, now, uuid.uuid4().hex)

    def request_pin_code(self, account: str, document: str, channel: str) -> str:
        self.w.pause()
        if not self.w.central_online:
            raise CentralUnavailable("pin_service_unavailable")
        if not account.isdigit():
            raise ValidationError("malformed_account", field="account")
        if not document.isalnum() or not 6 <= len(document) <= 12:  # DNI, RUC, CURP-like ids
            raise ValidationError("malformed_document", field="document")
        if channel not in ("sms", "email"):
            raise ValidationError("invalid_channel", field="channel")
        request_id = uuid.uuid4().hex
        cust = self.w.customers.get(int(account))
        code = "123456"
        if cust is not None and cust.document == document:
            self.w.sent_codes.append(code)
        self.w.pin_requests[request_id] = (int(account) if cust and cust.document == document else 0, code,
                                           datetime.now(UTC) + timedelta(minutes=10))
        return request_id

    def set_pin(self, request_id: str, code: str, new_pin: str, repeat_pin: str) -> None:
        self.w.pause()
        req = self.w.pin_requests.get(request_id)
        if not code.isdigit() or len(code) != 6:
            raise ValidationError("malformed_code", field="code")
        if req is None:
            raise AuthError("code_expired")
        account, expected, expires = req
        if expires < datetime.now(UTC):
            raise AuthError("code_expired")
        if code != expected or not account:
            raise AuthError("wrong_code", attempts_left=2)
        if not new_pin.isdigit() or not 4 <= len(new_pin) <= 6:
            raise ValidationError("malformed_pin", field="new_pin")
        if new_pin != repeat_pin:
            raise ValidationError("pin_mismatch", field="repeat_pin")
        if len(set(new_pin)) == 1 or new_pin in "0123456789" or new_pin in "9876543210":
            raise ValidationError("pin_too_simple", field="new_pin")
        self.w.customers[account].pin = new_pin
        del self.w.pin_requests[request_id]

    def logout(self, session: CustomerSession) -> None:
        self.w.logged_out.append(session.token)


class FakeAccount:
    def __init__(self, w: FakeWorld) -> None:
        self.w = w

    def _own(self, session: CustomerSession | None) -> int:
        if session is None or session.account_id not in self.w.customers:
            raise ServiceError("session_expired")
        return session.account_id

    def overview(self, session: CustomerSession) -> AccountOverview:
        self.w.pause()
        acc = self._own(session)
        cust = self.w.customers[acc]
        open_ = [i for i in self.w.invoices if i.account_id == acc and i.is_open]
        overdue = [i for i in open_ if i.status is InvoiceStatus.OVERDUE]
        total = sum((i.owed.amount for i in open_), self.w.money(0))
        over = sum((i.owed.amount for i in overdue), self.w.money(0))
        supplies = tuple(s for s in self.w.supplies if s.account_id == acc)
        prepaid = cust.kind is AccountKind.PREPAID
        return AccountOverview(
            acc, cust.first_name, cust.holder_masked, cust.kind, total, over, len(overdue),
            len(open_) - len(overdue), supplies, credit_days=12 if prepaid else None,
            prepaid_until=TODAY + timedelta(days=12) if prepaid else None,
            plan_name="Hogar 20 Mbps" if prepaid else None, phone_masked="351 *** **12",
            email_masked="m***@correo.com",
        )

    def invoices(self, session: CustomerSession, status: InvoiceStatus | None = None) -> list[InvoiceSummary]:
        self.w.pause()
        acc = self._own(session)
        return [i for i in self.w.invoices if i.account_id == acc and (status is None or i.status is status)]

    def invoice_detail(self, session: CustomerSession | None, invoice_id: int) -> InvoiceDetail:
        self.w.pause()
        inv = next((i for i in self.w.invoices if i.id == invoice_id), None)
        if inv is None or (session is not None and inv.account_id != session.account_id):
            raise NotFound("invoice_not_found")
        unit = inv.service.unit
        lines = (
            InvoiceLine("Cargo fijo", Decimal("3500.00")),
            InvoiceLine("Consumo", inv.total.amount - Decimal("3500.00") - Decimal("1000.00"),
                        Decimal(320), None),
            InvoiceLine("IVA 21 %", Decimal("1000.00"), is_tax=True),
        )
        prev = MeterReading(inv.supply_id or 0, "2026-09", date(2026, 9, 28), 41230, ReadingKind.REAL, 300)
        cur = MeterReading(inv.supply_id or 0, inv.period, date(2026, 10, 28), 41550, ReadingKind.REAL, 320)
        return InvoiceDetail(inv, lines, self.w.money(1000), "San Martín 1150", prev, cur, Decimal(320), unit,
                             tuple(self._points(12)))

    def _points(self, n: int) -> list[ConsumptionPoint]:
        """The last n periods before this month; a period's value depends on the period alone (as in the real
        history), so the last 12 and the last 24 agree where they overlap."""
        out = []
        for k in range(n):
            index = TODAY.year * 12 + TODAY.month - 1 - n + k  # months since year 0
            year, month = divmod(index, 12)
            kind = (ReadingKind.ESTIMATED if index % 5 == 3 else
                    ReadingKind.CUSTOMER if index % 7 == 5 else ReadingKind.REAL)
            out.append(ConsumptionPoint(f"{year}-{month + 1:02d}", Decimal(250 + (index * 37) % 120), kind))
        return out

    def consumption(self, session: CustomerSession, supply_id: int, periods: int = 24) -> list[ConsumptionPoint]:
        self.w.pause()
        self._own(session)
        return self._points(min(periods, 24))

    def statement(self, session: CustomerSession, months: int = 12) -> Statement:
        self.w.pause()
        acc = self._own(session)
        bal = Decimal(0)
        entries = []
        for inv in sorted((i for i in self.w.invoices if i.account_id == acc), key=lambda i: i.issue_date):
            bal += inv.total.amount
            entries.append(StatementEntry(inv.issue_date, "invoice", f"Factura {inv.number}", inv.number,
                                          inv.total.amount, Decimal(0), bal))
            if inv.status is InvoiceStatus.PAID:
                bal -= inv.total.amount
                entries.append(StatementEntry(inv.first_due_date, "payment", "Pago", inv.payment_reference[-6:],
                                              Decimal(0), inv.total.amount, bal))
            elif inv.owed.surcharge.amount:  # as the real statement books it: the day after the first due date
                bal += inv.owed.surcharge.amount
                entries.append(StatementEntry(inv.first_due_date + timedelta(days=1), "surcharge", inv.period,
                                              inv.number, inv.owed.surcharge.amount, Decimal(0), bal))
        return Statement(acc, self.w.customers[acc].holder_masked, self.w.currency, TODAY - timedelta(days=365),
                         TODAY, Decimal(0), tuple(entries))

    def agreements(self, session: CustomerSession) -> list[PaymentAgreement]:
        self.w.pause()
        self._own(session)
        inst = tuple(
            Instalment(n, date(2026, n + 4, 10), self.w.money("12500"), date(2026, n + 4, 8) if n <= 3 else None)
            for n in range(1, 7)
        )
        return [PaymentAgreement(1, date(2026, 4, 20), self.w.money("75000"), inst, "active")]

    def plans(self, session: CustomerSession) -> list[Plan]:
        self.w.pause()
        self._own(session)
        return [
            Plan(1, "Hogar 10 Mbps", "30 días", self.w.money("350"), 30),
            Plan(2, "Hogar 20 Mbps", "30 días", self.w.money("499"), 30),
            Plan(3, "Semana 20 Mbps", "7 días", self.w.money("150"), 7),
        ]

    def cases(self, session: CustomerSession) -> list[CaseStatus]:
        self.w.pause()
        self._own(session)
        now = datetime.now(UTC)
        return [
            CaseStatus("S01-K01-000014", "claim", "in_progress", now - timedelta(days=3), "Baja tensión"),
            CaseStatus("S01-K01-000015", "e_invoice", "queued", now - timedelta(hours=2), "e_invoice"),
            CaseStatus("S01-K01-000009", "claim", "resolved", now - timedelta(days=40), "Falta de suministro",
                       now - timedelta(days=38)),
            CaseStatus("S01-K01-000007", "reconnection", "rejected", now - timedelta(days=70), "reconnection",
                       now - timedelta(days=66)),
        ]


class FakePayments:
    def __init__(self, w: FakeWorld) -> None:
        self.w = w

    def slip_for(self, invoices: list[InvoiceSummary], language: str) -> PaymentSlip:
        self.w.pause()
        if not invoices:
            raise ValidationError("nothing_selected", field="invoices")
        total = sum((i.owed.amount for i in invoices), self.w.money(0))
        ref = make_reference(invoices[0].account_id, 900_000 + invoices[0].id)
        due = min(i.owed.pay_by or TODAY for i in invoices)
        return PaymentSlip(invoices[0].account_id, invoices[0].holder_masked, tuple(invoices), total, due, ref,
                           make_barcode(ref, due, total.cents), "")

    def slip_for_plan(self, session: CustomerSession, plan_id: int, language: str) -> PaymentSlip:
        self.w.pause()
        plan = next(p for p in FakeAccount(self.w).plans(session) if p.id == plan_id)
        ref = make_reference(session.account_id, 800_000 + plan_id)
        return PaymentSlip(session.account_id, "A*** R***", (), plan.price, TODAY + timedelta(days=3), ref,
                           make_barcode(ref, TODAY + timedelta(days=3), plan.price.cents), "")


class FakeReadings:
    def __init__(self, w: FakeWorld) -> None:
        self.w = w
        self.window_open = True

    def check(self, session: CustomerSession, supply_id: int, today: date | None = None) -> ReadingCheck:
        self.w.pause()
        supply = next((s for s in self.w.supplies if s.id == supply_id and s.account_id == session.account_id),
                      None)
        if supply is None:
            raise NotFound("supply_not_found")
        win = ReadingWindow("R1", TODAY - timedelta(days=2), TODAY + timedelta(days=3))
        nxt = ReadingWindow("R1", TODAY + timedelta(days=28), TODAY + timedelta(days=33))
        return ReadingCheck(supply, 41550, date(2026, 10, 28), win if self.window_open else None,
                            None if self.window_open else nxt, today=TODAY, average=self.average(),
                            average_periods=HISTORY_PERIODS)

    def average(self) -> Decimal | None:
        """The meter's average as the real services compute it, over the consumption the fake account shows."""
        return average_consumption(FakeAccount(self.w)._points(24), HISTORY_PERIODS)

    def submit(self, session: CustomerSession, supply_id: int, value: int, *, confirm_rollover: bool = False,
               confirm_high: bool = False, today: date | None = None) -> ReadingReceipt:
        self.w.pause()
        chk = self.check(session, supply_id, today)
        if chk.window is None:  # the real services' error codes, so the screen meets the same questions
            raise ServiceError("reading_window_closed",
                               next_opens_on=chk.next_window.opens_on if chk.next_window else None)
        last = chk.last_value or 0
        rollover = value < last
        if rollover and not confirm_rollover:
            raise ServiceError("rollover_confirm", last_value=last)
        cons = value - last if not rollover else 10 ** (chk.supply.meter_digits or 5) - last + value
        high = chk.average is not None and cons > 3 * chk.average
        if high and not confirm_high:
            raise ServiceError("high_confirm", average=chk.average, consumption=cons)
        rec = ReadingReceipt(uuid.uuid4().hex, "L-0001-000042", session.account_id, supply_id,
                             chk.supply.meter_number or "", value, last, cons, rollover, high,
                             datetime.now(UTC), "K01", chk.supply.unit)
        self.w.outbox.append(rec)
        return rec


class FakeClaims:
    def __init__(self, w: FakeWorld) -> None:
        self.w = w

    def categories(self, supply: Supply) -> list[ClaimCategory]:
        common = {
            Service.ELECTRICITY: [("no_supply", "Falta de suministro", "No power"),
                                  ("low_voltage", "Baja tensión", "Low voltage")],
            Service.WATER: [("water_leak", "Pérdida de agua", "Water leak"),
                            ("no_water", "Falta de agua", "No water")],
            Service.INTERNET: [("internet_down", "Sin conexión a internet", "Internet down")],
            Service.TELEPHONY: [("no_line", "Sin línea", "No dial tone")],
        }[supply.service]
        rows = [*common, ("billing_error", "Error en la factura", "Billing error")]
        return [ClaimCategory(code, supply.service, es, en) for code, es, en in rows]

    def file(self, session: CustomerSession, supply_id: int, category_code: str, description: str,
             contact_phone: str, contact_time: str) -> ClaimReceipt:
        self.w.pause()
        supply = next(s for s in self.w.supplies if s.id == supply_id)
        cat = next((c for c in self.categories(supply) if c.code == category_code), None)
        if cat is None:
            raise ValidationError("unknown_category", field="category")
        if len(description) > 500:
            raise ValidationError("description_too_long", field="description")
        if contact_phone == PHONE_ON_FILE:  # as the real service: the phone on file, as the kiosk knows it
            contact_phone = FakeAccount(self.w).overview(session).phone_masked or ""
        rec = ClaimReceipt(uuid.uuid4().hex, "S01-K01-000016", session.account_id, supply_id, cat, description,
                           contact_phone, contact_time, datetime.now(UTC), "K01")
        self.w.outbox.append(rec)
        return rec


class FakeRequests:
    def __init__(self, w: FakeWorld) -> None:
        self.w = w

    def submit(self, session: CustomerSession, kind: RequestKind, fields: dict[str, str],
               language: str) -> RequestReceipt:
        self.w.pause()
        rec = RequestReceipt(uuid.uuid4().hex, "S01-K01-000017", kind, session.account_id,
                             tuple(fields.items()), datetime.now(UTC), "K01")
        self.w.outbox.append(rec)
        return rec


class FakePrinting:
    def __init__(self, w: FakeWorld) -> None:
        self.w = w
        self.jobs: dict[str, tuple[str, list[str]]] = {}

    def _print(self, title: str, lines: list[str]) -> PrintResult:
        self.w.pause()
        job = uuid.uuid4().hex
        self.jobs[job] = (title, lines)
        state = self.w.printer_state
        if not state.can_print:
            return PrintResult(job, state, 0, None)
        path = None
        if self.w.print_folder is not None:
            self.w.print_folder.mkdir(parents=True, exist_ok=True)
            p = self.w.print_folder / f"{datetime.now(UTC):%Y%m%d-%H%M%S}-{job[:8]}.pdf"
            p.write_bytes(_minimal_pdf(title, lines))
            self.w.printed.append(p)
            path = str(p)
        return PrintResult(job, state, 1, path)

    def duplicate(self, invoice_id: int, session: CustomerSession | None, language: str) -> PrintResult:
        inv = next((i for i in self.w.invoices if i.id == invoice_id), None)
        if inv is None:
            raise NotFound("invoice_not_found")
        return self._print("Duplicado de factura", [inv.number, inv.period, str(inv.total.amount)])

    def payment_slip(self, slip: PaymentSlip, language: str) -> PrintResult:
        return self._print("Cupón de pago", [slip.reference, str(slip.total.amount)])

    def claim_receipt(self, receipt: ClaimReceipt, language: str) -> PrintResult:
        return self._print("Reclamo", [receipt.number])

    def reading_receipt(self, receipt: ReadingReceipt, language: str) -> PrintResult:
        return self._print("Lectura", [receipt.number, str(receipt.value)])

    def request_receipt(self, receipt: RequestReceipt, language: str) -> PrintResult:
        return self._print("Solicitud", [receipt.number])

    def statement(self, session: CustomerSession, language: str) -> PrintResult:
        return self._print("Resumen de cuenta", [str(session.account_id)])

    def reprint(self, job_id: str) -> PrintResult:
        if job_id not in self.jobs:
            raise NotFound("print_job_not_found")
        title, lines = self.jobs[job_id]
        return self._print(title, lines)

    def status(self) -> PrinterState:
        return self.w.printer_state


class FakeInfo:
    def __init__(self, w: FakeWorld, branding: Branding) -> None:
        self.w = w
        self._branding = branding

    def faq(self, language: str) -> list[FaqEntry]:
        """The FAQ the utility's central is seeded with, so the fakes speak the profile's own words too."""
        from kiosk.central.seed_content import FAQ

        self.w.pause()
        items = FAQ.get(self._branding.key, FAQ["coop-ar"])
        if language == "en":
            return [FaqEntry(item.question_en, item.answer_en) for item in items]
        return [FaqEntry(item.question_es, item.answer_es) for item in items]

    def branding(self) -> Branding:
        return self._branding

    def sync_status(self) -> SyncStatus:
        if self.w.central_online:
            return SyncStatus(True, 42, datetime.now(UTC) - timedelta(seconds=42), 0, 0)
        return SyncStatus(False, 3 * 3600, datetime.now(UTC) - timedelta(hours=3), 2, 0)


def fake_services(world: FakeWorld | None = None, branding: Branding | None = None) -> KioskServices:
    """A KioskServices of fakes over one FakeWorld (reach it as services.info.w)."""
    w = world or build_world()
    b = branding or demo_branding()
    w.currency = b.currency
    w.invoices = [_in_currency(w, i, b.dues) for i in w.invoices]  # the profile's money and dues rule
    return KioskServices(
        lookup=FakeLookup(w), auth=FakeAuth(w), account=FakeAccount(w), payments=FakePayments(w),
        readings=FakeReadings(w), claims=FakeClaims(w), requests=FakeRequests(w), printing=FakePrinting(w),
        info=FakeInfo(w, b),
    )

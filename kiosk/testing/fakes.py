"""In-memory services that satisfy kiosk.services.api over a kiosk.testing.world.FakeWorld.

They keep the real services' contract (the same ServiceError codes, checked by
tests/kiosk/services/test_services_contract.py): the reading window, rollover and unusually high readings,
claim and request validation (kiosk.services.validation itself), the printer out of paper, a token that stops
working at logout. Every call is recorded (world.recorder) and may be slowed down (world.delay). Printing
writes a minimal PDF into world.print_folder when there is one, so journey tests can check that a file appears.
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from kiosk.domain import (
    AccountKind,
    AccountOverview,
    Branding,
    CaseStatus,
    ClaimCategory,
    ClaimReceipt,
    ConsumptionPoint,
    FaqEntry,
    InvoiceDetail,
    InvoiceStatus,
    InvoiceSummary,
    PaymentAgreement,
    PaymentSlip,
    Plan,
    PrinterState,
    ReadingReceipt,
    ReadingWindow,
    RequestKind,
    RequestReceipt,
    Statement,
    StatementEntry,
    Supply,
    average_consumption,
    labels,
)
from kiosk.domain.maintenance import (
    AuditEntry,
    KeptJob,
    KioskStatus,
    LogLine,
    OutOfService,
    PrinterStatus,
    StaffSession,
)
from kiosk.payments.reference import make_barcode, make_reference, parse_scan
from kiosk.services import validation
from kiosk.services.api import PHONE_ON_FILE, CustomerSession, KioskServices, PrintResult, ReadingCheck
from kiosk.services.errors import (
    AuthError,
    CentralUnavailable,
    Forbidden,
    NotFound,
    PrinterError,
    ServiceError,
    SessionExpired,
    Throttled,
    ValidationError,
)
from kiosk.services.forms import FORMS, FormField, check_answer, show_answer
from kiosk.services.print_jobs import normalise_number
from kiosk.sync.outbox import ParkedRow
from kiosk.sync.report import SyncStatus
from kiosk.testing.world import (
    SCREEN_BRANDING,
    FakeCustomer,
    FakeStaffMember,
    FakeWorld,
    Recorder,
    build_world,
    demo_branding,
    reprice,
    screen_world,
)

T = TypeVar("T")
DESCRIPTION_MAX = 500  # kiosk.services.claims.DESCRIPTION_MAX
CONTACT_TIME_MAX = 40  # kiosk.services.claims.CONTACT_TIME_MAX
# kiosk.services.print_jobs.error_code: what a printer that cannot print answers.
PRINTER_CODES = {PrinterState.OUT_OF_PAPER: "printer_out_of_paper", PrinterState.OFFLINE: "printer_offline"}
_KEPT_REASONS = {PrinterState.OUT_OF_PAPER: "out_of_paper", PrinterState.OFFLINE: "offline"}
_ROLL_KINDS = frozenset({"claim_receipt", "reading_receipt", "request_receipt", "test_page"})
FAKE_ROLL_M = 0.15  # what one fake roll document takes off the roll


def minimal_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF with text (the fakes do not need ReportLab)."""
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


def _own(w: FakeWorld, session: CustomerSession | None) -> FakeCustomer:
    """The session's customer; SessionExpired once logged out (as the real session registry)."""
    if session is None or session.token in w.logged_out or session.account_id not in w.customers:
        raise SessionExpired("session_expired")
    return w.customers[session.account_id]


def _own_supply(w: FakeWorld, account_id: int, supply_id: int) -> Supply:
    supply = next((s for s in w.supplies if s.id == supply_id and s.account_id == account_id), None)
    if supply is None:
        raise NotFound("supply_not_found")
    return supply


def _invoice_for(w: FakeWorld, session: CustomerSession | None, invoice_id: int) -> InvoiceSummary:
    """The session's invoice, or for a walk-in (no session) one a lookup revealed on this kiosk (as the real
    WalkInGrants); NotFound otherwise."""
    inv = next((i for i in w.invoices if i.id == invoice_id), None)
    if session is None:
        if inv is None or inv.id not in w.walk_in_grants:
            raise NotFound("invoice_not_found")
        return inv
    if inv is None or inv.account_id != _own(w, session).account_id:
        raise NotFound("invoice_not_found")
    return inv


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
        self.w.pause("by_number", account, invoice_number)
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
                self.w.walk_in_grants.add(inv.id)
                return inv
        self._fail()
        raise AssertionError

    def by_scan(self, scanned: str) -> InvoiceSummary:
        self.w.pause("by_scan", scanned)
        ref = parse_scan(scanned)
        if ref is None:
            raise ValidationError("unknown_barcode", field="scan")
        self._check()
        for inv in self.w.invoices:
            if inv.payment_reference == ref:
                self.w.walk_in_grants.add(inv.id)
                return inv
        self._fail()
        raise AssertionError


class FakeAuth:
    def __init__(self, w: FakeWorld) -> None:
        self.w = w

    def login(self, account: str, pin: str) -> CustomerSession:
        self.w.pause("login", account)
        if not self.w.central_online:
            raise CentralUnavailable("login_unavailable")
        if not account.isdigit():
            raise ValidationError("malformed_account", field="account")
        if not pin.isdigit() or not 4 <= len(pin) <= 6:
            raise ValidationError("malformed_pin", field="pin")
        now = self.w.clock()
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
        self.w.pause("request_pin_code", account, channel)
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
        known = cust is not None and cust.document == document
        if known:
            self.w.sent_codes.append(code)
        self.w.pin_requests[request_id] = (int(account) if known else 0, code,
                                           self.w.clock() + timedelta(minutes=10))
        return request_id

    def set_pin(self, request_id: str, code: str, new_pin: str, repeat_pin: str) -> None:
        self.w.pause("set_pin", request_id)
        req = self.w.pin_requests.get(request_id)
        if not code.isdigit() or len(code) != 6:
            raise ValidationError("malformed_code", field="code")
        if req is None:
            raise AuthError("code_expired")
        account, expected, expires = req
        if expires < self.w.clock():
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
        self.w.recorder.note("logout")
        self.w.logged_out.append(session.token)


class FakeAccount:
    def __init__(self, w: FakeWorld) -> None:
        self.w = w

    @property
    def invoice_list(self) -> list[InvoiceSummary]:
        """The world's invoices (a test may replace them)."""
        return self.w.invoices

    @invoice_list.setter
    def invoice_list(self, value: list[InvoiceSummary]) -> None:
        self.w.invoices = value

    def _mine(self, account_id: int) -> list[InvoiceSummary]:
        """The account's invoices as the real service lists them: newest issue first (then highest id)."""
        own = [i for i in self.w.invoices if i.account_id == account_id]
        return sorted(own, key=lambda i: (i.issue_date, i.id), reverse=True)

    def overview(self, session: CustomerSession) -> AccountOverview:
        self.w.pause("overview", session.account_id)
        cust = _own(self.w, session)
        open_ = [i for i in self._mine(cust.account_id) if i.is_open]
        overdue = [i for i in open_ if i.status is InvoiceStatus.OVERDUE]
        prepaid = cust.kind is AccountKind.PREPAID
        # As the real service: the last day the total holds (world.pay_by off: the screens' texts without it).
        pay_by = [i.owed.pay_by for i in open_ if i.owed.pay_by is not None] if self.w.pay_by else []
        return AccountOverview(
            account_id=cust.account_id,
            holder_first_name=cust.first_name,
            holder_masked=cust.holder_masked,
            kind=cust.kind,
            total_due=sum((i.owed.amount for i in open_), self.w.money(0)),
            overdue_total=sum((i.owed.amount for i in overdue), self.w.money(0)),
            overdue_count=len(overdue),
            pending_count=len(open_) - len(overdue),  # as the real service: open, not yet due
            pay_by=min(pay_by) if pay_by else None,
            at_counter_total=sum((i.owed.amount for i in open_ if i.owed.at_counter), self.w.money(0)),
            supplies=tuple(s for s in self.w.supplies if s.account_id == cust.account_id),
            credit_days=cust.credit_days if prepaid else None,
            prepaid_until=self.w.today + timedelta(days=cust.credit_days or 0) if prepaid else None,
            plan_name=cust.plan_name if prepaid else None,
            phone_masked=cust.phone_masked,
            email_masked=cust.email_masked,
        )

    def invoices(self, session: CustomerSession, status: InvoiceStatus | None = None) -> list[InvoiceSummary]:
        self.w.pause("invoices", status)
        cust = _own(self.w, session)
        return [i for i in self._mine(cust.account_id) if status is None or i.status is status]

    def invoice_detail(self, session: CustomerSession | None, invoice_id: int) -> InvoiceDetail:
        self.w.pause("invoice_detail", invoice_id)
        return self.w.detail(self.w, _invoice_for(self.w, session, invoice_id))

    def consumption(self, session: CustomerSession, supply_id: int, periods: int = 24) -> list[ConsumptionPoint]:
        self.w.pause("consumption", supply_id, periods)
        cust = _own(self.w, session)
        supply = _own_supply(self.w, cust.account_id, supply_id)
        if supply.meter_number is None:
            return []  # nothing is metered: no history (as the real service)
        return self.w.history(self.w, supply, min(max(periods, 12), 24))

    def statement(self, session: CustomerSession, months: int = 12) -> Statement:
        self.w.pause("statement", months)
        cust = _own(self.w, session)
        # As the real statement books them (kiosk.services.account._movements): an invoice under its period, its
        # surcharge the day after the first due date, a payment under its channel with the invoice's number;
        # one day's moves in that order, then by reference.
        moves: list[tuple[date, int, str, Decimal, Decimal, str, str]] = []
        for inv in self._mine(cust.account_id):
            moves.append((inv.issue_date, 0, inv.number, inv.total.amount, Decimal(0), "invoice", inv.period))
            if inv.status is InvoiceStatus.PAID:
                moves.append((inv.first_due_date, 3, inv.number, Decimal(0), inv.total.amount, "payment",
                              self.w.payment_label))
            elif inv.owed.surcharge.amount:  # owed at the second-due total since the day after the first due date
                moves.append((inv.first_due_date + timedelta(days=1), 1, inv.number, inv.owed.surcharge.amount,
                              Decimal(0), "surcharge", inv.period))
        balance = Decimal(0)
        entries = []
        for day, _order, reference, debit, credit, kind, description in sorted(moves, key=lambda m: m[:3]):
            balance += debit - credit
            entries.append(StatementEntry(day, kind, description, reference, debit, credit, balance))
        start = self.w.statement_from or self.w.today - timedelta(days=365)
        return Statement(cust.account_id, cust.holder_masked, self.w.currency, start, self.w.today, Decimal(0),
                         tuple(entries))

    def agreements(self, session: CustomerSession) -> list[PaymentAgreement]:
        self.w.pause("agreements")
        _own(self.w, session)
        return list(self.w.agreements)

    def plans(self, session: CustomerSession) -> list[Plan]:
        """As the real service: none for postpaid, cheapest first."""
        self.w.pause("plans")
        if _own(self.w, session).kind is not AccountKind.PREPAID:
            return []
        return sorted(self.w.plans, key=lambda p: (p.price.amount, p.id))

    def cases(self, session: CustomerSession) -> list[CaseStatus]:
        self.w.pause("cases")
        _own(self.w, session)
        return list(self.w.cases)


class FakePayments:
    def __init__(self, w: FakeWorld) -> None:
        self.w = w

    def slip_for(self, invoices: list[InvoiceSummary], language: str) -> PaymentSlip:
        self.w.pause("slip_for", tuple(i.id for i in invoices), language)
        if not invoices:
            raise ValidationError("no_invoices")
        if len({i.account_id for i in invoices}) > 1:
            raise ValidationError("mixed_accounts")
        for inv in invoices:
            if not inv.is_open:
                raise ValidationError("invoice_already_paid", number=inv.number)
            if inv.owed.at_counter:
                raise ValidationError("pay_at_counter", number=inv.number)
        total = sum((i.owed.amount for i in invoices), self.w.money(0))
        due = min(i.owed.pay_by or self.w.today for i in invoices)
        first = invoices[0]
        ref, code = self.w.slip_codes or self._codes(first.account_id, 900_000 + first.id, due, total.cents)
        return PaymentSlip(first.account_id, first.holder_masked, tuple(invoices), total, due, ref, code, "")

    @staticmethod
    def _codes(account_id: int, document: int, due: date, cents: int) -> tuple[str, str]:
        ref = make_reference(account_id, document)
        return ref, make_barcode(ref, due, cents)

    def slip_for_plan(self, session: CustomerSession, plan_id: int, language: str) -> PaymentSlip:
        self.w.pause("slip_for_plan", plan_id, language)
        cust = _own(self.w, session)
        if cust.kind is not AccountKind.PREPAID:
            raise ServiceError("not_prepaid")
        plan = next((p for p in self.w.plans if p.id == plan_id), None)
        if plan is None:
            raise NotFound("plan_not_found")
        due = self.w.today + timedelta(days=3)
        ref, code = self.w.plan_slip_codes or self._codes(cust.account_id, 800_000 + plan_id, due, plan.price.cents)
        return PaymentSlip(cust.account_id, cust.holder_masked, (), plan.price, due, ref, code, "")


class FakeReadings:
    """The world's meter: `window_open`, `last_value`, `average` and `factor` are the world's knobs."""

    def __init__(self, w: FakeWorld) -> None:
        self.w = w

    @property
    def window_open(self) -> bool:
        return self.w.window_open

    @window_open.setter
    def window_open(self, value: bool) -> None:
        self.w.window_open = value

    @property
    def last_value(self) -> int:
        return self.w.last_value

    @last_value.setter
    def last_value(self, value: int) -> None:
        self.w.last_value = value

    @property
    def average(self) -> Decimal | None:
        """The meter's average: the world's, or as the real services compute it over the history shown."""
        if self.w.average is not None:
            return self.w.average
        supply = next((s for s in self.w.supplies if s.meter_number), None)
        if supply is None:
            return None
        return average_consumption(self.w.history(self.w, supply, 24), self.w.average_periods)

    @average.setter
    def average(self, value: Decimal | int | None) -> None:
        self.w.average = None if value is None else Decimal(value)

    @property
    def factor(self) -> int:
        return self.w.high_factor

    @factor.setter
    def factor(self, value: int) -> None:
        self.w.high_factor = value

    def _supply(self, session: CustomerSession, supply_id: int) -> Supply:
        cust = _own(self.w, session)
        supply = _own_supply(self.w, cust.account_id, supply_id)
        if supply.meter_number is None:
            raise ServiceError("supply_not_metered")
        return supply

    def _windows(self, supply: Supply) -> tuple[ReadingWindow, ReadingWindow]:
        today, route = self.w.today, supply.route or "R1"
        open_ = ReadingWindow(route, today - timedelta(days=2), today + timedelta(days=3))
        nxt = ReadingWindow(route, today + timedelta(days=self.w.next_window_in_days),
                            today + timedelta(days=self.w.next_window_in_days + 5))
        return open_, nxt

    def check(self, session: CustomerSession, supply_id: int, today: date | None = None) -> ReadingCheck:
        self.w.pause("reading_check", supply_id)
        supply = self._supply(session, supply_id)
        win, nxt = self._windows(supply)
        return ReadingCheck(supply, self.last_value, self.w.last_read_on, win if self.window_open else None,
                            None if self.window_open else nxt, today=today or self.w.today, average=self.average,
                            average_periods=self.w.average_periods)

    def submit(self, session: CustomerSession, supply_id: int, value: int, *, confirm_rollover: bool = False,
               confirm_high: bool = False, today: date | None = None) -> ReadingReceipt:
        self.w.pause("reading_submit", supply_id, value, confirm_rollover, confirm_high)
        supply = self._supply(session, supply_id)
        if not self.window_open:  # the real services' error codes, so the screen meets the same questions
            raise ServiceError("reading_window_closed", next_opens_on=self._windows(supply)[1].opens_on)
        if value < 0:
            raise ValidationError("negative_value", field="value")
        digits = supply.meter_digits
        if digits and value >= 10**digits:
            raise ValidationError("too_many_digits", field="value", digits=digits)
        last = self.last_value
        rollover = value < last
        if rollover and not confirm_rollover:
            raise ServiceError("rollover_confirm", last_value=last)
        consumption = 10 ** (digits or len(str(last))) - last + value if rollover else value - last
        average = self.average
        high = bool(average) and consumption > self.factor * Decimal(average or 0)
        if high and not confirm_high:
            raise ServiceError("high_confirm", average=average, consumption=consumption)
        rec = ReadingReceipt(uuid.uuid4().hex, self.w.receipt_numbers["reading"], session.account_id, supply_id,
                             supply.meter_number or "", value, last, consumption, rollover, high, self.w.clock(),
                             self.w.kiosk_id, supply.unit)
        self.w.outbox.append(rec)
        return rec


class FakeClaims:
    def __init__(self, w: FakeWorld) -> None:
        self.w = w

    def categories(self, supply: Supply) -> list[ClaimCategory]:
        self.w.recorder.note("claim_categories", supply.id)
        rows = self.w.categories.get(supply.service, [])
        return [ClaimCategory(code, supply.service, es, en) for code, es, en in rows]

    def file(self, session: CustomerSession, supply_id: int, category_code: str, description: str,
             contact_phone: str, contact_time: str) -> ClaimReceipt:
        self.w.pause("claim_file", supply_id, category_code, description, contact_phone, contact_time)
        cust = _own(self.w, session)
        description = validation.text("description", description, max_len=DESCRIPTION_MAX)
        on_file = (contact_phone or "").strip() == PHONE_ON_FILE
        phone = "" if on_file else validation.phone("contact_phone", contact_phone)
        when = validation.text("contact_time", contact_time, max_len=CONTACT_TIME_MAX, required=False)
        if on_file:  # as the real service: the phone on file, as the kiosk knows it (masked)
            phone = cust.phone_masked
            if not phone:
                raise validation.invalid("contact_phone", "required")
        supply = _own_supply(self.w, cust.account_id, supply_id)
        category = next((c for c in self.categories(supply) if c.code == category_code), None)
        if category is None:
            raise NotFound("category_not_found")
        rec = ClaimReceipt(uuid.uuid4().hex, self.w.receipt_numbers["claim"], cust.account_id, supply_id, category,
                           description, phone, when, self.w.clock(), self.w.kiosk_id)
        self.w.outbox.append(rec)
        return rec


class FakeRequests:
    """Checks the answers against the declared forms (kiosk.services.forms) with the real service's rules."""

    def __init__(self, w: FakeWorld) -> None:
        self.w = w

    def _check(self, account_id: int, field: FormField, value: str | None, asked: bool) -> str:
        return check_answer(field, value, asked, lambda supply_id: _own_supply(self.w, account_id, supply_id))

    def _display(self, field: FormField, value: str, language: str) -> str:
        def supply_text(supply_id: int) -> str | None:
            supply = next((s for s in self.w.supplies if s.id == supply_id), None)
            return None if supply is None else f"{labels.service(supply.service, language)} — {supply.address}"

        return show_answer(field, value, language, supply_text)

    def submit(self, session: CustomerSession, kind: RequestKind, fields: dict[str, str],
               language: str) -> RequestReceipt:
        self.w.pause("request_submit", kind, dict(fields), language)
        cust = _own(self.w, session)
        try:
            kind = RequestKind(kind)
        except ValueError:
            raise validation.invalid("kind", "choice") from None
        declared = FORMS.get(kind)
        if declared is None:  # pin_reset: AuthService.request_pin_code
            raise validation.invalid("kind", "choice")
        form = declared.fields
        names = {f.name for f in form}
        for name in fields:
            if name not in names:
                raise validation.invalid(name, "unknown")
        values: dict[str, str] = {}
        for f in form:  # a field asked only with an earlier answer is required only with it
            values[f.name] = self._check(cust.account_id, f, fields.get(f.name), f.applies(values))
        if declared.one_of and not any(values.values()):
            raise validation.invalid(form[0].name, "required")
        shown = tuple((f.label(language), self._display(f, values[f.name], language)) for f in form if values[f.name])
        rec = RequestReceipt(uuid.uuid4().hex, self.w.receipt_numbers["request"], kind, cust.account_id, shown,
                             self.w.clock(), self.w.kiosk_id)
        self.w.outbox.append(rec)
        return rec


class FakePrinting:
    """Prints into world.recorder.printed (and a PDF into world.print_folder); with the world's printer unable
    to print, every print raises PrinterError with its job id, like the real printer; reprint(job) retries it."""

    def __init__(self, w: FakeWorld) -> None:
        self.w = w
        self.jobs: dict[str, tuple[str, Any, str, list[str]]] = {}
        self.kept_ids: dict[str, str] = {}  # kept job number -> job id (the jobs wait in world.kept_jobs)

    @property
    def state(self) -> PrinterState:
        return self.w.printer_state

    @state.setter
    def state(self, value: PrinterState) -> None:
        self.w.printer_state = value

    def _print(self, kind: str, what: Any, title: str, lines: list[str], job: str | None = None,
               *, keep: bool = True) -> PrintResult:
        """Print, or (the printer unable to) keep the job under a readable number in world.kept_jobs, as
        kiosk.services.print_jobs does; `keep=False` for the test page."""
        self.w.pause("print_" + kind)
        if job is None:
            job = f"job-{len(self.jobs) + 1}"
            self.jobs[job] = (kind, what, title, lines)
        number = next((n for n, j in self.kept_ids.items() if j == job), None)
        if number is not None and not any(k.number == number for k in self._live()):
            number = None  # expired: a new number if it fails again
        state = self.w.printer_state
        if not state.can_print:
            if keep:
                number = self._keep(job, kind, number, _KEPT_REASONS.get(state, "error"))
            raise PrinterError(PRINTER_CODES.get(state, "printer_error"), state=state, job_id=job,
                               job_number=number)
        if number is not None:
            self.w.kept_jobs = [replace(k, reprinted=True) if k.number == number else k for k in self.w.kept_jobs]
        if kind in _ROLL_KINDS or (kind == "payment_slip" and self.w.printer_paper == "roll"):
            self.w.roll_used_m = round(self.w.roll_used_m + FAKE_ROLL_M, 3)
        self.w.recorder.printed.append((kind, what))
        path = None
        if self.w.print_folder is not None:
            self.w.print_folder.mkdir(parents=True, exist_ok=True)
            p = self.w.print_folder / f"{self.w.clock():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}.pdf"
            p.write_bytes(minimal_pdf(title, lines))
            self.w.printed.append(p)
            path = str(p)
        return PrintResult(job, state, 1, path, number)

    def _live(self) -> list[KeptJob]:
        """The world's kept jobs not yet expired (expired ones are purged on read, as the real service does)."""
        now = self.w.clock()
        self.w.kept_jobs = [k for k in self.w.kept_jobs if k.expires_at > now]
        return list(self.w.kept_jobs)

    def _keep(self, job: str, kind: str, number: str | None, reason: str) -> str:
        if number is not None:
            self.w.kept_jobs = [replace(k, reason=reason, reprinted=False) if k.number == number else k
                                for k in self.w.kept_jobs]
            return number
        taken = {k.number for k in self._live()}
        number = f"K-{secrets.randbelow(9000) + 1000}"
        while number in taken:
            number = f"K-{secrets.randbelow(9000) + 1000}"
        now = self.w.clock()
        self.w.kept_jobs.append(KeptJob(number, kind.replace("_", "-"), 1, now, now + timedelta(hours=24), reason,
                                        False))
        self.kept_ids[number] = job
        return number

    def duplicate(self, invoice_id: int, session: CustomerSession | None, language: str) -> PrintResult:
        inv = _invoice_for(self.w, session, invoice_id)
        return self._print("duplicate", invoice_id, "Duplicado de factura",
                           [inv.number, inv.period, str(inv.total.amount)])

    def payment_slip(self, slip: PaymentSlip, language: str) -> PrintResult:
        return self._print("payment_slip", slip, "Cupón de pago", [slip.reference, str(slip.total.amount)])

    def claim_receipt(self, receipt: ClaimReceipt, language: str) -> PrintResult:
        return self._print("claim_receipt", receipt, "Reclamo", [receipt.number])

    def reading_receipt(self, receipt: ReadingReceipt, language: str) -> PrintResult:
        return self._print("reading_receipt", receipt, "Lectura", [receipt.number, str(receipt.value)])

    def request_receipt(self, receipt: RequestReceipt, language: str) -> PrintResult:
        return self._print("request_receipt", receipt, "Solicitud", [receipt.number])

    def statement(self, session: CustomerSession, language: str) -> PrintResult:
        _own(self.w, session)
        return self._print("statement", session.account_id, "Resumen de cuenta", [str(session.account_id)])

    def reprint(self, job_id: str) -> PrintResult:
        if job_id not in self.jobs:
            raise NotFound("print_job_not_found")
        _kind, _what, title, lines = self.jobs[job_id]
        return self._print("reprint", job_id, title, lines, job=job_id)

    def status(self) -> PrinterState:
        return self.w.printer_state

    def test_page(self, language: str = "es") -> PrintResult:
        return self._print("test_page", None, "Página de prueba", [self.w.kiosk_id], keep=False)

    def kept_jobs(self) -> list[KeptJob]:
        return [k for k in self._live() if not k.reprinted]

    def find_kept(self, number: str) -> KeptJob:
        wanted = normalise_number(number)
        job = next((k for k in self._live() if k.number == wanted), None)
        if job is None:
            raise NotFound("print_job_not_found")
        return job

    def reprint_kept(self, number: str) -> PrintResult:
        job = self.find_kept(number)
        job_id = self.kept_ids.get(job.number)
        if job_id is None or job_id not in self.jobs:  # a kept job the world was seeded with
            self.jobs[job_id := f"kept-{job.number}"] = (job.kind, job.number, "Trabajo guardado", [job.number])
            self.kept_ids[job.number] = job_id
        _kind, _what, title, lines = self.jobs[job_id]
        return self._print("reprint", job_id, title, lines, job=job_id)

    def printer_status(self) -> PrinterStatus:
        w = self.w
        return PrinterStatus(w.printer_state, w.printer_backend, w.printer_paper, w.roll_length_m, w.roll_used_m,
                             w.roll_used_m >= w.roll_length_m - w.paper_low_m, len(self.kept_jobs()))

    def paper_replaced(self) -> PrinterStatus:
        self.w.roll_used_m = 0.0
        return self.printer_status()


class FakeInfo:
    def __init__(self, w: FakeWorld, branding: Branding, faq: bool = True) -> None:
        self.w = w
        self._branding = branding
        self._faq = faq

    def faq(self, language: str) -> list[FaqEntry]:
        """The FAQ the utility's central is seeded with, so the fakes speak the profile's own words too."""
        from kiosk.central.seed_content import FAQ

        self.w.pause("faq", language)
        if not self._faq:
            return []
        items = FAQ.get(self._branding.key, FAQ["coop-ar"])
        if language == "en":
            return [FaqEntry(item.question_en, item.answer_en) for item in items]
        return [FaqEntry(item.question_es, item.answer_es) for item in items]

    def branding(self) -> Branding:
        return self._branding

    def sync_status(self) -> SyncStatus:
        return fake_sync_status(self.w)


def fake_sync_status(w: FakeWorld) -> SyncStatus:
    """Data 42 s old with central online; 3 h old and two rows waiting without it."""
    now = w.clock()
    if w.central_online:
        return SyncStatus(True, 42, now - timedelta(seconds=42), 0, len(w.parked))
    return SyncStatus(False, 3 * 3600, now - timedelta(hours=3), 2, len(w.parked))


# kiosk.services.staff's rules, restated (the contract suite holds both to the same codes).
STAFF_ROLES = {"operator": 1, "technician": 2}
_STAFF_NUMBER = re.compile(r"^[0-9]{1,9}$")
_STAFF_PIN = re.compile(r"^[0-9]{4,6}$")
_BADGE = re.compile(r"^VST-([0-9]{1,9})-([0-9A-HJKMNP-TV-Z]{16})$")
SERVICE_MESSAGE_MAX = 200  # kiosk.sync.heartbeat.SERVICE_MESSAGE_MAX
REASON_MAX = 200  # kiosk.services.staff.REASON_MAX
DEVICE_COMMANDS = ("restart", "reboot")
PRINTER_BACKENDS = ("pdf-folder", "system", "escpos")
PAPERS = ("roll", "a4")


class FakeStaff:
    """kiosk.services.staff.StaffService over the world: the seed's staff, the lockout, roles, the branch PIN,
    badges, out of service and the audit trail (world.audit, newest last)."""

    def __init__(self, w: FakeWorld) -> None:
        self.w = w
        self._live: dict[str, tuple[StaffSession, datetime]] = {}

    def _audit(self, action: str, outcome: str, staff_id: int | None, **detail: Any) -> None:
        self.w.audit.append(AuditEntry(self.w.clock(), staff_id, action, outcome, detail))

    def login(self, staff_number: str, pin: str) -> StaffSession:
        self.w.pause("staff_login", staff_number)
        number, pin = staff_number.strip(), pin.strip()
        if not _STAFF_NUMBER.fullmatch(number):
            self._audit("staff_login", "malformed", None, via="pin")
            raise ValidationError("malformed_staff_number", field="staff_number")
        if not _STAFF_PIN.fullmatch(pin):
            self._audit("staff_login", "malformed", None, via="pin")
            raise ValidationError("malformed_pin", field="pin")
        member = self.w.staff.get(int(number))
        return self._enter("pin", member, member is not None and member.pin == pin)

    def login_badge(self, code: str) -> StaffSession:
        self.w.pause("staff_login_badge")
        match = _BADGE.fullmatch(code.strip().upper())
        if match is None:
            self._audit("staff_login", "malformed", None, via="badge")
            raise ValidationError("malformed_badge", field="badge")
        member = self.w.staff.get(int(match.group(1)))
        return self._enter("badge", member, member is not None and bool(member.badge)
                           and member.badge == match.group(2))

    def login_branch(self, pin: str) -> StaffSession:
        self.w.pause("staff_login_branch")
        pin = pin.strip()
        if not _STAFF_PIN.fullmatch(pin):
            self._audit("staff_login", "malformed", None, via="branch_pin")
            raise ValidationError("malformed_pin", field="pin")
        if not self.w.branch_pin:
            self._audit("staff_login", "no_branch_pin", None, via="branch_pin")
            raise AuthError("branch_pin_not_set")
        return self._enter("branch_pin", None, pin == self.w.branch_pin)

    def locked_seconds(self) -> int:
        until = self.w.staff_locked_until
        if until is None:
            return 0
        return max(0, int((until - self.w.clock()).total_seconds() + 0.999))

    def _enter(self, via: str, member: FakeStaffMember | None, ok: bool) -> StaffSession:
        now = self.w.clock()
        known = member.number if member is not None else None
        locked = self.locked_seconds()
        if locked:
            self._audit("staff_login", "locked", known, via=via)
            raise AuthError("locked", locked_seconds=locked)
        if not ok:
            self.w.staff_failures += 1
            if self.w.staff_failures >= self.w.max_attempts:
                self.w.staff_locked_until = now + timedelta(seconds=self.w.lock_seconds)
                self.w.staff_failures = 0
                self._audit("staff_login", "wrong_pin", known, via=via, locked=True)
                raise AuthError("locked", locked_seconds=self.w.lock_seconds)
            self._audit("staff_login", "wrong_pin", known, via=via)
            raise AuthError("wrong_pin", attempts_left=self.w.max_attempts - self.w.staff_failures)
        if member is not None:
            refused = ("disabled" if not member.active else
                       "other_branch" if member.branch is not None and member.branch != self.w.branch else
                       "role" if member.role not in STAFF_ROLES else "")
            if refused:
                self._audit("staff_login", "refused", known, via=via, reason=refused)
                raise AuthError("staff_refused", reason=refused)
        self.w.staff_failures = 0
        session = StaffSession(known, member.name if member else "", member.role if member else "operator",
                               self.w.branch, now, via, secrets.token_urlsafe(16))
        self._live[session.token] = (session, now)
        self._audit("staff_login", "ok", known, via=via, role=session.role)
        return session

    def logout(self, session: StaffSession) -> None:
        self.w.recorder.note("staff_logout")
        if self._live.pop(session.token, None) is not None:
            self._audit("staff_logout", "ok", session.staff_id)

    def require(self, session: StaffSession, role: str) -> StaffSession:
        now = self.w.clock()
        entry = self._live.get(session.token)
        if entry is None or entry[0] != session:
            raise SessionExpired("session_expired")
        if now - entry[1] > timedelta(minutes=self.w.staff_session_minutes):
            del self._live[session.token]
            raise SessionExpired("session_expired")
        self._live[session.token] = (entry[0], now)
        if STAFF_ROLES.get(session.role, 0) < STAFF_ROLES[role]:
            self._audit("forbidden", "forbidden", session.staff_id, required=role)
            raise Forbidden("forbidden", required=role)
        return entry[0]

    def parked(self, session: StaffSession) -> list[ParkedRow]:
        self.w.pause("staff_parked")
        live = self.require(session, "operator")
        self._audit("parked_view", "ok", live.staff_id, rows=len(self.w.parked))
        return [ParkedRow(p.seq, p.table_name, p.row_id, p.attempts, p.reason, p.created_at) for p in self.w.parked]

    def retry_parked(self, session: StaffSession, seq: int | None = None) -> int:
        self.w.pause("staff_retry_parked", seq)
        live = self.require(session, "operator")
        chosen = [p for p in self.w.parked if seq is None or p.seq == seq]
        self.w.parked = [p for p in self.w.parked if p not in chosen]
        self._audit("parked_retry", "ok" if chosen else "not_found", live.staff_id, seq=seq, rows=len(chosen))
        return len(chosen)

    def discard_parked(self, session: StaffSession, seq: int, reason: str) -> None:
        self.w.pause("staff_discard_parked", seq)
        live = self.require(session, "technician")
        why = validation.text("reason", reason, max_len=REASON_MAX)
        row = next((p for p in self.w.parked if p.seq == seq), None)
        if row is None:
            self._audit("parked_discard", "not_found", live.staff_id, seq=seq)
            raise NotFound("parked_row_not_found")
        self.w.parked.remove(row)
        self._audit("parked_discard", "ok", live.staff_id, seq=seq, table=row.table_name, row_id=row.row_id,
                    reason=why)

    def config_view(self, session: StaffSession) -> dict[str, dict[str, Any]]:
        self.w.pause("staff_config_view")
        live = self.require(session, "technician")
        self._audit("config_view", "ok", live.staff_id)
        return {
            "kiosk": {"id": self.w.kiosk_id, "branch": self.w.branch},
            "central": {"url": "postgresql+psycopg://kiosk:***@central.example/ventanilla"},
            "printer": {"backend": self.w.printer_backend, "paper": self.w.printer_paper,
                        "roll_length_m": self.w.roll_length_m},
            "maintenance": {"branch_pin_hash": "***" if self.w.branch_pin else "", "max_attempts": self.w.max_attempts,
                            "session_minutes": self.w.staff_session_minutes},
        }

    def set_out_of_service(self, session: StaffSession, on: bool, message: str = "") -> None:
        self.w.pause("staff_set_out_of_service", on)
        live = self.require(session, "operator")
        shown = validation.text("message", message, max_len=SERVICE_MESSAGE_MAX, required=False) if on else ""
        self.w.out_of_service, self.w.service_message = on, shown
        self._audit("out_of_service" if on else "in_service", "ok", live.staff_id, message=shown)

    def out_of_service(self) -> OutOfService:
        return OutOfService(self.w.out_of_service, self.w.service_message)

    def audit_trail(self, session: StaffSession, limit: int = 50) -> list[AuditEntry]:
        self.w.pause("staff_audit_trail", limit)
        self.require(session, "operator")
        return list(reversed(self.w.audit))[: max(1, min(limit, 500))]

    def record(self, session: StaffSession, action: str, outcome: str, **detail: Any) -> None:
        self.w.pause("staff_record", action, outcome)
        live = self.require(session, "operator")
        self._audit(action, outcome, live.staff_id, **detail)


class FakeMaintenance:
    """kiosk.services.maintenance.MaintenanceService over the world (status from its knobs, world.log, the
    world's kept jobs; device commands are recorded in world.device_commands, never run)."""

    def __init__(self, w: FakeWorld, staff: FakeStaff, printing: FakePrinting) -> None:
        self.w = w
        self.staff = staff
        self.printing = printing

    def _audited(self, session: StaffSession, action: str, work: Callable[[], T], **detail: Any) -> T:
        """kiosk.services.maintenance.MaintenanceService._audited: the work, then its audit event (ok, not_found,
        or the printer's state)."""
        live = self.staff.require(session, "operator")
        try:
            result = work()
        except ServiceError as exc:
            outcome = ("not_found" if isinstance(exc, NotFound) else
                       str(exc.params["state"]) if isinstance(exc, PrinterError) and exc.params.get("state")
                       else exc.code)
            self.staff._audit(action, outcome, live.staff_id, **detail)
            raise
        self.staff._audit(action, "ok", live.staff_id, **detail)
        return result

    def status(self, session: StaffSession) -> KioskStatus:
        self.w.pause("maintenance_status")
        self.staff.require(session, "operator")
        now, online = self.w.clock(), self.w.central_online
        sync = fake_sync_status(self.w)
        return KioskStatus(
            kiosk_id=self.w.kiosk_id, branch=self.w.branch, app_version="0.0.0+fake", local_schema="l0004",
            central_schema="c0007" if online else None, data_age_seconds=sync.data_age_seconds,
            last_pull=sync.last_pull_at, last_push=now - timedelta(seconds=50 if online else 3 * 3600),
            last_heartbeat=now - timedelta(seconds=20 if online else 3 * 3600), outbox_depth=sync.outbox_depth,
            parked=len(self.w.parked), disk_free_bytes=12_884_901_888, printer_state=str(self.w.printer_state),
            central_reachable=online, central_latency_ms=38 if online else None,
            uptime_seconds=max(0, int((now - self.w.started_at).total_seconds())),
            out_of_service=self.w.out_of_service, service_message=self.w.service_message,
        )

    def log_lines(self, session: StaffSession, limit: int = 200) -> list[LogLine]:
        self.w.pause("maintenance_log_lines", limit)
        self.staff.require(session, "operator")
        return list(self.w.log[-max(1, limit):])

    def printer(self, session: StaffSession) -> PrinterStatus:
        self.w.pause("maintenance_printer")
        self.staff.require(session, "operator")
        return self.printing.printer_status()

    def test_page(self, session: StaffSession) -> PrintResult:
        return self._audited(session, "printer_test_page", self.printing.test_page)

    def paper_replaced(self, session: StaffSession) -> PrinterStatus:
        self.w.pause("maintenance_paper_replaced")
        return self._audited(session, "printer_paper_replaced", self.printing.paper_replaced)

    def kept_jobs(self, session: StaffSession) -> list[KeptJob]:
        self.w.pause("maintenance_kept_jobs")
        live = self.staff.require(session, "operator")
        jobs = self.printing.kept_jobs()
        self.staff._audit("kept_jobs_view", "ok", live.staff_id, jobs=len(jobs))
        return jobs

    def find_kept(self, session: StaffSession, number: str) -> KeptJob:
        self.w.pause("maintenance_find_kept", number)
        return self._audited(session, "kept_job_find", lambda: self.printing.find_kept(number),
                             number=number.strip()[:16])

    def reprint_kept(self, session: StaffSession, number: str) -> PrintResult:
        self.w.pause("maintenance_reprint_kept", number)
        return self._audited(session, "kept_job_reprint", lambda: self.printing.reprint_kept(number),
                             number=number.strip()[:16])

    def set_printer(self, session: StaffSession, backend: str, paper: str) -> PrinterStatus:
        self.w.pause("maintenance_set_printer", backend, paper)
        live = self.staff.require(session, "technician")
        if backend not in PRINTER_BACKENDS:
            raise validation.invalid("backend", "choice")
        if paper not in PAPERS:
            raise validation.invalid("paper", "choice")
        self.w.printer_backend, self.w.printer_paper = backend, paper
        self.staff._audit("printer_set", "ok", live.staff_id, backend=backend, paper=paper)
        return self.printing.printer_status()

    def device_command(self, session: StaffSession, command: str) -> None:
        self.w.pause("maintenance_device_command", command)
        live = self.staff.require(session, "technician")
        if command not in DEVICE_COMMANDS:
            raise validation.invalid("command", "choice")
        self.staff._audit("device_" + command, "ok", live.staff_id)
        self.w.device_commands.append(command)


def services_over(world: FakeWorld, branding: Branding, *, faq: bool = True) -> KioskServices:
    """A KioskServices of fakes over `world` as it is (reach the world as services.info.w)."""
    printing, staff = FakePrinting(world), FakeStaff(world)
    return KioskServices(
        lookup=FakeLookup(world), auth=FakeAuth(world), account=FakeAccount(world), payments=FakePayments(world),
        readings=FakeReadings(world), claims=FakeClaims(world), requests=FakeRequests(world),
        printing=printing, info=FakeInfo(world, branding, faq), staff=staff,
        maintenance=FakeMaintenance(world, staff, printing),
    )


def fake_services(world: FakeWorld | None = None, branding: Branding | None = None) -> KioskServices:
    """The demo's fakes: over `world` (default: build_world()) in the profile's money and dues rule."""
    w = world or build_world()
    b = branding or demo_branding()
    reprice(w, b)
    return services_over(w, b)


@dataclass
class Fakes:
    """The logged-in screens' fakes and their knobs (rec: what was called and printed)."""

    world: FakeWorld
    rec: Recorder
    services: KioskServices
    account: FakeAccount
    readings: FakeReadings
    printing: FakePrinting


def make_fakes(kind: AccountKind = AccountKind.POSTPAID) -> Fakes:
    """Fakes over screen_world(kind): account 77, PIN 2468."""
    world = screen_world(kind)
    services = services_over(world, SCREEN_BRANDING, faq=False)
    return Fakes(world, world.recorder, services, services.account, services.readings,  # type: ignore[arg-type]
                 services.printing)  # type: ignore[arg-type]

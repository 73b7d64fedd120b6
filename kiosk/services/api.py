"""The services the screens use, as Protocols: the contract between kiosk/services and ui/.

Screens receive a KioskServices through their constructor; tests pass fakes that satisfy these Protocols.
Every method is blocking (database, central or printer work) and must be called through the UI's background
op helper, never on the GUI thread. Every method returns frozen domain objects and raises
kiosk.services.errors.ServiceError (or a subclass) for anything the customer should read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from kiosk.domain import (
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
    ReadingReceipt,
    ReadingWindow,
    RequestKind,
    RequestReceipt,
    Statement,
    Supply,
)
from kiosk.domain.printer import PrinterState

# SyncStatus lives in kiosk.sync.report (sync must not import services). Named here for InfoService's signature.
from kiosk.sync.report import SyncStatus as SyncStatus


@dataclass(frozen=True, slots=True)
class CustomerSession:
    """Proof of a successful login, held by the UI until logout or idle timeout wipes it."""

    account_id: int
    first_name: str
    started_at: datetime
    token: str  # opaque; services check it belongs to account_id


@dataclass(frozen=True, slots=True)
class PrintResult:
    job_id: str  # print_log id; reprint with PrintService.reprint(job_id)
    state: PrinterState
    pages: int
    path: str | None = None  # where the pdf-folder backend or the audit copy wrote it


@dataclass(frozen=True, slots=True)
class ReadingCheck:
    """What the screen must ask before a reading is accepted."""

    supply: Supply
    last_value: int | None
    last_read_on: date | None
    window: ReadingWindow | None  # the open window, or None
    next_window: ReadingWindow | None  # when the window is closed
    today: date | None = None  # the kiosk's day the check was made on (for "podrá" / "pudo")
    average: Decimal | None = None  # the meter's monthly average (kiosk.domain.average_consumption)
    average_periods: int = 0  # over how many periods


class LookupService(Protocol):
    def by_number(self, account: str, invoice_number: str) -> InvoiceSummary: ...
    def by_scan(self, scanned: str) -> InvoiceSummary: ...


class AuthService(Protocol):
    def login(self, account: str, pin: str) -> CustomerSession: ...
    def request_pin_code(self, account: str, document: str, channel: str) -> str: ...  # returns request id
    def set_pin(self, request_id: str, code: str, new_pin: str, repeat_pin: str) -> None: ...
    def logout(self, session: CustomerSession) -> None: ...  # the token stops working at once (idle wipe too)


class AccountService(Protocol):
    def overview(self, session: CustomerSession) -> AccountOverview: ...
    def invoices(self, session: CustomerSession, status: InvoiceStatus | None = None) -> list[InvoiceSummary]: ...
    def invoice_detail(self, session: CustomerSession | None, invoice_id: int) -> InvoiceDetail: ...
    def consumption(self, session: CustomerSession, supply_id: int, periods: int = 24) -> list[ConsumptionPoint]: ...
    def statement(self, session: CustomerSession, months: int = 12) -> Statement: ...
    def agreements(self, session: CustomerSession) -> list[PaymentAgreement]: ...
    def plans(self, session: CustomerSession) -> list[Plan]: ...
    def cases(self, session: CustomerSession) -> list[CaseStatus]: ...


class PaymentService(Protocol):
    def slip_for(self, invoices: list[InvoiceSummary], language: str) -> PaymentSlip: ...
    def slip_for_plan(self, session: CustomerSession, plan_id: int, language: str) -> PaymentSlip: ...


class ReadingService(Protocol):
    def check(self, session: CustomerSession, supply_id: int, today: date | None = None) -> ReadingCheck: ...
    def submit(
        self,
        session: CustomerSession,
        supply_id: int,
        value: int,
        *,
        confirm_rollover: bool = False,
        confirm_high: bool = False,
        today: date | None = None,
    ) -> ReadingReceipt: ...


# What a claim form sends as contact_phone to mean "call me on the phone my account has on file": the kiosk
# only holds that number masked, so the service checks there is one and records it as the masked number.
PHONE_ON_FILE = "on_file"


class ClaimService(Protocol):
    def categories(self, supply: Supply) -> list[ClaimCategory]: ...
    def file(
        self,
        session: CustomerSession,
        supply_id: int,
        category_code: str,
        description: str,
        contact_phone: str,
        contact_time: str,
    ) -> ClaimReceipt: ...


class RequestService(Protocol):
    def submit(
        self, session: CustomerSession, kind: RequestKind, fields: dict[str, str], language: str
    ) -> RequestReceipt: ...


class PrintService(Protocol):
    def duplicate(self, invoice_id: int, session: CustomerSession | None, language: str) -> PrintResult: ...
    def payment_slip(self, slip: PaymentSlip, language: str) -> PrintResult: ...
    def claim_receipt(self, receipt: ClaimReceipt, language: str) -> PrintResult: ...
    def reading_receipt(self, receipt: ReadingReceipt, language: str) -> PrintResult: ...
    def request_receipt(self, receipt: RequestReceipt, language: str) -> PrintResult: ...
    def statement(self, session: CustomerSession, language: str) -> PrintResult: ...
    def reprint(self, job_id: str) -> PrintResult: ...
    def status(self) -> PrinterState: ...


class InfoService(Protocol):
    def faq(self, language: str) -> list[FaqEntry]: ...
    def branding(self) -> Branding: ...
    def sync_status(self) -> SyncStatus: ...


@dataclass(frozen=True)
class KioskServices:
    """Everything a screen may call, handed to the main window at start."""

    lookup: LookupService
    auth: AuthService
    account: AccountService
    payments: PaymentService
    readings: ReadingService
    claims: ClaimService
    requests: RequestService
    printing: PrintService
    info: InfoService

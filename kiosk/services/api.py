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
from typing import Any, Protocol

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
from kiosk.domain.maintenance import (
    AuditEntry,
    KeptJob,
    KioskStatus,
    LogLine,
    OutOfService,
    PrinterStatus,
    StaffSession,
)
from kiosk.domain.printer import PrinterState
from kiosk.sync.outbox import ParkedRow

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
    job_number: str | None = None  # a kept job's readable number ("K-4821") when the print failed and was kept


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


class StaffService(Protocol):
    """Branch staff in maintenance mode (kiosk.services.staff): entry, roles, audited actions.

    Errors: malformed_staff_number, malformed_pin, malformed_badge, wrong_pin(attempts_left),
    locked(locked_seconds), staff_refused(reason), branch_pin_not_set, session_expired, forbidden(required),
    parked_row_not_found (kiosk.services.errors.STAFF_CODES).
    """

    def login(self, staff_number: str, pin: str) -> StaffSession: ...
    def login_badge(self, code: str) -> StaffSession: ...
    def login_branch(self, pin: str) -> StaffSession: ...
    def locked_seconds(self) -> int: ...
    def logout(self, session: StaffSession) -> None: ...
    def require(self, session: StaffSession, role: str) -> StaffSession: ...
    def parked(self, session: StaffSession) -> list[ParkedRow]: ...
    def retry_parked(self, session: StaffSession, seq: int | None = None) -> int: ...
    def discard_parked(self, session: StaffSession, seq: int, reason: str) -> None: ...
    def config_view(self, session: StaffSession) -> dict[str, dict[str, Any]]: ...
    def set_out_of_service(self, session: StaffSession, on: bool, message: str = "") -> None: ...
    def out_of_service(self) -> OutOfService: ...
    def audit_trail(self, session: StaffSession, limit: int = 50) -> list[AuditEntry]: ...
    def record(self, session: StaffSession, action: str, outcome: str, **detail: Any) -> None: ...


class MaintenanceService(Protocol):
    """What maintenance mode shows and does beyond staff entry (kiosk.services.maintenance). Every call needs a
    live staff session; set_printer and device_command need a technician (else Forbidden 'forbidden')."""

    def status(self, session: StaffSession) -> KioskStatus: ...
    def log_lines(self, session: StaffSession, limit: int = 200) -> list[LogLine]: ...
    def printer(self, session: StaffSession) -> PrinterStatus: ...
    def test_page(self, session: StaffSession) -> PrintResult: ...
    def paper_replaced(self, session: StaffSession) -> PrinterStatus: ...
    def kept_jobs(self, session: StaffSession) -> list[KeptJob]: ...
    def find_kept(self, session: StaffSession, number: str) -> KeptJob: ...  # NotFound print_job_not_found
    def reprint_kept(self, session: StaffSession, number: str) -> PrintResult: ...
    def set_printer(self, session: StaffSession, backend: str, paper: str) -> PrinterStatus: ...
    def device_command(self, session: StaffSession, command: str) -> None: ...  # "restart" | "reboot"


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
    staff: StaffService
    maintenance: MaintenanceService

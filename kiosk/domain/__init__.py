"""Plain, frozen domain objects shared by services, printing and the UI.

Services return these instead of ORM rows so that screens and documents never hold a live database session,
and tests can build them by hand.
"""

from kiosk.domain.account import AccountKind, AccountOverview, Supply
from kiosk.domain.branding import Branding, DocumentMeta
from kiosk.domain.cases import (
    CaseStatus,
    ClaimCategory,
    ClaimReceipt,
    ReadingReceipt,
    RequestKind,
    RequestReceipt,
)
from kiosk.domain.invoice import InvoiceDetail, InvoiceLine, InvoiceStatus, InvoiceSummary, PaymentSlip
from kiosk.domain.maintenance import (
    AuditEntry,
    KeptJob,
    KioskStatus,
    LogLine,
    OutOfService,
    PrinterStatus,
    StaffSession,
)
from kiosk.domain.money import Money
from kiosk.domain.prepaid import FaqEntry, Instalment, PaymentAgreement, Plan
from kiosk.domain.printer import PrinterState
from kiosk.domain.reading import (
    ConsumptionPoint,
    MeterReading,
    ReadingKind,
    ReadingWindow,
    Service,
    average_consumption,
)
from kiosk.domain.statement import Statement, StatementEntry

__all__ = [
    "AccountKind",
    "AccountOverview",
    "AuditEntry",
    "Branding",
    "CaseStatus",
    "ClaimCategory",
    "ClaimReceipt",
    "ConsumptionPoint",
    "DocumentMeta",
    "FaqEntry",
    "Instalment",
    "InvoiceDetail",
    "InvoiceLine",
    "InvoiceStatus",
    "InvoiceSummary",
    "KeptJob",
    "KioskStatus",
    "LogLine",
    "MeterReading",
    "Money",
    "OutOfService",
    "PaymentAgreement",
    "PaymentSlip",
    "Plan",
    "PrinterState",
    "PrinterStatus",
    "ReadingKind",
    "ReadingReceipt",
    "ReadingWindow",
    "RequestKind",
    "RequestReceipt",
    "Service",
    "StaffSession",
    "Statement",
    "StatementEntry",
    "Supply",
    "average_consumption",
]

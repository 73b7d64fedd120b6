"""Invoices as shown on screen and printed: summaries, details, payment slips."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from kiosk.domain.dues import AmountOwed
from kiosk.domain.money import Money
from kiosk.domain.reading import ConsumptionPoint, MeterReading, Service


class InvoiceStatus(StrEnum):
    PENDING = "pending"
    OVERDUE = "overdue"
    PAID = "paid"


@dataclass(frozen=True, slots=True)
class InvoiceSummary:
    """What a walk-in customer may see: no full name, no contact data."""

    id: int
    number: str  # "0021-00049107"
    account_id: int
    supply_id: int | None
    service: Service
    period: str  # "YYYY-MM"
    issue_date: date
    first_due_date: date
    second_due_date: date | None
    total: Money
    second_total: Money | None
    status: InvoiceStatus
    payment_reference: str
    holder_masked: str
    owed: AmountOwed  # what settles it today (kiosk.domain.dues): the amount every screen and slip shows

    @property
    def is_open(self) -> bool:
        return self.status is not InvoiceStatus.PAID


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    description: str
    amount: Decimal
    quantity: Decimal | None = None
    unit_price: Decimal | None = None
    is_tax: bool = False


@dataclass(frozen=True, slots=True)
class InvoiceDetail:
    summary: InvoiceSummary
    lines: tuple[InvoiceLine, ...]
    taxes: Money
    supply_address: str
    previous_reading: MeterReading | None = None
    current_reading: MeterReading | None = None
    consumption: Decimal | None = None
    unit: str | None = None
    history: tuple[ConsumptionPoint, ...] = ()  # last 12 periods, oldest first


@dataclass(frozen=True, slots=True)
class PaymentSlip:
    """One payment for one or several invoices: the codes are computed by kiosk.payments."""

    account_id: int
    holder_masked: str
    invoices: tuple[InvoiceSummary, ...]
    total: Money  # the sum of the invoices' amounts owed on the day it is printed; the QR and barcode carry it
    due_date: date  # pay by: the last day `total` holds (never before the day it is printed)
    reference: str  # numeric, with check digit
    barcode: str  # the digits printed as Interleaved 2 of 5 (or Code 128)
    qr_payload: str  # EMV merchant-presented QR or signed payment link; "" when the scheme is none
    instructions: str = ""

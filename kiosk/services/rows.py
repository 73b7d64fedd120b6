"""Replica rows turned into frozen domain objects, and the few queries several use cases share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import LocalAccount, LocalCustomer, LocalInvoice, LocalPlan, LocalSupply
from kiosk.config import Config
from kiosk.domain import InvoiceStatus, InvoiceSummary, Money, Service, Supply
from kiosk.domain.dues import DuesPolicy
from kiosk.services.errors import NotFound


@dataclass(frozen=True, slots=True)
class Holder:
    """The account with what a screen may show of its holder."""

    account_id: int
    kind: str
    currency: str
    first_name: str
    masked: str
    phone_masked: str
    email_masked: str
    plan_id: int | None
    prepaid_until: date | None


MAX_ROW_ID = 2**63 - 1  # BIGINT: a larger number cannot be a row (and overflows the driver)
MAX_INT_ID = 2**31 - 1  # INTEGER keys (plans)


def is_row_id(value: object, maximum: int = MAX_ROW_ID) -> bool:
    """Whether value can name a row at all: a whole number 1..maximum (never a bool, never a driver overflow)."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= maximum


def holder_name(customer: LocalCustomer | None, config: Config) -> str:
    """The holder as walk-ins see it: the masked name ("J*** P*****"), or the first name when masking is off.

    The replica keeps no full name (data minimisation), so turning masking off shows the first name only.
    """
    if customer is None:
        return ""
    return customer.name_masked if config.ui.mask_holder else customer.first_name


def load_holder(session: Session, account_id: int, config: Config) -> Holder:
    row = session.execute(
        select(LocalAccount, LocalCustomer)
        .join(LocalCustomer, LocalCustomer.id == LocalAccount.customer_id, isouter=True)
        .where(LocalAccount.id == account_id)
    ).first()
    if row is None:
        raise NotFound("account_not_found")
    account, customer = row
    return Holder(
        account_id=account.id,
        kind=account.kind,
        currency=account.currency,
        first_name=customer.first_name if customer else "",
        masked=holder_name(customer, config),
        phone_masked=customer.phone_masked if customer else "",
        email_masked=customer.email_masked if customer else "",
        plan_id=account.plan_id,
        prepaid_until=account.prepaid_until,
    )


def effective_status(invoice: LocalInvoice, today: date) -> InvoiceStatus:
    """Paid stays paid; an unpaid invoice past its first due date is overdue even if the replica says pending."""
    if invoice.status == InvoiceStatus.PAID or invoice.paid_on is not None:
        return InvoiceStatus.PAID
    if invoice.first_due_date < today or invoice.status == InvoiceStatus.OVERDUE:
        return InvoiceStatus.OVERDUE
    return InvoiceStatus.PENDING


def to_summary(
    invoice: LocalInvoice, holder_masked: str, currency: str, today: date, dues: DuesPolicy
) -> InvoiceSummary:
    """The invoice as of `today`: its status and what it costs today under the utility's `dues` rule."""
    total = Money(invoice.total, currency)
    second_total = Money(invoice.second_total, currency) if invoice.second_total is not None else None
    status = effective_status(invoice, today)
    owed = dues.owed(
        total=total,
        second_total=second_total,
        first_due=invoice.first_due_date,
        second_due=invoice.second_due_date,
        on=today,
        paid=status is InvoiceStatus.PAID,
    )
    return InvoiceSummary(
        id=invoice.id,
        number=invoice.number,
        account_id=invoice.account_id,
        supply_id=invoice.supply_id,
        service=Service(invoice.service),
        period=invoice.period,
        issue_date=invoice.issue_date,
        first_due_date=invoice.first_due_date,
        second_due_date=invoice.second_due_date,
        total=total,
        second_total=second_total,
        status=status,
        payment_reference=invoice.payment_reference,
        holder_masked=holder_masked,
        owed=owed,
    )


def to_supply(row: LocalSupply, plan_name: str | None = None) -> Supply:
    return Supply(
        id=row.id,
        account_id=row.account_id,
        service=Service(row.service),
        address=row.address,
        active=row.active,
        meter_number=row.meter_number,
        meter_digits=row.meter_digits,
        route=row.route,
        plan_name=plan_name,
    )


def plan_names(session: Session) -> dict[int, str]:
    return {pid: name for pid, name in session.execute(select(LocalPlan.id, LocalPlan.name))}


def own_supply(session: Session, account_id: int, supply_id: int) -> LocalSupply:
    """The supply if it belongs to the account; NotFound otherwise (same answer for both cases)."""
    if not is_row_id(supply_id):
        raise NotFound("supply_not_found")
    row = session.get(LocalSupply, supply_id)
    if row is None or row.account_id != account_id:
        raise NotFound("supply_not_found")
    return row

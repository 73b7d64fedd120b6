"""Payment slips: one reference, barcode and QR for one or several open invoices, or for a prepaid plan.

References (18 digits, kiosk.payments.reference): a slip for one invoice carries the invoice's own payment
reference. A slip for several invoices needs a reference of its own that every kiosk and central agree on
without talking to each other, so its document id is derived from the set of invoices:
`900_000_000 + sha256("id1,id2,...", sorted ids) mod 10**8` — the same invoices always give the same
reference, on any kiosk, and the amount in the barcode tells the collection network what to take. A prepaid
plan purchase uses `800_000_000 + plan_id` as its document id.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import date, timedelta

from sqlalchemy import select

from db.models import LocalInvoice, LocalPlan
from kiosk.config import Config
from kiosk.domain import AccountKind, InvoiceStatus, InvoiceSummary, Money, PaymentSlip
from kiosk.payments.codes import PaymentCodeError, payment_codes
from kiosk.payments.reference import make_barcode, make_reference
from kiosk.services.api import CustomerSession
from kiosk.services.context import ServiceContext
from kiosk.services.errors import NotFound, ServiceError, ValidationError
from kiosk.services.rows import MAX_INT_ID, is_row_id, load_holder, to_summary

log = logging.getLogger(__name__)

SLIP_BASE = 900_000_000
PLAN_BASE = 800_000_000
PLAN_SLIP_DAYS = 7  # a plan's payment slip is valid for a week


def slip_document_id(invoice_ids: list[int]) -> int:
    """The document id of a slip for several invoices, the same for the same set on any kiosk."""
    key = ",".join(str(i) for i in sorted(set(invoice_ids))).encode()
    return SLIP_BASE + int.from_bytes(hashlib.sha256(key).digest()[:8], "big") % 10**8


class PaymentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def slip_for(self, invoices: list[InvoiceSummary], language: str) -> PaymentSlip:
        """One slip for the chosen invoices, re-read from the replica (amounts and status as they are now)."""
        if not invoices:
            raise ValidationError("no_invoices")
        if len({i.account_id for i in invoices}) > 1:
            raise ValidationError("mixed_accounts")
        ids = sorted({i.id for i in invoices})
        account_id = invoices[0].account_id
        today = self._ctx.today()
        dues = self._ctx.branding().dues
        with self._ctx.factory() as db:
            holder = load_holder(db, account_id, self._ctx.config)
            rows = db.scalars(select(LocalInvoice).where(LocalInvoice.id.in_(ids))).all()
            if len(rows) != len(ids) or any(r.account_id != account_id for r in rows):
                raise NotFound("invoice_not_found")
            current = sorted(
                (to_summary(r, holder.masked, holder.currency, today, dues) for r in rows),
                key=lambda s: (s.first_due_date, s.id),
            )
        pay_by: list[date] = []
        for summary in current:
            if summary.status is InvoiceStatus.PAID:
                raise ValidationError("invoice_already_paid", number=summary.number)
            if summary.owed.pay_by is None:  # late under the counter rule: only the counter knows the amount
                raise ValidationError("pay_at_counter", number=summary.number)
            pay_by.append(summary.owed.pay_by)
        if len({s.total.currency for s in current}) > 1:
            raise ValidationError("mixed_currencies")
        # Each invoice at what it costs today; the slip holds until the first of their pay-by days (never past).
        total = sum((s.owed.amount for s in current), Money.zero(holder.currency))
        due = min(pay_by)
        if len(current) == 1:
            reference, bill = current[0].payment_reference, current[0].number
        else:
            reference = make_reference(account_id, slip_document_id(ids))
            bill = reference[-10:-1]
        codes = self._codes(reference, total, due, bill, [s.number for s in current])
        return PaymentSlip(
            account_id=account_id,
            holder_masked=holder.masked,
            invoices=tuple(current),
            total=total,
            due_date=due,
            reference=reference,
            barcode=codes[1],
            qr_payload=codes[0],
            instructions=self._ctx.branding().payment_instructions(language),
        )

    def slip_for_plan(self, session: CustomerSession, plan_id: int, language: str) -> PaymentSlip:
        """A slip to buy a prepaid plan: the plan's price, valid for a week."""
        account_id = self._ctx.sessions.check(session)
        with self._ctx.factory() as db:
            holder = load_holder(db, account_id, self._ctx.config)
            if holder.kind != AccountKind.PREPAID:
                raise ServiceError("not_prepaid")
            plan = db.get(LocalPlan, plan_id) if is_row_id(plan_id, MAX_INT_ID) else None
            if plan is None or not plan.active:
                raise NotFound("plan_not_found")
            price = Money(plan.price, holder.currency)
            name = plan.name
        reference = make_reference(account_id, PLAN_BASE + plan_id)
        due = self._ctx.today() + timedelta(days=PLAN_SLIP_DAYS)
        codes = self._codes(reference, price, due, name[:25], [])
        return PaymentSlip(
            account_id=account_id,
            holder_masked=holder.masked,
            invoices=(),
            total=price,
            due_date=due,
            reference=reference,
            barcode=codes[1],
            qr_payload=codes[0],
            instructions=self._ctx.branding().payment_instructions(language),
        )

    def _codes(self, reference: str, amount: Money, due: date, bill: str, numbers: list[str]) -> tuple[str, str]:
        return slip_codes(self._ctx.config, reference, amount, due, bill, numbers)


def slip_codes(
    config: Config, reference: str, amount: Money, due: date, bill: str, numbers: list[str] | None = None
) -> tuple[str, str]:
    """(QR payload, barcode digits). A QR the configuration cannot make (e.g. an EMV currency that is not the
    account's) is left out rather than refusing the slip: the barcode does not depend on the QR scheme."""
    try:
        codes = payment_codes(config, reference, amount, due, bill, numbers or [])
        return codes.qr_payload, codes.barcode
    except PaymentCodeError as exc:
        log.warning("payment QR left out: %s", exc)
    try:
        return "", make_barcode(reference, due, amount.cents)
    except ValueError:
        raise ServiceError("payment_codes_unavailable") from None

"""Invoice look-up for walk-in customers: account + invoice number, or a scanned payment code."""

from __future__ import annotations

import re

from sqlalchemy import Row, select

from db.models import LocalAccount, LocalCustomer, LocalInvoice
from kiosk.domain import InvoiceSummary
from kiosk.payments.reference import parse_scan
from kiosk.services.context import ServiceContext
from kiosk.services.errors import NotFound, ValidationError
from kiosk.services.rows import to_summary
from kiosk.services.throttle import FailureThrottle

_SEPARATORS = re.compile(r"[\s.]+")
_DASHED = re.compile(r"^([0-9]{1,4})-([0-9]{1,8})$")  # ASCII: \d also takes "١" and "²"


def normalise_account(text: str) -> int:
    """Account number as typed ("12 345", "0012345") -> 12345; 1 to 8 digits."""
    digits = _SEPARATORS.sub("", text).replace("-", "")
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 8 or int(digits) == 0:
        raise ValidationError("malformed_account", field="account")
    return int(digits)


def normalise_invoice(text: str) -> tuple[str | None, str]:
    """Invoice number as typed -> (point of sale or None, 8-digit number).

    "0021-00049107", "21-49107" and "002100049107" give ("0021", "00049107"); up to 8 digits alone give
    (None, number), matched against the account's invoices whatever their point of sale.
    """
    compact = _SEPARATORS.sub("", text)
    dashed = _DASHED.fullmatch(compact)
    if dashed:
        return f"{int(dashed[1]):04d}", f"{int(dashed[2]):08d}"
    if compact.isascii() and compact.isdigit():
        if len(compact) == 12:
            return compact[:4], compact[4:]
        if len(compact) <= 8:
            return None, f"{int(compact):08d}"
    raise ValidationError("malformed_invoice", field="invoice")


# One round trip: the invoice with its account's currency and the holder's names.
_FOUND = (
    select(LocalInvoice, LocalAccount.currency, LocalCustomer.first_name, LocalCustomer.name_masked)
    .join(LocalAccount, LocalAccount.id == LocalInvoice.account_id)
    .join(LocalCustomer, LocalCustomer.id == LocalAccount.customer_id, isouter=True)
)


class LookupService:
    """Finds one invoice for a walk-in customer; failed look-ups on this kiosk are slowed down.

    The answer never says whether the account exists: an unknown account and an unknown invoice of a known
    account both raise NotFound("invoice_not_found"). An invoice found is granted to walk-ins for a few
    minutes so its detail and duplicate can be shown without login.
    """

    def __init__(self, ctx: ServiceContext, throttle: FailureThrottle | None = None) -> None:
        self._ctx = ctx
        self.throttle = throttle or FailureThrottle(ctx.clock)

    def by_number(self, account: str, invoice_number: str) -> InvoiceSummary:
        account_id = normalise_account(account)
        point_of_sale, number = normalise_invoice(invoice_number)
        self.throttle.check()
        query = _FOUND.where(LocalInvoice.account_id == account_id)
        if point_of_sale is not None:
            query = query.where(LocalInvoice.number == f"{point_of_sale}-{number}")
        else:
            query = query.where(LocalInvoice.number.like(f"%-{number}"))
        with self._ctx.factory() as session:
            found = session.execute(query.limit(2)).all()
        return self._answer(found[0] if len(found) == 1 else None)

    def by_scan(self, scanned: str) -> InvoiceSummary:
        reference = parse_scan(scanned)
        if reference is None:
            raise ValidationError("unknown_barcode", field="scan")
        self.throttle.check()
        with self._ctx.factory() as session:
            found = session.execute(_FOUND.where(LocalInvoice.payment_reference == reference)).first()
        return self._answer(found)

    def _answer(self, found: Row[LocalInvoice, str, str, str] | None) -> InvoiceSummary:
        if found is None:  # no such invoice, or its account is not (yet) in the replica
            self.throttle.failure()
            raise NotFound("invoice_not_found")
        invoice, currency, first_name, name_masked = found
        self.throttle.success()
        holder = (name_masked if self._ctx.config.ui.mask_holder else first_name) or ""
        summary = to_summary(invoice, holder, currency, self._ctx.today(), self._ctx.branding().dues)
        self._ctx.grants.grant(summary.id)
        return summary

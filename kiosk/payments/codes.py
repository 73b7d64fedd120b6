"""The two payment codes a slip or duplicate carries: the QR payload and the payment barcode digits.

One entry point for services and the `payment-qr` command, so that what IT checks is what the kiosk prints.
The QR follows ``payments.scheme``: ``emv`` (EMVCo merchant-presented QR, kiosk.payments.emv), ``url`` (a
signed payment link, kiosk.payments.link) or ``none`` (no QR). The barcode is always the 36-digit payment
barcode of kiosk.payments.reference, printed as Interleaved 2 of 5, when the amount and due date are known.

For one invoice, the reference is the invoice's (``make_reference(account_id, invoice_id)``); for a slip
covering several invoices, the service makes a reference for the slip itself
(``make_reference(account_id, slip_id)``) and passes the invoice numbers as ``invoices``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from kiosk.config import Config
from kiosk.domain.money import Money
from kiosk.payments import emv, link
from kiosk.payments.reference import is_valid_reference, make_barcode

EMV_SCHEME = "emv"
URL_SCHEME = "url"
NO_SCHEME = "none"


class PaymentCodeError(ValueError):
    """Codes that cannot be made from this configuration and input; one line naming the cause."""


class PaymentCodes(NamedTuple):
    qr_payload: str  # "" when payments.scheme is none
    barcode: str  # "" when the amount or due date is unknown


def emv_payment(
    config: Config,
    reference: str,
    amount: Money | None,
    bill_number: str = "",
) -> emv.EmvPayment:
    """The EMV fields for a payment under this configuration; amount None makes a static code."""
    settings = config.payments
    if amount is not None:
        numeric = emv.currency_numeric(amount.currency)
        if numeric != settings.currency_numeric:
            raise PaymentCodeError(
                f"amount is in {amount.currency} ({numeric}) but payments.currency_numeric is "
                f"{settings.currency_numeric}"
            )
    account = emv.MerchantAccount(
        settings.merchant_account_id, settings.merchant_account_guid, dict(settings.merchant_account_fields)
    )
    return emv.EmvPayment(
        merchant_accounts=(account,),
        merchant_category_code=settings.merchant_category_code,
        currency=settings.currency_numeric,
        country=settings.country,
        merchant_name=settings.merchant_name,
        merchant_city=settings.merchant_city,
        amount=None if amount is None else amount.amount,
        bill_number=bill_number or None,
        reference_label=reference or None,
        terminal_label=config.kiosk.id,
    )


def qr_payload(
    config: Config,
    reference: str,
    amount: Money | None,
    bill_number: str = "",
    invoices: Sequence[str] = (),
) -> str:
    """The QR text for the configured scheme ("" for none). PaymentCodeError names what is wrong."""
    scheme = config.payments.scheme
    try:
        if scheme == EMV_SCHEME:
            return emv.build_payload(emv_payment(config, reference, amount, bill_number))
        if scheme == URL_SCHEME:
            return link.build_link(
                config.payments.url_template,
                config.hmac_key,
                reference=reference,
                amount=amount,
                invoices=tuple(invoices) or ((bill_number,) if bill_number else ()),
            )
    except (emv.EmvError, link.PaymentLinkError) as exc:
        raise PaymentCodeError(str(exc)) from None
    return ""


def payment_codes(
    config: Config,
    reference: str,
    amount: Money | None,
    due_date: date | None,
    bill_number: str,
    invoices: Sequence[str] = (),
) -> PaymentCodes:
    """QR payload and barcode digits for a document.

    Args:
        config: the kiosk configuration (payments section and kiosk id).
        reference: the 18-digit payment reference (of the invoice, or of the slip for several invoices).
        amount: what to pay; None for an open amount (static QR, no barcode).
        due_date: the due date the barcode carries; None for no barcode.
        bill_number: the invoice number (or slip number) shown to the payer, EMV field 62/01.
        invoices: for the url scheme's {invoices}: the invoice numbers a slip covers.
    """
    if not is_valid_reference(reference):
        raise PaymentCodeError(f"invalid payment reference {reference!r} (18 digits with a check digit)")
    payload = qr_payload(config, reference, amount, bill_number, invoices)
    barcode = ""
    if amount is not None and due_date is not None:
        try:
            barcode = make_barcode(reference, due_date, amount.cents)
        except ValueError as exc:
            raise PaymentCodeError(str(exc)) from None
    return PaymentCodes(payload, barcode)


def describe_payload(config: Config, payload: str) -> dict[str, Any]:
    """What a payload says, field by field, for `payment-qr --json` (validates it on the way)."""
    scheme = config.payments.scheme
    if scheme == EMV_SCHEME:
        try:
            return {"scheme": scheme, "payload": payload, "fields": emv.parse_payload(payload).to_json()}
        except emv.EmvError as exc:
            raise PaymentCodeError(str(exc)) from None
    if scheme == URL_SCHEME:
        return {
            "scheme": scheme,
            "payload": payload,
            "signature_valid": link.verify_link(payload, config.hmac_key),
            "query": link.link_query(payload),
        }
    return {"scheme": scheme, "payload": payload}

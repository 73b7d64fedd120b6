"""The two payment codes a slip or duplicate carries: the QR payload and the payment barcode digits.

One entry point for services and the `payment-qr` command, so that what IT checks is what the kiosk prints.
The EMV merchant data (name, city, category, account template, currency, country) is the configuration's
`[payments]` where set and the branding profile's otherwise, so every shipped profile prints a QR in its own
currency with its own merchant name (merchant_settings).
The QR follows ``payments.scheme``: ``emv`` (EMVCo merchant-presented QR, kiosk.payments.emv), ``url`` (a
signed payment link, kiosk.payments.link) or ``none`` (no QR). The barcode is always the 36-digit payment
barcode of kiosk.payments.reference, printed as Interleaved 2 of 5, when the amount and due date are known.

For one invoice, the reference is the invoice's (``make_reference(account_id, invoice_id)``); for a slip
covering several invoices, the service makes a reference for the slip itself
(``make_reference(account_id, slip_id)``) and passes the invoice numbers as ``invoices``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from kiosk.branding import BrandingError, load_branding
from kiosk.config import Config
from kiosk.domain.branding import Branding
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


@dataclass(frozen=True, slots=True)
class MerchantSettings:
    """The merchant data an EMV payload carries, resolved from the configuration and the branding profile."""

    account: emv.MerchantAccount
    category_code: str
    currency_numeric: str  # ISO 4217 numeric
    country: str
    name: str
    city: str


@functools.cache
def _profile(key: str) -> Branding | None:
    """The branding profile named by ui.branding (profiles are package data: read once)."""
    try:
        return load_branding(key)
    except BrandingError:
        return None


def currency_numeric(config: Config) -> str:
    """The QR currency: payments.currency_numeric, else the branding profile's billing currency."""
    if config.payments.currency_numeric is not None:
        return config.payments.currency_numeric
    branding = _profile(config.ui.branding)
    if branding is None:
        raise PaymentCodeError(f"payments.currency_numeric is not set and ui.branding {config.ui.branding!r} is "
                               "not a branding profile to take it from")
    try:
        return emv.currency_numeric(branding.currency)
    except emv.EmvError as exc:
        raise PaymentCodeError(str(exc)) from None


def merchant_settings(config: Config) -> MerchantSettings:
    """payments.* as configured, each one left out taken from the branding profile (PaymentsSection).

    Raises:
        PaymentCodeError: a setting is neither configured nor in the profile (names the key to set).
    """
    p = config.payments
    branding = _profile(config.ui.branding)
    qr = branding.payment_qr if branding is not None else None

    def missing(key: str) -> PaymentCodeError:
        return PaymentCodeError(
            f"payments.{key} is not set and branding profile {config.ui.branding!r} has no [payment_qr] to take "
            "it from"
        )

    if p.merchant_account_guid is not None:
        account = emv.MerchantAccount(
            p.merchant_account_id or 26, p.merchant_account_guid, dict(p.merchant_account_fields or {})
        )
    elif qr is not None:
        account = emv.MerchantAccount(
            p.merchant_account_id or qr.account_id, qr.account_guid,
            dict(qr.account_fields) if p.merchant_account_fields is None else dict(p.merchant_account_fields),
        )
    else:
        raise missing("merchant_account_guid")
    name = p.merchant_name or (qr.name if qr is not None else None)
    city = p.merchant_city or (qr.city if qr is not None else None)
    if name is None:
        raise missing("merchant_name")
    if city is None:
        raise missing("merchant_city")
    country = p.country or (branding.country if branding is not None else None)
    if country is None:
        raise missing("country")
    return MerchantSettings(
        account=account,
        category_code=p.merchant_category_code or (qr.category_code if qr is not None else "4900"),
        currency_numeric=currency_numeric(config),
        country=country,
        name=name,
        city=city,
    )


def emv_payment(
    config: Config,
    reference: str,
    amount: Money | None,
    bill_number: str = "",
) -> emv.EmvPayment:
    """The EMV fields for a payment under this configuration; amount None makes a static code."""
    merchant = merchant_settings(config)
    if amount is not None:
        numeric = emv.currency_numeric(amount.currency)
        if numeric != merchant.currency_numeric:
            raise PaymentCodeError(
                f"amount is in {amount.currency} ({numeric}) but the payment QR's currency is "
                f"{merchant.currency_numeric} (payments.currency_numeric, or branding profile "
                f"{config.ui.branding!r})"
            )
    return emv.EmvPayment(
        merchant_accounts=(merchant.account,),
        merchant_category_code=merchant.category_code,
        currency=merchant.currency_numeric,
        country=merchant.country,
        merchant_name=merchant.name,
        merchant_city=merchant.city,
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

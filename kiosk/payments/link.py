"""Signed payment links: the utility's payment page URL, filled in and signed, printed as a QR.

Where the utility collects through its own web page instead of an EMV QR, the slip carries a link to that
page with the reference and amount in it. The page must not trust an amount someone typed into a URL, so the
kiosk signs the link with HMAC-SHA256 under a key shared with the payment page (``payments.hmac_key`` or the
``KIOSK_PAYMENT_HMAC_KEY`` environment variable) and appends ``sig=<64 hex digits>`` as the last query
parameter. The signature covers every character of the URL before ``sig=`` (the '?' or '&' in front of it
included), so the page verifies it by recomputing over the URL exactly as received, re-encoding nothing.

Template fields: ``{reference}`` the payment reference, ``{amount}`` the amount with '.' and the currency's
minor digits ("1234.50", "" for an open amount), ``{currency}`` the ISO 4217 code ("ARS"), ``{invoices}``
the invoice numbers joined by commas. Values are percent-encoded.
"""

from __future__ import annotations

import hashlib
import hmac
import string
from collections.abc import Sequence
from urllib.parse import parse_qsl, quote, urlsplit

from kiosk.domain.money import Money, minor_units

FIELDS = frozenset({"reference", "amount", "currency", "invoices"})
SIGNATURE_PARAM = "sig"


class PaymentLinkError(ValueError):
    """A link that cannot be built (bad template, no key); the message is the one line to show."""


def template_fields(template: str) -> set[str]:
    """The field names a template uses; PaymentLinkError for a malformed or unknown one."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as exc:
        raise PaymentLinkError(f"payments.url_template is malformed: {exc}") from None
    unknown = names - FIELDS
    if unknown:
        allowed = ", ".join("{" + f + "}" for f in sorted(FIELDS))
        raise PaymentLinkError(
            f"payments.url_template uses unknown field {{{sorted(unknown)[0]}}} (allowed: {allowed})"
        )
    return names


def sign(message: str, key: str) -> str:
    """HMAC-SHA256 of the UTF-8 message, lowercase hex."""
    if not key:
        raise PaymentLinkError(
            "no HMAC key for payment links: set payments.hmac_key or KIOSK_PAYMENT_HMAC_KEY"
        )
    return hmac.new(key.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).hexdigest()


def format_link_amount(amount: Money) -> str:
    return f"{amount.amount:.{minor_units(amount.currency)}f}"


def build_link(
    template: str,
    key: str,
    *,
    reference: str,
    amount: Money | None,
    invoices: Sequence[str] = (),
) -> str:
    """The filled-in, signed URL. Refuses to build without a key: an unsigned link would be forged."""
    if not key:
        sign("", key)  # raises the one clear error
    template_fields(template)
    if not template.lower().startswith(("https://", "http://")):
        raise PaymentLinkError("payments.url_template must start with https:// (or http://)")
    values = {
        "reference": quote(reference, safe=""),
        "amount": quote(format_link_amount(amount), safe="") if amount else "",
        "currency": quote(amount.currency, safe="") if amount else "",
        "invoices": quote(",".join(invoices), safe=","),
    }
    url = template.format(**values)
    if "#" in url:
        raise PaymentLinkError("payments.url_template must not contain a '#' fragment")
    # The signed prefix ends with the separator in front of sig=: '&' after a query, else '?'.
    prefix = url + "&" if urlsplit(url).query else url.removesuffix("?") + "?"
    return f"{prefix}{SIGNATURE_PARAM}={sign(prefix, key)}"


def split_signature(url: str) -> tuple[str, str] | None:
    """(signed part, signature) of a link, or None when its last query parameter is not the signature.

    The signed part is everything before ``sig=``, the '?' or '&' in front of it included.
    """
    index = url.rfind(f"{SIGNATURE_PARAM}=")
    if index <= 0 or url[index - 1] not in "?&":
        return None
    signature = url[index + len(SIGNATURE_PARAM) + 1 :]
    if "&" in signature:
        return None
    return url[:index], signature


def verify_link(url: str, key: str) -> bool:
    """True when the link's trailing signature matches under `key` (constant-time comparison)."""
    parts = split_signature(url)
    if parts is None:
        return False
    signed, signature = parts
    return hmac.compare_digest(sign(signed, key), signature)


def link_query(url: str) -> dict[str, str]:
    """The query parameters of a link, decoded, for `payment-qr --json`."""
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))

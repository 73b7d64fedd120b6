"""`python -m kiosk payment-qr --amount X --reference R [--config FILE] [--json]`.

Prints the payment QR payload exactly as the kiosk would print it under this configuration, so that IT can
hold it against their bank's specification (or scan it with the bank's test app) before a kiosk goes live.
With ``--json`` the payload is validated and shown field by field. Without ``--amount`` the code is static
(the payer types the amount).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from kiosk.cli import CliError
from kiosk.config import load_config
from kiosk.domain.money import Money
from kiosk.payments import emv
from kiosk.payments.codes import PaymentCodeError, currency_numeric, describe_payload, payment_codes
from kiosk.payments.reference import REFERENCE_LENGTH, is_valid_reference


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--amount", help="amount to pay in the configured currency, e.g. 1234.50 (omit: static)")
    parser.add_argument("--reference", required=True, help="18-digit payment reference")
    parser.add_argument("--bill-number", default="", help="invoice or slip number (EMV field 62/01)")
    parser.add_argument("--due-date", help="YYYY-MM-DD: also print the 36-digit payment barcode")
    parser.add_argument("--config", type=Path, help="configuration file (default: KIOSK_CONFIG or platform dir)")
    parser.add_argument("--json", action="store_true", help="print the payload and its parsed fields as JSON")
    parser.set_defaults(handler=run)


def _currency(numeric: str) -> str:
    entry = emv.CURRENCIES.get(numeric)
    if entry is None:
        raise CliError(f"payment QR currency {numeric} is not a currency this kiosk knows")
    return entry[0]


def _amount(text: str | None, currency: str) -> Money | None:
    if text is None:
        return None
    try:
        value = emv.parse_decimal(text)
    except emv.EmvError as exc:
        raise CliError(f"--amount: {exc}") from None
    if value <= 0:
        raise CliError(f"--amount: must be greater than zero, not {text!r}")
    money = Money(value, currency)
    if money.amount != value:
        raise CliError(f"--amount: {text!r} has more decimals than {currency} allows")
    return money


def _due_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"--due-date: not a date (YYYY-MM-DD): {text!r}") from None


def run(args: argparse.Namespace) -> int:
    reference = args.reference.strip()
    if not is_valid_reference(reference):
        raise CliError(
            f"--reference: {reference!r} is not a payment reference ({REFERENCE_LENGTH} digits, last one the "
            "check digit)"
        )
    config = load_config(args.config)
    try:
        numeric = currency_numeric(config)
    except PaymentCodeError as exc:
        raise CliError(f"payments: {exc}") from None
    amount = _amount(args.amount, _currency(numeric))
    due = _due_date(args.due_date)
    try:
        codes = payment_codes(config, reference, amount, due, args.bill_number)
        described = describe_payload(config, codes.qr_payload)
    except PaymentCodeError as exc:
        raise CliError(f"payments ({config.payments.scheme}): {exc}") from None
    if args.json:
        described["barcode"] = codes.barcode or None
        print(json.dumps(described, ensure_ascii=False, indent=2))
        return 0
    if not codes.qr_payload:
        print("payments.scheme is none: no payment QR", file=sys.stderr)
    else:
        print(codes.qr_payload)
    if codes.barcode:
        print(codes.barcode)
    return 0

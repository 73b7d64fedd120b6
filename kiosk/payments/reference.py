"""Numeric payment references and the payment barcode built on them.

A reference identifies one invoice (or one prepaid purchase) across the utility: 8 digits of account, 9 of
document id and one check digit (modulo 10, weights 3 and 1 from the right, as GS1 and most Latin American
collection networks use). The payment barcode adds the due date and amount so that a cash network can take
the payment without looking anything up; its length is even, as Interleaved 2 of 5 requires.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

REFERENCE_LENGTH = 18
BARCODE_LENGTH = 36


def check_digit(digits: str) -> int:
    """Modulo-10 check digit with weights 3,1,3,… counted from the rightmost digit."""
    if not (digits.isascii() and digits.isdigit()):
        raise ValueError("check digit needs digits only")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def make_reference(account_id: int, document_id: int) -> str:
    """The 18-digit reference of a document (invoice id, or prepaid purchase id) of an account."""
    if not (0 <= account_id < 10**8 and 0 <= document_id < 10**9):
        raise ValueError("account or document id out of range for a payment reference")
    body = f"{account_id:08d}{document_id:09d}"
    return body + str(check_digit(body))


def is_valid_reference(reference: str) -> bool:
    return (
        len(reference) == REFERENCE_LENGTH
        and reference.isascii()
        and reference.isdigit()
        and check_digit(reference[:-1]) == int(reference[-1])
    )


@dataclass(frozen=True, slots=True)
class ParsedBarcode:
    reference: str
    due_date: date
    amount_cents: int


def make_barcode(reference: str, due_date: date, amount_cents: int) -> str:
    """36 digits: reference (18), due date YYMMDD (6), amount in minor units (11), check digit (1)."""
    if not is_valid_reference(reference):
        raise ValueError("invalid payment reference")
    if not 0 <= amount_cents < 10**11:
        raise ValueError("amount out of range for a payment barcode")
    body = f"{reference}{due_date:%y%m%d}{amount_cents:011d}"
    return body + str(check_digit(body))


def parse_scan(text: str) -> str | None:
    """The payment reference in what a scanner typed: a bare reference or a full payment barcode.

    Returns None when the text is neither, so the lookup screen can say "that code is not one of ours".
    """
    digits = "".join(ch for ch in text.strip() if not ch.isspace())
    if not (digits.isascii() and digits.isdigit()):
        return None
    if len(digits) == REFERENCE_LENGTH:
        return digits if is_valid_reference(digits) else None
    if len(digits) == BARCODE_LENGTH:
        parsed = parse_barcode(digits)
        return parsed.reference if parsed else None
    return None


def parse_barcode(digits: str) -> ParsedBarcode | None:
    if len(digits) != BARCODE_LENGTH or not (digits.isascii() and digits.isdigit()):
        return None
    if check_digit(digits[:-1]) != int(digits[-1]):
        return None
    reference = digits[:REFERENCE_LENGTH]
    if not is_valid_reference(reference):
        return None
    yy, mm, dd = int(digits[18:20]), int(digits[20:22]), int(digits[22:24])
    try:
        due = date(2000 + yy, mm, dd)
    except ValueError:
        return None
    return ParsedBarcode(reference, due, int(digits[24:35]))

"""Checks of what customers type in claim and request forms; each failure names the field and the reason.

ValidationError("invalid_field", field=..., reason=...) with reason one of: required, too_long, invalid,
choice (not one of the offered values), unknown (a field the form does not have).
"""

from __future__ import annotations

import re
import unicodedata

from kiosk.services.errors import ValidationError

PHONE_DIGITS = (6, 15)  # fewest and most digits of a phone number
DOCUMENT_LENGTH = (6, 12)  # fewest and most letters/digits of an identity document number
EMAIL_LENGTH = (5, 120)  # shortest and longest e-mail address
_PHONE = re.compile(r"^\+?[0-9][0-9 \-]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_DOCUMENT = re.compile(rf"^[0-9A-Z]{{{DOCUMENT_LENGTH[0]},{DOCUMENT_LENGTH[1]}}}$")


def invalid(field: str, reason: str) -> ValidationError:
    return ValidationError("invalid_field", field=field, reason=reason)


def text(field: str, value: str | None, *, max_len: int, required: bool = True) -> str:
    """Trimmed text of 1..max_len characters (0 allowed when not required); inner whitespace kept."""
    cleaned = (value or "").strip()
    if not cleaned:
        if required:
            raise invalid(field, "required")
        return ""
    if len(cleaned) > max_len:
        raise invalid(field, "too_long")
    if not printable(cleaned):
        raise invalid(field, "invalid")
    return cleaned


def printable(value: str) -> bool:
    """No control characters but line breaks and tabs, no lone surrogates: NUL cannot be stored in a
    PostgreSQL text column, a surrogate cannot be encoded, and escapes would reach the printer and the staff."""
    return not any(
        (unicodedata.category(ch) == "Cc" and ch not in "\n\t") or unicodedata.category(ch) == "Cs" for ch in value
    )


def phone(field: str, value: str | None, *, required: bool = True) -> str:
    """6 to 15 digits, optionally a leading +, spaces and dashes allowed; returned as "+5493511234567"."""
    raw = (value or "").strip()
    if not raw:
        if required:
            raise invalid(field, "required")
        return ""
    if not _PHONE.fullmatch(raw):
        raise invalid(field, "invalid")
    digits = re.sub(r"[ \-]", "", raw.removeprefix("+"))
    if not PHONE_DIGITS[0] <= len(digits) <= PHONE_DIGITS[1]:
        raise invalid(field, "invalid")
    return ("+" if raw.startswith("+") else "") + digits


def email(field: str, value: str | None, *, required: bool = True, max_len: int = EMAIL_LENGTH[1]) -> str:
    raw = (value or "").strip()
    if not raw:
        if required:
            raise invalid(field, "required")
        return ""
    if len(raw) > max_len or not _EMAIL.fullmatch(raw):
        raise invalid(field, "invalid")
    return raw


def document(field: str, value: str | None) -> str:
    """An identity document number: 6-12 letters/digits once dots, dashes and spaces are removed."""
    raw = re.sub(r"[\s.\-]", "", value or "").upper()
    if not raw:
        raise invalid(field, "required")
    if not _DOCUMENT.fullmatch(raw):
        raise invalid(field, "invalid")
    return raw


def choice(field: str, value: str | None, options: tuple[str, ...], *, required: bool = True) -> str:
    raw = (value or "").strip()
    if not raw:
        if required:
            raise invalid(field, "required")
        return ""
    if raw not in options:
        raise invalid(field, "choice")
    return raw

"""Masking of personal contact data shown on screen, printed, or kept in the kiosk's replica.

The replica never holds a customer's full name, phone or e-mail: a PostgreSQL central masks them itself (the
`kiosk_customers` view, db.central_ddl.KIOSK_VIEWS, restates these rules in SQL; a test compares both on many
generated names), a SQLite central (the demo) is masked by pull with these functions. The masks keep just enough
for the customer to recognise their own data ("J*** P****", "******1234", "j***@mail.com").

Words are split on ASCII whitespace and only ASCII digits count as digits, so the SQL restatement is exact.
"""

from __future__ import annotations

import re

_NON_DIGIT = re.compile(r"[^0-9]")
_SPACE = " \t\n\r\f\v"
_SPACES = re.compile(f"[{_SPACE}]+")


def words(text: str) -> list[str]:
    """The words of a text, split on runs of ASCII whitespace."""
    return [w for w in _SPACES.split(text or "") if w]


def mask_word(word: str) -> str:
    """First letter kept, the rest starred: "Pérez" -> "P****"."""
    return word[:1] + "*" * (len(word) - 1) if word else ""


def mask_name(full_name: str) -> str:
    """Every word masked: "Juan Pérez" -> "J*** P****"; extra spaces collapsed."""
    return " ".join(mask_word(w) for w in words(full_name))


def mask_phone(phone: str) -> str:
    """Only the last four digits kept, behind a fixed run of stars: "+54 9 351 555-1234" -> "******1234".

    The fixed width hides how long the number is; fewer than five digits are fully starred.
    """
    digits = _NON_DIGIT.sub("", phone or "")
    if not digits:
        return ""
    if len(digits) <= 4:
        return "*" * 6
    return "*" * 6 + digits[-4:]


def mask_email(email: str) -> str:
    """First character of the local part and the whole domain: "juan@mail.com" -> "j***@mail.com"."""
    email = (email or "").strip(_SPACE)
    if not email:
        return ""
    local, at, domain = email.rpartition("@")
    if not at:
        return mask_word(email)
    return f"{local[:1]}***@{domain}"


def first_name_of(full_name: str) -> str:
    """The first word of a name, unmasked (the replica shows "Hola, Juan")."""
    parts = words(full_name)
    return parts[0] if parts else ""

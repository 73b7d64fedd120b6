"""ISO 4217 currencies of the region: numeric codes and minor units (payment codes, profile validation)."""

from __future__ import annotations


class UnknownCurrency(ValueError):
    """An alphabetic currency code with no known numeric code."""


# ISO 4217 numeric code -> (alphabetic code, minor unit digits), for the currencies of the region and a few
# more. A currency missing here is still accepted with two minor digits.
CURRENCIES: dict[str, tuple[str, int]] = {
    "032": ("ARS", 2),
    "068": ("BOB", 2),
    "076": ("BRL", 2),  # historical numeric, kept for old payloads
    "986": ("BRL", 2),
    "152": ("CLP", 0),
    "170": ("COP", 2),
    "188": ("CRC", 2),
    "214": ("DOP", 2),
    "222": ("SVC", 2),
    "320": ("GTQ", 2),
    "340": ("HNL", 2),
    "484": ("MXN", 2),
    "558": ("NIO", 2),
    "590": ("PAB", 2),
    "600": ("PYG", 0),
    "604": ("PEN", 2),
    "858": ("UYU", 2),
    "928": ("VES", 2),
    "840": ("USD", 2),
    "978": ("EUR", 2),
    "156": ("CNY", 2),
    "392": ("JPY", 0),
    "360": ("IDR", 2),
    "702": ("SGD", 2),
}
ALPHA_TO_NUMERIC = {alpha: num for num, (alpha, _) in CURRENCIES.items() if num != "076"}


def numeric(alpha: str) -> str:
    """ISO 4217 numeric code for an alphabetic one ("ARS" -> "032")."""
    try:
        return ALPHA_TO_NUMERIC[alpha.upper()]
    except KeyError:
        raise UnknownCurrency(f"currency {alpha!r} has no known ISO 4217 numeric code") from None


def minor_units(numeric_code: str) -> int:
    """Digits after the decimal mark (a currency missing from the table has two)."""
    return CURRENCIES.get(numeric_code, ("", 2))[1]

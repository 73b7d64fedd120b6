"""Money, dates, periods and numbers as customers of each utility expect to read them (Babel, no Qt).

Screens and printed documents both format through here so that the amount on the screen is, character for
character, the amount on the paper. Currency symbols are the ones printed on the utilities' own invoices
("$" in Argentina and Mexico, "₲" in Paraguay), not CLDR's ISO-code fallbacks ("ARS", "Gs."); Spanish
locales that use a decimal comma put a space between symbol and number ("$ 1.234,56", "₲ 1.235").
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton
from babel.dates import format_time as _babel_time
from babel.numbers import format_decimal

from kiosk.domain.money import Money, minor_units

# Symbols as printed on invoices of the region; anything else falls back to Babel's symbol for the locale.
_SYMBOLS = {"ARS": "$", "MXN": "$", "PYG": "₲", "USD": "US$", "EUR": "€", "UYU": "$", "CLP": "$"}


@lru_cache(maxsize=32)
def _locale(locale: str) -> Locale:
    return Locale.parse(locale)


def currency_symbol(currency: str, locale: str) -> str:
    """The symbol printed before amounts of a currency."""
    symbol = _SYMBOLS.get(currency)
    if symbol is None:
        symbol = _locale(locale).currency_symbols.get(currency, currency)
    return symbol


def _digits(amount: Decimal, decimals: int, locale: str) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(amount, format=pattern, locale=locale, decimal_quantization=True)


def format_amount(amount: Decimal, currency: str, locale: str) -> str:
    """Digits only, with the currency's decimals and the locale's separators: "1.234,56"."""
    return _digits(abs(Decimal(amount)), minor_units(currency), locale)


def format_money(m: Money, locale: str) -> str:
    """ "$ 1.234,56" (es_AR), "₲ 1.235" (es_PY), "$1,234.56" (es_MX, en_US); negatives get a leading "-"."""
    symbol = currency_symbol(m.currency, locale)
    digits = _digits(abs(m.amount), minor_units(m.currency), locale)
    space = " " if _locale(locale).number_symbols.get("latn", {}).get("decimal", ".") == "," else ""
    sign = "-" if m.amount < 0 else ""
    return f"{sign}{symbol}{space}{digits}"


def format_number(n: int | float | Decimal, locale: str, decimals: int | None = None) -> str:
    """A plain number with the locale's separators; `decimals` fixes the digits after the separator."""
    if decimals is None:
        return format_decimal(n, locale=locale)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(n, format=pattern, locale=locale, decimal_quantization=True)


def format_consumption(value: int | float | Decimal, unit: str | None, locale: str) -> str:
    """ "1.234 kWh", "12,5 m³": at most one decimal, because meters and bills show no more."""
    text = format_decimal(value, format="#,##0.#", locale=locale)
    return f"{text} {unit}" if unit else text


def format_date(d: date, locale: str, style: str = "medium") -> str:
    """Babel date styles ("short", "medium", "long", "full") or a CLDR pattern such as "dd/MM/yyyy"."""
    return _babel_date(d, format=style, locale=locale)


def format_date_numeric(d: date, locale: str) -> str:
    """Digits only, in the locale's order with a four-digit year: "5/10/2024" (es), "10/5/2024" (en_US)."""
    return format_skeleton("yMd", d, locale=locale)


def format_datetime(dt: datetime, locale: str, tz: str | ZoneInfo | None = None) -> str:
    """Date (medium) and time (hours and minutes) in the kiosk's time zone: "1 oct 2024 14:35"."""
    if tz is not None:
        zone = ZoneInfo(tz) if isinstance(tz, str) else tz
        dt = dt.astimezone(zone) if dt.tzinfo else dt.replace(tzinfo=zone)
    return f"{_babel_date(dt.date(), format='medium', locale=locale)} {_babel_time(dt, 'HH:mm', locale=locale)}"


def format_period(period: str, locale: str, short: bool = False) -> str:
    """ "2024-10" -> "octubre 2024" / "October 2024" (short: "oct 2024" / "Oct 2024")."""
    try:
        year, month = (int(part) for part in period.split("-"))
        first = date(year, month, 1)
    except ValueError:
        return period
    return _babel_date(first, format="LLL y" if short else "LLLL y", locale=locale)


def format_month_short(period: str, locale: str) -> str:
    """ "2024-10" -> "oct" / "Oct": bar-chart labels."""
    try:
        year, month = (int(part) for part in period.split("-"))
        first = date(year, month, 1)
    except ValueError:
        return period
    return _babel_date(first, format="LLL", locale=locale).rstrip(".")

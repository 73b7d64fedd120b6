"""Locale formatting: the exact strings customers read on screens and paper."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from kiosk.domain import Money
from kiosk.formatting import (
    format_amount,
    format_consumption,
    format_date,
    format_date_numeric,
    format_datetime,
    format_money,
    format_month_short,
    format_number,
    format_period,
)


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "expected"),
    [
        ("1234.56", "ARS", "es_AR", "$ 1.234,56"),
        ("1234.56", "PYG", "es_PY", "₲ 1.235"),
        ("1234.56", "MXN", "es_MX", "$1,234.56"),
        ("1234.56", "ARS", "en_US", "$1,234.56"),
        ("1234567.5", "PYG", "en_US", "₲1,234,568"),
        ("0", "ARS", "es_AR", "$ 0,00"),
        ("-15.5", "ARS", "es_AR", "-$ 15,50"),
        ("98765432.1", "MXN", "es_MX", "$98,765,432.10"),
    ],
)
def test_format_money(amount: str, currency: str, locale: str, expected: str) -> None:
    assert format_money(Money(Decimal(amount), currency), locale) == expected


def test_pyg_never_shows_decimals() -> None:
    text = format_money(Money(Decimal("250000"), "PYG"), "es_PY")
    assert text == "₲ 250.000"
    assert "," not in text


def test_format_amount_digits_only() -> None:
    assert format_amount(Decimal("1234.5"), "ARS", "es_AR") == "1.234,50"
    assert format_amount(Decimal("1234"), "PYG", "es_PY") == "1.234"


def test_format_period() -> None:
    assert format_period("2024-10", "es_AR") == "octubre 2024"
    assert format_period("2024-10", "en_US") == "October 2024"
    assert format_period("2025-01", "es_MX") == "enero 2025"
    assert format_period("garbage", "es_AR") == "garbage"
    assert format_month_short("2024-03", "en_US") == "Mar"


def test_format_date_styles() -> None:
    d = date(2024, 10, 5)
    assert format_date(d, "es_AR") == "5 oct 2024"
    assert format_date(d, "en_US") == "Oct 5, 2024"
    assert format_date(d, "es_AR", "dd/MM/yyyy") == "05/10/2024"
    assert format_date(d, "es_AR", "long") == "5 de octubre de 2024"
    assert format_date_numeric(d, "es_AR") == "5/10/2024"
    assert format_date_numeric(d, "en_US") == "10/5/2024"


def test_format_datetime_converts_to_kiosk_zone() -> None:
    moment = datetime(2024, 10, 5, 17, 3, tzinfo=UTC)
    assert format_datetime(moment, "es_AR", "America/Argentina/Buenos_Aires") == "5 oct 2024 14:03"
    # Mexico City has no DST since 2022: UTC-6.
    assert format_datetime(moment, "es_MX", "America/Mexico_City").endswith("11:03")


def test_format_number_and_consumption() -> None:
    assert format_number(1234567, "es_AR") == "1.234.567"
    assert format_number(Decimal("1234.5"), "en_US", 2) == "1,234.50"
    assert format_consumption(Decimal("1234"), "kWh", "es_AR") == "1.234 kWh"
    assert format_consumption(Decimal("12.5"), "m³", "es_PY") == "12,5 m³"
    assert format_consumption(12, None, "en_US") == "12"

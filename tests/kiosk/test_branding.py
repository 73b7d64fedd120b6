"""Branding profiles ship as package data, load strictly and look different per utility."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from kiosk.branding import BrandingError, _parse, available_profiles, load_branding
from kiosk.domain import Branding, Service
from kiosk.domain.money import minor_units


def _luminance(colour: str) -> float:
    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def test_the_three_profiles_ship() -> None:
    assert {"coop-ar", "telco-py", "wisp-mx"} <= set(available_profiles())


@pytest.mark.parametrize(
    ("key", "currency", "locale", "country", "services"),
    [
        ("coop-ar", "ARS", "es_AR", "AR", {Service.ELECTRICITY, Service.WATER}),
        ("telco-py", "PYG", "es_PY", "PY", {Service.TELEPHONY, Service.INTERNET}),
        ("wisp-mx", "MXN", "es_MX", "MX", {Service.INTERNET}),
    ],
)
def test_profile_facts(key: str, currency: str, locale: str, country: str, services: set[Service]) -> None:
    b = load_branding(key)
    assert isinstance(b, Branding)
    assert (b.key, b.currency, b.locale, b.country) == (key, currency, locale, country)
    assert set(b.services) == services
    assert b.name and b.short_name and b.address and b.tax_id and b.phone
    assert len(b.invoice_prefix) == 4 and b.invoice_prefix.isdigit()
    assert b.payment_instructions("es") != b.payment_instructions("en")
    assert "QR" in b.payment_instructions("es") and "QR" in b.payment_instructions("en")


def test_pyg_has_no_decimals() -> None:
    assert minor_units(load_branding("telco-py").currency) == 0


def test_cash_networks_named() -> None:
    assert "Pago Fácil" in load_branding("coop-ar").payment_instructions_es
    assert "Rapipago" in load_branding("coop-ar").payment_instructions_en
    assert "Bancard" in load_branding("telco-py").payment_instructions_es
    assert "Aquí Pago" in load_branding("telco-py").payment_instructions_es
    assert "OXXO" in load_branding("wisp-mx").payment_instructions_es


@pytest.mark.parametrize("key", ["coop-ar", "telco-py", "wisp-mx"])
def test_colours_carry_white_text(key: str) -> None:
    b = load_branding(key)
    assert contrast_with_white(b.primary_color) >= 4.5, b.primary_color
    assert contrast_with_white(b.accent_color) >= 4.5, b.accent_color


def test_colours_differ_per_utility() -> None:
    primaries = {load_branding(k).primary_color for k in ("coop-ar", "telco-py", "wisp-mx")}
    assert len(primaries) == 3


@pytest.mark.parametrize("key", ["coop-ar", "telco-py", "wisp-mx"])
def test_logo_is_an_svg_file(key: str) -> None:
    logo = load_branding(key).logo
    assert logo is not None and logo.is_file()
    root = ET.parse(logo).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_unknown_profile_is_one_clear_error() -> None:
    with pytest.raises(BrandingError, match=r"unknown branding profile 'gas-cl'; available: coop-ar"):
        load_branding("gas-cl")


_GOOD = {
    "name": "X",
    "short_name": "X",
    "locale": "es_AR",
    "currency": "ARS",
    "country": "AR",
    "primary_color": "#112233",
    "accent_color": "#223344",
    "services": ["water"],
    "payment_instructions": {"es": "a", "en": "b"},
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "#000000"}, "unknown key 'colour'"),
        ({"primary_color": "green"}, "'primary_color' must look like #RRGGBB"),
        ({"services": ["gas"]}, "'services' has an unknown service"),
        ({"services": []}, "'services' must be a non-empty list"),
        ({"payment_instructions": {"es": "a"}}, "'payment_instructions' needs"),
        ({"name": ""}, "'name' must be a non-empty string"),
        ({"currency": "ars"}, "'currency' must be an ISO 4217"),
        ({"invoice_prefix": "21"}, "'invoice_prefix' must be 4 digits"),
    ],
)
def test_malformed_profile_rejected(change: dict[str, object], message: str) -> None:
    with pytest.raises(BrandingError, match=message):
        _parse("x", {**_GOOD, **change})


def test_minimal_profile_parses() -> None:
    b = _parse("x", dict(_GOOD))
    assert b.services == (Service.WATER,) and b.logo is None and b.invoice_prefix == "0001"

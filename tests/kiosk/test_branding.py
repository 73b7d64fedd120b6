"""Branding profiles ship as package data, load strictly and look different per utility."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from kiosk.branding import BrandingError, _parse, available_profiles, load_branding
from kiosk.domain import Branding, Service
from kiosk.domain.address import FormOfAddress
from kiosk.domain.money import minor_units
from kiosk.payments.emv import currency_numeric


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
    "form_of_address": "usted",
}


_QR = {"merchant_name": "COOP X", "merchant_city": "CORDOBA", "account_guid": "ar.com.redlink"}


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
        ({"form_of_address": "vuestra merced"}, "'form_of_address' must be one of usted, vos, tu"),
        ({"form_of_address": "vos"}, "'form_of_address' 'vos' is not available: the screens are written in usted"),
        ({"payment_qr": {"merchant_name": "X", "merchant_city": "Y"}}, "'payment_qr.account_guid' must be"),
        ({"payment_qr": {**_QR, "merchant_name": "Cooperativa Eléctrica Sur"}}, "'payment_qr.merchant_name' must be"),
        ({"payment_qr": {**_QR, "merchant_city": ""}}, "'payment_qr.merchant_city' must be"),
        ({"payment_qr": {**_QR, "category_code": 4900}}, "'payment_qr.category_code' must be 4 digits"),
        ({"payment_qr": {**_QR, "account_id": 25}}, "'payment_qr.account_id' must be a merchant account template"),
        ({"payment_qr": {**_QR, "account_fields": {"00": "x"}}}, "'payment_qr.account_fields' maps"),
        ({"payment_qr": {**_QR, "terminal": "K1"}}, "unknown key 'payment_qr.terminal'"),
        ({"currency": "XAF", "payment_qr": _QR}, "currency 'XAF' has no ISO 4217 numeric code"),
    ],
)
def test_malformed_profile_rejected(change: dict[str, object], message: str) -> None:
    with pytest.raises(BrandingError, match=message):
        _parse("x", {**_GOOD, **change})


def test_minimal_profile_parses() -> None:
    b = _parse("x", dict(_GOOD))
    assert b.services == (Service.WATER,) and b.logo is None and b.invoice_prefix == "0001"
    assert b.form_of_address is FormOfAddress.USTED and b.payment_qr is None


def test_form_of_address_is_declared() -> None:
    """Every profile says how it speaks to customers: without the key, the file is refused."""
    data = dict(_GOOD)
    del data["form_of_address"]
    with pytest.raises(BrandingError, match="'form_of_address' must be one of"):
        _parse("x", data)


@pytest.mark.parametrize(
    ("key", "currency", "name", "city"),
    [
        ("coop-ar", "032", "COOP ELECTRICA ALMAFUERTE", "ALMAFUERTE"),
        ("telco-py", "600", "COMSUR S.A.", "ASUNCION"),
        ("wisp-mx", "484", "KONECTA INTERNET", "PACHUCA"),
    ],
)
def test_every_profile_carries_its_own_payment_qr_merchant(key: str, currency: str, name: str, city: str) -> None:
    b = load_branding(key)
    assert b.payment_qr is not None
    assert (b.payment_qr.name, b.payment_qr.city) == (name, city)
    assert b.payment_qr.account_guid != "com.example.pay" and b.payment_qr.account_fields
    assert currency_numeric(b.currency) == currency



def test_a_profile_names_its_branches_zone_and_a_wrong_one_is_refused() -> None:
    """A new kiosk of the utility starts in the profile's zone (provision, demo); a typo is caught at load."""
    import tomllib
    from importlib import resources

    assert load_branding("telco-py").timezone == "America/Asuncion"
    data = tomllib.loads(resources.files("resources.branding").joinpath("wisp-mx.toml").read_text(encoding="utf-8"))
    assert _parse("wisp-mx", data).timezone == "America/Mexico_City"
    with pytest.raises(BrandingError, match="timezone"):
        _parse("wisp-mx", {**data, "timezone": "America/Mexico City"})

"""Branding profiles: one TOML file (plus an SVG logo) per utility in `resources/branding`.

Profiles ship as package data and are read through importlib.resources, so they work from a source tree, an
installed wheel and a PyInstaller bundle alike. A profile is checked strictly when loaded (every key known,
every value of the right shape) because a typo in a colour or a service would otherwise surface as a broken
screen in a branch office.
"""

from __future__ import annotations

import functools
import re
import tomllib
from decimal import Decimal, InvalidOperation
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from kiosk.domain.address import FormOfAddress
from kiosk.domain.branding import Branding, MerchantQr
from kiosk.domain.currency import UnknownCurrency, numeric
from kiosk.domain.dues import DuesPolicy, LateRule
from kiosk.domain.reading import Service

_PACKAGE = "resources.branding"


@functools.cache
def _zones() -> frozenset[str]:
    from zoneinfo import available_timezones

    return frozenset(available_timezones())
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_REQUIRED_STR = (
    "name",
    "short_name",
    "locale",
    "currency",
    "country",
    "primary_color",
    "accent_color",
)
_OPTIONAL_STR = ("address", "tax_id", "phone", "invoice_prefix", "logo", "timezone")
_KNOWN = {*_REQUIRED_STR, *_OPTIONAL_STR, "services", "payment_instructions", "dues", "form_of_address", "payment_qr"}
# The forms of address the screens are written in (their tr() source texts): a profile can only declare one of
# these, or its screens would speak one way and its FAQ and paper another.
SCREEN_FORMS = (FormOfAddress.USTED,)
_PAYMENT_QR_KEYS = {"merchant_name", "merchant_city", "category_code", "account_id", "account_guid", "account_fields"}


class BrandingError(ValueError):
    """An unknown profile key or a malformed profile file; the message is one clear line."""


def _folder() -> Traversable:
    return resources.files(_PACKAGE)


def available_profiles() -> list[str]:
    """Keys of the profiles shipped with the application, sorted."""
    return sorted(
        entry.name.removesuffix(".toml")
        for entry in _folder().iterdir()
        if entry.is_file() and entry.name.endswith(".toml")
    )


def load_branding(key: str) -> Branding:
    """The branding profile `key` ("coop-ar", "telco-py", "wisp-mx", ...).

    Raises:
        BrandingError: the key is not a shipped profile, or its file is malformed.
    """
    profiles = available_profiles()
    if key not in profiles:
        raise BrandingError(f"unknown branding profile {key!r}; available: {', '.join(profiles)}")
    source = _folder() / f"{key}.toml"
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise BrandingError(f"branding profile {key!r}: {exc}") from exc
    return _parse(key, data)


def _parse(key: str, data: dict[str, Any]) -> Branding:
    where = f"branding profile {key!r}"
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise BrandingError(f"{where}: unknown key {unknown[0]!r}")
    for name in _REQUIRED_STR:
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise BrandingError(f"{where}: {name!r} must be a non-empty string")
    for name in _OPTIONAL_STR:
        if name in data and not isinstance(data[name], str):
            raise BrandingError(f"{where}: {name!r} must be a string")
    for name in ("primary_color", "accent_color"):
        if not _COLOUR.match(data[name]):
            raise BrandingError(f"{where}: {name!r} must look like #RRGGBB, not {data[name]!r}")
    if len(data["currency"]) != 3 or not data["currency"].isupper():
        raise BrandingError(f"{where}: 'currency' must be an ISO 4217 code like ARS")
    if len(data["country"]) != 2 or not data["country"].isupper():
        raise BrandingError(f"{where}: 'country' must be an ISO 3166 code like AR")
    zone = data.get("timezone", "UTC")
    if not isinstance(zone, str) or zone not in _zones():
        raise BrandingError(f"{where}: 'timezone' must be an IANA zone like America/Asuncion, not {zone!r}")
    services_raw = data.get("services")
    if not isinstance(services_raw, list) or not services_raw:
        raise BrandingError(f"{where}: 'services' must be a non-empty list")
    try:
        services = tuple(Service(s) for s in services_raw)
    except ValueError as exc:
        choices = ", ".join(s.value for s in Service)
        raise BrandingError(f"{where}: 'services' has an unknown service ({choices} allowed)") from exc
    instructions = data.get("payment_instructions")
    if not isinstance(instructions, dict) or not all(
        isinstance(instructions.get(lang), str) and instructions[lang].strip() for lang in ("es", "en")
    ):
        raise BrandingError(f"{where}: 'payment_instructions' needs non-empty 'es' and 'en' texts")
    prefix = data.get("invoice_prefix", "0001")
    if not (len(prefix) == 4 and prefix.isdigit()):
        raise BrandingError(f"{where}: 'invoice_prefix' must be 4 digits like 0021")
    return Branding(
        key=key,
        name=data["name"],
        short_name=data["short_name"],
        locale=data["locale"],
        currency=data["currency"],
        country=data["country"],
        timezone=zone,
        primary_color=data["primary_color"].upper(),
        accent_color=data["accent_color"].upper(),
        services=services,
        payment_instructions_es=instructions["es"].strip(),
        payment_instructions_en=instructions["en"].strip(),
        logo=_logo_path(key, data.get("logo")),
        address=data.get("address", ""),
        tax_id=data.get("tax_id", ""),
        phone=data.get("phone", ""),
        invoice_prefix=prefix,
        dues=_dues(where, data.get("dues", {})),
        form_of_address=_form_of_address(where, data.get("form_of_address")),
        payment_qr=_payment_qr(where, data.get("payment_qr"), data["currency"]),
    )


def _form_of_address(where: str, raw: object) -> FormOfAddress:
    """`form_of_address = "usted"`: required, and one the screens are written in."""
    try:
        form = FormOfAddress(str(raw)) if isinstance(raw, str) else None
    except ValueError:
        form = None
    if form is None:
        choices = ", ".join(f.value for f in FormOfAddress)
        raise BrandingError(f"{where}: 'form_of_address' must be one of {choices}")
    if form not in SCREEN_FORMS:
        written = ", ".join(f.value for f in SCREEN_FORMS)
        raise BrandingError(f"{where}: 'form_of_address' {form.value!r} is not available: the screens are written "
                            f"in {written}")
    return form


def _payment_qr(where: str, raw: object, currency: str) -> MerchantQr | None:
    """`[payment_qr]`: the merchant data of EMV payment QRs (optional: a utility may print no QR at all)."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise BrandingError(f"{where}: 'payment_qr' must be a table")
    unknown = sorted(set(raw) - _PAYMENT_QR_KEYS)
    if unknown:
        raise BrandingError(f"{where}: unknown key 'payment_qr.{unknown[0]}'")
    for name, limit in (("merchant_name", 25), ("merchant_city", 15)):
        value = raw.get(name)
        if not isinstance(value, str) or not value.strip() or len(value.encode("utf-8")) > limit:
            raise BrandingError(f"{where}: 'payment_qr.{name}' must be a text of 1 to {limit} bytes")
    category = raw.get("category_code", "4900")
    if not (isinstance(category, str) and re.fullmatch(r"\d{4}", category)):
        raise BrandingError(f"{where}: 'payment_qr.category_code' must be 4 digits like \"4900\"")
    account_id = raw.get("account_id", 26)
    if isinstance(account_id, bool) or not isinstance(account_id, int) or not 26 <= account_id <= 51:
        raise BrandingError(f"{where}: 'payment_qr.account_id' must be a merchant account template, 26 to 51")
    guid = raw.get("account_guid")
    if not isinstance(guid, str) or not 0 < len(guid) <= 32:
        raise BrandingError(f"{where}: 'payment_qr.account_guid' must be the network's identifier (1-32 chars)")
    fields = raw.get("account_fields", {})
    if not isinstance(fields, dict) or not all(
        isinstance(k, str) and re.fullmatch(r"\d\d", k) and k != "00" and isinstance(v, str) and v
        for k, v in fields.items()
    ):
        raise BrandingError(f"{where}: 'payment_qr.account_fields' maps sub-fields \"01\"-\"99\" to texts")
    try:
        numeric(currency)
    except UnknownCurrency:
        raise BrandingError(f"{where}: currency {currency!r} has no ISO 4217 numeric code for the QR") from None
    return MerchantQr(
        name=raw["merchant_name"],
        city=raw["merchant_city"],
        category_code=category,
        account_id=account_id,
        account_guid=guid,
        account_fields=tuple(sorted(fields.items())),
    )


def _dues(where: str, raw: object) -> DuesPolicy:
    """`[dues]`: after_last_due = "second_total" | "interest" | "counter", daily_interest_pct = "0.1"."""
    if not isinstance(raw, dict):
        raise BrandingError(f"{where}: 'dues' must be a table")
    unknown = sorted(set(raw) - {"after_last_due", "daily_interest_pct"})
    if unknown:
        raise BrandingError(f"{where}: unknown key 'dues.{unknown[0]}'")
    try:
        late = LateRule(raw.get("after_last_due", LateRule.SECOND_TOTAL.value))
    except ValueError:
        choices = ", ".join(r.value for r in LateRule)
        raise BrandingError(f"{where}: 'dues.after_last_due' must be one of {choices}") from None
    rate_raw = raw.get("daily_interest_pct", "0")
    try:
        if isinstance(rate_raw, bool) or not isinstance(rate_raw, str | int):
            raise InvalidOperation
        rate = Decimal(str(rate_raw))
    except InvalidOperation:
        raise BrandingError(f"{where}: 'dues.daily_interest_pct' must be a decimal string like \"0.1\"") from None
    if not rate.is_finite() or rate < 0 or rate > 1:
        raise BrandingError(f"{where}: 'dues.daily_interest_pct' must be between 0 and 1 (percent per day)")
    if late is LateRule.INTEREST and rate == 0:
        raise BrandingError(f"{where}: 'dues.after_last_due = \"interest\"' needs a daily_interest_pct above 0")
    return DuesPolicy(late=late, daily_interest_pct=rate)


def _logo_path(key: str, name: str | None) -> Path | None:
    """The logo as a file path (profiles ship on the file system, also inside a PyInstaller bundle)."""
    if not name:
        return None
    entry = _folder() / name
    if not entry.is_file():
        raise BrandingError(f"branding profile {key!r}: logo file {name!r} is missing")
    path = Path(str(entry))
    return path if path.is_file() else None

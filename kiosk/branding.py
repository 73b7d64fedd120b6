"""Branding profiles: one TOML file (plus an SVG logo) per utility in `resources/branding`.

Profiles ship as package data and are read through importlib.resources, so they work from a source tree, an
installed wheel and a PyInstaller bundle alike. A profile is checked strictly when loaded (every key known,
every value of the right shape) because a typo in a colour or a service would otherwise surface as a broken
screen in a branch office.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal, InvalidOperation
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from kiosk.domain.branding import Branding
from kiosk.domain.dues import DuesPolicy, LateRule
from kiosk.domain.reading import Service

_PACKAGE = "resources.branding"
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
_OPTIONAL_STR = ("address", "tax_id", "phone", "invoice_prefix", "logo")
_KNOWN = {*_REQUIRED_STR, *_OPTIONAL_STR, "services", "payment_instructions", "dues"}


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

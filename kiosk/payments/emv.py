"""EMV merchant-presented QR codes (EMVCo MPM): a TLV builder and a strict parser/validator. No Qt.

Banks' apps read the payment QR on slips and duplicates as an EMVCo payload: a flat list of ID-length-value
data objects, some of them templates holding nested ID-length-value objects, closed by a CRC-16/CCITT-FALSE
(polynomial 0x1021, initial value 0xFFFF) over the UTF-8 bytes of everything before it, including the
``6304`` of the CRC object itself. A printed code that a bank app rejects sends the customer back to the
counter, so the parser is as strict as the apps are and says why a payload is wrong, for IT checking a
configuration with ``python -m kiosk payment-qr``.

Lengths are counted in UTF-8 bytes (``length_unit="bytes"``, what the payment networks of the region
validate); the EMVCo specification's own sample payload counts characters, which ``length_unit="chars"``
reads and writes for schemes that want it. With ASCII-only values both agree.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from kiosk.domain.currency import CURRENCIES, UnknownCurrency, minor_units, numeric

LengthUnit = Literal["bytes", "chars"]

PAYLOAD_FORMAT = "01"
STATIC = "11"  # the same code for many payments: the payer types the amount
DYNAMIC = "12"  # one code per payment, amount included

ID_PAYLOAD_FORMAT = "00"
ID_POINT_OF_INITIATION = "01"
ID_CATEGORY = "52"
ID_CURRENCY = "53"
ID_AMOUNT = "54"
ID_TIP = "55"
ID_TIP_FIXED = "56"
ID_TIP_PERCENT = "57"
ID_COUNTRY = "58"
ID_NAME = "59"
ID_CITY = "60"
ID_POSTAL_CODE = "61"
ID_ADDITIONAL = "62"
ID_CRC = "63"
ID_LANGUAGE = "64"

# Additional data field template (62) sub-fields.
SUB_BILL_NUMBER = "01"
SUB_MOBILE = "02"
SUB_STORE = "03"
SUB_LOYALTY = "04"
SUB_REFERENCE = "05"
SUB_CUSTOMER = "06"
SUB_TERMINAL = "07"
SUB_PURPOSE = "08"

MERCHANT_ACCOUNT_TEMPLATES = range(26, 52)  # IDs 26-51: templates, sub-field 00 is the network's GUID
MERCHANT_ACCOUNT_PRIMITIVES = range(2, 26)  # IDs 02-25: card networks' primitive values
MANDATORY = (ID_PAYLOAD_FORMAT, ID_CATEGORY, ID_CURRENCY, ID_COUNTRY, ID_NAME, ID_CITY, ID_CRC)

# Maximum value lengths of the top-level data objects (EMVCo MPM 1.1, table 3.x); templates up to 99.
_MAX_LENGTH: dict[str, int] = {
    ID_PAYLOAD_FORMAT: 2,
    ID_POINT_OF_INITIATION: 2,
    ID_CATEGORY: 4,
    ID_CURRENCY: 3,
    ID_AMOUNT: 13,
    ID_TIP: 2,
    ID_TIP_FIXED: 13,
    ID_TIP_PERCENT: 5,
    ID_COUNTRY: 2,
    ID_NAME: 25,
    ID_CITY: 15,
    ID_POSTAL_CODE: 10,
    ID_CRC: 4,
}
_SUB_MAX_LENGTH = 25  # every sub-field of the additional data template
_GUID_MAX_LENGTH = 32

_FIELD_NAMES = {
    ID_PAYLOAD_FORMAT: "payload format indicator",
    ID_POINT_OF_INITIATION: "point of initiation method",
    ID_CATEGORY: "merchant category code",
    ID_CURRENCY: "transaction currency",
    ID_AMOUNT: "transaction amount",
    ID_TIP: "tip or convenience indicator",
    ID_TIP_FIXED: "fixed convenience fee",
    ID_TIP_PERCENT: "percentage convenience fee",
    ID_COUNTRY: "country code",
    ID_NAME: "merchant name",
    ID_CITY: "merchant city",
    ID_POSTAL_CODE: "postal code",
    ID_ADDITIONAL: "additional data field template",
    ID_CRC: "CRC",
    ID_LANGUAGE: "merchant information language template",
}



class EmvError(ValueError):
    """A payload that cannot be built or does not validate; the message is the one line to show."""


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def _crc_hex(data: bytes) -> str:
    # binascii's C implementation is the same CRC (XMODEM with 0xFFFF seed = CCITT-FALSE), much faster.
    return f"{binascii.crc_hqx(data, 0xFFFF):04X}"


def currency_numeric(alpha: str) -> str:
    """ISO 4217 numeric code for an alphabetic one ("ARS" -> "032"), as the payload's field 53 needs it."""
    try:
        return numeric(alpha)
    except UnknownCurrency as exc:
        raise EmvError(str(exc)) from None


def format_amount(amount: Decimal, currency: str) -> str:
    """Field 54: plain digits with '.' as the decimal mark, the currency's minor digits, no separators."""
    if not amount.is_finite() or amount <= 0:
        raise EmvError(f"amount must be a positive number, not {amount}")
    digits = minor_units(currency)
    quantum = Decimal(1).scaleb(-digits)
    if amount != amount.quantize(quantum):
        raise EmvError(f"amount {amount} has more decimals than the currency allows ({digits})")
    text = f"{amount.quantize(quantum):f}"
    if len(text) > _MAX_LENGTH[ID_AMOUNT]:
        raise EmvError(f"amount {text} is longer than 13 characters")
    return text


def _measure(value: str, unit: LengthUnit) -> int:
    return len(value.encode("utf-8")) if unit == "bytes" else len(value)


def tlv(tag: str, value: str, unit: LengthUnit = "bytes") -> str:
    """One data object: 2-digit ID, 2-digit length, value."""
    if not re.fullmatch(r"[0-9][0-9]", tag):
        raise EmvError(f"data object ID must be two digits, not {tag!r}")
    length = _measure(value, unit)
    if length == 0:
        raise EmvError(f"ID {tag}: empty value")
    if length > 99:
        raise EmvError(f"ID {tag}: value is {length} {unit} long, the limit is 99")
    return f"{tag}{length:02d}{value}"


@dataclass(frozen=True, slots=True)
class MerchantAccount:
    """A merchant account information template (ID 26-51): the network's GUID and its sub-fields."""

    id: int
    guid: str
    fields: Mapping[str, str] = field(default_factory=dict)  # sub-field ID ("01".."99") -> value

    def to_json(self) -> dict[str, Any]:
        return {"id": f"{self.id:02d}", "guid": self.guid, "fields": dict(self.fields)}


@dataclass(frozen=True, slots=True)
class EmvPayment:
    """What goes into a payment QR. amount None makes a static code (point of initiation 11)."""

    merchant_accounts: Sequence[MerchantAccount]
    merchant_category_code: str
    currency: str  # ISO 4217 numeric, "032"
    country: str  # ISO 3166-1 alpha-2, "AR"
    merchant_name: str
    merchant_city: str
    amount: Decimal | None = None
    bill_number: str | None = None  # 62/01: the invoice or slip number
    reference_label: str | None = None  # 62/05: the payment reference the collector matches on
    terminal_label: str | None = None  # 62/07: the kiosk
    postal_code: str | None = None


def _check_length(tag: str, value: str, unit: LengthUnit, limit: int, what: str) -> None:
    length = _measure(value, unit)
    if length > limit:
        raise EmvError(f"{what} (ID {tag}) is {length} {unit} long, the limit is {limit}")


def build_payload(payment: EmvPayment, unit: LengthUnit = "bytes") -> str:
    """The payload string to encode as QR, CRC included. Raises EmvError naming the field at fault."""
    if not payment.merchant_accounts:
        raise EmvError("at least one merchant account information template (ID 26-51) is required")
    if not re.fullmatch(r"[0-9]{4}", payment.merchant_category_code):
        raise EmvError(f"merchant category code must be 4 digits, not {payment.merchant_category_code!r}")
    if not re.fullmatch(r"[0-9]{3}", payment.currency):
        raise EmvError(f"currency must be an ISO 4217 numeric code (3 digits), not {payment.currency!r}")
    if not re.fullmatch(r"[A-Z]{2}", payment.country):
        raise EmvError(f"country must be two capital letters (ISO 3166-1), not {payment.country!r}")
    parts = [tlv(ID_PAYLOAD_FORMAT, PAYLOAD_FORMAT, unit)]
    parts.append(tlv(ID_POINT_OF_INITIATION, STATIC if payment.amount is None else DYNAMIC, unit))
    seen: set[int] = set()
    for account in payment.merchant_accounts:
        if account.id not in MERCHANT_ACCOUNT_TEMPLATES:
            raise EmvError(f"merchant account template ID must be 26-51, not {account.id}")
        if account.id in seen:
            raise EmvError(f"merchant account template ID {account.id} used twice")
        seen.add(account.id)
        tag = f"{account.id:02d}"
        if not account.guid:
            raise EmvError(f"merchant account {tag}: the GUID (sub-field 00) is empty")
        _check_length(tag, account.guid, unit, _GUID_MAX_LENGTH, f"merchant account {tag} GUID")
        inner = [tlv("00", account.guid, unit)]
        for sub, value in sorted(account.fields.items()):
            if not re.fullmatch(r"[0-9][0-9]", sub) or sub == "00":
                raise EmvError(f"merchant account {tag}: sub-field ID must be 01-99, not {sub!r}")
            inner.append(tlv(sub, value, unit))
        parts.append(tlv(tag, "".join(inner), unit))
    parts.append(tlv(ID_CATEGORY, payment.merchant_category_code, unit))
    parts.append(tlv(ID_CURRENCY, payment.currency, unit))
    if payment.amount is not None:
        parts.append(tlv(ID_AMOUNT, format_amount(payment.amount, payment.currency), unit))
    parts.append(tlv(ID_COUNTRY, payment.country, unit))
    for tag, value in ((ID_NAME, payment.merchant_name), (ID_CITY, payment.merchant_city)):
        _check_length(tag, value, unit, _MAX_LENGTH[tag], _FIELD_NAMES[tag])
        parts.append(tlv(tag, value, unit))
    if payment.postal_code:
        _check_length(ID_POSTAL_CODE, payment.postal_code, unit, 10, "postal code")
        parts.append(tlv(ID_POSTAL_CODE, payment.postal_code, unit))
    additional = []
    for sub, optional, what in (
        (SUB_BILL_NUMBER, payment.bill_number, "bill number"),
        (SUB_REFERENCE, payment.reference_label, "reference label"),
        (SUB_TERMINAL, payment.terminal_label, "terminal label"),
    ):
        if optional:
            _check_length(f"62/{sub}", optional, unit, _SUB_MAX_LENGTH, what)
            additional.append(tlv(sub, optional, unit))
    if additional:
        parts.append(tlv(ID_ADDITIONAL, "".join(additional), unit))
    body = "".join(parts) + ID_CRC + "04"
    return body + _crc_hex(body.encode("utf-8"))


# --------------------------------------------------------------------------------------------- parsing


@dataclass(frozen=True, slots=True)
class ParsedPayload:
    """A validated payload, field by field. `objects` keeps every top-level (ID, value) in order."""

    objects: tuple[tuple[str, str], ...]
    point_of_initiation: str | None  # "11" static, "12" dynamic, None when absent
    merchant_accounts: tuple[MerchantAccount, ...]
    network_accounts: Mapping[str, str]  # IDs 02-25: card networks' primitive values
    merchant_category_code: str
    currency: str
    amount: Decimal | None
    country: str
    merchant_name: str
    merchant_city: str
    postal_code: str | None
    additional_data: Mapping[str, str]
    crc: str

    @property
    def is_dynamic(self) -> bool:
        return self.point_of_initiation == DYNAMIC

    @property
    def bill_number(self) -> str | None:
        return self.additional_data.get(SUB_BILL_NUMBER)

    @property
    def reference_label(self) -> str | None:
        return self.additional_data.get(SUB_REFERENCE)

    @property
    def terminal_label(self) -> str | None:
        return self.additional_data.get(SUB_TERMINAL)

    @property
    def currency_alpha(self) -> str | None:
        entry = CURRENCIES.get(self.currency)
        return entry[0] if entry else None

    def to_json(self) -> dict[str, Any]:
        """Stable JSON shape for `payment-qr --json`."""
        return {
            "point_of_initiation": {STATIC: "static", DYNAMIC: "dynamic"}.get(self.point_of_initiation or ""),
            "merchant_accounts": [a.to_json() for a in self.merchant_accounts],
            "network_accounts": dict(self.network_accounts),
            "merchant_category_code": self.merchant_category_code,
            "currency": self.currency,
            "currency_alpha": self.currency_alpha,
            "amount": None if self.amount is None else f"{self.amount:f}",
            "country": self.country,
            "merchant_name": self.merchant_name,
            "merchant_city": self.merchant_city,
            "postal_code": self.postal_code,
            "bill_number": self.bill_number,
            "reference_label": self.reference_label,
            "terminal_label": self.terminal_label,
            "additional_data": dict(self.additional_data),
            "crc": self.crc,
            "objects": [[tag, value] for tag, value in self.objects],
        }


def _split(data: bytes | str, where: str) -> list[tuple[str, str]]:
    """ID-length-value objects of `data` (bytes: lengths in bytes; str: lengths in characters)."""
    objects: list[tuple[str, str]] = []
    pos = 0
    size = len(data)
    while pos < size:
        head = data[pos : pos + 4]
        head_text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
        if len(head) < 4:
            raise EmvError(f"{where}: truncated data object at position {pos} ({head_text!r})")
        tag, length_text = head_text[:2], head_text[2:]
        if not (tag.isascii() and tag.isdigit()):
            raise EmvError(f"{where}: data object ID at position {pos} is not two digits ({tag!r})")
        if not (length_text.isascii() and length_text.isdigit()):
            raise EmvError(f"{where}: length of ID {tag} is not numeric ({length_text!r})")
        length = int(length_text)
        if length == 0:
            raise EmvError(f"{where}: ID {tag} has length 00")
        end = pos + 4 + length
        if end > size:
            raise EmvError(f"{where}: ID {tag} declares length {length}, only {size - pos - 4} left")
        raw = data[pos + 4 : end]
        if isinstance(raw, bytes):
            try:
                value = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise EmvError(f"{where}: ID {tag} length {length} cuts a character in two") from None
        else:
            value = raw
        objects.append((tag, value))
        pos = end
    return objects


def _no_duplicates(objects: list[tuple[str, str]], where: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for tag, value in objects:
        if tag in result:
            raise EmvError(f"{where}: ID {tag} appears twice")
        result[tag] = value
    return result


def _template(value: str, unit: LengthUnit, where: str) -> dict[str, str]:
    data: bytes | str = value.encode("utf-8") if unit == "bytes" else value
    return _no_duplicates(_split(data, where), where)


def _parse_amount(text: str, currency: str, tag: str) -> Decimal:
    what = _FIELD_NAMES[tag]
    if not re.fullmatch(r"[0-9]+(\.[0-9]*)?", text):
        raise EmvError(f"{what} (ID {tag}) is not a number with '.' as decimal mark: {text!r}")
    amount = Decimal(text)
    if amount <= 0:
        raise EmvError(f"{what} (ID {tag}) must be greater than zero")
    decimals = len(text.partition(".")[2].rstrip("0"))
    if currency in CURRENCIES and decimals > minor_units(currency):
        raise EmvError(f"{what} (ID {tag}) {text} has more decimals than currency {currency} allows")
    return amount


def parse_payload(payload: str, unit: LengthUnit = "bytes") -> ParsedPayload:
    """Validate a payload and return its fields; EmvError says what is wrong, first problem first."""
    if not payload:
        raise EmvError("empty payload")
    encoded = payload.encode("utf-8")
    objects = _split(encoded if unit == "bytes" else payload, "payload")
    tags = [tag for tag, _ in objects]
    if tags[0] != ID_PAYLOAD_FORMAT:
        raise EmvError(f"the payload format indicator (ID 00) must come first, found ID {tags[0]}")
    if tags[-1] != ID_CRC:
        raise EmvError(f"the CRC (ID 63) must come last, found ID {tags[-1]}")
    crc = objects[-1][1]
    if not re.fullmatch(r"[0-9A-F]{4}", crc):
        raise EmvError(f"the CRC (ID 63) must be 4 uppercase hexadecimal digits, not {crc!r}")
    expected = _crc_hex(encoded[:-4])
    if crc != expected:
        raise EmvError(f"bad CRC: payload says {crc}, computed {expected}")
    fields = _no_duplicates(objects, "payload")
    for tag in MANDATORY:
        if tag not in fields:
            raise EmvError(f"missing mandatory {_FIELD_NAMES[tag]} (ID {tag})")
    for tag, value in objects:
        limit = _MAX_LENGTH.get(tag)
        if limit is not None:
            _check_length(tag, value, unit, limit, _FIELD_NAMES[tag])
    if fields[ID_PAYLOAD_FORMAT] != PAYLOAD_FORMAT:
        raise EmvError(f"payload format indicator (ID 00) must be 01, not {fields[ID_PAYLOAD_FORMAT]!r}")
    poi = fields.get(ID_POINT_OF_INITIATION)
    if poi is not None and poi not in (STATIC, DYNAMIC):
        raise EmvError(f"point of initiation method (ID 01) must be 11 or 12, not {poi!r}")

    network: dict[str, str] = {}
    accounts: list[MerchantAccount] = []
    for tag, value in objects:
        number = int(tag)
        if number in MERCHANT_ACCOUNT_PRIMITIVES:
            network[tag] = value
        elif number in MERCHANT_ACCOUNT_TEMPLATES:
            where = f"merchant account template {tag}"
            subs = _template(value, unit, where)
            guid = subs.pop("00", None)
            if guid is None:
                raise EmvError(f"{where}: missing the globally unique identifier (sub-field 00)")
            _check_length(tag, guid, unit, _GUID_MAX_LENGTH, f"{where} GUID")
            accounts.append(MerchantAccount(number, guid, subs))
    if not network and not accounts:
        raise EmvError("missing merchant account information (at least one of IDs 02-51)")

    category = fields[ID_CATEGORY]
    if not re.fullmatch(r"[0-9]{4}", category):
        raise EmvError(f"merchant category code (ID 52) must be 4 digits, not {category!r}")
    currency = fields[ID_CURRENCY]
    if not re.fullmatch(r"[0-9]{3}", currency):
        raise EmvError(f"transaction currency (ID 53) must be 3 digits (ISO 4217 numeric), not {currency!r}")
    country = fields[ID_COUNTRY]
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise EmvError(f"country code (ID 58) must be two capital letters, not {country!r}")
    amount = None
    if ID_AMOUNT in fields:
        amount = _parse_amount(fields[ID_AMOUNT], currency, ID_AMOUNT)
    tip = fields.get(ID_TIP)
    if tip is not None and tip not in ("01", "02", "03"):
        raise EmvError(f"tip or convenience indicator (ID 55) must be 01, 02 or 03, not {tip!r}")
    additional: dict[str, str] = {}
    if ID_ADDITIONAL in fields:
        additional = _template(fields[ID_ADDITIONAL], unit, "additional data field template (ID 62)")
        for sub, value in additional.items():
            if int(sub) < 50:  # 01-49 are EMVCo-defined; 50-99 payment-system specific, up to 99
                _check_length(f"62/{sub}", value, unit, _SUB_MAX_LENGTH, f"additional data sub-field {sub}")
    if ID_LANGUAGE in fields:
        _template(fields[ID_LANGUAGE], unit, "merchant information language template (ID 64)")
    return ParsedPayload(
        objects=tuple(objects),
        point_of_initiation=poi,
        merchant_accounts=tuple(accounts),
        network_accounts=network,
        merchant_category_code=category,
        currency=currency,
        amount=amount,
        country=country,
        merchant_name=fields[ID_NAME],
        merchant_city=fields[ID_CITY],
        postal_code=fields.get(ID_POSTAL_CODE),
        additional_data=additional,
        crc=crc,
    )


def is_valid_payload(payload: str, unit: LengthUnit = "bytes") -> bool:
    try:
        parse_payload(payload, unit)
    except EmvError:
        return False
    return True


def parse_decimal(text: str) -> Decimal:
    """An amount typed by a person ("1234.5" or "1234,50", no thousands separators); EmvError if not one."""
    cleaned = text.strip()
    if not re.fullmatch(r"[0-9]+([.,][0-9]+)?", cleaned):
        raise EmvError(f"not an amount: {text!r} (digits with an optional decimal part, e.g. 1234.50)")
    return Decimal(cleaned.replace(",", "."))

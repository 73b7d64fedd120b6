"""Branding profile of the utility and the facts every printed document carries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kiosk.domain.address import FormOfAddress
from kiosk.domain.dues import DuesPolicy
from kiosk.domain.reading import Service


@dataclass(frozen=True, slots=True)
class MerchantQr:
    """The utility's merchant data in an EMV payment QR, the defaults of the kiosk's `[payments]` settings.

    The currency and country come from the profile itself (its `currency` and `country`), so a profile always
    prints QR codes in the money it bills in.
    """

    name: str  # field 59, at most 25 bytes
    city: str  # field 60, at most 15 bytes
    category_code: str = "4900"  # field 52, ISO 18245 (4900 utilities, 4814 telecom, 4816 network services)
    account_id: int = 26  # the merchant account template (26-51)
    account_guid: str = ""  # its sub-field 00: the payment network's reverse-domain identifier
    account_fields: tuple[tuple[str, str], ...] = ()  # its other sub-fields, e.g. (("01", merchant id),)


@dataclass(frozen=True, slots=True)
class Branding:
    key: str  # "coop-ar", "telco-py", "wisp-mx"
    name: str
    short_name: str
    locale: str  # Babel locale, e.g. "es_AR"
    currency: str  # ISO 4217
    country: str  # ISO 3166 alpha-2
    primary_color: str  # "#RRGGBB"
    accent_color: str
    services: tuple[Service, ...]
    payment_instructions_es: str
    payment_instructions_en: str
    logo: Path | None = None
    address: str = ""
    tax_id: str = ""
    phone: str = ""
    invoice_prefix: str = "0001"
    dues: DuesPolicy = field(default_factory=DuesPolicy)  # what an invoice costs after its due dates
    form_of_address: FormOfAddress = FormOfAddress.USTED  # how screens, FAQ and paper speak to the customer
    payment_qr: MerchantQr | None = None  # the utility's merchant data for EMV payment QRs
    timezone: str = "UTC"  # IANA zone of the utility's branches: a new kiosk's default (provision, demo)

    def payment_instructions(self, language: str) -> str:
        return self.payment_instructions_en if language == "en" else self.payment_instructions_es


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """Who printed a document, where and when, and in which language."""

    branding: Branding
    kiosk_id: str
    branch_name: str
    printed_at: datetime
    language: str = "es"  # "es" or "en"
    timezone: str | None = None  # IANA zone of the kiosk: printed times are shown in it (None: as given)

    @property
    def locale(self) -> str:
        """Babel locale for the document: the utility's Spanish locale, or English."""
        return "en_US" if self.language == "en" else self.branding.locale

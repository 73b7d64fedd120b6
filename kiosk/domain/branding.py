"""Branding profile of the utility and the facts every printed document carries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kiosk.domain.dues import DuesPolicy
from kiosk.domain.reading import Service


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

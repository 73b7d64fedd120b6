"""What customers submit at the kiosk (claims, readings, requests) and the receipts they take home."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kiosk.domain.reading import Service


class RequestKind(StrEnum):
    RECONNECTION = "reconnection"
    CHANGE_OF_HOLDER = "change_of_holder"
    NEW_SERVICE = "new_service"
    E_INVOICE = "e_invoice"
    CONTACT_CHANGE = "contact_change"
    CALLBACK = "callback"
    PIN_RESET = "pin_reset"


@dataclass(frozen=True, slots=True)
class ClaimCategory:
    code: str
    service: Service
    label_es: str
    label_en: str

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_es


@dataclass(frozen=True, slots=True)
class ClaimReceipt:
    id: str  # UUID made on the kiosk
    number: str  # fleet-unique without asking central: branch-kiosk-sequence
    account_id: int
    supply_id: int
    category: ClaimCategory
    description: str
    contact_phone: str
    contact_time: str
    created_at: datetime
    kiosk_id: str


@dataclass(frozen=True, slots=True)
class ReadingReceipt:
    id: str
    number: str
    account_id: int
    supply_id: int
    meter_number: str
    value: int
    previous_value: int | None
    consumption: int | None
    rollover: bool
    flagged: bool
    created_at: datetime
    kiosk_id: str
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class RequestReceipt:
    id: str
    number: str
    kind: RequestKind
    account_id: int
    fields: tuple[tuple[str, str], ...]  # (label, value) pairs already translated, for screen and paper
    created_at: datetime
    kiosk_id: str


@dataclass(frozen=True, slots=True)
class CaseStatus:
    """A claim or request in the account's list, whether still in the outbox or already answered centrally."""

    number: str
    kind: str  # "claim" or a RequestKind value
    status: str  # "queued", "received", "in_progress", "resolved", "rejected"
    created_at: datetime
    summary: str
    updated_at: datetime | None = None

"""Services, meter readings, consumption and reading windows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Service(StrEnum):
    ELECTRICITY = "electricity"
    WATER = "water"
    INTERNET = "internet"
    TELEPHONY = "telephony"

    @property
    def metered(self) -> bool:
        """Only metered services have readings and consumption."""
        return self in (Service.ELECTRICITY, Service.WATER)

    @property
    def unit(self) -> str | None:
        return {Service.ELECTRICITY: "kWh", Service.WATER: "m³"}.get(self)


class ReadingKind(StrEnum):
    REAL = "real"
    ESTIMATED = "estimated"
    CUSTOMER = "customer"


@dataclass(frozen=True, slots=True)
class MeterReading:
    supply_id: int
    period: str  # "YYYY-MM"
    read_on: date
    value: int
    kind: ReadingKind
    consumption: int | None


@dataclass(frozen=True, slots=True)
class ConsumptionPoint:
    period: str  # "YYYY-MM"
    consumption: Decimal
    kind: ReadingKind
    invoice_number: str | None = None


@dataclass(frozen=True, slots=True)
class ReadingWindow:
    route: str
    opens_on: date
    closes_on: date

    def contains(self, day: date) -> bool:
        return self.opens_on <= day <= self.closes_on

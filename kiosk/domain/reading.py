"""Services, meter readings, consumption and reading windows."""

from __future__ import annotations

from collections.abc import Sequence
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


def average_consumption(points: Sequence[ConsumptionPoint], periods: int) -> Decimal | None:
    """A meter's monthly average: the mean of its last `periods` consumptions (`points` oldest first; real,
    estimated and the customer's own alike), or None without history.

    The one formula for "su promedio": the reading check compares a new reading with it and the consumption
    screen shows it, over the same periods (config readings.history_periods), so a customer never sees two
    averages for one meter.
    """
    recent = list(points)[-periods:] if periods > 0 else []
    if not recent:
        return None
    return sum((p.consumption for p in recent), Decimal(0)) / len(recent)

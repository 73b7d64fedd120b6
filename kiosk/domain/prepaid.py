"""Prepaid plans, payment agreements and FAQ content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.domain.money import Money


@dataclass(frozen=True, slots=True)
class Plan:
    id: int
    name: str
    description: str
    price: Money
    days: int


@dataclass(frozen=True, slots=True)
class Instalment:
    number: int
    due_date: date
    amount: Money
    paid_on: date | None

    @property
    def paid(self) -> bool:
        return self.paid_on is not None


@dataclass(frozen=True, slots=True)
class PaymentAgreement:
    id: int
    created_on: date
    total: Money
    instalments: tuple[Instalment, ...]
    status: str  # "active", "completed", "cancelled"


@dataclass(frozen=True, slots=True)
class FaqEntry:
    question: str
    answer: str

"""Account statement: movements with a running balance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class StatementEntry:
    on: date
    kind: str  # "invoice", "surcharge", "interest", "payment", "adjustment"
    description: str
    reference: str
    debit: Decimal
    credit: Decimal
    balance: Decimal


@dataclass(frozen=True, slots=True)
class Statement:
    account_id: int
    holder_masked: str
    currency: str
    from_date: date
    to_date: date
    opening_balance: Decimal
    entries: tuple[StatementEntry, ...]

    @property
    def closing_balance(self) -> Decimal:
        return self.entries[-1].balance if self.entries else self.opening_balance

    @property
    def total_debit(self) -> Decimal:
        return sum((e.debit for e in self.entries), Decimal(0))

    @property
    def total_credit(self) -> Decimal:
        return sum((e.credit for e in self.entries), Decimal(0))

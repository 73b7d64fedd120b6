"""Account statement: movements with a running balance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class StatementEntry:
    on: date
    kind: str  # "invoice", "payment", "adjustment"
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

"""Money as an exact decimal with its ISO 4217 currency; formatting is Babel's job (kiosk.i18n)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Currencies whose minor unit is not two digits (ISO 4217); PYG has none.
_MINOR_UNITS = {"PYG": 0, "CLP": 0, "JPY": 0}


def minor_units(currency: str) -> int:
    """Digits after the decimal point for a currency."""
    return _MINOR_UNITS.get(currency, 2)


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An amount in one currency, always quantised to the currency's minor unit."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        quantum = Decimal(1).scaleb(-minor_units(self.currency))
        object.__setattr__(self, "amount", Decimal(self.amount).quantize(quantum, rounding=ROUND_HALF_UP))

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    @property
    def cents(self) -> int:
        """The amount in minor units, as payment barcodes carry it."""
        return int(self.amount.scaleb(minor_units(self.currency)))

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")

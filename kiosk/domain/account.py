"""Accounts and their supplies (contracts), as the logged-in screens show them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiosk.domain.money import Money
from kiosk.domain.reading import Service


class AccountKind(StrEnum):
    POSTPAID = "postpaid"
    PREPAID = "prepaid"


@dataclass(frozen=True, slots=True)
class Supply:
    """A contract for one service at one address; claims and readings hang off it."""

    id: int
    account_id: int
    service: Service
    address: str
    active: bool
    meter_number: str | None = None
    meter_digits: int | None = None
    route: str | None = None
    plan_name: str | None = None

    @property
    def unit(self) -> str | None:
        return self.service.unit


@dataclass(frozen=True, slots=True)
class AccountOverview:
    account_id: int
    holder_first_name: str
    holder_masked: str
    kind: AccountKind
    total_due: Money
    overdue_total: Money
    overdue_count: int
    pending_count: int
    supplies: tuple[Supply, ...]
    credit_days: int | None = None
    prepaid_until: date | None = None
    plan_name: str | None = None
    phone_masked: str | None = None
    email_masked: str | None = None
    pay_by: date | None = None  # the last day `total_due` holds for what a slip can carry (None: nothing to pay)
    at_counter_total: Money | None = None  # part of total_due only the counter can take (late, counter rule)

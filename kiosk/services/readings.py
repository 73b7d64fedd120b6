"""Meter readings customers submit at the kiosk, inside their route's reading window.

The checks run in the order a customer can act on them: window, digits, rollover, plausibility. A refused
value raises a ServiceError the screen turns into a question; the customer's answer comes back as
confirm_rollover / confirm_high. The submission and its outbox entry are committed before the receipt exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import LocalMeterReading, LocalReadingSubmission, LocalReadingWindow, LocalSupply
from kiosk.domain import ReadingReceipt, ReadingWindow, Service, average_consumption
from kiosk.services.account import consumption_points
from kiosk.services.api import CustomerSession, ReadingCheck
from kiosk.services.context import ServiceContext
from kiosk.services.errors import ServiceError, ValidationError
from kiosk.services.intake import new_id, next_number, queue
from kiosk.services.rows import own_supply, plan_names, to_supply


@dataclass(frozen=True, slots=True)
class _Last:
    value: int
    on: date


def _last_reading(db: Session, supply_id: int) -> _Last | None:
    """The newest of central's readings and the customer's own submissions not yet pulled back."""
    reading = db.scalars(
        select(LocalMeterReading)
        .where(LocalMeterReading.supply_id == supply_id)
        .order_by(LocalMeterReading.period.desc(), LocalMeterReading.read_on.desc())
        .limit(1)
    ).first()
    submitted = db.scalars(
        select(LocalReadingSubmission)
        .where(LocalReadingSubmission.supply_id == supply_id)
        .order_by(LocalReadingSubmission.created_at.desc())
        .limit(1)
    ).first()
    candidates = []
    if reading is not None:
        candidates.append((reading.period, reading.read_on, reading.value))
    if submitted is not None:
        candidates.append((submitted.period, submitted.created_at.date(), submitted.value))
    if not candidates:
        return None
    _, on, value = max(candidates, key=lambda c: (c[0], c[1]))
    return _Last(value, on)


def _windows(db: Session, route: str | None, today: date) -> tuple[ReadingWindow | None, ReadingWindow | None]:
    """(the window open today, the next one to open) for a route."""
    if not route:
        return None, None
    rows = db.scalars(
        select(LocalReadingWindow)
        .where(LocalReadingWindow.route == route, LocalReadingWindow.closes_on >= today)
        .order_by(LocalReadingWindow.opens_on)
    ).all()
    windows = [ReadingWindow(r.route, r.opens_on, r.closes_on) for r in rows]
    current = next((w for w in windows if w.contains(today)), None)
    upcoming = next((w for w in windows if w.opens_on > today), None)
    return current, upcoming


def _metered_supply(db: Session, account_id: int, supply_id: int) -> LocalSupply:
    supply = own_supply(db, account_id, supply_id)
    if not Service(supply.service).metered or not supply.meter_number:
        raise ServiceError("supply_not_metered")
    if not supply.active:
        raise ServiceError("supply_inactive")
    return supply


class ReadingService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def check(self, session: CustomerSession, supply_id: int, today: date | None = None) -> ReadingCheck:
        """The last reading and the window: what the screen shows before the keypad."""
        account_id = self._ctx.sessions.check(session)
        today = today or self._ctx.today()
        with self._ctx.factory() as db:
            supply = _metered_supply(db, account_id, supply_id)
            last = _last_reading(db, supply_id)
            window, upcoming = _windows(db, supply.route, today)
            names = plan_names(db) if supply.plan_id else {}
            periods = self._ctx.config.readings.history_periods
            return ReadingCheck(
                supply=to_supply(supply, names.get(supply.plan_id) if supply.plan_id else None),
                last_value=last.value if last else None,
                last_read_on=last.on if last else None,
                window=window,
                next_window=None if window else upcoming,
                today=today,
                average=average_consumption(consumption_points(db, supply_id, periods), periods),
                average_periods=periods,
            )

    def submit(
        self,
        session: CustomerSession,
        supply_id: int,
        value: int,
        *,
        confirm_rollover: bool = False,
        confirm_high: bool = False,
        today: date | None = None,
    ) -> ReadingReceipt:
        account_id = self._ctx.sessions.check(session)
        today = today or self._ctx.today()
        rules = self._ctx.config.readings
        with self._ctx.factory.begin() as db:
            supply = _metered_supply(db, account_id, supply_id)
            window, upcoming = _windows(db, supply.route, today)
            if window is None:
                raise ServiceError("reading_window_closed", next_opens_on=upcoming.opens_on if upcoming else None)
            if value < 0:
                raise ValidationError("negative_value", field="value")
            digits = supply.meter_digits
            if digits and value >= 10**digits:
                raise ValidationError("too_many_digits", field="value", digits=digits)
            last = _last_reading(db, supply_id)
            consumption: int | None = None
            rollover = flagged = False
            if last is not None:
                if value < last.value:
                    if not confirm_rollover:
                        raise ServiceError("rollover_confirm", last_value=last.value)
                    rollover = True
                    consumption = 10 ** (digits or len(str(last.value))) - last.value + value
                else:
                    consumption = value - last.value
                # The same average the consumption screen shows (one formula, same periods).
                periods = rules.history_periods
                average = average_consumption(consumption_points(db, supply_id, periods), periods)
                if average and consumption > Decimal(str(rules.plausibility_factor)) * average:
                    if not confirm_high:
                        raise ServiceError("high_confirm", average=average, consumption=consumption)
                    flagged = True
            now = self._ctx.now()
            row = LocalReadingSubmission(
                id=new_id(),
                kiosk_id=self._ctx.config.kiosk.id,
                branch_id=self._ctx.config.kiosk.branch,
                created_at=now,
                number=next_number(db, self._ctx.config),
                account_id=account_id,
                supply_id=supply_id,
                period=f"{today:%Y-%m}",
                value=value,
                previous_value=last.value if last else None,
                consumption=consumption,
                rollover=rollover,
                flagged=flagged,
            )
            queue(db, row)
            receipt = ReadingReceipt(
                id=row.id,
                number=row.number,
                account_id=account_id,
                supply_id=supply_id,
                meter_number=supply.meter_number or "",
                value=value,
                previous_value=row.previous_value,
                consumption=consumption,
                rollover=rollover,
                flagged=flagged,
                created_at=now,
                kiosk_id=row.kiosk_id,
                unit=Service(supply.service).unit,
            )
        return receipt

    def receipt(self, number: str) -> ReadingReceipt:
        """A committed reading read back by its number, so staff can print its receipt again."""
        with self._ctx.factory() as db:
            row = db.scalar(select(LocalReadingSubmission).where(LocalReadingSubmission.number == number.strip()))
            supply = db.get(LocalSupply, row.supply_id) if row is not None else None
            if row is None or supply is None:
                raise ServiceError("document_unavailable")
            return ReadingReceipt(
                id=row.id,
                number=row.number,
                account_id=row.account_id,
                supply_id=row.supply_id,
                meter_number=supply.meter_number or "",
                value=row.value,
                previous_value=row.previous_value,
                consumption=row.consumption,
                rollover=row.rollover,
                flagged=row.flagged,
                created_at=row.created_at,
                kiosk_id=row.kiosk_id,
                unit=Service(supply.service).unit,
            )

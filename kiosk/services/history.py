"""History older than the replica's retention window, read from central when it answers.

The replica keeps the last `[central] retention_periods` months (kiosk.sync.retention); the consumption chart
offers 24 periods. The older points come from central's meter readings, with the same "latest reading of a period
wins" rule; when central is not configured or does not answer, the chart shows what the replica has.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from db.models import CentralMeterReading
from kiosk.domain import ConsumptionPoint, ReadingKind
from kiosk.services.context import ServiceContext

log = logging.getLogger(__name__)


def older_consumption(ctx: ServiceContext, supply_id: int, before_period: str, periods: int) -> list[ConsumptionPoint]:
    """Up to `periods` consumption points of the supply before `before_period`, oldest first; [] offline."""
    if ctx.central is None or periods <= 0:
        return []
    m = CentralMeterReading
    query = (
        select(m.period, m.consumption, m.kind)
        .where(m.supply_id == supply_id, m.consumption.is_not(None), m.period < before_period)
        .order_by(m.period.desc(), m.read_on.desc(), m.id.desc())
        .limit(periods * 2)
    )
    try:
        with ctx.central.connect() as conn:
            rows = conn.execute(query).all()
    except SQLAlchemyError as error:
        log.info("older consumption not available from central: %s", type(error).__name__)
        return []
    by_period: dict[str, ConsumptionPoint] = {}
    for period, consumption, kind in rows:
        try:
            reading_kind = ReadingKind(kind)
        except ValueError:
            reading_kind = ReadingKind.ESTIMATED
        by_period.setdefault(period, ConsumptionPoint(period, Decimal(consumption or 0), reading_kind, None))
    return sorted(by_period.values(), key=lambda p: p.period)[-periods:]

"""The local outbox: queue an intake row for push in the caller's transaction.

A service writes a claim (or reading, request, print log, audit event...) and its outbox entry in the same local
transaction, so nothing a customer submitted can exist without being queued and nothing queued lacks its row.
The push side (kiosk.sync.push) reads the outbox in `seq` order and marks entries sent only after the central
commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.base import INTAKE_TABLES
from db.models import OutboxEntry

PENDING = "pending"
SENT = "sent"
PARKED = "parked"


@dataclass(frozen=True, slots=True)
class ParkedRow:
    """An outbox row the central database rejected: shown in maintenance mode, never dropped."""

    seq: int
    table_name: str
    row_id: str
    attempts: int
    reason: str
    created_at: datetime


def enqueue(session: Session, row: object) -> None:
    """Add `row` (a Local* intake object with an id) and its outbox entry to the caller's transaction.

    The caller commits; nothing is flushed here beyond what the session does on its own. The row must have its
    UUID `id` set already (the kiosk makes it), because the outbox refers to it by id.
    """
    table_name = getattr(row, "__tablename__", None)
    if table_name not in INTAKE_TABLES:
        raise ValueError(f"not an intake row: {type(row).__name__}")
    row_id = getattr(row, "id", None)
    if not row_id:
        raise ValueError("an intake row needs its id before it is queued")
    session.add(row)
    session.add(OutboxEntry(table_name=table_name, row_id=str(row_id), state=PENDING, attempts=0,
                            created_at=datetime.now(UTC)))


def outbox_depth(session: Session) -> int:
    """Rows waiting to be pushed (pending, not parked)."""
    return int(session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == PENDING))
               or 0)


def parked_count(session: Session) -> int:
    """Rows the central database rejected, waiting for a technician."""
    return int(session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == PARKED))
               or 0)


def parked(session: Session) -> list[ParkedRow]:
    """The parked rows with their reasons, oldest first."""
    rows = session.scalars(select(OutboxEntry).where(OutboxEntry.state == PARKED).order_by(OutboxEntry.seq))
    return [
        ParkedRow(seq=e.seq, table_name=e.table_name, row_id=e.row_id, attempts=e.attempts,
                  reason=e.last_error or "", created_at=e.created_at)
        for e in rows
    ]


def requeue_parked(session: Session, seq: int | None = None) -> int:
    """Put parked rows (one, or all) back in the queue, e.g. after central was fixed; returns how many."""
    stmt = select(OutboxEntry).where(OutboxEntry.state == PARKED)
    if seq is not None:
        stmt = stmt.where(OutboxEntry.seq == seq)
    n = 0
    for entry in session.scalars(stmt):
        entry.state = PENDING
        entry.attempts = 0
        entry.next_attempt_at = None
        n += 1
    return n

"""Writing intake rows: the row and its outbox entry in the caller's transaction, numbered without central.

Numbers are `{branch}-{kiosk}-{sequence:06d}`: branch and kiosk ids are unique in the fleet and the sequence
lives in the replica's KioskState, incremented in the same transaction as the row it numbers, so a number is
never handed out twice even across a crash, and claims, readings and requests of one kiosk share it.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import KioskState
from kiosk.config import Config
from kiosk.sync.outbox import enqueue

SEQUENCE_KEY = "case_sequence"


def new_id() -> str:
    return str(uuid.uuid4())


def next_number(session: Session, config: Config) -> str:
    """The next fleet-unique case number; the increment commits or rolls back with the caller's row."""
    state = session.execute(
        select(KioskState).where(KioskState.key == SEQUENCE_KEY).with_for_update()
    ).scalar_one_or_none()
    if state is None:
        state = KioskState(key=SEQUENCE_KEY, value="0")
        session.add(state)
    sequence = int(state.value) + 1
    state.value = str(sequence)
    session.flush()
    return f"{config.kiosk.branch}-{config.kiosk.id}-{sequence:06d}"


def queue(session: Session, row: object) -> None:
    """Add an intake row and its outbox entry to the caller's transaction (kiosk.sync.outbox.enqueue)."""
    enqueue(session, row)

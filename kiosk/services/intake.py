"""Writing intake rows: the row and its outbox entry in the caller's transaction, numbered without central.

Numbers are `{branch}-{kiosk}-{epoch}-{sequence:06d}` (e.g. `B01-K01-7QX-000001`): branch and kiosk ids are
unique in the fleet and the sequence lives in the replica's KioskState, incremented in the same transaction as
the row it numbers, so a number is never handed out twice even across a crash, and claims, readings and
requests of one kiosk share it.

The epoch is why numbers stay unique when a replica is deleted and rebuilt: the sequence restarts at 1 with the
new file, but the new file also gets a new epoch (three random Crockford base-32 characters made with the
replica's first number and kept in it). That needs no round-trip to central, so a kiosk whose replica was
rebuilt while central is away still hands out receipts at once, which seeding the sequence from central's
maximum on first sync could not. Three characters keep the number short for a customer reading it at the counter;
two rebuilds of the same kiosk draw the same epoch with a chance of 1 in 32768, and even then nothing is lost
silently: central rejects the duplicate, the row is parked and `sync` exits non-zero naming it.
"""

from __future__ import annotations

import secrets
import uuid

from sqlalchemy import Integer, String, cast, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from db.models import KioskState
from kiosk.config import Config
from kiosk.sync.outbox import enqueue

SEQUENCE_KEY = "case_sequence"
EPOCH_KEY = "replica_epoch"
EPOCH_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U to misread at the counter
EPOCH_LENGTH = 3


def new_id() -> str:
    return str(uuid.uuid4())


def new_epoch() -> str:
    return "".join(secrets.choice(EPOCH_ALPHABET) for _ in range(EPOCH_LENGTH))


def replica_epoch(session: Session) -> str:
    """This replica's epoch, made on first use in the caller's transaction (a concurrent first use keeps one)."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(KioskState).values(key=EPOCH_KEY, value=new_epoch()).on_conflict_do_nothing(index_elements=["key"])
    )
    return str(session.execute(select(KioskState.value).where(KioskState.key == EPOCH_KEY)).scalar_one())


def next_number(session: Session, config: Config) -> str:
    """The next fleet-unique case number; the increment commits or rolls back with the caller's row.

    The UPDATE comes first so that it takes the write lock (SQLite) or the row lock (PostgreSQL) before the
    value is read: two use cases running at once can never read the same sequence value.
    """
    bump = (
        update(KioskState)
        .where(KioskState.key == SEQUENCE_KEY)
        .values(value=cast(cast(KioskState.value, Integer) + 1, String))
        .execution_options(synchronize_session=False)
    )
    if getattr(session.execute(bump), "rowcount", 0) == 0:
        # First number of this replica: create the row (a concurrent first use creates it only once), bump it.
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        session.execute(
            insert(KioskState).values(key=SEQUENCE_KEY, value="0").on_conflict_do_nothing(index_elements=["key"])
        )
        session.execute(bump)
    sequence = int(session.execute(select(KioskState.value).where(KioskState.key == SEQUENCE_KEY)).scalar_one())
    return f"{config.kiosk.branch}-{config.kiosk.id}-{replica_epoch(session)}-{sequence:06d}"


def queue(session: Session, row: object) -> None:
    """Add an intake row and its outbox entry to the caller's transaction (kiosk.sync.outbox.enqueue)."""
    enqueue(session, row)

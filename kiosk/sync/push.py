"""Push: send queued intake rows to central, exactly once, in creation order.

Rows go in outbox `seq` order with `INSERT ... ON CONFLICT (id) DO NOTHING`, one central transaction per batch;
their outbox entries are marked sent only after that commit. A kill between the central commit and the local
mark re-sends the batch next time, and the conflict clause makes the repeat a no-op: every row exists centrally
exactly once.

A batch central rejects (IntegrityError/DataError: a constraint or a value it will never accept) is retried
row by row inside savepoints; the rejected rows are parked with the database's reason (its primary message, which
names the constraint but not the values) and the good ones still go. Connection errors never park anything:
the entries keep their place, count an attempt and wait (exponential backoff with jitter) before the next try.

Once central has a row, its personal fields are blanked in the replica in the same local transaction that marks
it sent (PURGED_FIELDS): the kiosk keeps number, status and summary for its screens, not a customer's phone or
document number longer than it needs them. Parked rows keep theirs until a technician resolves them.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table, exc, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from db.base import INTAKE_TABLES, CentralBase, LocalBase
from db.models import OutboxEntry
from kiosk.sync.central import is_connection_error
from kiosk.sync.outbox import PARKED, PENDING, SENT
from kiosk.sync.report import CentralUnavailable, ProgressEvent, TableCounts

BACKOFF_BASE_S = 2.0
BACKOFF_CAP_S = 900.0

_REJECTIONS = (exc.IntegrityError, exc.DataError)

# Personal fields of intake rows, blanked locally once central confirmed the row (README: what stays on disk).
PURGED_FIELDS: dict[str, dict[str, Any]] = {
    "claims": {"contact_phone": ""},
    "pin_requests": {"document_number": ""},
    "contact_change_requests": {"phone": None, "email": None},
    "service_requests": {"payload": "{}"},  # the form's fields: phones, document of a new holder
}


def backoff_delay(attempts: int, rng: random.Random | None = None) -> float:
    """Seconds before retry number `attempts`: 2, 4, 8, ... capped at 15 min, times a jitter in [0.5, 1.5)."""
    rng = rng or random.Random()
    base = min(BACKOFF_CAP_S, BACKOFF_BASE_S * (2 ** max(0, attempts - 1)))
    return base * (0.5 + rng.random())


def rejection_reason(error: BaseException) -> str:
    """The database's primary message (constraint name, not the values): safe to keep and show."""
    orig = getattr(error, "orig", None)
    diag = getattr(orig, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    text = primary or str(orig or error).splitlines()[0]
    return f"{type(orig or error).__name__}: {text}"[:500]


class Pusher:
    """Pushes due outbox entries from the replica (`local_begin`) to central (`central` connection)."""

    def __init__(self, central: Connection, local_begin: Callable[[], Any], *, batch_size: int = 500,
                 progress: Callable[[ProgressEvent], None] | None = None,
                 stop: threading.Event | None = None, branch_id: str = "") -> None:
        self.central = central
        self.local_begin = local_begin
        self.branch_id = branch_id  # labels rows written before intake rows carried their branch
        self.n = batch_size
        self.progress = progress
        self.stop = stop
        self.is_pg = central.dialect.name == "postgresql"

    def _insert(self, table: Table) -> Any:
        stmt = pg_insert(table) if self.is_pg else sqlite_insert(table)
        return stmt.on_conflict_do_nothing(index_elements=["id"])

    def _due(self, now: datetime, limit: int) -> list[OutboxEntry]:
        with self.local_begin() as lconn:
            rows = lconn.execute(
                select(OutboxEntry.seq, OutboxEntry.table_name, OutboxEntry.row_id, OutboxEntry.attempts)
                .where(OutboxEntry.state == PENDING)
                .where(or_(OutboxEntry.next_attempt_at.is_(None), OutboxEntry.next_attempt_at <= now))
                .order_by(OutboxEntry.seq)
                .limit(limit)
            ).all()
        return [OutboxEntry(seq=s, table_name=t, row_id=r, attempts=a) for s, t, r, a in rows]

    def _load(self, entries: Sequence[OutboxEntry]) -> dict[str, dict[str, Any]]:
        """Local intake rows of the entries, by id, as column dicts for the central insert."""
        by_table: dict[str, list[str]] = {}
        for e in entries:
            by_table.setdefault(e.table_name, []).append(e.row_id)
        out: dict[str, dict[str, Any]] = {}
        with self.local_begin() as lconn:
            for name, ids in by_table.items():
                table = LocalBase.metadata.tables[name]
                for row in lconn.execute(select(table).where(table.c.id.in_(ids))).mappings():
                    out[row["id"]] = dict(row)
                    if not row["branch_id"] and self.branch_id:  # queued before the upgrade that added it
                        out[row["id"]]["branch_id"] = self.branch_id
        return out

    def push(self, counts: dict[str, TableCounts], now: Callable[[], datetime] | None = None) -> bool:
        """Push every due entry; True when the due queue was emptied (the "last push" moment)."""
        clock = now or (lambda: datetime.now(UTC))
        seen_max = 0
        while True:
            if self.stop is not None and self.stop.is_set():
                return False
            entries = [e for e in self._due(clock(), self.n) if e.seq > seen_max]
            if not entries:
                return True
            seen_max = entries[-1].seq
            rows = self._load(entries)
            try:
                sent, parked = self._send(entries, rows)
            except Exception as error:
                if is_connection_error(error):
                    # Central is away: the engine backs off as a whole; the rows keep their place in the queue.
                    self._retry_later(entries, clock(), backoff=False)
                    raise CentralUnavailable(f"central database unreachable during push: {type(error).__name__}") \
                        from error
                self._retry_later(entries, clock(), backoff=True, reason=type(error).__name__)
                raise
            self._mark(sent, parked, clock())
            for e in sent:
                counts.setdefault(e.table_name, TableCounts()).pushed += 1
            for e, _ in parked:
                counts.setdefault(e.table_name, TableCounts()).parked += 1
            if self.progress is not None:
                self.progress(ProgressEvent("push", "", len(sent), 0, 0))

    def _send(self, entries: list[OutboxEntry], rows: dict[str, dict[str, Any]]
              ) -> tuple[list[OutboxEntry], list[tuple[OutboxEntry, str]]]:
        parked: list[tuple[OutboxEntry, str]] = []
        present = []
        for e in entries:
            if e.table_name not in INTAKE_TABLES:
                parked.append((e, f"unknown table {e.table_name!r}"))
            elif e.row_id not in rows:
                parked.append((e, "local row missing"))
            else:
                present.append(e)
        try:
            with self.central.begin():
                for name, run in _runs(present):
                    self.central.execute(self._insert(CentralBase.metadata.tables[name]),
                                         [rows[e.row_id] for e in run])
            return present, parked
        except _REJECTIONS:
            pass
        # Someone in the batch is rejected: find who, row by row, and send the others.
        good: list[OutboxEntry] = []
        with self.central.begin():
            for e in present:
                sp = self.central.begin_nested()
                try:
                    self.central.execute(self._insert(CentralBase.metadata.tables[e.table_name]), [rows[e.row_id]])
                    sp.commit()
                    good.append(e)
                except _REJECTIONS as error:
                    sp.rollback()
                    parked.append((e, rejection_reason(error)))
        return good, parked

    def _mark(self, sent: Sequence[OutboxEntry], parked: Sequence[tuple[OutboxEntry, str]], now: datetime) -> None:
        with self.local_begin() as lconn:
            if sent:
                lconn.execute(update(OutboxEntry).where(OutboxEntry.seq.in_([e.seq for e in sent]))
                              .values(state=SENT, sent_at=now, attempts=OutboxEntry.attempts + 1, last_error=None))
                for name, run in _runs(sorted(sent, key=lambda e: e.table_name)):
                    if name in PURGED_FIELDS:
                        table = LocalBase.metadata.tables[name]
                        lconn.execute(update(table).where(table.c.id.in_([e.row_id for e in run]))
                                      .values(**PURGED_FIELDS[name]))
            for e, reason in parked:
                lconn.execute(update(OutboxEntry).where(OutboxEntry.seq == e.seq)
                              .values(state=PARKED, attempts=OutboxEntry.attempts + 1, last_error=reason))

    def _retry_later(self, entries: Sequence[OutboxEntry], now: datetime, *, backoff: bool,
                     reason: str = "central unreachable") -> None:
        try:
            with self.local_begin() as lconn:
                for e in entries:
                    due = now + timedelta(seconds=backoff_delay(e.attempts + 1)) if backoff else None
                    lconn.execute(update(OutboxEntry).where(OutboxEntry.seq == e.seq).values(
                        attempts=OutboxEntry.attempts + 1, next_attempt_at=due, last_error=reason))
        except Exception:  # the retry bookkeeping must never hide the real error
            pass


def _runs(entries: Sequence[OutboxEntry]) -> list[tuple[str, list[OutboxEntry]]]:
    """Consecutive entries of the same table, in seq order (one executemany each)."""
    out: list[tuple[str, list[OutboxEntry]]] = []
    for e in entries:
        if out and out[-1][0] == e.table_name:
            out[-1][1].append(e)
        else:
            out.append((e.table_name, [e]))
    return out

"""The kiosk's side of the central database: connections, error mapping, and the safe pull horizon.

Why a horizon: row_version comes from one central sequence, assigned when a row is written, but visible only
when its transaction commits. On PostgreSQL a transaction may take row_version 100, stay open, and commit after
another transaction with 101 already committed and was pulled; a naive `row_version > checkpoint` would then
skip 100 forever. So each pull only goes up to a *safe watermark* W per table:

1. In one statement, read the largest visible row_version of each table (and of its tombstones) together with
   `pg_current_snapshot()`; then read the snapshot's xmax once more.
2. Every row_version <= W was handed out before that moment, so it belongs to a transaction that has either
   committed (visible) or was still running, i.e. has an xid below the snapshot's xmax.
3. Wait (briefly, polling) until `pg_snapshot_xmin(pg_current_snapshot()) >= xmax`: no transaction that
   could still publish a row_version <= W is running any more. Then everything <= W is final and the checkpoint
   can move to exactly W: nothing skipped, nothing pulled twice.

Read-only central transactions have no xid and never hold this back. A long-running *writer* does: the horizon
taken now is kept in kiosk_state and the previous one is used as soon as it is safe, so a pull is never
blocked for longer than that writer runs. The read of the second xmax (step 1) narrows the window in which a
writer has taken its row_version but not yet its xid; central's row_version trigger closes it by taking the xid
first (`pg_current_xact_id()`), and reconcile is the backstop either way. On a SQLite central (the demo)
writers are serialised, so the watermark is simply the current maximum.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, exc, text
from sqlalchemy.engine import make_url

from db.base import REFERENCE_TABLES
from db.engine import central_engine
from kiosk.sync import state
from kiosk.sync.report import CentralUnavailable


def is_connection_error(error: BaseException) -> bool:
    """True for errors that mean "central is not there right now" (never a reason to park a row)."""
    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return True
    if isinstance(error, exc.OperationalError | exc.InterfaceError | exc.DisconnectionError):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        return False
    return isinstance(error, psycopg.OperationalError | psycopg.InterfaceError)


@contextmanager
def mapped_errors(what: str) -> Iterator[None]:
    """Turn connection-level errors into CentralUnavailable (with no personal data in the message)."""
    try:
        yield
    except Exception as error:
        if is_connection_error(error):
            raise CentralUnavailable(f"central database unreachable during {what}: {type(error).__name__}") from error
        raise


class Central:
    """An engine on central owned by one sync engine (one thread); `is_pg` selects the fast paths."""

    def __init__(self, url: str, *, connect_timeout: float = 5.0) -> None:
        self.url = url
        self.engine: Engine = central_engine(url, connect_timeout=connect_timeout, pool_size=2, max_overflow=2) \
            if make_url(url).get_backend_name() != "sqlite" else central_engine(url)
        self.is_pg = self.engine.dialect.name == "postgresql"

    def connect(self, what: str = "connect") -> Connection:
        with mapped_errors(what):
            return self.engine.connect()

    def dispose(self) -> None:
        self.engine.dispose()

    # -- horizon ---------------------------------------------------------------------------------------------

    def _marks_sql(self) -> str:
        parts = []
        for t in REFERENCE_TABLES:
            parts.append(f'(SELECT coalesce(max(row_version), -1) FROM "{t}")')
            parts.append(f"(SELECT coalesce(max(row_version), -1) FROM tombstones WHERE table_name = '{t}')")
        return ", ".join(parts)

    def _marks(self, row: Any, offset: int) -> dict[str, int]:
        values = [int(v) for v in row[offset:]]
        return {t: max(values[2 * i], values[2 * i + 1]) for i, t in enumerate(REFERENCE_TABLES)}

    def safe_marks(self, conn: Connection, local: Connection, wait_s: float) -> dict[str, int] | None:
        """Per-table row_version up to which pulling is safe now, or None to wait for central writers."""
        if not self.is_pg:
            return self._marks(conn.execute(text(f"SELECT {self._marks_sql()}")).one(), 0)
        row = conn.execute(text(
            f"SELECT pg_snapshot_xmin(pg_current_snapshot())::text, {self._marks_sql()}")).one()
        marks = self._marks(row, 1)
        xmax = int(conn.execute(text("SELECT pg_snapshot_xmax(pg_current_snapshot())::text")).scalar_one())
        conn.rollback()
        deadline = time.monotonic() + wait_s
        delay = 0.002
        while True:
            xmin = self._xmin(conn)
            if xmin >= xmax:
                state.put(local, state.PULL_HORIZON, "")
                return marks
            if time.monotonic() >= deadline:
                break
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
        # A central writer is still running: fall back to the last stored horizon if it is safe by now.
        raw = state.get(local, state.PULL_HORIZON)
        previous = json.loads(raw) if raw else None
        if previous and int(previous["xmax"]) <= xmin:
            state.put(local, state.PULL_HORIZON, json.dumps({"xmax": xmax, "marks": marks}))
            return {t: int(v) for t, v in previous["marks"].items()}
        if not previous:
            state.put(local, state.PULL_HORIZON, json.dumps({"xmax": xmax, "marks": marks}))
        return None

    @staticmethod
    def _xmin(conn: Connection) -> int:
        value = int(conn.execute(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")).scalar_one())
        conn.rollback()
        return value

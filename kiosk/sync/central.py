"""The kiosk's side of the central database: connections, error mapping, and the safe pull horizon.

Why a horizon: row_version comes from one central sequence, assigned when a row is written, but visible only
when its transaction commits. On PostgreSQL a transaction may take row_version 100, stay open, and commit after
another transaction with 101 already committed and was pulled; a naive `row_version > checkpoint` would then
skip 100 forever. So each pull only goes up to a *safe watermark* W per table:

1. In one statement, read the largest visible row_version of each table (and of its tombstones) and the
   transaction ids of the writers in progress in this database (`pg_stat_activity.backend_xid`, read after
   the statement's snapshot was taken).
2. Every row_version <= W is either visible already or belongs to one of those writers: central's stamping
   trigger takes the transaction's xid (`pg_current_xact_id()`) *before* `nextval`, so a writer holding a
   row_version always shows up with its xid.
3. Wait (briefly, polling) until none of those writers is running any more. Then everything <= W is final and
   the checkpoint can move to exactly W: nothing skipped, nothing pulled twice.

Only writers of this database count (a cluster-wide `pg_snapshot_xmin` would also wait for every other
database on the server), and read-only transactions have no xid. A long-running writer does hold a pull back:
the horizon taken now is kept in kiosk_state and used by a later round as soon as its writers are gone, so a
pull is never held back for longer than that writer runs; reconcile is the backstop for anything else
(prepared two-phase transactions, a central without the xid-first trigger). On a SQLite central (the demo)
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
from sqlalchemy.pool import NullPool

from db.base import REFERENCE_TABLES
from db.central_ddl import KIOSK_VIEWS
from db.engine import central_engine
from kiosk.sync import state
from kiosk.sync.report import CentralMisconfigured, CentralUnavailable, SyncError

# Writers in progress in *this* database (other databases of the cluster cannot hand out our row_versions).
# backend_xid is visible to any role, unlike the query text of other sessions.
_WRITERS_SQL = ("SELECT backend_xid FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()")


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


# What the driver's message says -> the cause in a word or two. psycopg reports connection failures as
# OperationalError with libpq's text; SQLite as "unable to open database file".
_CAUSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("authentication failed", ("password authentication failed", "authentication failed", "no password supplied",
                               "no pg_hba.conf entry", "role \"")),
    ("refused", ("connection refused",)),
    ("timeout", ("timeout expired", "timed out", "timeout")),
    ("unknown host", ("could not translate host name", "name or service not known", "nodename nor servname",
                      "temporary failure in name resolution", "name resolution")),
    ("connection lost", ("server closed the connection", "terminating connection", "connection lost",
                         "connection is closed", "consuming input failed", "the connection is lost")),
    ("cannot open file", ("unable to open database file",)),
)
# Causes a retry cannot cure: the settings are wrong (exit 2 from `sync --once`, like a bad config file).
MISCONFIGURED = frozenset({"authentication failed", "unknown database"})


def connection_cause(error: BaseException) -> tuple[str, str]:
    """(cause, driver's first line) for a connection error: cause is refused, timeout, unknown database,
    authentication failed, unknown host, connection lost, cannot open file, or the exception type."""
    orig: BaseException = getattr(error, "orig", None) or error
    first = (str(orig).strip().splitlines() or [""])[0].strip()
    for candidate in (orig, orig.__cause__):  # not str(error): SQLAlchemy adds the SQL parameters
        text = str(candidate or "").lower()
        if 'database "' in text and "does not exist" in text:  # before 'role "...' (authentication)
            return "unknown database", first[:200]
        for cause, needles in _CAUSES:
            if any(n in text for n in needles):
                return cause, first[:200]
    return type(orig).__name__, first[:200]


def unavailable(error: BaseException, what: str) -> SyncError:
    """The SyncError for a connection error: its cause in words, CentralMisconfigured when retrying is futile."""
    cause, first = connection_cause(error)
    detail = f"{cause}" + (f" ({first})" if first and first.lower() != cause else "")
    if cause in MISCONFIGURED:
        return CentralMisconfigured(f"central database refused this kiosk during {what}: {detail}")
    return CentralUnavailable(f"central database unreachable during {what}: {detail}")


@contextmanager
def mapped_errors(what: str) -> Iterator[None]:
    """Turn connection-level errors into CentralUnavailable/CentralMisconfigured naming the cause (no SQL
    parameters, so no personal data, in the message)."""
    try:
        yield
    except Exception as error:
        if is_connection_error(error):
            raise unavailable(error, what) from error
        raise


class Central:
    """An engine on central owned by one sync engine (one thread); `is_pg` selects the fast paths."""

    def __init__(self, url: str, *, connect_timeout: float = 5.0) -> None:
        self.url = url
        # No pool on PostgreSQL: a kiosk syncs once a minute, and an idle connection held between rounds would cost
        # central one backend per kiosk (1,000 kiosks: more than max_connections). A connect per round is cheap.
        self.engine: Engine = central_engine(url, connect_timeout=connect_timeout, poolclass=NullPool) \
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
            rel = KIOSK_VIEWS.get(t, t) if self.is_pg else t  # PostgreSQL: the kiosk role reads the masked view
            parts.append(f'(SELECT coalesce(max(row_version), -1) FROM "{rel}")')
            parts.append(f"(SELECT coalesce(max(row_version), -1) FROM tombstones WHERE table_name = '{t}')")
        return ", ".join(parts)

    def _marks(self, row: Any, offset: int) -> dict[str, int]:
        """One watermark for every table: the largest row_version visible anywhere.

        All tables draw from one sequence, so every row_version up to the global maximum was handed out before
        the snapshot; a per-table maximum would leave a change of a quiet table waiting one round longer.
        """
        top = max(int(v) for v in row[offset:])
        return dict.fromkeys(REFERENCE_TABLES, top)

    def safe_marks(self, conn: Connection, local: Connection, wait_s: float) -> dict[str, int] | None:
        """Per-table row_version up to which pulling is safe now, or None to wait for central writers."""
        if not self.is_pg:
            return self._marks(conn.execute(text(f"SELECT {self._marks_sql()}")).one(), 0)
        writers = f"ARRAY(SELECT w.backend_xid::text FROM ({_WRITERS_SQL}) w)"
        row = conn.execute(text(f"SELECT {writers}, {self._marks_sql()}")).one()
        xids = [str(x) for x in row[0] or []]
        marks = self._marks(row, 1)
        deadline = time.monotonic() + wait_s
        delay = 0.002
        while True:
            if not self._running(conn, xids):
                state.put(local, state.PULL_HORIZON, "")
                return marks
            if time.monotonic() >= deadline:
                break
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
        # A central writer is still running: fall back to the last stored horizon if it is safe by now.
        raw = state.get(local, state.PULL_HORIZON)
        previous = json.loads(raw) if raw else None
        candidate = json.dumps({"xids": xids, "marks": marks})
        if previous and not self._running(conn, [str(x) for x in previous["xids"]]):
            state.put(local, state.PULL_HORIZON, candidate)
            return {t: int(v) for t, v in previous["marks"].items()}
        if not previous:
            state.put(local, state.PULL_HORIZON, candidate)
        return None

    @staticmethod
    def _running(conn: Connection, xids: list[str]) -> bool:
        """True while any of these transactions (of this database) is still in progress."""
        if not xids:
            return False
        n = conn.execute(text(f"SELECT count(*) FROM ({_WRITERS_SQL}) w WHERE w.backend_xid::text = ANY(:x)"),
                         {"x": xids}).scalar_one()
        conn.rollback()  # a new transaction per poll: pg_stat_activity is cached per transaction
        return bool(n)

"""The sync engine: one object per thread or process, with its own connections to central and the replica.

`SyncEngine(central_url, replica_path, kiosk_id, branch_id).run_once(reconcile=False)` does, in order:

1. schema check (central's schema version against this build's; a mismatch stops here, nothing applied),
2. push the due outbox rows (customers' submissions leave first),
3. pull every reference table up to the safe horizon,
4. reconcile when asked (then push again whatever it put back in the queue),
5. heartbeat.

Nothing here raises for an unreachable central: the report says `ok=False, error_code="central_unavailable"`
and the replica keeps serving. `next_delay()` gives the exponential backoff (with jitter) the caller waits
before the next run after failures.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine

from db.base import LocalBase
from db.engine import local_engine
from kiosk.sync import heartbeat, schema, state
from kiosk.sync.central import Central, is_connection_error, mapped_errors, unavailable
from kiosk.sync.outbox import outbox_depth, parked, parked_count
from kiosk.sync.pull import Puller, load_checkpoints
from kiosk.sync.push import Pusher
from kiosk.sync.reconcile import Reconciler
from kiosk.sync.replica_check import check_replica
from kiosk.sync.report import CentralUnavailable, ProgressEvent, SyncError, SyncReport, SyncStatus, TableCounts
from kiosk.sync.retention import Window, prune, stored_window

Progress = Callable[[ProgressEvent], None]

log = logging.getLogger(__name__)


def _one_line(error: BaseException) -> str:
    """Type and first line of the driver's message: SQLAlchemy's own text would add the SQL parameters."""
    orig = getattr(error, "orig", None) or error
    first = (str(orig).strip().splitlines() or [""])[0]
    return f"{type(orig).__name__}: {first}"[:300]


class SyncEngine:
    """Pull, push, reconcile and heartbeat for one kiosk; not thread-safe (one engine per thread)."""

    def __init__(self, central_url: str, replica_path: Path | str, kiosk_id: str, branch_id: str, *,
                 batch_size: int = 5000, push_batch: int = 500, connect_timeout: float = 5.0,
                 horizon_wait: float = 5.0, printer_state: Callable[[], str] | None = None,
                 roll_length_m: float | None = None, progress: Progress | None = None,
                 stop: threading.Event | None = None, fast: bool = True, retention_periods: int = 0,
                 today: Callable[[], date] | None = None) -> None:
        self.replica_path = Path(replica_path)
        # Retention window (kiosk.sync.retention): months of history kept, counted from the kiosk's today.
        self.retention_periods = retention_periods
        self.today = today or date.today
        self.kiosk_id = kiosk_id
        self.branch_id = branch_id
        self.batch_size = batch_size
        self.push_batch = push_batch
        self.horizon_wait = horizon_wait
        self.printer_state = printer_state or (lambda: "unknown")
        # The paper roll's length ([printer] roll_length_m): the heartbeat's paper estimate; None = not reported.
        self.roll_length_m = roll_length_m
        self.progress = progress
        self.stop = stop or threading.Event()
        self.fast = fast
        self.failures = 0
        # A damaged replica is moved aside and rebuilt (outbox salvaged) before anything reads it; the first
        # report says so (kiosk.sync.replica_check).
        found = check_replica(self.replica_path, reported=True)
        self.repair_note: str | None = found.detail if found.rebuilt else None
        self.local: Engine = local_engine(self.replica_path)
        schema.ensure_local(self.local)
        self.central = Central(central_url, connect_timeout=connect_timeout) if central_url else None

    @classmethod
    def from_config(cls, config: Any, **kwargs: Any) -> SyncEngine:
        """From a kiosk.config.Config (central URL, timeouts, batch size, kiosk and branch ids, roll length)."""
        kwargs.setdefault("roll_length_m", config.printer.roll_length_m)
        zone = ZoneInfo(config.kiosk.timezone)
        kwargs.setdefault("retention_periods", config.central.retention_periods)
        kwargs.setdefault("today", lambda: datetime.now(zone).date())
        return cls(config.central_url, config.local_db_path, config.kiosk.id, config.kiosk.branch,
                   batch_size=config.central.batch_size, connect_timeout=config.central.connect_timeout, **kwargs)

    def close(self) -> None:
        if self.central is not None:
            self.central.dispose()
        self.local.dispose()

    def __enter__(self) -> SyncEngine:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- status ----------------------------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        return state.sync_status(self.local)

    def next_delay(self, interval: float, rng: random.Random | None = None) -> float:
        """Seconds to wait before the next run: the interval, or a growing backoff after failures."""
        if self.failures == 0:
            return interval
        rng = rng or random.Random()
        return min(interval * 10, 5.0 * 2 ** (self.failures - 1)) * (0.5 + rng.random())

    # -- the run ---------------------------------------------------------------------------------------------

    def _begin(self) -> Any:
        return self.local.begin()

    def _emit(self, phase: str, table: str = "", rows: int = 0, step: int = 0, steps: int = 0) -> None:
        if self.progress is not None:
            self.progress(ProgressEvent(phase, table, rows, step, steps))

    def run_once(self, reconcile: bool = False, *, pull: bool = True, push: bool = True,
                 send_heartbeat: bool = True) -> SyncReport:
        """One full round; never raises for central being away (see the report's error_code)."""
        started = datetime.now(UTC)
        t0 = time.perf_counter()
        counts: dict[str, TableCounts] = {}
        code: str | None = None
        message: str | None = None
        waiting = False
        beat = False
        try:
            if self.central is None:
                raise CentralUnavailable("no central database configured")
            with self.central.connect("connect") as conn, mapped_errors("schema check"):
                schema.check_central(conn)
            if push:
                self._push(counts)
            if pull:
                waiting = not self._pull(counts)
            if reconcile:
                self._reconcile(counts)
                if push:
                    self._push(counts)
            if send_heartbeat:
                self.heartbeat()
                beat = True
            self.failures = 0
        except SyncError as error:
            code, message = error.code, str(error)
        except Exception as error:
            if is_connection_error(error):
                mapped = unavailable(error, "sync")
                code, message = mapped.code, str(mapped)
            else:  # reported, not raised: the caller's loop must survive; no SQL parameters (personal data) kept
                code, message = "failed", _one_line(error)
                log.error("sync round failed: %s", message)
        if code is not None and code != "stopped":
            self.failures += 1
        with self._begin() as lconn:
            state.put_time(lconn, state.LAST_ATTEMPT_AT, started)
            if code != "stopped":
                state.put(lconn, state.LAST_ERROR, code or "")
            last_pull = state.get_time(lconn, state.LAST_PULL_AT)
        with self.local.connect() as lconn, self._session(lconn) as s:
            depth, n_parked = outbox_depth(s), parked_count(s)
            reasons: dict[tuple[str, str], int] = {}
            for row in parked(s):
                reasons[(row.table_name, row.reason)] = reasons.get((row.table_name, row.reason), 0) + 1
        self._emit("done")
        return SyncReport(
            ok=code is None, started_at=started, duration_s=time.perf_counter() - t0, tables=counts,
            reconciled=reconcile and code is None, outbox_depth=depth, parked=n_parked,
            data_age_s=state.data_age_seconds(last_pull), error_code=code, error=message, heartbeat=beat,
            waiting_for_central=waiting, parked_reasons=tuple((t, r, n) for (t, r), n in reasons.items()),
            replica_repair=self._take_repair_note(),
        )

    def _take_repair_note(self) -> str | None:
        note, self.repair_note = self.repair_note, None
        return note

    @staticmethod
    def _session(conn: Connection) -> Any:
        from sqlalchemy.orm import Session

        return Session(bind=conn)

    @contextmanager
    def _central_conn(self, what: str, autocommit: bool) -> Iterator[Connection]:
        """A central connection that is thrown away, not reset, when central dropped it mid-round.

        The fast pull reads through the raw psycopg cursor, so SQLAlchemy does not see a restart of PostgreSQL
        and would return the dead connection to the pool, whose reset (rollback, isolation level) then fails:
        "Exception during reset or similar" with a traceback on stderr. Invalidating it skips the reset; the
        round reports the cause once (CentralUnavailable) and the next round connects afresh.
        """
        assert self.central is not None
        conn = self.central.connect(what)
        try:
            yield conn.execution_options(isolation_level="AUTOCOMMIT") if autocommit else conn
        except BaseException as error:
            if is_connection_error(error) and not conn.invalidated:
                try:
                    conn.invalidate()
                except Exception as again:  # pragma: no cover - invalidate closes quietly
                    log.debug("discarding a broken central connection: %s", _one_line(again))
            raise
        finally:
            try:
                conn.close()
            except Exception as error:
                if not is_connection_error(error):
                    raise
                log.debug("closing a broken central connection: %s", _one_line(error))

    def _pull(self, counts: dict[str, TableCounts]) -> bool:
        """Pull to the safe horizon; False when central writers made us wait (nothing pulled, not an error)."""
        assert self.central is not None
        with self._central_conn("pull", True) as conn, mapped_errors("pull"):
            with self._begin() as lconn:
                marks = self.central.safe_marks(conn, lconn, self.horizon_wait)
            if marks is None:
                return False
            window = Window.for_today(self.today(), self.retention_periods)
            with self._begin() as lconn:
                dropped = prune(lconn, window)
                if any(dropped.values()):
                    log.info("retention window from %s: dropped %s", window.start if window else "-", dropped)
                checkpoints = load_checkpoints(lconn)
            puller = Puller(conn, self._begin, is_pg=self.central.is_pg and self.fast,
                            batch_size=self.batch_size, progress=self.progress, stop=self.stop, window=window)
            puller.pull_all(checkpoints, marks, counts)
        with self._begin() as lconn:
            state.put_time(lconn, state.LAST_PULL_AT, datetime.now(UTC))
        return True

    def _push(self, counts: dict[str, TableCounts]) -> None:
        with self._central_conn("push", False) as conn:
            emptied = Pusher(conn, self._begin, batch_size=self.push_batch, progress=self.progress,
                             stop=self.stop, branch_id=self.branch_id).push(counts)
        if emptied:
            with self._begin() as lconn:
                state.put_time(lconn, state.LAST_PUSH_AT, datetime.now(UTC))

    def _reconcile(self, counts: dict[str, TableCounts]) -> None:
        assert self.central is not None
        with self._central_conn("reconcile", True) as conn, mapped_errors("reconcile"):
            with self.local.connect() as lconn:
                window = stored_window(lconn)
            puller = Puller(conn, self._begin, is_pg=self.central.is_pg and self.fast, batch_size=self.batch_size,
                            window=window)
            rec = Reconciler(conn, self.local.connect, self._begin, puller, self.kiosk_id)
            self._emit("reconcile")
            rec.reference(counts, stop=self.stop.is_set)
            rec.outbox(counts)

    def heartbeat(self) -> None:
        """Upsert this kiosk's status row in central (raises CentralUnavailable when it is away)."""
        with self.local.connect() as lconn:
            last_pull = state.get_time(lconn, state.LAST_PULL_AT)
            last_push = state.get_time(lconn, state.LAST_PUSH_AT)
            with self._session(lconn) as s:
                depth, n_parked = outbox_depth(s), parked_count(s)
            off, message = heartbeat.out_of_service(lconn)
            paper = heartbeat.paper_left_m(lconn, self.roll_length_m)
            refused = heartbeat.settings_rejected(lconn)
        row = heartbeat.HeartbeatRow(
            kiosk_id=self.kiosk_id, branch_id=self.branch_id, app_version=heartbeat.app_version(),
            schema_version=schema.expected_central() or schema.local_version(), last_pull_at=last_pull,
            last_push_at=last_push,
            outbox_depth=depth, parked=n_parked, printer_state=self.printer_state(),
            free_disk_mb=heartbeat.free_disk_mb(self.replica_path), data_age_s=state.data_age_seconds(last_pull),
            reported_at=datetime.now(UTC), out_of_service=off, service_message=message,
            uptime_seconds=heartbeat.uptime_seconds(), paper_left_m=paper, last_errors=heartbeat.last_errors(),
            settings_rejected=refused,
        )
        with self._central_conn("heartbeat", False) as conn, mapped_errors("heartbeat"):
            heartbeat.send(conn, row)
        with self.local.begin() as lconn:
            state.put_time(lconn, state.LAST_HEARTBEAT_AT, row.reported_at)


def create_replica(path: Path | str) -> None:
    """Create an empty replica file with the local schema (tests, demo)."""
    engine = local_engine(path)
    try:
        LocalBase.metadata.create_all(engine)
    finally:
        engine.dispose()

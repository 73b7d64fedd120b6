"""Fleet load test (issue 13, Scale): N simulated kiosks against one PostgreSQL central, time compressed.

Each simulated kiosk sends a heartbeat every 60 s and an incremental pull every 5 min, both divided by the
speed-up (60x: a heartbeat every 1 s and a pull every 5 s per kiosk, phases spread at random and each due time
jittered by +-10 %), while a writer changes 1,000 rows per (compressed) minute on central: invoices and
payments updated in short transactions, stamped by central's own row_version triggers.

The real code paths, with a real connection: the heartbeat is `kiosk.sync.heartbeat.send` (the upsert), the
pull is `kiosk.sync.central.Central.safe_marks` (the horizon) followed by `kiosk.sync.pull.Puller.pull_table`
for every reference table from the kiosk's own checkpoints (the keyset batches and the tombstone reads, the
retention window of the default config, 13 periods). Each operation runs as that kiosk's own login role
(`SET ROLE "kiosk/<branch>/<kiosk>"`, made with db.central_ddl.create_kiosk_login), so the masked views' grants
and the heartbeat's row-level policy are checked as in production. What the kiosk does locally is left out:
the Puller's `_apply` only counts the rows instead of writing a replica (the central-side cost is what is
measured; the stored tuples are still built), and the horizon's kiosk_state lives in one small in-memory
SQLite per worker thread.

The kiosks share a bounded pool: a scheduler hands due operations to `pool` worker threads, each with one
pooled connection, so 500 kiosks need `pool` backends (the real engine keeps its own connection per kiosk; see
the note this prints). Measured: p50/p95/p99 latency of heartbeat and pull (from the operation's start, and
the scheduling lag behind its due time), operations and writer rows achieved vs. target, the CPU time of this
database's PostgreSQL backends (from /proc), of all postgres processes and of the whole machine,
pg_stat_database / pg_stat_wal / pg_stat_bgwriter deltas, and the `central fleet` query
(kiosk.cli.fleet_data) over the N kiosks' heartbeats.

Defaults are small so `make bench` stays bounded (40 kiosks, 20 s, 2,000 accounts). The full run:

    KIOSK_LOAD_KIOSKS=500 KIOSK_LOAD_SECONDS=150 KIOSK_LOAD_ACCOUNTS=20000 KIOSK_LOAD_POOL=16 \
    KIOSK_LOAD_SPEEDUP=10 KIOSK_LOAD_REPORT=/work/notes/load_test.txt \
    KIOSK_LOAD_EXPLAIN=/work/notes/load_explain.txt \
    .venv/bin/python -m pytest -q -s tests/bench/test_fleet_load_bench.py --override-ini="addopts=-ra --strict-markers"

Other knobs: KIOSK_LOAD_BRANCHES (40), KIOSK_LOAD_ROWS_PER_MIN (1000), KIOSK_LOAD_DB (ventanilla_load). The
scratch database and the kiosk roles (cluster-wide) are dropped at the end.
"""

from __future__ import annotations

import heapq
import os
import queue
import random
import statistics
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Connection, Engine, event
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from db.base import LocalBase
from db.central_ddl import create_kiosk_login, kiosk_role_name
from db.engine import central_engine
from db.migrate import central_head
from kiosk.central.seed import seed_database
from kiosk.cli.fleet_data import FleetFilter, fleet_query, fleet_status
from kiosk.sync import heartbeat
from kiosk.sync.central import Central
from kiosk.sync.pull import Puller
from kiosk.sync.report import TableCounts
from kiosk.sync.retention import Window
from kiosk.sync.tables import Row, TableSpec, all_specs, spec

pytestmark = [pytest.mark.bench, pytest.mark.pg]

KIOSKS = int(os.environ.get("KIOSK_LOAD_KIOSKS", "40"))
SECONDS = float(os.environ.get("KIOSK_LOAD_SECONDS", "20"))
ACCOUNTS = int(os.environ.get("KIOSK_LOAD_ACCOUNTS", "2000"))
BRANCHES = int(os.environ.get("KIOSK_LOAD_BRANCHES", "40"))
POOL = int(os.environ.get("KIOSK_LOAD_POOL", "8"))
SPEEDUP = float(os.environ.get("KIOSK_LOAD_SPEEDUP", "60"))
ROWS_PER_MIN = int(os.environ.get("KIOSK_LOAD_ROWS_PER_MIN", "1000"))
DB_NAME = os.environ.get("KIOSK_LOAD_DB", "ventanilla_load")
REPORT = os.environ.get("KIOSK_LOAD_REPORT")
EXPLAIN = os.environ.get("KIOSK_LOAD_EXPLAIN")

BASELINE_S = min(15.0, SECONDS / 2)  # the writer alone, before the fleet starts
HEARTBEAT_S = 60.0  # real-world intervals, divided by SPEEDUP
PULL_S = 300.0
WRITER_TICK = 0.2  # real seconds between the writer's transactions
HORIZON_WAIT = 5.0  # as the engine's default
BATCH = 5000  # as [central] batch_size's default
RETENTION = 13  # as [central] retention_periods' default
TICK = os.sysconf("SC_CLK_TCK")


# -- central -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kiosk:
    branch: str
    kiosk: str

    @property
    def role(self) -> str:
        return kiosk_role_name(self.branch, self.kiosk)


@dataclass
class LoadCentral:
    url: str
    kiosks: list[Kiosk]
    invoice_ids: list[int]
    payment_ids: list[int]
    seed_s: float


@pytest.fixture(scope="module")
def load_central(pg_server: str) -> Iterator[LoadCentral]:
    """The scratch database: migrated and seeded by the project's own code, 40 branches, one role per kiosk."""
    url = make_url(pg_server).set(database=DB_NAME).render_as_string(hide_password=False)
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                         {"n": DB_NAME})
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{DB_NAME}"'))

    drop()
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{DB_NAME}"'))
    tag = uuid.uuid4().hex[:4]  # roles are cluster-wide: a tag of this run's own
    kiosks = [Kiosk(f"L{tag}{i % BRANCHES:02d}", f"K{i:03d}") for i in range(KIOSKS)]
    engine = central_engine(url)
    roles: list[str] = []
    try:
        started = time.perf_counter()
        seed_database(url, accounts=ACCOUNTS, seed=7, profile="coop-ar", today=date.today())
        seed_s = time.perf_counter() - started
        with engine.begin() as conn:
            tz = conn.execute(sa.text("SELECT timezone FROM branches LIMIT 1")).scalar_one()
            for b in sorted({k.branch for k in kiosks}):
                conn.execute(sa.text("INSERT INTO branches (id, name, address, timezone) VALUES (:i, :n, :a, :t)"),
                             {"i": b, "n": f"Sucursal {b}", "a": "Calle 1", "t": tz})
            for k in kiosks:
                roles.append(create_kiosk_login(conn, k.branch, k.kiosk, uuid.uuid4().hex))
            # The writer changes recent rows (inside the kiosks' retention window), as billing and payments do.
            window = Window.for_today(date.today(), RETENTION)
            cut = window.start if window is not None else date.min
            invoice_ids = [int(r) for r in conn.execute(
                sa.text("SELECT id FROM invoices WHERE issue_date >= :c"), {"c": cut}).scalars()]
            payment_ids = [int(r) for r in conn.execute(
                sa.text("SELECT id FROM payments WHERE paid_on >= :c"), {"c": cut}).scalars()]
        vacuum = central_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with vacuum.connect() as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
        vacuum.dispose()
        yield LoadCentral(url, kiosks, invoice_ids, payment_ids, seed_s)
    finally:
        engine.dispose()
        drop()
        if roles:
            with admin.connect() as conn:
                conn.exec_driver_sql("DROP ROLE IF EXISTS " + ", ".join(f'"{r}"' for r in roles))
        admin.dispose()


# -- measurement -------------------------------------------------------------------------------------------


def _proc_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) of one process, None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime (fields 14 and 15)


def _postgres_pids() -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    out.append(int(entry.name))
            except OSError:
                continue
    return out


def _machine() -> tuple[float, float]:
    """(busy, total) jiffies of all CPUs since boot."""
    parts = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = parts[3] + parts[4]  # idle + iowait
    return float(sum(parts) - idle), float(sum(parts))


@dataclass
class Snapshot:
    at: float
    backends: dict[int, float]
    cluster: dict[int, float]
    machine: tuple[float, float]
    own: float
    stats: dict[str, float]
    load: str


def _stats(conn: Connection) -> dict[str, float]:
    row = conn.execute(sa.text(
        "SELECT xact_commit, xact_rollback, blks_read, blks_hit, tup_returned, tup_fetched, tup_inserted, "
        "tup_updated, temp_bytes FROM pg_stat_database WHERE datname = current_database()")).one()
    out = {k: float(v) for k, v in row._mapping.items()}
    wal = conn.execute(sa.text("SELECT wal_records, wal_bytes, wal_write, wal_sync FROM pg_stat_wal")).one()
    out |= {k: float(v) for k, v in wal._mapping.items()}
    bg = conn.execute(sa.text("SELECT buffers_checkpoint + buffers_clean + buffers_backend AS buffers_written "
                              "FROM pg_stat_bgwriter")).one()
    out |= {k: float(v) for k, v in bg._mapping.items()}
    return out


def snapshot(monitor: Engine) -> Snapshot:
    with monitor.connect() as conn:
        pids = [int(p) for p in conn.execute(sa.text(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )).scalars()]
        stats = _stats(conn)
    backends = {p: c for p in pids if (c := _proc_cpu(p)) is not None}
    cluster = {p: c for p in _postgres_pids() if (c := _proc_cpu(p)) is not None}
    times = os.times()
    return Snapshot(time.monotonic(), backends, cluster, _machine(), times.user + times.system, stats,
                    Path("/proc/loadavg").read_text().strip())


def _cpu_delta(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds used between two snapshots by processes in the second (new ones: all of theirs)."""
    return sum(c - before.get(p, 0.0) for p, c in after.items())


def pct(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q / 100 * len(s)) - 1))]


# -- the simulated fleet -----------------------------------------------------------------------------------


class CentralPuller(Puller):
    """The engine's Puller minus the replica write: every central read is the real one, rows are counted."""

    def _apply(self, sp: TableSpec, rows: Sequence[Row], tombs: Sequence[tuple[str, int]], end: int,
               dropped: Sequence[Any] = ()) -> int:
        return 0


@dataclass
class Results:
    hb_ms: list[float] = field(default_factory=list)
    pull_ms: list[float] = field(default_factory=list)
    hb_lag_ms: list[float] = field(default_factory=list)
    pull_lag_ms: list[float] = field(default_factory=list)
    pulled_rows: list[int] = field(default_factory=list)
    horizon_waits: int = 0
    errors: list[str] = field(default_factory=list)
    written: int = 0
    writer_ms: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Fleet:
    """A scheduler over `pool` workers: each kiosk's heartbeats and pulls come due; a free worker runs them."""

    def __init__(self, central: LoadCentral, pool: int) -> None:
        self.c = central
        self.central = Central(central.url)
        self.central.engine.dispose()
        self.central.engine = central_engine(central.url, pool_size=pool, max_overflow=0, pool_timeout=60)
        self.pool = pool
        self.res = Results()
        self.stop = threading.Event()
        self.due: queue.Queue[tuple[float, str, int] | None] = queue.Queue()
        self.window = Window.for_today(date.today(), RETENTION)
        self.specs = all_specs()
        self.checkpoints: list[dict[str, int]] = []
        self.last_pull: list[datetime | None] = [None] * len(central.kiosks)
        self.version = heartbeat.app_version()
        self.schema = central_head()
        self.captured: dict[str, tuple[str, Any]] = {}
        self.writer_engine = central_engine(central.url, pool_size=1, max_overflow=0)
        self.start_top = 0
        event.listen(self.central.engine, "before_cursor_execute", self._capture)

    def _capture(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                 executemany: bool) -> None:
        first = self.c.kiosks[0]  # EXPLAIN runs as this kiosk's role: its own row passes the policy
        if statement.startswith("INSERT INTO heartbeats") and "heartbeat" not in self.captured \
                and parameters.get("kiosk_id") == first.kiosk and parameters.get("branch_id") == first.branch:
            self.captured["heartbeat"] = (statement, parameters)
        elif "backend_xid" in statement and "max(row_version)" in statement and "marks" not in self.captured:
            self.captured["marks"] = (statement, parameters)

    def start_checkpoints(self) -> None:
        """Every kiosk starts in sync: its checkpoints at central's current maximum."""
        with self.central.engine.connect() as conn:
            top = int(conn.execute(sa.text("SELECT last_value FROM row_version_seq")).scalar_one())
        self.start_top = top
        self.checkpoints = [dict.fromkeys((sp.name for sp in self.specs), top) for _ in self.c.kiosks]

    # -- operations ------------------------------------------------------------------------------------------

    def heartbeat(self, i: int) -> None:
        k = self.c.kiosks[i]
        now = datetime.now(UTC)
        last = self.last_pull[i]
        row = heartbeat.HeartbeatRow(
            kiosk_id=k.kiosk, branch_id=k.branch, app_version=self.version, schema_version=self.schema,
            last_pull_at=last, last_push_at=last, outbox_depth=i % 3, parked=0, printer_state="ok",
            free_disk_mb=20000 + i, data_age_s=None if last is None else int((now - last).total_seconds()),
            reported_at=now, out_of_service=i % 50 == 7, service_message="Sin papel" if i % 50 == 7 else "",
            uptime_seconds=3600 + i, paper_left_m=round(80 - (i % 80) * 0.5, 1),
            last_errors=[{"at": now.isoformat(timespec="seconds"), "level": "ERROR", "logger": "kiosk.print",
                          "message": "printer offline"}] if i % 25 == 3 else [],
        )
        with self.central.engine.connect() as conn:
            conn.exec_driver_sql(f'SET ROLE "{k.role}"')
            try:
                heartbeat.send(conn, row)
            finally:
                conn.exec_driver_sql("RESET ROLE")
                conn.commit()

    def pull(self, i: int, local: Engine) -> int:
        """One incremental pull of kiosk i, as the engine's _pull does it; rows read (-1: held back)."""
        k = self.c.kiosks[i]
        cps = self.checkpoints[i]
        with self.central.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.exec_driver_sql(f'SET ROLE "{k.role}"')
            try:
                with local.begin() as lconn:
                    marks = self.central.safe_marks(conn, lconn, HORIZON_WAIT)
                if marks is None:
                    return -1
                puller = CentralPuller(conn, local.begin, is_pg=True, batch_size=BATCH, window=self.window)
                counts: dict[str, TableCounts] = {}
                for sp in self.specs:
                    c = counts.setdefault(sp.name, TableCounts())
                    cps[sp.name] = puller.pull_table(sp, cps[sp.name], marks.get(sp.name, -1), c)
            finally:
                conn.exec_driver_sql("RESET ROLE")
        self.last_pull[i] = datetime.now(UTC)
        return sum(c.pulled for c in counts.values())

    # -- threads ---------------------------------------------------------------------------------------------

    def worker(self) -> None:
        local = sa.create_engine("sqlite://")  # this worker's kiosk_state (the horizon), in memory
        LocalBase.metadata.create_all(local)
        while True:
            item = self.due.get()
            if item is None:
                break
            due, kind, i = item
            start = time.monotonic()
            try:
                if kind == "hb":
                    self.heartbeat(i)
                    n = 0
                else:
                    n = self.pull(i, local)
            except Exception as error:  # counted and shown: a failed operation is a finding, not a crash
                with self.res.lock:
                    self.res.errors.append(f"{kind} {i}: {type(error).__name__}: {str(error)[:200]}")
                continue
            end = time.monotonic()
            with self.res.lock:
                if kind == "hb":
                    self.res.hb_ms.append((end - start) * 1000)
                    self.res.hb_lag_ms.append((start - due) * 1000)
                elif n < 0:
                    self.res.horizon_waits += 1
                else:
                    self.res.pull_ms.append((end - start) * 1000)
                    self.res.pull_lag_ms.append((start - due) * 1000)
                    self.res.pulled_rows.append(n)
        local.dispose()

    def scheduler(self, t0: float, until: float) -> None:
        rng = random.Random(13)
        hb, pl = HEARTBEAT_S / SPEEDUP, PULL_S / SPEEDUP
        heap: list[tuple[float, str, int]] = []
        for i in range(len(self.c.kiosks)):
            heap.append((t0 + rng.uniform(0, hb), "hb", i))
            heap.append((t0 + rng.uniform(0, pl), "pull", i))
        heapq.heapify(heap)
        while heap:
            due, kind, i = heapq.heappop(heap)
            if due >= until:
                break
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self.due.put((due, kind, i))
            step = hb if kind == "hb" else pl
            heapq.heappush(heap, (due + step * rng.uniform(0.9, 1.1), kind, i))

    def writer(self, until: float) -> None:
        """Central's own changes: ROWS_PER_MIN per compressed minute, 70 % invoices and 30 % payments."""
        rng = random.Random(29)
        per_s = ROWS_PER_MIN * SPEEDUP / 60
        engine = self.writer_engine
        owed = 0.0
        while (now := time.monotonic()) < until:
            owed += per_s * WRITER_TICK
            n = int(owed)
            owed -= n
            n_inv = round(n * 0.7)
            inv = rng.sample(self.c.invoice_ids, min(n_inv, len(self.c.invoice_ids)))
            pay = rng.sample(self.c.payment_ids, min(n - n_inv, len(self.c.payment_ids)))
            started = time.monotonic()
            with engine.begin() as conn:  # a no-op value: the trigger stamps a new row_version all the same
                conn.execute(sa.text("UPDATE invoices SET taxes = taxes WHERE id = ANY(:ids)"), {"ids": inv})
                conn.execute(sa.text("UPDATE payments SET channel = channel WHERE id = ANY(:ids)"),
                             {"ids": pay})
            with self.res.lock:
                self.res.written += len(inv) + len(pay)
                self.res.writer_ms.append((time.monotonic() - started) * 1000)
            time.sleep(max(0.0, WRITER_TICK - (time.monotonic() - now)))

    def run(self, seconds: float, *, kiosks: bool = True) -> float:
        """Kiosks and writer for `seconds` (kiosks=False: the writer alone, the baseline); the wall time."""
        workers = [threading.Thread(target=self.worker, name=f"kiosk-worker-{n}") for n in range(self.pool)]
        for w in workers:
            w.start()
        t0 = time.monotonic()
        until = t0 + seconds
        writer = threading.Thread(target=self.writer, args=(until,), name="central-writer")
        writer.start()
        if kiosks:
            self.scheduler(t0, until)
        else:
            time.sleep(seconds)
        for _ in workers:
            self.due.put(None)
        for w in workers:
            w.join()
        writer.join()
        return time.monotonic() - t0


# -- EXPLAIN -----------------------------------------------------------------------------------------------


def _explain(conn: Connection, sql: str, params: Any) -> str:
    cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cur.execute("EXPLAIN (ANALYZE, BUFFERS, WAL) " + sql, params)
        return "\n".join(str(r[0]) for r in cur.fetchall())
    finally:
        cur.close()


def pull_sql(sp: TableSpec, window: Window | None, windowed: bool) -> tuple[str, dict[str, Any]]:
    """The Puller's PostgreSQL batch query (kiosk.sync.pull.Puller._fetch_rows), spelled the same way."""
    where = "row_version > %(lo)s AND row_version <= %(hi)s"
    params: dict[str, Any] = {}
    cond = window.where(sp.name, "pg") if windowed and window is not None else None
    if cond is not None and window is not None:
        where += f" AND {cond}"
        params.update(window.params())
    return f'SELECT {sp.pg_select_list()} FROM "{sp.pg_relation}" WHERE {where} ORDER BY row_version ' \
           f"LIMIT {BATCH}", params


def explain_all(fleet: Fleet, kiosk: Kiosk) -> str:
    out: list[str] = []
    engine = fleet.central.engine
    with engine.connect() as conn:
        conn.exec_driver_sql(f'SET ROLE "{kiosk.role}"')
        for name, title in (("heartbeat", "Heartbeat upsert (kiosk.sync.heartbeat.send), as the kiosk's role"),
                            ("marks", "Pull horizon (Central.safe_marks: writers + max(row_version) of every "
                                      "reference table and its tombstones), once per pull")):
            if name in fleet.captured:
                sql, params = fleet.captured[name]
                out += [f"== {title}", sql, "", _explain(conn, sql, params), ""]
                conn.rollback()
        top = int(conn.execute(sa.text("SELECT last_value FROM row_version_seq")).scalar_one())
        conn.rollback()
        window = fleet.window
        span = ROWS_PER_MIN * 5  # a 5-minute pull's worth of changes
        for table, windowed in (("invoices", False), ("payments", True), ("invoice_lines", True)):
            sql, params = pull_sql(spec(table), window, windowed)
            params |= {"lo": top - span, "hi": top}
            rows = conn.execute(sa.text(f'SELECT count(*) FROM "{table}"')).scalar_one()
            out += [f"== Pull batch of {table} ({rows:,} rows; Puller._fetch_rows, row_version range of the last "
                    f"{span:,} stamps{', retention window' if windowed else ''}), as the kiosk's role", sql,
                    f"params: {params}", "", _explain(conn, sql, params), ""]
            conn.rollback()
        conn.exec_driver_sql("RESET ROLE")
        conn.commit()
        now = datetime.now(UTC)
        for label, flt in (("all", FleetFilter()), ("--stale", FleetFilter(stale=True)),
                           ("--branch", FleetFilter(branch=kiosk.branch)),
                           ("--out-of-service", FleetFilter(out_of_service=True))):
            compiled = fleet_query(flt, stale_after=180, now=now).compile(dialect=postgresql.dialect())
            sql, params = str(compiled), compiled.params
            out += [f"== central fleet ({label}): kiosk.cli.fleet_data.fleet_query, as the central admin", sql,
                    f"params: {params}", "", _explain(conn, sql, params), ""]
            conn.rollback()
    return "\n".join(out)


# -- the test ----------------------------------------------------------------------------------------------


def _ms(values: Sequence[float]) -> str:
    return f"{pct(values, 50):8.1f} {pct(values, 95):8.1f} {pct(values, 99):8.1f} {max(values, default=0):8.1f}"


def test_fleet_load(load_central: LoadCentral) -> None:
    fleet = Fleet(load_central, POOL)
    monitor = central_engine(load_central.url, poolclass=NullPool)
    try:
        fleet.start_checkpoints()
        # Warm the pool (all POOL backends exist before the first snapshot, so their CPU is all counted).
        conns = [fleet.central.engine.connect() for _ in range(POOL)]
        for c in conns:
            c.close()
        # Baseline: the writer alone (its cost does not grow with the fleet), then kiosks and writer.
        base_before = snapshot(monitor)
        base_wall = fleet.run(BASELINE_S, kiosks=False)
        base_after = snapshot(monitor)
        written_alone, fleet.res.written, fleet.res.writer_ms = fleet.res.written, 0, []
        fleet.start_checkpoints()
        before = snapshot(monitor)
        wall = fleet.run(SECONDS)
        after = snapshot(monitor)
        # Fleet query with every kiosk's heartbeat in (statistics as autovacuum would have them by now).
        with monitor.connect() as conn:
            conn.exec_driver_sql("ANALYZE heartbeats")
            conn.commit()
        now = datetime.now(UTC)
        with fleet.central.engine.connect() as conn:
            q_ms: dict[str, list[float]] = {}
            for label, flt in (("all", FleetFilter()), ("--stale", FleetFilter(stale=True)),
                               ("--branch", FleetFilter(branch=load_central.kiosks[0].branch)),
                               ("--out-of-service", FleetFilter(out_of_service=True))):
                times = []
                for _ in range(20):
                    t = time.perf_counter()
                    rows = conn.execute(fleet_query(flt, stale_after=180, now=now)).all()
                    times.append((time.perf_counter() - t) * 1000)
                    conn.rollback()
                q_ms[label] = times
                if label == "all":
                    listed = len(rows)
        cli_ms = []
        for _ in range(3):
            t = time.perf_counter()
            statuses = fleet_status(load_central.url)
            cli_ms.append((time.perf_counter() - t) * 1000)
        explain = explain_all(fleet, load_central.kiosks[0])
    finally:
        fleet.central.dispose()
        fleet.writer_engine.dispose()
        monitor.dispose()

    res = fleet.res
    n = len(load_central.kiosks)
    d = {k: after.stats[k] - before.stats[k] for k in after.stats}
    backend_cpu = _cpu_delta(before.backends, after.backends)
    cluster_cpu = _cpu_delta(before.cluster, after.cluster)
    busy = after.machine[0] - before.machine[0]
    total = after.machine[1] - before.machine[1]
    cores = os.cpu_count() or 1
    machine_cores = busy / total * cores if total else 0.0
    own_cpu = after.own - before.own
    target_hb = n * wall * SPEEDUP / HEARTBEAT_S
    target_pull = n * wall * SPEEDUP / PULL_S
    target_rows = ROWS_PER_MIN * wall * SPEEDUP / 60
    achieved = (len(res.hb_ms) + len(res.pull_ms)) / (target_hb + target_pull)
    # Extrapolation. The kiosks' load is linear in their number and in the speed-up (rows per pull depend only on
    # the writer's rate per compressed minute); the writer's is fixed (1,000 rows per real minute whatever the
    # fleet). So per 1,000 real kiosks: (mixed rate - writer-alone rate) x 1000/N / (speed-up x achieved), plus
    # the writer-alone rate / speed-up once.
    db = {k: base_after.stats[k] - base_before.stats[k] for k in base_after.stats}
    base = {"backends": _cpu_delta(base_before.backends, base_after.backends),
            "cluster": _cpu_delta(base_before.cluster, base_after.cluster), **db}
    mixed = {"backends": backend_cpu, "cluster": cluster_cpu, **d}
    per_k = 1000 / n / (SPEEDUP * max(achieved, 1e-9))

    def per_1k(key: str) -> tuple[float, float]:
        """(kiosks' share per 1,000 kiosks, the writer's own) in real-time units per second."""
        alone = base[key] / base_wall
        return max(0.0, mixed[key] / wall - alone) * per_k, alone / SPEEDUP

    ext = {k: per_1k(k) for k in ("backends", "cluster", "xact_commit", "blks_read", "wal_bytes", "wal_write",
                                  "wal_sync", "buffers_written")}
    rows_per_pull = statistics.mean(res.pulled_rows) if res.pulled_rows else 0.0
    lines = [
        f"Fleet load test, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC - tests/bench/test_fleet_load_bench.py",
        f"central: PostgreSQL on this machine ({cores} cores shared with other sessions' test runs), database "
        f"{DB_NAME}: {ACCOUNTS:,} accounts seeded by kiosk.central.seed in {load_central.seed_s:.0f} s, "
        f"{BRANCHES} branches, {n} kiosk login roles",
        f"simulated: {n} kiosks, speed-up {SPEEDUP:g}x (heartbeat every {HEARTBEAT_S / SPEEDUP:.2f} s, pull every "
        f"{PULL_S / SPEEDUP:.2f} s per kiosk, +-10 % jitter), writer {ROWS_PER_MIN:,} rows per compressed minute "
        f"({ROWS_PER_MIN * SPEEDUP / 60:,.0f} rows/s real) in {WRITER_TICK:g} s transactions",
        f"concurrency: {POOL} worker threads over a pool of {POOL} connections (max_overflow 0); pull = "
        f"Central.safe_marks + Puller.pull_table on every table (replica write left out); each op as the kiosk's "
        f"role",
        f"ran {wall:.1f} s real = {wall * SPEEDUP / 60:.1f} compressed minutes "
        f"({wall * SPEEDUP / PULL_S:.1f} pull rounds)",
        f"load average before: {before.load}",
        f"load average after:  {after.load}",
        "",
        "                      count   target  achieved |   p50 ms   p95 ms   p99 ms   max ms",
        f"heartbeat          {len(res.hb_ms):8d} {target_hb:8.0f} {len(res.hb_ms) / target_hb:8.0%} | "
        f"{_ms(res.hb_ms)}",
        f"pull               {len(res.pull_ms):8d} {target_pull:8.0f} {len(res.pull_ms) / target_pull:8.0%} | "
        f"{_ms(res.pull_ms)}",
        f"  heartbeat start lag behind due time                      | {_ms(res.hb_lag_ms)}",
        f"  pull start lag behind due time                           | {_ms(res.pull_lag_ms)}",
        f"writer rows        {res.written:8d} {target_rows:8.0f} {res.written / target_rows:8.0%} | "
        f"{_ms(res.writer_ms)}  (per transaction)",
        f"pulls held back by a central writer (horizon wait > {HORIZON_WAIT:g} s): {res.horizon_waits}; "
        f"errors: {len(res.errors)}",
        f"rows per pull: mean {rows_per_pull:,.0f}, max {max(res.pulled_rows, default=0):,}",
        "",
        "CPU over the run (seconds of CPU / wall seconds = cores busy):",
        f"  this database's backends ({len(after.backends)}): {backend_cpu:7.1f} s = {backend_cpu / wall:.2f} cores",
        f"  all postgres processes (incl. WAL writer, checkpointer, other sessions' tests): {cluster_cpu:7.1f} s = "
        f"{cluster_cpu / wall:.2f} cores",
        f"  the simulator itself (this Python process, kiosks + writer): {own_cpu:7.1f} s = {own_cpu / wall:.2f} cores",
        f"  whole machine: {machine_cores:.2f} of {cores} cores busy",
        "pg_stat_database (this db) / pg_stat_wal / pg_stat_bgwriter deltas, per second (WAL and buffers written are "
        "cluster-wide: other sessions' tests are in them):",
        f"  commits {d['xact_commit'] / wall:,.0f}/s, rollbacks {d['xact_rollback'] / wall:,.0f}/s, blocks read "
        f"{d['blks_read'] / wall:,.1f}/s, hit {d['blks_hit'] / wall:,.0f}/s, tuples returned "
        f"{d['tup_returned'] / wall:,.0f}/s fetched {d['tup_fetched'] / wall:,.0f}/s inserted "
        f"{d['tup_inserted'] / wall:,.0f}/s updated {d['tup_updated'] / wall:,.0f}/s, temp "
        f"{d['temp_bytes'] / wall:,.0f} B/s",
        f"  WAL {d['wal_records'] / wall:,.0f} records/s, {d['wal_bytes'] / wall / 1024:,.0f} KiB/s, writes "
        f"{d['wal_write'] / wall:,.1f}/s, fsyncs {d['wal_sync'] / wall:,.1f}/s; data buffers written "
        f"{d['buffers_written'] / wall:,.1f}/s (cluster-wide)",
        "",
        f"central fleet with {listed} heartbeats (fleet_query executed on an open connection, 20 runs):",
        *(f"  {label:17s} p50 {pct(t, 50):6.2f} ms  p95 {pct(t, 95):6.2f} ms" for label, t in q_ms.items()),
        f"  fleet_status() whole (engine, connect, query, rows -> KioskStatus): p50 {pct(cli_ms, 50):.0f} ms",
        "",
        f"writer alone (baseline, {base_wall:.1f} s, {written_alone:,} rows): backends "
        f"{base['backends'] / base_wall:.2f} cores, all postgres {base['cluster'] / base_wall:.2f} cores, "
        f"{db['xact_commit'] / base_wall:,.0f} commits/s, WAL {db['wal_bytes'] / base_wall / 1024:,.0f} KiB/s, "
        f"{db['wal_sync'] / base_wall:,.1f} fsyncs/s",
        "",
        "Extrapolation to 1,000 real kiosks (heartbeat 60 s, pull 5 min) + central's writer (1,000 rows/min):",
        f"  kiosks = (mixed - writer alone) / wall x 1000/{n} / (speed-up {SPEEDUP:g} x achieved {achieved:.0%}); "
        f"writer = writer alone / {SPEEDUP:g}",
        *(f"  {label:34s} kiosks {k:10,.{p}f} + writer {w:10,.{p}f} {unit}"
          for (label, key, scale, p, unit) in (
              ("PostgreSQL backends (this db)", "backends", 1, 3, "cores"),
              ("all postgres processes (upper)", "cluster", 1, 3, "cores"),
              ("transactions", "xact_commit", 1, 0, "commits/s"),
              ("blocks read (outside shared_buf)", "blks_read", 1, 1, "/s"),
              ("WAL (cluster-wide, noisy)", "wal_bytes", 1 / 1024, 1, "KiB/s"),
              ("WAL writes (cluster-wide, noisy)", "wal_write", 1, 1, "/s"),
              ("WAL fsyncs (cluster-wide, noisy)", "wal_sync", 1, 1, "/s"),
              ("buffers written (cluster, noisy)", "buffers_written", 1, 1, "/s"))
          for k, w in [(ext[key][0] * scale, ext[key][1] * scale)]),
        f"  operations: {1000 / HEARTBEAT_S:.1f} heartbeats/s + {1000 / PULL_S:.2f} pulls/s of ~{ROWS_PER_MIN * 5:,} "
        f"rows each ({1000 / PULL_S * ROWS_PER_MIN * 5:,.0f} rows/s read)",
        f"  connections: busy time = heartbeats x p50 + pulls x p50 = "
        f"{1000 / HEARTBEAT_S * pct(res.hb_ms, 50) / 1000 + 1000 / PULL_S * pct(res.pull_ms, 50) / 1000:.2f} "
        f"connections busy on average (Little's law, p50 latencies of this run)",
    ]
    if res.errors:
        lines += ["", "first errors:", *res.errors[:10]]
    text = "\n".join(lines)
    print("\n" + text)
    if REPORT:
        Path(REPORT).write_text(text + "\n")
    if EXPLAIN:
        Path(EXPLAIN).write_text(explain + "\n")

    assert not res.errors, res.errors[:5]
    assert listed == n and len(statuses) == n  # every kiosk's heartbeat is in the fleet
    assert res.hb_ms and res.pull_ms and res.written
    assert sum(res.pulled_rows) > 0  # the pulls saw the writer's changes
    pulled = [cps for cps, last in zip(fleet.checkpoints, fleet.last_pull, strict=True) if last is not None]
    assert pulled and all(max(cps.values()) > fleet.start_top for cps in pulled)  # every pulling kiosk moved on

"""Fill a central database with deterministic demo data: `python -m kiosk central seed`.

PostgreSQL: a second process generates the rows (kiosk.central.seed_gen) and renders them as COPY text while
this process streams them into the server with `COPY ... FROM STDIN`, all in one transaction (a failed seed
leaves nothing behind). Row versions are taken from the central sequence as one reserved block and written
explicitly; when the loading role may, triggers are switched off for the session
(`session_replication_role = replica`) because per-row foreign-key and stamping triggers would triple the
load time and the generator already guarantees both. SQLite (the embedded demo): the same rows through
`executemany` in one transaction.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from db.central_ddl import SEQUENCE, sqlite_next_row_version, sqlite_set_row_version
from db.engine import central_engine
from db.migrate import upgrade_central
from kiosk.central.credentials import set_credentials
from kiosk.central.seed_gen import (
    CHUNK_TABLES,
    COLUMNS,
    DEMO_PIN_ACCOUNTS,
    PG_ENCODING,
    SQLITE_ENCODING,
    STAFF_NUMBER,
    STAFF_PIN,
    STATIC_TABLES,
    TECHNICIAN_NUMBER,
    TECHNICIAN_PIN,
    DemoAccount,
    Generator,
    Row,
    make_plan,
)

ALL_TABLES = STATIC_TABLES + CHUNK_TABLES
_QUEUE_DEPTH = 4


class SeedError(Exception):
    """The database cannot be seeded (not empty, unreachable, bad arguments); one clear line."""


@dataclass(frozen=True, slots=True)
class SeedReport:
    profile: str
    accounts: int
    seed: int
    today: date
    counts: dict[str, int]
    seconds: float
    first_row_version: int
    last_row_version: int
    demo: tuple[DemoAccount, ...]
    staff_pin: str
    engine: str
    notes: list[str] = field(default_factory=list)
    # Maintenance-mode logins of the demo (staff_pin above is the operator's, kept for the CLIs that print it).
    staff_number: int = STAFF_NUMBER
    technician_number: int = TECHNICIAN_NUMBER
    technician_pin: str = TECHNICIAN_PIN

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def seed_database(url: str, *, accounts: int, seed: int, profile: str, today: date | None = None) -> SeedReport:
    """Seed an empty central database (schema created or upgraded first) and say what went in."""
    if accounts < 1:
        raise SeedError("--accounts must be at least 1")
    if accounts > 9_000_000:
        raise SeedError("--accounts must be at most 9,000,000 (account numbers have 8 digits)")
    today = today or date.today()
    try:
        make_plan(profile, 1, seed, today)  # validates the profile before touching the database
    except ValueError as exc:
        raise SeedError(str(exc)) from exc
    started = time.perf_counter()
    _ensure_schema(url)
    engine = central_engine(url)
    try:
        with engine.connect() as conn:
            existing = conn.execute(sa.text("SELECT count(*) FROM accounts")).scalar_one()
        if existing:
            raise SeedError(f"the central database already holds {existing} accounts; seed an empty database")
        if engine.dialect.name == "postgresql":
            report = _seed_postgres(engine, profile, accounts, seed, today)
        else:
            report = _seed_sqlite(engine, profile, accounts, seed, today)
        demo = _set_demo_pins(engine, report.demo, seed)
    finally:
        engine.dispose()
    return replace(report, demo=demo, seconds=time.perf_counter() - started)


def _ensure_schema(url: str) -> None:
    """Newest central schema (migrations: tables, row_version triggers, login functions)."""
    upgrade_central(url)


def _staff_hashes(seed: int) -> tuple[str, str]:
    """argon2 hashes of the operator's and the technician's PINs with salts drawn from the seed, so the data
    stays deterministic."""
    from argon2 import PasswordHasher

    rng = random.Random(f"staff:{seed}")
    operator = PasswordHasher().hash(STAFF_PIN, salt=rng.randbytes(16))
    return operator, PasswordHasher().hash(TECHNICIAN_PIN, salt=rng.randbytes(16))


# -- PostgreSQL --------------------------------------------------------------------------------------------


def _drop_secondary_indexes(conn: Any, tables: tuple[str, ...]) -> list[str]:
    """Drop the seeded tables' secondary indexes (rebuilt after the load, in the same transaction).

    Building an index once over sorted data is several times cheaper than updating it row by row; primary
    keys and constraint-backed indexes stay, so nothing the schema guarantees is ever unchecked.
    """
    rows = conn.execute(
        "SELECT quote_ident(ic.relname), pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relname = ANY(%s) "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) "
        "ORDER BY ic.relname",
        (list(tables),),
    ).fetchall()
    for name, _definition in rows:
        conn.execute(f"DROP INDEX {name}")
    return [str(definition) for _name, definition in rows]


def _copy_text(table: str, rows: list[Row]) -> bytes:
    template = "\t".join(["%s"] * len(COLUMNS[table])) + "\n"
    return "".join([template % row for row in rows]).encode()


def _pg_worker(
    out: Any, profile: str, accounts: int, seed: int, today: date, first_rv: int,
    staff_hashes: tuple[str, str]
) -> None:
    """Child process: generate, render as COPY text, hand over chunk by chunk."""
    try:
        gen = Generator(make_plan(profile, accounts, seed, today), PG_ENCODING, first_rv)
        static = gen.static_rows(staff_hashes)
        out.put(("rows", {t: (_copy_text(t, r), len(r)) for t, r in static.items()}))
        for chunk in gen.chunks():
            out.put(("rows", {t: (_copy_text(t, r), len(r)) for t, r in chunk.items()}))
        out.put(("done", gen.demo, gen.next_rv, time.process_time()))
    except BaseException as exc:  # report, never hang the parent
        out.put(("error", f"{type(exc).__name__}: {exc}", 0))


def _pg_messages(proc: Any, inbox: Any) -> Iterator[tuple[Any, ...]]:
    while True:
        try:
            message: tuple[Any, ...] = inbox.get(timeout=1.0)
        except queue.Empty:
            if not proc.is_alive():
                raise SeedError("the data generator stopped unexpectedly") from None
            continue
        yield message
        if message[0] != "rows":
            return


class _Lane:
    """One PostgreSQL connection loading some of the tables in its own transaction.

    Setup takes the transaction id first (as the central trigger does: the sync engine's safe pull horizon
    relies on every handed-out row_version belonging to a transaction it can see running), switches the
    stamping triggers off for the rows that carry their own versions, and drops the lane's secondary indexes.
    """

    def __init__(self, dsn: str, tables: tuple[str, ...], superuser: bool) -> None:
        import psycopg

        self.tables = tables
        self.superuser = superuser
        self.conn: Any = psycopg.connect(dsn, autocommit=False)
        self.conn.execute("SELECT pg_current_xact_id()")
        if superuser:
            self.conn.execute("SET LOCAL session_replication_role = replica")
        else:  # the table owner may still switch off the stamping triggers; foreign keys stay checked
            for table in tables:
                self.conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        self.conn.execute("SET LOCAL synchronous_commit = off")
        self.conn.execute("SET LOCAL maintenance_work_mem = '256MB'")
        self.index_defs = _drop_secondary_indexes(self.conn, tables)
        self.busy = 0.0
        self.cur = self.conn.cursor()

    def copy(self, table: str, data: bytes) -> None:
        began = time.perf_counter()
        with self.cur.copy(f"COPY {table} ({', '.join(COLUMNS[table])}) FROM STDIN") as copy:
            copy.write(data)
        self.busy += time.perf_counter() - began

    def finish(self) -> None:
        """Rebuild the indexes and switch the triggers back on (still inside the transaction)."""
        for definition in self.index_defs:
            self.cur.execute(definition)
        if not self.superuser:
            for table in self.tables:
                self.cur.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")

    def close(self) -> None:
        try:
            self.conn.rollback()  # no-op after a commit
        finally:
            self.conn.close()


class _SideLane(threading.Thread):
    """A lane fed through a queue by the main thread, so two server processes ingest at once."""

    def __init__(self, lane: _Lane) -> None:
        super().__init__(name="seed-side-lane", daemon=True)
        self.lane = lane
        self.inbox: queue.Queue[tuple[str, bytes] | None] = queue.Queue(maxsize=_QUEUE_DEPTH)
        self.error: BaseException | None = None
        self.abort = threading.Event()  # the seed failed elsewhere: stop without rebuilding indexes

    def run(self) -> None:
        try:
            while (item := self.inbox.get()) is not None:
                if not self.abort.is_set():
                    self.lane.copy(*item)
            if not self.abort.is_set():
                self.lane.finish()
        except BaseException as exc:
            self.error = exc
            while self.inbox.get() is not None:  # keep the producer from blocking until it says stop
                pass


# Tables loaded by extra lanes (connections) when no foreign-key checks run during the load (superuser):
# each lane is its own server process, so ingestion and its WAL writes overlap instead of queueing.
SIDE_LANES: tuple[tuple[str, ...], ...] = (("invoice_lines",), ("payments", "meter_readings"))


def _seed_postgres(engine: Engine, profile: str, accounts: int, seed: int, today: date) -> SeedReport:
    """Stream the worker's COPY text into PostgreSQL over one or two connections, commit when all is in."""
    dsn = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with engine.connect() as probe:
        superuser = bool(
            probe.execute(sa.text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar_one()
        )
    notes: list[str] = []
    if not superuser:
        notes.append("not a superuser: one connection, foreign keys checked row by row (slower)")
    groups = SIDE_LANES if superuser else ()
    side_tables = tuple(t for group in groups for t in group)
    main = _Lane(dsn, tuple(t for t in ALL_TABLES if t not in side_tables), superuser)
    sides = [_SideLane(_Lane(dsn, group, superuser)) for group in groups]
    lane_of = {t: side for side, group in zip(sides, groups, strict=True) for t in group}
    proc: Any = None
    done = False
    try:
        first_rv = int(main.conn.execute(f"SELECT nextval('{SEQUENCE}')").fetchone()[0])
        started = time.perf_counter()
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
        inbox = ctx.Queue(maxsize=_QUEUE_DEPTH)
        proc = ctx.Process(
            target=_pg_worker,
            args=(inbox, profile, accounts, seed, today, first_rv, _staff_hashes(seed)),
            daemon=True,
        )
        proc.start()
        for side in sides:
            side.start()
        counts = dict.fromkeys(ALL_TABLES, 0)
        demo: list[DemoAccount] = []
        next_rv = first_rv
        worker_cpu = 0.0
        try:
            for message in _pg_messages(proc, inbox):
                if message[0] == "error":
                    raise SeedError(f"data generation failed: {message[1]}")
                if message[0] == "done":
                    demo, next_rv, worker_cpu = message[1], message[2], message[3]
                    break
                for table in ALL_TABLES:
                    data, n = message[1].get(table, (b"", 0))
                    if not n:
                        continue
                    target = lane_of.get(table)
                    if target is not None:
                        if target.error:
                            raise target.error
                        target.inbox.put((table, data))
                    else:
                        main.copy(table, data)
                    counts[table] += n
        finally:
            for side in sides:
                side.inbox.put(None)
        loaded = time.perf_counter()
        main.finish()
        # The block first_rv..next_rv-1 is taken; never move the sequence back.
        main.cur.execute(
            f"SELECT setval('{SEQUENCE}', greatest(%s, (SELECT last_value FROM {SEQUENCE})))", (next_rv - 1,)
        )
        for side in sides:
            side.join()
            if side.error:
                raise side.error
        for side in sides:
            side.lane.conn.commit()
        try:
            main.conn.commit()
        except BaseException:
            if sides:  # the side lanes' rows must not outlive a failed seed
                _truncate(dsn, side_tables)
            raise
        finished = time.perf_counter()
        busy = " + ".join(f"{lane.busy:.1f}" for lane in [main, *(side.lane for side in sides)])
        notes.append(
            f"generate+copy {loaded - started:.1f} s (generator CPU {worker_cpu:.1f} s, server busy {busy} s), "
            f"indexes and commit {finished - loaded:.1f} s"
        )
        with main.conn.cursor() as cur:
            for table in ("invoices", "invoice_lines", "meter_readings", "payments", "supplies", "accounts"):
                cur.execute(f"ANALYZE {table}")
        main.conn.commit()
        notes.append(f"analyze {time.perf_counter() - finished:.1f} s")
        done = True
    finally:
        if proc is not None:
            if not done:  # the worker may be blocked on a full queue nobody reads any more
                proc.terminate()
            proc.join(timeout=10)
        for side in sides:
            if side.is_alive():
                side.abort.set()
                side.inbox.put(None)
                side.join(timeout=30)
        main.close()
        for side in sides:
            side.lane.close()
    return SeedReport(
        profile, accounts, seed, today, counts, 0.0, first_rv, next_rv - 1, tuple(demo), STAFF_PIN,
        "postgresql", notes,
    )


def _truncate(dsn: str, tables: tuple[str, ...]) -> None:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"TRUNCATE {', '.join(tables)}")


# -- SQLite ------------------------------------------------------------------------------------------------


def _seed_sqlite(engine: Engine, profile: str, accounts: int, seed: int, today: date) -> SeedReport:
    """executemany in one transaction, with the row_version triggers of the loaded tables set aside.

    The rows carry their versions already (a block continuing the central counter), so the triggers would
    only re-check every row; they are dropped and re-created from their own SQL inside the same transaction
    (SQLite DDL is transactional: a failed seed leaves the schema as it was), which halves the load time.
    """
    gen = Generator(make_plan(profile, accounts, seed, today), SQLITE_ENCODING)
    counts = dict.fromkeys(ALL_TABLES, 0)
    with engine.begin() as conn:
        gen.next_rv = first_rv = sqlite_next_row_version(conn)
        raw: Any = conn.connection.driver_connection
        cur = raw.cursor()
        marks = ", ".join("?" * len(ALL_TABLES))
        triggers = cur.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})", ALL_TABLES
        ).fetchall()
        for name, _sql in triggers:
            cur.execute(f'DROP TRIGGER "{name}"')

        def write(rows: dict[str, list[Row]]) -> None:
            for table in ALL_TABLES:
                batch = rows.get(table)
                if batch:
                    cols = COLUMNS[table]
                    marks = ", ".join("?" * len(cols))
                    cur.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", batch)
                    counts[table] += len(batch)

        write(gen.static_rows(_staff_hashes(seed)))
        for chunk in gen.chunks():
            write(chunk)
        sqlite_set_row_version(conn, gen.next_rv - 1)
        for _name, sql in triggers:
            cur.execute(sql)
        cur.close()
    return SeedReport(
        profile, accounts, seed, today, counts, 0.0, first_rv, gen.next_rv - 1, tuple(gen.demo), STAFF_PIN, "sqlite"
    )


# -- demo PINs ---------------------------------------------------------------------------------------------


def demo_pins(seed: int) -> list[str]:
    """PINs of the first accounts: 1234 for the first (easy to demo), then drawn from the seed."""
    rng = random.Random(f"pins:{seed}")
    pins = ["1234"]
    while len(pins) < DEMO_PIN_ACCOUNTS:
        pin = f"{rng.randrange(10000):04d}"
        if len(set(pin)) > 1 and pin not in pins:
            pins.append(pin)
    return pins


def _set_demo_pins(engine: Engine, demo: tuple[DemoAccount, ...], seed: int) -> tuple[DemoAccount, ...]:
    """PINs for the first accounts through the central credentials module (bcrypt, login policy cost)."""
    pins = demo_pins(seed)
    with engine.begin() as conn:
        for i, d in enumerate(demo):
            set_credentials(conn, d.account_id, pins[i])
    return tuple(replace(d, pin=pins[i]) for i, d in enumerate(demo))

"""Is the replica sound? If not: move it aside, salvage what was not yet sent, start a fresh one.

The replica is a cache of central plus the outbox of what customers submitted here. A damaged file (a bad disk,
a power cut on a card without power-loss protection) must neither keep serving wrong pages nor lose a claim:
`check_replica()` runs `PRAGMA quick_check`; when the file fails it (or is not a database at all) it is renamed
`<name>.damaged-<UTC timestamp>` (with its WAL, whose committed pages the salvage still reads), a fresh replica
is created with this build's schema, and every intake row that can still be read is copied into it, row by row
through the plain sqlite3 module with each table in its own try, so that damage in a reference page never costs
an outbox row and damage in one outbox table costs at most the rows past the bad page. Rows the old outbox did
not mark sent go back in the queue (a row central already has is a no-op there: push inserts ON CONFLICT DO
NOTHING); when the outbox table itself is unreadable every salvaged row is queued again for the same reason. The
reference data comes back with the next sync. The outcome is logged at ERROR and returned, and kept in the new
replica's kiosk_state (REPAIR_KEY) so `doctor` and the next sync report show it.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from db.base import INTAKE_TABLES

log = logging.getLogger(__name__)

REPAIR_KEY = "replica_repair"
_SUFFIXES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class ReplicaCheck:
    """What check_replica found and did. `status`: ok, missing (nothing to check) or rebuilt."""

    status: str
    detail: str
    moved_to: Path | None = None
    salvaged: dict[str, int] = field(default_factory=dict)
    lost: tuple[str, ...] = ()  # one line per table (or outbox entry group) that could not be fully read

    @property
    def rebuilt(self) -> bool:
        return self.status == "rebuilt"


def _first_line(error: BaseException) -> str:
    return f"{type(error).__name__}: {(str(error).strip().splitlines() or [''])[0]}"[:200]


EMPTY = "the file is empty (0 bytes)"


def quick_check(path: Path | str) -> str | None:
    """None when the file passes PRAGMA quick_check, else one line saying what is wrong (never raises).

    SQLite takes a file shorter than its header for an empty database: a non-empty file must start with the
    SQLite header, or it is a replica cut short; an existing file of 0 bytes is a replica cut to nothing (the
    kiosk never leaves one: the replica is created and migrated in one go).
    """
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as error:
        return _first_line(error)
    if not head:  # SQLite would open it as a new, empty database and the outbox would vanish in silence
        return EMPTY
    if head != b"SQLite format 3\x00":
        return "not an SQLite database (its header is gone)"
    try:
        with closing(sqlite3.connect(Path(path), timeout=10)) as conn:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
    except sqlite3.Error as error:
        return _first_line(error)
    if rows == ["ok"]:
        return None
    return (" ".join("; ".join(rows).split()) or "quick_check returned nothing")[:300]  # one line


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.rename(target)
    for suffix in _SUFFIXES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            if suffix == "-shm":
                side.unlink()  # the shared-memory index is rebuilt from the WAL
            else:
                side.rename(target.with_name(target.name + suffix))
    return target


def _read_rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[tuple[object, ...]], str | None]:
    """Columns and the rows still readable; the first error met, if any (then some rows may be missing).

    A plain scan stops at the first bad page. Then the rowids are taken from the table's indexes (their pages
    may be intact) and every row not read yet is fetched alone, in its own try, so one bad page costs only the
    rows that were on it.
    """
    rows: dict[int, tuple[object, ...]] = {}
    columns: list[str] = []
    try:
        cur = conn.execute(f'SELECT rowid, * FROM "{table}"')
        columns = [d[0] for d in cur.description][1:]
        for row in cur:
            rows[int(row[0])] = tuple(row[1:])
        return columns, list(rows.values()), None
    except sqlite3.Error as error:
        first = _first_line(error)
    if not columns:
        return columns, [], first
    rowids: set[int] = set()
    try:
        indexes = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,))]
    except sqlite3.Error:
        indexes = []
    for index in indexes:
        try:
            for (rowid,) in conn.execute(f'SELECT rowid FROM "{table}" INDEXED BY "{index}"'):
                rowids.add(int(rowid))
        except sqlite3.Error:
            continue
    for rowid in sorted(rowids - rows.keys()):
        try:
            found = conn.execute(f'SELECT * FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()
        except sqlite3.Error:
            continue
        if found is not None:
            rows[rowid] = tuple(found)
    return columns, [rows[k] for k in sorted(rows)], first


def _salvage(damaged: Path, fresh: Path) -> tuple[dict[str, int], list[str]]:
    """Copy unsent intake rows and their outbox entries from `damaged` into `fresh` (schema already there)."""
    salvaged: dict[str, int] = {}
    lost: list[str] = []
    try:
        old = sqlite3.connect(damaged, timeout=10)  # read-write: its WAL is replayed
    except sqlite3.Error as open_error:
        return salvaged, [f"nothing readable: {_first_line(open_error)}"]
    with closing(old), closing(sqlite3.connect(fresh, timeout=10)) as new:
        columns, entries, failure = _read_rows(old, "outbox")
        outbox_ok = failure is None and bool(columns)
        if failure is not None:
            lost.append(f"outbox: damaged ({failure}), {len(entries)} entries recovered; "
                        "rows without one are queued again")
        known = {dict(zip(columns, e, strict=False)).get("row_id"): dict(zip(columns, e, strict=False))
                 for e in entries}
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        queued: list[tuple[str, str, dict[str, object]]] = []  # (table, row id, outbox entry or {})
        for table in INTAKE_TABLES:
            new_cols = {r[1] for r in new.execute(f'PRAGMA table_info("{table}")')}
            cols, rows, failure = _read_rows(old, table)
            if failure is not None:
                lost.append(f"{table}: damaged ({failure}), {len(rows)} rows recovered around it")
            keep = [c for c in cols if c in new_cols]
            count = 0
            for row in rows:
                values = dict(zip(cols, row, strict=False))
                entry = known.get(values.get("id"), {})
                if entry.get("state") == "sent":
                    continue  # central has it; the next sync brings what the screens need
                try:
                    new.execute(f'INSERT INTO "{table}" ({", ".join(keep)}) VALUES ({", ".join("?" * len(keep))})',
                                [values[c] for c in keep])
                except sqlite3.Error as insert_error:
                    lost.append(f"{table} row {values.get('id')}: {_first_line(insert_error)}")
                    continue
                queued.append((table, str(values.get("id")), entry))
                count += 1
            if count:
                salvaged[table] = count
        # Entries of unsent rows whose intake row could not be read: lost, and said so.
        have = {row_id for _, row_id, _ in queued}
        missing = [e for rid, e in known.items() if e.get("state") != "sent" and rid not in have]
        if missing:
            lost.append(f"outbox: {len(missing)} unsent entries whose row could not be read "
                        f"({', '.join(sorted({str(e.get('table_name')) for e in missing}))})")
        queued.sort(key=lambda q: int(str(q[2].get("seq") or 0)) if outbox_ok and q[2] else 1 << 62)
        for table, row_id, entry in queued:
            state = entry.get("state") if entry.get("state") in ("pending", "parked") else "pending"
            new.execute("INSERT INTO outbox (table_name, row_id, state, attempts, last_error, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (table, row_id, state, int(str(entry.get("attempts") or 0)),
                         entry.get("last_error"), entry.get("created_at") or now))
        new.commit()
    return salvaged, lost


def _remember(fresh: Path, note: str) -> None:
    with closing(sqlite3.connect(fresh, timeout=10)) as conn:
        conn.execute("INSERT OR REPLACE INTO kiosk_state (key, value) VALUES (?, ?)", (REPAIR_KEY, note))
        conn.commit()


def check_replica(path: Path | str, *, reported: bool = False) -> ReplicaCheck:
    """Check the replica at `path`; when damaged, move it aside, salvage the outbox into a fresh one, report.

    A rebuild is logged at ERROR, or at INFO when the caller says it reports the outcome itself (`reported`:
    the sync engine puts it in its next report, so the sync command prints it once, in its one line).
    """
    path = Path(path)
    if not path.exists():
        return ReplicaCheck("missing", f"{path} does not exist yet")
    problem = quick_check(path)
    if problem is None:
        return ReplicaCheck("ok", f"{path}: quick_check ok")
    moved = _move_aside(path)
    from db.engine import local_engine
    from kiosk.sync import schema

    engine = local_engine(path)
    try:
        schema.ensure_local(engine)
    finally:
        engine.dispose()
    salvaged: dict[str, int]
    if problem == EMPTY:  # nothing to read back
        salvaged, lost = {}, ["whatever was unsent (the file was cut to 0 bytes)"]
    else:
        salvaged, lost = _salvage(moved, path)
    rows = sum(salvaged.values())
    note = (f"replica damaged ({problem}); moved to {moved.name} and rebuilt, {rows} unsent rows salvaged"
            + (f"; LOST: {' | '.join(lost)}" if lost else "; nothing unsent lost"))
    _remember(path, f"{datetime.now(UTC).isoformat(timespec='seconds')} {note}")
    log.log(logging.INFO if reported else logging.ERROR, "%s", note)
    return ReplicaCheck("rebuilt", note, moved, salvaged, tuple(lost))

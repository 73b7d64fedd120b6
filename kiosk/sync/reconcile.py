"""Reconcile: prove the replica agrees with central, and repair it where it does not.

Per reference table, both sides are cut into buckets (integer keys: `pk / width`; text keys: their first
character) and each bucket is summarised as (count, md5 of "pk:row_version,..." in key order). PostgreSQL
computes its side in SQL (`md5(string_agg(... ORDER BY pk COLLATE "C"))`), so only one small row per bucket
crosses the network; SQLite sides stream (pk, row_version) in key order and hash in Python. Only differing
buckets are compared key by key: rows missing or at another row_version locally are re-pulled, local rows that no
longer exist centrally are removed.

Run after a pull (the engine does), so both sides are at the same horizon: central rows changed since then
show up as differences and are simply fetched early; the next pull re-reads them harmlessly.

For the outbox, per intake table: the ids the outbox says were sent that central does not hold are put back in
the queue; intake rows with no outbox entry at all are
queued. The engine pushes again right after.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, text, update

from db.base import INTAKE_TABLES, CentralBase, LocalBase
from db.models import OutboxEntry
from kiosk.sync.outbox import PENDING, SENT
from kiosk.sync.pull import Puller
from kiosk.sync.report import TableCounts
from kiosk.sync.retention import Window
from kiosk.sync.tables import TableSpec, all_specs

BUCKET_WIDTH = 4096

Digest = dict[Any, tuple[int, str]]


def _bucket_of(pk: Any, is_int: bool) -> Any:
    if is_int:
        return pk // BUCKET_WIDTH if pk >= 0 else -((-pk) // BUCKET_WIDTH)
    return str(pk)[:1]


def _digest_stream(rows: Iterable[tuple[Any, Any]], is_int: bool) -> Digest:
    """Bucket digests from (pk, row_version) rows given in key order."""
    out: Digest = {}
    current: Any = object()
    parts: list[str] = []

    def close() -> None:
        if parts:
            out[current] = (len(parts), hashlib.md5(",".join(parts).encode()).hexdigest())

    for pk, rv in rows:
        b = _bucket_of(pk, is_int)
        if b != current:
            close()
            current, parts = b, []
        parts.append(f"{pk}:{int(rv)}")
    close()
    return out


def _window_sql(sp: TableSpec, window: Window | None, dialect: str) -> tuple[str, dict[str, str]]:
    """An `AND ...` restricting central's rows to the replica's retention window ('' when none applies)."""
    cond = window.where(sp.name, dialect) if window is not None else None
    if cond is None or window is None:
        return "", {}
    return f" AND {cond}", window.params()


def _sqlite_digest(conn: Connection, sp: TableSpec, window: Window | None = None) -> Digest:
    order = f'"{sp.pk}"' if sp.pk_is_int else f'"{sp.pk}" COLLATE BINARY'
    cond, params = _window_sql(sp, window, "sqlite")
    result = conn.execution_options(stream_results=True).execute(
        text(f'SELECT "{sp.pk}", row_version FROM "{sp.name}" WHERE 1 = 1{cond} ORDER BY {order}'), params)
    return _digest_stream(((r[0], r[1]) for r in result), sp.pk_is_int)


def _pg_digest(conn: Connection, sp: TableSpec, window: Window | None = None) -> Digest:
    pk = f'"{sp.pk}"'
    bucket = f"{pk} / {BUCKET_WIDTH}" if sp.pk_is_int else f"substr({pk}, 1, 1)"
    order = pk if sp.pk_is_int else f'{pk} COLLATE "C"'
    cond, params = _window_sql(sp, window, "postgresql")
    rows = conn.execute(text(
        f"SELECT {bucket} AS b, count(*), md5(string_agg({pk}::text || ':' || row_version::text, ',' "
        f'ORDER BY {order})) FROM "{sp.pg_relation}" WHERE 1 = 1{cond} GROUP BY 1'), params).all()
    return {(int(b) if sp.pk_is_int else b): (int(n), str(h)) for b, n, h in rows}


def _bucket_keys(conn: Connection, sp: TableSpec, bucket: Any, window: Window | None = None) -> dict[Any, int]:
    pk = f'"{sp.pk}"'
    pg = conn.dialect.name == "postgresql"
    rel = sp.pg_relation if pg else sp.name
    cond, params = _window_sql(sp, window, "postgresql" if pg else "sqlite")
    if sp.pk_is_int:
        # Truncating division puts -w+1..w-1 in bucket 0: read a wider range and filter by the bucket function.
        lo, hi = (bucket - 1) * BUCKET_WIDTH, (bucket + 2) * BUCKET_WIDTH
        rows = conn.execute(text(f'SELECT {pk}, row_version FROM "{rel}" WHERE {pk} > :lo AND {pk} < :hi{cond}'),
                            {"lo": lo, "hi": hi, **params}).all()
    else:
        rows = conn.execute(text(f'SELECT {pk}, row_version FROM "{rel}" WHERE substr({pk}, 1, 1) = :b{cond}'),
                            {"b": bucket, **params}).all()
    return {r[0]: int(r[1]) for r in rows if _bucket_of(r[0], sp.pk_is_int) == bucket}


class Reconciler:
    """Compares and repairs; `central` is a connection on central, `local_begin` opens local transactions."""

    def __init__(self, central: Connection, local_connect: Callable[[], Any], local_begin: Callable[[], Any],
                 puller: Puller, kiosk_id: str) -> None:
        self.central = central
        self.local_connect = local_connect
        self.local_begin = local_begin
        self.puller = puller
        self.kiosk_id = kiosk_id
        self.is_pg = central.dialect.name == "postgresql"

    def reference(self, counts: dict[str, TableCounts], stop: Callable[[], bool] = lambda: False) -> None:
        for sp in all_specs():
            if stop():
                return
            self.table(sp, counts.setdefault(sp.name, TableCounts()))

    def table(self, sp: TableSpec, c: TableCounts) -> None:
        # Central's side is cut to the replica's retention window: rows outside it are not drift.
        window = self.puller.window
        central_d = _pg_digest(self.central, sp, window) if self.is_pg else _sqlite_digest(self.central, sp, window)
        if self.is_pg:
            self.central.rollback()
        with self.local_connect() as lconn:
            local_d = _sqlite_digest(lconn, sp)
        c.compared += sum(n for n, _ in central_d.values())
        differing = [b for b in set(central_d) | set(local_d) if central_d.get(b) != local_d.get(b)]
        c.differing_buckets += len(differing)
        for bucket in differing:
            theirs = _bucket_keys(self.central, sp, bucket, window)
            if self.is_pg:
                self.central.rollback()
            with self.local_connect() as lconn:
                ours = _bucket_keys(lconn, sp, bucket)
            fetch = [pk for pk, rv in theirs.items() if ours.get(pk) != rv]
            drop = [pk for pk in ours if pk not in theirs]
            rows = self.puller.fetch_by_pks(sp, fetch) if fetch else []
            if self.is_pg:
                self.central.rollback()
            with self.local_begin() as lconn:
                cur = lconn.connection.dbapi_connection.cursor()
                try:
                    if rows:
                        cur.executemany(sp.upsert_sql(), rows)
                    if drop:
                        cur.executemany(f'DELETE FROM "{sp.name}" WHERE "{sp.pk}" = ?', [(pk,) for pk in drop])
                finally:
                    cur.close()
            c.repaired += len(rows) + len(drop)

    def outbox(self, counts: dict[str, TableCounts]) -> None:
        for name in INTAKE_TABLES:
            c = counts.setdefault(name, TableCounts())
            local_t = LocalBase.metadata.tables[name]
            central_t = CentralBase.metadata.tables[name]
            with self.local_begin() as lconn:
                # Intake rows that somehow have no outbox entry are queued (nothing may stay unsent).
                orphans = lconn.execute(select(local_t.c.id).where(
                    local_t.c.id.not_in(select(OutboxEntry.row_id)))).scalars().all()
                now = datetime.now(UTC)
                for row_id in orphans:
                    lconn.execute(insert(OutboxEntry).values(
                        table_name=name, row_id=row_id, state=PENDING, attempts=0, created_at=now))
                sent = set(lconn.execute(select(OutboxEntry.row_id).where(
                    OutboxEntry.table_name == name, OutboxEntry.state == SENT)).scalars())
            c.compared += len(sent)
            c.repaired += len(orphans)
            if not sent:
                continue
            # By row id (a UUID made here), not by kiosk id: kiosk ids repeat across branches, so another
            # branch's kiosk of the same id must not make up for a row of ours that central lost.
            ids = sorted(sent)
            there: set[str] = set()
            for i in range(0, len(ids), 1000):
                there.update(self.central.execute(select(central_t.c.id).where(
                    central_t.c.id.in_(ids[i:i + 1000]))).scalars())
            missing = sent - there
            if self.is_pg:
                self.central.rollback()
            if missing:
                c.differing_buckets += 1
                with self.local_begin() as lconn:
                    ids = sorted(missing)
                    for i in range(0, len(ids), 500):
                        lconn.execute(update(OutboxEntry).where(OutboxEntry.row_id.in_(ids[i:i + 500])).values(
                            state=PENDING, next_attempt_at=None, sent_at=None, last_error="missing centrally"))
                c.repaired += len(missing)

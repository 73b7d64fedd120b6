"""Pull: copy reference rows changed centrally into the replica, table by table, in keyset batches.

Each batch is `row_version > checkpoint AND row_version <= W ORDER BY row_version LIMIT n` (W: the safe
watermark, see kiosk.sync.central), read with plain Core/DBAPI rows, and applied in one local transaction
together with the table's new checkpoint, so a kill at any instant loses nothing and repeats nothing.

Tombstones of the same table and row_version range are applied in the same transaction, merged with the rows in
row_version order; a tombstone only deletes a local row older than itself, so "deleted then re-inserted"
keeps the new row whatever order the two arrive in. A batch never ends in the middle of a group of equal
row_versions (a bulk load may stamp many rows alike), so the `>` checkpoint cannot skip half a group.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.schema import CreateIndex

from kiosk.sync.report import ProgressEvent, SyncError, TableCounts
from kiosk.sync.retention import Window
from kiosk.sync.tables import Row, TableSpec, all_specs, spec

NO_CHECKPOINT = -1  # below any row_version, so rows stamped 0 by a bulk load are pulled too

Progress = Callable[[ProgressEvent], None]


class SyncStopped(SyncError):
    """The run was asked to stop (app closing); everything applied so far is committed and consistent."""

    code = "stopped"


def load_checkpoints(local: Connection) -> dict[str, int]:
    rows = local.execute(text("SELECT table_name, row_version FROM sync_checkpoints")).all()
    return {name: int(rv) for name, rv in rows}


def _stamp() -> str:
    return datetime.now(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


class Puller:
    """Reads batches from central (`central` conn) and applies them to the replica (`local_engine` conns)."""

    def __init__(self, central: Connection, local_begin: Callable[[], Any], *, is_pg: bool, batch_size: int,
                 progress: Progress | None = None, stop: threading.Event | None = None,
                 window: Window | None = None) -> None:
        self.central = central
        self.window = window  # the replica's retention window (kiosk.sync.retention); None: all history
        self.local_begin = local_begin
        self.is_pg = is_pg
        self.n = batch_size
        self.progress = progress
        self.stop = stop
        self._pg_central = central.dialect.name == "postgresql"  # personal data through the masked views

    # -- reading ---------------------------------------------------------------------------------------------

    def _in_window(self, sp: TableSpec, checkpoint: int) -> bool:
        """Read only the rows inside the retention window? Changed invoices are read whole after the first
        sync, so one paid long ago is dropped here (it may be the stale "open" copy of the replica)."""
        return self.window is not None and (sp.name != "invoices" or checkpoint == NO_CHECKPOINT)

    def _fetch_rows(self, sp: TableSpec, lo: int, hi: int, limit: int | None, equal: int | None = None,
                    windowed: bool = False) -> list[Row]:
        where = "row_version = %(eq)s" if equal is not None else "row_version > %(lo)s AND row_version <= %(hi)s"
        lim = f" LIMIT {int(limit)}" if limit else ""
        params: dict[str, Any] = {"lo": lo, "hi": hi, "eq": equal}
        cond = self.window.where(sp.name, "pg" if self.is_pg else self.central.dialect.name) \
            if windowed and self.window is not None else None
        if cond is not None and self.window is not None:
            where += f" AND {cond}"
            params.update(self.window.params())
        if self.is_pg:
            sql = f'SELECT {sp.pg_select_list()} FROM "{sp.pg_relation}" WHERE {where} ORDER BY row_version{lim}'
            cur = self.central.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                cur.execute(sql, params)
                out: list[Row] = []
                while chunk := cur.fetchmany(1000):  # short C loops: other threads (the GUI) get the GIL between
                    out += chunk
                return out
            finally:
                cur.close()
        rel, source = sp.source_for(self._pg_central)
        cols = [rel.c[c] for c in source]
        rv = rel.c.row_version
        stmt = select(*cols).where(rv == equal if equal is not None else (rv > lo) & (rv <= hi)).order_by(rv)
        if cond is not None:
            names = set(re.findall(r":(\w+)", cond))
            stmt = stmt.where(text(cond).bindparams(**{k: v for k, v in params.items() if k in names}))
        if limit:
            stmt = stmt.limit(limit)
        return [tuple(r) for r in self.central.execute(stmt).all()]

    def fetch_by_pks(self, sp: TableSpec, pks: Sequence[Any], column: str | None = None) -> list[Row]:
        """Central rows with these keys (or these values of `column`), as stored tuples (reconcile's re-pull)."""
        key = column or sp.pk
        out: list[Row] = []
        for i in range(0, len(pks), 1000):
            chunk = list(pks[i:i + 1000])
            if self.is_pg:
                sql = f'SELECT {sp.pg_select_list()} FROM "{sp.pg_relation}" WHERE "{key}" = ANY(%(ids)s)'
                cur = self.central.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
                try:
                    cur.execute(sql, {"ids": chunk})
                    out += sp.to_local_fast([tuple(r) for r in cur.fetchall()])
                finally:
                    cur.close()
            else:
                rel, source = sp.source_for(self._pg_central)
                cols = [rel.c[c] for c in source]
                rows = self.central.execute(select(*cols).where(rel.c[key].in_(chunk))).all()
                out += sp.to_local_generic([tuple(r) for r in rows], self._pg_central)
        return out

    def _fetch_tombs(self, sp: TableSpec, lo: int, hi: int, limit: int | None,
                     equal: int | None = None) -> list[tuple[str, int]]:
        cond = "row_version = :eq" if equal is not None else "row_version > :lo AND row_version <= :hi"
        lim = f" LIMIT {int(limit)}" if limit else ""
        rows = self.central.execute(
            text(f"SELECT row_pk, row_version FROM tombstones WHERE table_name = :t AND {cond} "
                 f"ORDER BY row_version{lim}"),
            {"t": sp.name, "lo": lo, "hi": hi, "eq": equal},
        ).all()
        return [(str(pk), int(v)) for pk, v in rows]

    # -- one table -------------------------------------------------------------------------------------------

    def pull_table(self, sp: TableSpec, checkpoint: int, mark: int, counts: TableCounts, step: int = 0,
                   steps: int = 0) -> int:
        """Pull one table from `checkpoint` up to `mark`; returns the new checkpoint."""
        src_rv = sp.source_for(self.is_pg or self._pg_central)[1].index("row_version")
        windowed = self._in_window(sp, checkpoint)
        cp = checkpoint
        while cp < mark:
            if self.stop is not None and self.stop.is_set():
                raise SyncStopped("sync stopped")
            rows = self._fetch_rows(sp, cp, mark, self.n, windowed=windowed)
            tombs = self._fetch_tombs(sp, cp, mark, self.n)
            if self.is_pg:
                self.central.rollback()  # end the read transaction: never hold a snapshot between batches
            end = mark
            if len(rows) == self.n:
                end, rows = self._cut(rows, lambda r: int(r[src_rv]),
                                      partial(self._fetch_rows, sp, cp, mark, None, windowed=windowed))
            if len(tombs) == self.n:
                t_end, tombs = self._cut(tombs, lambda t: t[1],
                                         partial(self._fetch_tombs, sp, cp, mark, None))
                end = min(end, t_end)
            rows = [r for r in rows if int(r[src_rv]) <= end]
            tombs = [t for t in tombs if t[1] <= end]
            stored = sp.to_local_fast(rows) if self.is_pg else sp.to_local_generic(rows, self._pg_central)
            dropped: list[Any] = []
            returning: list[Any] = []
            if self.window is not None and sp.name == "invoices" and not windowed:
                stored, dropped = self._split_invoices(sp, stored)
                returning = self._returning_invoices(sp, stored)
            deleted = self._apply(sp, stored, tombs, end, dropped)
            if returning:  # their lines were left out by the window and are not re-stamped: fetch them now
                lines = spec("invoice_lines")
                self._apply(lines, self.fetch_by_pks(lines, returning, "invoice_id"), (), -1, skip_checkpoint=True)
            counts.pulled += len(stored)
            counts.deleted += deleted
            cp = end
            if self.progress is not None:
                self.progress(ProgressEvent("pull", sp.name, counts.pulled, step, steps))
        return cp

    @staticmethod
    def _cut(items: list[Any], rv_of: Callable[[Any], int],
             fetch_equal: Callable[[int], list[Any]]) -> tuple[int, list[Any]]:
        """End a full batch on a row_version boundary: (batch end, items up to it)."""
        last = rv_of(items[-1])
        if rv_of(items[0]) == last:  # the whole batch is one group: take all of that group
            return last, fetch_equal(last)
        kept = [i for i in items if rv_of(i) < last]
        return rv_of(kept[-1]), kept

    def _split_invoices(self, sp: TableSpec, stored: list[Row]) -> tuple[list[Row], list[Any]]:
        """Changed invoices (read whole): (rows inside the window, keys of those now outside it)."""
        assert self.window is not None
        i_issue, i_status, i_paid = (sp.columns.index(c) for c in ("issue_date", "status", "paid_on"))
        i_pk = sp.columns.index(sp.pk)
        kept: list[Row] = []
        dropped: list[Any] = []
        for row in stored:
            if self.window.keeps_invoice(row[i_issue], row[i_status], row[i_paid]):
                kept.append(row)
            else:
                dropped.append(row[i_pk])
        return kept, dropped

    def _returning_invoices(self, sp: TableSpec, stored: list[Row]) -> list[Any]:
        """Kept invoices issued before the window that the replica does not hold (settled, then reopened)."""
        assert self.window is not None
        i_issue, i_pk = sp.columns.index("issue_date"), sp.columns.index(sp.pk)
        old = [row[i_pk] for row in stored if row[i_issue] < self.window.start_int]
        if not old:
            return []
        held: set[Any] = set()
        with self.local_begin() as lconn:
            cur = lconn.connection.dbapi_connection.cursor()
            try:
                for i in range(0, len(old), 500):
                    chunk = old[i:i + 500]
                    marks = ", ".join("?" for _ in chunk)
                    held |= {r[0] for r in cur.execute(f"SELECT id FROM invoices WHERE id IN ({marks})", chunk)}
            finally:
                cur.close()
        return [pk for pk in old if pk not in held]

    def _apply(self, sp: TableSpec, rows: Sequence[Row], tombs: Sequence[tuple[str, int]], end: int,
               dropped: Sequence[Any] = (), skip_checkpoint: bool = False) -> int:
        """Apply one batch and the new checkpoint in one local transaction; returns rows deleted.

        `dropped`: invoices now outside the retention window, removed with their lines (not counted as deleted).
        """
        deleted = 0
        upsert, delete = sp.upsert_sql(), sp.delete_sql()
        with self.local_begin() as lconn:
            cur = lconn.connection.dbapi_connection.cursor()
            try:
                if dropped:
                    keys = [(pk,) for pk in dropped]
                    cur.executemany("DELETE FROM invoice_lines WHERE invoice_id = ?", keys)
                    cur.executemany("DELETE FROM invoices WHERE id = ?", keys)
                if not tombs:
                    if rows:
                        cur.executemany(upsert, rows)
                else:
                    rv_i = sp.rv_index
                    ops: list[tuple[int, int, Any]] = [(int(r[rv_i]), 1, r) for r in rows]
                    ops += [(v, 0, (sp.pk_value(pk), v)) for pk, v in tombs]
                    ops.sort(key=lambda o: (o[0], o[1]))
                    run: list[Any] = []
                    kind = -1
                    for _, k, item in [*ops, (0, -1, None)]:
                        if k != kind and run:
                            if kind == 1:
                                cur.executemany(upsert, run)
                            else:
                                cur.executemany(delete, run)
                                deleted += max(cur.rowcount, 0)
                            run = []
                        kind = k
                        if item is not None:
                            run.append(item)
                if skip_checkpoint:
                    return deleted
                cur.execute(
                    "INSERT INTO sync_checkpoints (table_name, row_version, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (table_name) DO UPDATE SET row_version = excluded.row_version, "
                    "updated_at = excluded.updated_at",
                    (sp.name, end, _stamp()),
                )
            finally:
                cur.close()
        return deleted

    # -- all tables ------------------------------------------------------------------------------------------

    def pull_all(self, checkpoints: dict[str, int], marks: dict[str, int],
                 counts: dict[str, TableCounts]) -> None:
        specs = all_specs()
        for i, sp in enumerate(specs, start=1):
            c = counts.setdefault(sp.name, TableCounts())
            checkpoint = checkpoints.get(sp.name, NO_CHECKPOINT)
            if checkpoint == NO_CHECKPOINT:
                self._defer_indexes(sp)
            self.pull_table(sp, checkpoint, marks.get(sp.name, -1), c, i, len(specs))
            self._ensure_indexes(sp)

    def _defer_indexes(self, sp: TableSpec) -> None:
        """First load into an empty table: drop its secondary indexes, built once when the table is in.

        Built from sorted keys an index is densely packed (a third smaller than one grown by random inserts) and
        the load does not maintain it row by row. A load cut short leaves them missing until the table's next
        pull completes (`_ensure_indexes`); the key and unique constraints stay throughout.
        """
        with self.local_begin() as lconn:
            if lconn.execute(text(f'SELECT 1 FROM "{sp.name}" LIMIT 1')).first() is not None:
                return
            for index in sp.local.indexes:
                lconn.execute(text(f'DROP INDEX IF EXISTS "{index.name}"'))

    def _ensure_indexes(self, sp: TableSpec) -> None:
        with self.local_begin() as lconn:
            for index in sp.local.indexes:
                lconn.execute(CreateIndex(index, if_not_exists=True))

"""How each reference table is copied from central to the replica: columns, conversions, masking.

Only the columns the local model declares are copied. Customers are masked (full name -> first name + masked
name, phone and e-mail masked, document number never copied): a PostgreSQL central does it in the
`kiosk_customers` view (db.central_ddl.KIOSK_VIEWS; the kiosk role cannot read the table), a SQLite central (the
embedded demo, no roles) is read from the table and masked here with kiosk.masking. Two ways to read central
rows produce the same stored values:

- PostgreSQL fast path: conversions to SQLite's storage format are done in the SELECT itself (money as integer
  hundredths, dates and UTC timestamps as the text SQLAlchemy writes or YYYYMMDD integers (db.types.CompactDate),
  booleans as 0/1), so rows go from the
  psycopg cursor straight into SQLite `executemany` without per-value Python work.
- Generic path (SQLite central in the demo, and a cross-check in tests): SQLAlchemy Core reads typed values and
  the local column types' own bind processors turn them into storage values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Column, Date, Dialect, Integer, MetaData, Numeric, Table
from sqlalchemy.dialects import sqlite as sqlite_dialect

import db.models  # noqa: F401  (fills both metadatas)
from db.base import INTAKE_TABLES, REFERENCE_TABLES, CentralBase, LocalBase
from db.central_ddl import KIOSK_VIEWS
from db.types import Amount, CompactDate, UtcDateTime
from kiosk.masking import first_name_of, mask_email, mask_name, mask_phone

Row = tuple[Any, ...]

# Customers: central columns read, in this order, by the transform below.
_CUSTOMER_SOURCE = ("id", "first_name", "last_name", "phone", "email", "consent_messages", "e_invoice", "row_version")


def _customer_row(src: Sequence[Any]) -> dict[str, Any]:
    cid, first, last, phone, email, consent, e_invoice, rv = src
    return {
        "id": cid,
        "first_name": first_name_of(first or ""),
        "name_masked": mask_name(f"{first or ''} {last or ''}"),
        "phone_masked": mask_phone(phone or ""),
        "email_masked": mask_email(email or ""),
        "consent_messages": consent,
        "e_invoice": e_invoice,
        "row_version": rv,
    }


@dataclass(frozen=True)
class TableSpec:
    """One reference table: what to read centrally and how to store it locally."""

    name: str
    local: Table
    central: Table
    pk: str
    pk_is_int: bool
    columns: tuple[str, ...]  # local columns, in insert order
    source: tuple[str, ...]  # central columns read, in order
    transform: Callable[[Sequence[Any]], dict[str, Any]] | None  # source row -> local values by name
    pg_view: Table | None = None  # PostgreSQL central: the view read instead (local columns, already masked)

    @property
    def pg_relation(self) -> str:
        """What a PostgreSQL central is read from: the masked view, or the table itself."""
        return self.pg_view.name if self.pg_view is not None else self.name

    def source_for(self, pg: bool) -> tuple[Table, tuple[str, ...]]:
        """The central relation and columns the generic path reads (pg: the central is PostgreSQL)."""
        if pg and self.pg_view is not None:
            return self.pg_view, self.columns
        return self.central, self.source

    @property
    def rv_index(self) -> int:
        """Position of row_version in a stored (local) row."""
        return self.columns.index("row_version")

    def pg_select_list(self) -> str:
        """The SELECT list of the PostgreSQL fast path (storage conversions done by the server)."""
        if self.transform is not None and self.pg_view is None:
            out = []
            for name in self.source:
                col = self.central.c[name]
                out.append(f"{_q(name)}::int" if isinstance(col.type, Boolean) else _q(name))
            return ", ".join(out)
        return ", ".join(_pg_expr(self.local.c[name].type, name) for name in self.columns)

    def to_local_fast(self, rows: Sequence[Row]) -> list[Row]:
        """Rows from the fast path, as stored tuples."""
        if self.transform is None or self.pg_view is not None:
            return list(rows)
        out = []
        for src in rows:
            values = self.transform(src)
            out.append(tuple(values[c] for c in self.columns))
        return out

    def to_local_generic(self, rows: Sequence[Sequence[Any]], pg: bool = False) -> list[Row]:
        """Typed rows (SQLAlchemy Core, read per source_for(pg)) as stored tuples, via the local bind processors."""
        procs = _bind_processors(self.name)
        transform = None if pg and self.pg_view is not None else self.transform
        names = self.source_for(pg)[1]
        out: list[Row] = []
        for src in rows:
            values = transform(src) if transform else dict(zip(names, src, strict=True))
            out.append(tuple(p(values[c]) if p else values[c] for c, p in zip(self.columns, procs, strict=True)))
        return out

    def pk_value(self, text: str) -> Any:
        """A tombstone's row_pk in the local key's type."""
        return int(text) if self.pk_is_int else text

    def upsert_sql(self) -> str:
        cols = ", ".join(_q(c) for c in self.columns)
        marks = ", ".join("?" for _ in self.columns)
        # REPLACE also removes a stale local row that holds a unique value (invoice number, payment reference)
        # the incoming row now owns; that row's own newer version arrives later in the same pull.
        return f"INSERT OR REPLACE INTO {_q(self.name)} ({cols}) VALUES ({marks})"

    def delete_sql(self) -> str:
        # Guard: a tombstone never removes a newer version of a re-inserted row.
        return f"DELETE FROM {_q(self.name)} WHERE {_q(self.pk)} = ? AND row_version < ?"


def _q(name: str) -> str:
    return f'"{name}"'


def _pg_expr(local_type: Any, name: str) -> str:
    col = _q(name)
    if isinstance(local_type, Amount):
        return f"round({col} * 100)::bigint"
    if isinstance(local_type, UtcDateTime):
        return f"to_char({col} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
    if isinstance(local_type, CompactDate):
        return f"to_char({col}, 'YYYYMMDD')::int"
    if isinstance(local_type, Date):
        return f"to_char({col}, 'YYYY-MM-DD')"
    if isinstance(local_type, Boolean):
        return f"{col}::int"
    if isinstance(local_type, Numeric) and not isinstance(local_type, Integer):
        return f"{col}::float8"  # SQLite has no decimal: SQLAlchemy binds Numeric there as a float
    return col


_SQLITE: Dialect = sqlite_dialect.dialect()  # type: ignore[no-untyped-call]


@cache
def _bind_processors(table: str) -> tuple[Callable[[Any], Any] | None, ...]:
    local = LocalBase.metadata.tables[table]
    return tuple(local.c[c].type._cached_bind_processor(_SQLITE) for c in spec(table).columns)


@cache
def spec(table: str) -> TableSpec:
    """The copy spec of one reference table."""
    local = LocalBase.metadata.tables[table]
    central = CentralBase.metadata.tables[table]
    (pk_col,) = list(local.primary_key.columns)
    columns = tuple(c.name for c in local.columns)
    if table == "customers":
        source: tuple[str, ...] = _CUSTOMER_SOURCE
        transform: Callable[[Sequence[Any]], dict[str, Any]] | None = _customer_row
    else:
        missing = [c for c in columns if c not in central.c]
        if missing:
            raise RuntimeError(f"{table}: local columns {missing} have no central counterpart")
        source, transform = columns, None
    view = None
    if table in KIOSK_VIEWS:
        view = Table(KIOSK_VIEWS[table], MetaData(), *[Column(c.name, c.type) for c in local.columns])
    return TableSpec(name=table, local=local, central=central, pk=pk_col.name,
                     pk_is_int=isinstance(pk_col.type, Integer), columns=columns, source=source,
                     transform=transform, pg_view=view)


def all_specs() -> list[TableSpec]:
    """Every reference table, parents first (REFERENCE_TABLES order)."""
    return [spec(t) for t in REFERENCE_TABLES]


def intake_tables() -> tuple[tuple[Table, Table], ...]:
    """(local, central) table pairs of the intake tables, in INTAKE_TABLES order."""
    return tuple((LocalBase.metadata.tables[t], CentralBase.metadata.tables[t]) for t in INTAKE_TABLES)

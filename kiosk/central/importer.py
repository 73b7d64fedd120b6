"""CSV import from the utility's billing system into one central table: `python -m kiosk central import`.

Every row is checked before anything is written (types, required columns, allowed values, dates, amounts,
references to parent rows, unique keys), bad rows are reported with their line number and reason, and the good
rows are upserted by primary key in batches. A row is only written when it differs from what the database
holds, so importing the same file twice changes nothing, not even a row_version, and kiosks do not pull
untouched rows again. Rules come from the central models (column types, lengths, nullability, foreign keys,
unique indexes) plus a short list of domain rules the types cannot express.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TextIO

import sqlalchemy as sa
from sqlalchemy.engine import Connection

import db.models  # noqa: F401  (fills the central metadata)
from db.base import CentralBase
from db.engine import central_engine
from db.types import Amount, UtcDateTime
from kiosk.domain.reading import Service
from kiosk.payments.reference import is_valid_reference

IMPORT_TABLES: tuple[str, ...] = (
    "branches",
    "customers",
    "plans",
    "accounts",
    "supplies",
    "invoices",
    "invoice_lines",
    "payments",
    "meter_readings",
    "reading_windows",
    "payment_agreements",
    "agreement_instalments",
    "case_statuses",
)
_MANAGED = {"row_version"}  # stamped by the central database, never imported
_SERVICES = frozenset(s.value for s in Service)
ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("accounts", "kind"): frozenset({"postpaid", "prepaid"}),
    ("accounts", "status"): frozenset({"active", "suspended", "closed"}),
    ("supplies", "service"): _SERVICES,
    ("plans", "service"): _SERVICES,
    ("invoices", "service"): _SERVICES,
    ("invoices", "status"): frozenset({"pending", "overdue", "paid"}),
    ("payments", "kind"): frozenset({"payment", "adjustment"}),
    ("meter_readings", "kind"): frozenset({"real", "estimated", "customer"}),
    ("payment_agreements", "status"): frozenset({"active", "completed", "cancelled"}),
    ("case_statuses", "status"): frozenset({"received", "in_progress", "resolved", "rejected"}),
}
# References the central schema does not enforce with a foreign key but the kiosk relies on.
LOGICAL_REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("accounts", "branch_id"): ("branches", "id"),
    ("accounts", "plan_id"): ("plans", "id"),
    ("supplies", "plan_id"): ("plans", "id"),
    ("case_statuses", "account_id"): ("accounts", "id"),
}
# Amounts that can never be negative (lines and payments may: discounts and adjustments).
NON_NEGATIVE = {
    ("invoices", "total"), ("invoices", "second_total"), ("invoices", "taxes"), ("plans", "price"),
    ("payment_agreements", "total"), ("agreement_instalments", "amount"), ("meter_readings", "value"),
    ("meter_readings", "consumption"), ("supplies", "meter_digits"),
}
_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_TRUE = {"1", "true", "t", "yes", "y", "si", "sí", "s"}
_FALSE = {"0", "false", "f", "no", "n"}
_INT_RANGE = {"INTEGER": 2**31, "BIGINT": 2**63}
_INTEGER = re.compile(r"^-?[0-9]+$")  # ASCII digits only: int() would also take "1_9", "+5" and "١٢"
_DECIMAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")  # no exponent, no "_", no "NaN"/"Infinity"
MAX_LISTED = 200
MAX_FIELD = csv.field_size_limit()  # characters in one field; a longer one is a rejected row, not a stop


class ImportFileError(Exception):
    """The file as a whole cannot be imported (missing, unreadable, wrong header, unknown table)."""


class RowError(ValueError):
    """One value or row is invalid; the message is the reason shown next to the line number."""


@dataclass(frozen=True, slots=True)
class Rejection:
    line: int
    reason: str


@dataclass
class ImportReport:
    table: str
    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        return (
            f"{self.table}: read {self.read}, inserted {self.inserted}, updated {self.updated}, "
            f"unchanged {self.unchanged}, rejected {len(self.rejected)}"
        )


# -- value parsing -----------------------------------------------------------------------------------------


def _shown(text: str) -> str:
    """A value as quoted in a reason: repr (control characters visible), cut so a huge field stays one line."""
    return repr(text) if len(text) <= 40 else f"{text[:37]!r}..."


def _parse_decimal(text: str, precision: int | None, scale: int | None) -> Decimal:
    """Plain decimal notation that fits the column: NUMERIC(precision, scale) must hold it without rounding."""
    raw = text.replace(" ", "")
    if "," in raw:
        if "." in raw or raw.count(",") > 1:
            raise RowError(f"{_shown(text)} is not a number (no thousands separators; use 1234.56)")
        raw = raw.replace(",", ".")
    if not _DECIMAL.match(raw):
        raise RowError(f"{_shown(text)} is not a number (digits with an optional . and decimals)")
    try:
        value = Decimal(raw)
    except InvalidOperation:  # pragma: no cover - the pattern only lets plain decimals through
        raise RowError(f"{_shown(text)} is not a number") from None
    decimals = raw.partition(".")[2].rstrip("0")
    if scale is not None and len(decimals) > scale:
        raise RowError(f"{_shown(text)} has more than {scale} decimals")
    if precision is not None:
        whole = len(raw.lstrip("-").partition(".")[0].lstrip("0"))
        if whole > precision - (scale or 0):
            raise RowError(f"{_shown(text)} is too large (at most {precision - (scale or 0)} digits before the point)")
    return value


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if match:
        try:
            return date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            pass
    raise RowError(f"{_shown(text)} is not a date (YYYY-MM-DD or DD/MM/YYYY)")


def _parse_timestamp(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise RowError(f"{_shown(text)} is not a timestamp (ISO 8601, e.g. 2026-11-25T10:30:00-03:00)") from None
    if value.tzinfo is None:
        raise RowError(f"{_shown(text)} needs a UTC offset (e.g. 2026-11-25T10:30:00-03:00)")
    return value


def _converter(table: str, column: sa.Column[Any]) -> Callable[[str], Any]:
    """Text -> Python value for one column, checking what its type and length demand."""
    ctype = column.type
    if isinstance(ctype, UtcDateTime):
        return _parse_timestamp
    if isinstance(ctype, Amount):
        return lambda text: _parse_decimal(text, Amount.impl.precision, Amount.impl.scale)
    if isinstance(ctype, sa.Boolean):

        def to_bool(text: str) -> bool:
            low = text.lower()
            if low in _TRUE:
                return True
            if low in _FALSE:
                return False
            raise RowError(f"{_shown(text)} is not true/false")

        return to_bool
    if isinstance(ctype, sa.Date):
        return _parse_date
    if isinstance(ctype, sa.Numeric):
        return lambda text: _parse_decimal(text, ctype.precision, ctype.scale)
    if isinstance(ctype, sa.Integer):
        limit = _INT_RANGE["BIGINT" if isinstance(ctype, sa.BigInteger) else "INTEGER"]
        is_id = column.primary_key or bool(column.foreign_keys) or column.name.endswith("_id")

        def to_int(text: str) -> int:
            raw = text.replace(" ", "")
            if not _INTEGER.match(raw):
                raise RowError(f"{_shown(text)} is not a whole number")
            value = int(raw)
            if is_id and value < 1:
                raise RowError(f"{_shown(text)} is not an id (ids are whole numbers from 1)")
            if not -limit <= value < limit:
                raise RowError(f"{_shown(text)} is out of range")
            return value

        return to_int
    if isinstance(ctype, sa.String):
        length = ctype.length

        def to_str(text: str) -> str:
            if length is not None and len(text) > length:
                raise RowError(f"longer than {length} characters")
            return text

        return to_str
    return lambda text: text


# -- table rules -------------------------------------------------------------------------------------------


@dataclass
class TableRules:
    """What a row of one table must satisfy, derived once from the model."""

    table: sa.Table
    pk: str
    columns: list[str]  # the file's columns, in file order
    required: set[str]
    converters: dict[str, Callable[[str], Any]]
    nullable: set[str]
    defaults: dict[str, Any]  # what an empty field means for a non-null column with a default
    references: dict[str, tuple[str, str]]  # column -> (parent table, parent column)
    uniques: list[tuple[str, ...]]


def table_rules(name: str, header: list[str]) -> TableRules:
    if name not in IMPORT_TABLES:
        raise ImportFileError(f"table {name!r} cannot be imported; importable: {', '.join(IMPORT_TABLES)}")
    table = CentralBase.metadata.tables[name]
    pks = [c.name for c in table.primary_key.columns]
    known = {c.name for c in table.columns} - _MANAGED
    cleaned = [h.strip() for h in header]
    if not cleaned or cleaned == [""]:
        raise ImportFileError("the file has no header line")
    for col in cleaned:
        if col in _MANAGED:
            raise ImportFileError(f"column {col!r} is set by the central database; remove it from the file")
        if col not in known:
            raise ImportFileError(f"unknown column {col!r} for table {name} (known: {', '.join(sorted(known))})")
    dupes = sorted({c for c in cleaned if cleaned.count(c) > 1})
    if dupes:
        raise ImportFileError(f"column {dupes[0]!r} appears twice in the header")
    required = {
        c.name
        for c in table.columns
        if c.name not in _MANAGED
        and not c.nullable
        and c.default is None
        and c.server_default is None
    } | set(pks)
    missing = sorted(required - set(cleaned))
    if missing:
        raise ImportFileError(f"required column {missing[0]!r} is missing from the header of a {name} file")
    references: dict[str, tuple[str, str]] = {}
    for column in table.columns:
        for fk in column.foreign_keys:
            references[column.name] = (fk.column.table.name, fk.column.name)
    for (tname, col_name), target in LOGICAL_REFERENCES.items():
        if tname == name:
            references[col_name] = target
    uniques: list[tuple[str, ...]] = []
    for index in table.indexes:
        if index.unique:
            uniques.append(tuple(c.name for c in index.columns))
    for constraint in table.constraints:
        if isinstance(constraint, sa.UniqueConstraint):
            uniques.append(tuple(c.name for c in constraint.columns))
    uniques += [(c.name,) for c in table.columns if c.unique]
    return TableRules(
        table=table,
        pk=pks[0],
        columns=cleaned,
        required=required,
        converters={c: _converter(name, table.c[c]) for c in cleaned},
        nullable={c.name for c in table.columns if c.nullable and c.name not in pks},
        defaults={
            c.name: c.default.arg
            for c in table.columns
            if isinstance(c.default, sa.ColumnDefault) and c.default.is_scalar and c.name not in pks
        },
        references={c: t for c, t in references.items() if c in cleaned},
        uniques=[u for u in dict.fromkeys(uniques) if set(u) <= set(cleaned)],
    )


def _domain_rules(table: str, row: dict[str, Any]) -> None:
    """Rules beyond column types: allowed values, periods, references, date order, paid status."""
    for col, value in row.items():
        allowed = ENUMS.get((table, col))
        if allowed is not None and value is not None and value not in allowed:
            raise RowError(f"{col}: {value!r} is not one of {', '.join(sorted(allowed))}")
        if (table, col) in NON_NEGATIVE and value is not None and value < 0:
            raise RowError(f"{col}: must not be negative")
        if col == "period" and value is not None and not _PERIOD.match(value):
            raise RowError(f"period: {value!r} is not YYYY-MM")
        if col == "currency" and value is not None and not _CURRENCY.match(value):
            raise RowError(f"currency: {value!r} is not an ISO 4217 code like ARS")
    if table == "invoices":
        ref = row.get("payment_reference")
        if ref is not None and not is_valid_reference(ref):
            raise RowError(f"payment_reference: {ref!r} is not an 18-digit reference with a valid check digit")
        issue, first, second = row.get("issue_date"), row.get("first_due_date"), row.get("second_due_date")
        if issue and first and first < issue:
            raise RowError("first_due_date is before issue_date")
        if first and second and second < first:
            raise RowError("second_due_date is before first_due_date")
        if "status" in row and "paid_on" in row:
            if row["status"] == "paid" and row["paid_on"] is None:
                raise RowError("status is paid but paid_on is empty")
            if row["status"] != "paid" and row["paid_on"] is not None:
                raise RowError(f"status is {row['status']} but paid_on is set")
    opens, closes = row.get("opens_on"), row.get("closes_on")
    if table == "reading_windows" and opens and closes and closes < opens:
        raise RowError("closes_on is before opens_on")
    if table == "supplies" and row.get("meter_digits") is not None and not 1 <= row["meter_digits"] <= 12:
        raise RowError("meter_digits: must be between 1 and 12")


def _check_text(raw: str) -> None:
    """Bytes the encoding cannot read and control characters (NUL, line breaks, escapes) are never data."""
    for char in raw:
        if 0xDC80 <= ord(char) <= 0xDCFF:  # an undecodable byte, kept by errors="surrogateescape"
            byte = ord(char) - 0xDC00
            raise RowError(f"byte 0x{byte:02X} is not valid in the file's encoding (try --encoding cp1252)")
        if unicodedata.category(char) in ("Cc", "Cs"):
            raise RowError(f"control character U+{ord(char):04X} is not allowed")


def parse_row(rules: TableRules, table: str, values: list[str]) -> dict[str, Any]:
    if len(values) != len(rules.columns):
        raise RowError(f"{len(values)} fields, the header has {len(rules.columns)}")
    row: dict[str, Any] = {}
    for col, raw in zip(rules.columns, values, strict=True):
        try:
            _check_text(raw)
        except RowError as exc:
            raise RowError(f"{col}: {exc}") from None
        text = raw.strip()
        if text == "":
            if col in rules.nullable:
                row[col] = None
            elif col in rules.defaults:
                row[col] = rules.defaults[col]
            else:
                raise RowError(f"{col}: required")
            continue
        try:
            row[col] = rules.converters[col](text)
        except RowError as exc:
            raise RowError(f"{col}: {exc}") from None
    _domain_rules(table, row)
    return row


# -- reading the file --------------------------------------------------------------------------------------


def _open(path: Path, encoding: str) -> TextIO:
    """Undecodable bytes become lone surrogates (surrogateescape) so the row holding them is rejected with its
    exact line, instead of the decoder stopping the file somewhere near it."""
    try:
        return path.open(encoding=encoding, newline="", errors="surrogateescape")
    except FileNotFoundError:
        raise ImportFileError(f"{path}: no such file") from None
    except (OSError, LookupError) as exc:
        raise ImportFileError(f"{path}: {exc}") from None


def _records(handle: TextIO, path: Path) -> Iterator[tuple[int, list[str] | RowError]]:
    """(line number, fields) for each data record, or (line, RowError) for a record the CSV reader refuses
    (bad quoting, a field over MAX_FIELD characters): that record is rejected and reading goes on with the
    next line. The delimiter (, ; or tab) is taken from the header."""
    first = handle.readline()
    delimiter = max((",", ";", "\t"), key=first.count)
    handle.seek(0)
    reader = csv.reader(handle, delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ImportFileError(f"{path}: line 1: {exc}") from None
    if header is None:
        raise ImportFileError(f"{path}: the file is empty")
    if any(0xDC80 <= ord(ch) <= 0xDCFF for name in header for ch in name):
        raise ImportFileError(f"{path}: line 1: the header is not {handle.encoding} text (try --encoding cp1252)")
    yield 1, header
    line = reader.line_num + 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            text = str(exc)
            if "field larger than field limit" in text:
                text = f"a field is longer than {MAX_FIELD} characters"
            yield line, RowError(text)
            line = reader.line_num + 1
            continue
        if fields and any(f.strip() for f in fields):
            yield line, fields
        line = reader.line_num + 1


# -- the import --------------------------------------------------------------------------------------------


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a) == bool(b) and isinstance(a, bool | int) and isinstance(b, bool | int)
    if isinstance(a, int | float | Decimal) and isinstance(b, int | float | Decimal):
        return Decimal(str(a)) == Decimal(str(b))
    return bool(a == b)


class _Importer:
    """Checks that need the database or the rest of the file (duplicates, parents, unique keys), then writes."""

    def __init__(self, rules: TableRules, report: ImportReport) -> None:
        self.rules = rules
        self.report = report
        self.name = rules.table.name
        self.seen_pk: dict[Any, int] = {}
        self.seen_unique: list[dict[tuple[Any, ...], tuple[Any, int]]] = [{} for _ in rules.uniques]
        self.known_parents: dict[tuple[str, str], set[Any]] = {}

    def reject(self, line: int, reason: str) -> None:
        self.report.rejected.append(Rejection(line, reason))

    def check(self, conn: Connection, batch: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, dict[str, Any]]]:
        """The rows of a batch that pass the checks needing the database or the rest of the file."""
        self.conn = conn
        batch = self._unique_in_file(batch)
        batch = self._references(batch)
        return self._unique_in_db(batch)

    def write(self, conn: Connection, batch: list[tuple[int, dict[str, Any]]]) -> None:
        self.conn = conn
        self._write(batch)

    def _unique_in_file(self, batch: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, dict[str, Any]]]:
        kept = []
        for line, row in batch:
            key = row[self.rules.pk]
            if key in self.seen_pk:
                self.reject(line, f"{self.rules.pk} {key} appears twice (first on line {self.seen_pk[key]})")
                continue
            clash = None
            for cols, seen in zip(self.rules.uniques, self.seen_unique, strict=True):
                ukey = tuple(row[c] for c in cols)
                if None not in ukey and ukey in seen and seen[ukey][0] != key:
                    clash = f"{', '.join(cols)} {'/'.join(map(str, ukey))} repeats line {seen[ukey][1]}"
                    break
            if clash:
                self.reject(line, clash)
                continue
            self.seen_pk[key] = line
            for cols, seen in zip(self.rules.uniques, self.seen_unique, strict=True):
                seen.setdefault(tuple(row[c] for c in cols), (key, line))
            kept.append((line, row))
        return kept

    def _references(self, batch: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, dict[str, Any]]]:
        for col, (parent, parent_col) in self.rules.references.items():
            known = self.known_parents.setdefault((parent, parent_col), set())
            wanted = {row[col] for _l, row in batch if row[col] is not None} - known
            if wanted:
                pcol = CentralBase.metadata.tables[parent].c[parent_col]
                values = list(wanted)
                for i in range(0, len(values), 500):
                    found = self.conn.execute(sa.select(pcol).where(pcol.in_(values[i : i + 500])))
                    known.update(found.scalars())
            kept = []
            for line, row in batch:
                if row[col] is not None and row[col] not in known:
                    self.reject(line, f"{col}: {parent} {row[col]} does not exist")
                else:
                    kept.append((line, row))
            batch = kept
        return batch

    def _unique_in_db(self, batch: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, dict[str, Any]]]:
        table, pk = self.rules.table, self.rules.pk
        for cols in self.rules.uniques:
            keys = [tuple(row[c] for c in cols) for _l, row in batch]
            keys = [k for k in keys if None not in k]
            if not keys:
                continue
            owners: dict[tuple[Any, ...], Any] = {}
            for i in range(0, len(keys), 300):
                part = keys[i : i + 300]
                target = sa.tuple_(*(table.c[c] for c in cols)) if len(cols) > 1 else table.c[cols[0]]
                values: list[Any] = part if len(cols) > 1 else [k[0] for k in part]
                query = sa.select(table.c[pk], *(table.c[c] for c in cols)).where(target.in_(values))
                for found in self.conn.execute(query):
                    owners[tuple(found[1:])] = found[0]
            kept = []
            for line, row in batch:
                key = tuple(row[c] for c in cols)
                owner = owners.get(key)
                if owner is not None and owner != row[pk]:
                    self.reject(line, f"{', '.join(cols)} {'/'.join(map(str, key))} already belongs to {pk} {owner}")
                else:
                    kept.append((line, row))
            batch = kept
        return batch

    def _write(self, batch: list[tuple[int, dict[str, Any]]]) -> None:
        if not batch:
            return
        table, pk, cols = self.rules.table, self.rules.pk, self.rules.columns
        ids = [row[pk] for _l, row in batch]
        existing: dict[Any, Any] = {}
        for i in range(0, len(ids), 500):
            query = sa.select(*(table.c[c] for c in cols)).where(table.c[pk].in_(ids[i : i + 500]))
            for found in self.conn.execute(query):
                existing[found._mapping[pk]] = found._mapping
        inserts, updates = [], []
        for _line, row in batch:
            current = existing.get(row[pk])
            if current is None:
                inserts.append(row)
            elif all(_same(row[c], current[c]) for c in cols):
                self.report.unchanged += 1
            else:
                updates.append({**{f"new_{c}": row[c] for c in cols if c != pk}, "old_pk": row[pk]})
        if inserts:
            self.conn.execute(table.insert(), inserts)
            self.report.inserted += len(inserts)
        if updates:
            statement = (
                table.update()
                .where(table.c[pk] == sa.bindparam("old_pk"))
                .values({c: sa.bindparam(f"new_{c}") for c in cols if c != pk})
            )
            self.conn.execute(statement, updates)
            self.report.updated += len(updates)


_ROW_REFUSALS = (sa.exc.IntegrityError, sa.exc.DataError)


def _flush(
    engine: sa.Engine, importer: _Importer, report: ImportReport, batch: list[tuple[int, dict[str, Any]]]
) -> None:
    """Write one batch in one transaction; if the database refuses it (a constraint or value the checks above
    did not foresee), write it again row by row so only the refused rows are lost, each with its line."""
    counts = (report.inserted, report.updated, report.unchanged)
    checked: list[tuple[int, dict[str, Any]]] | None = None
    try:
        with engine.begin() as conn:
            checked = importer.check(conn, batch)
            importer.write(conn, checked)
        return
    except _ROW_REFUSALS:
        if checked is None:
            raise
    report.inserted, report.updated, report.unchanged = counts
    for line, row in checked:
        try:
            with engine.begin() as conn:
                importer.write(conn, [(line, row)])
        except _ROW_REFUSALS as exc:
            first = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc.orig).__name__
            importer.reject(line, f"the central database refused the row: {first}")


def import_csv(
    url: str, table: str, path: Path | str, *, batch_size: int = 1000, encoding: str = "utf-8-sig"
) -> ImportReport:
    """Validate and upsert one CSV file into one central table; each batch commits on its own."""
    path = Path(path)
    report = ImportReport(table)
    engine = central_engine(url)
    try:
        with _open(path, encoding) as handle:
            records = _records(handle, path)
            _line, header = next(records)
            if isinstance(header, RowError):  # pragma: no cover - _records raises for a bad header
                raise ImportFileError(f"{path}: line 1: {header}")
            rules = table_rules(table, header)
            batch: list[tuple[int, dict[str, Any]]] = []
            importer = _Importer(rules, report)

            def flush() -> None:
                _flush(engine, importer, report, batch)
                batch.clear()

            for line, fields in records:
                report.read += 1
                try:
                    if isinstance(fields, RowError):
                        raise fields
                    batch.append((line, parse_row(rules, table, fields)))
                except RowError as exc:
                    report.rejected.append(Rejection(line, str(exc)))
                if len(batch) >= batch_size:
                    flush()
            if batch:
                flush()
    finally:
        engine.dispose()
    report.rejected.sort(key=lambda r: r.line)
    return report

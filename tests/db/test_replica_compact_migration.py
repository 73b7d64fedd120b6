"""l0006_replica_compact on a replica with rows: keys become the rowid, dates YYYYMMDD integers, and back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from db import migrate
from db.engine import local_engine, session_factory
from db.models import LocalInvoice, LocalMeterReading, LocalPayment

_ROWS = (
    "INSERT INTO invoices (id, number, account_id, supply_id, service, period, issue_date, first_due_date, "
    "second_due_date, total, second_total, taxes, status, payment_reference, paid_on, row_version) VALUES "
    "(7, '0001-00000007', 1, NULL, 'water', '2025-10', '2025-10-01', '2025-10-20', NULL, 100, NULL, 0, 'paid', "
    "'R7', '2025-10-18', 3)",
    "INSERT INTO payments (id, account_id, invoice_id, paid_on, amount, kind, channel, row_version) VALUES "
    "(8, 1, 7, '2025-10-18', 100, 'payment', 'x', 4)",
    "INSERT INTO meter_readings (id, supply_id, period, read_on, value, kind, consumption, row_version) VALUES "
    "(9, 2, '2025-10', '2025-09-30', 1234, 'real', 56, 5)",
)


def _sql(engine: object, query: str) -> list[tuple[object, ...]]:
    with engine.connect() as conn:  # type: ignore[attr-defined]
        return [tuple(r) for r in conn.exec_driver_sql(query)]


def test_upgrade_keeps_rows_and_compacts_them(tmp_path: Path) -> None:
    path = tmp_path / "replica.db"
    migrate.upgrade_local(path, "l0005_settings")
    engine = local_engine(path)
    try:
        with engine.begin() as conn:
            for statement in _ROWS:
                conn.exec_driver_sql(statement)
        migrate.upgrade_local(engine)
        assert _sql(engine, "SELECT issue_date, first_due_date, second_due_date, paid_on FROM invoices") == [
            (20251001, 20251020, None, 20251018)]
        assert _sql(engine, "SELECT paid_on FROM payments") == [(20251018,)]
        assert _sql(engine, "SELECT read_on FROM meter_readings") == [(20250930,)]
        sql = _sql(engine, "SELECT sql FROM sqlite_master WHERE name = 'invoices'")[0][0]
        assert "id INTEGER NOT NULL" in str(sql)  # the rowid itself
        assert not _sql(engine, "SELECT name FROM sqlite_master WHERE name LIKE '%row_version%'")
        with session_factory(engine)() as db:
            invoice = db.scalars(select(LocalInvoice)).one()
            assert (invoice.issue_date, invoice.paid_on, invoice.second_due_date) == (
                date(2025, 10, 1), date(2025, 10, 18), None)
            assert db.scalars(select(LocalPayment.paid_on)).one() == date(2025, 10, 18)
            assert db.scalars(select(LocalMeterReading.read_on)).one() == date(2025, 9, 30)
        migrate.downgrade_local(engine, "l0005_settings")
        assert _sql(engine, "SELECT issue_date, second_due_date, paid_on FROM invoices") == [
            ("2025-10-01", None, "2025-10-18")]
        assert _sql(engine, "SELECT read_on FROM meter_readings") == [("2025-09-30",)]
        assert _sql(engine, "SELECT count(*) FROM sqlite_master WHERE name = 'ix_invoices_row_version'") == [(1,)]
    finally:
        engine.dispose()

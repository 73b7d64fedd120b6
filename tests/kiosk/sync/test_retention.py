"""Retention window: the replica keeps recent history and everything owed; reconcile does not call it drift.

Run against a PostgreSQL central (the fast path) and a SQLite one (the generic path). The seed covers 24 months
up to 2026-11-01; with 13 periods the window starts on 2025-11-01.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sync_helpers import TODAY, central_as_local, local_rows, seed_central

from db.base import LocalBase
from db.engine import central_engine, local_engine, session_factory
from kiosk.config import parse_config
from kiosk.services.account import AccountService
from kiosk.services.api import CustomerSession
from kiosk.services.context import ServiceContext
from kiosk.sync.engine import SyncEngine
from kiosk.sync.retention import RETENTION_FROM, Window
from kiosk.sync.tables import spec

CUT = 20251101  # the window's first day as the replica stores dates (YYYYMMDD)


@pytest.fixture(params=[pytest.param("pg", marks=pytest.mark.pg), "sqlite"])
def central(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "pg":
        url: str = request.getfixturevalue("pg_url")
    else:
        url = f"sqlite:///{tmp_path / 'central.db'}"
    seed_central(url, accounts=20)
    yield url


def _engine(central: str, replica: Path, today: date = TODAY, periods: int = 13) -> SyncEngine:
    return SyncEngine(central, replica, "K1", "B1", batch_size=300, retention_periods=periods,
                      today=lambda: today)


def _kept(rows: dict[Any, tuple[Any, ...]], window: Window, cols: tuple[str, ...]) -> set[Any]:
    i = {c: cols.index(c) for c in ("issue_date", "status", "paid_on")}
    return {k for k, r in rows.items() if window.keeps_invoice(r[i["issue_date"]], r[i["status"]], r[i["paid_on"]])}


def _reopen_an_old_invoice(central: str) -> int:
    """Central: an invoice of 2025 still owed (the seed's 20 accounts settle everything that old)."""
    engine = central_engine(central)
    with engine.begin() as conn:
        oldest = conn.execute(sa.text("SELECT min(id) FROM invoices WHERE issue_date < :c"), {"c": date(2025, 3, 1)})
        invoice_id = int(oldest.scalar_one())
        conn.execute(sa.text("UPDATE invoices SET status = 'overdue', paid_on = NULL WHERE id = :i"),
                     {"i": invoice_id})
    engine.dispose()
    return invoice_id


def _invoice_cols() -> tuple[str, ...]:
    return spec("invoices").columns


def test_first_sync_keeps_the_window_and_everything_owed(central: str, tmp_path: Path) -> None:
    replica = tmp_path / "replica.db"
    reopened = _reopen_an_old_invoice(central)
    with _engine(central, replica) as eng:
        report = eng.run_once(reconcile=True, push=False)
    assert report.ok, report.error
    assert report.total("differing_buckets") == 0 and report.total("repaired") == 0  # retention is not drift
    cols = _invoice_cols()
    i_issue, i_status, i_paid = cols.index("issue_date"), cols.index("status"), cols.index("paid_on")
    theirs, ours = central_as_local(central, "invoices"), local_rows(replica, "invoices")
    old_paid = {k for k, r in theirs.items()
                if r[i_issue] < CUT and r[i_status] == "paid" and (r[i_paid] or 0) < CUT}
    old_unpaid = {k for k, r in theirs.items() if r[i_issue] < CUT and r[i_status] != "paid" and r[i_paid] is None}
    assert old_paid and old_unpaid == {reopened}
    assert not old_paid & set(ours)  # an old paid invoice is not on the kiosk
    assert old_unpaid <= set(ours)  # an old unpaid one is
    assert set(ours) == _kept(theirs, Window(date(2025, 11, 1)), cols)
    assert all(ours[k] == theirs[k] for k in ours)
    lines = local_rows(replica, "invoice_lines")
    central_lines = central_as_local(central, "invoice_lines")
    of = spec("invoice_lines").columns.index("invoice_id")
    assert set(lines) == {k for k, r in central_lines.items() if r[of] in ours}  # the lines of kept invoices
    payments = local_rows(replica, "payments")
    paid_on, period = spec("payments").columns.index("paid_on"), spec("meter_readings").columns.index("period")
    assert payments and all(r[paid_on] >= CUT for r in payments.values())
    assert {k for k, r in central_as_local(central, "payments").items() if r[paid_on] >= CUT} == set(payments)
    readings = local_rows(replica, "meter_readings")
    assert readings and all(r[period] >= "2025-11" for r in readings.values())
    lengine = local_engine(replica)
    with lengine.connect() as conn:
        assert conn.execute(sa.text("SELECT value FROM kiosk_state WHERE key = :k"),
                            {"k": RETENTION_FROM}).scalar_one() == "2025-11-01"
        indexes = set(conn.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())
    lengine.dispose()
    # The first load builds each table's indexes after its rows (kiosk.sync.pull): all of them are there.
    assert {i.name for t in LocalBase.metadata.tables.values() for i in t.indexes} <= indexes


def test_increments_drop_settled_old_invoices_and_the_window_moves(central: str, tmp_path: Path) -> None:
    replica = tmp_path / "replica.db"
    _reopen_an_old_invoice(central)
    with _engine(central, replica) as eng:
        assert eng.run_once(push=False).ok
    cols = _invoice_cols()
    ours = local_rows(replica, "invoices")
    old_open = sorted(k for k, r in ours.items() if r[cols.index("issue_date")] < CUT)
    assert old_open
    settled = old_open[0]
    engine = central_engine(central)
    with engine.begin() as conn:  # paid at the counter, recorded with an old date
        conn.execute(sa.text("UPDATE invoices SET status = 'paid', paid_on = :d WHERE id = :i"),
                     {"d": date(2025, 6, 1), "i": settled})
    engine.dispose()
    with _engine(central, replica) as eng:
        report = eng.run_once(reconcile=True, push=False)
        assert report.ok and report.total("repaired") == 0, report
    ours = local_rows(replica, "invoices")
    assert settled not in ours
    of = spec("invoice_lines").columns.index("invoice_id")
    assert not [k for k, r in local_rows(replica, "invoice_lines").items() if r[of] == settled]
    old_settled = min(k for k, r in central_as_local(central, "invoices").items()
                      if r[cols.index("issue_date")] < CUT and k not in ours)
    engine = central_engine(central)
    with engine.begin() as conn:  # settled long ago, reopened centrally (a payment reversed)
        conn.execute(sa.text("UPDATE invoices SET status = 'overdue', paid_on = NULL WHERE id = :i"),
                     {"i": old_settled})
    engine.dispose()
    with _engine(central, replica) as eng:
        assert eng.run_once(push=False).ok
    central_lines = {k for k, r in central_as_local(central, "invoice_lines").items() if r[of] == old_settled}
    assert central_lines and old_settled in local_rows(replica, "invoices")
    assert central_lines <= set(local_rows(replica, "invoice_lines"))  # its lines came with it, no reconcile
    later = date(2027, 2, 10)  # three months on: the window starts 2026-02-01
    with _engine(central, replica, today=later) as eng:
        report = eng.run_once(reconcile=True, push=False)
        assert report.ok and report.total("differing_buckets") == 0 and report.total("repaired") == 0, report
    theirs = central_as_local(central, "invoices")
    assert set(local_rows(replica, "invoices")) == _kept(theirs, Window(date(2026, 2, 1)), cols)
    paid_on = spec("payments").columns.index("paid_on")
    assert all(r[paid_on] >= 20260201 for r in local_rows(replica, "payments").values())
    with _engine(central, replica, periods=0) as eng:  # retention off again: the history comes back
        assert eng.run_once(reconcile=True, push=False).ok
    assert set(local_rows(replica, "invoices")) == set(theirs)
    assert set(local_rows(replica, "payments")) == set(central_as_local(central, "payments"))


def _statements(replica: Path, tmp_path: Path, today: date, months: int) -> dict[int, Any]:
    config = parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path)}})
    lengine = local_engine(replica)
    clock = lambda: datetime(today.year, today.month, today.day, 15, tzinfo=UTC)  # noqa: E731
    ctx = ServiceContext(session_factory(lengine), config, clock)
    service = AccountService(ctx)
    out: dict[int, Any] = {}
    try:
        with lengine.connect() as conn:
            accounts = [r[0] for r in conn.execute(sa.text("SELECT id FROM accounts ORDER BY id"))]
        for aid in accounts:
            session = CustomerSession(aid, "", clock(), f"s-{aid}")
            ctx.sessions.add(session)
            statement = service.statement(session, months)
            home = service.overview(session)
            assert statement.closing_balance == home.total_due.amount, aid
            assert statement.opening_balance + statement.total_debit - statement.total_credit == (
                statement.closing_balance)
            out[aid] = statement
    finally:
        lengine.dispose()
    return out


def test_statement_adds_up_as_with_the_full_history(central: str, tmp_path: Path) -> None:
    full, cut = tmp_path / "full.db", tmp_path / "cut.db"
    with _engine(central, full, periods=0) as eng:
        assert eng.run_once(push=False).ok
    with _engine(central, cut) as eng:
        assert eng.run_once(push=False).ok
    for today in (TODAY, date(2026, 12, 20)):
        whole = _statements(full, tmp_path, today, 12)
        kept = _statements(cut, tmp_path, today, 12)
        assert kept == whole  # the same 12-month statement, opening balance included
    long_whole = _statements(full, tmp_path, TODAY, 24)
    long_kept = _statements(cut, tmp_path, TODAY, 24)  # asks for more than the window: starts at the window
    for aid, statement in long_kept.items():
        assert statement.from_date == date(2025, 11, 1) and long_whole[aid].from_date == date(2024, 12, 1)
        assert statement.closing_balance == long_whole[aid].closing_balance

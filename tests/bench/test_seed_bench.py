"""Benchmark: seed 100,000 accounts (24 months of history) into PostgreSQL; target under 120 seconds.

Run with `make bench` (or `.venv/bin/python -m pytest -q -s tests/bench/test_seed_bench.py
--override-ini="addopts=-ra --strict-markers"`). Uses a fresh database from the `pg_url` fixture, prints rows per
table, total rows, seconds and rows per second; KIOSK_SEED_BENCH_ACCOUNTS overrides the account count. A second
run into SQLite (2,000 accounts, what `make demo` seeds) must take only a few seconds.
"""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from db.engine import central_engine
from kiosk.central.seed import SeedReport, seed_database

ACCOUNTS = int(os.environ.get("KIOSK_SEED_BENCH_ACCOUNTS", "100000"))
TODAY = date(2026, 11, 25)

pytestmark = pytest.mark.bench


def _print(report: SeedReport) -> None:
    print(f"\nseed {report.engine}: {report.accounts:,} accounts ({report.profile})")
    for table, count in report.counts.items():
        print(f"  {table:<22} {count:>12,}")
    print(f"  {'total':<22} {report.rows:>12,}")
    print(f"  {report.seconds:.1f} s, {report.rows / report.seconds:,.0f} rows/s")
    for note in report.notes:
        print(f"  note: {note}")


def test_seed_postgres_100k(pg_url: str) -> None:
    report = seed_database(pg_url, accounts=ACCOUNTS, seed=1, profile="coop-ar", today=TODAY)
    _print(report)
    engine = central_engine(pg_url)
    with engine.connect() as conn:
        accounts = conn.execute(sa.text("SELECT count(*) FROM accounts")).scalar_one()
        invoices = conn.execute(sa.text("SELECT count(*) FROM invoices")).scalar_one()
        zero = conn.execute(sa.text("SELECT count(*) FROM invoices WHERE row_version <= 0")).scalar_one()
    engine.dispose()
    assert accounts == ACCOUNTS and invoices == report.counts["invoices"] and zero == 0
    if ACCOUNTS >= 100_000:
        assert report.seconds < 120, f"seeding {ACCOUNTS:,} accounts took {report.seconds:.1f} s"


def test_seed_sqlite_demo(tmp_path: Path) -> None:
    started = time.perf_counter()
    report = seed_database(f"sqlite:///{tmp_path / 'central.db'}", accounts=2000, seed=1, profile="coop-ar",
                           today=TODAY)
    _print(report)
    assert time.perf_counter() - started < 15

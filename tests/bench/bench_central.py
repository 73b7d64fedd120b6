"""A seeded PostgreSQL central for the benchmarks, kept between runs (seeding 100,000 accounts takes minutes)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from kiosk.central.seed import seed_database


def _seeded(url: str, accounts: int) -> bool:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            n = conn.execute(sa.text("SELECT count(*) FROM accounts")).scalar_one()
            lines = conn.execute(sa.text("SELECT count(*) > 0 FROM invoice_lines")).scalar_one()
        return bool(n == accounts and lines)
    except sa.exc.DBAPIError:
        return False
    finally:
        engine.dispose()


def seeded_central(pg_server: str, name: str, accounts: int, today: date, *, drop: bool) -> Iterator[str]:
    """The URL of database `name` seeded with `accounts` coop-ar accounts (reseeded only when it is not);
    dropped afterwards when `drop`. For a module-scoped fixture: `yield from seeded_central(...)`."""
    url = make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
    if not exists or not _seeded(url, accounts):
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        started = time.perf_counter()
        report = seed_database(url, accounts=accounts, seed=1, profile="coop-ar", today=today)
        print(f"\nseeded {accounts:,} accounts, {sum(report.counts.values()):,} rows in "
              f"{time.perf_counter() - started:.0f} s")
    yield url
    if drop:
        with admin.connect() as conn:
            conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                         {"n": name})
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()

"""Replica scale: first sync time, replica size (per table and index) and look-up p99 at N accounts.

Run with `make bench` or
`KIOSK_REPLICA_BENCH_ACCOUNTS=100000 .venv/bin/python -m pytest -q -s tests/bench/test_replica_scale_bench.py
--override-ini="addopts=-ra --strict-markers"`.

A PostgreSQL central `kiosk_replica_bench_<N>` is seeded with the project's seeder (coop-ar, 24 months of history;
reused when complete, KIOSK_REPLICA_BENCH_DROP=1 drops it at the end). KIOSK_REPLICA_BENCH_ACCOUNTS defaults to a
small 5,000 so `make bench` stays bounded; the issue's figures are taken at 100,000 and 300,000.
KIOSK_REPLICA_BENCH_RETENTION sets `[central] retention_periods` (default: the config's default; 0 keeps all).

Measured: the first sync into an empty replica (SyncEngine, pull only), the file size per table and per index
(SQLite's dbstat), the index share, and the wall-clock p50/p99 of the walk-in look-up (account + invoice number,
and payment-code scan) and of the login path (account home, invoice list, 12-month statement) on invoices and
accounts drawn from the replica. Sizes and times are extrapolated linearly to 1,000,000 accounts. The figures are
printed and written as JSON next to the replica (and to KIOSK_REPLICA_BENCH_JSON when set).
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from bench_central import seeded_central

from db.engine import local_engine, session_factory
from kiosk.config import CentralSection, parse_config
from kiosk.services.account import AccountService
from kiosk.services.api import CustomerSession
from kiosk.services.context import ServiceContext
from kiosk.services.lookup import LookupService
from kiosk.services.throttle import FailureThrottle
from kiosk.sync.engine import SyncEngine

pytestmark = [pytest.mark.bench, pytest.mark.pg, pytest.mark.timeout(4 * 3600)]

ACCOUNTS = int(os.environ.get("KIOSK_REPLICA_BENCH_ACCOUNTS", "5000"))
RETENTION = int(os.environ.get("KIOSK_REPLICA_BENCH_RETENTION", str(CentralSection().retention_periods)))
SAMPLES = int(os.environ.get("KIOSK_REPLICA_BENCH_SAMPLES", "1000"))
TODAY = date(2026, 11, 25)  # the seed's reference day; the kiosk's clock in this bench
MILLION = 1_000_000


@pytest.fixture(scope="module")
def central(pg_server: str) -> Iterator[str]:
    yield from seeded_central(pg_server, f"kiosk_replica_bench_{ACCOUNTS}", ACCOUNTS, TODAY,
                              drop=os.environ.get("KIOSK_REPLICA_BENCH_DROP") == "1")


def replica_sizes(path: Path) -> dict[str, Any]:
    """Bytes per table and per index (dbstat), the index share and the file size."""
    lite = sqlite3.connect(path)
    try:
        kinds = dict(lite.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'index')").fetchall())
        owner = dict(lite.execute("SELECT name, tbl_name FROM sqlite_master").fetchall())
        rows = lite.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
        page_size = lite.execute("PRAGMA page_size").fetchone()[0]
    finally:
        lite.close()
    tables: dict[str, int] = {}
    indexes: dict[str, int] = {}
    for name, size in rows:
        if kinds.get(name) == "index" or name.startswith("sqlite_autoindex"):
            indexes[f"{owner.get(name, '?')}.{name}"] = int(size)
        else:
            tables[name] = int(size)
    total = sum(tables.values()) + sum(indexes.values())
    return {"file_bytes": path.stat().st_size, "total_bytes": total, "page_size": page_size,
            "index_share": sum(indexes.values()) / total if total else 0.0, "tables": tables, "indexes": indexes}


def _percentiles(samples_ns: list[int]) -> dict[str, float]:
    ordered = sorted(samples_ns)
    return {"p50_ms": statistics.median(ordered) / 1e6, "p99_ms": ordered[max(int(len(ordered) * 0.99) - 1, 0)] / 1e6,
            "max_ms": ordered[-1] / 1e6}


_CPU: dict[int, list[int]] = {}  # id(wall-clock samples) -> CPU-time samples of the same calls


def _timed(samples: list[int], call: Callable[[], Any]) -> Any:
    """Wall clock into `samples`, CPU time alongside (the machine is shared: the wall-clock tail is noisy)."""
    t0, c0 = time.perf_counter_ns(), time.process_time_ns()
    out = call()
    samples.append(time.perf_counter_ns() - t0)
    _CPU.setdefault(id(samples), []).append(time.process_time_ns() - c0)
    return out


def lookups(path: Path, tmp: Path) -> dict[str, dict[str, float]]:
    """Walk-in look-ups and the login path, on invoices and accounts drawn from the replica."""
    lite = sqlite3.connect(path)
    try:
        picks = lite.execute(
            "SELECT account_id, number, payment_reference, id FROM invoices ORDER BY random() LIMIT ?",
            (SAMPLES,)).fetchall()
    finally:
        lite.close()
    config = parse_config({"kiosk": {"id": "K01", "branch": "B01", "data_dir": str(tmp)}})
    engine = local_engine(path)
    clock = lambda: datetime(TODAY.year, TODAY.month, TODAY.day, 15, tzinfo=UTC)  # noqa: E731
    ctx = ServiceContext(session_factory(engine), config, clock)
    lookup = LookupService(ctx, FailureThrottle(ctx.clock, free_failures=10**9))
    account = AccountService(ctx)
    by_number: list[int] = []
    by_scan: list[int] = []
    home: list[int] = []
    statement: list[int] = []
    rng = random.Random(7)
    try:
        lookup.by_number(str(picks[0][0]), picks[0][1])  # warm the pool and statement cache
        for i, (account_id, number, reference, invoice_id) in enumerate(picks):
            typed = rng.choice([number, number.replace("-", "")])
            found = _timed(by_number, partial(lookup.by_number, str(account_id), typed))
            assert found.id == invoice_id
            found = _timed(by_scan, partial(lookup.by_scan, reference))
            assert found.id == invoice_id
            session = CustomerSession(account_id, "", clock(), f"bench-{i}")
            ctx.sessions.add(session)

            def login_home(s: CustomerSession = session) -> None:
                account.overview(s)
                account.invoices(s)

            _timed(home, login_home)
            _timed(statement, partial(account.statement, session))
    finally:
        engine.dispose()
    out: dict[str, dict[str, float]] = {}
    for name, samples in (("lookup_by_number", by_number), ("lookup_by_scan", by_scan), ("login_home", home),
                          ("statement_12m", statement)):
        out[name] = _percentiles(samples)
        out[name]["cpu_p99_ms"] = _percentiles(_CPU[id(samples)])["p99_ms"]
    return out


def test_replica_scale(central: str, tmp_path: Path) -> None:
    replica = tmp_path / "replica.db"
    kwargs: dict[str, Any] = {}
    if RETENTION:
        kwargs = {"retention_periods": RETENTION, "today": lambda: TODAY}
    started = time.perf_counter()
    with SyncEngine(central, replica, "BENCH", "B1", **kwargs) as eng:
        report = eng.run_once(push=False, send_heartbeat=False)
    first_sync = time.perf_counter() - started
    assert report.ok, report
    lite = sqlite3.connect(replica)
    lite.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lite.close()
    print(f"\nfirst sync of {ACCOUNTS:,} accounts: {first_sync:.1f} s, {report.total('pulled'):,} rows", flush=True)
    sizes = replica_sizes(replica)
    print(f"replica {sizes['file_bytes'] / 1e6:.0f} MB, indexes {sizes['index_share']:.0%}", flush=True)
    times = lookups(replica, tmp_path)
    scale = MILLION / ACCOUNTS
    result = {"accounts": ACCOUNTS, "retention_periods": RETENTION, "first_sync_s": first_sync,
              "rows_pulled": report.total("pulled"), "sizes": sizes, "times": times,
              "per_100k_mb": sizes["file_bytes"] / 1e6 * 100_000 / ACCOUNTS,
              "extrapolated_1m": {"file_gb": sizes["file_bytes"] * scale / 1e9, "first_sync_s": first_sync * scale},
              "load_average": os.getloadavg()[0]}
    print(f"\nreplica, {ACCOUNTS:,} accounts, retention {RETENTION or 'none'} periods "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs: shared machine, figures are noisy)")
    print(f"  first sync {first_sync:.1f} s, {report.total('pulled'):,} rows")
    print(f"  file {sizes['file_bytes'] / 1e6:.0f} MB ({result['per_100k_mb']:.0f} MB per 100,000 accounts), "
          f"indexes {sizes['index_share']:.0%}, page size {sizes['page_size']}")
    for name, size in sorted({**sizes["tables"], **sizes["indexes"]}.items(), key=lambda kv: -kv[1])[:25]:
        print(f"    {name:<58} {size / 1e6:>9.1f} MB")
    for name, p in times.items():
        print(f"  {name:<17} p50 {p['p50_ms']:.2f} ms  p99 {p['p99_ms']:.2f} ms  max {p['max_ms']:.2f} ms  "
              f"(CPU time p99 {p['cpu_p99_ms']:.2f} ms)")
    print(f"  extrapolated to 1,000,000 accounts: {result['extrapolated_1m']['file_gb']:.1f} GB, "
          f"first sync {result['extrapolated_1m']['first_sync_s']:.0f} s")
    text = json.dumps(result, indent=1)
    (tmp_path / "replica_scale.json").write_text(text)
    if out := os.environ.get("KIOSK_REPLICA_BENCH_JSON"):
        Path(out).write_text(text)

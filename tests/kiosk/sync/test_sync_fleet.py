"""Fleet: 20 kiosks (threads, each with its own connections and replica) against one changing central."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from sync_helpers import assert_replica_matches, central_intake_ids, change_central, queue_intake, seed_central

from kiosk.sync.engine import SyncEngine
from kiosk.sync.report import SyncReport

pytestmark = [pytest.mark.pg, pytest.mark.slow]

KIOSKS = 20
ROUNDS = 4
PER_ROUND = 5


def test_twenty_kiosks_converge_without_losing_or_doubling(pg_url: str, tmp_path: Path) -> None:
    seed_central(pg_url, accounts=20)
    stop = threading.Event()
    errors: list[BaseException] = []
    queued: dict[str, list[str]] = {}
    reports: dict[str, list[SyncReport]] = {}

    def back_office() -> None:
        rng = random.Random(1)
        try:
            while not stop.is_set():
                change_central(pg_url, rng, n_update=15, n_delete=2, n_insert=2)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def kiosk(k: str) -> None:
        replica = tmp_path / f"{k}.db"
        try:
            with SyncEngine(pg_url, replica, k, "B1", batch_size=400, horizon_wait=2.0) as eng:
                for _ in range(ROUNDS):
                    queued.setdefault(k, []).extend(queue_intake(replica, k, PER_ROUND))
                    reports.setdefault(k, []).append(eng.run_once())
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    office = threading.Thread(target=back_office)
    office.start()
    threads = [threading.Thread(target=kiosk, args=(f"K{i:02d}",)) for i in range(KIOSKS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    stop.set()
    office.join(timeout=60)
    assert not errors, errors
    assert all(r.ok for rs in reports.values() for r in rs), [r.error for rs in reports.values() for r in rs]
    assert sum(r.total("pulled") for rs in reports.values() for r in rs) > KIOSKS * 2000
    # central is quiet now: one more round each, then every replica equals central and nothing is left to repair
    for i in range(KIOSKS):
        k = f"K{i:02d}"
        replica = tmp_path / f"{k}.db"
        with SyncEngine(pg_url, replica, k, "B1") as eng:
            assert eng.run_once().ok
            check = eng.run_once(reconcile=True)
            assert check.ok and check.total("differing_buckets") == 0 and check.total("repaired") == 0
            assert check.outbox_depth == 0
        if i % 5 == 0:
            assert_replica_matches(pg_url, replica)
    there = central_intake_ids(pg_url)
    every = [x for ids in there.values() for x in ids]
    expected = [x for ids in queued.values() for x in ids]
    assert len(expected) == KIOSKS * ROUNDS * PER_ROUND
    assert len(every) == len(set(every)) and set(every) == set(expected)

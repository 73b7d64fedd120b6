"""Retry timing: exponential backoff with jitter, for outbox rows and for whole rounds."""

from __future__ import annotations

import random
from pathlib import Path

from kiosk.sync.engine import SyncEngine
from kiosk.sync.push import BACKOFF_CAP_S, backoff_delay, rejection_reason


def test_backoff_grows_is_jittered_and_capped() -> None:
    rng = random.Random(4)
    for attempt, base in ((1, 2.0), (2, 4.0), (3, 8.0), (6, 64.0)):
        values = [backoff_delay(attempt, rng) for _ in range(200)]
        assert base * 0.5 <= min(values) and max(values) < base * 1.5
        assert len(set(values)) > 100  # jitter: kiosks retrying together spread out
    assert max(backoff_delay(40, rng) for _ in range(100)) < BACKOFF_CAP_S * 1.5


def test_round_backoff_after_failures(tmp_path: Path) -> None:
    eng = SyncEngine("", tmp_path / "r.db", "K1", "B1")
    try:
        assert eng.next_delay(60) == 60
        report = eng.run_once()
        assert report.error_code == "central_unavailable" and eng.failures == 1
        first = eng.next_delay(60, random.Random(1))
        eng.run_once()
        eng.run_once()
        later = [eng.next_delay(60, random.Random(i)) for i in range(50)]
        assert 2.5 <= first < 7.5 and min(later) >= 10 and max(later) < 30
        for _ in range(20):
            eng.run_once()
        assert max(eng.next_delay(60, random.Random(i)) for i in range(50)) < 60 * 10 * 1.5
    finally:
        eng.close()


def test_rejection_reason_names_the_constraint_not_the_values() -> None:
    class Diag:
        message_primary = 'duplicate key value violates unique constraint "uq_claims_number"'

    class Orig(Exception):
        diag = Diag()

    class Wrapped(Exception):
        orig = Orig('duplicate key ...\nDETAIL:  Key (number)=(K1-0001) already exists.')

    reason = rejection_reason(Wrapped())
    assert reason == 'Orig: duplicate key value violates unique constraint "uq_claims_number"'
    assert "K1-0001" not in reason

"""Crash safety: a sync process killed with SIGKILL at random moments, then resumed, loses and repeats nothing."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sync_helpers import (
    central_intake_ids,
    change_central,
    local_intake_ids,
    local_outbox_states,
    queue_intake,
    seed_central,
)

pytestmark = [pytest.mark.pg, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[3]


def _sync_cmd(central: str, replica: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "kiosk", "sync", "--once", "--json", "--central", central, "--replica",
            str(replica), "--kiosk-id", "K1", "--branch", "B1", "--batch-size", "60", "--push-batch", "7", *extra]


def _run(cmd: list[str]) -> dict[str, object]:
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_sigkill_during_pull_and_push_then_resume(pg_url: str, tmp_path: Path) -> None:
    seed_central(pg_url, accounts=60)
    replica = tmp_path / "replica.db"
    rng = random.Random(11)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    kills = {"pull": 0, "push": 0}
    queued: list[str] = []
    for i in range(26):
        phase = "pull" if i % 2 == 0 else "push"
        if phase == "pull" and i > 0:
            change_central(pg_url, rng, n_update=300, n_delete=20, n_insert=30)
        if phase == "push":
            queued += queue_intake(replica, "K1", 150)
        proc = subprocess.Popen([*_sync_cmd(pg_url, replica), "--progress"], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        for line in proc.stderr:  # wait until the run is inside the phase, then kill at a random instant
            if line.startswith(f"progress {phase} "):
                time.sleep(rng.uniform(0, 0.04))
                if proc.poll() is None:
                    proc.send_signal(signal.SIGKILL)
                    kills[phase] += 1
                break
        proc.wait(timeout=60)
        proc.stderr.close()
    assert kills["pull"] >= 10 and kills["push"] >= 10, kills
    resumed = _run(_sync_cmd(pg_url, replica))
    assert resumed["ok"], resumed
    check = _run(_sync_cmd(pg_url, replica, "--reconcile"))
    totals = check["totals"]
    assert isinstance(totals, dict)
    assert totals["differing_buckets"] == 0 and totals["repaired"] == 0, check
    assert totals["compared"] > 10_000
    there = central_intake_ids(pg_url)
    every = [i for ids in there.values() for i in ids]
    assert len(every) == len(set(every)) == len(queued)
    assert set(every) == set(queued) == local_intake_ids(replica)
    assert local_outbox_states(replica) == {"sent": len(queued)}

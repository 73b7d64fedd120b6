"""`python -m kiosk sync`: the demo's SQLite-to-SQLite path, JSON contract, exit codes, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sync_helpers import TODAY, assert_replica_matches, central_intake_ids, queue_intake

from kiosk.central.seed import seed_database
from kiosk.cli import main
from kiosk.sync.engine import SyncEngine

ROOT = Path(__file__).resolve().parents[3]
KEYS = {"pulled", "deleted", "pushed", "parked", "compared", "differing_buckets", "repaired"}


@pytest.fixture(scope="module")
def sqlite_central(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("central") / "central.db"
    url = f"sqlite+pysqlite:///{path}"
    seed_database(url, accounts=15, seed=3, profile="coop-ar", today=TODAY)
    return url


def test_demo_path_sqlite_to_sqlite_in_process(sqlite_central: str, tmp_path: Path) -> None:
    replica = tmp_path / "demo.db"
    with SyncEngine(sqlite_central, replica, "DEMO", "B1") as eng:
        report = eng.run_once()
        assert report.ok, report.error
        assert report.total("pulled") > 2000 and report.heartbeat
        queue_intake(replica, "DEMO", 4)
        again = eng.run_once(reconcile=True)
    assert again.ok and again.total("pulled") == 0 and again.total("pushed") == 4
    assert again.total("differing_buckets") == 0
    assert_replica_matches(sqlite_central, replica)
    assert sum(len(v) for v in central_intake_ids(sqlite_central).values()) == 4


def test_cli_json_contract(sqlite_central: str, tmp_path: Path) -> None:
    replica = tmp_path / "r.db"
    cmd = [sys.executable, "-m", "kiosk", "sync", "--once", "--reconcile", "--json", "--central", sqlite_central,
           "--replica", str(replica), "--kiosk-id", "K9", "--branch", "B1"]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["ok"] is True and data["error_code"] is None and data["reconciled"] is True
    assert set(data["totals"]) == KEYS
    assert set(data["tables"]["invoices"]) == KEYS
    assert data["tables"]["invoices"]["pulled"] == data["tables"]["invoices"]["compared"] > 0
    assert isinstance(data["duration_s"], float) and data["data_age_s"] == 0


def test_cli_exit_codes_and_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replica = tmp_path / "r.db"
    missing = f"sqlite+pysqlite:///{tmp_path}/nowhere/central.db"
    code = main(["sync", "--once", "--json", "--central", missing, "--replica", str(replica), "--kiosk-id", "K1",
                 "--branch", "B1"])
    data = json.loads(capsys.readouterr().out)
    assert code == 3 and data["error_code"] == "central_unavailable" and data["ok"] is False
    assert main(["sync", "--once", "--central", missing]) == 2
    assert "go together" in capsys.readouterr().err
    assert main(["sync", "--once", "--config", str(tmp_path / "none.toml")]) == 2
    assert "not found" in capsys.readouterr().err
    assert main(["sync", "--once", "--batch-size", "0", "--central", missing, "--replica", str(replica),
                 "--kiosk-id", "K1", "--branch", "B1"]) == 2

"""`python -m kiosk central init` and `central fleet`, run as a user would (subprocess) and in-process."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from db.engine import central_engine
from db.migrate import central_head
from kiosk.cli import main
from kiosk.cli.central_fleet import fleet_status, render_table
from kiosk.sync.heartbeat import HeartbeatRow, send


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, timeout=120,
                          check=False)


def test_init_migrates_and_sets_the_policy(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    done = _run("central", "init", "--url", url, "--max-attempts", "4", "--lockout-minutes", "30", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report == {"bcrypt_cost": 10, "engine": "sqlite", "kiosk_role": None, "lockout_seconds": 1800,
                      "max_attempts": 4, "revision": central_head(), "kiosk_login": None, "revoked": None}
    again = _run("central", "init", "--url", url)  # idempotent, keeps the policy
    assert again.returncode == 0 and "4 failed attempts lock for 30 min" in again.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--kiosk-role", "k"], "needs a PostgreSQL"),
    (["--kiosk", "B01/K01", "--password", "x"], "needs a PostgreSQL"),
    (["--kiosk", "B01"], "give BRANCH/KIOSK"),
    (["--password", "x"], "--password needs --kiosk"),
    (["--kiosk-role", "k", "--password", "x"], "--password needs --kiosk"),  # the shared role has no login
])
def test_init_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                    message: str) -> None:
    code = main(["central", "init", "--url", f"sqlite:///{tmp_path / 'c.db'}", *args])
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1


def test_init_unreachable_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["central", "init", "--url", "postgresql://nobody@127.0.0.1:1/none"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: central database:") and err.count("\n") == 1


@pytest.mark.pg
def test_init_creates_the_kiosk_role(pg_url: str) -> None:
    """--kiosk-role makes a role with the kiosk grants and no login: kiosks log in with their own (--kiosk)."""
    role = f"kiosk_cli_{uuid.uuid4().hex[:8]}"
    done = _run("central", "init", "--url", pg_url, "--kiosk-role", role)
    admin = central_engine(pg_url)
    try:
        assert done.returncode == 0, done.stderr
        assert f"kiosk role {role} (no login)" in done.stdout
        with admin.connect() as conn:
            assert conn.execute(sa.text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"),
                                {"r": role}).scalar_one() is False
            assert conn.execute(sa.text("SELECT has_table_privilege(:r, 'invoices', 'SELECT'), "
                                        "has_table_privilege(:r, 'credentials', 'SELECT')"), {"r": role}).one() == (
                True, False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.dispose()


def _beat(url: str, kiosk: str, branch: str, reported: datetime, parked: int = 0, message: str | None = None) -> None:
    engine = central_engine(url)
    with engine.connect() as conn:
        send(conn, HeartbeatRow(kiosk, branch, "1.2.0", central_head(), reported - timedelta(seconds=30),
                                reported - timedelta(seconds=40), 2, parked, "ok", 12000, 75, reported,
                                out_of_service=message is not None, service_message=message or ""))
    engine.dispose()


def test_fleet_lists_kiosks_and_flags_stale_ones(central_url: str) -> None:
    assert main(["central", "init", "--url", central_url]) == 0
    now = datetime.now(UTC)
    _beat(central_url, "K2", "B01", now - timedelta(seconds=20))
    _beat(central_url, "K1", "B01", now - timedelta(minutes=10), parked=1)
    _beat(central_url, "K9", "B02", now - timedelta(seconds=170), message="Sin papel")
    done = _run("central", "fleet", "--url", central_url, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["count"] == 3 and data["stale"] == 1 and data["stale_after"] == 180
    by_id = {k["kiosk_id"]: k for k in data["kiosks"]}
    assert [k["kiosk_id"] for k in data["kiosks"]] == ["K1", "K2", "K9"]
    assert by_id["K1"]["stale"] and not by_id["K2"]["stale"] and not by_id["K9"]["stale"]
    assert by_id["K1"]["parked"] == 1 and by_id["K1"]["outbox_depth"] == 2
    assert by_id["K2"]["app_version"] == "1.2.0" and by_id["K2"]["data_age_s"] == 75
    assert datetime.fromisoformat(by_id["K1"]["reported_at"]) < now - timedelta(minutes=9)
    assert (by_id["K9"]["out_of_service"], by_id["K9"]["service_message"]) == (True, "Sin papel")
    assert (by_id["K2"]["out_of_service"], by_id["K2"]["service_message"]) == (False, "")
    tighter = json.loads(_run("central", "fleet", "--url", central_url, "--json", "--stale-after", "60").stdout)
    assert tighter["stale"] == 2

    text = _run("central", "fleet", "--url", central_url).stdout
    lines = text.strip().splitlines()
    assert lines[0].split()[:3] == ["KIOSK", "BRANCH", "VERSION"]
    assert "STALE" in lines[1] and "K1" in lines[1] and "STALE" not in lines[2]
    assert lines[3].endswith("OUT-OF-SERVICE") and "OUT-OF-SERVICE" not in lines[1] + lines[2]
    assert lines[-1] == "3 kiosks, 1 stale"


def test_fleet_table_of_nothing_and_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    now = datetime.now(UTC)
    assert render_table([], now).endswith("0 kiosks, 0 stale")
    url = f"sqlite:///{tmp_path / 'c.db'}"
    assert main(["central", "init", "--url", url]) == 0
    assert fleet_status(url) == []
    capsys.readouterr()
    assert main(["central", "fleet", "--url", url, "--stale-after", "0"]) == 2
    assert "--stale-after" in capsys.readouterr().err
    assert main(["central", "fleet", "--url", f"sqlite:///{tmp_path / 'empty.db'}"]) == 2  # not initialised
    assert capsys.readouterr().err.startswith("error: central database:")

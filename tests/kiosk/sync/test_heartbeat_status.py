"""The heartbeat's status for IT (issue 13): printer and paper, uptime, parked rows, out of service, last errors.

The kiosk side is the real sync engine writing to a real central (SQLite file and PostgreSQL); the row is read
back from central and through `central fleet --json`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from db.engine import central_engine
from db.models import Heartbeat, KioskState, LocalKioskSetting, OutboxEntry
from kiosk import logbuffer, redaction, remote_config
from kiosk.cli import main
from kiosk.sync import heartbeat
from kiosk.sync.engine import SyncEngine

REFUSED = {"ui.idle_timeout": "ui.idle_timeout: Input should be greater than 0 (kept 90)"}


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def central(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    url = str(request.getfixturevalue("pg_url")) if request.param == "pg" else f"sqlite:///{tmp_path / 'c.db'}"
    assert main(["central", "init", "--url", url]) == 0
    return url


@pytest.fixture
def ring() -> Iterator[logbuffer.RingBufferHandler]:
    handler = logbuffer.install()
    handler.clear()
    yield handler
    logbuffer.uninstall()
    redaction.forget_all()


def _seed_replica(engine: SyncEngine, used_mm: str) -> None:
    now = datetime.now(UTC)
    with engine.local.begin() as conn:
        conn.execute(sa.insert(KioskState), [
            {"key": heartbeat.ROLL_USED_KEY, "value": used_mm},
            {"key": heartbeat.OUT_OF_SERVICE_KEY, "value": "1"},
            {"key": heartbeat.SERVICE_MESSAGE_KEY, "value": "Printer jammed, please use the counter"},
            {"key": remote_config.REJECTED_KEY, "value": json.dumps(REFUSED)},
        ])
        conn.execute(sa.insert(OutboxEntry), [
            {"table_name": "claims", "row_id": f"r{i}", "state": state, "attempts": 0, "created_at": now}
            for i, state in enumerate(("parked", "parked", "pending"))
        ])


def _central_row(url: str) -> sa.Row[tuple[object, ...]]:
    engine = central_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(Heartbeat.__table__)).one()
    finally:
        engine.dispose()


def test_heartbeat_carries_the_status_for_it(central: str, tmp_path: Path, ring: logbuffer.RingBufferHandler,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    log = logging.getLogger("kiosk.services.print_jobs")
    with SyncEngine(central, tmp_path / "replica.db", "K1", "B1", roll_length_m=80.0,
                    printer_state=lambda: "out_of_paper") as engine:
        _seed_replica(engine, "12500.0")
        for i in range(7):
            log.error("print %d failed for juan.perez@example.com, account 20111222, customer Ramirez Soto", i)
        log.warning("a warning is not an error")
        redaction.remember("Ramirez Soto")  # the customer still being served: masked on the way out
        engine.heartbeat()

    row = _central_row(central)
    assert (row.printer_state, row.paper_left_m, row.parked) == ("out_of_paper", 67.5, 2)
    assert (row.out_of_service, row.service_message) == (True, "Printer jammed, please use the counter")
    assert row.app_version == heartbeat.app_version()
    assert 0 <= row.uptime_seconds <= heartbeat.uptime_seconds()
    errors = json.loads(row.last_errors)
    assert [e["message"].split(" failed")[0] for e in errors] == [f"print {i}" for i in range(2, 7)]  # last five
    assert {e["level"] for e in errors} == {"ERROR"} and errors[0]["logger"] == "kiosk.services.print_jobs"
    text = row.last_errors
    for secret in ("juan.perez", "example.com", "20111222", "Ramirez", "Soto"):
        assert secret not in text
    assert "[email]" in text and "[redacted]" in text
    assert json.loads(row.settings_rejected) == REFUSED

    assert main(["central", "fleet", "--url", central, "--json"]) == 0
    (kiosk,) = json.loads(capsys.readouterr().out)["kiosks"]
    assert (kiosk["paper_left_m"], kiosk["printer_state"], kiosk["parked"], kiosk["out_of_service"]) == (
        67.5, "out_of_paper", 2, True)
    assert kiosk["last_errors"] == errors and kiosk["settings_rejected"] == REFUSED
    assert kiosk["uptime_seconds"] == row.uptime_seconds


def test_paper_estimate_without_a_counter_or_a_length(tmp_path: Path, central: str) -> None:
    """A fresh roll reports its whole length, an overrun roll 0, an engine without a roll length nothing."""
    with SyncEngine(central, tmp_path / "r.db", "K1", "B1", roll_length_m=50.0) as engine:
        with engine.local.connect() as conn:
            assert heartbeat.paper_left_m(conn, 50.0) == 50.0
            assert heartbeat.paper_left_m(conn, None) is None
        with engine.local.begin() as conn:
            conn.execute(sa.insert(KioskState).values(key=heartbeat.ROLL_USED_KEY, value="91000"))
        engine.heartbeat()
        assert _central_row(central).paper_left_m == 0.0
        engine.roll_length_m = None
        engine.heartbeat()
    row = _central_row(central)
    assert row.paper_left_m is None and json.loads(row.last_errors) == []  # no ring buffer in this process
    assert json.loads(row.settings_rejected) == {}


def test_settings_rejected_is_what_remote_config_recorded(tmp_path: Path) -> None:
    """The key kiosk.remote_config writes is the one the heartbeat reads; an unreadable record reports nothing."""
    assert heartbeat.SETTINGS_REJECTED_KEY == remote_config.REJECTED_KEY
    with SyncEngine("", tmp_path / "r.db", "K1", "B1") as engine:
        with engine.local.begin() as conn:
            conn.execute(sa.insert(KioskState).values(key=remote_config.REJECTED_KEY, value=json.dumps(REFUSED)))
        with engine.local.connect() as conn:
            assert heartbeat.settings_rejected(conn) == remote_config.rejected(conn) == REFUSED
        with engine.local.begin() as conn:
            conn.execute(sa.update(KioskState).where(KioskState.key == remote_config.REJECTED_KEY).values(value="{"))
        with engine.local.connect() as conn:
            assert heartbeat.settings_rejected(conn) == {}


def test_uptime_is_this_process() -> None:
    import os
    import time

    first = heartbeat.uptime_seconds()
    assert first >= 0
    if os.path.exists("/proc/self/stat"):  # the real start time: older than this test module's import
        assert first >= int(time.monotonic() - heartbeat._STARTED) - 1


def test_paper_and_refusals_follow_remote_settings(tmp_path: Path, central: str) -> None:
    """IT sets a longer roll for the branch: the heartbeat's estimate uses it once kiosk.remote_config applied it;
    a bad kiosk-level value is refused (the branch's stays) and the refusal reaches central."""
    from kiosk.config import parse_config

    config = parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path)},
                           "printer": {"roll_length_m": 80}})
    now = datetime.now(UTC)
    with SyncEngine(central, tmp_path / "r.db", "K1", "B1", roll_length_m=config.printer.roll_length_m) as engine:
        with engine.local.begin() as conn:
            conn.execute(sa.insert(KioskState).values(key=heartbeat.ROLL_USED_KEY, value="12500"))
        engine.heartbeat()
        assert _central_row(central).paper_left_m == 67.5  # the file's 80 m
        with engine.local.begin() as conn:
            conn.execute(sa.insert(LocalKioskSetting), [
                {"id": 1, "scope": "branch", "scope_id": "B1", "key": "printer.roll_length_m", "value": "120",
                 "updated_at": now, "row_version": 1},
                {"id": 2, "scope": "kiosk", "scope_id": "B1/K1", "key": "printer.roll_length_m", "value": "-5",
                 "updated_at": now, "row_version": 2},
            ])
        eff = remote_config.refresh(engine.local, config)
        assert eff.config.printer.roll_length_m == 120 and "printer.roll_length_m" in eff.rejected
        engine.heartbeat()
    row = _central_row(central)
    assert row.paper_left_m == 107.5
    assert list(json.loads(row.settings_rejected)) == ["printer.roll_length_m"]

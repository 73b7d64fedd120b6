"""`python -m kiosk run` checks the replica before the first screen reads it (every start, so also after a crash)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from kiosk import logbuffer, logsetup
from kiosk.config import parse_config
from kiosk.sync.engine import create_replica
from kiosk.sync.replica_check import quick_check
from ui import crash, lockdown
from ui.cli.run_cmd import start_kiosk


@pytest.fixture(autouse=True)
def _process_wide_setup_undone() -> Iterator[None]:
    """start_kiosk sets up logging, the Logs screen's buffer and the crash hooks for the whole process."""
    yield
    crash.uninstall()
    logsetup.reset()
    logbuffer.uninstall()


def test_start_moves_a_damaged_replica_aside_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path)},
                           "ui": {"branding": "coop-ar"}})
    create_replica(config.local_db_path)
    with closing(sqlite3.connect(config.local_db_path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'invoices'").fetchone()[0]
    with open(config.local_db_path, "r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\0" * size)
    assert quick_check(config.local_db_path) is not None

    _app, window = start_kiosk(config, fullscreen=False, sync=False)
    window.close()

    assert quick_check(config.local_db_path) is None
    assert len(list(tmp_path.glob("replica.sqlite3.damaged-*"))) == 1
    assert "ATTENTION: replica damaged" in capsys.readouterr().err


def test_fullscreen_run_is_locked_down_logs_to_its_file_and_catches_crashes(tmp_path: Path) -> None:
    config = parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path)},
                           "logging": {"dir": str(tmp_path / "logs")}})
    create_replica(config.local_db_path)
    _app, window = start_kiosk(config, fullscreen=True, sync=False)
    assert window.close() is False and window.isVisible()  # the lockdown
    assert crash.installed() is not None and logbuffer.installed() is not None
    assert logsetup.log_file() == tmp_path / "logs" / "ventanilla.log"
    lockdown.allow_exit(window)
    assert window.close() is True
    lockdown.uninstall(window)  # the app-wide filter goes with the kiosk window; later tests share the app


def test_windowed_run_is_not_locked_down(tmp_path: Path) -> None:
    config = parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path)}})
    create_replica(config.local_db_path)
    _app, window = start_kiosk(config, fullscreen=False, sync=False)
    assert window.close() is True


def test_start_upgrades_a_previous_release_replica_and_keeps_its_outbox(tmp_path: Path) -> None:
    import uuid
    from datetime import UTC, datetime

    from alembic.script import ScriptDirectory
    from sqlalchemy.orm import Session

    from db.engine import local_engine
    from db.migrate import _config, downgrade_local, local_head, local_schema_version, upgrade_local
    from db.models import LocalClaim
    from kiosk.sync.outbox import enqueue

    config = parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path)}})
    upgrade_local(config.local_db_path)
    engine = local_engine(config.local_db_path)
    with Session(engine) as s, s.begin():
        enqueue(s, LocalClaim(id=str(uuid.uuid4()), kiosk_id="K1", branch_id="B1", created_at=datetime.now(UTC),
                              number="K1-1", account_id=1, supply_id=1, category_code="no_supply",
                              description="sin luz", contact_phone=""))
    engine.dispose()
    head = ScriptDirectory.from_config(_config("local")).get_revision(local_head())
    assert head is not None and isinstance(head.down_revision, str)
    downgrade_local(config.local_db_path, head.down_revision)  # what the previous release left on disk

    _app, window = start_kiosk(config, fullscreen=False, sync=False)
    window.close()

    engine = local_engine(config.local_db_path)
    try:
        assert local_schema_version(engine) == local_head()
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT state, count(*) FROM outbox GROUP BY state").all() == [("pending", 1)]
    finally:
        engine.dispose()

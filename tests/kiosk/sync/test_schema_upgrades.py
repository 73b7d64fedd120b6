"""Upgrades (issue 12): a replica left by the previous release is brought to this build's schema at start and
keeps its unsent outbox, which then reaches central; a central upgraded by a newer release (a revision this build
does not know) stops sync with `central_schema_newer`, logged, and nothing is sent. On a SQLite and (marked pg) a
PostgreSQL central."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from sync_helpers import central_intake_ids, local_outbox_states, queue_intake, seed_central

from db.engine import central_engine, local_engine
from db.migrate import _config, downgrade_local, local_head, local_schema_version
from kiosk.sync import schema, state
from kiosk.sync.engine import SyncEngine


def previous_release() -> str:
    """The local revision before this build's head (what the previous release left on the kiosk's disk)."""
    head = ScriptDirectory.from_config(_config("local")).get_revision(local_head())
    assert head is not None and isinstance(head.down_revision, str)
    return head.down_revision


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def central(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue(
        "pg_url")
    seed_central(url, accounts=5)
    return url


@pytest.fixture
def old_replica(central: str, tmp_path: Path) -> tuple[Path, list[str]]:
    """A synced replica with 4 unsent outbox rows, taken back to the previous release's schema."""
    replica = tmp_path / "replica.sqlite3"
    with SyncEngine(central, replica, "K1", "B1") as eng:
        assert eng.run_once().ok
    ids = queue_intake(replica, "K1", 4)
    downgrade_local(replica, previous_release())
    engine = local_engine(replica)
    assert local_schema_version(engine) == previous_release() != local_head()
    engine.dispose()
    assert local_outbox_states(replica) == {"pending": 4}
    return replica, ids


def test_the_previous_release_replica_upgrades_at_start_and_keeps_its_outbox(
    central: str, old_replica: tuple[Path, list[str]], caplog: pytest.LogCaptureFixture
) -> None:
    replica, ids = old_replica
    with caplog.at_level(logging.WARNING, logger="kiosk.sync.schema"):
        before, after = schema.upgrade_replica(replica)  # what `run` does before the first screen
    assert (before, after) == (previous_release(), local_head())
    assert any("replica schema upgraded" in r.getMessage() for r in caplog.records)
    assert local_outbox_states(replica) == {"pending": 4}
    assert schema.upgrade_replica(replica) == (local_head(), local_head())  # the next start: nothing to do
    with SyncEngine(central, replica, "K1", "B1") as eng:
        report = eng.run_once()
    assert report.ok, report.error
    assert report.total("pushed") == 4
    there = central_intake_ids(central)
    assert set(ids) <= set(there["claims"]) | set(there["print_log"])
    assert local_outbox_states(replica) == {"sent": 4}


def test_a_central_schema_newer_than_this_build_stops_sync(
    central: str, old_replica: tuple[Path, list[str]], caplog: pytest.LogCaptureFixture
) -> None:
    replica, ids = old_replica
    engine = central_engine(central)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'c9999_from_a_newer_release'"))
    engine.dispose()
    with caplog.at_level(logging.ERROR, logger="kiosk.sync.schema"), SyncEngine(central, replica, "K1", "B1") as eng:
        report = eng.run_once()
        local = eng.local
        with local.connect() as lconn:
            last_error = state.get(lconn, state.LAST_ERROR)
    assert not report.ok and report.error_code == "central_schema_newer"
    assert report.error is not None and "newer than this kiosk supports" in report.error
    assert "update this kiosk" in report.error
    assert last_error == "central_schema_newer"  # what maintenance mode's status reads
    assert any("c9999_from_a_newer_release" in r.getMessage() for r in caplog.records)
    assert report.total("pushed") == 0 and local_outbox_states(replica) == {"pending": 4}
    assert not set(ids) & {i for rows in central_intake_ids(central).values() for i in rows}
    assert schema.central_schema_state("c9999_from_a_newer_release") == "newer"


def test_an_older_central_is_still_a_plain_mismatch(central: str, tmp_path: Path) -> None:
    engine = central_engine(central)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'c0001_initial'"))
    engine.dispose()
    with SyncEngine(central, tmp_path / "r.sqlite3", "K1", "B1") as eng:
        report = eng.run_once()
    assert report.error_code == "schema_mismatch" and "upgrade central" in (report.error or "")
    assert schema.central_schema_state("c0001_initial") == "older"
    assert schema.central_schema_state(schema.expected_central()) == "current"


def test_the_build_s_replica_head_is_alembic_s() -> None:
    """kiosk.sync.schema.LOCAL_HEAD lets `run` skip Alembic on an up-to-date replica: a migration added without
    moving it would leave replicas un-upgraded, so it must always be Alembic's own head."""
    assert local_head() == schema.LOCAL_HEAD


def test_an_up_to_date_replica_is_seen_without_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    replica = tmp_path / "replica.sqlite3"
    assert schema.file_revision(replica) is None and not replica.exists()  # never creates the file
    assert schema.upgrade_replica(replica) == ("", local_head())  # a new file: created through Alembic
    assert schema.file_revision(replica) == local_head()
    probe = ("import sys; from kiosk.sync.schema import upgrade_replica; "
             f"print(upgrade_replica({str(replica)!r})[1], 'alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.split() == [local_head(), "False"]
    (tmp_path / "not-a-db.sqlite3").write_bytes(b"garbage" * 100)
    assert schema.file_revision(tmp_path / "not-a-db.sqlite3") is None  # unreadable: the full path decides

"""Maintenance mode against a real central (SQLite and PostgreSQL): staff accounts arrive with the pull, a disabled
one is refused after the next sync, audit events reach central exactly once, the heartbeat carries the
out-of-service flag."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sync_helpers import seed_central

from db.engine import central_engine, local_engine, session_factory
from kiosk.central.seed_gen import STAFF_NUMBER, STAFF_PIN, TECHNICIAN_NUMBER, TECHNICIAN_PIN
from kiosk.config import parse_config
from kiosk.services.context import ServiceContext
from kiosk.services.errors import AuthError
from kiosk.services.staff import OPERATOR, TECHNICIAN, StaffService
from kiosk.sync import state
from kiosk.sync.engine import SyncEngine

KIOSK = "K1"


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def central(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    url = str(request.getfixturevalue("pg_url")) if request.param == "pg" else f"sqlite:///{tmp_path / 'central.db'}"
    seed_central(url, accounts=5)
    return url


def _branch(central: str) -> str:
    engine = central_engine(central)
    with engine.connect() as conn:
        branch = conn.execute(sa.text("SELECT branch_id FROM staff WHERE id = :i"), {"i": STAFF_NUMBER}).scalar_one()
    engine.dispose()
    return str(branch)


@pytest.fixture
def kiosk(central: str, tmp_path: Path) -> Iterator[tuple[SyncEngine, StaffService]]:
    branch = _branch(central)
    replica = tmp_path / "replica.sqlite3"
    with SyncEngine(central, replica, KIOSK, branch, batch_size=500) as eng:
        config = parse_config({"kiosk": {"id": KIOSK, "branch": branch, "data_dir": str(tmp_path)}})
        local = local_engine(replica)
        yield eng, StaffService(ServiceContext(session_factory(local), config))
        local.dispose()


def _central_audit(central: str) -> list[tuple[str, int | None, str, str]]:
    engine = central_engine(central)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, staff_id, event, outcome FROM audit_events WHERE kiosk_id = :k "
                                    "ORDER BY id"), {"k": KIOSK}).all()
    engine.dispose()
    return [(str(r[0]), r[1], str(r[2]), str(r[3])) for r in rows]


def test_staff_arrive_with_the_pull_and_a_disabled_one_is_refused_after_the_next_sync(
        central: str, kiosk: tuple[SyncEngine, StaffService]) -> None:
    eng, staff = kiosk
    with pytest.raises(AuthError):  # nothing pulled yet: nobody is known here
        staff.login(str(STAFF_NUMBER), STAFF_PIN)
    assert eng.run_once().ok
    assert staff.login(str(STAFF_NUMBER), STAFF_PIN).role == OPERATOR
    assert staff.login(str(TECHNICIAN_NUMBER), TECHNICIAN_PIN).role == TECHNICIAN  # fleet-wide account
    engine = central_engine(central)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE staff SET active = :f WHERE id = :i"), {"f": False, "i": STAFF_NUMBER})
    engine.dispose()
    assert staff.login(str(STAFF_NUMBER), STAFF_PIN).role == OPERATOR  # offline until the next sync
    assert eng.run_once().ok
    with pytest.raises(AuthError) as refused:
        staff.login(str(STAFF_NUMBER), STAFF_PIN)
    assert (refused.value.code, refused.value.params) == ("staff_refused", {"reason": "disabled"})


def test_audit_events_reach_central_exactly_once(central: str, kiosk: tuple[SyncEngine, StaffService]) -> None:
    eng, staff = kiosk
    assert eng.run_once().ok
    with pytest.raises(AuthError):
        staff.login(str(STAFF_NUMBER), "0000")
    session = staff.login(str(STAFF_NUMBER), STAFF_PIN)
    staff.set_out_of_service(session, True, "Sin papel")
    staff.logout(session)
    report = eng.run_once()
    assert report.ok and report.total("pushed") == 4
    sent = _central_audit(central)
    assert sorted((e, o, s) for _, s, e, o in sent) == [
        ("out_of_service", "ok", STAFF_NUMBER), ("staff_login", "ok", STAFF_NUMBER),
        ("staff_login", "wrong_pin", STAFF_NUMBER), ("staff_logout", "ok", STAFF_NUMBER)]
    # A kill between central's commit and the local mark: the rows are sent again, central keeps one of each.
    with eng.local.begin() as conn:
        assert conn.execute(sa.text("UPDATE outbox SET state = 'pending', sent_at = NULL "
                                    "WHERE table_name = 'audit_events'")).rowcount == 4
    again = eng.run_once()
    assert again.ok and again.total("pushed") == 4
    assert _central_audit(central) == sent
    assert eng.run_once().total("pushed") == 0
    assert eng.status().outbox_depth == 0


def _heartbeat_flag(central: str) -> tuple[bool, str]:
    engine = central_engine(central)
    with engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT out_of_service, service_message FROM heartbeats WHERE kiosk_id = :k"),
                              {"k": KIOSK}).one()
    engine.dispose()
    return bool(stored[0]), str(stored[1])


def test_heartbeat_reports_out_of_service(central: str, kiosk: tuple[SyncEngine, StaffService]) -> None:
    """The engine's own heartbeat carries the flag staff set, and clears it when they put the kiosk back."""
    eng, staff = kiosk
    assert eng.run_once().ok
    session = staff.login(str(STAFF_NUMBER), STAFF_PIN)
    staff.set_out_of_service(session, True, "Volvemos a las 14 h")
    before = datetime.now(UTC)
    eng.heartbeat()
    assert _heartbeat_flag(central) == (True, "Volvemos a las 14 h")
    with eng.local.connect() as lconn:
        sent_at = state.get_time(lconn, state.LAST_HEARTBEAT_AT)
    assert sent_at is not None and sent_at >= before  # maintenance mode's status shows it
    staff.set_out_of_service(session, False)
    eng.heartbeat()
    assert _heartbeat_flag(central) == (False, "")

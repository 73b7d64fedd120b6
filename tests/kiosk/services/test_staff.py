"""Maintenance mode's service layer: staff entry, the lockout, the branch PIN, roles, audit and out of service."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update
from svc_replica import Replica

from db.models import KioskState, LocalAuditEvent, LocalClaim, LocalStaff, OutboxEntry
from kiosk.config import Config, parse_config
from kiosk.services.context import ServiceContext
from kiosk.services.errors import AuthError, Forbidden, NotFound, ServiceError, SessionExpired, ValidationError
from kiosk.services.intake import new_id, queue
from kiosk.services.staff import (
    FAILURES_KEY,
    OPERATOR,
    TECHNICIAN,
    StaffService,
    StaffSession,
    new_badge,
    new_branch_pin,
)
from kiosk.sync import heartbeat
from kiosk.sync.outbox import PARKED, PENDING

# Cheap argon2 parameters: verification takes the parameters from the hash, so tests stay fast.
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
OPERATOR_ID, TECHNICIAN_ID, DISABLED_ID, OTHER_BRANCH_ID = 11, 12, 13, 14
PINS = {OPERATOR_ID: "4826", TECHNICIAN_ID: "7391", DISABLED_ID: "5550", OTHER_BRANCH_ID: "6061"}
BRANCH_PIN = "305172"


def _config(tmp: Path, **maintenance: Any) -> Config:
    return parse_config({
        "kiosk": {"id": "K07", "branch": "B21", "data_dir": str(tmp)},
        "central": {"url": "postgresql://kiosk:s3cret-pass@central.example/utility"},
        "payments": {"scheme": "url", "hmac_key": "signing-key-123"},
        "maintenance": maintenance,
    })


def _staff(replica: Replica, badge_hash: str | None = None) -> None:
    with replica.factory.begin() as db:
        db.add_all([
            LocalStaff(id=OPERATOR_ID, branch_id="B21", name="Olga", pin_hash=FAST.hash(PINS[OPERATOR_ID]),
                       role=OPERATOR, active=True, badge_hash=badge_hash),
            LocalStaff(id=TECHNICIAN_ID, branch_id=None, name="Tito", pin_hash=FAST.hash(PINS[TECHNICIAN_ID]),
                       role=TECHNICIAN, active=True),
            LocalStaff(id=DISABLED_ID, branch_id="B21", name="Dora", pin_hash=FAST.hash(PINS[DISABLED_ID]),
                       role=OPERATOR, active=False),
            LocalStaff(id=OTHER_BRANCH_ID, branch_id="B99", name="Otto", pin_hash=FAST.hash(PINS[OTHER_BRANCH_ID]),
                       role=TECHNICIAN, active=True),
        ])


def _service(replica: Replica, tmp: Path, **maintenance: Any) -> StaffService:
    maintenance.setdefault("branch_pin_hash", FAST.hash(BRANCH_PIN))
    return StaffService(ServiceContext(replica.factory, _config(tmp, **maintenance), replica.clock))


@pytest.fixture
def staff(replica: Replica, tmp_path: Path) -> StaffService:
    _staff(replica)
    return _service(replica, tmp_path)


def _audit(replica: Replica) -> list[LocalAuditEvent]:
    with replica.factory() as db:
        return list(db.scalars(select(LocalAuditEvent).order_by(LocalAuditEvent.created_at)))


def _code(error: pytest.ExceptionInfo[ServiceError]) -> tuple[str, dict[str, Any]]:
    return error.value.code, error.value.params


def test_login_gives_the_role_of_the_account(staff: StaffService, replica: Replica) -> None:
    op = staff.login(str(OPERATOR_ID), PINS[OPERATOR_ID])
    tech = staff.login(f" {TECHNICIAN_ID} ", PINS[TECHNICIAN_ID])
    assert (op.staff_id, op.name, op.role, op.branch, op.via) == (OPERATOR_ID, "Olga", OPERATOR, "B21", "pin")
    assert (tech.role, tech.started_at) == (TECHNICIAN, replica.clock())
    assert staff.require(tech, TECHNICIAN) == tech


def test_five_wrong_pins_lock_entry_for_fifteen_minutes(staff: StaffService, replica: Replica,
                                                        tmp_path: Path) -> None:
    for left in (4, 3, 2, 1):
        with pytest.raises(AuthError) as wrong:
            staff.login(str(OPERATOR_ID), "0000")
        assert _code(wrong) == ("wrong_pin", {"attempts_left": left})
    with pytest.raises(AuthError) as fifth:
        staff.login(str(TECHNICIAN_ID), "0000")  # the count is per kiosk, whatever the account
    assert _code(fifth) == ("locked", {"locked_seconds": 15 * 60})
    with pytest.raises(AuthError) as right_pin:
        staff.login(str(OPERATOR_ID), PINS[OPERATOR_ID])  # even the right PIN waits
    assert _code(right_pin) == ("locked", {"locked_seconds": 15 * 60})
    with pytest.raises(AuthError):
        staff.login_branch(BRANCH_PIN)  # and every other way in
    replica.clock.advance(14 * 60 + 59)
    assert staff.locked_seconds() == 1
    # a restart keeps the lock: a new service (new process) reads it from the replica
    restarted = _service(replica, tmp_path)
    with pytest.raises(AuthError) as after_restart:
        restarted.login(str(OPERATOR_ID), PINS[OPERATOR_ID])
    assert _code(after_restart) == ("locked", {"locked_seconds": 1})
    replica.clock.advance(1)
    assert restarted.locked_seconds() == 0
    assert restarted.login(str(OPERATOR_ID), PINS[OPERATOR_ID]).role == OPERATOR
    outcomes = [(e.event, e.outcome) for e in _audit(replica)]
    assert outcomes == [("staff_login", "wrong_pin")] * 5 + [("staff_login", "locked")] * 3 + [("staff_login", "ok")]
    assert json.loads(_audit(replica)[4].detail) == {"locked": True, "via": "pin"}


def test_a_success_resets_the_count(staff: StaffService, replica: Replica) -> None:
    for _ in range(4):
        with pytest.raises(AuthError):
            staff.login(str(OPERATOR_ID), "0000")
    staff.login(str(OPERATOR_ID), PINS[OPERATOR_ID])
    with pytest.raises(AuthError) as wrong:
        staff.login(str(OPERATOR_ID), "0000")
    assert _code(wrong) == ("wrong_pin", {"attempts_left": 4})
    with replica.factory() as db:
        assert db.get(KioskState, FAILURES_KEY).value == "1"  # type: ignore[union-attr]


def test_attempts_and_lockout_are_configurable(replica: Replica, tmp_path: Path) -> None:
    _staff(replica)
    staff = _service(replica, tmp_path, max_attempts=2, lockout_minutes=1)
    with pytest.raises(AuthError):
        staff.login(str(OPERATOR_ID), "0000")
    with pytest.raises(AuthError) as locked:
        staff.login(str(OPERATOR_ID), "0000")
    assert _code(locked) == ("locked", {"locked_seconds": 60})
    replica.clock.advance(60)
    assert staff.login(str(OPERATOR_ID), PINS[OPERATOR_ID]).staff_id == OPERATOR_ID


def test_branch_pin_enters_as_operator_without_any_staff_account(replica: Replica, tmp_path: Path) -> None:
    staff = _service(replica, tmp_path)  # no staff rows: a replica that never reached central
    with pytest.raises(AuthError) as wrong:
        staff.login_branch("111222")
    assert _code(wrong) == ("wrong_pin", {"attempts_left": 4})
    session = staff.login_branch(BRANCH_PIN)
    assert (session.staff_id, session.role, session.via) == (None, OPERATOR, "branch_pin")
    staff.set_out_of_service(session, True, "Sin papel")  # an operator action works
    with pytest.raises(Forbidden):
        staff.config_view(session)  # a technician one does not
    with pytest.raises(AuthError) as unknown:
        staff.login("11", "4826")  # no such staff member here: like a wrong PIN
    assert _code(unknown) == ("wrong_pin", {"attempts_left": 4})


def test_without_a_branch_pin_there_is_no_branch_entry(replica: Replica, tmp_path: Path) -> None:
    staff = _service(replica, tmp_path, branch_pin_hash="")
    with pytest.raises(AuthError) as refused:
        staff.login_branch(BRANCH_PIN)
    assert refused.value.code == "branch_pin_not_set"
    assert [(e.event, e.outcome) for e in _audit(replica)] == [("staff_login", "no_branch_pin")]


def test_new_branch_pin_is_six_digits_and_not_trivial() -> None:
    pins = {new_branch_pin() for _ in range(200)}
    assert all(len(p) == 6 and p.isdigit() for p in pins) and len(pins) > 150
    assert not pins & {"000000", "111111", "123456", "654321"}


def test_disabled_or_other_branch_staff_are_refused(staff: StaffService, replica: Replica) -> None:
    with pytest.raises(AuthError) as disabled:
        staff.login(str(DISABLED_ID), PINS[DISABLED_ID])
    assert _code(disabled) == ("staff_refused", {"reason": "disabled"})
    with pytest.raises(AuthError) as other:
        staff.login(str(OTHER_BRANCH_ID), PINS[OTHER_BRANCH_ID])
    assert _code(other) == ("staff_refused", {"reason": "other_branch"})
    assert [(e.staff_id, e.outcome) for e in _audit(replica)] == [(DISABLED_ID, "refused"),
                                                                   (OTHER_BRANCH_ID, "refused")]


def test_malformed_input_is_refused_and_audited_without_counting(staff: StaffService, replica: Replica) -> None:
    for number, pin, code in (("abc", "4826", "malformed_staff_number"), ("11", "12", "malformed_pin"),
                              ("11", "١٢٣٤", "malformed_pin"), ("", "4826", "malformed_staff_number")):
        with pytest.raises(ValidationError) as bad:
            staff.login(number, pin)
        assert bad.value.code == code
    with pytest.raises(AuthError) as wrong:
        staff.login(str(OPERATOR_ID), "0000")
    assert _code(wrong) == ("wrong_pin", {"attempts_left": 4})
    assert [e.outcome for e in _audit(replica)] == ["malformed"] * 4 + ["wrong_pin"]


def test_badge_login(replica: Replica, tmp_path: Path) -> None:
    code, _ = new_badge(OPERATOR_ID)
    assert code.startswith(f"VST-{OPERATOR_ID}-")
    _staff(replica, badge_hash=FAST.hash(code.rsplit("-", 1)[1]))
    staff = _service(replica, tmp_path)
    session = staff.login_badge(code.lower())  # scanners may send lower case
    assert (session.staff_id, session.via) == (OPERATOR_ID, "badge")
    forged = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(AuthError) as wrong:
        staff.login_badge(forged)
    assert _code(wrong) == ("wrong_pin", {"attempts_left": 4})
    with pytest.raises(AuthError):
        staff.login_badge(f"VST-{TECHNICIAN_ID}-{code.rsplit('-', 1)[1]}")  # no badge on that account
    with pytest.raises(ValidationError) as malformed:
        staff.login_badge("0001234567")
    assert malformed.value.code == "malformed_badge"


def test_operator_is_refused_technician_actions_by_the_service(staff: StaffService, replica: Replica) -> None:
    op = staff.login(str(OPERATOR_ID), PINS[OPERATOR_ID])
    for call in (lambda: staff.discard_parked(op, 1, "duplicado"), lambda: staff.config_view(op),
                 lambda: staff.require(op, TECHNICIAN)):
        with pytest.raises(Forbidden) as refused:
            call()
        assert _code(refused) == ("forbidden", {"required": TECHNICIAN})
    forbidden = [e for e in _audit(replica) if e.event == "forbidden"]
    assert [(e.staff_id, e.outcome) for e in forbidden] == [(OPERATOR_ID, "forbidden")] * 3


def test_a_session_the_service_did_not_issue_is_refused(staff: StaffService, replica: Replica) -> None:
    real = staff.login(str(OPERATOR_ID), PINS[OPERATOR_ID])
    forged = StaffSession(OPERATOR_ID, "Olga", TECHNICIAN, "B21", real.started_at, "pin", real.token)
    with pytest.raises(SessionExpired):
        staff.config_view(forged)  # the operator's own token with a technician role
    with pytest.raises(SessionExpired):
        staff.require(StaffSession(None, "", TECHNICIAN, "B21", real.started_at, "pin", "made-up"), OPERATOR)
    staff.logout(real)
    with pytest.raises(SessionExpired):
        staff.set_out_of_service(real, True, "x")
    assert [e.event for e in _audit(replica)] == ["staff_login", "staff_logout"]


def test_an_idle_staff_session_expires(staff: StaffService, replica: Replica) -> None:
    session = staff.login(str(TECHNICIAN_ID), PINS[TECHNICIAN_ID])
    replica.clock.advance(29 * 60)
    staff.require(session, TECHNICIAN)  # use keeps it alive
    replica.clock.advance(30 * 60 + 1)
    with pytest.raises(SessionExpired):
        staff.require(session, OPERATOR)


def test_config_view_hides_secrets(staff: StaffService, replica: Replica) -> None:
    tech = staff.login(str(TECHNICIAN_ID), PINS[TECHNICIAN_ID])
    view = staff.config_view(tech)
    dumped = json.dumps(view)
    assert "s3cret-pass" not in dumped and "signing-key-123" not in dumped and "$argon2" not in dumped
    assert view["central"]["url"] == "postgresql://kiosk:***@central.example/utility"
    assert view["payments"]["hmac_key"] == "***" and view["maintenance"]["branch_pin_hash"] == "***"
    assert view["kiosk"]["id"] == "K07" and view["maintenance"]["max_attempts"] == 5
    assert _audit(replica)[-1].event == "config_view"


def _parked_claim(replica: Replica) -> tuple[int, str]:
    rid = new_id()
    with replica.factory.begin() as db:
        queue(db, LocalClaim(id=rid, kiosk_id="K07", branch_id="B21", created_at=replica.clock(), number="N-1",
                             account_id=1001, supply_id=5001, category_code="no_supply", description="x",
                             contact_phone="3515551234"))
        db.flush()
        db.execute(update(OutboxEntry).where(OutboxEntry.row_id == rid).values(state=PARKED, last_error="too long"))
        seq = db.scalars(select(OutboxEntry.seq).where(OutboxEntry.row_id == rid)).one()
    return seq, rid


def test_technician_discards_a_parked_row_with_a_reason(staff: StaffService, replica: Replica) -> None:
    seq, rid = _parked_claim(replica)
    op = staff.login(str(OPERATOR_ID), PINS[OPERATOR_ID])
    assert [p.row_id for p in staff.parked(op)] == [rid]
    tech = staff.login(str(TECHNICIAN_ID), PINS[TECHNICIAN_ID])
    with pytest.raises(ValidationError):
        staff.discard_parked(tech, seq, "  ")  # a reason is required
    staff.discard_parked(tech, seq, "Duplicado del reclamo N-0")
    with replica.factory() as db:
        assert db.get(LocalClaim, rid) is None
        assert db.scalars(select(OutboxEntry).where(OutboxEntry.row_id == rid)).first() is None
    event = _audit(replica)[-1]
    assert (event.event, event.outcome, event.staff_id) == ("parked_discard", "ok", TECHNICIAN_ID)
    assert json.loads(event.detail) == {"reason": "Duplicado del reclamo N-0", "row_id": rid, "seq": seq,
                                        "table": "claims"}
    with pytest.raises(NotFound):
        staff.discard_parked(tech, seq, "otra vez")


def test_operator_retries_parked_rows(staff: StaffService, replica: Replica) -> None:
    seq, _ = _parked_claim(replica)
    op = staff.login(str(OPERATOR_ID), PINS[OPERATOR_ID])
    assert staff.retry_parked(op) == 1
    with replica.factory() as db:
        assert db.scalars(select(OutboxEntry.state).where(OutboxEntry.seq == seq)).one() == PENDING


def test_out_of_service_reaches_the_customer_home_and_the_heartbeat(staff: StaffService, replica: Replica) -> None:
    assert not staff.out_of_service().on
    op = staff.login(str(OPERATOR_ID), PINS[OPERATOR_ID])
    staff.set_out_of_service(op, True, "  Sin papel: use el otro equipo  ")
    flag = staff.out_of_service()
    assert (flag.on, flag.message) == (True, "Sin papel: use el otro equipo")
    with replica.engine.connect() as conn:
        assert heartbeat.out_of_service(conn) == (True, "Sin papel: use el otro equipo")
    with pytest.raises(ValidationError):
        staff.set_out_of_service(op, True, "x" * 201)
    staff.set_out_of_service(op, False, "ignored")
    assert (staff.out_of_service().on, staff.out_of_service().message) == (False, "")
    assert [e.event for e in _audit(replica)][-2:] == ["out_of_service", "in_service"]


def test_every_audit_event_is_queued_and_holds_no_secret(staff: StaffService, replica: Replica) -> None:
    with pytest.raises(AuthError):
        staff.login(str(OPERATOR_ID), "9182")
    with pytest.raises(AuthError):
        staff.login_branch("918273")
    op = staff.login(str(OPERATOR_ID), PINS[OPERATOR_ID])
    staff.set_out_of_service(op, True, "Mantenimiento")
    staff.logout(op)
    events = _audit(replica)
    assert len(events) == 5
    assert all((e.kiosk_id, e.branch_id) == ("K07", "B21") and e.created_at == replica.clock() for e in events)
    for event in events:
        blob = json.dumps([event.event, event.detail, event.outcome])
        assert not any(pin in blob for pin in ("9182", "918273", PINS[OPERATOR_ID], BRANCH_PIN))
    with replica.factory() as db:
        queued = set(db.scalars(select(OutboxEntry.row_id).where(OutboxEntry.table_name == "audit_events")))
    assert queued == {e.id for e in events}
    replica.clock.advance(1)
    trail = staff.audit_trail(staff.login(str(TECHNICIAN_ID), PINS[TECHNICIAN_ID]), limit=3)
    assert len(trail) == 3 and trail[0].action == "staff_login"

"""Maintenance mode's MaintenanceService on a real replica: status, the log buffer, the printer actions and their
audit, printer setup (run and file), device commands (recorded by a harmless configured command), role refusals."""

from __future__ import annotations

import json
import logging
import re
import sys
import tomllib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from svc_replica import Replica

from db.models import LocalAuditEvent, LocalStaff, OutboxEntry
from kiosk import logbuffer
from kiosk.config import Config, load_config, parse_config
from kiosk.domain import PrinterState, StaffSession
from kiosk.services.account import AccountService
from kiosk.services.context import ServiceContext
from kiosk.services.errors import Forbidden, NotFound, PrinterError, ServiceError, ValidationError
from kiosk.services.maintenance import MaintenanceService
from kiosk.services.payments import PaymentService
from kiosk.services.print_jobs import PrintService
from kiosk.services.staff import OPERATOR, TECHNICIAN, StaffService
from kiosk.sync import state
from kiosk.sync.outbox import PARKED
from printing.backends.pdf_folder import simulate_state

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
OPERATOR_ID, TECHNICIAN_ID = 1, 2
PINS = {OPERATOR_ID: "4826", TECHNICIAN_ID: "7391"}
SH = "/bin/sh"


def _config(tmp: Path, **maintenance: Any) -> dict[str, Any]:
    return {
        "kiosk": {"id": "K07", "branch": "B21", "branch_name": "Centro", "data_dir": str(tmp)},
        "ui": {"branding": "coop-ar"},
        "printer": {"backend": "pdf-folder", "folder": str(tmp / "prints")},
        "maintenance": maintenance,
    }


class Kiosk:
    """The services maintenance mode uses, over the test replica."""

    def __init__(self, replica: Replica, config: Config, probe: Any = None) -> None:
        self.replica = replica
        self.ctx = ServiceContext(replica.factory, config, replica.clock)
        self.staff = StaffService(self.ctx)
        self.printing = PrintService(self.ctx, AccountService(self.ctx))
        kwargs = {"probe": probe} if probe is not None else {}
        self.maintenance = MaintenanceService(self.ctx, self.staff, self.printing, **kwargs)

    def operator(self) -> StaffSession:
        return self.staff.login(str(OPERATOR_ID), PINS[OPERATOR_ID])

    def technician(self) -> StaffSession:
        return self.staff.login(str(TECHNICIAN_ID), PINS[TECHNICIAN_ID])

    def audit(self, prefix: str = "") -> list[tuple[str, str, int | None, dict[str, Any]]]:
        with self.replica.factory() as db:
            rows = db.scalars(select(LocalAuditEvent).order_by(LocalAuditEvent.created_at))
            return [(r.event, r.outcome, r.staff_id, json.loads(r.detail or "{}")) for r in rows
                    if r.event.startswith(prefix) and r.event != "staff_login"]


def _seed_staff(replica: Replica) -> None:
    with replica.factory.begin() as db:
        db.add_all([
            LocalStaff(id=OPERATOR_ID, branch_id="B21", name="Olga", pin_hash=FAST.hash(PINS[OPERATOR_ID]),
                       role=OPERATOR, active=True),
            LocalStaff(id=TECHNICIAN_ID, branch_id=None, name="Tito", pin_hash=FAST.hash(PINS[TECHNICIAN_ID]),
                       role=TECHNICIAN, active=True),
        ])


@pytest.fixture
def kiosk(replica: Replica, tmp_path: Path) -> Kiosk:
    _seed_staff(replica)
    return Kiosk(replica, parse_config(_config(tmp_path)), probe=lambda: (True, 12, "c0007"))


@pytest.fixture
def buffer() -> Iterator[logbuffer.RingBufferHandler]:
    level = logging.getLogger().level
    handler = logbuffer.install()
    handler.clear()
    yield handler
    logbuffer.uninstall()
    logging.getLogger().setLevel(level)


def test_status_reports_the_replica_the_printer_and_central(kiosk: Kiosk, replica: Replica) -> None:
    session = kiosk.operator()
    pulled = replica.clock() - timedelta(minutes=7)
    with replica.engine.begin() as conn:
        if replica.backend == "sqlite":
            state.put_time(conn, state.LAST_PULL_AT, pulled)
            state.put_time(conn, state.LAST_PUSH_AT, pulled)
            state.put_time(conn, state.LAST_HEARTBEAT_AT, pulled + timedelta(minutes=1))
    with replica.factory.begin() as db:
        db.add(OutboxEntry(table_name="claims", row_id="r1", state=PARKED, attempts=3, last_error="bad",
                           created_at=replica.clock()))
    other = kiosk.staff.login(str(OPERATOR_ID), PINS[OPERATOR_ID])
    kiosk.staff.set_out_of_service(other, True, "Sin papel")
    replica.clock.advance(90)
    status = kiosk.maintenance.status(session)
    assert (status.kiosk_id, status.branch) == ("K07", "B21")
    assert status.app_version and status.local_schema == "unversioned"  # create_all: no alembic_version
    assert (status.central_reachable, status.central_latency_ms, status.central_schema) == (True, 12, "c0007")
    assert status.parked == 1 and status.outbox_depth >= 2  # the out-of-service audit events are queued
    assert status.disk_free_bytes > 0
    assert status.printer_state == PrinterState.READY
    assert status.uptime_seconds == 90
    assert (status.out_of_service, status.service_message) == (True, "Sin papel")
    if replica.backend == "sqlite":
        assert status.last_pull == pulled and status.data_age_seconds == 7 * 60 + 90
        assert status.last_heartbeat == pulled + timedelta(minutes=1)


def test_status_without_central_and_with_central_away(replica: Replica, tmp_path: Path) -> None:
    _seed_staff(replica)
    alone = Kiosk(replica, parse_config(_config(tmp_path)))
    status = alone.maintenance.status(alone.operator())
    assert (status.central_reachable, status.central_latency_ms, status.central_schema) == (None, None, None)
    away = parse_config({**_config(tmp_path), "central": {"url": "postgresql://k:p@127.0.0.1:9/none",
                                                           "connect_timeout": 2}})
    kiosk = Kiosk(replica, away)
    status = kiosk.maintenance.status(kiosk.operator())
    assert (status.central_reachable, status.central_latency_ms) == (False, None)


def test_log_lines_are_recent_masked_and_limited(kiosk: Kiosk, buffer: logbuffer.RingBufferHandler) -> None:
    session = kiosk.operator()
    log = logging.getLogger("kiosk.test")
    for i in range(5):
        log.info("line %d for account 2011122233 card 4509123412341234", i)
    log.warning("printer offline")
    lines = kiosk.maintenance.log_lines(session, limit=3)
    assert [(line.level, line.logger) for line in lines][-1] == ("WARNING", "kiosk.test")
    assert len(lines) == 3 and lines[0].message.startswith("line 3 for account ********33")
    assert not any(re.search(r"\d{6,}", line.message) for line in kiosk.maintenance.log_lines(session))
    assert lines[0].at.tzinfo is not None


def test_log_lines_empty_without_buffer(kiosk: Kiosk) -> None:
    logbuffer.uninstall()
    assert kiosk.maintenance.log_lines(kiosk.operator()) == []


def test_printer_actions_are_audited_with_their_outcome(kiosk: Kiosk, tmp_path: Path) -> None:
    session = kiosk.operator()
    assert kiosk.maintenance.printer(session).state is PrinterState.READY
    assert kiosk.maintenance.test_page(session).pages >= 1
    assert kiosk.maintenance.paper_replaced(session).roll_used_m == 0
    assert kiosk.maintenance.kept_jobs(session) == []
    with pytest.raises(NotFound) as missing:
        kiosk.maintenance.find_kept(session, "K-0000")
    assert missing.value.code == "print_job_not_found"
    simulate_state(tmp_path / "prints", PrinterState.OUT_OF_PAPER)
    with pytest.raises(PrinterError):
        kiosk.maintenance.test_page(session)
    assert [(e, o, s) for e, o, s, _ in kiosk.audit("printer_") + kiosk.audit("kept_")] == [
        ("printer_test_page", "ok", OPERATOR_ID), ("printer_paper_replaced", "ok", OPERATOR_ID),
        ("printer_test_page", "out_of_paper", OPERATOR_ID),
        ("kept_jobs_view", "ok", OPERATOR_ID), ("kept_job_find", "not_found", OPERATOR_ID)]
    with kiosk.replica.factory() as db:  # every audit event is queued for central
        events = {r.id for r in db.scalars(select(LocalAuditEvent))}
        queued = {r.row_id for r in db.scalars(select(OutboxEntry).where(OutboxEntry.table_name == "audit_events"))}
    assert events and events <= queued


def test_a_kept_job_is_found_and_reprinted_by_staff(kiosk: Kiosk, replica: Replica, tmp_path: Path) -> None:
    customer = replica.login()
    invoices = [i for i in AccountService(replica.ctx).invoices(customer) if i.is_open]
    slip = PaymentService(replica.ctx).slip_for(invoices, "es")
    simulate_state(tmp_path / "prints", PrinterState.OUT_OF_PAPER)
    with pytest.raises(PrinterError) as failed:
        kiosk.printing.payment_slip(slip, "es")
    number = str(failed.value.params["job_number"])
    session = kiosk.operator()
    assert [job.number for job in kiosk.maintenance.kept_jobs(session)] == [number]
    assert kiosk.maintenance.find_kept(session, number.lower()).kind
    with pytest.raises(PrinterError):
        kiosk.maintenance.reprint_kept(session, number)
    simulate_state(tmp_path / "prints", None)
    assert kiosk.maintenance.reprint_kept(session, number).pages >= 1
    assert kiosk.maintenance.kept_jobs(session) == []
    assert [(e, o) for e, o, _, _ in kiosk.audit("kept_job_")] == [
        ("kept_job_find", "ok"), ("kept_job_reprint", "out_of_paper"), ("kept_job_reprint", "ok")]


def test_set_printer_needs_a_technician_and_is_saved_in_the_file(replica: Replica, tmp_path: Path) -> None:
    _seed_staff(replica)
    source = tmp_path / "kiosk.toml"
    source.write_text(
        '# the kiosk\n[kiosk]\nid = "K07"\nbranch = "B21"\nbranch_name = "Centro"\n'
        f'data_dir = "{tmp_path}"\n\n[printer]\n# where the PDFs go\nbackend = "pdf-folder"\n'
        f'folder = "{tmp_path / "prints"}"\n\n[ui]\nbranding = "coop-ar"\n', encoding="utf-8")
    kiosk = Kiosk(replica, load_config(source))
    with pytest.raises(Forbidden) as refused:
        kiosk.maintenance.set_printer(kiosk.operator(), "pdf-folder", "a4")
    assert (refused.value.code, refused.value.params) == ("forbidden", {"required": TECHNICIAN})
    tech = kiosk.technician()
    with pytest.raises(ValidationError) as bad:
        kiosk.maintenance.set_printer(tech, "laser", "a4")
    assert bad.value.params == {"field": "backend", "reason": "choice"}
    printer = kiosk.maintenance.set_printer(tech, "pdf-folder", "a4")
    assert (printer.backend, printer.paper) == ("pdf-folder", "a4")
    assert kiosk.ctx.config.printer.paper == "a4"
    text = source.read_text(encoding="utf-8")
    assert "# where the PDFs go" in text and "# the kiosk" in text
    assert tomllib.loads(text)["printer"] == {"backend": "pdf-folder", "folder": str(tmp_path / "prints"),
                                              "paper": "a4"}
    assert load_config(source).printer.paper == "a4"
    assert kiosk.audit("printer_set") == [("printer_set", "ok", TECHNICIAN_ID,
                                           {"backend": "pdf-folder", "paper": "a4", "saved": True})]


@pytest.mark.skipif(sys.platform.startswith("win"), reason="the recording command is a POSIX shell line")
def test_device_commands_run_the_configured_argv_audited_first(replica: Replica, tmp_path: Path) -> None:
    _seed_staff(replica)
    record = tmp_path / "commands.txt"
    config = parse_config(_config(tmp_path, reboot_command=[SH, "-c", f"echo reboot >> '{record}'"],
                                  restart_command=[SH, "-c", f"echo restart >> '{record}'"]))
    kiosk = Kiosk(replica, config)
    with pytest.raises(Forbidden):
        kiosk.maintenance.device_command(kiosk.operator(), "reboot")
    assert not record.exists()
    tech = kiosk.technician()
    with pytest.raises(ValidationError) as bad:
        kiosk.maintenance.device_command(tech, "rm -rf /")
    assert bad.value.params == {"field": "command", "reason": "choice"}
    kiosk.maintenance.device_command(tech, "reboot")
    kiosk.maintenance.device_command(tech, "restart")
    assert record.read_text().split() == ["reboot", "restart"]
    assert [(e, o, s) for e, o, s, _ in kiosk.audit("device_")] == [
        ("device_reboot", "started", TECHNICIAN_ID), ("device_restart", "started", TECHNICIAN_ID)]


def test_a_failing_device_command_is_an_error_and_audited(replica: Replica, tmp_path: Path) -> None:
    _seed_staff(replica)
    config = parse_config(_config(tmp_path, reboot_command=[str(tmp_path / "no-such-program")]))
    kiosk = Kiosk(replica, config)
    with pytest.raises(ServiceError) as failed:
        kiosk.maintenance.device_command(kiosk.technician(), "reboot")
    assert (failed.value.code, failed.value.params) == ("device_command_failed", {"command": "reboot"})
    assert [(e, o) for e, o, _, _ in kiosk.audit("device_")] == [("device_reboot", "started"),
                                                                  ("device_reboot", "failed")]


def test_an_empty_restart_command_leaves_the_restart_to_the_ui(kiosk: Kiosk) -> None:
    kiosk.maintenance.device_command(kiosk.technician(), "restart")
    assert [(e, o) for e, o, _, _ in kiosk.audit("device_")] == [("device_restart", "ui")]


def test_every_call_needs_a_live_session(kiosk: Kiosk) -> None:
    session = kiosk.operator()
    kiosk.staff.logout(session)
    for call in (kiosk.maintenance.status, kiosk.maintenance.log_lines, kiosk.maintenance.printer,
                 kiosk.maintenance.kept_jobs):
        with pytest.raises(ServiceError) as gone:
            call(session)
        assert gone.value.code == "session_expired"

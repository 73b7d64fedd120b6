"""Maintenance mode beyond staff entry: the kiosk's status, its recent log, the printer, device commands.

Every call needs a live staff session (kiosk.services.staff.StaffService.require); changing the printer and the
device commands need a technician. Every action is audited through the StaffService (an audit event in the
replica's outbox, pushed to central exactly once). The printer actions run in PrintService
(kiosk.services.print_jobs), which commits its own work; their audit event follows in the next transaction, with
the outcome (ok, not_found, or the printer's state).

Device commands are argv lists from `[maintenance] restart_command` / `reboot_command`, run without a shell and
with a timeout; the audit event is written BEFORE the command runs, since a reboot does not come back to write it.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pydantic
from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import Engine

from db.engine import central_engine
from kiosk import logbuffer
from kiosk.config import PrinterSection
from kiosk.domain.maintenance import KeptJob, KioskStatus, LogLine, PrinterStatus, StaffSession
from kiosk.services.api import PrintResult
from kiosk.services.context import ServiceContext
from kiosk.services.errors import NotFound, PrinterError, ServiceError
from kiosk.services.print_jobs import PrintService
from kiosk.services.staff import OPERATOR, TECHNICIAN, StaffService
from kiosk.services.validation import invalid
from kiosk.sync import heartbeat, state
from kiosk.sync.schema import central_version

log = logging.getLogger(__name__)
T = TypeVar("T")

PROBE_CAP_SECONDS = 3.0  # the status screen's central probe waits at most this long
COMMAND_TIMEOUT_SECONDS = 60
DEVICE_COMMANDS = ("restart", "reboot")
LOG_LIMIT_MAX = 1000

# (reachable, latency in ms, central's schema revision); (None, None, None): no central configured.
CentralProbe = Callable[[], tuple[bool | None, int | None, str | None]]


class MaintenanceService:
    """Status, log, printer and device commands for maintenance mode (one instance per kiosk process).

    Args:
        ctx: the kiosk's shared service context (its config is replaced when staff change the printer).
        staff: the StaffService that issued the sessions (roles, audit).
        printing: the kiosk's PrintService (kept jobs, roll counter, test page).
        probe: how to reach central for the status screen; default: a bounded connect to config.central.url.
    """

    def __init__(
        self, ctx: ServiceContext, staff: StaffService, printing: PrintService, *, probe: CentralProbe | None = None
    ) -> None:
        self._ctx = ctx
        self._staff = staff
        self._printing = printing
        self._probe = probe or self._probe_central
        self._started = ctx.now()
        self._config_lock = threading.Lock()

    # -- status and log --------------------------------------------------------------------------------------

    def status(self, session: StaffSession) -> KioskStatus:
        """The kiosk at a glance (operator). Slow when central is away: up to PROBE_CAP_SECONDS for the probe."""
        self._staff.require(session, OPERATOR)
        cfg, now = self._ctx.config, self._ctx.now()
        sync = state.sync_status(self._ctx.engine, now)
        with self._ctx.engine.connect() as conn:
            local_schema = _alembic_revision(conn) or "unversioned"
            last_push = state.get_time(conn, state.LAST_PUSH_AT)
            last_heartbeat = state.get_time(conn, state.LAST_HEARTBEAT_AT)
            off, message = heartbeat.out_of_service(conn)
        reachable, latency, central_schema = self._probe()
        return KioskStatus(
            kiosk_id=cfg.kiosk.id,
            branch=cfg.kiosk.branch,
            app_version=heartbeat.app_version(),
            local_schema=local_schema,
            central_schema=central_schema,
            data_age_seconds=sync.data_age_seconds,
            last_pull=sync.last_pull_at,
            last_push=last_push,
            last_heartbeat=last_heartbeat,
            outbox_depth=sync.outbox_depth,
            parked=sync.parked,
            disk_free_bytes=_disk_free(cfg.local_db_path),
            printer_state=str(self._printing.status()),
            central_reachable=reachable,
            central_latency_ms=latency,
            uptime_seconds=max(0, int((now - self._started).total_seconds())),
            out_of_service=off,
            service_message=message,
        )

    def _probe_central(self) -> tuple[bool | None, int | None, str | None]:
        cfg = self._ctx.config
        if not cfg.central.url:
            return None, None, None
        engine: Engine | None = None
        started = time.monotonic()
        try:
            engine = central_engine(cfg.central_url, connect_timeout=min(cfg.central.connect_timeout,
                                                                         PROBE_CAP_SECONDS))
            with engine.connect() as conn:
                revision = central_version(conn)
            return True, int((time.monotonic() - started) * 1000), revision
        except Exception as exc:  # any failure to reach central is "not reachable", never an error for staff
            log.info("central probe failed: %s", type(exc).__name__)
            return False, None, None
        finally:
            if engine is not None:
                engine.dispose()

    def log_lines(self, session: StaffSession, limit: int = 200) -> list[LogLine]:
        """The newest `limit` lines of this process's log, oldest first (operator; [] when no buffer is installed,
        see kiosk.logbuffer)."""
        self._staff.require(session, OPERATOR)
        buffer = logbuffer.installed()
        return buffer.lines(max(1, min(limit, LOG_LIMIT_MAX))) if buffer is not None else []

    # -- printer ---------------------------------------------------------------------------------------------

    def printer(self, session: StaffSession) -> PrinterStatus:
        self._staff.require(session, OPERATOR)
        return self._printing.printer_status()

    def test_page(self, session: StaffSession) -> PrintResult:
        """The printer's test page (operator); audited with its outcome (PrinterError re-raised)."""
        return self._audited(session, OPERATOR, "printer_test_page", self._printing.test_page, {})

    def paper_replaced(self, session: StaffSession) -> PrinterStatus:
        """A new roll is loaded: the roll counter starts again (operator)."""
        return self._audited(session, OPERATOR, "printer_paper_replaced", self._printing.paper_replaced, {})

    def kept_jobs(self, session: StaffSession) -> list[KeptJob]:
        live = self._staff.require(session, OPERATOR)
        jobs = self._printing.kept_jobs()
        self._record(live, "kept_jobs_view", "ok", jobs=len(jobs))
        return jobs

    def find_kept(self, session: StaffSession, number: str) -> KeptJob:
        """A kept job by the number the customer reads out (NotFound print_job_not_found)."""
        return self._audited(session, OPERATOR, "kept_job_find", lambda: self._printing.find_kept(number),
                             {"number": number.strip()[:16]})

    def reprint_kept(self, session: StaffSession, number: str) -> PrintResult:
        """Print a kept job again (operator); the printer still failing raises PrinterError, the job stays kept."""
        return self._audited(session, OPERATOR, "kept_job_reprint", lambda: self._printing.reprint_kept(number),
                             {"number": number.strip()[:16]})

    def set_printer(self, session: StaffSession, backend: str, paper: str) -> PrinterStatus:
        """Change the printer backend and the slips' paper (technician): for this run at once, and in the kiosk's
        configuration file when it has one (so a restart keeps it).

        Raises:
            ValidationError: invalid_field(field=backend|paper, reason=choice).
        """
        live = self._staff.require(session, TECHNICIAN)
        current = self._ctx.config.printer
        try:
            printer = PrinterSection.model_validate({**current.model_dump(), "backend": backend, "paper": paper})
        except pydantic.ValidationError as exc:
            field = str(exc.errors()[0]["loc"][0]) if exc.errors() else "backend"
            raise invalid(field if field in ("backend", "paper") else "backend", "choice") from None
        with self._config_lock:
            self._ctx.config = self._ctx.config.model_copy(update={"printer": printer})
            self._printing.reconfigure()
            saved = _save_printer(self._ctx.config.source, backend, paper)
        self._record(live, "printer_set", "ok", backend=backend, paper=paper, saved=saved)
        return self._printing.printer_status()

    # -- device ----------------------------------------------------------------------------------------------

    def device_command(self, session: StaffSession, command: str) -> None:
        """Run the configured restart or reboot command (technician), audited before it runs.

        An empty restart command runs nothing: the UI then quits with exit code 75 and the session manager
        starts the kiosk again.

        Raises:
            ValidationError: invalid_field(field=command, reason=choice).
            ServiceError: device_command_failed(command): not found, non-zero exit or timed out.
        """
        live = self._staff.require(session, TECHNICIAN)
        if command not in DEVICE_COMMANDS:
            raise invalid("command", "choice")
        cfg = self._ctx.config.maintenance
        argv = list(cfg.restart_command if command == "restart" else cfg.reboot_command)
        self._record(live, "device_" + command, "started" if argv else "ui", program=argv[0] if argv else "")
        if not argv:
            return
        log.warning("maintenance: %s requested by staff %s", command, live.staff_id)
        try:
            done = subprocess.run(argv, shell=False, timeout=COMMAND_TIMEOUT_SECONDS, check=False,
                                  capture_output=True, stdin=subprocess.DEVNULL)
            failure = f"exit {done.returncode}" if done.returncode else ""
        except subprocess.TimeoutExpired:
            failure = "timeout"
        except OSError as exc:
            failure = type(exc).__name__
        if failure:
            self._record(live, "device_" + command, "failed", reason=failure)
            raise ServiceError("device_command_failed", command=command)

    # -- audit -----------------------------------------------------------------------------------------------

    def _audited(self, session: StaffSession, role: str, action: str, work: Callable[[], T],
                    detail: dict[str, object]) -> T:
        """`work` for a live session of `role`, then its audit event: ok, or the ServiceError's code (re-raised)."""
        live = self._staff.require(session, role)
        try:
            result = work()
        except ServiceError as exc:
            self._record(live, action, _outcome(exc), **detail)
            raise
        self._record(live, action, "ok", **detail)
        return result

    def _record(self, live: StaffSession, action: str, outcome: str, **detail: object) -> None:
        with self._ctx.factory.begin() as db:
            self._staff.audit(db, live, action, outcome, **detail)


def _outcome(exc: ServiceError) -> str:
    """An error as an audit outcome (the column holds 16 characters): not_found, the printer's state, or the code."""
    if isinstance(exc, NotFound):
        return "not_found"
    if isinstance(exc, PrinterError) and exc.params.get("state"):
        return str(exc.params["state"])
    return exc.code


def _alembic_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()
    return None if value is None else str(value)


def _disk_free(path: Path) -> int:
    """Free bytes on the data directory's disk (0 when it cannot be read)."""
    target = path
    while not target.exists() and target != target.parent:
        target = target.parent
    try:
        return int(shutil.disk_usage(target).free)
    except OSError:
        return 0


_SECTION = re.compile(r"^\s*\[([^\]]+)\]\s*(#.*)?$")


def _save_printer(source: Path | None, backend: str, paper: str) -> bool:
    """Write printer.backend and printer.paper into the configuration file, keeping every other line and comment
    as it is. False when there is no file or it cannot be written (the change then lasts for this run)."""
    if source is None or not source.is_file():
        return False
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
        values = {"backend": f'"{backend}"', "paper": f'"{paper}"'}
        section, start, end = None, None, len(lines)
        for i, line in enumerate(lines):
            match = _SECTION.match(line)
            if match:
                if section == "printer":
                    end = i
                    break
                section = match.group(1).strip()
                if section == "printer":
                    start = i
        if start is None:
            lines += ["", "[printer]", *(f"{k} = {v}" for k, v in values.items())]
        else:
            for i in range(start + 1, end):
                key = lines[i].split("=", 1)[0].strip()
                if key in values and "=" in lines[i]:
                    lines[i] = f"{key} = {values.pop(key)}"
            lines[end:end] = [f"{k} = {v}" for k, v in values.items()]
        tmp = source.with_suffix(source.suffix + ".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(source)
        return True
    except OSError as exc:
        log.warning("printer setting not saved to %s: %s", source, exc.strerror)
        return False

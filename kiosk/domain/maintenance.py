"""Maintenance mode's domain objects: staff sessions, the kiosk's status, the printer, kept jobs, log lines.

Frozen and free of ORM rows like the rest of kiosk.domain, so the maintenance screens and their fakes share them
(kiosk.services.api.StaffService and MaintenanceService return these).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.domain.printer import PrinterState


@dataclass(frozen=True)
class StaffSession:
    """Someone of the branch staff in maintenance mode. staff_id None: entered with the branch PIN."""

    staff_id: int | None
    name: str
    role: str
    branch: str
    started_at: datetime
    via: str  # pin | badge | branch_pin
    token: str = field(repr=False)


@dataclass(frozen=True)
class OutOfService:
    """Whether staff put the kiosk out of service, and the message the customer home shows."""

    on: bool
    message: str


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit trail (maintenance mode's Logs screen)."""

    at: datetime
    staff_id: int | None
    action: str
    outcome: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class KioskStatus:
    """What the Status screen shows: versions, sync freshness, queues, disk, printer, central, uptime.

    Times are tz-aware UTC; None means "never" (or, for central_*, "not known": no central configured).
    """

    kiosk_id: str
    branch: str
    app_version: str
    local_schema: str
    central_schema: str | None
    data_age_seconds: int | None
    last_pull: datetime | None
    last_push: datetime | None
    last_heartbeat: datetime | None
    outbox_depth: int
    parked: int
    disk_free_bytes: int
    printer_state: str
    central_reachable: bool | None
    central_latency_ms: int | None
    uptime_seconds: int
    out_of_service: bool
    service_message: str


@dataclass(frozen=True)
class PrinterStatus:
    """The printer as maintenance sees it: state, backend, paper, the roll counter and the kept jobs."""

    state: PrinterState
    backend: str
    paper: str
    roll_length_m: float
    roll_used_m: float
    paper_low: bool
    kept_jobs: int


@dataclass(frozen=True)
class KeptJob:
    """A print that failed and was kept for a reprint; number is short and readable ("K-4821")."""

    number: str
    kind: str
    pages: int
    created_at: datetime
    expires_at: datetime
    reason: str
    reprinted: bool


@dataclass(frozen=True)
class LogLine:
    """One line of the kiosk's recent log (in-memory ring buffer; long digit runs masked)."""

    at: datetime
    level: str
    logger: str
    message: str

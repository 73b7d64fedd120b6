"""The fleet as `central fleet` sees it: heartbeats read from central (filtered in SQL), with stale flags.

Shared by the text/JSON command (kiosk.cli.central_fleet) and the HTML page (kiosk.cli.fleet_html).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

DEFAULT_STALE_AFTER = 180


@dataclass(frozen=True)
class KioskStatus:
    kiosk_id: str
    branch_id: str
    app_version: str
    schema_version: str
    last_pull_at: datetime | None
    last_push_at: datetime | None
    outbox_depth: int
    parked: int
    printer_state: str
    free_disk_mb: int
    data_age_s: int | None
    reported_at: datetime
    silent_s: int
    stale: bool
    out_of_service: bool = False  # put out of service by branch staff (maintenance mode), with their message
    service_message: str = ""
    paper_left_m: float | None = None
    uptime_seconds: int = 0  # since the kiosk process started
    last_errors: list[dict[str, Any]] = field(default_factory=list)  # newest last, redacted on the kiosk
    settings_rejected: dict[str, str] = field(default_factory=dict)  # remote setting key -> why it was refused


@dataclass(frozen=True)
class FleetFilter:
    """What `central fleet` lists: every condition given must hold (None / False = not filtered)."""

    branch: str | None = None
    stale: bool = False
    out_of_service: bool = False
    version: str | None = None

    def as_json(self) -> dict[str, object]:
        return {"branch": self.branch, "stale": self.stale, "out_of_service": self.out_of_service,
                "version": self.version}


def fleet_query(filters: FleetFilter, *, stale_after: int, now: datetime) -> Any:
    """The heartbeat SELECT with the filters in its WHERE clause, ordered by (branch, kiosk).

    Written against the indexed columns: the primary key (branch_id, kiosk_id) serves `--branch` and the order,
    reported_at serves `--stale` (a plain comparison with a bound timestamp, never a function of the column),
    app_version `--version`, and a partial index of the out-of-service kiosks `--out-of-service`.
    """
    from sqlalchemy import select

    from db.models import Heartbeat

    stmt = select(Heartbeat.__table__)
    if filters.branch is not None:
        stmt = stmt.where(Heartbeat.branch_id == filters.branch)
    if filters.stale:
        stmt = stmt.where(Heartbeat.reported_at < now - timedelta(seconds=stale_after))
    if filters.out_of_service:
        stmt = stmt.where(Heartbeat.out_of_service)  # as the partial index's predicate, so it is used
    if filters.version is not None:
        stmt = stmt.where(Heartbeat.app_version == filters.version)
    return stmt.order_by(Heartbeat.branch_id, Heartbeat.kiosk_id)


def _json(value: object, empty: Any) -> Any:
    """A JSON text column decoded; `empty` when it is missing or unreadable (a heartbeat never breaks the list)."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return empty
    return value if isinstance(value, type(empty)) else empty


def _status(r: Any, now: datetime, stale_after: int) -> KioskStatus:
    silent = now - r.reported_at
    errors = [e if isinstance(e, dict) else {"message": str(e)} for e in _json(r.last_errors, [])]
    rejected = {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in _json(r.settings_rejected, {}).items()}
    return KioskStatus(
        r.kiosk_id, r.branch_id, r.app_version, r.schema_version, r.last_pull_at, r.last_push_at,
        r.outbox_depth, r.parked, r.printer_state, r.free_disk_mb, r.data_age_s, r.reported_at,
        max(0, int(silent.total_seconds())), silent > timedelta(seconds=stale_after), bool(r.out_of_service),
        r.service_message or "",
        paper_left_m=None if r.paper_left_m is None else round(float(r.paper_left_m), 1),
        uptime_seconds=int(r.uptime_seconds or 0), last_errors=errors, settings_rejected=rejected,
    )


def fleet_status(url: str, *, stale_after: int = DEFAULT_STALE_AFTER, now: datetime | None = None,
                 filters: FleetFilter | None = None) -> list[KioskStatus]:
    """Heartbeats (filtered) ordered by branch and kiosk, each with how long it has been silent."""
    from db.engine import central_engine

    now = now or datetime.now(UTC)
    engine = central_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(fleet_query(filters or FleetFilter(), stale_after=stale_after, now=now)).all()
    finally:
        engine.dispose()
    return [_status(r, now, stale_after) for r in rows]


def iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat(timespec="seconds")


def ago(seconds: int | None) -> str:
    """A duration as IT reads it at a glance: 45s, 12m, 5h, 3d."""
    if seconds is None:
        return "-"
    if seconds < 120:
        return f"{seconds}s"
    if seconds < 7200:
        return f"{seconds // 60}m"
    if seconds < 172800:
        return f"{seconds // 3600}h"
    return f"{seconds // 86400}d"


def since(value: datetime | None, now: datetime) -> str:
    return "never" if value is None else ago(max(0, int((now - value).total_seconds())))


def paper_text(metres: float | None) -> str:
    return "-" if metres is None else f"{metres:.1f}"



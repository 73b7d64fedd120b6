"""Heartbeat: the kiosk's status row in central (one row per kiosk, upserted), read by `central fleet`.

It also reports whether branch staff put the kiosk out of service, and with which message: the flag lives in the
replica's kiosk_state (OUT_OF_SERVICE_KEY, written by kiosk.services.staff), read here with `out_of_service`.
"""

from __future__ import annotations

import shutil
from dataclasses import asdict, dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from db.models import Heartbeat, KioskState

# kiosk_state keys of the out-of-service flag: "1" or "0", and the message the customer home shows.
OUT_OF_SERVICE_KEY = "maintenance.out_of_service"
SERVICE_MESSAGE_KEY = "maintenance.service_message"
SERVICE_MESSAGE_MAX = 200


def app_version() -> str:
    try:
        return metadata.version("ventanilla")
    except metadata.PackageNotFoundError:  # running from a checkout that was not installed
        return "0.0.0+dev"


def free_disk_mb(path: Path) -> int:
    target = path if path.exists() else path.parent
    try:
        return int(shutil.disk_usage(target).free // (1024 * 1024))
    except OSError:
        return 0


@dataclass(frozen=True)
class HeartbeatRow:
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
    out_of_service: bool = False
    service_message: str = ""


def out_of_service(conn: Connection) -> tuple[bool, str]:
    """(out of service, message) from the replica's kiosk_state; (False, "") when never set."""
    rows = {str(k): str(v) for k, v in conn.execute(
        select(KioskState.key, KioskState.value).where(KioskState.key.in_((OUT_OF_SERVICE_KEY, SERVICE_MESSAGE_KEY))))}
    on = rows.get(OUT_OF_SERVICE_KEY) == "1"
    return on, rows.get(SERVICE_MESSAGE_KEY, "") if on else ""


def send(conn: Connection, row: HeartbeatRow) -> None:
    """Upsert the row and commit (INSERT ... ON CONFLICT (branch_id, kiosk_id) DO UPDATE)."""
    values: dict[str, Any] = asdict(row)
    values["schema_version"] = values["schema_version"][:40]
    values["printer_state"] = values["printer_state"][:16]
    values["service_message"] = values["service_message"][:SERVICE_MESSAGE_MAX]
    ins = pg_insert(Heartbeat) if conn.dialect.name == "postgresql" else sqlite_insert(Heartbeat)
    stmt = ins.values(**values)
    stmt = stmt.on_conflict_do_update(
        index_elements=["branch_id", "kiosk_id"],
        set_={k: stmt.excluded[k] for k in values if k not in ("branch_id", "kiosk_id")},
    )
    conn.execute(stmt)
    conn.commit()

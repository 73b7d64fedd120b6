"""Heartbeat: the kiosk's status row in central (one row per kiosk, upserted), read by `central fleet`.

It also reports whether branch staff put the kiosk out of service, and with which message: the flag lives in the
replica's kiosk_state (OUT_OF_SERVICE_KEY, written by kiosk.services.staff), read here with `out_of_service`.

For IT (issue 13) it carries the paper left on the roll (`paper_left_m`: the roll length in effect, remote or
from the file, minus the print service's counter, ROLL_USED_KEY in kiosk_state, read here directly because
kiosk.sync never imports kiosk.services), the process uptime, the last few ERROR lines of the log ring buffer
(kiosk.logbuffer), masked again with kiosk.redaction before they leave the device, and the remote settings
kiosk.remote_config refused (with why). Lists travel as JSON text.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from db.models import Heartbeat, KioskState
from kiosk import logbuffer
from kiosk.redaction import redact

# kiosk_state keys of the out-of-service flag: "1" or "0", and the message the customer home shows.
OUT_OF_SERVICE_KEY = "maintenance.out_of_service"
SERVICE_MESSAGE_KEY = "maintenance.service_message"
SERVICE_MESSAGE_MAX = 200
# kiosk_state key of the roll counter: millimetres printed on the current roll (kiosk.services.print_jobs adds each
# document's length, paper_replaced() sets it back to 0).
ROLL_USED_KEY = "printer_roll_used_mm"
# kiosk_state key of the remote settings refused at the last refresh, JSON {key: reason}, written by
# kiosk.remote_config (its REJECTED_KEY; read here directly so kiosk.sync does not import it, which imports us).
SETTINGS_REJECTED_KEY = "remote_config.rejected"
# ... and of the effective values it recorded, JSON {key: [value, level]}: the roll length IT may set remotely.
SETTINGS_APPLIED_KEY = "remote_config.applied"
ROLL_LENGTH_SETTING = "printer.roll_length_m"
# The heartbeat's last errors: how many ERROR/CRITICAL lines, and how long each may be.
LAST_ERRORS = 5
ERROR_MESSAGE_MAX = 300
_STARTED = time.monotonic()  # fallback for uptime where /proc is not there (Windows)


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


def uptime_seconds() -> int:
    """Seconds since this process started (Linux: its start time in /proc; elsewhere since this module loaded)."""
    try:
        after_name = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(after_name[19]) / os.sysconf("SC_CLK_TCK")  # field 22, starttime, in clock ticks after boot
        since_boot = float(Path("/proc/uptime").read_text().split()[0])
        return max(0, int(since_boot - started))
    except (OSError, ValueError, IndexError, AttributeError):
        return max(0, int(time.monotonic() - _STARTED))


def _state_json(conn: Connection, key: str) -> Any:
    raw = conn.execute(select(KioskState.value).where(KioskState.key == key)).scalar()
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def roll_length(conn: Connection, configured: float | None) -> float | None:
    """The roll length in effect: a remote value kiosk.remote_config recorded, else the configured one (None: the
    engine does not report paper)."""
    if configured is None:
        return None
    applied = _state_json(conn, SETTINGS_APPLIED_KEY)
    entry = applied.get(ROLL_LENGTH_SETTING) if isinstance(applied, dict) else None
    if isinstance(entry, list) and entry and isinstance(entry[0], int | float) and entry[0] > 0:
        return float(entry[0])
    return configured


def paper_left_m(conn: Connection, roll_length_m: float | None) -> float | None:
    """Metres left on the roll (the roll length in effect minus the print counter, not below 0); None when the
    length is unknown."""
    roll_length_m = roll_length(conn, roll_length_m)
    if roll_length_m is None:
        return None
    raw = conn.execute(select(KioskState.value).where(KioskState.key == ROLL_USED_KEY)).scalar()
    try:
        used_mm = max(0.0, float(raw)) if raw is not None else 0.0
    except ValueError:
        used_mm = 0.0
    return round(max(0.0, roll_length_m - used_mm / 1000), 2)


def settings_rejected(conn: Connection) -> dict[str, str]:
    """The remote settings this kiosk refused {key: reason} ({} when none, or when the record is unreadable)."""
    got = _state_json(conn, SETTINGS_REJECTED_KEY)
    return {str(k): str(v) for k, v in got.items()} if isinstance(got, dict) else {}


def last_errors(limit: int = LAST_ERRORS) -> list[dict[str, str]]:
    """The newest ERROR/CRITICAL lines of the log ring buffer (oldest first), redacted; [] when none is installed."""
    handler = logbuffer.installed()
    if handler is None:
        return []
    lines = [line for line in handler.lines(logbuffer.CAPACITY) if line.level in ("ERROR", "CRITICAL")][-limit:]
    return [{"at": line.at.astimezone(UTC).isoformat(timespec="seconds"), "level": line.level,
             "logger": line.logger, "message": redact(line.message)[:ERROR_MESSAGE_MAX]} for line in lines]


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
    uptime_seconds: int = 0
    paper_left_m: float | None = None
    last_errors: list[dict[str, str]] = field(default_factory=list)
    settings_rejected: dict[str, str] = field(default_factory=dict)  # remote setting key -> why it was refused


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
    values["last_errors"] = json.dumps(values["last_errors"], ensure_ascii=False)
    values["settings_rejected"] = json.dumps(values["settings_rejected"], ensure_ascii=False, sort_keys=True)
    ins = pg_insert(Heartbeat) if conn.dialect.name == "postgresql" else sqlite_insert(Heartbeat)
    stmt = ins.values(**values)
    stmt = stmt.on_conflict_do_update(
        index_elements=["branch_id", "kiosk_id"],
        set_={k: stmt.excluded[k] for k in values if k not in ("branch_id", "kiosk_id")},
    )
    conn.execute(stmt)
    conn.commit()

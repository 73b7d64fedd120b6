"""Small facts the sync engine keeps in the replica (kiosk_state) and the status the UI shows from them.

Everything here reads only the local replica, so the screens can say "data updated 12 minutes ago" whether or
not central is reachable.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from db.models import KioskState, OutboxEntry
from kiosk.sync.report import SyncStatus

LAST_PULL_AT = "sync.last_pull_at"  # last pull that reached central's safe horizon
LAST_PUSH_AT = "sync.last_push_at"  # last push that emptied the due queue
LAST_ATTEMPT_AT = "sync.last_attempt_at"
LAST_HEARTBEAT_AT = "sync.last_heartbeat_at"  # last heartbeat central accepted (maintenance mode's status)
LAST_ERROR = "sync.last_error"  # error code of the last run; empty when it went well
PULL_HORIZON = "sync.pull_horizon"  # JSON: a horizon candidate waiting for central transactions to end


def get(conn: Connection, key: str) -> str | None:
    return conn.execute(select(KioskState.value).where(KioskState.key == key)).scalar_one_or_none()


def put(conn: Connection, key: str, value: str) -> None:
    stmt = sqlite_insert(KioskState).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def get_time(conn: Connection, key: str) -> datetime | None:
    raw = get(conn, key)
    if not raw:
        return None
    value = datetime.fromisoformat(raw)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def put_time(conn: Connection, key: str, when: datetime) -> None:
    put(conn, key, when.astimezone(UTC).isoformat())


def data_age_seconds(last_pull_at: datetime | None, now: datetime | None = None) -> int | None:
    if last_pull_at is None:
        return None
    now = now or datetime.now(UTC)
    return max(0, int((now - last_pull_at).total_seconds()))


def sync_status(local: Engine, now: datetime | None = None) -> SyncStatus:
    """The kiosk's sync status from the replica alone (cheap; safe to call from a service)."""
    with local.connect() as conn:
        last_pull = get_time(conn, LAST_PULL_AT)
        last_error = get(conn, LAST_ERROR)
        rows = conn.execute(
            text(f"SELECT state, count(*) FROM {OutboxEntry.__tablename__} "
                 "WHERE state IN ('pending', 'parked') GROUP BY state")
        ).all()
        counts = {str(r[0]): int(r[1]) for r in rows}
    return SyncStatus(
        online=last_error == "",
        data_age_seconds=data_age_seconds(last_pull, now),
        last_pull_at=last_pull,
        outbox_depth=int(counts.get("pending", 0)),
        parked=int(counts.get("parked", 0)),
    )

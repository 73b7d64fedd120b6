"""Schema versions: the replica is brought to this build's schema; central must be at the version we expect.

A kiosk must never apply rows shaped for another schema: when central's Alembic revision differs from the one
this build was made for, sync stops with SchemaMismatch before anything is read or written.
"""

from __future__ import annotations

import importlib
import threading
from typing import Any

from sqlalchemy import Connection, Engine, inspect, text

from db.base import LocalBase
from kiosk.sync.report import SchemaMismatch


def _migrate() -> Any:
    try:
        return importlib.import_module("db.migrate")
    except ModuleNotFoundError as error:
        if error.name != "db.migrate":
            raise
        return None


def expected_central() -> str | None:
    """The central revision this build expects (None: the build has no migrations yet)."""
    mod = _migrate()
    fn = getattr(mod, "central_head", None) if mod else None
    return str(fn()) if fn else None


def local_version() -> str:
    mod = _migrate()
    fn = getattr(mod, "local_head", None) if mod else None
    return str(fn()) if fn else "unversioned"


_MIGRATE_LOCK = threading.Lock()  # Alembic keeps its running context in module globals: one at a time


def ensure_local(engine: Engine) -> None:
    """Create or upgrade the replica's schema (safe to call from several threads at once)."""
    mod = _migrate()
    upgrade = getattr(mod, "upgrade_local", None) if mod else None
    with _MIGRATE_LOCK:
        if upgrade is not None:
            upgrade(engine)
        else:
            LocalBase.metadata.create_all(engine)


def central_version(conn: Connection) -> str | None:
    """Central's Alembic revision, or None when it has no alembic_version table."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()
    conn.rollback()
    return None if value is None else str(value)


def check_central(conn: Connection) -> None:
    """Raise SchemaMismatch unless central is at the revision this build expects."""
    expected = expected_central()
    found = central_version(conn)
    if expected is None:
        return
    if found != expected:
        raise SchemaMismatch(
            f"central database schema is {found or 'unversioned'}, this kiosk needs {expected}: "
            "upgrade central (python -m kiosk central init) or install the matching kiosk version; nothing was synced"
        )

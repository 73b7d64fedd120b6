"""Schema versions: the replica is brought to this build's schema; central must be at the version we expect.

A kiosk must never apply rows shaped for another schema: when central's Alembic revision differs from the one
this build was made for, sync stops with SchemaMismatch before anything is read or written; when central's
revision is one this build does not know at all (a newer release upgraded central first), with CentralSchemaNewer
(code `central_schema_newer`): the kiosk needs updating, not central.

Upgrades of the kiosk itself: `upgrade_replica` (called by `run` at every start, and by the sync engine) brings a
replica made by an older release to this build's schema in place; the outbox rows it holds stay queued.
"""

from __future__ import annotations

import importlib
import logging
import sqlite3
import threading
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, inspect, text

from db.base import LocalBase
from kiosk.sync.report import CentralSchemaNewer, SchemaMismatch

log = logging.getLogger(__name__)


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


# The replica revision this build brings files to. tests/kiosk/sync/test_schema_upgrades.py checks that it is Alembic's
# local head, so a new migration cannot be added without moving it. It lets `run` see an up-to-date replica with
# one sqlite3 query instead of loading Alembic and its scripts (about 0.3 s of every cold start).
LOCAL_HEAD = "l0006_replica_compact"

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


def known_central() -> frozenset[str]:
    """Central revisions this build knows (empty: a build without migrations)."""
    mod = _migrate()
    fn = getattr(mod, "central_revisions", None) if mod else None
    return frozenset(fn()) if fn else frozenset()


def central_schema_state(found: str | None) -> str:
    """How central's revision compares with this build: current, older (upgrade central), newer (update this
    kiosk: the revision is unknown here) or unversioned. For maintenance mode's status screen."""
    expected = expected_central()
    if expected is None or found == expected:
        return "current"
    if found is None:
        return "unversioned"
    return "older" if found in known_central() else "newer"


def upgrade_replica(path: Path | str) -> tuple[str, str]:
    """Bring the replica file to this build's schema (a newer release's first start); (before, after) revisions.

    Logged when it changed anything, so IT sees the upgrade in the log next to the version that made it.
    """
    current = file_revision(path)
    if current == LOCAL_HEAD:
        return current, current
    from db.engine import local_engine

    engine = local_engine(Path(path))
    try:
        before = _revision(engine)
        ensure_local(engine)
        after = _revision(engine)
    finally:
        engine.dispose()
    if before != after:
        log.warning("replica schema upgraded from %s to %s", before or "nothing", after)
    return before or "", after or ""


def file_revision(path: Path | str) -> str | None:
    """The Alembic revision recorded in a replica file, read with plain sqlite3; None when there is no file, no
    revision table or the file cannot be read (then the full path through Alembic decides)."""
    if not Path(path).is_file():
        return None
    try:
        with closing(sqlite3.connect(Path(path))) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()
    return None if value is None else str(value)


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
    if found is not None and found != expected and central_schema_state(found) == "newer":
        message = (f"central database schema {found} is newer than this kiosk supports ({expected}): "
                   "update this kiosk to the release central was upgraded for; nothing was synced")
        log.error("%s", message)
        raise CentralSchemaNewer(message)
    if found != expected:
        raise SchemaMismatch(
            f"central database schema is {found or 'unversioned'}, this kiosk needs {expected}: "
            "upgrade central (python -m kiosk central init) or install the matching kiosk version; nothing was synced"
        )

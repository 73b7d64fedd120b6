"""Bring the central database or a kiosk's replica to the newest schema (Alembic, run programmatically).

Two independent Alembic environments live in db/migrations: `central/` (PostgreSQL or SQLite) and `local/`
(the kiosk's SQLite replica). No alembic.ini is needed: the configuration is built here.

Schema versions: a database's version is its Alembic revision. A kiosk build knows the central revision it
was made for (`central_head()`); the sync engine compares it with `central_schema_version()` of the central
database and refuses to sync when they differ. The replica's own revision (`local_schema_version`) is only
about the replica and is brought to `local_head()` when the app starts (`upgrade_local`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from db.engine import central_engine, local_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
UNVERSIONED = "unversioned"

log = logging.getLogger(__name__)


def _config(kind: str, connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS / kind))
    cfg.set_main_option("version_path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _head(kind: str) -> str:
    head = ScriptDirectory.from_config(_config(kind)).get_current_head()
    if head is None:
        raise RuntimeError(f"no {kind} migrations found in {MIGRATIONS / kind}")
    return head


def central_head() -> str:
    """The central schema revision this build was made for (kiosk and central must agree on it)."""
    return _head("central")


def central_revisions() -> frozenset[str]:
    """Every central revision this build knows (its head and all before it): one outside the set was written
    by a newer build."""
    return frozenset(rev.revision for rev in ScriptDirectory.from_config(_config("central")).walk_revisions())


def local_head() -> str:
    """The newest revision of the local replica's schema."""
    return _head("local")


def _version(engine: Engine) -> str:
    with engine.connect() as conn:
        rev = MigrationContext.configure(conn).get_current_revision()
    return rev or UNVERSIONED


def central_schema_version(engine: Engine) -> str:
    """The central database's Alembic revision ('unversioned' when it was never migrated)."""
    return _version(engine)


def local_schema_version(engine: Engine) -> str:
    """The replica's Alembic revision ('unversioned' when it was never migrated)."""
    return _version(engine)


def _upgrade(kind: str, engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        command.upgrade(_config(kind, conn), revision)


def _downgrade(kind: str, engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        command.downgrade(_config(kind, conn), revision)


def upgrade_central(url: str, revision: str = "head") -> None:
    """Create or upgrade the central schema, row_version machinery and login functions (idempotent).

    On PostgreSQL everything runs in one transaction: a failed upgrade leaves the database as it was.
    """
    engine = central_engine(url)
    try:
        _upgrade("central", engine, revision)
    finally:
        engine.dispose()


def downgrade_central(url: str, revision: str = "base") -> None:
    """Undo central migrations down to `revision` ('base' drops everything the migrations made)."""
    engine = central_engine(url)
    try:
        _downgrade("central", engine, revision)
    finally:
        engine.dispose()


def _as_engine(engine_or_path: Engine | Path | str) -> tuple[Engine, bool]:
    if isinstance(engine_or_path, Engine):
        return engine_or_path, False
    return local_engine(engine_or_path), True


def upgrade_local(engine_or_path: Engine | Path | str, revision: str = "head") -> None:
    """Create or upgrade the kiosk's replica (called when the app starts; idempotent).

    A replica made before migrations existed (tables but no alembic_version) is stamped rather than
    recreated, so its outbox survives.
    """
    engine, owned = _as_engine(engine_or_path)
    try:
        with engine.begin() as conn:
            names = set(inspect(conn).get_table_names())
            if "alembic_version" not in names and "outbox" in names:
                log.warning("replica has tables but no schema version: stamping it at %s", local_head())
                command.stamp(_config("local", conn), "head")
                return
            command.upgrade(_config("local", conn), revision)
    finally:
        if owned:
            engine.dispose()


def downgrade_local(engine_or_path: Engine | Path | str, revision: str = "base") -> None:
    """Undo local migrations down to `revision`."""
    engine, owned = _as_engine(engine_or_path)
    try:
        _downgrade("local", engine, revision)
    finally:
        if owned:
            engine.dispose()

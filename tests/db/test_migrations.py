"""Both schemas migrate up and down on SQLite and PostgreSQL, and the migrated schema equals the models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import db.models  # noqa: F401
from db import migrate
from db.base import REFERENCE_TABLES, CentralBase, LocalBase
from db.engine import central_engine, local_engine
from db.migrations.env_common import include_object


def _diff(engine: sa.Engine, metadata: sa.MetaData) -> list[Any]:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include_object, "target_metadata": metadata})
        return list(compare_metadata(ctx, metadata))


def _tables(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def test_central_up_down_up(central_url: str) -> None:
    migrate.upgrade_central(central_url)
    migrate.upgrade_central(central_url)  # idempotent
    engine = central_engine(central_url)
    try:
        assert migrate.central_schema_version(engine) == migrate.central_head()
        assert set(CentralBase.metadata.tables) <= _tables(engine)
        migrate.downgrade_central(central_url)
        assert _tables(engine) == {"alembic_version"}
        assert migrate.central_schema_version(engine) == migrate.UNVERSIONED
        if engine.dialect.name == "postgresql":
            with engine.connect() as conn:
                leftovers = conn.execute(sa.text(
                    "SELECT proname FROM pg_proc WHERE proname LIKE 'kiosk_%' OR proname IN "
                    "('stamp_row_version', 'write_tombstone') UNION ALL "
                    "SELECT relname FROM pg_class WHERE relname = 'row_version_seq'")).scalars().all()
            assert leftovers == []
        migrate.upgrade_central(central_url)
        assert migrate.central_schema_version(engine) == migrate.central_head()
    finally:
        engine.dispose()


def test_central_schema_matches_models(central_url: str) -> None:
    migrate.upgrade_central(central_url)
    engine = central_engine(central_url)
    try:
        assert _diff(engine, CentralBase.metadata) == []
    finally:
        engine.dispose()


def test_diff_detects_a_difference(tmp_path: Path) -> None:
    """The comparison used above can fail: a column the migrations do not have is reported."""
    url = f"sqlite+pysqlite:///{tmp_path / 'c.db'}"
    migrate.upgrade_central(url)
    engine = central_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE faq_entries ADD COLUMN extra INTEGER")
    try:
        diff = _diff(engine, CentralBase.metadata)
        assert [d[0] for d in diff] == ["remove_column"]
    finally:
        engine.dispose()


def test_local_up_down_up(tmp_path: Path) -> None:
    path = tmp_path / "replica.db"
    migrate.upgrade_local(path)
    engine = local_engine(path)
    try:
        migrate.upgrade_local(engine)  # idempotent, engine or path
        assert migrate.local_schema_version(engine) == migrate.local_head()
        assert set(LocalBase.metadata.tables) <= _tables(engine)
        assert set(REFERENCE_TABLES) <= _tables(engine)
        assert _diff(engine, LocalBase.metadata) == []
        migrate.downgrade_local(engine)
        assert _tables(engine) == {"alembic_version"}
        migrate.upgrade_local(path)
        assert migrate.local_schema_version(engine) == migrate.local_head()
    finally:
        engine.dispose()


@pytest.mark.pg
def test_local_schema_on_postgresql(pg_url: str) -> None:
    """The replica is SQLite, but its migrations stay portable (up and down on PostgreSQL too)."""
    engine = central_engine(pg_url)
    try:
        migrate.upgrade_local(engine)
        assert set(LocalBase.metadata.tables) <= _tables(engine)
        migrate.downgrade_local(engine)
        assert _tables(engine) == {"alembic_version"}
    finally:
        engine.dispose()


def test_unversioned_replica_is_stamped_not_recreated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = local_engine(path)
    LocalBase.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO kiosk_state (key, value) VALUES ('k', 'v')")
    try:
        migrate.upgrade_local(engine)
        assert migrate.local_schema_version(engine) == migrate.local_head()
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT value FROM kiosk_state WHERE key = 'k'").scalar_one() == "v"
    finally:
        engine.dispose()


def test_heads_are_distinct_revisions() -> None:
    assert migrate.central_head() != migrate.local_head()
    assert migrate.central_head().startswith("c") and migrate.local_head().startswith("l")


def test_revisions_spell_out_their_tables() -> None:
    """Migrations never build tables from the live models, so an old revision means the same forever."""
    import ast

    paths = sorted(Path(migrate.MIGRATIONS).glob("*/versions/*.py"))
    assert len(paths) >= 2
    for path in paths:
        tree = ast.parse(path.read_text())
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {str(n.module) for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not {m for m in imported if m.startswith("db.models") or m == "db.base"}, path
        names = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        names |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        assert not names & {"metadata", "CentralBase", "LocalBase", "create_all"}, path

"""What both Alembic environments share: run on the connection db.migrate hands over, compare with the models.

The model metadata is used only by autogenerate and by the schema-agreement test; migrations themselves
spell out their DDL, so an old revision never changes when a model does.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection, MetaData

# Tables that exist in a migrated database on purpose but have no model.
UNMODELLED = frozenset({"alembic_version", "row_version_counter"})


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    return not (type_ == "table" and name in UNMODELLED)


def run(metadata: MetaData) -> None:
    """Run the migrations on config.attributes['connection'] (db.migrate always provides one)."""
    if context.is_offline_mode():
        raise RuntimeError("offline (SQL script) migrations are not supported: use db.migrate")
    connection: Connection | None = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run the migrations through db.migrate (it passes the connection)")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        user_module_prefix="db.types.",
    )
    with context.begin_transaction():
        context.run_migrations()

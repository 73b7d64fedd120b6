"""Personal data leaves central only masked: the kiosk_customers view, and no function is PUBLIC.

PostgreSQL only (a SQLite central is the embedded demo: no roles, pull masks customers itself). The kiosk
role's grants move from the customers table to the view when `central init` runs again.

Revision ID: c0002_kiosk_views
Revises: c0001_initial
Create Date: 2026-11-29 21:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from db import central_ddl

revision: str = 'c0002_kiosk_views'
down_revision: str | Sequence[str] | None = 'c0001_initial'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        central_ddl.install_kiosk_views_pg(bind, staff_badge=False)
        central_ddl.revoke_public_functions_pg(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        central_ddl.drop_kiosk_views_pg(bind)

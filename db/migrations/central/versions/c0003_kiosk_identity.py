"""Each kiosk is someone: heartbeats keyed by (branch_id, kiosk_id); row-level security on heartbeats and intake.

PostgreSQL: a per-kiosk login role ("kiosk/<branch>/<kiosk>", db.central_ddl.create_kiosk_login) writes only its
own heartbeat and intake rows. SQLite (the embedded demo) has no roles: only the key changes.

Revision ID: c0003_kiosk_identity
Revises: c0002_kiosk_views
Create Date: 2026-11-29 21:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from db import central_ddl

revision: str = 'c0003_kiosk_identity'
down_revision: str | Sequence[str] | None = 'c0002_kiosk_views'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _key(columns: list[str]) -> None:
    with op.batch_alter_table('heartbeats') as batch:
        batch.drop_constraint('pk_heartbeats', type_='primary')
        batch.create_primary_key('pk_heartbeats', columns)


def upgrade() -> None:
    _key(['branch_id', 'kiosk_id'])
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        central_ddl.install_kiosk_policies_pg(bind, intake_branch=False)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        central_ddl.drop_kiosk_policies_pg(bind)
    _key(['kiosk_id'])

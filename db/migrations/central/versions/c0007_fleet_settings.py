"""The fleet from the central office (issue 13): remote kiosk settings and the heartbeat's status fields.

kiosk_settings is reference data (row_version stamping, tombstones on delete; kiosks pull it): one JSON value of
one key at one scope — fleet (scope_id ''), branch (scope_id = branch id) or kiosk (scope_id = "<branch>/<kiosk>").
PostgreSQL: the kiosk_own_settings view gives a per-kiosk role only the rows that apply to it, and the kiosk group
may read it. Heartbeats gain uptime, paper estimate, last errors and refused settings, and the indexes the fleet
queries use (kiosk id; reported_at for stale kiosks; app_version; a partial index of the out-of-service
kiosks; the primary key serves the branch).

Revision ID: c0007_fleet_settings
Revises: c0006_staff_maintenance
Create Date: 2026-11-29 23:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types
from db import central_ddl

revision: str = 'c0007_fleet_settings'
down_revision: str | Sequence[str] | None = 'c0006_staff_maintenance'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SETTINGS_PK = {'kiosk_settings': 'id'}
HEARTBEAT_COLUMNS = ('uptime_seconds', 'paper_left_m', 'last_errors', 'settings_rejected')


def upgrade() -> None:
    op.create_table('kiosk_settings',
    sa.Column('scope', sa.String(length=8), nullable=False),
    sa.Column('scope_id', sa.String(length=40), server_default='', nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('updated_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('updated_by', sa.String(length=80), server_default='', nullable=False),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.CheckConstraint("scope IN ('fleet', 'branch', 'kiosk')", name=op.f('ck_kiosk_settings_scope')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kiosk_settings')),
    sa.UniqueConstraint('scope', 'scope_id', 'key', name='uq_kiosk_settings_scope_key')
    )
    op.create_index(op.f('ix_kiosk_settings_row_version'), 'kiosk_settings', ['row_version'], unique=False)
    op.add_column('heartbeats', sa.Column('uptime_seconds', sa.BigInteger(), server_default='0', nullable=False))
    op.add_column('heartbeats', sa.Column('paper_left_m', sa.Float(), nullable=True))
    op.add_column('heartbeats', sa.Column('last_errors', sa.Text(), server_default='[]', nullable=False))
    op.add_column('heartbeats', sa.Column('settings_rejected', sa.Text(), server_default='{}', nullable=False))
    op.create_index('ix_heartbeats_kiosk_id', 'heartbeats', ['kiosk_id'], unique=False)
    op.create_index('ix_heartbeats_reported_at', 'heartbeats', ['reported_at'], unique=False)
    op.create_index('ix_heartbeats_app_version', 'heartbeats', ['app_version'], unique=False)
    op.create_index('ix_heartbeats_out_of_service', 'heartbeats', ['branch_id', 'kiosk_id'], unique=False,
                    postgresql_where=sa.text('out_of_service'), sqlite_where=sa.text('out_of_service = 1'))
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        central_ddl.install_row_versioning_pg(bind, SETTINGS_PK)
        central_ddl.install_settings_view_pg(bind)
    else:
        central_ddl.install_row_versioning_sqlite(bind, SETTINGS_PK)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        central_ddl.drop_settings_view_pg(bind)
        central_ddl.drop_row_version_triggers_pg(bind, SETTINGS_PK)
    else:
        central_ddl.drop_row_version_triggers_sqlite(bind, SETTINGS_PK)
    op.execute("DELETE FROM tombstones WHERE table_name = 'kiosk_settings'")
    op.drop_index('ix_heartbeats_out_of_service', table_name='heartbeats')
    op.drop_index('ix_heartbeats_app_version', table_name='heartbeats')
    op.drop_index('ix_heartbeats_reported_at', table_name='heartbeats')
    op.drop_index('ix_heartbeats_kiosk_id', table_name='heartbeats')
    with op.batch_alter_table('heartbeats') as batch:
        for column in reversed(HEARTBEAT_COLUMNS):
            batch.drop_column(column)
    op.drop_index(op.f('ix_kiosk_settings_row_version'), table_name='kiosk_settings')
    op.drop_table('kiosk_settings')

"""Remote kiosk settings in the replica: the rows of central's kiosk_settings that apply to this kiosk (pulled
like reference data; kiosk.remote_config computes the effective configuration from them and the file).

Revision ID: l0005_settings
Revises: l0004_kept_print_jobs
Create Date: 2026-11-29 23:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = 'l0005_settings'
down_revision: str | Sequence[str] | None = 'l0004_kept_print_jobs'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('kiosk_settings',
    sa.Column('scope', sa.String(length=8), nullable=False),
    sa.Column('scope_id', sa.String(length=40), server_default='', nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('updated_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kiosk_settings'))
    )


def downgrade() -> None:
    op.drop_table('kiosk_settings')

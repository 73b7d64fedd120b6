"""Login throttling bounded and per kiosk: login_throttle rows expire; kiosk_login_failures caps one kiosk's failures.

Revision ID: c0004_login_throttle_bounds
Revises: c0003_kiosk_identity
Create Date: 2026-11-29 21:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types
from db import central_ddl

revision: str = 'c0004_login_throttle_bounds'
down_revision: str | Sequence[str] | None = 'c0003_kiosk_identity'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('login_throttle', sa.Column('updated_at', db.types.UtcDateTime(), nullable=True))
    op.create_table('kiosk_login_failures',
    sa.Column('kiosk_role', sa.String(length=80), nullable=False),
    sa.Column('window_start', db.types.UtcDateTime(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('kiosk_role', name=op.f('pk_kiosk_login_failures'))
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        central_ddl.install_login_functions_pg(bind)  # kiosk_login now reads both


def downgrade() -> None:
    op.drop_table('kiosk_login_failures')
    with op.batch_alter_table('login_throttle') as batch:
        batch.drop_column('updated_at')

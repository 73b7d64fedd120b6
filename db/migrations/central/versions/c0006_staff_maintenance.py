"""Maintenance mode: staff roles operator/technician and badges, staff ids and outcomes on audit events, the
out-of-service flag in heartbeats.

Staff rows of the old role `staff` become `operator` (the update stamps a new row_version, so kiosks pull the new
role). PostgreSQL: kiosk_staff gains badge_hash (appended, so the view keeps its grants).

Revision ID: c0006_staff_maintenance
Revises: c0005_intake_branch
Create Date: 2026-11-29 23:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import central_ddl

revision: str = 'c0006_staff_maintenance'
down_revision: str | Sequence[str] | None = 'c0005_intake_branch'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('staff', sa.Column('badge_hash', sa.String(length=200), nullable=True))
    op.execute("UPDATE staff SET role = 'operator' WHERE role = 'staff'")
    op.add_column('audit_events', sa.Column('staff_id', sa.Integer(), nullable=True))
    op.add_column('audit_events', sa.Column('outcome', sa.String(length=16), server_default='', nullable=False))
    op.add_column('heartbeats', sa.Column('out_of_service', sa.Boolean(), server_default=sa.false(),
                                          nullable=False))
    op.add_column('heartbeats', sa.Column('service_message', sa.String(length=200), server_default='',
                                          nullable=False))
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        central_ddl.install_staff_view_pg(bind, staff_badge=True)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":  # the view reads badge_hash: back to c0002's before the drop
        central_ddl.install_staff_view_pg(bind, staff_badge=False)
    for table, column in (('heartbeats', 'service_message'), ('heartbeats', 'out_of_service'),
                          ('audit_events', 'outcome'), ('audit_events', 'staff_id'), ('staff', 'badge_hash')):
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
    op.execute("UPDATE staff SET role = 'staff' WHERE role = 'operator'")

"""Maintenance mode: the staff replica gets badge hashes, audit events their staff id and outcome.

Replicated staff rows of the old role `staff` become `operator` here too (central's c0006 does the same, and the
next pull brings the rows again with their new row_version). The lockout and the out-of-service flag are
kiosk_state keys (kiosk.services.staff): no table of their own.

Revision ID: l0003_staff_maintenance
Revises: l0002_intake_branch
Create Date: 2026-11-29 23:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'l0003_staff_maintenance'
down_revision: str | Sequence[str] | None = 'l0002_intake_branch'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('staff', sa.Column('badge_hash', sa.String(length=200), nullable=True))
    op.execute("UPDATE staff SET role = 'operator' WHERE role = 'staff'")
    op.add_column('audit_events', sa.Column('staff_id', sa.Integer(), nullable=True))
    op.add_column('audit_events', sa.Column('outcome', sa.String(length=16), server_default='', nullable=False))


def downgrade() -> None:
    for table, column in (('audit_events', 'outcome'), ('audit_events', 'staff_id'), ('staff', 'badge_hash')):
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
    op.execute("UPDATE staff SET role = 'staff' WHERE role = 'operator'")

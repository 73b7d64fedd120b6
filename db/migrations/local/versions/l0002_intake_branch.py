"""A kiosk is (branch, kiosk id) on intake rows too: branch_id on the seven intake tables.

Rows queued before this revision hold '' and are labelled with the kiosk's configured branch when pushed
(kiosk.sync.push.Pusher).

Revision ID: l0002_intake_branch
Revises: l0001_initial
Create Date: 2026-11-29 21:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'l0002_intake_branch'
down_revision: str | Sequence[str] | None = 'l0001_initial'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('claims', 'reading_submissions', 'service_requests', 'contact_change_requests', 'pin_requests',
          'print_log', 'audit_events')


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column('branch_id', sa.String(length=16), server_default='', nullable=False))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column('branch_id')

"""A kiosk is (branch, kiosk id) on intake rows too: branch_id on the seven intake tables; row-level security
checks branch AND kiosk id against the session's kiosk role ("kiosk/<branch>/<kiosk>").

Rows received before this revision keep branch_id '' (no per-kiosk role matches them). SQLite (the embedded demo)
has no roles: only the columns change.

Revision ID: c0005_intake_branch
Revises: c0004_login_throttle_bounds
Create Date: 2026-11-29 21:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import central_ddl

revision: str = 'c0005_intake_branch'
down_revision: str | Sequence[str] | None = 'c0004_login_throttle_bounds'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('claims', 'reading_submissions', 'service_requests', 'contact_change_requests', 'pin_requests',
          'print_log', 'audit_events')


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column('branch_id', sa.String(length=16), server_default='', nullable=False))
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        central_ddl.install_kiosk_policies_pg(bind, intake_branch=True)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":  # the policies read branch_id: back to c0003's before the drop
        central_ddl.install_kiosk_policies_pg(bind, intake_branch=False)
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column('branch_id')

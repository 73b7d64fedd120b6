"""Kept print jobs: a failed print's PDF waits in the replica, under a short number, for a reprint.

Local only, never synced (the PDF may show personal data); rows expire after `[printer] kept_job_hours`. The roll
counter is a kiosk_state key (kiosk.services.print_jobs): no table of its own.

Revision ID: l0004_kept_print_jobs
Revises: l0003_staff_maintenance
Create Date: 2026-11-29 23:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = 'l0004_kept_print_jobs'
down_revision: str | Sequence[str] | None = 'l0003_staff_maintenance'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('kept_print_jobs',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('paper', sa.String(length=8), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('created_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('reprinted_at', db.types.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kept_print_jobs'))
    )
    op.create_index(op.f('ix_kept_print_jobs_expires_at'), 'kept_print_jobs', ['expires_at'], unique=False)
    op.create_index(op.f('ix_kept_print_jobs_number'), 'kept_print_jobs', ['number'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_kept_print_jobs_number'), table_name='kept_print_jobs')
    op.drop_index(op.f('ix_kept_print_jobs_expires_at'), table_name='kept_print_jobs')
    op.drop_table('kept_print_jobs')

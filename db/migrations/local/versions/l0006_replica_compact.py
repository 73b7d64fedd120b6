"""Compact replica: no row_version indexes, integer keys that are the rowid (issue 13, replica scale).

No query of the replica reads by row_version (kiosks pull by row_version ranges on central, where it stays
indexed), so the local row_version indexes go: about a fifth of a replica; so does accounts.customer_id's (the replica only joins accounts to
customers, by the customer's key). The seven big reference tables get an
INTEGER PRIMARY KEY on SQLite: a BIGINT key is a second B-tree next to the rowid, INTEGER makes the key the rowid
itself (SQLite only; elsewhere the key stays BIGINT and the table is left alone). SQLite rebuilds those tables
(batch mode copies the rows), once, at the upgrade. Rows older than the retention window are removed by the
next pull (kiosk.sync.retention), not here: the window depends on the kiosk's configuration and clock.

Revision ID: l0006_replica_compact
Revises: l0005_settings
Create Date: 2026-11-30 00:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'l0006_replica_compact'
down_revision: str | Sequence[str] | None = 'l0005_settings'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROW_VERSION_TABLES = (
    'branches', 'customers', 'plans', 'accounts', 'supplies', 'invoices', 'invoice_lines', 'payments',
    'meter_readings', 'reading_windows', 'payment_agreements', 'agreement_instalments', 'claim_categories',
    'case_statuses', 'faq_entries', 'staff',
)
ROWID_TABLES = ('customers', 'accounts', 'supplies', 'invoices', 'invoice_lines', 'payments', 'meter_readings')


def upgrade() -> None:
    for table in ROW_VERSION_TABLES:
        op.drop_index(f'ix_{table}_row_version', table_name=table)
    op.drop_index('ix_accounts_customer_id', table_name='accounts')
    if op.get_bind().dialect.name != 'sqlite':
        return
    for table in ROWID_TABLES:
        with op.batch_alter_table(table, recreate='always') as batch:
            batch.alter_column('id', existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=False,
                               autoincrement=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for table in ROWID_TABLES:
            with op.batch_alter_table(table, recreate='always') as batch:
                batch.alter_column('id', existing_type=sa.Integer(), type_=sa.BigInteger(),
                                   existing_nullable=False, autoincrement=False)
    op.create_index('ix_accounts_customer_id', 'accounts', ['customer_id'], unique=False)
    for table in ROW_VERSION_TABLES:
        op.create_index(f'ix_{table}_row_version', table, ['row_version'], unique=False)

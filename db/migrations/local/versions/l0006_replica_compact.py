"""Compact replica: no row_version indexes, integer keys that are the rowid (issue 13, replica scale).

No query of the replica reads by row_version (kiosks pull by row_version ranges on central, where it stays
indexed), so the local row_version indexes go: about a fifth of a replica; so does accounts.customer_id's (the replica only joins accounts to
customers, by the customer's key) and invoices (supply_id, period)'s (its one reader, the consumption history,
now goes through the account's invoices). The seven big reference tables get an
INTEGER PRIMARY KEY on SQLite: a BIGINT key is a second B-tree next to the rowid, INTEGER makes the key the rowid
itself, and their dates become YYYYMMDD integers (db.types.CompactDate: 4 bytes instead of 10, same order)
(SQLite only; elsewhere keys stay BIGINT, dates DATE and the tables are left alone). SQLite rebuilds those tables
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
DATE_COLUMNS = {
    'invoices': (('issue_date', False), ('first_due_date', False), ('second_due_date', True), ('paid_on', True)),
    'payments': (('paid_on', False),),
    'meter_readings': (('read_on', False),),
}


def upgrade() -> None:
    for table in ROW_VERSION_TABLES:
        op.drop_index(f'ix_{table}_row_version', table_name=table)
    op.drop_index('ix_accounts_customer_id', table_name='accounts')
    op.drop_index('ix_invoices_supply_period', table_name='invoices')
    if op.get_bind().dialect.name != 'sqlite':
        return
    for table, dates in DATE_COLUMNS.items():  # ISO text -> YYYYMMDD, before the rebuild retypes the columns
        sets = ", ".join(f"{c} = CAST(replace({c}, '-', '') AS INTEGER)" for c, _ in dates)
        op.execute(f"UPDATE {table} SET {sets}")
    for table in ROWID_TABLES:
        with op.batch_alter_table(table, recreate='always') as batch:
            batch.alter_column('id', existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=False,
                               autoincrement=False)
            for column, nullable in DATE_COLUMNS.get(table, ()):
                batch.alter_column(column, existing_type=sa.Date(), type_=sa.Integer(), existing_nullable=nullable)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for table in ROWID_TABLES:
            with op.batch_alter_table(table, recreate='always') as batch:
                batch.alter_column('id', existing_type=sa.Integer(), type_=sa.BigInteger(),
                                   existing_nullable=False, autoincrement=False)
                for column, nullable in DATE_COLUMNS.get(table, ()):
                    batch.alter_column(column, existing_type=sa.Integer(), type_=sa.Date(),
                                       existing_nullable=nullable)
        for table, dates in DATE_COLUMNS.items():
            sets = ", ".join(f"{c} = CASE WHEN {c} IS NULL THEN NULL "
                             f"ELSE printf('%04d-%02d-%02d', {c} / 10000, {c} / 100 % 100, {c} % 100) END"
                             for c, _ in dates)
            op.execute(f"UPDATE {table} SET {sets}")
    op.create_index('ix_accounts_customer_id', 'accounts', ['customer_id'], unique=False)
    op.create_index('ix_invoices_supply_period', 'invoices', ['supply_id', 'period'], unique=False)
    for table in ROW_VERSION_TABLES:
        op.create_index(f'ix_{table}_row_version', table, ['row_version'], unique=False)

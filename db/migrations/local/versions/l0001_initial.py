"""initial local schema

Revision ID: l0001_initial
Revises:
Create Date: 2026-11-25 22:36:25.962210
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = 'l0001_initial'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('customer_id', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('branch_id', sa.String(length=16), nullable=True),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('prepaid_until', sa.Date(), nullable=True),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts'))
    )
    op.create_index(op.f('ix_accounts_customer_id'), 'accounts', ['customer_id'], unique=False)
    op.create_index(op.f('ix_accounts_row_version'), 'accounts', ['row_version'], unique=False)
    op.create_table('agreement_instalments',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('agreement_id', sa.BigInteger(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('amount', db.types.Amount(precision=14, scale=2), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_instalments'))
    )
    op.create_index(op.f('ix_agreement_instalments_agreement_id'), 'agreement_instalments', ['agreement_id'], unique=False)
    op.create_index(op.f('ix_agreement_instalments_row_version'), 'agreement_instalments', ['row_version'], unique=False)
    op.create_table('audit_events',
    sa.Column('event', sa.String(length=40), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kiosk_id', sa.String(length=16), nullable=False),
    sa.Column('created_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    op.create_table('branches',
    sa.Column('id', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_branches'))
    )
    op.create_index(op.f('ix_branches_row_version'), 'branches', ['row_version'], unique=False)
    op.create_table('case_statuses',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('summary', sa.String(length=200), nullable=False),
    sa.Column('created_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_statuses'))
    )
    op.create_index(op.f('ix_case_statuses_account_id'), 'case_statuses', ['account_id'], unique=False)
    op.create_index(op.f('ix_case_statuses_row_version'), 'case_statuses', ['row_version'], unique=False)
    op.create_table('claim_categories',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('service', sa.String(length=16), nullable=False),
    sa.Column('label_es', sa.String(length=80), nullable=False),
    sa.Column('label_en', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_claim_categories'))
    )
    op.create_index(op.f('ix_claim_categories_row_version'), 'claim_categories', ['row_version'], unique=False)
    op.create_index(op.f('ix_claim_categories_service'), 'claim_categories', ['service'], unique=False)
    op.create_table('claims',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.BigInteger(), nullable=False),
    sa.Column('supply_id', sa.BigInteger(), nullable=False),
    sa.Column('category_code', sa.String(length=32), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('contact_phone', sa.String(length=32), nullable=False),
    sa.Column('contact_time', sa.String(length=40), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kiosk_id', sa.String(length=16), nullable=False),
    sa.Column('created_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims')),
    sa.UniqueConstraint('number', name=op.f('uq_claims_number'))
    )
    op.create_index(op.f('ix_claims_account_id'), 'claims', ['account_id'], unique=False)
    op.create_table('contact_change_requests',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.BigInteger(), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('email', sa.String(length=120), nullable=True),
    sa.Column('consent_messages', sa.Boolean(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kiosk_id', sa.String(length=16), nullable=False),
    sa.Column('created_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_change_requests')),
    sa.UniqueConstraint('number', name=op.f('uq_contact_change_requests_number'))
    )
    op.create_index(op.f('ix_contact_change_requests_account_id'), 'contact_change_requests', ['account_id'], unique=False)
    op.create_table('customers',
    sa.Column('name_masked', sa.String(length=120), nullable=False),
    sa.Column('phone_masked', sa.String(length=32), nullable=False),
    sa.Column('email_masked', sa.String(length=120), nullable=False),
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('first_name', sa.String(length=80), nullable=False),
    sa.Column('consent_messages', sa.Boolean(), nullable=False),
    sa.Column('e_invoice', sa.Boolean(), nullable=False),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers'))
    )
    op.create_index(op.f('ix_customers_row_version'), 'customers', ['row_version'], unique=False)
    op.create_table('faq_entries',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('question', sa.String(length=200), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_faq_entries'))
    )
    op.create_index(op.f('ix_faq_entries_row_version'), 'faq_entries', ['row_version'], unique=False)
    op.create_table('invoice_lines',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('invoice_id', sa.BigInteger(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=120), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=12, scale=3, asdecimal=False), nullable=True),
    sa.Column('unit_price', db.types.Amount(precision=14, scale=2), nullable=True),
    sa.Column('amount', db.types.Amount(precision=14, scale=2), nullable=False),
    sa.Column('is_tax', sa.Boolean(), nullable=False),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_lines'))
    )
    op.create_index(op.f('ix_invoice_lines_invoice_id'), 'invoice_lines', ['invoice_id'], unique=False)
    op.create_index(op.f('ix_invoice_lines_row_version'), 'invoice_lines', ['row_version'], unique=False)
    op.create_table('invoices',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('account_id', sa.BigInteger(), nullable=False),
    sa.Column('supply_id', sa.BigInteger(), nullable=True),
    sa.Column('service', sa.String(length=16), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('issue_date', sa.Date(), nullable=False),
    sa.Column('first_due_date', sa.Date(), nullable=False),
    sa.Column('second_due_date', sa.Date(), nullable=True),
    sa.Column('total', db.types.Amount(precision=14, scale=2), nullable=False),
    sa.Column('second_total', db.types.Amount(precision=14, scale=2), nullable=True),
    sa.Column('taxes', db.types.Amount(precision=14, scale=2), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('payment_reference', sa.String(length=24), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoices')),
    sa.UniqueConstraint('payment_reference', name=op.f('uq_invoices_payment_reference'))
    )
    op.create_index('ix_invoices_account_number', 'invoices', ['account_id', 'number'], unique=True)
    op.create_index(op.f('ix_invoices_row_version'), 'invoices', ['row_version'], unique=False)
    op.create_index('ix_invoices_supply_period', 'invoices', ['supply_id', 'period'], unique=False)
    op.create_table('kiosk_state',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_kiosk_state'))
    )
    op.create_table('meter_readings',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('supply_id', sa.BigInteger(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('read_on', sa.Date(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('consumption', sa.Integer(), nullable=True),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meter_readings'))
    )
    op.create_index(op.f('ix_meter_readings_row_version'), 'meter_readings', ['row_version'], unique=False)
    op.create_index('ix_meter_readings_supply_period', 'meter_readings', ['supply_id', 'period'], unique=False)
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('state', sa.String(length=8), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', db.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', db.types.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('row_id', name=op.f('uq_outbox_row_id'))
    )
    op.create_index('ix_outbox_state_seq', 'outbox', ['state', 'seq'], unique=False)
    op.create_table('payment_agreements',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('account_id', sa.BigInteger(), nullable=False),
    sa.Column('created_on', sa.Date(), nullable=False),
    sa.Column('total', db.types.Amount(precision=14, scale=2), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_agreements'))
    )
    op.create_index(op.f('ix_payment_agreements_account_id'), 'payment_agreements', ['account_id'], unique=False)
    op.create_index(op.f('ix_payment_agreements_row_version'), 'payment_agreements', ['row_version'], unique=False)
    op.create_table('payments',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('account_id', sa.BigInteger(), nullable=False),
    sa.Column('invoice_id', sa.BigInteger(), nullable=True),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('amount', db.types.Amount(precision=14, scale=2), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('channel', sa.String(length=40), nullable=False),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments'))
    )
    op.create_index(op.f('ix_payments_account_id'), 'payments', ['account_id'], unique=False)
    op.create_index(op.f('ix_payments_row_version'), 'payments', ['row_version'], unique=False)
    op.create_table('pin_requests',
    sa.Column('account_id', sa.BigInteger(), nullable=False),
    sa.Column('document_number', sa.String(length=20), nullable=False),
    sa.Column('channel', sa.String(length=8), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kiosk_id', sa.String(length=16), nullable=False),
    sa.Column('created_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pin_requests'))
    )
    op.create_index(op.f('ix_pin_requests_account_id'), 'pin_requests', ['account_id'], unique=False)
    op.create_table('plans',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('service', sa.String(length=16), nullable=False),
    sa.Column('price', db.types.Amount(precision=14, scale=2), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plans'))
    )
    op.create_index(op.f('ix_plans_row_version'), 'plans', ['row_version'], unique=False)
    op.create_table('print_log',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('backend', sa.String(length=16), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kiosk_id', sa.String(length=16), nullable=False),
    sa.Column('created_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_log'))
    )
    op.create_table('reading_submissions',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.BigInteger(), nullable=False),
    sa.Column('supply_id', sa.BigInteger(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.Column('previous_value', sa.BigInteger(), nullable=True),
    sa.Column('consumption', sa.Integer(), nullable=True),
    sa.Column('rollover', sa.Boolean(), nullable=False),
    sa.Column('flagged', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kiosk_id', sa.String(length=16), nullable=False),
    sa.Column('created_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reading_submissions')),
    sa.UniqueConstraint('number', name=op.f('uq_reading_submissions_number'))
    )
    op.create_index(op.f('ix_reading_submissions_account_id'), 'reading_submissions', ['account_id'], unique=False)
    op.create_index(op.f('ix_reading_submissions_supply_id'), 'reading_submissions', ['supply_id'], unique=False)
    op.create_table('reading_windows',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('route', sa.String(length=16), nullable=False),
    sa.Column('opens_on', sa.Date(), nullable=False),
    sa.Column('closes_on', sa.Date(), nullable=False),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reading_windows'))
    )
    op.create_index(op.f('ix_reading_windows_route'), 'reading_windows', ['route'], unique=False)
    op.create_index(op.f('ix_reading_windows_row_version'), 'reading_windows', ['row_version'], unique=False)
    op.create_table('service_requests',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.BigInteger(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kiosk_id', sa.String(length=16), nullable=False),
    sa.Column('created_at', db.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_requests')),
    sa.UniqueConstraint('number', name=op.f('uq_service_requests_number'))
    )
    op.create_index(op.f('ix_service_requests_account_id'), 'service_requests', ['account_id'], unique=False)
    op.create_table('staff',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('branch_id', sa.String(length=16), nullable=True),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('pin_hash', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff'))
    )
    op.create_index(op.f('ix_staff_row_version'), 'staff', ['row_version'], unique=False)
    op.create_table('supplies',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('account_id', sa.BigInteger(), nullable=False),
    sa.Column('service', sa.String(length=16), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('meter_number', sa.String(length=20), nullable=True),
    sa.Column('meter_digits', sa.Integer(), nullable=True),
    sa.Column('route', sa.String(length=16), nullable=True),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('row_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supplies'))
    )
    op.create_index(op.f('ix_supplies_account_id'), 'supplies', ['account_id'], unique=False)
    op.create_index(op.f('ix_supplies_row_version'), 'supplies', ['row_version'], unique=False)
    op.create_table('sync_checkpoints',
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_version', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', db.types.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('table_name', name=op.f('pk_sync_checkpoints'))
    )


def downgrade() -> None:
    op.drop_table('sync_checkpoints')
    op.drop_index(op.f('ix_supplies_row_version'), table_name='supplies')
    op.drop_index(op.f('ix_supplies_account_id'), table_name='supplies')
    op.drop_table('supplies')
    op.drop_index(op.f('ix_staff_row_version'), table_name='staff')
    op.drop_table('staff')
    op.drop_index(op.f('ix_service_requests_account_id'), table_name='service_requests')
    op.drop_table('service_requests')
    op.drop_index(op.f('ix_reading_windows_row_version'), table_name='reading_windows')
    op.drop_index(op.f('ix_reading_windows_route'), table_name='reading_windows')
    op.drop_table('reading_windows')
    op.drop_index(op.f('ix_reading_submissions_supply_id'), table_name='reading_submissions')
    op.drop_index(op.f('ix_reading_submissions_account_id'), table_name='reading_submissions')
    op.drop_table('reading_submissions')
    op.drop_table('print_log')
    op.drop_index(op.f('ix_plans_row_version'), table_name='plans')
    op.drop_table('plans')
    op.drop_index(op.f('ix_pin_requests_account_id'), table_name='pin_requests')
    op.drop_table('pin_requests')
    op.drop_index(op.f('ix_payments_row_version'), table_name='payments')
    op.drop_index(op.f('ix_payments_account_id'), table_name='payments')
    op.drop_table('payments')
    op.drop_index(op.f('ix_payment_agreements_row_version'), table_name='payment_agreements')
    op.drop_index(op.f('ix_payment_agreements_account_id'), table_name='payment_agreements')
    op.drop_table('payment_agreements')
    op.drop_index('ix_outbox_state_seq', table_name='outbox')
    op.drop_table('outbox')
    op.drop_index('ix_meter_readings_supply_period', table_name='meter_readings')
    op.drop_index(op.f('ix_meter_readings_row_version'), table_name='meter_readings')
    op.drop_table('meter_readings')
    op.drop_table('kiosk_state')
    op.drop_index('ix_invoices_supply_period', table_name='invoices')
    op.drop_index(op.f('ix_invoices_row_version'), table_name='invoices')
    op.drop_index('ix_invoices_account_number', table_name='invoices')
    op.drop_table('invoices')
    op.drop_index(op.f('ix_invoice_lines_row_version'), table_name='invoice_lines')
    op.drop_index(op.f('ix_invoice_lines_invoice_id'), table_name='invoice_lines')
    op.drop_table('invoice_lines')
    op.drop_index(op.f('ix_faq_entries_row_version'), table_name='faq_entries')
    op.drop_table('faq_entries')
    op.drop_index(op.f('ix_customers_row_version'), table_name='customers')
    op.drop_table('customers')
    op.drop_index(op.f('ix_contact_change_requests_account_id'), table_name='contact_change_requests')
    op.drop_table('contact_change_requests')
    op.drop_index(op.f('ix_claims_account_id'), table_name='claims')
    op.drop_table('claims')
    op.drop_index(op.f('ix_claim_categories_service'), table_name='claim_categories')
    op.drop_index(op.f('ix_claim_categories_row_version'), table_name='claim_categories')
    op.drop_table('claim_categories')
    op.drop_index(op.f('ix_case_statuses_row_version'), table_name='case_statuses')
    op.drop_index(op.f('ix_case_statuses_account_id'), table_name='case_statuses')
    op.drop_table('case_statuses')
    op.drop_index(op.f('ix_branches_row_version'), table_name='branches')
    op.drop_table('branches')
    op.drop_table('audit_events')
    op.drop_index(op.f('ix_agreement_instalments_row_version'), table_name='agreement_instalments')
    op.drop_index(op.f('ix_agreement_instalments_agreement_id'), table_name='agreement_instalments')
    op.drop_table('agreement_instalments')
    op.drop_index(op.f('ix_accounts_row_version'), table_name='accounts')
    op.drop_index(op.f('ix_accounts_customer_id'), table_name='accounts')
    op.drop_table('accounts')

"""Declarative bases for the two schemas and the column mixins they share.

Every table is declared once as a mixin of shared columns (in db/models/<table>.py) and then mapped onto the
central base, the local base, or both, adding only what differs (foreign keys and central-only columns on the
central side, data-minimised columns and sync bookkeeping on the local side).
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import BigInteger, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from db.types import UtcDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class CentralBase(DeclarativeBase):
    """Tables of the central database (PostgreSQL in production, SQLite in the demo)."""

    metadata = MetaData(naming_convention=NAMING)


class LocalBase(DeclarativeBase):
    """Tables of a kiosk's local SQLite replica."""

    metadata = MetaData(naming_convention=NAMING)


# A replica's integer primary key: INTEGER on SQLite makes it the rowid itself (no second B-tree holding the key),
# BIGINT elsewhere (the local migrations stay portable to PostgreSQL).
LOCAL_KEY = BigInteger().with_variant(Integer(), "sqlite")


class ReferenceRow:
    """Reference data: read by kiosks, stamped with a row_version from one central sequence."""

    @declared_attr
    def row_version(cls) -> Mapped[int]:
        # Indexed centrally only: kiosks pull by row_version ranges there; no query of the replica uses it.
        return mapped_column(BigInteger, default=0, server_default="0", index=issubclass(cast(type, cls), CentralBase))


class IntakeRow:
    """Data written by kiosks: UUID made on the kiosk, who made it and the kiosk's own timestamp.

    A kiosk is (branch_id, kiosk_id): kiosk ids repeat across branches, and central's row-level security checks
    both against the kiosk's login role. Rows written before the branch was recorded hold ''.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(String(16))
    branch_id: Mapped[str] = mapped_column(String(16), server_default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


# Tables pulled by kiosks, parents before children: the sync engine applies them in this order.
REFERENCE_TABLES: tuple[str, ...] = (
    "branches",
    "customers",
    "plans",
    "accounts",
    "supplies",
    "invoices",
    "invoice_lines",
    "payments",
    "meter_readings",
    "reading_windows",
    "payment_agreements",
    "agreement_instalments",
    "claim_categories",
    "case_statuses",
    "faq_entries",
    "staff",
    "kiosk_settings",
)

# Tables kiosks write and push, in the order the outbox may contain them.
INTAKE_TABLES: tuple[str, ...] = (
    "claims",
    "reading_submissions",
    "service_requests",
    "contact_change_requests",
    "pin_requests",
    "print_log",
    "audit_events",
)

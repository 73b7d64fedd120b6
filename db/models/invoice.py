"""Invoices: number like 0021-00049107, period, two due dates, amounts and the payment reference."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import BigInteger, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import LOCAL_KEY, CentralBase, LocalBase, ReferenceRow
from db.types import Amount, CompactDate


class InvoiceColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    number: Mapped[str] = mapped_column(String(20))
    account_id: Mapped[int] = mapped_column(BigInteger)
    supply_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    service: Mapped[str] = mapped_column(String(16))
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    issue_date: Mapped[date] = mapped_column(Date)
    first_due_date: Mapped[date] = mapped_column(Date)
    second_due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    total: Mapped[Decimal] = mapped_column(Amount)
    second_total: Mapped[Decimal | None] = mapped_column(Amount, nullable=True)
    taxes: Mapped[Decimal] = mapped_column(Amount, default=Decimal(0))
    status: Mapped[str] = mapped_column(String(8))  # pending | overdue | paid
    payment_reference: Mapped[str] = mapped_column(String(24), unique=True)
    paid_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class CentralInvoice(InvoiceColumns, CentralBase):
    __tablename__ = "invoices"
    __table_args__ = (
        Index("ix_invoices_account_number", "account_id", "number", unique=True),
        Index("ix_invoices_supply_period", "supply_id", "period"),
    )

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    supply_id: Mapped[int | None] = mapped_column(ForeignKey("supplies.id"), nullable=True)


class LocalInvoice(InvoiceColumns, LocalBase):
    __tablename__ = "invoices"
    # No (supply_id, period) index on the replica: its one reader goes through the account (a handful of rows).
    __table_args__ = (Index("ix_invoices_account_number", "account_id", "number", unique=True),)

    id: Mapped[int] = mapped_column(LOCAL_KEY, primary_key=True, autoincrement=False)  # the rowid itself
    # Dates as YYYYMMDD integers on SQLite (db.types.CompactDate).
    issue_date: Mapped[date] = mapped_column(CompactDate)
    first_due_date: Mapped[date] = mapped_column(CompactDate)
    second_due_date: Mapped[date | None] = mapped_column(CompactDate, nullable=True)
    paid_on: Mapped[date | None] = mapped_column(CompactDate, nullable=True)

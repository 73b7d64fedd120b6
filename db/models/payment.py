"""Payments and adjustments credited to an account: the statement's credit side."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import BigInteger, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import LOCAL_KEY, CentralBase, LocalBase, ReferenceRow
from db.types import Amount, CompactDate


class PaymentColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    account_id: Mapped[int] = mapped_column(BigInteger, index=True)
    invoice_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Amount)  # positive credits the account
    kind: Mapped[str] = mapped_column(String(12), default="payment")  # payment | adjustment
    channel: Mapped[str] = mapped_column(String(40), default="")


class CentralPayment(PaymentColumns, CentralBase):
    __tablename__ = "payments"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"), nullable=True)


class LocalPayment(PaymentColumns, LocalBase):
    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(LOCAL_KEY, primary_key=True, autoincrement=False)  # the rowid itself
    paid_on: Mapped[date] = mapped_column(CompactDate)  # YYYYMMDD integer on SQLite (db.types.CompactDate)

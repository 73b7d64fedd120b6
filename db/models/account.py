"""Accounts: the number a customer types; postpaid or prepaid, in one currency."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import LOCAL_KEY, CentralBase, LocalBase, ReferenceRow


class AccountColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    customer_id: Mapped[int] = mapped_column(BigInteger, index=True)
    kind: Mapped[str] = mapped_column(String(10), default="postpaid")  # postpaid | prepaid
    status: Mapped[str] = mapped_column(String(12), default="active")  # active | suspended | closed
    currency: Mapped[str] = mapped_column(String(3))
    branch_id: Mapped[str | None] = mapped_column(String(16), nullable=True)
    plan_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    prepaid_until: Mapped[date | None] = mapped_column(Date, nullable=True)


class CentralAccount(AccountColumns, CentralBase):
    __tablename__ = "accounts"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)


class LocalAccount(AccountColumns, LocalBase):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(LOCAL_KEY, primary_key=True, autoincrement=False)  # the rowid itself
    customer_id: Mapped[int] = mapped_column(BigInteger)  # not indexed: the replica joins accounts -> customers

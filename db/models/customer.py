"""Customers (account holders). Full identity lives centrally; the replica keeps masked data only."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import LOCAL_KEY, CentralBase, LocalBase, ReferenceRow


class CustomerColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    first_name: Mapped[str] = mapped_column(String(80))
    consent_messages: Mapped[bool] = mapped_column(Boolean, default=False)
    e_invoice: Mapped[bool] = mapped_column(Boolean, default=False)


class CentralCustomer(CustomerColumns, CentralBase):
    __tablename__ = "customers"

    last_name: Mapped[str] = mapped_column(String(80))
    document_type: Mapped[str] = mapped_column(String(8), default="DNI")
    document_number: Mapped[str] = mapped_column(String(20), index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(120), default="")


class LocalCustomer(CustomerColumns, LocalBase):
    """Data-minimised: "Juan P.", "J*** P*****", "+54 9 *** ***-1234", "j***@gmail.com"."""

    __tablename__ = "customers"

    name_masked: Mapped[str] = mapped_column(String(120))
    phone_masked: Mapped[str] = mapped_column(String(32), default="")
    email_masked: Mapped[str] = mapped_column(String(120), default="")

    id: Mapped[int] = mapped_column(LOCAL_KEY, primary_key=True, autoincrement=False)  # the rowid itself

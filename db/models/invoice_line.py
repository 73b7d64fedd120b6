"""Invoice lines: charges and taxes as printed on the invoice."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import LOCAL_KEY, CentralBase, LocalBase, ReferenceRow
from db.types import Amount


class InvoiceLineColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    invoice_id: Mapped[int] = mapped_column(BigInteger, index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(120))
    quantity: Mapped[Decimal | None] = mapped_column(Numeric(12, 3, asdecimal=False), nullable=True)
    unit_price: Mapped[Decimal | None] = mapped_column(Amount, nullable=True)
    amount: Mapped[Decimal] = mapped_column(Amount)
    is_tax: Mapped[bool] = mapped_column(Boolean, default=False)


class CentralInvoiceLine(InvoiceLineColumns, CentralBase):
    __tablename__ = "invoice_lines"

    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"), index=True)


class LocalInvoiceLine(InvoiceLineColumns, LocalBase):
    __tablename__ = "invoice_lines"

    id: Mapped[int] = mapped_column(LOCAL_KEY, primary_key=True, autoincrement=False)  # the rowid itself

"""Payment agreements: a debt split into instalments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import BigInteger, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, LocalBase, ReferenceRow
from db.types import Amount


class PaymentAgreementColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    account_id: Mapped[int] = mapped_column(BigInteger, index=True)
    created_on: Mapped[date] = mapped_column(Date)
    total: Mapped[Decimal] = mapped_column(Amount)
    status: Mapped[str] = mapped_column(String(10), default="active")  # active | completed | cancelled


class CentralPaymentAgreement(PaymentAgreementColumns, CentralBase):
    __tablename__ = "payment_agreements"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)


class LocalPaymentAgreement(PaymentAgreementColumns, LocalBase):
    __tablename__ = "payment_agreements"

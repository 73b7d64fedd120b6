"""Instalments of a payment agreement, paid or pending."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import BigInteger, Date, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, LocalBase, ReferenceRow
from db.types import Amount


class AgreementInstalmentColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    agreement_id: Mapped[int] = mapped_column(BigInteger, index=True)
    number: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Amount)
    paid_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class CentralAgreementInstalment(AgreementInstalmentColumns, CentralBase):
    __tablename__ = "agreement_instalments"

    agreement_id: Mapped[int] = mapped_column(ForeignKey("payment_agreements.id"), index=True)


class LocalAgreementInstalment(AgreementInstalmentColumns, LocalBase):
    __tablename__ = "agreement_instalments"

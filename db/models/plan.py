"""Prepaid plans offered by the utility (internet credit days and speed)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, LocalBase, ReferenceRow
from db.types import Amount


class PlanColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(String(200), default="")
    service: Mapped[str] = mapped_column(String(16))
    price: Mapped[Decimal] = mapped_column(Amount)
    days: Mapped[int] = mapped_column(Integer, default=30)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CentralPlan(PlanColumns, CentralBase):
    __tablename__ = "plans"


class LocalPlan(PlanColumns, LocalBase):
    __tablename__ = "plans"

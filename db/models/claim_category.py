"""Claim categories per service (no supply, low voltage, water leak, billing error, internet down, ...)."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, LocalBase, ReferenceRow


class ClaimCategoryColumns(ReferenceRow):
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    service: Mapped[str] = mapped_column(String(16), index=True)
    label_es: Mapped[str] = mapped_column(String(80))
    label_en: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CentralClaimCategory(ClaimCategoryColumns, CentralBase):
    __tablename__ = "claim_categories"


class LocalClaimCategory(ClaimCategoryColumns, LocalBase):
    __tablename__ = "claim_categories"

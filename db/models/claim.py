"""Claims (reclamos) made at the kiosk: supply, category, description and how to contact the customer."""

from __future__ import annotations

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, IntakeRow, LocalBase
from db.models.intake import ReceivedAt


class ClaimColumns(IntakeRow):
    number: Mapped[str] = mapped_column(String(40), unique=True)
    account_id: Mapped[int] = mapped_column(BigInteger, index=True)
    supply_id: Mapped[int] = mapped_column(BigInteger)
    category_code: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(String(500))
    contact_phone: Mapped[str] = mapped_column(String(32))
    contact_time: Mapped[str] = mapped_column(String(40), default="")


class CentralClaim(ClaimColumns, ReceivedAt, CentralBase):
    __tablename__ = "claims"


class LocalClaim(ClaimColumns, LocalBase):
    __tablename__ = "claims"

"""Supplies (contracts): one service at one address, with its meter when metered."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import LOCAL_KEY, CentralBase, LocalBase, ReferenceRow


class SupplyColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    account_id: Mapped[int] = mapped_column(BigInteger, index=True)
    service: Mapped[str] = mapped_column(String(16))  # electricity | water | internet | telephony
    address: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    meter_number: Mapped[str | None] = mapped_column(String(20), nullable=True)
    meter_digits: Mapped[int | None] = mapped_column(Integer, nullable=True)
    route: Mapped[str | None] = mapped_column(String(16), nullable=True)
    plan_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class CentralSupply(SupplyColumns, CentralBase):
    __tablename__ = "supplies"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)


class LocalSupply(SupplyColumns, LocalBase):
    __tablename__ = "supplies"

    id: Mapped[int] = mapped_column(LOCAL_KEY, primary_key=True, autoincrement=False)  # the rowid itself

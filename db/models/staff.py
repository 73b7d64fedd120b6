"""Branch staff allowed into maintenance mode; PINs hashed with argon2, usable offline."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, LocalBase, ReferenceRow


class StaffColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    branch_id: Mapped[str | None] = mapped_column(String(16), nullable=True)
    name: Mapped[str] = mapped_column(String(80))
    pin_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="staff")  # staff | technician
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CentralStaff(StaffColumns, CentralBase):
    __tablename__ = "staff"


class LocalStaff(StaffColumns, LocalBase):
    __tablename__ = "staff"

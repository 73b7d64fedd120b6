"""Branch staff allowed into maintenance mode; PINs hashed with argon2, usable offline.

Roles: `operator` (keeps the kiosk running: sync, paper, out of service) and `technician` (also discards parked
rows, sees the configuration, leaves to the desktop). branch_id NULL is fleet-wide staff (IT). A kiosk receives
only its branch's and fleet-wide staff (PostgreSQL: the kiosk_staff view) and refuses anyone else at login.
`badge_hash` is the argon2 hash of the secret printed in the staff badge's barcode (kiosk.services.staff).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, LocalBase, ReferenceRow


class StaffColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    branch_id: Mapped[str | None] = mapped_column(String(16), nullable=True)
    name: Mapped[str] = mapped_column(String(80))
    pin_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="operator")  # operator | technician
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    badge_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)


class CentralStaff(StaffColumns, CentralBase):
    __tablename__ = "staff"


class LocalStaff(StaffColumns, LocalBase):
    __tablename__ = "staff"

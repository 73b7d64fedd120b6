"""Branch offices: name and address printed on documents."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, LocalBase, ReferenceRow


class BranchColumns(ReferenceRow):
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(200), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="America/Argentina/Buenos_Aires")


class CentralBranch(BranchColumns, CentralBase):
    __tablename__ = "branches"


class LocalBranch(BranchColumns, LocalBase):
    __tablename__ = "branches"

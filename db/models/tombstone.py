"""Tombstones: a deleted reference row, with its own row_version so kiosks pull the delete (central only)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase
from db.types import UtcDateTime


class Tombstone(CentralBase):
    __tablename__ = "tombstones"
    __table_args__ = (Index("ix_tombstones_table_version", "table_name", "row_version"),)

    row_version: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(40))
    row_pk: Mapped[str] = mapped_column(String(64))  # primary key rendered as text
    deleted_at: Mapped[datetime] = mapped_column(UtcDateTime)

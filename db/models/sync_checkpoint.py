"""Per-table pull checkpoints of the local replica (local only)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import LocalBase
from db.types import UtcDateTime


class SyncCheckpoint(LocalBase):
    __tablename__ = "sync_checkpoints"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_version: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

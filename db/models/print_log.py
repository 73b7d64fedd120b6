"""What the kiosk printed, with which backend and how it went (no personal data)."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, IntakeRow, LocalBase
from db.models.intake import ReceivedAt


class PrintLogColumns(IntakeRow):
    kind: Mapped[str] = mapped_column(String(20))
    reference: Mapped[str] = mapped_column(String(40), default="")
    backend: Mapped[str] = mapped_column(String(16))
    pages: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16))  # printed | failed


class CentralPrintLog(PrintLogColumns, ReceivedAt, CentralBase):
    __tablename__ = "print_log"


class LocalPrintLog(PrintLogColumns, LocalBase):
    __tablename__ = "print_log"

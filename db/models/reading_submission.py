"""Meter readings a customer submits at the kiosk (autolectura), flagged when implausible."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, IntakeRow, LocalBase
from db.models.intake import ReceivedAt


class ReadingSubmissionColumns(IntakeRow):
    number: Mapped[str] = mapped_column(String(40), unique=True)
    account_id: Mapped[int] = mapped_column(BigInteger, index=True)
    supply_id: Mapped[int] = mapped_column(BigInteger, index=True)
    period: Mapped[str] = mapped_column(String(7))
    value: Mapped[int] = mapped_column(BigInteger)
    previous_value: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    consumption: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rollover: Mapped[bool] = mapped_column(Boolean, default=False)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)  # above plausibility: for review


class CentralReadingSubmission(ReadingSubmissionColumns, ReceivedAt, CentralBase):
    __tablename__ = "reading_submissions"


class LocalReadingSubmission(ReadingSubmissionColumns, LocalBase):
    __tablename__ = "reading_submissions"

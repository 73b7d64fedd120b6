"""PIN registration/reset requests; on PostgreSQL, central sends the code when one arrives."""

from __future__ import annotations

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, IntakeRow, LocalBase
from db.models.intake import ReceivedAt


class PinRequestColumns(IntakeRow):
    account_id: Mapped[int] = mapped_column(BigInteger, index=True)
    document_number: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(8))  # sms | email


class CentralPinRequest(PinRequestColumns, ReceivedAt, CentralBase):
    __tablename__ = "pin_requests"


class LocalPinRequest(PinRequestColumns, LocalBase):
    __tablename__ = "pin_requests"

"""Requests to change the phone, e-mail or message consent on file (applied by the back office)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, IntakeRow, LocalBase
from db.models.intake import ReceivedAt


class ContactChangeColumns(IntakeRow):
    number: Mapped[str] = mapped_column(String(40), unique=True)
    account_id: Mapped[int] = mapped_column(BigInteger, index=True)
    phone: Mapped[str | None] = mapped_column(String(32), nullable=True)
    email: Mapped[str | None] = mapped_column(String(120), nullable=True)
    consent_messages: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class CentralContactChange(ContactChangeColumns, ReceivedAt, CentralBase):
    __tablename__ = "contact_change_requests"


class LocalContactChange(ContactChangeColumns, LocalBase):
    __tablename__ = "contact_change_requests"

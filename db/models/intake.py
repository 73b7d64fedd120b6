"""Intake tables: rows kiosks create (claims, readings, requests, logs) and push to central.

They live in one module because they share one shape (IntakeRow) and are always pushed together; central and
local carry the same columns, central adds when it received the row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, IntakeRow, LocalBase
from db.types import UtcDateTime


class ClaimColumns(IntakeRow):
    number: Mapped[str] = mapped_column(String(40), unique=True)
    account_id: Mapped[int] = mapped_column(BigInteger, index=True)
    supply_id: Mapped[int] = mapped_column(BigInteger)
    category_code: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(String(500))
    contact_phone: Mapped[str] = mapped_column(String(32))
    contact_time: Mapped[str] = mapped_column(String(40), default="")


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


class ServiceRequestColumns(IntakeRow):
    number: Mapped[str] = mapped_column(String(40), unique=True)
    account_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    payload: Mapped[str] = mapped_column(Text)  # JSON of the form's fields


class ContactChangeColumns(IntakeRow):
    number: Mapped[str] = mapped_column(String(40), unique=True)
    account_id: Mapped[int] = mapped_column(BigInteger, index=True)
    phone: Mapped[str | None] = mapped_column(String(32), nullable=True)
    email: Mapped[str | None] = mapped_column(String(120), nullable=True)
    consent_messages: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class PinRequestColumns(IntakeRow):
    account_id: Mapped[int] = mapped_column(BigInteger, index=True)
    document_number: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(8))  # sms | email


class PrintLogColumns(IntakeRow):
    kind: Mapped[str] = mapped_column(String(20))
    reference: Mapped[str] = mapped_column(String(40), default="")
    backend: Mapped[str] = mapped_column(String(16))
    pages: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16))  # printed | failed


class AuditEventColumns(IntakeRow):
    event: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON, never personal data


def _received() -> Mapped[datetime]:
    return mapped_column(UtcDateTime, server_default=func.current_timestamp())


class CentralClaim(ClaimColumns, CentralBase):
    __tablename__ = "claims"
    received_at: Mapped[datetime] = _received()


class LocalClaim(ClaimColumns, LocalBase):
    __tablename__ = "claims"


class CentralReadingSubmission(ReadingSubmissionColumns, CentralBase):
    __tablename__ = "reading_submissions"
    received_at: Mapped[datetime] = _received()


class LocalReadingSubmission(ReadingSubmissionColumns, LocalBase):
    __tablename__ = "reading_submissions"


class CentralServiceRequest(ServiceRequestColumns, CentralBase):
    __tablename__ = "service_requests"
    received_at: Mapped[datetime] = _received()


class LocalServiceRequest(ServiceRequestColumns, LocalBase):
    __tablename__ = "service_requests"


class CentralContactChange(ContactChangeColumns, CentralBase):
    __tablename__ = "contact_change_requests"
    received_at: Mapped[datetime] = _received()


class LocalContactChange(ContactChangeColumns, LocalBase):
    __tablename__ = "contact_change_requests"


class CentralPinRequest(PinRequestColumns, CentralBase):
    __tablename__ = "pin_requests"
    received_at: Mapped[datetime] = _received()


class LocalPinRequest(PinRequestColumns, LocalBase):
    __tablename__ = "pin_requests"


class CentralPrintLog(PrintLogColumns, CentralBase):
    __tablename__ = "print_log"
    received_at: Mapped[datetime] = _received()


class LocalPrintLog(PrintLogColumns, LocalBase):
    __tablename__ = "print_log"


class CentralAuditEvent(AuditEventColumns, CentralBase):
    __tablename__ = "audit_events"
    received_at: Mapped[datetime] = _received()


class LocalAuditEvent(AuditEventColumns, LocalBase):
    __tablename__ = "audit_events"

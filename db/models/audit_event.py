"""Audit events of the kiosk (logins, maintenance mode, errors), detail as JSON without personal data."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, IntakeRow, LocalBase
from db.models.intake import ReceivedAt


class AuditEventColumns(IntakeRow):
    event: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON, never personal data


class CentralAuditEvent(AuditEventColumns, ReceivedAt, CentralBase):
    __tablename__ = "audit_events"


class LocalAuditEvent(AuditEventColumns, LocalBase):
    __tablename__ = "audit_events"

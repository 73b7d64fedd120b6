"""Audit events of the kiosk (logins, maintenance mode, errors), detail as JSON without personal data.

A staff action is one event: who (staff_id; NULL for the shared branch PIN or an unknown staff number), where
(branch_id, kiosk_id), when (created_at), what (event) and how it ended (outcome: ok, wrong_pin, locked,
forbidden...). Never a PIN or a badge secret.
"""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, IntakeRow, LocalBase
from db.models.intake import ReceivedAt


class AuditEventColumns(IntakeRow):
    event: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON, never personal data
    staff_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    outcome: Mapped[str] = mapped_column(String(16), default="", server_default="")


class CentralAuditEvent(AuditEventColumns, ReceivedAt, CentralBase):
    __tablename__ = "audit_events"


class LocalAuditEvent(AuditEventColumns, LocalBase):
    __tablename__ = "audit_events"

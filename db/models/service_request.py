"""Service requests (the six form kinds), their fields kept as JSON."""

from __future__ import annotations

from sqlalchemy import BigInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, IntakeRow, LocalBase
from db.models.intake import ReceivedAt


class ServiceRequestColumns(IntakeRow):
    number: Mapped[str] = mapped_column(String(40), unique=True)
    account_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    payload: Mapped[str] = mapped_column(Text)  # JSON of the form's fields


class CentralServiceRequest(ServiceRequestColumns, ReceivedAt, CentralBase):
    __tablename__ = "service_requests"


class LocalServiceRequest(ServiceRequestColumns, LocalBase):
    __tablename__ = "service_requests"

"""Status of claims and requests as the back office moves them; keyed by the intake row's UUID."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, LocalBase, ReferenceRow
from db.types import UtcDateTime


class CaseStatusColumns(ReferenceRow):
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(40))
    account_id: Mapped[int] = mapped_column(BigInteger, index=True)
    kind: Mapped[str] = mapped_column(String(20))  # claim | a request kind
    status: Mapped[str] = mapped_column(String(12))  # received | in_progress | resolved | rejected
    summary: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CentralCaseStatus(CaseStatusColumns, CentralBase):
    __tablename__ = "case_statuses"


class LocalCaseStatus(CaseStatusColumns, LocalBase):
    __tablename__ = "case_statuses"

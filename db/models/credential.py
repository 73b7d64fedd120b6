"""Customer PIN credentials and lockout state (central only; the kiosk role cannot read this table)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase
from db.types import UtcDateTime


class Credential(CentralBase):
    __tablename__ = "credentials"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    pin_hash: Mapped[str] = mapped_column(String(100))  # bcrypt ($2a$), verifiable by pgcrypto's crypt()
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class PinChallenge(CentralBase):
    """A verification code sent to the customer for PIN registration or reset (central only)."""

    __tablename__ = "pin_challenges"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the kiosk's pin_requests.id
    account_id: Mapped[int] = mapped_column(BigInteger, index=True)
    code_hash: Mapped[str] = mapped_column(String(100))
    channel: Mapped[str] = mapped_column(String(8))  # sms | email
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

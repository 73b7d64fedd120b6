"""Failed logins on accounts that have no credentials (central only).

Counted exactly like real failures so that the answers to "wrong PIN" and "no such login" are
indistinguishable: a kiosk cannot be used to find out which accounts have a PIN. A row is forgotten once it has
been quiet (and unlocked) for a lockout period, so numbers tried at random do not make the table grow without
bound; each kiosk's failures across all accounts are capped too (kiosk_login_failures).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase
from db.types import UtcDateTime


class LoginThrottle(CentralBase):
    __tablename__ = "login_throttle"

    account_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


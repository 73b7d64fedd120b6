"""Failed logins of one kiosk across all accounts in the current window (central only).

A kiosk (its login role) that fails too often, whatever the accounts, is held until the window ends: trying
one PIN on many accounts is throttled like trying many PINs on one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase
from db.types import UtcDateTime


class KioskLoginFailures(CentralBase):
    __tablename__ = "kiosk_login_failures"

    kiosk_role: Mapped[str] = mapped_column(String(80), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UtcDateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)

"""The central login policy: failures before a lockout, its length and the PIN hash cost (one row).

Kept in the database, not in kiosk configuration, so every kiosk and the login functions obey one policy;
`python -m kiosk central init --max-attempts N --lockout-minutes M` sets it.
"""

from __future__ import annotations

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase


class LoginPolicy(CentralBase):
    __tablename__ = "login_policy"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # always 1
    max_attempts: Mapped[int] = mapped_column(Integer, default=5)
    lockout_seconds: Mapped[int] = mapped_column(Integer, default=900)
    bcrypt_cost: Mapped[int] = mapped_column(Integer, default=10)

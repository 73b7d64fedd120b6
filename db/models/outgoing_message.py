"""Messages for the utility's SMS/e-mail gateway (central only; kiosks can neither read nor write them).

Holding the plain verification code here is deliberate: the gateway must send it, and the table is
reachable only by the central login functions (SECURITY DEFINER) and the gateway's own role.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase
from db.types import UtcDateTime


class OutgoingMessage(CentralBase):
    __tablename__ = "outgoing_messages"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the pin_challenges.id it belongs to
    account_id: Mapped[int] = mapped_column(BigInteger, index=True)
    channel: Mapped[str] = mapped_column(String(8))  # sms | email
    recipient: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))  # pin_code
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

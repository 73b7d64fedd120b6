"""Small key/value facts of the kiosk: last pull and push, number sequences, schema version (local only)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import LocalBase


class KioskState(LocalBase):
    __tablename__ = "kiosk_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)

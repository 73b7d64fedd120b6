"""Kiosk heartbeats: one row per kiosk, upserted every minute (central only).

Kiosk ids are unique only within a branch: a kiosk is (branch_id, kiosk_id). The primary key serves the branch
filter; kiosk_id and reported_at have their own indexes for `central fleet`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Float, Index, Integer, String, Text, text
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase
from db.types import UtcDateTime


class Heartbeat(CentralBase):
    __tablename__ = "heartbeats"
    # The fleet queries: one kiosk id across branches, and stale kiosks (oldest report first); `central fleet
    # --version V` and `--out-of-service` (a partial index in (branch, kiosk) order: only the few kiosks that are).
    __table_args__ = (
        Index("ix_heartbeats_kiosk_id", "kiosk_id"),
        Index("ix_heartbeats_reported_at", "reported_at"),
        Index("ix_heartbeats_app_version", "app_version"),
        Index("ix_heartbeats_out_of_service", "branch_id", "kiosk_id", postgresql_where=text("out_of_service"),
              sqlite_where=text("out_of_service = 1")),
    )

    branch_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    app_version: Mapped[str] = mapped_column(String(20))
    schema_version: Mapped[str] = mapped_column(String(40))
    last_pull_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_push_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    outbox_depth: Mapped[int] = mapped_column(Integer, default=0)
    parked: Mapped[int] = mapped_column(Integer, default=0)
    printer_state: Mapped[str] = mapped_column(String(16), default="unknown")
    free_disk_mb: Mapped[int] = mapped_column(BigInteger, default=0)
    data_age_s: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    reported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Put out of service by branch staff (maintenance mode), with the message the customer home shows.
    out_of_service: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    service_message: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Status for IT (issue 13). `parked` is the parked outbox rows; app_version and printer_state above.
    uptime_seconds: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    paper_left_m: Mapped[float | None] = mapped_column(Float, nullable=True)  # estimate; None: unknown
    last_errors: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # JSON list, redacted
    # JSON object: remote setting key -> why the kiosk refused its value (kiosk.remote_config.rejected).
    settings_rejected: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")

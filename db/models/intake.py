"""What every intake table shares on the central side: when central received the row.

Intake rows (claims, readings, requests, logs) are made on a kiosk (db.base.IntakeRow: UUID, kiosk id, the
kiosk's timestamp) and pushed to central, which adds `received_at`. One model per file: claim.py,
reading_submission.py, service_request.py, contact_change.py, pin_request.py, print_log.py, audit_event.py.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlalchemy.orm import Mapped, mapped_column

from db.types import UtcDateTime


class ReceivedAt:
    """Central-only column: when the row arrived (set by the database)."""

    received_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.current_timestamp())

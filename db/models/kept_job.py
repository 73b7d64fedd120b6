"""Print jobs that failed (out of paper, offline, printer error), kept in the replica for a reprint (local only).

The rendered PDF is kept with a short readable number ("K-4821") the customer quotes at the counter, so staff can
reprint it once the printer works again, even after a restart. Rows expire (`[printer] kept_job_hours`) and are
purged then: the PDF may show personal data, so it is never synced and never kept longer than that.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import LocalBase
from db.types import UtcDateTime


class KeptPrintJob(LocalBase):
    __tablename__ = "kept_print_jobs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the job id PrintResult / PrinterError carry
    number: Mapped[str] = mapped_column(String(12), index=True)  # "K-4821": unique among the rows present
    kind: Mapped[str] = mapped_column(String(20))  # the RenderedDocument kind
    name: Mapped[str] = mapped_column(String(80))  # the RenderedDocument name (no personal data)
    reference: Mapped[str] = mapped_column(String(40), default="")  # the print_log reference
    paper: Mapped[str] = mapped_column(String(8))  # a4 | roll58 | roll80
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    pages: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    # "printing" while the job is at the printer; then out_of_paper | offline | error, or "interrupted" when the
    # kiosk stopped mid-print.
    reason: Mapped[str] = mapped_column(String(20))
    reprinted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

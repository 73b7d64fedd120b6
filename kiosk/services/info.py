"""FAQ, branding and the sync status the home screen's data-age banner shows."""

from __future__ import annotations

from sqlalchemy import select

from db.models import LocalFaqEntry
from kiosk.domain import Branding, FaqEntry
from kiosk.services.context import ServiceContext
from kiosk.sync.report import SyncStatus
from kiosk.sync.state import sync_status


class InfoService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def faq(self, language: str) -> list[FaqEntry]:
        """Questions in the language, in central's order; Spanish when there are none in that language."""
        with self._ctx.factory() as db:
            for lang in dict.fromkeys((language, "es")):
                rows = db.scalars(
                    select(LocalFaqEntry)
                    .where(LocalFaqEntry.language == lang)
                    .order_by(LocalFaqEntry.position, LocalFaqEntry.id)
                ).all()
                if rows:
                    return [FaqEntry(r.question, r.answer) for r in rows]
        return []

    def branding(self) -> Branding:
        return self._ctx.branding()

    def sync_status(self) -> SyncStatus:
        """Data age and outbox depth from the replica (kiosk_state keys of kiosk.sync.state)."""
        return sync_status(self._ctx.engine, now=self._ctx.now())

"""FAQ per language, branding from configuration, sync status from the replica."""

from __future__ import annotations

from datetime import timedelta

from svc_replica import START, Replica

from kiosk.services.claims import ClaimService
from kiosk.services.info import InfoService


def test_faq_in_order_and_language(replica: Replica) -> None:
    service = InfoService(replica.ctx)
    assert [e.question for e in service.faq("es")] == ["¿Qué es?", "¿Cómo pago?"]
    assert [e.question for e in service.faq("en")] == ["How do I pay?"]
    assert [e.question for e in service.faq("pt")] == ["¿Qué es?", "¿Cómo pago?"]  # falls back to Spanish


def test_branding_from_configuration(replica: Replica) -> None:
    branding = InfoService(replica.ctx).branding()
    assert branding.key == "coop-ar" and branding.currency == "ARS"


def test_sync_status_from_the_replica(replica: Replica) -> None:
    service = InfoService(replica.ctx)
    status = service.sync_status()
    assert status.online
    assert status.last_pull_at == START - timedelta(minutes=12)
    assert status.data_age_seconds == 12 * 60
    assert (status.outbox_depth, status.parked) == (0, 0)
    ClaimService(replica.ctx).file(replica.login(), 5001, "no_supply", "Sin luz", "3511234567", "")
    replica.clock.advance(60)
    status = service.sync_status()
    assert status.outbox_depth == 1 and status.data_age_seconds == 13 * 60

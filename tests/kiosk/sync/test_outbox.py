"""The outbox: an intake row and its queue entry are written in one transaction."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.base import LocalBase
from db.engine import local_engine, session_factory
from db.models import LocalAuditEvent, LocalClaim, LocalSupply, OutboxEntry
from kiosk.sync.outbox import PARKED, enqueue, outbox_depth, parked, parked_count, requeue_parked


def _claim() -> LocalClaim:
    return LocalClaim(id=str(uuid.uuid4()), kiosk_id="K1", created_at=datetime.now(UTC), number=f"R-{uuid.uuid4()}",
                      account_id=1, supply_id=1, category_code="no_supply", description="x", contact_phone="1")


def test_enqueue_writes_row_and_entry_together(tmp_path: Path) -> None:
    engine = local_engine(tmp_path / "r.db")
    LocalBase.metadata.create_all(engine)
    factory = session_factory(engine)
    with factory.begin() as s:
        c = _claim()
        enqueue(s, c)
        enqueue(s, LocalAuditEvent(id=str(uuid.uuid4()), kiosk_id="K1", created_at=datetime.now(UTC), event="x"))
    with factory() as s:
        assert outbox_depth(s) == 2
        first = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).first()
        assert first is not None and first.table_name == "claims" and first.row_id == c.id
    # a rolled-back transaction leaves neither the row nor the entry
    with pytest.raises(RuntimeError), factory.begin() as s:
        enqueue(s, _claim())
        s.flush()
        raise RuntimeError("boom")
    with factory() as s:
        assert outbox_depth(s) == 2
        assert s.scalar(select(func.count()).select_from(LocalClaim)) == 1
    with factory.begin() as s:
        e = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).first()
        assert e is not None
        e.state, e.last_error = PARKED, "check violation"
    with factory.begin() as s:
        assert parked_count(s) == 1 and outbox_depth(s) == 1
        assert [p.reason for p in parked(s)] == ["check violation"]
        assert requeue_parked(s) == 1
    with factory() as s:
        assert parked_count(s) == 0 and outbox_depth(s) == 2
    engine.dispose()


def test_enqueue_refuses_non_intake_rows(tmp_path: Path) -> None:
    engine = local_engine(tmp_path / "r.db")
    LocalBase.metadata.create_all(engine)
    with session_factory(engine)() as s:
        with pytest.raises(ValueError, match="not an intake row"):
            enqueue(s, LocalSupply(id=1))
        c = _claim()
        c.id = ""
        with pytest.raises(ValueError, match="needs its id"):
            enqueue(s, c)
    engine.dispose()

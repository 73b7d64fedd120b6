"""Fixture: the seeded replica on a SQLite file and (marked pg) on a PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from svc_replica import FakeClock, Replica, make_config, seed

from db.base import LocalBase
from db.engine import local_engine, normalise_url, session_factory
from kiosk.services.context import ServiceContext


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def replica(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Replica]:
    """The seeded local schema on a SQLite file, and (marked pg) on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        engine = local_engine(tmp_path / "replica.sqlite3")
    else:
        engine = create_engine(normalise_url(request.getfixturevalue("pg_url")))
    LocalBase.metadata.create_all(engine)
    factory = session_factory(engine)
    with factory.begin() as session:
        seed(session)
    clock = FakeClock()
    config = make_config(tmp_path)
    yield Replica(engine, factory, config, clock, ServiceContext(factory, config, clock), request.param)
    engine.dispose()

"""The 24-period consumption chart on a replica cut to 13 months: older periods from central when it answers."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from db.engine import central_engine, local_engine, session_factory
from kiosk.central.seed import seed_database
from kiosk.config import parse_config
from kiosk.services.account import AccountService
from kiosk.services.api import CustomerSession
from kiosk.services.context import ServiceContext
from kiosk.sync.engine import SyncEngine

TODAY = date(2026, 11, 1)


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    folder = tmp_path_factory.mktemp("history")
    url = f"sqlite:///{folder / 'central.db'}"
    seed_database(url, accounts=12, seed=3, profile="coop-ar", today=TODAY)
    cut, full = folder / "cut.db", folder / "full.db"
    for path, periods in ((cut, 13), (full, 0)):
        with SyncEngine(url, path, "K1", "B1", retention_periods=periods, today=lambda: TODAY) as eng:
            assert eng.run_once(push=False).ok
    return url, cut, full


def _chart(replica: Path, central: sa.Engine | None, tmp: Path) -> dict[int, list[tuple[str, object, object]]]:
    config = parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp)}})
    engine = local_engine(replica)
    clock = lambda: datetime(2026, 11, 2, 15, tzinfo=UTC)  # noqa: E731
    ctx = ServiceContext(session_factory(engine), config, clock, central=central)
    service = AccountService(ctx)
    out = {}
    try:
        with engine.connect() as conn:
            supplies = conn.execute(sa.text(
                "SELECT s.id, s.account_id FROM supplies s WHERE EXISTS "
                "(SELECT 1 FROM meter_readings m WHERE m.supply_id = s.id) ORDER BY s.id")).all()
        for supply_id, account_id in supplies:
            session = CustomerSession(account_id, "", clock(), f"t-{supply_id}")
            ctx.sessions.add(session)
            out[supply_id] = [(p.period, p.consumption, p.kind) for p in service.consumption(session, supply_id, 24)]
    finally:
        engine.dispose()
    return out


def test_older_periods_come_from_central(replicas: tuple[str, Path, Path], tmp_path: Path) -> None:
    url, cut, full = replicas
    central = central_engine(url)
    try:
        whole = _chart(full, None, tmp_path)
        assert whole and max(len(points) for points in whole.values()) == 24  # the seed has two years
        assert _chart(cut, central, tmp_path) == whole  # online: the same 24-period chart
    finally:
        central.dispose()
    offline = _chart(cut, None, tmp_path)  # no central: the window's periods only
    assert all(points and points[0][0] >= "2025-11" for points in offline.values())
    assert offline == {s: [p for p in points if p[0] >= "2025-11"] for s, points in whole.items()}
    unreachable = sa.create_engine("postgresql+psycopg://kiosk@127.0.0.1:9/none", connect_args={"connect_timeout": 1})
    try:
        assert _chart(cut, unreachable, tmp_path) == offline  # central down: no error, the window's periods
    finally:
        unreachable.dispose()

"""build_services wires one context for all services over the replica named by the configuration."""

from __future__ import annotations

from pathlib import Path

import pytest
from svc_replica import Replica

from kiosk.services.api import KioskServices
from kiosk.services.errors import CentralUnavailable, SessionExpired
from kiosk.services.factory import build_services


def test_services_share_one_context(replica: Replica) -> None:
    services = build_services(replica.config, clock=replica.clock, local=replica.engine)
    assert isinstance(services, KioskServices)
    found = services.lookup.by_number("1001", "49111")
    assert services.account.invoice_detail(None, found.id).summary == found  # the grant is shared
    with pytest.raises(CentralUnavailable) as err:  # no central configured
        services.auth.login("1001", "2580")
    assert err.value.code == "login_unavailable"
    assert services.info.sync_status().data_age_seconds == 12 * 60
    assert services.printing.status().can_print


def test_default_replica_is_the_configured_file(replica: Replica) -> None:
    if replica.backend != "sqlite":
        pytest.skip("the default replica is the SQLite file under kiosk.data_dir")
    assert str(replica.config.local_db_path) == replica.engine.url.database
    services = build_services(replica.config, clock=replica.clock)
    assert services.lookup.by_number("1001", "49111").number == "0021-00049111"
    with pytest.raises(SessionExpired):
        services.account.overview(replica.login())  # sessions of another kiosk context are not live here


def test_login_through_the_configured_central(replica: Replica, tmp_path: Path) -> None:

    import db.models  # noqa: F401
    from db.base import CentralBase
    from db.central_ddl import set_login_policy
    from db.engine import central_engine
    from db.migrate import upgrade_central
    from kiosk.central.credentials import set_credentials

    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    upgrade_central(url)
    engine = central_engine(url)
    tables = CentralBase.metadata.tables
    with engine.begin() as conn:
        set_login_policy(conn, bcrypt_cost=4)
        conn.execute(tables["customers"].insert().values(id=1, first_name="Juan", last_name="P", document_number="1"))
        conn.execute(tables["accounts"].insert().values(id=1001, customer_id=1, currency="ARS"))
        set_credentials(conn, 1001, "2580")
    engine.dispose()
    config = replica.config.model_copy(update={"central": replica.config.central.model_copy(update={"url": url})})
    services = build_services(config, clock=replica.clock, local=replica.engine)
    session = services.auth.login("1001", "2580")
    assert services.account.overview(session).holder_first_name == "Juan"
    services.auth.logout(session)
    with pytest.raises(SessionExpired):
        services.account.overview(session)

"""build_services wires one context for all services over the replica named by the configuration."""

from __future__ import annotations

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

"""The window applies remote settings at the next idle moment, never in the middle of a customer's visit."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from tests_ui_window import settle

from db.engine import local_engine
from db.models import LocalKioskSetting
from kiosk import remote_config as rc
from kiosk.sync.engine import create_replica
from kiosk.sync.heartbeat import out_of_service

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def _wire(window: Any, tmp_path: Path, rows: list[tuple[str, str, str, object]], world: Any = None) -> sa.Engine:
    """A real replica holding `rows`, and the window's remote-config provider reading it (as ui.cli.run_cmd).

    The fake services read the out-of-service flag from `world`, not the replica: the provider copies what refresh
    wrote into kiosk_state there, as the real staff service would read it back."""
    path = tmp_path / "remote.sqlite3"
    create_replica(path)
    engine = local_engine(path)
    with engine.begin() as conn:
        for i, (scope, scope_id, key, value) in enumerate(rows, 1):
            conn.execute(sa.insert(LocalKioskSetting).values(id=i, scope=scope, scope_id=scope_id, key=key,
                                                             value=json.dumps(value), updated_at=NOW, row_version=i))
    file_config = window.ctx.config

    def provider() -> rc.Effective:
        eff = rc.refresh(engine, file_config)
        if world is not None:
            with engine.connect() as conn:
                world.out_of_service, world.service_message = out_of_service(conn)
        return eff

    window.remote_config = provider
    return engine


def test_applied_at_home_when_idle(kiosk_window: Any, tmp_path: Path) -> None:
    window = kiosk_window
    followed: list[Any] = []
    window.on_config_applied.append(followed.append)
    _wire(window, tmp_path, [("fleet", "", "ui.idle_timeout", 120), ("branch", "S01", "ui.banner_message",
                                                                      "Mañana cerramos a las 13"),
                             ("kiosk", "S01/K01", "central.sync_interval", 30),
                             ("kiosk", "S01/K01", "kiosk.id", "K99")])
    assert window.current_name() == "home" and not window.idle_matters()
    window.on_sync_round(None)  # what SyncBridge.round_finished triggers
    settle(window)
    assert window.ctx.config.ui.idle_timeout == 120 and window.ctx.config.central.sync_interval == 30
    assert window.ctx.config.kiosk.id == "K01"  # a device key never changes remotely
    assert window.watchdog._idle.interval() == 120_000
    assert [c.ui.idle_timeout for c in followed] == [120]
    home = window.screens["home"]
    assert home.banner_notice.isVisible() and home.banner_notice.text.text() == "Mañana cerramos a las 13"
    assert not window.remote_pending


def test_waits_for_the_customer_to_leave(kiosk_window: Any, kiosk_world: Any, tmp_path: Path) -> None:
    window = kiosk_window
    _wire(window, tmp_path, [("fleet", "", "ui.idle_timeout", 150), ("fleet", "", rc.OUT_OF_SERVICE, True),
                             ("fleet", "", rc.SERVICE_MESSAGE, "Mantenimiento programado")], kiosk_world)
    window.go("faq")  # a customer is using the kiosk
    window.on_sync_round(None)
    settle(window)
    assert window.ctx.config.ui.idle_timeout == 60 and window.remote_pending
    assert window.current_name() == "faq" and not window.staff_out_of_service
    window.end_session()  # logout or the idle timeout
    settle(window)
    assert window.ctx.config.ui.idle_timeout == 150 and not window.remote_pending
    assert window.staff_out_of_service and window.staff_service_message == "Mantenimiento programado"
    home = window.screens["home"]
    assert home.notice.isVisible() and not home.banner_notice.isVisible()


def test_a_refused_value_changes_nothing_in_the_window(kiosk_window: Any, tmp_path: Path) -> None:
    window = kiosk_window
    engine = _wire(window, tmp_path, [("kiosk", "S01/K01", "ui.idle_timeout", 2)])
    window.on_sync_round(None)
    settle(window)
    assert window.ctx.config.ui.idle_timeout == 60 and window.watchdog._idle.interval() == 60_000
    with engine.connect() as conn:
        assert "ui.idle_timeout" in rc.rejected(conn)


@pytest.mark.pg
def test_set_on_a_postgresql_central_reaches_the_window(kiosk_window: Any, tmp_path: Path, pg_url: str) -> None:
    """The whole way: `central config set` on PostgreSQL, a sync round into the replica, applied at idle."""
    from kiosk.cli import main
    from kiosk.cli.central_init import init_central
    from kiosk.sync.engine import SyncEngine

    init_central(pg_url)
    assert main(["central", "config", "set", "--url", pg_url, "--branch", "S01", "ui.idle_timeout=75",
                 "ui.banner_message=Hoy atendemos hasta las 14"]) == 0
    assert main(["central", "config", "set", "--url", pg_url, "--kiosk", "S01/K02", "ui.idle_timeout=300"]) == 0
    replica = tmp_path / "pulled.sqlite3"
    with SyncEngine(pg_url, replica, "K01", "S01") as eng:
        assert eng.run_once(send_heartbeat=False).ok
    engine = local_engine(replica)
    file_config = kiosk_window.ctx.config
    kiosk_window.remote_config = lambda: rc.refresh(engine, file_config)
    kiosk_window.on_sync_round(None)
    settle(kiosk_window)
    assert kiosk_window.ctx.config.ui.idle_timeout == 75  # the branch's; K02's own value is not K01's
    assert kiosk_window.screens["home"].banner_notice.text.text() == "Hoy atendemos hasta las 14"
    engine.dispose()


def test_run_wires_the_replica_and_applies_at_start(kiosk_window: Any, tmp_path: Path) -> None:
    """ui.cli.run_cmd's wiring: the kiosk's own replica, settings pulled before this start applied when idle, and
    services built later start with the applied configuration."""
    from ui.cli.run_cmd import remote_config

    config = kiosk_window.ctx.config
    create_replica(config.local_db_path)
    engine = local_engine(config.local_db_path)
    with engine.begin() as conn:
        conn.execute(sa.insert(LocalKioskSetting).values(id=1, scope="fleet", scope_id="", key="printer.paper",
                                                         value='"a4"', updated_at=NOW, row_version=1))
    engine.dispose()
    built: dict[str, Any] = {"config": config}
    remote_config(kiosk_window, config, "usted", built)
    settle(kiosk_window)
    assert kiosk_window.ctx.config.printer.paper == "a4" and built["config"].printer.paper == "a4"

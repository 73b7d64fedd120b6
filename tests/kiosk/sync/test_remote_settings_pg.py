"""Remote settings round trip on PostgreSQL: set with the CLI on central -> pulled by a kiosk's own login role ->
applied on the kiosk -> a refused value reported back in its heartbeat. A kiosk reads only the settings for it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from db.central_ddl import create_kiosk_login, kiosk_role_name
from db.engine import central_engine, local_engine
from kiosk import remote_config as rc
from kiosk.cli import main
from kiosk.cli.central_init import init_central
from kiosk.config import Config, parse_config
from kiosk.sync.engine import SyncEngine

pytestmark = pytest.mark.pg


@pytest.fixture
def fleet(pg_url: str) -> Iterator[tuple[str, dict[str, str], tuple[str, str]]]:
    """(admin URL, {"A": URL of kiosk b1/KX, "B": URL of kiosk b2/KX}, (b1, b2)): one kiosk id in two branches."""
    b1, b2 = (f"T{uuid.uuid4().hex[:8]}" for _ in range(2))
    init_central(pg_url)
    admin = central_engine(pg_url)
    urls = {}
    with admin.begin() as conn:
        for key, branch in (("A", b1), ("B", b2)):
            role = create_kiosk_login(conn, branch, "KX", f"pw-{key}")
            urls[key] = make_url(pg_url).set(username=role, password=f"pw-{key}").render_as_string(
                hide_password=False)
    try:
        yield pg_url, urls, (b1, b2)
    finally:
        with admin.begin() as conn:
            for branch in (b1, b2):
                role = kiosk_role_name(branch, "KX")
                conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r"),
                             {"r": role})
                conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
                conn.exec_driver_sql(f'DROP ROLE "{role}"')
        admin.dispose()


def _set(url: str, *args: str) -> None:
    assert main(["central", "config", "set", "--url", url, *args]) == 0


def _kiosk(tmp_path: Path, name: str, branch: str, url: str) -> Config:
    return parse_config({"kiosk": {"id": "KX", "branch": branch, "data_dir": str(tmp_path / name)},
                         "central": {"url": url}, "ui": {"idle_timeout": 90}})


def test_round_trip_and_refusal_reported_in_the_heartbeat(
        fleet: tuple[str, dict[str, str], tuple[str, str]], tmp_path: Path) -> None:
    admin_url, urls, (b1, b2) = fleet
    _set(admin_url, "--fleet", "ui.idle_timeout=120", "printer.paper=a4")
    _set(admin_url, "--branch", b1, "ui.banner_message=Sucursal cerrada el lunes", "logging.level=DEBUG")
    _set(admin_url, "--kiosk", f"{b1}/KX", "ui.idle_timeout=45")
    _set(admin_url, "--kiosk", f"{b2}/KX", "ui.idle_timeout=30")
    config = _kiosk(tmp_path, "a", b1, urls["A"])
    with SyncEngine.from_config(config) as eng:
        assert eng.run_once().ok
    replica = local_engine(config.local_db_path)
    eff = rc.refresh(replica, config)
    assert eff.values["ui.idle_timeout"] == (45, "kiosk")
    assert eff.values["printer.paper"] == ("a4", "fleet")
    assert eff.values["ui.banner_message"] == ("Sucursal cerrada el lunes", "branch")
    assert eff.config.logging.level == "DEBUG" and eff.rejected == {}
    # a bad value reaches central behind the CLI's back (an older tool, a hand-written UPDATE)
    admin = central_engine(admin_url)
    with admin.begin() as conn:
        conn.execute(sa.text("UPDATE kiosk_settings SET value = '5' WHERE scope = 'kiosk' AND scope_id = :k"),
                     {"k": f"{b1}/KX"})
    with SyncEngine.from_config(config) as eng:
        assert eng.run_once(send_heartbeat=False).ok
        eff = rc.refresh(replica, config)  # what the window does after the round
        assert eff.values["ui.idle_timeout"] == (45, "kiosk")  # the previous value stays
        eng.heartbeat()
    with admin.connect() as conn:
        reported = conn.execute(sa.text("SELECT settings_rejected FROM heartbeats WHERE branch_id = :b AND "
                                        "kiosk_id = 'KX'"), {"b": b1}).scalar_one()
    assert json.loads(reported) == {
        "ui.idle_timeout": "kiosk: ui.idle_timeout: Input should be greater than or equal to 10"}
    # IT fixes it with the CLI: applied, and the heartbeat stops reporting it
    _set(admin_url, "--kiosk", f"{b1}/KX", "ui.idle_timeout=60")
    with SyncEngine.from_config(config) as eng:
        assert eng.run_once(send_heartbeat=False).ok
        assert rc.refresh(replica, config).values["ui.idle_timeout"] == (60, "kiosk")
        eng.heartbeat()
    with admin.connect() as conn:
        assert conn.execute(sa.text("SELECT settings_rejected FROM heartbeats WHERE branch_id = :b"),
                            {"b": b1}).scalar_one() == "{}"
    # unset at the kiosk: the tombstone arrives, the fleet value applies
    assert main(["central", "config", "unset", "--url", admin_url, "--kiosk", f"{b1}/KX", "ui.idle_timeout"]) == 0
    with SyncEngine.from_config(config) as eng:
        assert eng.run_once(send_heartbeat=False).ok
    assert rc.refresh(replica, config).values["ui.idle_timeout"] == (120, "fleet")
    replica.dispose()
    admin.dispose()


def test_a_kiosk_role_reads_only_the_settings_for_it(
        fleet: tuple[str, dict[str, str], tuple[str, str]], tmp_path: Path) -> None:
    admin_url, urls, (b1, b2) = fleet
    _set(admin_url, "--fleet", "ui.idle_timeout=120")
    _set(admin_url, "--branch", b1, "printer.paper=a4")
    _set(admin_url, "--branch", b2, "printer.paper=roll")
    _set(admin_url, "--kiosk", f"{b1}/KX", "ui.banner_message=uno")
    _set(admin_url, "--kiosk", f"{b2}/KX", "ui.banner_message=dos")
    _set(admin_url, "--kiosk", f"{b1}/KY", "ui.banner_message=vecino")
    seen = {}
    for key, url in urls.items():
        engine = central_engine(url)
        with engine.connect() as conn:
            seen[key] = sorted(conn.execute(sa.text("SELECT scope, scope_id, key FROM kiosk_own_settings")).all())
            with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
                conn.execute(sa.text("SELECT count(*) FROM kiosk_settings"))
            conn.rollback()
            with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
                conn.execute(sa.text("UPDATE kiosk_own_settings SET value = '1'"))
        engine.dispose()
    assert seen["A"] == sorted([("fleet", "", "ui.idle_timeout"), ("branch", b1, "printer.paper"),
                                ("kiosk", f"{b1}/KX", "ui.banner_message")])
    assert seen["B"] == sorted([("fleet", "", "ui.idle_timeout"), ("branch", b2, "printer.paper"),
                                ("kiosk", f"{b2}/KX", "ui.banner_message")])
    # and the pull through the role brings exactly those rows into the replica
    config = _kiosk(tmp_path, "b", b2, urls["B"])
    with SyncEngine.from_config(config) as eng:
        assert eng.run_once(send_heartbeat=False).ok
    replica = local_engine(config.local_db_path)
    with replica.connect() as conn:
        got = sorted((r.scope, r.scope_id, r.key) for r in rc.read_rows(conn))
    replica.dispose()
    assert got == seen["B"]

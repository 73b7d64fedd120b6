"""Remote configuration on the kiosk: precedence, the whitelist, refusals that keep the previous value, the flag."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from db.engine import local_engine
from db.models import KioskState, LocalKioskSetting
from kiosk import remote_config as rc
from kiosk.config import Config, parse_config
from kiosk.sync.engine import create_replica
from kiosk.sync.heartbeat import out_of_service

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def _config(tmp_path: Path) -> Config:
    return parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path)},
                         "ui": {"idle_timeout": 90}, "logging": {"level": "INFO"}})


def _row(scope: str, scope_id: str, key: str, value: object) -> rc.SettingRow:
    return rc.SettingRow(scope, scope_id, key, json.dumps(value))


@pytest.fixture
def replica(tmp_path: Path) -> sa.Engine:
    path = tmp_path / "replica.sqlite3"
    create_replica(path)
    return local_engine(path)


def _store(engine: sa.Engine, *rows: rc.SettingRow) -> None:
    with engine.begin() as conn:
        conn.execute(sa.delete(LocalKioskSetting))
        for i, r in enumerate(rows, 1):
            conn.execute(sa.insert(LocalKioskSetting).values(
                id=i, scope=r.scope, scope_id=r.scope_id, key=r.key, value=r.value, updated_at=NOW, row_version=i))


def test_kiosk_over_branch_over_fleet_over_file(tmp_path: Path) -> None:
    cfg = _config(tmp_path)
    eff = rc.compute(cfg, [
        _row("kiosk", "B1/K1", "ui.idle_timeout", 45), _row("fleet", "", "ui.idle_timeout", 120),
        _row("branch", "B1", "ui.idle_timeout", 60), _row("fleet", "", "printer.paper", "a4"),
        _row("branch", "B1", "logging.level", "DEBUG"),
        # not this kiosk: another branch, and the same kiosk id in another branch
        _row("branch", "B2", "central.sync_interval", 5), _row("kiosk", "B2/K1", "ui.banner_message", "no"),
    ])
    assert eff.values["ui.idle_timeout"] == (45, "kiosk")
    assert eff.values["printer.paper"] == ("a4", "fleet")
    assert eff.values["logging.level"] == ("DEBUG", "branch")
    assert eff.values["central.sync_interval"] == (60.0, "file")
    assert eff.values["ui.banner_message"] == ("", "file")
    assert (eff.config.ui.idle_timeout, eff.config.printer.paper, eff.config.logging.level) == (45, "a4", "DEBUG")
    assert eff.config.kiosk == cfg.kiosk and eff.config.central.url == cfg.central.url
    assert eff.rejected == {}


def test_device_and_unknown_keys_are_refused_with_a_reason(tmp_path: Path) -> None:
    cfg = _config(tmp_path)
    eff = rc.compute(cfg, [_row("fleet", "", "central.url", "postgresql://evil/db"),
                           _row("kiosk", "B1/K1", "kiosk.id", "K9"), _row("fleet", "", "payments.hmac_key", "x"),
                           _row("fleet", "", "ui.nonsense", 1)])
    assert eff.config == cfg
    assert set(eff.rejected) == {"central.url", "kiosk.id", "payments.hmac_key", "ui.nonsense"}
    assert "only the kiosk's file sets it" in eff.rejected["central.url"]
    assert eff.rejected["kiosk.id"].startswith("kiosk: kiosk.id: only the kiosk's file")
    assert "unknown key" in eff.rejected["ui.nonsense"]


def test_values_are_validated_like_the_file(tmp_path: Path) -> None:
    cfg = _config(tmp_path)
    for key, bad in (("ui.idle_timeout", 5), ("printer.paper", "letter"), ("logging.level", "LOUD"),
                     ("printer.roll_length_m", -1), ("central.sync_interval", "soon"), ("ui.banner_message", "x" * 201),
                     (rc.OUT_OF_SERVICE, "yes"), (rc.FORM_OF_ADDRESS, "vos")):
        eff = rc.compute(cfg, [_row("fleet", "", key, bad)], form_of_address="usted")
        assert key in eff.rejected, key
        assert eff.config == cfg
    with pytest.raises(rc.RemoteValueError, match="greater than or equal to 10"):
        rc.validate(cfg, "ui.idle_timeout", 5)
    assert rc.validate(cfg, rc.FORM_OF_ADDRESS, "usted", form_of_address="usted") == "usted"
    eff = rc.compute(cfg, [rc.SettingRow("fleet", "", "ui.idle_timeout", "{oops")])
    assert "not JSON" in eff.rejected["ui.idle_timeout"]


def test_a_refused_value_keeps_the_previous_one_and_is_recorded(tmp_path: Path, replica: sa.Engine) -> None:
    cfg = _config(tmp_path)
    _store(replica, _row("fleet", "", "ui.idle_timeout", 120), _row("kiosk", "B1/K1", "ui.idle_timeout", 45))
    assert rc.refresh(replica, cfg).config.ui.idle_timeout == 45
    _store(replica, _row("fleet", "", "ui.idle_timeout", 120), _row("kiosk", "B1/K1", "ui.idle_timeout", 3))
    eff = rc.refresh(replica, cfg)
    assert eff.config.ui.idle_timeout == 45 and eff.values["ui.idle_timeout"] == (45, "kiosk")
    with replica.connect() as conn:
        assert rc.rejected(conn) == {"ui.idle_timeout": "kiosk: ui.idle_timeout: Input should be greater than or "
                                                        "equal to 10"}
    _store(replica, _row("fleet", "", "ui.idle_timeout", 120))  # IT removed the bad kiosk value
    eff = rc.refresh(replica, cfg)
    assert eff.values["ui.idle_timeout"] == (120, "fleet")
    with replica.connect() as conn:
        assert rc.rejected(conn) == {}
    _store(replica)  # and the fleet value: back to the file
    assert rc.refresh(replica, cfg).values["ui.idle_timeout"] == (90, "file")


def test_remote_out_of_service_sets_the_flag_when_it_changes(tmp_path: Path, replica: sa.Engine) -> None:
    cfg = _config(tmp_path)
    _store(replica, _row("branch", "B1", rc.OUT_OF_SERVICE, True),
           _row("branch", "B1", rc.SERVICE_MESSAGE, "Cerrado por inventario"))
    eff = rc.refresh(replica, cfg)
    assert eff.out_of_service == (True, "Cerrado por inventario")
    with replica.connect() as conn:
        assert out_of_service(conn) == (True, "Cerrado por inventario")
    with replica.begin() as conn:  # staff put it back in service at the kiosk
        conn.execute(sa.update(KioskState).where(KioskState.key == "maintenance.out_of_service").values(value="0"))
    rc.refresh(replica, cfg)  # the same remote value again: staff's decision stands
    with replica.connect() as conn:
        assert out_of_service(conn) == (False, "")
    _store(replica, _row("branch", "B1", rc.OUT_OF_SERVICE, False))
    rc.refresh(replica, cfg)
    _store(replica, _row("branch", "B1", rc.OUT_OF_SERVICE, True))
    rc.refresh(replica, cfg)  # a new remote decision applies again
    with replica.connect() as conn:
        assert out_of_service(conn) == (True, "")


def test_no_remote_rows_means_the_file(tmp_path: Path, replica: sa.Engine) -> None:
    cfg = _config(tmp_path)
    eff = rc.refresh(replica, cfg)
    assert eff.config == cfg and eff.out_of_service is None
    assert {src for _, src in eff.values.values()} == {"file"}

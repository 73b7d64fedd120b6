"""`central config set|get|unset` on a SQLite central (the demo's), and the round trip to a kiosk's replica."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from db.engine import central_engine, local_engine
from kiosk import remote_config as rc
from kiosk.cli import main
from kiosk.config import parse_config
from kiosk.sync.engine import SyncEngine


@pytest.fixture
def central(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    assert main(["central", "init", "--url", url]) == 0
    return url


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["central", "config", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_set_get_unset(central: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert _cli(capsys, "set", "--url", central, "--fleet", "ui.idle_timeout=120", "ui.banner_message=Hola")[0] == 0
    assert _cli(capsys, "set", "--url", central, "--branch", "B1", "printer.paper=a4")[0] == 0
    assert _cli(capsys, "set", "--url", central, "--branch", "B1", "--kiosk", "K1", "ui.idle_timeout=45")[0] == 0
    assert _cli(capsys, "set", "--url", central, "--kiosk", "B1/K1", "ui.idle_timeout=50", "--by", "it-ana")[0] == 0
    code, out, _ = _cli(capsys, "get", "--url", central, "--kiosk", "B1/K1", "--json")
    rows = {(r["scope"], r["key"]): r for r in json.loads(out)}
    assert code == 0 and set(rows) == {("fleet", "ui.idle_timeout"), ("fleet", "ui.banner_message"),
                                       ("branch", "printer.paper"), ("kiosk", "ui.idle_timeout")}
    assert rows[("kiosk", "ui.idle_timeout")]["value"] == 50 and rows[("kiosk", "ui.idle_timeout")]["effective"]
    assert rows[("kiosk", "ui.idle_timeout")]["updated_by"] == "it-ana"
    assert not rows[("fleet", "ui.idle_timeout")]["effective"]
    code, out, _ = _cli(capsys, "get", "--url", central)
    assert "branch B1" in out and "kiosk B1/K1" in out and "fleet" in out
    code, out, _ = _cli(capsys, "unset", "--url", central, "--fleet", "ui.banner_message")
    assert code == 0 and "unset ui.banner_message" in out
    code, out, _ = _cli(capsys, "get", "--url", central, "--fleet", "--json")
    assert [r["key"] for r in json.loads(out)] == ["ui.idle_timeout"]


@pytest.mark.parametrize(("args", "message"), [
    (["--fleet", "ui.idle_timeout=5"], "ui.idle_timeout: Input should be greater than or equal to 10"),
    (["--fleet", "central.url=postgresql://x/y"], "central.url: only the kiosk's file sets it"),
    (["--branch", "B1", "kiosk.branch=B2"], "kiosk.branch: only the kiosk's file sets it"),
    (["--fleet", "ui.colour=red"], "ui.colour: unknown key"),
    (["--fleet", "printer.paper=letter"], "printer.paper: Input should be 'roll' or 'a4'"),
    (["--fleet", "noequals"], "expected KEY=VALUE"),
    (["--kiosk", "K1", "ui.idle_timeout=60"], "--kiosk needs its branch"),
    (["ui.idle_timeout=60"], "give one of --fleet, --branch B, --kiosk B/K"),
    (["--branch", "B/1", "ui.idle_timeout=60"], "branch 'B/1': 1 to 16"),
])
def test_bad_input_is_one_line_and_nothing_is_written(central: str, capsys: pytest.CaptureFixture[str],
                                                      args: list[str], message: str) -> None:
    capsys.readouterr()
    code, _, err = _cli(capsys, "set", "--url", central, *args)
    assert code == 2, err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    engine = central_engine(central)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM kiosk_settings").scalar_one() == 0
    engine.dispose()


def test_round_trip_to_the_kiosk_on_a_sqlite_central(central: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    config = parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path / "k1")},
                           "central": {"url": central}})
    assert main(["central", "config", "set", "--url", central, "--fleet", "ui.idle_timeout=120",
                 "printer.roll_length_m=50"]) == 0
    assert main(["central", "config", "set", "--url", central, "--kiosk", "B1/K1", "ui.idle_timeout=45"]) == 0
    assert main(["central", "config", "set", "--url", central, "--kiosk", "B2/K1", "ui.idle_timeout=30"]) == 0
    with SyncEngine.from_config(config) as eng:
        assert eng.run_once().ok
    replica = local_engine(config.local_db_path)
    eff = rc.refresh(replica, config)
    assert eff.values["ui.idle_timeout"] == (45, "kiosk")
    assert eff.values["printer.roll_length_m"] == (50.0, "fleet")
    # unset at the kiosk level: the tombstone reaches the replica, the fleet value applies again
    assert main(["central", "config", "unset", "--url", central, "--kiosk", "B1/K1", "ui.idle_timeout"]) == 0
    with SyncEngine.from_config(config) as eng:
        assert eng.run_once().ok
    assert rc.refresh(replica, config).values["ui.idle_timeout"] == (120, "fleet")
    # doctor shows each effective value and its level
    toml = tmp_path / "kiosk.toml"
    toml.write_text(f'[kiosk]\nid = "K1"\nbranch = "B1"\ndata_dir = "{tmp_path / "k1"}"\n'
                    f'[central]\nurl = "{central}"\n[printer]\nbackend = "pdf-folder"\nfolder = "{tmp_path}"\n')
    capsys.readouterr()
    main(["doctor", "--config", str(toml), "--json"])
    settings = {s["key"]: s for s in json.loads(capsys.readouterr().out)["settings"]}
    assert (settings["ui.idle_timeout"]["value"], settings["ui.idle_timeout"]["source"]) == (120, "fleet")
    assert (settings["logging.level"]["value"], settings["logging.level"]["source"]) == ("INFO", "file")
    main(["doctor", "--config", str(toml)])
    text = capsys.readouterr().out
    assert "ui.idle_timeout" in text and "[fleet]" in text and "[file]" in text
    replica.dispose()
    with sa.create_engine(central).connect() as conn:  # the demo central has no roles: the kiosk filters itself
        assert conn.exec_driver_sql("SELECT count(*) FROM kiosk_settings").scalar_one() == 3

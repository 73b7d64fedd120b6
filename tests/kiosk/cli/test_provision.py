"""`python -m kiosk provision` writes a file the kiosk accepts, and refuses bad input in one line."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import load_config


def test_provision_writes_a_valid_private_config(tmp_path: Path) -> None:
    out = tmp_path / "etc" / "kiosk.toml"
    rc = main(
        [
            "provision", "--branch", "B001", "--kiosk", "K07", "--central", "postgresql://kiosk:pw@db/utility",
            "--printer", "escpos", "--printer-host", "10.0.0.9", "--branch-name", "Sucursal Güemes",
            "--out", str(out),
        ]
    )
    assert rc == 0
    config = load_config(out)
    assert (config.kiosk.id, config.kiosk.branch, config.kiosk.branch_name) == ("K07", "B001", "Sucursal Güemes")
    assert config.printer.backend == "escpos" and config.printer.escpos_host == "10.0.0.9"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_provision_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kiosk.toml"
    out.write_text("keep me")
    rc = main(["provision", "--branch", "B1", "--kiosk", "K1", "--central", "sqlite:///c.db", "--out", str(out)])
    assert rc == 2
    assert "pass --force" in capsys.readouterr().err
    assert out.read_text() == "keep me"


def test_provision_rejects_bad_ids_without_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kiosk.toml"
    rc = main(["provision", "--branch", "B 1", "--kiosk", "K1", "--central", "sqlite:///c.db", "--out", str(out)])
    assert rc == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "kiosk.branch" in err and "\n" not in err
    assert not out.exists()


def test_escpos_needs_a_host(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(
        ["provision", "--branch", "B1", "--kiosk", "K1", "--central", "sqlite:///c.db", "--printer", "escpos",
         "--out", str(tmp_path / "k.toml")]
    )
    assert rc == 2
    assert "--printer-host" in capsys.readouterr().err

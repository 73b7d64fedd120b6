"""An unknown database driver in the configuration is one line and exit 2 from doctor and sync, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main

BAD = "postgresql+nosuchdriver://kiosk@127.0.0.1:5432/central"


@pytest.mark.parametrize(("command", "status"), [(["doctor"], 1), (["sync", "--once"], 2)])
def test_unknown_driver_in_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], status: int
) -> None:
    """doctor lists it as its failed config check (exit 1, its convention); sync exits 2 (configuration)."""
    config = tmp_path / "kiosk.toml"
    config.write_text(f"[kiosk]\nid='K01'\nbranch='B01'\ndata_dir='{tmp_path}'\n[central]\nurl='{BAD}'\n")
    assert main([*command, "--config", str(config)]) == status
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text and text.count("\n") == 1, text
    assert "central.url: unsupported database driver 'postgresql+nosuchdriver'" in text


def test_unknown_driver_on_the_sync_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["sync", "--once", "--central", BAD, "--replica", str(tmp_path / "r.db"), "--kiosk-id", "K01",
            "--branch", "B01"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err == "error: --central: unsupported database driver 'postgresql+nosuchdriver' (use one of postgresql, " \
        "postgres, postgresql+psycopg, sqlite, sqlite+pysqlite)\n"

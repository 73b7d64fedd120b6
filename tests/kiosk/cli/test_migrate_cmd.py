"""`python -m kiosk migrate` (the .deb's postinst at an upgrade): the replica to this build's schema, no central
needed; no replica yet is not an error."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from db.migrate import _config, downgrade_local, local_head, upgrade_local
from kiosk.cli import main


def write_config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'[kiosk]\nid = "K1"\nbranch = "B1"\ndata_dir = "{tmp_path}"\n', encoding="utf-8")
    return path


def test_an_older_replica_is_upgraded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """(That the outbox survives an upgrade is tests/kiosk/sync/test_schema_upgrades.py's, on the same call.)"""
    replica = tmp_path / "replica.sqlite3"
    upgrade_local(replica)
    previous = ScriptDirectory.from_config(_config("local")).get_revision(local_head()).down_revision
    assert isinstance(previous, str)
    downgrade_local(replica, previous)

    assert main(["migrate", "--config", str(write_config(tmp_path))]) == 0
    assert f"upgraded from {previous} to {local_head()}" in capsys.readouterr().out
    with closing(sqlite3.connect(replica)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == local_head()

    assert main(["migrate", "--config", str(write_config(tmp_path))]) == 0
    assert f"already at {local_head()}" in capsys.readouterr().out


def test_no_replica_yet_is_said_not_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate", "--config", str(write_config(tmp_path))]) == 0
    assert "none yet" in capsys.readouterr().out
    assert not (tmp_path / "replica.sqlite3").exists()


def test_a_bad_config_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate", "--config", str(tmp_path / "missing.toml")]) == 2
    assert "configuration file not found" in capsys.readouterr().err

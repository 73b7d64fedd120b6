"""The replica file is private: it holds contact phones and document numbers until they are pushed."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa

import db.models  # noqa: F401  (registers the tables on LocalBase)
from db.base import LocalBase
from db.engine import local_engine


def test_replica_file_and_folder_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)  # the usual umask, which made them 0644 in 0755
    try:
        replica = tmp_path / "data" / "replica.sqlite3"
        engine = local_engine(replica)
        LocalBase.metadata.create_all(engine)
        with engine.connect() as conn:  # WAL and SHM exist while a connection is open
            conn.execute(sa.text("SELECT count(*) FROM outbox"))
            modes = {p.name: p.stat().st_mode & 0o777 for p in replica.parent.iterdir()}
            assert modes == {"replica.sqlite3": 0o600, "replica.sqlite3-wal": 0o600, "replica.sqlite3-shm": 0o600}
        engine.dispose()
        assert replica.parent.stat().st_mode & 0o777 == 0o700
        loose = tmp_path / "old.sqlite3"
        loose.touch(mode=0o644)
        local_engine(loose).dispose()
        assert loose.stat().st_mode & 0o777 == 0o600  # an existing replica is tightened
    finally:
        os.umask(old)

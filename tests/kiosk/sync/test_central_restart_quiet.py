"""A PostgreSQL restart in the middle of a pull costs one round, reported once: no "Exception during reset"
traceback on stderr from the pool, and the next round gets a fresh connection."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from db.engine import normalise_url
from kiosk.sync.engine import SyncEngine

pytestmark = pytest.mark.pg


def test_a_connection_central_dropped_is_discarded_quietly(
    pg_url: str, tmp_path: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    admin = sa.create_engine(normalise_url(pg_url), isolation_level="AUTOCOMMIT")
    engine = SyncEngine(pg_url, tmp_path / "replica.sqlite3", "K1", "B1")
    try:
        # psycopg.OperationalError is what the fast pull's raw cursor raises.
        with pytest.raises(psycopg.OperationalError), engine._central_conn("pull", True) as conn:
            pid = conn.execute(sa.text("SELECT pg_backend_pid()")).scalar()
            with admin.connect() as other:  # the server goes away under this connection
                other.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            cursor.execute("SELECT 1")
        with engine._central_conn("pull", True) as conn:  # the pool handed out a live connection, not the dead one
            assert conn.execute(sa.text("SELECT 1")).scalar() == 1
    finally:
        engine.close()
        admin.dispose()
    err = capfd.readouterr().err
    assert "Exception during reset" not in err and "Traceback" not in err, err
    assert not [r for r in caplog.records if r.levelno >= 30 and r.name.startswith("sqlalchemy")]

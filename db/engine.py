"""Engine and session factories for the local replica and the central database.

The replica is SQLite in WAL mode so the sync thread can write while screens read; each thread or process
makes its own engine (connections are never shared across threads).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.execute("PRAGMA cache_size=-32000")
    cur.close()


def sqlite_url(path: Path | str) -> str:
    return f"sqlite+pysqlite:///{Path(path)}"


def private_replica_file(path: Path | str) -> None:
    """Create the replica file 0600 (its directory 0700 when we make it), or tighten an existing file to 0600.

    The replica holds contact phones of claims and document numbers of PIN requests until they are pushed:
    nobody but the kiosk's user may read it. SQLite gives the -wal and -shm files the main file's mode.
    """
    file = Path(path)
    if not file.parent.exists():
        file.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        file.parent.chmod(0o700)  # mkdir's mode is filtered by the umask
    os.close(os.open(file, os.O_CREAT | os.O_RDWR, 0o600))
    if file.stat().st_mode & 0o077:
        file.chmod(0o600)


def local_engine(path: Path | str) -> Engine:
    """Engine on the kiosk's replica file (created on first use, private: see private_replica_file)."""
    if str(path) != ":memory:":
        private_replica_file(path)
    engine = create_engine(sqlite_url(path))
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def normalise_url(url: str) -> str:
    """Accept postgresql:// and postgres:// as psycopg 3 URLs; keep anything else as given."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def central_engine(url: str, *, connect_timeout: float = 5.0, **kwargs: Any) -> Engine:
    """Engine on the central database: PostgreSQL in production, a SQLite file in the embedded demo."""
    url = normalise_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args = {"connect_timeout": max(1, int(connect_timeout))}
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True, **kwargs)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """One session per use case: `with factory.begin() as session: ...`."""
    return sessionmaker(engine, expire_on_commit=False)

"""Engine and session factories for the local replica and the central database.

The replica is SQLite in WAL mode so the sync thread can write while screens read; each thread or process
makes its own engine (connections are never shared across threads).
"""

from __future__ import annotations

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


def local_engine(path: Path | str) -> Engine:
    """Engine on the kiosk's replica file (created on first use)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
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

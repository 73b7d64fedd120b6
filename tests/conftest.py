"""Shared fixtures: PostgreSQL databases for tests that need a real server, offscreen Qt."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Commands run in-process by the tests log through kiosk.logsetup: into a scratch folder, not the user's log dir.
os.environ.setdefault("KIOSK_LOG_DIR", tempfile.mkdtemp(prefix="ventanilla-test-logs-"))

# CI (.ci/run sets HYPOTHESIS_PROFILE=ci) replays the same examples on every run, so a red CI is a regression in
# the code, not a new random draw; on a developer's machine every run draws new examples and explores further.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

PG_URL = os.environ.get("KIOSK_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REQUIRE_PG = os.environ.get("KIOSK_REQUIRE_PG") == "1"


def _pg_admin_url() -> str:
    from db.engine import normalise_url

    return normalise_url(PG_URL)


@pytest.fixture(scope="session")
def pg_server() -> str:
    """URL of a reachable PostgreSQL server, or skip (fail under KIOSK_REQUIRE_PG=1)."""
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(_pg_admin_url(), connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
        engine.dispose()
    except Exception as exc:
        if REQUIRE_PG:
            pytest.fail(f"KIOSK_REQUIRE_PG=1 but PostgreSQL is not reachable at {PG_URL}: {exc}")
        pytest.skip(
            "PostgreSQL not reachable; set KIOSK_PG_URL=postgresql://USER@HOST:PORT/DB (and KIOSK_REQUIRE_PG=1 "
            "to make this a failure) to run the PostgreSQL tests"
        )
    return _pg_admin_url()


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    name = f"kiosk_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(
                sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name}
            )
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()

"""Fixtures of the database tests: a central database URL on each engine (SQLite file, real PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def central_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty central database: a SQLite file, or a fresh PostgreSQL database (dropped afterwards)."""
    if request.param == "pg":
        return str(request.getfixturevalue("pg_url"))
    return f"sqlite+pysqlite:///{tmp_path / 'central.db'}"

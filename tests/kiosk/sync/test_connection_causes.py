"""`sync` says why central could not be reached, and a wrong setting exits differently from an outage."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sqlalchemy import exc
from sqlalchemy.engine import make_url

from kiosk.cli import main
from kiosk.sync.central import connection_cause, unavailable
from kiosk.sync.report import CentralMisconfigured, CentralUnavailable


def _sync(tmp_path: Path, url: str) -> list[str]:
    return ["sync", "--once", "--central", url, "--replica", str(tmp_path / "replica.sqlite3"), "--kiosk-id", "K1",
            "--branch", "B1", "--connect-timeout", "2"]


def test_connection_refused_is_unavailable_with_its_cause(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_sync(tmp_path, "postgresql://postgres@127.0.0.1:1/central")) == 3
    err = capsys.readouterr().err
    assert err.startswith("sync failed (central_unavailable): central database unreachable during connect: refused (")
    assert err.count("\n") == 1


@pytest.mark.pg
@pytest.mark.parametrize(
    ("change", "cause"),
    [({"database": "no_such_db_for_kiosk"}, "unknown database"), ({"username": "no_such_kiosk_role"},
                                                                     "authentication failed")],
)
def test_wrong_settings_exit_2_not_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pg_server: str, change: dict[str, str], cause: str
) -> None:
    base = make_url(pg_server)
    url = base.set(database=change.get("database", base.database), username=change.get("username", base.username))
    url_text = url.render_as_string(hide_password=False)
    assert main(_sync(tmp_path, url_text)) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"sync failed (central_config): central database refused this kiosk during connect: {cause}")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("message", "cause"),
    [
        ("connection failed: connection to server at \"10.0.0.9\", port 5432 failed: timeout expired", "timeout"),
        ("failed to resolve host 'central.example': [Errno -2] Name or service not known", "unknown host"),
        ("connection failed: FATAL:  password authentication failed for user \"kiosk\"", "authentication failed"),
        ("server closed the connection unexpectedly", "connection lost"),
        ("FATAL:  database \"utility\" does not exist", "unknown database"),
        ("something new", "OperationalError"),
    ],
)
def test_causes_from_driver_messages(message: str, cause: str) -> None:
    error = exc.OperationalError("SELECT 1", {"document_number": "30123456"}, psycopg.OperationalError(message))
    assert connection_cause(error) == (cause, message)
    mapped = unavailable(error, "pull")
    assert isinstance(mapped, CentralMisconfigured if cause in ("authentication failed", "unknown database")
                      else CentralUnavailable)
    assert "30123456" not in str(mapped)  # never the SQL parameters

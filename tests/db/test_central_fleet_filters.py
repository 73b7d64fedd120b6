"""`central fleet` filters (--branch, --stale, --out-of-service, --version), --stale-minutes, the JSON contract and
--html, on SQLite and PostgreSQL central; and the filters in SQL use the heartbeat indexes (PostgreSQL plans)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from db.engine import central_engine
from db.migrate import central_head
from kiosk.cli import main
from kiosk.cli.central_fleet import FleetFilter
from kiosk.cli.fleet_data import fleet_query
from kiosk.sync.heartbeat import HeartbeatRow, send

KIOSK_KEYS = {
    "kiosk_id", "branch_id", "app_version", "schema_version", "last_pull_at", "last_push_at", "reported_at",
    "outbox_depth", "parked", "printer_state", "paper_left_m", "free_disk_mb", "data_age_s", "uptime_seconds",
    "silent_s", "stale", "out_of_service", "service_message", "last_errors", "settings_rejected",
}


def _fleet(url: str) -> None:
    assert main(["central", "init", "--url", url]) == 0
    now = datetime.now(UTC)
    engine = central_engine(url)
    with engine.connect() as conn:
        for kiosk, branch, silent_min, version, message in (
            ("K1", "B01", 0.5, "1.4.0", None),
            ("K2", "B01", 10, "1.4.0", None),
            ("K1", "B02", 1, "1.3.2", "Sin papel"),
            ("K2", "B02", 30, "1.3.2", "Mantenimiento"),
            ("K1", "B03", 4, "1.4.0", None),
        ):
            reported = now - timedelta(minutes=silent_min)
            send(conn, HeartbeatRow(kiosk, branch, version, central_head(), reported, reported, 0, 0, "ready", 900,
                                    60, reported, out_of_service=message is not None, service_message=message or "",
                                    uptime_seconds=600, paper_left_m=33.3,
                                    settings_rejected={"log_level": "not one of DEBUG, INFO, WARNING, ERROR"}))
    engine.dispose()


def _json(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(["central", "fleet", "--url", url, "--json", *args]) == 0
    return dict(json.loads(capsys.readouterr().out))


def _ids(data: dict[str, object]) -> list[str]:
    return [f"{k['branch_id']}/{k['kiosk_id']}" for k in data["kiosks"]]  # type: ignore[attr-defined]


def test_filters_and_json_contract(central_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _fleet(central_url)
    every = _json(capsys, central_url)
    assert set(every) == {"now", "stale_after", "filters", "count", "stale", "out_of_service", "kiosks"}
    assert every["filters"] == {"branch": None, "stale": False, "out_of_service": False, "version": None}
    assert (every["count"], every["stale"], every["out_of_service"], every["stale_after"]) == (5, 3, 2, 180)
    kiosk = every["kiosks"][0]  # type: ignore[index]
    assert set(kiosk) == KIOSK_KEYS
    assert kiosk["settings_rejected"] == {"log_level": "not one of DEBUG, INFO, WARNING, ERROR"}
    assert (kiosk["paper_left_m"], kiosk["uptime_seconds"], kiosk["last_errors"]) == (33.3, 600, [])

    assert _ids(_json(capsys, central_url, "--branch", "B02")) == ["B02/K1", "B02/K2"]
    assert _ids(_json(capsys, central_url, "--stale")) == ["B01/K2", "B02/K2", "B03/K1"]
    assert _ids(_json(capsys, central_url, "--stale", "--stale-minutes", "5")) == ["B01/K2", "B02/K2"]
    assert _ids(_json(capsys, central_url, "--out-of-service")) == ["B02/K1", "B02/K2"]
    assert _ids(_json(capsys, central_url, "--version", "1.3.2")) == ["B02/K1", "B02/K2"]
    both = _json(capsys, central_url, "--stale", "--out-of-service", "--branch", "B02", "--version", "1.3.2")
    assert _ids(both) == ["B02/K2"]
    assert both["filters"] == {"branch": "B02", "stale": True, "out_of_service": True, "version": "1.3.2"}
    assert _ids(_json(capsys, central_url, "--branch", "B99")) == []
    # the marking follows the same threshold as the filter
    wide = _json(capsys, central_url, "--stale-minutes", "20")
    assert (wide["stale"], wide["stale_after"]) == (1, 1200)

    capsys.readouterr()
    assert main(["central", "fleet", "--url", central_url, "--branch", "B01"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 4 and lines[-1] == "2 kiosks, 1 stale" and "PAPER M" in lines[0]


def test_html_option(central_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fleet(central_url)
    out = tmp_path / "fleet.html"
    capsys.readouterr()
    assert main(["central", "fleet", "--url", central_url, "--html", str(out), "--out-of-service",
                 "--refresh", "0"]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: 2 kiosks, 1 stale, 2 out of service"
    text = out.read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' not in text and "Filtered: out of service." in text
    assert text.count('<tr data-order=') == 2 and "not one of DEBUG, INFO, WARNING, ERROR" in text


@pytest.mark.parametrize(("args", "message"), [
    (["--stale-minutes", "0"], "--stale-minutes must be a positive"),
    (["--stale-after", "0"], "--stale-after must be a positive"),
    (["--stale-minutes", "3", "--stale-after", "60"], "not both"),
    (["--html", "/nonexistent/dir/fleet.html"], "no such directory"),
    (["--refresh", "-1", "--html", "x.html"], "--refresh must be"),
])
def test_bad_options_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                  message: str) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    assert main(["central", "fleet", "--url", url, *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


@pytest.mark.pg
def test_fleet_queries_use_the_indexes(pg_url: str) -> None:
    """With a few thousand heartbeats every filter uses an index: --branch the primary key, --stale reported_at,
    --version app_version, --out-of-service the partial index of the kiosks that are."""
    assert main(["central", "init", "--url", pg_url]) == 0
    now = datetime.now(UTC)
    engine = central_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(
                "INSERT INTO heartbeats (branch_id, kiosk_id, app_version, schema_version, outbox_depth, parked,"
                " printer_state, free_disk_mb, reported_at, out_of_service) SELECT 'B' || lpad((i / 4)::text, 3, '0'),"
                " 'K' || (i % 4), CASE WHEN i % 50 = 0 THEN '1.3.2' ELSE '1.4.0' END, 'x', 0, 0, 'ready', 1000,"
                " :now - (CASE WHEN i % 100 = 0 THEN 3600 ELSE i % 60 END) * interval '1 second', i % 150 = 0"
                " FROM generate_series(0, 3999) AS i"), {"now": now})
            conn.execute(sa.text("ANALYZE heartbeats"))
        plans = {}
        with engine.connect() as conn:
            for name, filters in (("branch", FleetFilter(branch="B007")), ("stale", FleetFilter(stale=True)),
                                  ("version", FleetFilter(version="1.3.2")),
                                  ("oos", FleetFilter(out_of_service=True))):
                stmt = fleet_query(filters, stale_after=180, now=now).compile(dialect=conn.dialect)
                plans[name] = "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {stmt}", stmt.params))
    finally:
        engine.dispose()
    assert "pk_heartbeats" in plans["branch"] and "Seq Scan" not in plans["branch"], plans["branch"]
    assert "ix_heartbeats_reported_at" in plans["stale"] and "Seq Scan" not in plans["stale"], plans["stale"]
    assert "ix_heartbeats_app_version" in plans["version"] and "Seq Scan" not in plans["version"], plans["version"]
    assert "ix_heartbeats_out_of_service" in plans["oos"] and "Seq Scan" not in plans["oos"], plans["oos"]

"""Sync against a real PostgreSQL central: load, increments, deletes, restarts, push, offline, horizon."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sync_helpers import (
    assert_replica_matches,
    central_intake_ids,
    change_central,
    local_outbox_states,
    local_rows,
    queue_intake,
    seed_central,
)

from db.engine import central_engine, local_engine
from db.models import LocalCustomer, LocalInvoice
from kiosk.sync import schema
from kiosk.sync.engine import SyncEngine
from kiosk.sync.report import ProgressEvent
from kiosk.sync.tables import spec

pytestmark = pytest.mark.pg


@pytest.fixture
def central(pg_url: str) -> str:
    seed_central(pg_url, accounts=20)
    return pg_url


def _engine(central: str, replica: Path, **kw: object) -> SyncEngine:
    return SyncEngine(central, replica, "K1", "B1", batch_size=kw.pop("batch_size", 500), **kw)  # type: ignore[arg-type]


def test_initial_load_copies_every_table_masked(central: str, tmp_path: Path) -> None:
    replica = tmp_path / "replica.db"
    with _engine(central, replica) as eng:
        report = eng.run_once()
    assert report.ok, report.error
    assert report.total("pulled") > 2000
    assert_replica_matches(central, replica)
    # the generic (typed) path stores exactly what the SQL fast path stores
    with _engine(central, tmp_path / "generic.db", fast=False) as eng:
        assert eng.run_once().ok
    for t in ("invoices", "invoice_lines", "customers", "case_statuses", "staff"):
        assert local_rows(replica, t) == local_rows(tmp_path / "generic.db", t)
    # masked contact data only; the ORM reads typed values back
    engine = central_engine(central)
    with engine.connect() as conn:
        cid, first, last, phone, email = conn.exec_driver_sql(
            "SELECT id, first_name, last_name, phone, email FROM customers ORDER BY id LIMIT 1").one()
        inv_id, total = conn.exec_driver_sql("SELECT id, total FROM invoices ORDER BY id LIMIT 1").one()
    engine.dispose()
    lengine = local_engine(replica)
    with sa.orm.Session(lengine) as s:
        cust = s.get(LocalCustomer, cid)
        assert cust is not None and cust.first_name == first.split()[0]
        assert last not in cust.name_masked and cust.name_masked.startswith(first[0])
        assert phone[-4:] in cust.phone_masked and phone not in cust.phone_masked
        if email:
            assert cust.email_masked.endswith(email.split("@")[1]) and email not in cust.email_masked
        inv = s.get(LocalInvoice, inv_id)
        assert inv is not None and inv.total == total
    with lengine.connect() as conn:
        cols = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(customers)")}
    lengine.dispose()
    assert "document_number" not in cols and "last_name" not in cols


def test_increments_deletes_and_restart(central: str, tmp_path: Path) -> None:
    replica = tmp_path / "replica.db"
    rng = random.Random(3)
    with _engine(central, replica) as eng:
        assert eng.run_once().ok
    change_central(central, rng, n_update=30, n_delete=4, n_insert=6)
    # a row deleted and re-inserted with the same key: the new row must survive whatever the order
    engine = central_engine(central)
    with engine.begin() as conn:
        row = conn.exec_driver_sql("SELECT * FROM faq_entries ORDER BY id LIMIT 1").mappings().one()
        conn.exec_driver_sql(f"DELETE FROM faq_entries WHERE id = {row['id']}")
        conn.execute(sa.insert(spec("faq_entries").central).values(
            {**dict(row), "question": "re-inserted", "row_version": 0}))
    engine.dispose()
    # a new engine object on the same files: checkpoints come from the replica
    with _engine(central, replica, batch_size=7) as eng:
        report = eng.run_once()
        assert report.ok, report.error
        assert report.tables["invoices"].pulled == 30
        assert report.tables["payments"].deleted == 4
        assert report.tables["faq_entries"].pulled == 7
        assert report.tables["customers"].pulled == 3
        assert_replica_matches(central, replica)
        again = eng.run_once(reconcile=True)
    assert again.ok and again.total("pulled") == 0 and again.total("deleted") == 0
    assert again.total("differing_buckets") == 0 and again.total("repaired") == 0
    assert again.tables["invoices"].compared > 0
    assert local_rows(replica, "faq_entries")[row["id"]][spec("faq_entries").columns.index("question")] == \
        "re-inserted"


def test_push_is_idempotent_and_parks_rejected_rows(central: str, tmp_path: Path) -> None:
    replica = tmp_path / "replica.db"
    with _engine(central, replica) as eng:
        ids = queue_intake(replica, "K1", 20, bad=2)
        # first the same batch reaches central twice (a kill after central's commit, before the local mark)
        from kiosk.sync.push import Pusher

        conn = eng.central.engine.connect()  # type: ignore[union-attr]
        pusher = Pusher(conn, eng.local.begin, batch_size=100)
        entries = pusher._due(pusher_now(), 100)
        rows = pusher._load(entries)
        sent, parked = pusher._send(entries, rows)
        conn.close()
        assert len(sent) == 18 and len(parked) == 2
        report = eng.run_once()
    assert report.ok, report.error
    assert report.total("pushed") == 18 and report.total("parked") == 2
    there = central_intake_ids(central)
    pushed = there["claims"] + there["print_log"]
    assert len(pushed) == len(set(pushed)) == 18
    assert set(pushed) < set(ids)
    assert local_outbox_states(replica) == {"sent": 18, "parked": 2}
    eng2 = _engine(central, replica)
    from sqlalchemy.orm import Session

    from kiosk.sync.outbox import parked as parked_rows

    with Session(eng2.local) as s:
        reasons = [p.reason for p in parked_rows(s)]
    assert all("StringDataRightTruncation" in r or "too long" in r for r in reasons), reasons
    # the queue keeps flowing behind the parked rows
    queue_intake(replica, "K1", 4)
    assert eng2.run_once().total("pushed") == 4
    eng2.close()


def pusher_now():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime.now(UTC)


def test_unreachable_central_keeps_serving_and_converges(central: str, tmp_path: Path) -> None:
    replica = tmp_path / "replica.db"
    with _engine(central, replica) as eng:
        assert eng.run_once().ok
    wrong = make_url(central).set(port=1).render_as_string(hide_password=False)
    with _engine(wrong, replica, connect_timeout=1) as eng:
        queue_intake(replica, "K1", 6)
        report = eng.run_once()
        assert not report.ok and report.error_code == "central_unavailable"
        assert report.outbox_depth == 6 and report.data_age_s is not None
        status = eng.status()
        assert not status.online and status.outbox_depth == 6 and status.data_age_seconds is not None
        assert eng.next_delay(60, random.Random(1)) < 60
    # lookups still come from the replica
    lengine = local_engine(replica)
    with sa.orm.Session(lengine) as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(LocalInvoice)) > 100
    lengine.dispose()
    change_central(central, random.Random(5))
    with _engine(central, replica) as eng:
        report = eng.run_once(reconcile=True)
        assert report.ok and report.total("pushed") == 6
        assert eng.status().online
    assert_replica_matches(central, replica)


def test_connection_killed_mid_batch_then_converges(central: str, tmp_path: Path, pg_server: str) -> None:
    replica = tmp_path / "replica.db"
    name = make_url(central).database
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    fired = threading.Event()

    def kill(ev: ProgressEvent) -> None:
        if ev.phase == "pull" and ev.table == "invoice_lines" and not fired.is_set():
            fired.set()
            with admin.connect() as c:
                c.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                  "WHERE datname = :d AND pid <> pg_backend_pid()"), {"d": name})

    queue_intake(replica, "K1", 5)
    with _engine(central, replica, batch_size=200, progress=kill) as eng:
        report = eng.run_once()
        assert fired.is_set()
        assert not report.ok and report.error_code == "central_unavailable", report.error
        assert report.tables["invoice_lines"].pulled > 0
        report = eng.run_once(reconcile=True)
        assert report.ok, report.error
    admin.dispose()
    assert_replica_matches(central, replica)
    assert sum(len(v) for v in central_intake_ids(central).values()) == 5


def test_in_flight_central_transaction_is_not_skipped(central: str, tmp_path: Path) -> None:
    """A row_version taken by a transaction that commits after a later one must still arrive."""
    replica = tmp_path / "replica.db"
    with _engine(central, replica) as eng:
        assert eng.run_once().ok
    engine = central_engine(central)
    slow = engine.connect()
    slow.begin()
    slow.exec_driver_sql("UPDATE faq_entries SET answer = 'slow' WHERE id = (SELECT min(id) FROM faq_entries)")
    with engine.begin() as fast:
        fast.exec_driver_sql("UPDATE faq_entries SET answer = 'fast' WHERE id = (SELECT max(id) FROM faq_entries)")
    with _engine(central, replica, horizon_wait=0.2) as eng:
        held = eng.run_once()
        slow.commit()
        slow.close()
        done = eng.run_once()
    engine.dispose()
    answers = {r[spec("faq_entries").columns.index("answer")] for r in local_rows(replica, "faq_entries").values()}
    assert {"slow", "fast"} <= answers  # a naive `row_version > checkpoint` loses "slow" here
    assert_replica_matches(central, replica)
    assert held.ok and held.waiting_for_central and held.total("pulled") == 0
    assert done.ok and not done.waiting_for_central and done.tables["faq_entries"].pulled == 2


def test_schema_mismatch_stops_before_anything(central: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = central_engine(central)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS alembic_version (version_num varchar(32) PRIMARY KEY)")
        conn.exec_driver_sql("DELETE FROM alembic_version")
        conn.exec_driver_sql("INSERT INTO alembic_version VALUES ('c0001_initial')")  # a release this build knows
    engine.dispose()
    monkeypatch.setattr(schema, "expected_central", lambda: "newer_revision")
    replica = tmp_path / "replica.db"
    queue_intake(replica, "K1", 3)
    with _engine(central, replica) as eng:
        report = eng.run_once()
    assert not report.ok and report.error_code == "schema_mismatch"
    assert "c0001_initial" in (report.error or "") and "newer_revision" in (report.error or "")
    assert report.total("pulled") == 0 and report.total("pushed") == 0
    assert local_rows(replica, "invoices") == {}
    assert sum(len(v) for v in central_intake_ids(central).values()) == 0


def test_reconcile_repairs_a_damaged_replica(central: str, tmp_path: Path) -> None:
    replica = tmp_path / "replica.db"
    with _engine(central, replica) as eng:
        assert eng.run_once().ok
    lengine = local_engine(replica)
    with lengine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM invoice_lines WHERE id IN (SELECT id FROM invoice_lines LIMIT 25)")
        conn.exec_driver_sql("UPDATE invoices SET total = 1, row_version = row_version - 1 "
                             "WHERE id IN (SELECT id FROM invoices LIMIT 4)")
        conn.exec_driver_sql("INSERT INTO payments (id, account_id, invoice_id, paid_on, amount, kind, channel, "
                             "row_version) VALUES (99999999, 1, NULL, '2026-01-01', 100, 'payment', 'x', 1)")
        conn.exec_driver_sql("INSERT INTO branches (id, name, address, timezone, row_version) "
                             "VALUES ('GHOST', 'x', '', 'UTC', 1)")
        conn.exec_driver_sql("UPDATE outbox SET state = 'sent'")
    lengine.dispose()
    queue_intake(replica, "K1", 3)
    lengine = local_engine(replica)
    with lengine.begin() as conn:  # marked sent but never reached central
        conn.exec_driver_sql("UPDATE outbox SET state = 'sent', sent_at = '2026-01-01 00:00:00.000000'")
    lengine.dispose()
    with _engine(central, replica) as eng:
        report = eng.run_once(reconcile=True, push=False)
        assert report.ok, report.error
        t = report.tables
        assert t["invoice_lines"].repaired == 25 and t["invoice_lines"].differing_buckets >= 1
        assert t["invoices"].repaired == 4 and t["payments"].repaired == 1 and t["branches"].repaired == 1
        assert report.outbox_depth == 3
        report = eng.run_once(reconcile=True)
        assert report.ok and report.total("pushed") == 3
        assert report.total("differing_buckets") == 0 and report.total("repaired") == 0
    assert_replica_matches(central, replica)
    assert sum(len(v) for v in central_intake_ids(central).values()) == 3


def test_long_running_writer_only_delays_pulls_by_one_round(central: str, tmp_path: Path) -> None:
    """With writers always running, the horizon stored in one round is used by the next once its writers end."""
    replica = tmp_path / "replica.db"
    with _engine(central, replica) as eng:
        assert eng.run_once().ok
    engine = central_engine(central)
    first = engine.connect()
    first.begin()
    first.exec_driver_sql("UPDATE faq_entries SET answer = 'first' WHERE id = (SELECT min(id) FROM faq_entries)")
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE plans SET name = name WHERE true")
        conn.exec_driver_sql("UPDATE branches SET name = 'Sucursal nueva' WHERE id = (SELECT min(id) FROM branches)")
    with _engine(central, replica, horizon_wait=0.1) as eng:
        held = eng.run_once()  # stores its horizon: waits for `first`
        first.commit()
        first.close()
        second = engine.connect()  # a new writer is running during the next round
        second.begin()
        second.exec_driver_sql("UPDATE faq_entries SET answer = 'second' WHERE id = (SELECT max(id) FROM faq_entries)")
        moved = eng.run_once()  # current horizon unsafe (second), the stored one is safe now
        second.commit()
        second.close()
        done = eng.run_once()
    engine.dispose()
    assert held.waiting_for_central and held.total("pulled") == 0
    assert not moved.waiting_for_central
    assert moved.tables["branches"].pulled == 1 and moved.tables["faq_entries"].pulled == 1
    assert done.tables["faq_entries"].pulled == 1
    assert_replica_matches(central, replica)

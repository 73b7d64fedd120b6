"""The engine needs nothing beyond the kiosk's own login role (db.central_ddl.create_kiosk_login)."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sync_helpers import assert_replica_matches, central_intake_ids, change_central, queue_intake, seed_central

from db.central_ddl import create_kiosk_login
from db.engine import central_engine
from kiosk.sync.engine import SyncEngine

pytestmark = pytest.mark.pg


@pytest.fixture
def kiosk_url(pg_url: str) -> Iterator[str]:
    seed_central(pg_url, accounts=15)
    engine = central_engine(pg_url)
    with engine.begin() as conn:  # "kiosk/<branch>/K7", a branch of its own (roles are cluster-wide)
        role = create_kiosk_login(conn, f"B{uuid.uuid4().hex[:8]}", "K7", "s3cret")
    yield make_url(pg_url).set(username=role, password="s3cret").render_as_string(hide_password=False)
    with engine.begin() as conn:
        conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r"),
                     {"r": role})
        conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
        conn.exec_driver_sql(f'DROP ROLE "{role}"')
    engine.dispose()


def test_full_round_with_the_kiosk_role(kiosk_url: str, pg_url: str, tmp_path: Path) -> None:
    replica = tmp_path / "replica.db"
    branch = str(make_url(kiosk_url).username).split("/")[1]
    queue_intake(replica, "K7", 6, bad=1, branch_id=branch)
    with SyncEngine(kiosk_url, replica, "K7", branch, batch_size=300) as eng:
        first = eng.run_once()
        assert first.ok, first.error
        assert first.heartbeat and first.total("pushed") == 5 and first.total("parked") == 1
        change_central(pg_url, random.Random(2))
        second = eng.run_once(reconcile=True)
        assert second.ok, second.error
        assert second.total("differing_buckets") == 0 and second.heartbeat
        assert second.tables["invoices"].pulled > 0 and second.tables["payments"].deleted > 0
    admin = central_engine(pg_url)
    with admin.begin() as conn:  # a kiosk receives only the staff of its branch and fleet-wide staff
        conn.execute(sa.text("DELETE FROM staff WHERE branch_id <> :b"), {"b": branch})
    admin.dispose()
    assert_replica_matches(pg_url, replica)
    assert sum(len(v) for v in central_intake_ids(pg_url).values()) == 5
    engine = central_engine(pg_url)
    with engine.connect() as conn:
        beat = conn.exec_driver_sql("SELECT kiosk_id, branch_id, outbox_depth, parked, data_age_s, schema_version "
                                    "FROM heartbeats").all()
        # the role really is limited: it cannot read credentials
    engine.dispose()
    assert len(beat) == 1 and beat[0][:4] == ("K7", branch, 0, 1) and beat[0][4] == 0
    role_engine = central_engine(kiosk_url)
    with role_engine.connect() as conn, pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
        conn.exec_driver_sql("SELECT count(*) FROM credentials")
    role_engine.dispose()


def test_two_kiosks_of_one_id_in_two_branches(pg_url: str, tmp_path: Path) -> None:
    """Per-kiosk roles: "KX" of two branches are two kiosks (two heartbeats), and a row of one lost centrally is
    re-sent by reconcile even though the other KX holds more rows there (it keyed on the kiosk id alone)."""
    from db.central_ddl import create_kiosk_login, kiosk_role_name

    seed_central(pg_url, accounts=5)
    b1, b2 = (f"T{uuid.uuid4().hex[:8]}" for _ in range(2))
    admin = central_engine(pg_url)
    with admin.begin() as conn:
        urls = {b: make_url(pg_url).set(username=create_kiosk_login(conn, b, "KX", f"pw-{b}"), password=f"pw-{b}")
                .render_as_string(hide_password=False) for b in (b1, b2)}
    try:
        mine = queue_intake(tmp_path / "a.db", "KX", 2)  # queued before rows carried a branch: push labels them
        queue_intake(tmp_path / "b.db", "KX", 6, branch_id=b2)
        for b, replica in ((b1, "a.db"), (b2, "b.db")):
            with SyncEngine(urls[b], tmp_path / replica, "KX", b, batch_size=300) as eng:
                assert eng.run_once().ok
        with admin.begin() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM heartbeats WHERE kiosk_id = 'KX'").scalar_one() == 2
            by_kiosk = conn.exec_driver_sql("SELECT branch_id, kiosk_id, count(*) FROM claims WHERE kiosk_id = 'KX' "
                                            "GROUP BY branch_id, kiosk_id").all()
            assert sorted(by_kiosk) == sorted([(b1, "KX", 1), (b2, "KX", 3)])
            conn.execute(sa.text("DELETE FROM claims WHERE id = :i"), {"i": mine[0]})  # lost on central
        with SyncEngine(urls[b1], tmp_path / "a.db", "KX", b1, batch_size=300) as eng:
            report = eng.run_once(reconcile=True)
        assert report.ok, report.error
        assert mine[0] in central_intake_ids(pg_url)["claims"]
    finally:
        with admin.begin() as conn:
            for b in (b1, b2):
                role = kiosk_role_name(b, "KX")
                conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r"),
                             {"r": role})
                conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
                conn.exec_driver_sql(f'DROP ROLE "{role}"')
        admin.dispose()

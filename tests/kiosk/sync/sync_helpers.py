"""Shared helpers of the sync tests: a seeded central, row changes made there, and replica comparisons."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

import db.models  # noqa: F401
from db.base import INTAKE_TABLES, REFERENCE_TABLES, CentralBase, LocalBase
from db.engine import central_engine, local_engine
from db.models import LocalClaim, LocalPrintLog
from kiosk.central.seed import seed_database
from kiosk.sync.outbox import enqueue
from kiosk.sync.tables import spec

TODAY = datetime(2026, 11, 1, tzinfo=UTC).date()

# Used only while the central row_version DDL (db.central_ddl, H1) has not landed: the same contract (one
# sequence, stamping trigger taking the xid first, tombstone on delete).
_FALLBACK_DDL = """
CREATE SEQUENCE IF NOT EXISTS row_version_seq;
CREATE OR REPLACE FUNCTION test_stamp_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_current_xact_id(); NEW.row_version := nextval('row_version_seq'); RETURN NEW; END $$;
CREATE OR REPLACE FUNCTION test_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tombstones (row_version, table_name, row_pk, deleted_at)
  VALUES (nextval('row_version_seq'), TG_TABLE_NAME, to_jsonb(OLD) ->> TG_ARGV[0], now());
  RETURN OLD;
END $$;
"""


def has_stamping(url: str) -> bool:
    """True when central already stamps row_version by trigger (the migrations' DDL)."""
    engine = central_engine(url)
    with engine.connect() as conn:
        n = conn.exec_driver_sql("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal "
                                 "AND tgrelid = 'invoices'::regclass").scalar_one()
    engine.dispose()
    return bool(n)


def _install_fallback(url: str) -> None:
    engine = central_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(_FALLBACK_DDL)
        top = max(int(conn.execute(sa.text(f'SELECT coalesce(max(row_version), 0) FROM "{t}"')).scalar_one())
                  for t in REFERENCE_TABLES)
        conn.execute(sa.text("SELECT setval('row_version_seq', :v)"), {"v": max(top, 1)})
        for t in REFERENCE_TABLES:
            pk = spec(t).pk
            conn.exec_driver_sql(f'CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON "{t}" '
                                 "FOR EACH ROW EXECUTE FUNCTION test_stamp_row_version()")
            conn.exec_driver_sql(f'CREATE TRIGGER tomb AFTER DELETE ON "{t}" '
                                 f"FOR EACH ROW EXECUTE FUNCTION test_tombstone('{pk}')")
    engine.dispose()


def seed_central(url: str, accounts: int = 20, seed: int = 7) -> None:
    """A central database with the seeder's data and working row_version stamping and tombstones."""
    seed_database(url, accounts=accounts, seed=seed, profile="coop-ar", today=TODAY)
    if central_engine(url).dialect.name == "postgresql" and not has_stamping(url):
        _install_fallback(url)


def local_rows(replica: Path, table: str) -> dict[Any, tuple[Any, ...]]:
    """Stored rows of a replica table by key (raw SQLite values)."""
    engine = local_engine(replica)
    sp = spec(table)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f'SELECT {", ".join(sp.columns)} FROM "{table}"').all()
    engine.dispose()
    i = sp.columns.index(sp.pk)
    return {r[i]: tuple(r) for r in rows}


def central_as_local(url: str, table: str) -> dict[Any, tuple[Any, ...]]:
    """Central rows as the replica should store them (through the generic, typed path)."""
    engine = central_engine(url)
    sp = spec(table)
    with engine.connect() as conn:
        rows = conn.execute(sa.select(*[sp.central.c[c] for c in sp.source])).all()
    engine.dispose()
    stored = sp.to_local_generic([tuple(r) for r in rows])
    i = sp.columns.index(sp.pk)
    return {r[i]: r for r in stored}


def assert_replica_matches(url: str, replica: Path) -> None:
    for table in REFERENCE_TABLES:
        theirs, ours = central_as_local(url, table), local_rows(replica, table)
        missing = set(theirs) - set(ours)
        extra = set(ours) - set(theirs)
        changed = [k for k in theirs.keys() & ours.keys() if theirs[k] != ours[k]]
        assert not missing and not extra and not changed, (table, len(missing), len(extra), changed[:3])


def change_central(url: str, rng: random.Random, n_update: int = 20, n_delete: int = 3, n_insert: int = 5) -> None:
    """Updates, deletes (with their tombstones) and inserts of reference rows, as the back office would."""
    engine = central_engine(url)
    with engine.begin() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM invoices ORDER BY id").all()]
        for inv in rng.sample(ids, min(n_update, len(ids))):
            conn.exec_driver_sql(f"UPDATE invoices SET status = 'paid', paid_on = issue_date WHERE id = {inv}")
        pays = [r[0] for r in conn.exec_driver_sql("SELECT id FROM payments ORDER BY id").all()]
        for pid in rng.sample(pays, min(n_delete, len(pays))):
            conn.exec_driver_sql(f"DELETE FROM payments WHERE id = {pid}")
        top = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM faq_entries").scalar_one()
        for i in range(n_insert):
            conn.execute(sa.insert(CentralBase.metadata.tables["faq_entries"]).values(
                id=int(top) + 1 + i, language="es", position=99, question=f"¿Pregunta {top + 1 + i}?", answer="Sí."))
        custs = [r[0] for r in conn.exec_driver_sql("SELECT id FROM customers ORDER BY id").all()]
        for cid in rng.sample(custs, min(3, len(custs))):
            conn.exec_driver_sql(f"UPDATE customers SET phone = '+54 9 351 {rng.randint(1000000, 9999999)}' "
                                 f"WHERE id = {cid}")
    engine.dispose()


def queue_intake(replica: Path, kiosk_id: str, n: int, *, bad: int = 0, branch_id: str = "") -> list[str]:
    """Queue n claims/print-log rows in the replica like the services do; `bad` of them central will reject.

    branch_id '' is a row queued before intake rows carried their branch: the push labels it."""
    engine = local_engine(replica)
    LocalBase.metadata.create_all(engine)
    ids = []
    with sa.orm.Session(engine) as s, s.begin():
        for i in range(n):
            rid = str(uuid.uuid4())
            ids.append(rid)
            now = datetime.now(UTC)
            if i % 2:
                enqueue(s, LocalPrintLog(id=rid, kiosk_id=kiosk_id, branch_id=branch_id, created_at=now,
                                         kind="payment_slip",
                                         reference="", backend="pdf-folder", pages=1, status="printed"))
            else:
                # SQLite does not enforce VARCHAR lengths; central does (DataError): a row central rejects.
                text = "x" * 600 if i < bad * 2 else "sin luz"
                enqueue(s, LocalClaim(id=rid, kiosk_id=kiosk_id, branch_id=branch_id, created_at=now,
                                      number=f"{kiosk_id}-{rid[:13]}",
                                      account_id=1, supply_id=1, category_code="no_supply", description=text,
                                      contact_phone="3515551234"))
    engine.dispose()
    return ids


def central_intake_ids(url: str) -> dict[str, list[str]]:
    engine = central_engine(url)
    with engine.connect() as conn:
        out = {t: [r[0] for r in conn.exec_driver_sql(f'SELECT id FROM "{t}"').all()] for t in INTAKE_TABLES}
    engine.dispose()
    return out


def local_outbox_states(replica: Path) -> dict[str, int]:
    engine = local_engine(replica)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT state, count(*) FROM outbox GROUP BY state").all()
    engine.dispose()
    return {str(s): int(n) for s, n in rows}


def local_intake_ids(replica: Path) -> set[str]:
    engine = local_engine(replica)
    with engine.connect() as conn:
        out = {r[0] for t in INTAKE_TABLES for r in conn.exec_driver_sql(f'SELECT id FROM "{t}"').all()}
    engine.dispose()
    return out


_ = LocalBase  # keep the import for metadata side effects

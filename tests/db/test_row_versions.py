"""The row_version contract on both central engines: stamps on insert and update, tombstones on delete,
one counter for all tables, and blocks reserved by bulk loaders."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from db import central_ddl, migrate
from db.base import REFERENCE_TABLES
from db.engine import central_engine


@pytest.fixture
def engine(central_url: str) -> Iterator[sa.Engine]:
    migrate.upgrade_central(central_url)
    eng = central_engine(central_url)
    yield eng
    eng.dispose()


def _faq(conn: sa.Connection, fid: int, question: str = "¿Q?") -> None:
    conn.execute(sa.text("INSERT INTO faq_entries (id, language, position, question, answer) "
                         "VALUES (:i, 'es', 1, :q, 'A')"), {"i": fid, "q": question})


def _rv(conn: sa.Connection, table: str, key: str, value: object) -> int:
    return int(conn.execute(sa.text(f"SELECT row_version FROM {table} WHERE {key} = :v"), {"v": value}).scalar_one())


def test_insert_and_update_stamp_increasing_versions(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        _faq(conn, 1)
        _faq(conn, 2)
        conn.execute(sa.text("INSERT INTO branches (id, name, address, timezone) VALUES ('B1', 'n', 'a', 'UTC')"))
    with engine.begin() as conn:
        v1, v2, vb = _rv(conn, "faq_entries", "id", 1), _rv(conn, "faq_entries", "id", 2), _rv(
            conn, "branches", "id", "B1")
        assert 0 < v1 < v2 < vb  # one counter across tables
        conn.execute(sa.text("UPDATE faq_entries SET answer = 'B' WHERE id = 1"))
    with engine.begin() as conn:
        v1_new = _rv(conn, "faq_entries", "id", 1)
        assert v1_new > vb
        assert _rv(conn, "faq_entries", "id", 2) == v2  # untouched row keeps its version
        assert central_ddl.current_row_version(conn) == v1_new


def test_delete_leaves_a_tombstone_with_a_new_version(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        _faq(conn, 7)
        conn.execute(sa.text("INSERT INTO claim_categories (code, service, label_es, label_en, position, active) "
                             "VALUES ('corte', 'electricity', 'Corte', 'Outage', 1, true)"))
    with engine.begin() as conn:
        before = central_ddl.current_row_version(conn)
        conn.execute(sa.text("DELETE FROM faq_entries WHERE id = 7"))
        conn.execute(sa.text("DELETE FROM claim_categories WHERE code = 'corte'"))
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT table_name, row_pk, row_version, deleted_at FROM tombstones ORDER BY row_version")).all()
    assert [(r[0], r[1]) for r in rows] == [("faq_entries", "7"), ("claim_categories", "corte")]
    assert before < rows[0][2] < rows[1][2]
    assert all(r[3] is not None for r in rows)


def test_every_reference_table_has_the_triggers(engine: sa.Engine) -> None:
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            names = conn.execute(sa.text(
                "SELECT c.relname || ':' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal")).scalars().all()
            expected = {f"{t}:{n}" for t in REFERENCE_TABLES for n in ("stamp_row_version", "write_tombstone")}
        else:
            names = conn.execute(sa.text("SELECT tbl_name || ':' || name FROM sqlite_master WHERE type = 'trigger'")
                                 ).scalars().all()
            expected = {f"{t}:{p}{t}" for t in REFERENCE_TABLES for p in ("rv_ins_", "rv_upd_", "rv_del_")}
    assert expected <= set(names)


def test_reserved_block_is_contiguous_and_later_stamps_come_after(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        _faq(conn, 1)
        first = central_ddl.reserve_row_versions(conn, 100)
        assert first == _rv(conn, "faq_entries", "id", 1) + 1
        assert central_ddl.current_row_version(conn) == first + 99
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE faq_entries DISABLE TRIGGER USER")
        conn.execute(sa.text("INSERT INTO faq_entries (id, language, position, question, answer, row_version) "
                             "VALUES (2, 'es', 1, 'q', 'a', :v)"), {"v": first + 5})
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE faq_entries ENABLE TRIGGER USER")
        assert _rv(conn, "faq_entries", "id", 2) == first + 5  # a loader's own stamp is kept
        _faq(conn, 3)
        assert _rv(conn, "faq_entries", "id", 3) == first + 100
    with pytest.raises(ValueError), engine.begin() as conn:
        central_ddl.reserve_row_versions(conn, 0)


def test_sqlite_counter_follows_explicit_versions(tmp_path: object) -> None:
    url = f"sqlite+pysqlite:///{tmp_path}/c.db"
    migrate.upgrade_central(url)
    eng = central_engine(url)
    try:
        with eng.begin() as conn:
            nxt = central_ddl.sqlite_next_row_version(conn)
            conn.execute(sa.text("INSERT INTO faq_entries (id, language, position, question, answer, row_version) "
                                 "VALUES (1, 'es', 1, 'q', 'a', :v)"), {"v": nxt + 41})
            central_ddl.sqlite_set_row_version(conn, nxt + 10)  # never moves the counter back
            assert central_ddl.current_row_version(conn) == nxt + 41
            conn.execute(sa.text("UPDATE faq_entries SET answer = 'b' WHERE id = 1"))
            assert _rv(conn, "faq_entries", "id", 1) == nxt + 42
    finally:
        eng.dispose()


def test_migrating_existing_data_continues_after_its_versions(central_url: str) -> None:
    """Re-installing the machinery (e.g. after a restore) never hands out a version already used."""
    migrate.upgrade_central(central_url)
    eng = central_engine(central_url)
    try:
        with eng.begin() as conn:
            _faq(conn, 1)
            top = _rv(conn, "faq_entries", "id", 1)
            if eng.dialect.name == "postgresql":
                conn.exec_driver_sql("SELECT setval('row_version_seq', 1)")
                central_ddl.install_row_versioning_pg(conn)
            else:
                conn.exec_driver_sql("UPDATE row_version_counter SET value = 0")
                central_ddl.install_row_versioning_sqlite(conn)
            _faq(conn, 2)
            assert _rv(conn, "faq_entries", "id", 2) > top
    finally:
        eng.dispose()

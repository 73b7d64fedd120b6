"""The kiosk's PostgreSQL role: reads reference data, writes intake rows, calls the login functions; nothing else."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import make_url

import db.models  # noqa: F401
from db.base import CentralBase
from db.engine import central_engine
from kiosk.central.credentials import CentralAuth, set_credentials
from kiosk.cli import CliError
from kiosk.cli.central_init import init_central

pytestmark = pytest.mark.pg

T = CentralBase.metadata.tables
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _seed_minimal(conn: sa.Connection) -> None:
    conn.execute(T["customers"].insert().values(
        id=1, first_name="Ana", last_name="Pérez", document_number="20123456", phone="+54 9 351 5550000",
        email="ana@example.com"))
    conn.execute(T["accounts"].insert().values(id=1001, customer_id=1, currency="ARS"))
    conn.execute(T["invoices"].insert().values(
        id=1, number="0021-00049107", account_id=1001, service="electricity", period="2026-10",
        issue_date=date(2026, 10, 5), first_due_date=date(2026, 10, 20), total=Decimal("1234.50"),
        status="pending", payment_reference="123456789012345678"))
    set_credentials(conn, 1001, "2580", cost=4)


@pytest.fixture
def kiosk(pg_url: str) -> Iterator[tuple[sa.Engine, sa.Engine]]:
    """(admin engine, engine of kiosk K1's own login role) on a migrated central database with one customer."""
    from db.central_ddl import kiosk_role_name

    branch = f"T{uuid.uuid4().hex[:8]}"
    init_central(pg_url, max_attempts=3, lockout_minutes=1)
    role = init_central(pg_url, kiosk=(branch, "K1"), password="s3cret'pw").kiosk_login
    assert role == kiosk_role_name(branch, "K1")
    admin = central_engine(pg_url)
    with admin.begin() as conn:
        _seed_minimal(conn)
    url = make_url(pg_url).set(username=role, password="s3cret'pw").render_as_string(hide_password=False)
    kiosk_engine = central_engine(url)
    try:
        yield admin, kiosk_engine
    finally:
        kiosk_engine.dispose()
        with admin.begin() as conn:
            conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r"),
                         {"r": role})
            conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
            conn.exec_driver_sql(f'DROP ROLE "{role}"')
        admin.dispose()


def _branch(k: sa.Engine) -> str:
    """The branch of the fixture's kiosk, read back from its role "kiosk/<branch>/K1"."""
    return str(k.url.username).split("/")[1]


def _denied(engine: sa.Engine, sql: str, **params: object) -> bool:
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(sql), params)
    except sa.exc.ProgrammingError as exc:
        assert "permission denied" in str(exc)
        return True
    return False


def _claim(kiosk_id: str = "K1", branch_id: str = "") -> dict[str, object]:
    return {"id": str(uuid.uuid4()), "kiosk_id": kiosk_id, "branch_id": branch_id, "created_at": NOW,
            "number": f"R-{uuid.uuid4().hex[:8]}",
            "account_id": 1001, "supply_id": 1, "category_code": "corte", "description": "Sin luz",
            "contact_phone": "3515550000", "contact_time": ""}


def test_reads_reference_data_and_schema_version(kiosk: tuple[sa.Engine, sa.Engine]) -> None:
    _, k = kiosk
    with k.connect() as conn:
        assert conn.execute(sa.text("SELECT number FROM invoices")).scalars().all() == ["0021-00049107"]
        assert conn.execute(sa.text("SELECT count(*) FROM tombstones")).scalar_one() == 0
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()


def test_cannot_change_reference_data(kiosk: tuple[sa.Engine, sa.Engine]) -> None:
    admin, k = kiosk
    assert _denied(k, "UPDATE invoices SET status = 'paid'")
    assert _denied(k, "DELETE FROM invoices")
    assert _denied(k, "INSERT INTO faq_entries (id, language, position, question, answer) VALUES (1,'es',1,'q','a')")
    assert _denied(k, "DELETE FROM tombstones")
    assert _denied(k, "TRUNCATE invoices")
    with admin.connect() as conn:
        assert conn.execute(sa.text("SELECT status FROM invoices")).scalar_one() == "pending"


def test_cannot_read_secrets(kiosk: tuple[sa.Engine, sa.Engine]) -> None:
    _, k = kiosk
    for table in ("credentials", "pin_challenges", "outgoing_messages", "login_throttle", "login_policy",
                  "customers"):
        assert _denied(k, f"SELECT * FROM {table}"), table
    assert _denied(k, "UPDATE credentials SET failed_attempts = 0")
    assert _denied(k, "SELECT nextval('row_version_seq')")


def test_inserts_claims_but_cannot_change_or_read_them(kiosk: tuple[sa.Engine, sa.Engine]) -> None:
    admin, k = kiosk
    row = _claim("K1", _branch(k))
    stmt = pg_insert(T["claims"]).on_conflict_do_nothing(index_elements=["id"])
    with k.begin() as conn:
        conn.execute(stmt, row)
    with k.begin() as conn:  # a repeated push is a no-op, not an error
        conn.execute(stmt, row)
    with k.connect() as conn:  # reconcile: which of my rows arrived
        ids = conn.execute(sa.text("SELECT id FROM claims WHERE kiosk_id = 'K1'")).scalars().all()
        assert ids == [row["id"]]
        assert conn.execute(sa.text("SELECT count(*) FROM claims WHERE kiosk_id = 'K1'")).scalar_one() == 1
    assert _denied(k, "SELECT description FROM claims")
    assert _denied(k, "DELETE FROM claims")
    assert _denied(k, "UPDATE claims SET description = 'x'")
    with admin.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM claims")).scalar_one() == 1


def test_upserts_its_heartbeat(kiosk: tuple[sa.Engine, sa.Engine]) -> None:
    from kiosk.sync.heartbeat import HeartbeatRow, send

    _, k = kiosk
    for depth in (3, 0):
        row = HeartbeatRow("K1", _branch(k), "1.0", "c0001", NOW, NOW, depth, 0, "ok", 1000, 5, NOW)
        with k.connect() as conn:
            send(conn, row)
    with k.connect() as conn:
        assert conn.execute(sa.text("SELECT outbox_depth FROM heartbeats")).scalars().all() == [0]
    assert _denied(k, "DELETE FROM heartbeats")


def test_calls_the_login_function(kiosk: tuple[sa.Engine, sa.Engine]) -> None:
    admin, k = kiosk
    auth = CentralAuth(k)
    wrong = auth.login(1001, "0000")
    assert (wrong.ok, wrong.attempts_left) == (False, 2)  # policy from central init: 3 attempts
    ok = auth.login(1001, "2580")
    assert ok.ok and ok.first_name == "Ana"
    auth.request_code(str(uuid.uuid4()), 1001, "20.123.456", "sms")
    with admin.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM outgoing_messages")).scalar_one() == 1


def test_functions_are_not_public(kiosk: tuple[sa.Engine, sa.Engine], pg_url: str) -> None:
    """A role without the kiosk grants cannot call the login function."""
    admin, _ = kiosk
    other = f"other_t_{uuid.uuid4().hex[:10]}"
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE ROLE "{other}" LOGIN')
    engine = central_engine(make_url(pg_url).set(username=other).render_as_string(hide_password=False))
    try:
        assert _denied(engine, "SELECT * FROM kiosk_login(1001, '2580')")
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP OWNED BY "{other}"')
            conn.exec_driver_sql(f'DROP ROLE "{other}"')


def test_init_is_repeatable_and_keeps_grants_minimal(kiosk: tuple[sa.Engine, sa.Engine], pg_url: str) -> None:
    from db.central_ddl import KIOSK_GROUP

    admin, k = kiosk
    with admin.begin() as conn:
        conn.exec_driver_sql(f'GRANT DELETE ON invoices TO "{KIOSK_GROUP}"')  # drift an operator made by hand
    report = init_central(pg_url, kiosk=(_branch(k), "K1"), password="s3cret'pw")
    assert report.max_attempts == 3  # policy unchanged when not given
    assert _denied(k, "DELETE FROM invoices")
    with admin.connect() as conn:
        privs = conn.execute(sa.text(
            "SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE grantee = :r"),
            {"r": KIOSK_GROUP}).all()
        own = conn.execute(sa.text("SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = :r"),
                           {"r": k.url.username}).scalar_one()
    writable = {(t, p) for t, p in privs if p not in ("SELECT",)}
    from db.base import INTAKE_TABLES
    assert writable == {(t, "INSERT") for t in INTAKE_TABLES} | {("heartbeats", "INSERT"), ("heartbeats", "UPDATE")}
    assert own == 0  # the kiosk's role holds nothing of its own


def test_the_shared_kiosk_role_cannot_log_in(pg_url: str) -> None:
    """--kiosk-role makes the grants group only: one login shared by every kiosk would pass for any of them."""
    role = f"kiosk_t_{uuid.uuid4().hex[:10]}"
    admin = central_engine(pg_url)
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN PASSWORD \'pw\'')  # made by an older version
        assert init_central(pg_url, kiosk_role=role).kiosk_role == role
        with admin.connect() as conn:
            assert conn.execute(sa.text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"),
                                {"r": role}).scalar_one() is False
        shared = central_engine(make_url(pg_url).set(username=role, password="pw")
                                .render_as_string(hide_password=False))
        with pytest.raises(sa.exc.OperationalError), shared.connect():
            pass
        shared.dispose()
        with pytest.raises(CliError, match="--kiosk B01/K01"):
            init_central(pg_url, kiosk_role=role, password="pw")
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.dispose()


def test_personal_data_only_masked(kiosk: tuple[sa.Engine, sa.Engine]) -> None:
    """Every column of the customers table is denied; the view shows what a kiosk screen shows."""
    _, k = kiosk
    for column in ("last_name", "document_number", "phone", "email", "first_name", "id"):
        assert _denied(k, f"SELECT {column} FROM customers"), column
    for table, column in (("staff", "pin_hash"), ("claims", "contact_phone"), ("pin_requests", "document_number"),
                          ("contact_change_requests", "phone"), ("contact_change_requests", "email")):
        assert _denied(k, f"SELECT {column} FROM {table}"), table
    with k.connect() as conn:
        row = conn.execute(sa.text("SELECT * FROM kiosk_customers")).mappings().one()
    assert dict(row) == {"id": 1, "first_name": "Ana", "name_masked": "A** P****", "phone_masked": "******0000",
                         "email_masked": "a***@example.com", "consent_messages": False, "e_invoice": False,
                         "row_version": row["row_version"]}


def test_executes_only_its_functions(kiosk: tuple[sa.Engine, sa.Engine]) -> None:
    """Outside pg_catalog and information_schema the kiosk may execute the login functions and nothing else
    (PostgreSQL grants EXECUTE to PUBLIC by default: pgcrypto's crypt(), the trigger functions...)."""
    from db.central_ddl import LOGIN_FUNCTIONS

    _, k = kiosk
    with k.connect() as conn:
        names = conn.execute(sa.text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
            "AND has_function_privilege(current_user, p.oid, 'EXECUTE')")).scalars().all()
    assert sorted(n.replace(" ", "") for n in names) == sorted(f.replace(" ", "") for f in LOGIN_FUNCTIONS)
    assert _denied(k, "SELECT crypt('x', gen_salt('bf'))")
    assert _denied(k, "SELECT gen_random_bytes(4)")


def test_functions_created_later_are_not_public(kiosk: tuple[sa.Engine, sa.Engine]) -> None:
    admin, k = kiosk
    with admin.begin() as conn:
        conn.exec_driver_sql("CREATE FUNCTION later_fn() RETURNS int LANGUAGE sql AS 'SELECT 1'")
    assert _denied(k, "SELECT later_fn()")


_TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=24)
_NAMEISH = st.one_of(_TEXT, st.from_regex(r"[ \t\n\xa0\u2003\x1fA-Za-zÁÉáéñÑ@.+()0-9-]{0,30}", fullmatch=True))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_NAMEISH, _NAMEISH, _NAMEISH, _NAMEISH), min_size=1, max_size=25))
def test_view_masks_like_the_kiosk(pg_url: str, people: list[tuple[str, str, str, str]]) -> None:
    """ONE masking rule: the SQL view restates kiosk.masking; both agree on generated names, phones, e-mails."""
    from kiosk.sync.tables import _customer_row

    engine = _migrated(pg_url)
    with engine.begin() as conn:
        conn.execute(T["customers"].delete())
        conn.execute(T["customers"].insert(), [
            {"id": i, "first_name": f, "last_name": last, "document_number": "1", "phone": ph, "email": em}
            for i, (f, last, ph, em) in enumerate(people)])
        got = {r.id: tuple(r) for r in conn.execute(sa.text(
            "SELECT id, first_name, name_masked, phone_masked, email_masked FROM kiosk_customers"))}
    for i, (f, last, ph, em) in enumerate(people):
        want = _customer_row((i, f, last, ph, em, False, False, 1))
        assert got[i] == (i, want["first_name"], want["name_masked"], want["phone_masked"], want["email_masked"])


_ENGINES: dict[str, sa.Engine] = {}


def _migrated(url: str) -> sa.Engine:
    """One migrated database per test run of the property (the fixture's database is the same for all examples)."""
    if url not in _ENGINES:
        init_central(url)
        for old in _ENGINES.values():
            old.dispose()
        _ENGINES.clear()
        _ENGINES[url] = central_engine(url)
    return _ENGINES[url]


# -- each kiosk is someone, and only itself -------------------------------------------------------------------


@pytest.fixture
def two_kx(pg_url: str) -> Iterator[tuple[sa.Engine, dict[str, sa.Engine], tuple[str, str]]]:
    """(admin, {"A": kiosk KX of branch 1, "B": kiosk KX of branch 2}, (branch 1, branch 2)): same kiosk id."""
    from db.central_ddl import kiosk_role_name

    b1, b2 = (f"T{uuid.uuid4().hex[:8]}" for _ in range(2))
    init_central(pg_url)
    init_central(pg_url, kiosk=(b1, "KX"), password="pw-one")
    init_central(pg_url, kiosk=(b2, "KX"), password="pw-two")
    admin = central_engine(pg_url)
    with admin.begin() as conn:
        _seed_minimal(conn)
        conn.execute(T["staff"].insert(), [
            {"id": 1, "branch_id": b1, "name": "Uno", "pin_hash": "$argon2id$one"},
            {"id": 2, "branch_id": b2, "name": "Dos", "pin_hash": "$argon2id$two"},
            {"id": 3, "branch_id": None, "name": "Técnico", "pin_hash": "$argon2id$all"}])
    engines = {
        key: central_engine(make_url(pg_url).set(username=kiosk_role_name(b, "KX"), password=pw)
                            .render_as_string(hide_password=False))
        for key, b, pw in (("A", b1, "pw-one"), ("B", b2, "pw-two"))}
    try:
        yield admin, engines, (b1, b2)
    finally:
        for e in engines.values():
            e.dispose()
        with admin.begin() as conn:
            for b in (b1, b2):
                role = kiosk_role_name(b, "KX")
                conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r"),
                             {"r": role})
                conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
                conn.exec_driver_sql(f'DROP ROLE "{role}"')
        admin.dispose()


def _beat(kiosk_id: str, branch: str, disk: int = 1000) -> object:
    from kiosk.sync.heartbeat import HeartbeatRow

    return HeartbeatRow(kiosk_id, branch, "1.0", "c0003", NOW, NOW, 0, 0, "ok", disk, 5, NOW)


def test_same_kiosk_id_in_two_branches_is_two_kiosks(two_kx: tuple[sa.Engine, dict[str, sa.Engine], tuple[str, str]]
                                                     ) -> None:
    from kiosk.cli.central_fleet import fleet_status
    from kiosk.sync.heartbeat import send

    admin, k, (b1, b2) = two_kx
    for key, branch in (("A", b1), ("B", b2)):
        with k[key].connect() as conn:
            send(conn, _beat("KX", branch))  # type: ignore[arg-type]
    rows = fleet_status(admin.url.render_as_string(hide_password=False))
    assert sorted((r.branch_id, r.kiosk_id) for r in rows) == sorted([(b1, "KX"), (b2, "KX")])


def test_a_kiosk_writes_only_its_own_rows(two_kx: tuple[sa.Engine, dict[str, sa.Engine], tuple[str, str]]) -> None:
    from kiosk.sync.heartbeat import send

    admin, k, (b1, b2) = two_kx
    for key, branch in (("A", b1), ("B", b2)):
        with k[key].connect() as conn:
            send(conn, _beat("KX", branch))  # type: ignore[arg-type]
    with k["A"].begin() as conn:  # the issue's reproduction: it changed every other kiosk's row
        changed = conn.execute(sa.text("UPDATE heartbeats SET free_disk_mb = 1 WHERE branch_id <> :b"), {"b": b1})
        assert changed.rowcount == 0
    with admin.connect() as conn:
        assert conn.execute(sa.text("SELECT free_disk_mb FROM heartbeats WHERE branch_id = :b"),
                            {"b": b2}).scalar_one() == 1000
    for forged in (_beat("KX", b2), _beat("KY", b1)):  # another kiosk's heartbeat, even of its own branch
        with pytest.raises(sa.exc.ProgrammingError, match="row-level security"), k["A"].connect() as conn:
            send(conn, forged)  # type: ignore[arg-type]
    stmt = pg_insert(T["claims"]).on_conflict_do_nothing(index_elements=["id"])
    with pytest.raises(sa.exc.ProgrammingError, match="row-level security"), k["A"].begin() as conn:
        conn.execute(stmt, _claim("KY", b1))
    with k["A"].begin() as conn:
        conn.execute(stmt, _claim("KX", b1))
    assert _denied(k["A"], "DELETE FROM heartbeats")


def test_a_kiosk_id_of_another_branch_cannot_pass_for_it(
        two_kx: tuple[sa.Engine, dict[str, sa.Engine], tuple[str, str]]) -> None:
    """B02/KX and B01/KX share a kiosk id: intake rows carry the branch, and the policy checks both."""
    admin, k, (b1, b2) = two_kx
    stmt = pg_insert(T["claims"]).on_conflict_do_nothing(index_elements=["id"])
    for forged in (_claim("KX", b1), _claim("KX", "")):
        with pytest.raises(sa.exc.ProgrammingError, match="row-level security"), k["B"].begin() as conn:
            conn.execute(stmt, forged)
    mine, theirs = _claim("KX", b2), _claim("KX", b1)
    with k["B"].begin() as conn:
        conn.execute(stmt, mine)
    with k["A"].begin() as conn:
        conn.execute(stmt, theirs)
    with admin.connect() as conn:
        got = conn.execute(sa.text("SELECT branch_id, kiosk_id FROM claims WHERE id IN (:a, :b) ORDER BY branch_id"),
                           {"a": mine["id"], "b": theirs["id"]}).all()
    assert sorted(got) == sorted([(b1, "KX"), (b2, "KX")])


def test_staff_hashes_reach_only_their_branch(two_kx: tuple[sa.Engine, dict[str, sa.Engine], tuple[str, str]]
                                             ) -> None:
    _, k, _ = two_kx
    assert _denied(k["A"], "SELECT pin_hash FROM staff")
    with k["A"].connect() as conn:
        assert conn.execute(sa.text("SELECT pin_hash FROM kiosk_staff ORDER BY id")).scalars().all() == [
            "$argon2id$one", "$argon2id$all"]
    with k["B"].connect() as conn:
        assert conn.execute(sa.text("SELECT id FROM kiosk_staff ORDER BY id")).scalars().all() == [2, 3]


def test_revoking_one_kiosk_leaves_the_others(two_kx: tuple[sa.Engine, dict[str, sa.Engine], tuple[str, str]],
                                              pg_url: str) -> None:
    _, k, (b1, _) = two_kx
    with k["A"].connect() as conn:  # an open session of the stolen kiosk ends too
        conn.execute(sa.text("SELECT 1"))
    report = init_central(pg_url, revoke=(b1, "KX"))
    assert report.revoked == f"{b1}/KX"
    k["A"].dispose()
    with pytest.raises(sa.exc.OperationalError), k["A"].connect():
        pass
    with k["B"].connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM kiosk_customers")).scalar_one() == 1


def test_login_failures_are_capped_per_kiosk_across_accounts(
        two_kx: tuple[sa.Engine, dict[str, sa.Engine], tuple[str, str]]) -> None:
    """One PIN tried on many accounts is throttled like many PINs on one: the kiosk is held, the other is not."""
    from db.central_ddl import KIOSK_FAILURES_PER_WINDOW

    _, k, _ = two_kx
    auth = CentralAuth(k["A"])
    for number in range(KIOSK_FAILURES_PER_WINDOW):
        assert auth.login(5000 + number, "0000").attempts_left == 4  # every account still has its own 5 tries
    held = auth.login(1001, "2580")
    assert not held.ok and held.locked_seconds > 800
    assert CentralAuth(k["B"]).login(1001, "2580").ok

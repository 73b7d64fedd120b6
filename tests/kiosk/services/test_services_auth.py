"""Login and PIN registration through the real CentralAuth (kiosk.central.credentials) on a migrated central.

The central is a SQLite file next to a SQLite replica, and a second PostgreSQL database (its SECURITY DEFINER
login functions) next to a PostgreSQL replica. Verification codes are read from central's outgoing_messages,
where the utility's SMS/e-mail gateway would pick them up.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.engine import make_url
from svc_replica import ACCOUNT, Replica

import db.models  # noqa: F401
from db.base import CentralBase
from db.central_ddl import set_login_policy
from db.engine import central_engine
from db.migrate import upgrade_central
from db.models import LocalPinRequest, OutboxEntry
from kiosk.central.credentials import CentralAuth, set_credentials
from kiosk.services.account import AccountService
from kiosk.services.auth import AuthService, is_trivial_pin
from kiosk.services.errors import AuthError, CentralUnavailable, SessionExpired, ValidationError

T = CentralBase.metadata.tables
PIN = "2580"


@pytest.fixture
def central(replica: Replica, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[sa.Engine]:
    """A migrated central of the replica's kind: account 1001 (Juan, DNI 30123456) with PIN 2580."""
    if replica.backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
        drop = None
    else:
        admin_url = request.getfixturevalue("pg_server")
        name = f"kiosk_central_{uuid.uuid4().hex[:12]}"
        admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        drop = (admin, name)
    upgrade_central(url)
    engine = central_engine(url)
    with engine.begin() as conn:
        set_login_policy(conn, bcrypt_cost=4)  # fast hashes in tests
        conn.execute(T["customers"].insert().values(id=1, first_name="Juan", last_name="Pérez",
                                                    document_number="30.123.456", phone="+54 9 351 5550000",
                                                    email="juan@example.com"))
        conn.execute(T["accounts"].insert().values(id=ACCOUNT, customer_id=1, currency="ARS"))
        set_credentials(conn, ACCOUNT, PIN)
    yield engine
    engine.dispose()
    if drop is not None:
        admin, name = drop
        with admin.connect() as conn:
            conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                         {"n": name})
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture
def auth(replica: Replica, central: sa.Engine) -> AuthService:
    return AuthService(replica.ctx, CentralAuth(central))


def _sent_code(central: sa.Engine, request_id: str) -> str:
    with central.connect() as conn:
        body = conn.execute(select(T["outgoing_messages"].c.body).where(T["outgoing_messages"].c.id == request_id)
                            ).scalar_one()
    found = re.search(r"\b(\d{6})\b", body)
    assert found is not None
    return found[1]


def _unreachable(replica: Replica) -> AuthService:
    dead = central_engine("postgresql://postgres@127.0.0.1:1/nowhere", connect_timeout=1)
    return AuthService(replica.ctx, CentralAuth(dead))


def test_login_registers_a_session(replica: Replica, auth: AuthService) -> None:
    session = auth.login(" 1001 ", "2580")
    assert session.account_id == ACCOUNT and session.first_name == "Juan"
    assert session.started_at == replica.clock() and len(session.token) >= 32
    assert AccountService(replica.ctx).overview(session).account_id == ACCOUNT
    other = auth.login("1001", "2580")
    assert other.token != session.token
    auth.logout(session)
    with pytest.raises(SessionExpired):
        AccountService(replica.ctx).overview(session)
    assert AccountService(replica.ctx).overview(other).account_id == ACCOUNT


def test_wrong_pin_then_locked(auth: AuthService) -> None:
    for left in (4, 3, 2, 1):
        with pytest.raises(AuthError) as err:
            auth.login("1001", "0000")
        assert (err.value.code, err.value.params) == ("wrong_pin", {"attempts_left": left})
    with pytest.raises(AuthError) as err:
        auth.login("1001", "0000")
    assert (err.value.code, err.value.params) == ("locked", {"locked_seconds": 900})
    with pytest.raises(AuthError) as err:
        auth.login("1001", "2580")  # even the right PIN while locked
    assert err.value.code == "locked"


@pytest.mark.parametrize(
    ("account", "pin", "code"),
    [("x", "2580", "malformed_account"), ("1001", "12", "malformed_pin"), ("1001", "1234567", "malformed_pin"),
     ("1001", "12a4", "malformed_pin")],
)
def test_malformed_login_never_reaches_central(auth: AuthService, account: str, pin: str, code: str) -> None:
    for _ in range(6):  # would lock the account if central counted them
        with pytest.raises(ValidationError) as err:
            auth.login(account, pin)
        assert err.value.code == code
    assert auth.login("1001", PIN).account_id == ACCOUNT


def test_central_unreachable(replica: Replica) -> None:
    with pytest.raises(CentralUnavailable) as err:
        _unreachable(replica).login("1001", PIN)
    assert err.value.code == "login_unavailable"
    with pytest.raises(CentralUnavailable):
        AuthService(replica.ctx, None).login("1001", PIN)  # no central configured at all


def test_pin_request_is_queued_and_sent(replica: Replica, auth: AuthService, central: sa.Engine) -> None:
    request_id = auth.request_pin_code("1001", "30.123.456", "sms")
    with replica.factory() as db:
        row = db.get(LocalPinRequest, request_id)
        assert row is not None and (row.account_id, row.document_number, row.channel) == (ACCOUNT, "30123456", "sms")
        queued = db.scalars(select(OutboxEntry.table_name).where(OutboxEntry.row_id == request_id)).one()
        assert queued == "pin_requests"
    code = _sent_code(central, request_id)
    auth.set_pin(request_id, code, "2468", "2468")
    with pytest.raises(AuthError) as err:
        auth.login("1001", PIN)  # the old PIN is gone
    assert err.value.code == "wrong_pin"
    assert auth.login("1001", "2468").account_id == ACCOUNT
    with pytest.raises(AuthError) as err:
        auth.set_pin(request_id, code, "3579", "3579")  # a code opens once
    assert err.value.code == "code_expired"


def test_pin_request_offline_is_still_queued(replica: Replica) -> None:
    offline = _unreachable(replica)
    request_id = offline.request_pin_code("1001", "30123456", "email")
    with replica.factory() as db:
        assert db.get(LocalPinRequest, request_id) is not None
    with pytest.raises(CentralUnavailable) as err:
        offline.set_pin(request_id, "123456", "2468", "2468")
    assert err.value.code == "pin_service_unavailable"


def test_a_document_that_does_not_match_answers_the_same(auth: AuthService, central: sa.Engine) -> None:
    request_id = auth.request_pin_code("1001", "99999999", "sms")  # no error: nothing to learn here
    with central.connect() as conn:
        sent = conn.execute(select(sa.func.count()).select_from(T["outgoing_messages"])).scalar_one()
    assert sent == 0
    with pytest.raises(AuthError) as err:
        auth.set_pin(request_id, "000000", "2468", "2468")
    assert err.value.code == "wrong_code"


@pytest.mark.parametrize(("account", "document", "channel", "code"), [
    ("1001", "12", "sms", "malformed_document"),
    ("1001", "30123456", "fax", "invalid_channel"),
    ("abc", "30123456", "sms", "malformed_account"),
])
def test_pin_request_validation(replica: Replica, auth: AuthService, account: str, document: str, channel: str,
                                code: str) -> None:
    with pytest.raises(ValidationError) as err:
        auth.request_pin_code(account, document, channel)
    assert err.value.code == code
    with replica.factory() as db:
        assert db.scalars(select(LocalPinRequest)).all() == []


def test_set_pin_outcomes(auth: AuthService, central: sa.Engine) -> None:
    request_id = auth.request_pin_code("1001", "30123456", "sms")
    code = _sent_code(central, request_id)
    wrong = "000000" if code != "000000" else "111111"
    with pytest.raises(AuthError) as err:
        auth.set_pin(request_id, wrong, "2468", "2468")
    assert (err.value.code, err.value.params) == ("wrong_code", {"attempts_left": 2})
    with pytest.raises(AuthError) as err:
        auth.set_pin(request_id, wrong, "2468", "2468")
    assert err.value.params == {"attempts_left": 1}
    with pytest.raises(AuthError) as err:
        auth.set_pin(request_id, wrong, "2468", "2468")
    assert err.value.code == "code_blocked"
    with pytest.raises(AuthError) as err:
        auth.set_pin(request_id, code, "2468", "2468")  # even the right code, once blocked
    assert err.value.code == "code_blocked"
    fresh = auth.request_pin_code("1001", "30123456", "email")
    with central.begin() as conn:  # whose code has run out of time
        conn.execute(T["pin_challenges"].update().where(T["pin_challenges"].c.id == fresh).values(
            expires_at=sa.func.now() if central.dialect.name == "postgresql" else sa.text("'2000-01-01 00:00:00'")))
    with pytest.raises(AuthError) as err:
        auth.set_pin(fresh, _sent_code(central, fresh), "2468", "2468")
    assert err.value.code == "code_expired"


@pytest.mark.parametrize(("code", "pin", "repeat", "error"), [
    ("12", "2468", "2468", "malformed_code"),
    ("123456", "24", "24", "malformed_pin"),
    ("123456", "2468", "2469", "pin_mismatch"),
    ("123456", "1111", "1111", "pin_too_simple"),
    ("123456", "1234", "1234", "pin_too_simple"),
    ("123456", "987654", "987654", "pin_too_simple"),
])
def test_set_pin_validation(auth: AuthService, code: str, pin: str, repeat: str, error: str) -> None:
    request_id = auth.request_pin_code("1001", "30123456", "sms")
    with pytest.raises(ValidationError) as err:
        auth.set_pin(request_id, code, pin, repeat)
    assert err.value.code == error
    assert auth.login("1001", PIN).account_id == ACCOUNT  # the PIN did not change


@pytest.mark.parametrize(("pin", "trivial"), [("1111", True), ("0123", True), ("6543", True), ("1357", False),
                                              ("2580", False), ("1212", False), ("123457", False)])
def test_trivial_pins(pin: str, trivial: bool) -> None:
    assert is_trivial_pin(pin) is trivial

"""CentralAuth's contract, run the same on a SQLite central (Python) and PostgreSQL (SECURITY DEFINER functions)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import bcrypt
import pytest
import sqlalchemy as sa

import db.models  # noqa: F401
from db.base import CentralBase
from db.central_ddl import set_login_policy
from db.engine import central_engine
from db.migrate import upgrade_central
from kiosk.central.credentials import (
    CentralAuth,
    CentralUnreachable,
    LoginOutcome,
    hash_pin,
    set_credentials,
    verify_pin,
)

T = CentralBase.metadata.tables
PIN = "2580"


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    """A migrated central with two customers: 1001 has a PIN, 1002 has none; lockout after 5 for 15 min."""
    url = str(request.getfixturevalue("pg_url")) if request.param == "pg" else f"sqlite:///{tmp_path / 'c.db'}"
    upgrade_central(url)
    eng = central_engine(url)
    with eng.begin() as conn:
        set_login_policy(conn, bcrypt_cost=4)  # fast hashes for tests; the default is 10
        for cid, first, doc, phone, email in ((1, "Ana", "20123456", "+54 9 351 5550000", "ana@example.com"),
                                              (2, "Beto", "30999888", "", "beto@example.com")):
            conn.execute(T["customers"].insert().values(
                id=cid, first_name=first, last_name="X", document_number=doc, phone=phone, email=email))
            conn.execute(T["accounts"].insert().values(id=1000 + cid, customer_id=cid, currency="ARS"))
        set_credentials(conn, 1001, PIN)
    yield eng
    eng.dispose()


def _expire(engine: sa.Engine, table: str, column: str, key: str, value: object) -> None:
    with engine.begin() as conn:
        conn.execute(T[table].update().where(T[table].c[key] == value).values(
            {column: datetime.now(UTC) - timedelta(seconds=1)}))


def test_hash_is_bcrypt_2a_with_the_policy_cost() -> None:
    h = hash_pin("1234", cost=5)
    assert re.fullmatch(r"\$2a\$05\$[./A-Za-z0-9]{53}", h)
    assert verify_pin("1234", h) and not verify_pin("1235", h) and not verify_pin("1234", "!")


def test_wrong_pins_count_down_then_lock(engine: sa.Engine) -> None:
    auth = CentralAuth(engine)
    answers = [auth.login(1001, "0000") for _ in range(5)]
    assert [a.attempts_left for a in answers[:4]] == [4, 3, 2, 1]
    assert not any(a.ok for a in answers)
    assert answers[4].attempts_left == 0 and answers[4].locked_seconds == 900
    locked = auth.login(1001, PIN)  # the right PIN does not open a locked account
    assert not locked.ok and 890 <= locked.locked_seconds <= 900 and locked.first_name is None


def test_success_resets_the_counter(engine: sa.Engine) -> None:
    auth = CentralAuth(engine)
    auth.login(1001, "0000")
    auth.login(1001, "1111")
    assert auth.login(1001, PIN) == LoginOutcome(True, 5, 0, "Ana")
    assert auth.login(1001, "0000").attempts_left == 4


def test_lock_expires(engine: sa.Engine) -> None:
    auth = CentralAuth(engine)
    for _ in range(5):
        auth.login(1001, "0000")
    _expire(engine, "credentials", "locked_until", "account_id", 1001)
    assert auth.login(1001, "0000").attempts_left == 4  # a fresh round after the lockout
    assert auth.login(1001, PIN).ok


def test_policy_is_central(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        set_login_policy(conn, max_attempts=2, lockout_seconds=60)
    auth = CentralAuth(engine)
    assert auth.login(1001, "0000").attempts_left == 1
    assert auth.login(1001, "0000").locked_seconds == 60


def test_no_credentials_answers_like_a_wrong_pin(engine: sa.Engine) -> None:
    auth = CentralAuth(engine)
    with_pin = [auth.login(1001, "0000") for _ in range(6)]
    without_pin = [auth.login(1002, "0000") for _ in range(6)]
    no_account = [auth.login(987654, "0000") for _ in range(6)]
    assert with_pin == without_pin == no_account
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(T["credentials"])).scalar_one() == 1


def _messages(engine: sa.Engine) -> list[sa.Row[tuple[object, ...]]]:
    with engine.connect() as conn:
        return list(conn.execute(sa.select(T["outgoing_messages"]).order_by(T["outgoing_messages"].c.created_at)))


def _code(engine: sa.Engine, request_id: str) -> str:
    body = next(m.body for m in _messages(engine) if m.id == request_id)
    match = re.search(r"\b(\d{6})\b", body)
    assert match, body
    return match.group(1)


def test_code_registers_a_new_pin(engine: sa.Engine) -> None:
    auth = CentralAuth(engine)
    rid = str(uuid.uuid4())
    auth.request_code(rid, 1002, "30.999.888", "email")
    auth.request_code(rid, 1002, "30.999.888", "email")  # a repeated request (push after direct call) is a no-op
    messages = _messages(engine)
    assert [(m.id, m.channel, m.recipient, m.kind) for m in messages] == [(rid, "email", "beto@example.com",
                                                                            "pin_code")]
    code = _code(engine, rid)
    with engine.connect() as conn:
        stored = conn.execute(sa.select(T["pin_challenges"].c.code_hash)).scalar_one()
    assert code not in stored and bcrypt.checkpw(code.encode(), stored.encode())
    result = auth.confirm_code(rid, code, "4826")
    assert result.ok and result.status == "ok"
    assert auth.login(1002, "4826").first_name == "Beto"
    assert auth.confirm_code(rid, code, "9999").status == "expired"  # a code works once
    with engine.connect() as conn:  # the hash the server made is one Python (and pgcrypto) can check
        assert verify_pin("4826", conn.execute(sa.select(T["credentials"].c.pin_hash).where(
            T["credentials"].c.account_id == 1002)).scalar_one())


def test_wrong_codes_block_the_request(engine: sa.Engine) -> None:
    auth = CentralAuth(engine)
    rid = str(uuid.uuid4())
    auth.request_code(rid, 1001, "20123456", "sms")
    code = _code(engine, rid)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    first, second, third = (auth.confirm_code(rid, wrong, "4826") for _ in range(3))
    assert (first.status, first.attempts_left) == ("wrong_code", 2)
    assert (second.status, second.attempts_left) == ("wrong_code", 1)
    assert third.status == "blocked"
    assert auth.confirm_code(rid, code, "4826").status == "blocked"
    assert auth.login(1001, PIN).ok  # the old PIN still works


def test_codes_expire(engine: sa.Engine) -> None:
    auth = CentralAuth(engine)
    rid = str(uuid.uuid4())
    auth.request_code(rid, 1001, "20123456", "sms")
    _expire(engine, "pin_challenges", "expires_at", "id", rid)
    assert auth.confirm_code(rid, _code(engine, rid), "4826").status == "expired"
    assert auth.confirm_code(str(uuid.uuid4()), "123456", "4826").status == "expired"  # unknown request


def test_mismatched_data_sends_nothing_and_reveals_nothing(engine: sa.Engine) -> None:
    auth = CentralAuth(engine)
    rid_bad_doc, rid_no_account, rid_no_phone = (str(uuid.uuid4()) for _ in range(3))
    assert auth.request_code(rid_bad_doc, 1001, "11111111", "sms") is None
    auth.request_code(rid_no_account, 5555, "20123456", "sms")
    auth.request_code(rid_no_phone, 1002, "30999888", "sms")  # Beto has no phone
    assert _messages(engine) == []
    # Confirming behaves like a real request with a wrong code, whatever code is tried.
    outcomes = [auth.confirm_code(rid_bad_doc, f"{i:06d}", "4826") for i in range(3)]
    assert [o.status for o in outcomes] == ["wrong_code", "wrong_code", "blocked"]
    assert auth.login(1001, "4826").ok is False


def test_codes_per_hour_are_limited(engine: sa.Engine) -> None:
    auth = CentralAuth(engine)
    for _ in range(7):
        auth.request_code(str(uuid.uuid4()), 1001, "20123456", "sms")
    assert len(_messages(engine)) == 5


def test_unreachable_central_raises_central_unreachable(tmp_path: Path) -> None:
    engine = central_engine(f"sqlite:///{tmp_path / 'missing' / 'dir' / 'c.db'}")
    with pytest.raises(CentralUnreachable):
        CentralAuth(engine).login(1001, PIN)
    pg = central_engine("postgresql://nobody@127.0.0.1:1/none", connect_timeout=1)
    with pytest.raises(CentralUnreachable):
        CentralAuth(pg).request_code("r", 1, "x", "sms")
    engine.dispose()
    pg.dispose()


@pytest.mark.parametrize("account", [1001, 1002])
def test_concurrent_failures_are_all_counted(engine: sa.Engine, account: int) -> None:
    """Eight kiosks guessing at once: exactly five guesses count, the rest meet the lock (no lost update)."""
    from concurrent.futures import ThreadPoolExecutor

    auth = CentralAuth(engine)
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: auth.login(account, "0000"), range(8)))
    counted = sorted((a.attempts_left for a in answers if a.locked_seconds == 0), reverse=True)
    assert counted == [4, 3, 2, 1]
    locked = [a for a in answers if a.locked_seconds]  # the fifth failure set the lock, three more met it
    assert len(locked) == 4 and all(890 <= a.locked_seconds <= 900 and a.attempts_left == 0 for a in locked)
    assert CentralAuth(engine).login(account, PIN).locked_seconds > 0


def test_throttle_rows_of_unknown_numbers_do_not_pile_up(engine: sa.Engine) -> None:
    """Any number (even -1) answers like a wrong PIN, but its row is forgotten after a quiet lockout period."""
    auth = CentralAuth(engine)
    for number in (-1, 7, 99999999):
        assert auth.login(number, "0000").attempts_left == 4
    with engine.begin() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(T["login_throttle"])).scalar_one() == 3
        conn.execute(T["login_throttle"].update().values(updated_at=datetime.now(UTC) - timedelta(seconds=901)))
    assert auth.login(-2, "0000").attempts_left == 4
    with engine.connect() as conn:
        assert conn.execute(sa.select(T["login_throttle"].c.account_id)).scalars().all() == [-2]

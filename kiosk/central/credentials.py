"""Customer PIN login and PIN registration/reset, verified only by the central database.

PIN hashes are bcrypt (`$2a$`, cost from the central login policy, default 10) so PostgreSQL's pgcrypto
`crypt()` can verify them. On PostgreSQL the kiosk calls the SECURITY DEFINER functions made by the central
migration (`kiosk_login`, `kiosk_request_code`, `kiosk_confirm_code`): its role cannot read credentials at all.
On a SQLite central (the embedded demo) the same contract is implemented here in Python, one transaction per
call, with the same policy table, counters and answers.

Contract:
* login: a success resets the failure counter; `max_attempts` failures lock the account for the lockout
  period; a locked account answers locked even with the right PIN; an account without credentials (or that
  does not exist) answers exactly like a wrong PIN, with its own counter and lockout, so kiosks cannot be
  used to find out which accounts have a PIN.
* request_code: when account and document match, a 6-digit code valid 10 minutes is stored hashed in
  pin_challenges and put in plain in outgoing_messages for the utility's SMS/e-mail gateway. The caller
  learns nothing either way (a non-matching request gets a decoy challenge no code can open). At most
  5 codes per account and hour are sent. Repeating a request id changes nothing.
* confirm_code: ok (the new PIN is set, counters cleared) | wrong_code (attempts_left) | expired |
  blocked (after 3 wrong codes).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import bcrypt
from sqlalchemy import Connection, Engine, Table, func, select, text
from sqlalchemy.exc import InterfaceError, OperationalError

import db.models  # noqa: F401  (fills the metadata)
from db.base import CentralBase
from db.central_ddl import CODE_MAX_ATTEMPTS, CODE_VALID_MINUTES, CODES_PER_HOUR
from db.models import CentralAccount, CentralCustomer

DEFAULT_COST = 10
CODE_COST = 6  # the code space is tiny anyway; three tries per code are what protects it
DECOY = "!"  # code_hash of a challenge no code opens

_T = CentralBase.metadata.tables
CREDENTIALS: Table = _T["credentials"]
THROTTLE: Table = _T["login_throttle"]
POLICY: Table = _T["login_policy"]
CHALLENGES: Table = _T["pin_challenges"]
MESSAGES: Table = _T["outgoing_messages"]


class CentralUnreachable(Exception):
    """The central database cannot be reached (or answered with a connection-level error)."""


@dataclass(frozen=True)
class LoginOutcome:
    ok: bool
    attempts_left: int
    locked_seconds: int
    first_name: str | None = None


@dataclass(frozen=True)
class PinChangeOutcome:
    status: str  # ok | wrong_code | expired | blocked
    attempts_left: int = 0

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class Policy:
    max_attempts: int = 5
    lockout_seconds: int = 900
    bcrypt_cost: int = DEFAULT_COST


def hash_pin(pin: str, cost: int = DEFAULT_COST) -> str:
    """bcrypt hash with the `$2a$` prefix pgcrypto understands."""
    return bcrypt.hashpw(pin.encode(), bcrypt.gensalt(rounds=cost, prefix=b"2a")).decode()


def verify_pin(pin: str, pin_hash: str) -> bool:
    try:
        return bcrypt.checkpw(pin.encode(), pin_hash.encode())
    except ValueError:  # not a bcrypt hash (e.g. the decoy marker)
        return False


def normalise_document(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", value).upper()


def read_policy(conn: Connection) -> Policy:
    row = conn.execute(select(POLICY).where(POLICY.c.id == 1)).first()
    if row is None:
        return Policy()
    return Policy(row.max_attempts, row.lockout_seconds, row.bcrypt_cost)


def set_credentials(conn: Connection, account_id: int, pin: str, cost: int | None = None) -> None:
    """Set (or replace) an account's PIN and clear its failures; the caller commits."""
    pin_hash = hash_pin(pin, cost if cost is not None else read_policy(conn).bcrypt_cost)
    now = datetime.now(UTC)
    values = {"pin_hash": pin_hash, "failed_attempts": 0, "locked_until": None, "updated_at": now}
    updated = conn.execute(
        CREDENTIALS.update().where(CREDENTIALS.c.account_id == account_id).values(**values)).rowcount
    if not updated:
        conn.execute(CREDENTIALS.insert().values(account_id=account_id, **values))
    conn.execute(THROTTLE.delete().where(THROTTLE.c.account_id == account_id))


def set_pin(engine: Engine, account_id: int, pin: str) -> None:
    """set_credentials in its own transaction (used by the demo seed)."""
    with engine.begin() as conn:
        set_credentials(conn, account_id, pin)


_UNREACHABLE = (OperationalError, InterfaceError)


class CentralAuth:
    """Login and PIN change against the central database (PostgreSQL functions or the SQLite equivalent).

    `now` is injectable for the SQLite implementation (tests of lockout expiry); PostgreSQL uses its clock.
    """

    def __init__(self, engine: Engine, *, now: Callable[[], datetime] | None = None) -> None:
        self._engine = engine
        self._now = now or (lambda: datetime.now(UTC))
        self._pg = engine.dialect.name == "postgresql"

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        """One transaction; on SQLite taken as a writer up front (BEGIN IMMEDIATE) so that concurrent
        logins wait for each other instead of failing on a read-to-write upgrade."""
        try:
            if self._pg:
                with self._engine.begin() as conn:
                    yield conn
                return
            with self._engine.connect() as conn:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.rollback()
                    raise
                conn.commit()
        except _UNREACHABLE as exc:
            reason = str(getattr(exc, "orig", exc)).splitlines()[0][:200] if str(exc) else type(exc).__name__
            raise CentralUnreachable(f"central database unreachable: {reason}") from exc

    # -- login ---------------------------------------------------------------------------------------------

    def login(self, account_id: int, pin: str) -> LoginOutcome:
        with self._begin() as conn:
            if self._pg:
                row = conn.execute(text("SELECT ok, attempts_left, locked_seconds, first_name "
                                        "FROM kiosk_login(:a, :p)"), {"a": account_id, "p": pin}).one()
                return LoginOutcome(bool(row[0]), int(row[1]), int(row[2]), row[3])
            return self._login_sqlite(conn, account_id, pin)

    def _login_sqlite(self, conn: Connection, account_id: int, pin: str) -> LoginOutcome:
        policy = read_policy(conn)
        now = self._now()
        # Throttle rows of numbers without credentials are forgotten after a quiet, unlocked lockout period.
        conn.execute(THROTTLE.delete().where(func.coalesce(THROTTLE.c.locked_until, THROTTLE.c.updated_at)
                                             < now - timedelta(seconds=policy.lockout_seconds)))
        cred = conn.execute(select(CREDENTIALS).where(CREDENTIALS.c.account_id == account_id)).first()
        table = CREDENTIALS if cred is not None else THROTTLE
        state = cred
        if state is None:
            state = conn.execute(select(table).where(table.c.account_id == account_id)).first()
            if state is None:
                conn.execute(table.insert().values(account_id=account_id, failed_attempts=0, locked_until=None,
                                                   updated_at=now))
                state = conn.execute(select(table).where(table.c.account_id == account_id)).one()
        failed, until = int(state.failed_attempts), state.locked_until
        if until is not None and until > now:
            left = int((until - now).total_seconds() + 0.999)
            return LoginOutcome(False, 0, min(policy.lockout_seconds, max(1, left)))
        if until is not None:
            failed = 0
        if cred is not None:
            if verify_pin(pin, cred.pin_hash):
                conn.execute(table.update().where(table.c.account_id == account_id).values(
                    failed_attempts=0, locked_until=None, updated_at=now))
                return LoginOutcome(True, policy.max_attempts, 0, self._first_name(conn, account_id))
        else:
            hash_pin(pin, policy.bcrypt_cost)  # same work as a real check
        failed += 1
        until = now + timedelta(seconds=policy.lockout_seconds) if failed >= policy.max_attempts else None
        touched = {"updated_at": now} if cred is None else {}
        conn.execute(table.update().where(table.c.account_id == account_id).values(
            failed_attempts=failed, locked_until=until, **touched))
        if until is not None:
            return LoginOutcome(False, 0, policy.lockout_seconds)
        return LoginOutcome(False, policy.max_attempts - failed, 0)

    @staticmethod
    def _first_name(conn: Connection, account_id: int) -> str | None:
        return conn.execute(
            select(CentralCustomer.first_name)
            .join(CentralAccount, CentralAccount.customer_id == CentralCustomer.id)
            .where(CentralAccount.id == account_id)
        ).scalar_one_or_none()

    # -- PIN registration / reset --------------------------------------------------------------------------

    def request_code(self, request_id: str, account_id: int, document_number: str, channel: str) -> None:
        """Send a code if account and document match; the caller never learns whether they did."""
        with self._begin() as conn:
            if self._pg:
                conn.execute(text("SELECT kiosk_request_code(:r, :a, :d, :c)"),
                             {"r": request_id, "a": account_id, "d": document_number, "c": channel})
                return
            self._request_sqlite(conn, request_id, account_id, document_number, channel)

    def _request_sqlite(self, conn: Connection, request_id: str, account_id: int, document: str,
                        channel: str) -> None:
        if conn.execute(select(CHALLENGES.c.id).where(CHALLENGES.c.id == request_id)).first() is not None:
            return
        now = self._now()
        contact = conn.execute(
            select(CentralCustomer.document_number, CentralCustomer.phone, CentralCustomer.email)
            .join(CentralAccount, CentralAccount.customer_id == CentralCustomer.id)
            .where(CentralAccount.id == account_id)
        ).first()
        recipient = ""
        if contact is not None and normalise_document(contact.document_number) == normalise_document(document):
            recipient = (contact.email if channel == "email" else contact.phone) or ""
        match = bool(recipient) and channel in ("sms", "email")
        recent = conn.execute(
            select(CHALLENGES.c.id).where(
                CHALLENGES.c.account_id == account_id,
                CHALLENGES.c.expires_at > now - timedelta(hours=1) + timedelta(minutes=CODE_VALID_MINUTES),
            )
        ).all()
        if len(recent) >= CODES_PER_HOUR:
            match = False
        code = f"{secrets.randbelow(1_000_000):06d}"
        conn.execute(CHALLENGES.insert().values(
            id=request_id, account_id=account_id, code_hash=hash_pin(code, CODE_COST) if match else DECOY,
            channel=channel[:8], expires_at=now + timedelta(minutes=CODE_VALID_MINUTES), attempts=0, used_at=None))
        if match:
            conn.execute(MESSAGES.insert().values(
                id=request_id, account_id=account_id, channel=channel, recipient=recipient, kind="pin_code",
                body=f"Su codigo de verificacion es {code}. Vence en {CODE_VALID_MINUTES} minutos.",
                created_at=now, sent_at=None))

    def confirm_code(self, request_id: str, code: str, new_pin: str) -> PinChangeOutcome:
        with self._begin() as conn:
            if self._pg:
                row = conn.execute(text("SELECT status, attempts_left FROM kiosk_confirm_code(:r, :c, :p)"),
                                   {"r": request_id, "c": code, "p": new_pin}).one()
                return PinChangeOutcome(str(row[0]), int(row[1]))
            return self._confirm_sqlite(conn, request_id, code, new_pin)

    def _confirm_sqlite(self, conn: Connection, request_id: str, code: str, new_pin: str) -> PinChangeOutcome:
        table = CHALLENGES
        ch = conn.execute(select(table).where(table.c.id == request_id)).first()
        now = self._now()
        if ch is None or ch.used_at is not None:
            return PinChangeOutcome("expired")
        if ch.attempts >= CODE_MAX_ATTEMPTS:
            return PinChangeOutcome("blocked")
        if ch.expires_at <= now:
            return PinChangeOutcome("expired")
        if ch.code_hash != DECOY and verify_pin(code, ch.code_hash):
            conn.execute(table.update().where(table.c.id == request_id).values(used_at=now))
            set_credentials(conn, ch.account_id, new_pin)
            return PinChangeOutcome("ok", CODE_MAX_ATTEMPTS - ch.attempts)
        attempts = ch.attempts + 1
        conn.execute(table.update().where(table.c.id == request_id).values(attempts=attempts))
        if attempts >= CODE_MAX_ATTEMPTS:
            return PinChangeOutcome("blocked")
        return PinChangeOutcome("wrong_code", CODE_MAX_ATTEMPTS - attempts)

"""Branch staff in maintenance mode: entry, the lockout, roles and the audit trail of every staff action.

Entry is checked on the kiosk itself, so it works offline: staff accounts are replicated from central (argon2
hashes only, this branch's and fleet-wide staff) and a disabled account is refused as soon as the pull that
carries `active = false` has run. Three ways in:

- staff number + PIN (`login`);
- the staff badge scanned with the barcode scanner (`login_badge`): the barcode holds `VST-<staff number>-<secret>`
  and central stores only the argon2 hash of the secret (staff.badge_hash), so a lost badge is revoked centrally
  by clearing the hash or disabling the account;
- the branch maintenance PIN (`login_branch`), set by `python -m kiosk provision` (hash in `[maintenance]`): the
  way in when no staff account can be used (a new or rebuilt replica that never reached central).

`[maintenance] max_attempts` wrong PINs in a row (5) lock entry on this kiosk for `lockout_minutes` (15), whatever
the way in; the count and the lock are kiosk_state rows, so a restart does not reset them. Every attempt and every
action is an audit event (staff id, kiosk, time, action, outcome) written in the same local transaction as what it
records and queued in the outbox, so central receives it exactly once (kiosk.sync.push). Neither a PIN nor a badge
secret is ever written to the audit or a log.

Roles are enforced here, not by hiding buttons: technician-only actions call `require(session, "technician")`,
which refuses an operator with ServiceError code `forbidden` (and audits the refusal). Sessions are tokens this
service issued and still holds: a StaffSession made up by a caller is refused like an expired one. Build one
StaffService per kiosk process (it holds the live staff sessions).
"""

from __future__ import annotations

import json
import re
import secrets
import threading
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from db.base import INTAKE_TABLES, LocalBase
from db.models import KioskState, LocalAuditEvent, LocalStaff, OutboxEntry
from kiosk.domain.maintenance import AuditEntry, OutOfService, StaffSession
from kiosk.services.auth import is_trivial_pin
from kiosk.services.context import ServiceContext
from kiosk.services.errors import AuthError, Forbidden, NotFound, SessionExpired, ValidationError
from kiosk.services.intake import new_id, queue
from kiosk.services.validation import text
from kiosk.sync import outbox
from kiosk.sync.heartbeat import OUT_OF_SERVICE_KEY, SERVICE_MESSAGE_KEY, SERVICE_MESSAGE_MAX, out_of_service

OPERATOR = "operator"
TECHNICIAN = "technician"
ROLES: tuple[str, ...] = (OPERATOR, TECHNICIAN)
_RANK = {OPERATOR: 1, TECHNICIAN: 2}

# kiosk_state keys of the lockout (wrong PINs in a row; the moment entry opens again, ISO UTC).
FAILURES_KEY = "maintenance.failed_logins"
LOCKED_UNTIL_KEY = "maintenance.locked_until"

BADGE_PREFIX = "VST"
BADGE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: scanners and eyes never confuse I/1, O/0
BADGE_SECRET_LENGTH = 16
_STAFF_NUMBER = re.compile(r"^[0-9]{1,9}$")
_PIN = re.compile(r"^[0-9]{4,6}$")  # ASCII digits, like customer PINs
_BADGE = re.compile(rf"^{BADGE_PREFIX}-([0-9]{{1,9}})-([{BADGE_ALPHABET}]{{{BADGE_SECRET_LENGTH}}})$")
REASON_MAX = 200

_HASHER = PasswordHasher()
_DUMMY: list[str] = []  # a hash checked for unknown staff numbers, so they take as long as a wrong PIN


def hash_secret(secret: str) -> str:
    """argon2id hash of a PIN or badge secret (what central and the configuration store)."""
    return _HASHER.hash(secret)


def verify_secret(hashed: str | None, secret: str) -> bool:
    """True when `secret` matches the argon2 hash; False for a mismatch or a hash that is empty or malformed."""
    if not hashed:
        return False
    try:
        return _HASHER.verify(hashed, secret)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _burn(secret: str) -> None:
    """Spend the time of one verification (unknown staff number: no timing difference to a wrong PIN)."""
    if not _DUMMY:
        _DUMMY.append(_HASHER.hash("000000"))
    verify_secret(_DUMMY[0], secret)


def new_branch_pin() -> str:
    """A random 6-digit branch maintenance PIN, never a trivial one (111111, 123456...)."""
    while True:
        pin = f"{secrets.randbelow(10**6):06d}"
        if not is_trivial_pin(pin):
            return pin


def new_badge(staff_number: int) -> tuple[str, str]:
    """(barcode text to print on the badge, hash to store in central's staff.badge_hash)."""
    secret = "".join(secrets.choice(BADGE_ALPHABET) for _ in range(BADGE_SECRET_LENGTH))
    return f"{BADGE_PREFIX}-{staff_number}-{secret}", hash_secret(secret)


class StaffService:
    """Staff entry, roles and audited maintenance actions over the replica (one instance per kiosk process)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._lock = threading.Lock()
        self._live: dict[str, tuple[StaffSession, datetime]] = {}  # token -> (session, last used)

    # -- entry -----------------------------------------------------------------------------------------------

    def login(self, staff_number: str, pin: str) -> StaffSession:
        """Staff number + PIN. Errors: malformed_staff_number, malformed_pin, wrong_pin(attempts_left),
        locked(locked_seconds), staff_refused(reason: disabled | other_branch | role)."""
        number = staff_number.strip()
        pin = pin.strip()
        if not _STAFF_NUMBER.fullmatch(number):
            self._refuse_malformed("pin", "malformed_staff_number", "staff_number")
        if not _PIN.fullmatch(pin):
            self._refuse_malformed("pin", "malformed_pin", "pin")
        return self._enter("pin", int(number), lambda row: verify_secret(row.pin_hash, pin), pin)

    def login_badge(self, code: str) -> StaffSession:
        """A scanned staff badge, `VST-<staff number>-<16 Crockford characters>`; errors as `login`, plus
        malformed_badge. A wrong secret counts toward the lockout like a wrong PIN."""
        match = _BADGE.fullmatch(code.strip().upper())
        if match is None:
            self._refuse_malformed("badge", "malformed_badge", "badge")
        assert match is not None
        secret = match.group(2)
        return self._enter("badge", int(match.group(1)), lambda row: verify_secret(row.badge_hash, secret), secret)

    def login_branch(self, pin: str) -> StaffSession:
        """The branch maintenance PIN from the configuration: entry as an operator.

        Operator, never technician: the branch PIN is shared by everyone at the branch and is not a person, so
        what is done with it cannot be traced to someone; it lives on the kiosk (its hash in the config file)
        and central cannot revoke it with a sync; and it exists so that the kiosk can be kept running (sync,
        paper, out of service) when no staff account works. Destructive or revealing actions (discarding rows,
        the configuration, leaving to the desktop) need a personal technician account.
        """
        pin = pin.strip()
        if not _PIN.fullmatch(pin):
            self._refuse_malformed("branch_pin", "malformed_pin", "pin")
        configured = self._ctx.config.maintenance.branch_pin_hash
        if not configured:
            with self._ctx.factory.begin() as db:
                self._audit(db, "staff_login", "no_branch_pin", None, via="branch_pin")
            raise AuthError("branch_pin_not_set")
        return self._enter("branch_pin", None, lambda _row: verify_secret(configured, pin), pin)

    def locked_seconds(self) -> int:
        """Seconds until entry opens again on this kiosk (0: open), for the keypad screen."""
        with self._ctx.factory() as db:
            return self._locked_for(db, self._ctx.now())

    def logout(self, session: StaffSession) -> None:
        """End the session (audited); a session already gone is not an error."""
        with self._lock:
            known = self._live.pop(session.token, None)
        if known is not None:
            with self._ctx.factory.begin() as db:
                self._audit(db, "staff_logout", "ok", session.staff_id)

    def _refuse_malformed(self, via: str, code: str, field_name: str) -> None:
        with self._ctx.factory.begin() as db:
            self._audit(db, "staff_login", "malformed", None, via=via)
        raise ValidationError(code, field=field_name)

    def _enter(self, via: str, staff_id: int | None, check: Any, secret: str) -> StaffSession:
        """One attempt: lockout, the staff row, the secret, the failure count and the audit in one transaction;
        the error (if any) is raised after the commit, so a refused attempt is counted and audited."""
        cfg = self._ctx.config.maintenance
        now = self._ctx.now()
        error: AuthError | None = None
        session: StaffSession | None = None
        with self._ctx.factory.begin() as db:
            locked = self._locked_for(db, now)
            row = db.get(LocalStaff, staff_id) if staff_id is not None else None
            known_id = row.id if row is not None else None
            if locked:
                self._audit(db, "staff_login", "locked", known_id, via=via)
                error = AuthError("locked", locked_seconds=locked)
            else:
                if staff_id is not None and row is None:
                    _burn(secret)
                    ok = False
                else:
                    ok = bool(check(row))
                if not ok:
                    failures = self._failures(db) + 1
                    if failures >= cfg.max_attempts:
                        until = now + timedelta(minutes=cfg.lockout_minutes)
                        _put(db, LOCKED_UNTIL_KEY, until.isoformat())
                        _put(db, FAILURES_KEY, "0")
                        self._audit(db, "staff_login", "wrong_pin", known_id, via=via, locked=True)
                        error = AuthError("locked", locked_seconds=cfg.lockout_minutes * 60)
                    else:
                        _put(db, FAILURES_KEY, str(failures))
                        self._audit(db, "staff_login", "wrong_pin", known_id, via=via)
                        error = AuthError("wrong_pin", attempts_left=cfg.max_attempts - failures)
                elif row is not None and (refused := self._refusal(row)):
                    self._audit(db, "staff_login", "refused", known_id, via=via, reason=refused)
                    error = AuthError("staff_refused", reason=refused)
                else:
                    _put(db, FAILURES_KEY, "0")
                    session = StaffSession(
                        staff_id=known_id,
                        name=row.name if row is not None else "",
                        role=row.role if row is not None else OPERATOR,
                        branch=self._ctx.config.kiosk.branch,
                        started_at=now,
                        via=via,
                        token=secrets.token_urlsafe(32),
                    )
                    self._audit(db, "staff_login", "ok", known_id, via=via, role=session.role)
        if error is not None:
            raise error
        assert session is not None
        with self._lock:
            self._live[session.token] = (session, now)
        return session

    def _refusal(self, row: LocalStaff) -> str:
        """Why a staff member with the right PIN may not enter here ('' when they may)."""
        if not row.active:
            return "disabled"
        if row.branch_id is not None and row.branch_id != self._ctx.config.kiosk.branch:
            return "other_branch"  # a SQLite central (demo) sends every branch's staff; PostgreSQL only ours
        if row.role not in ROLES:
            return "role"
        return ""

    def _failures(self, db: Session) -> int:
        raw = db.get(KioskState, FAILURES_KEY)
        return int(raw.value) if raw is not None and raw.value.isdigit() else 0

    def _locked_for(self, db: Session, now: datetime) -> int:
        raw = db.get(KioskState, LOCKED_UNTIL_KEY)
        if raw is None or not raw.value:
            return 0
        left = (datetime.fromisoformat(raw.value) - now).total_seconds()
        return max(0, int(left + 0.999))

    # -- roles -----------------------------------------------------------------------------------------------

    def require(self, session: StaffSession, role: str) -> StaffSession:
        """The live session, if it holds at least `role`; else SessionExpired (session_expired: logged out,
        timed out, or never issued here) or Forbidden (forbidden, required=role; audited)."""
        live = self._check(session)
        if _RANK.get(live.role, 0) < _RANK[role]:
            with self._ctx.factory.begin() as db:
                self._audit(db, "forbidden", "forbidden", live.staff_id, required=role)
            raise Forbidden("forbidden", required=role)
        return live

    def _check(self, session: StaffSession) -> StaffSession:
        now = self._ctx.now()
        idle = timedelta(minutes=self._ctx.config.maintenance.session_minutes)
        with self._lock:
            entry = self._live.get(session.token)
            if entry is None or entry[0] != session:
                raise SessionExpired("session_expired")
            if now - entry[1] > idle:
                del self._live[session.token]
                raise SessionExpired("session_expired")
            self._live[session.token] = (entry[0], now)
            return entry[0]

    # -- actions ---------------------------------------------------------------------------------------------

    def parked(self, session: StaffSession) -> list[outbox.ParkedRow]:
        """Outbox rows central rejected, with its reasons (operator)."""
        live = self.require(session, OPERATOR)
        with self._ctx.factory.begin() as db:
            rows = outbox.parked(db)
            self._audit(db, "parked_view", "ok", live.staff_id, rows=len(rows))
        return rows

    def retry_parked(self, session: StaffSession, seq: int | None = None) -> int:
        """Queue one parked row (or all) again, e.g. after central was fixed; returns how many (operator)."""
        live = self.require(session, OPERATOR)
        with self._ctx.factory.begin() as db:
            n = outbox.requeue_parked(db, seq)
            self._audit(db, "parked_retry", "ok" if n else "not_found", live.staff_id, seq=seq, rows=n)
        return n

    def discard_parked(self, session: StaffSession, seq: int, reason: str) -> None:
        """Give up on one parked row (technician, with a reason): its outbox entry and its local row are deleted,
        so it is never pushed, no replica rebuild queues it again, and the personal data it kept is gone. The
        audit event names the table, the row id and the reason."""
        live = self.require(session, TECHNICIAN)
        why = text("reason", reason, max_len=REASON_MAX)
        with self._ctx.factory.begin() as db:
            entry = db.scalars(select(OutboxEntry).where(OutboxEntry.seq == seq)
                               .where(OutboxEntry.state == outbox.PARKED)).one_or_none()
            if entry is None:
                self._audit(db, "parked_discard", "not_found", live.staff_id, seq=seq)
            else:
                if entry.table_name in INTAKE_TABLES:
                    table = LocalBase.metadata.tables[entry.table_name]
                    db.execute(delete(table).where(table.c.id == entry.row_id))
                self._audit(db, "parked_discard", "ok", live.staff_id, seq=seq, table=entry.table_name,
                            row_id=entry.row_id, reason=why)
                db.delete(entry)
        if entry is None:
            raise NotFound("parked_row_not_found")

    def config_view(self, session: StaffSession) -> dict[str, dict[str, Any]]:
        """The running configuration by section (technician), secrets hidden: the central password, the payment
        signing key and the branch PIN hash show as '***' when set."""
        live = self.require(session, TECHNICIAN)
        cfg = self._ctx.config
        view: dict[str, dict[str, Any]] = {
            name: value for name, value in cfg.model_dump(mode="json").items() if isinstance(value, dict)
        }
        if cfg.central.url:
            view["central"]["url"] = make_url(cfg.central.url).render_as_string(hide_password=True)
        if cfg.payments.hmac_key:
            view["payments"]["hmac_key"] = "***"
        if cfg.maintenance.branch_pin_hash:
            view["maintenance"]["branch_pin_hash"] = "***"
        with self._ctx.factory.begin() as db:
            self._audit(db, "config_view", "ok", live.staff_id)
        return view

    def set_out_of_service(self, session: StaffSession, on: bool, message: str = "") -> None:
        """Put the kiosk out of service with a message for the customer home (operator), or back in service.
        The heartbeat reports both (kiosk.sync.heartbeat.out_of_service)."""
        live = self.require(session, OPERATOR)
        shown = text("message", message, max_len=SERVICE_MESSAGE_MAX, required=False) if on else ""
        with self._ctx.factory.begin() as db:
            _put(db, OUT_OF_SERVICE_KEY, "1" if on else "0")
            _put(db, SERVICE_MESSAGE_KEY, shown)
            self._audit(db, "out_of_service" if on else "in_service", "ok", live.staff_id, message=shown)

    def out_of_service(self) -> OutOfService:
        """The flag the customer home reads (no session: customers see it)."""
        with self._ctx.engine.connect() as conn:
            on, message = out_of_service(conn)
        return OutOfService(on, message)

    def audit_trail(self, session: StaffSession, limit: int = 50) -> list[AuditEntry]:
        """The newest audit events of this kiosk, newest first (operator; no personal data in them)."""
        self.require(session, OPERATOR)
        with self._ctx.factory() as db:
            # Events of one instant (a coarse clock, a fixed test clock) keep the order they were queued in.
            queued = (OutboxEntry.row_id == LocalAuditEvent.id) & (OutboxEntry.table_name == "audit_events")
            rows = db.scalars(select(LocalAuditEvent).outerjoin(OutboxEntry, queued)
                              .order_by(LocalAuditEvent.created_at.desc(), OutboxEntry.seq.desc().nulls_last())
                              .limit(max(1, min(limit, 500)))).all()
            return [AuditEntry(r.created_at, r.staff_id, r.event, r.outcome, json.loads(r.detail or "{}"))
                    for r in rows]

    def record(self, session: StaffSession, action: str, outcome: str, **detail: Any) -> None:
        """Audit an action whose work runs elsewhere (the UI's sync bridge: sync now, reconcile now; leaving to
        the desktop). Needs a live session (operator); `detail` must hold no secret and no personal data."""
        live = self.require(session, OPERATOR)
        with self._ctx.factory.begin() as db:
            self._audit(db, action, outcome, live.staff_id, **detail)

    def audit(self, db: Session, session: StaffSession, action: str, outcome: str, **detail: Any) -> None:
        """One audit event for `session` in the caller's transaction (kiosk.services.maintenance: the action's
        outcome and its audit event commit together)."""
        self._audit(db, action, outcome, session.staff_id, **detail)

    # -- audit -----------------------------------------------------------------------------------------------

    def _audit(self, db: Session, action: str, outcome: str, staff_id: int | None, **detail: Any) -> None:
        """One audit event in the caller's transaction, queued for central. `detail` never holds a secret."""
        kiosk = self._ctx.config.kiosk
        queue(db, LocalAuditEvent(
            id=new_id(), kiosk_id=kiosk.id, branch_id=kiosk.branch, created_at=self._ctx.now(), event=action[:40],
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True), staff_id=staff_id, outcome=outcome[:16],
        ))


def _put(db: Session, key: str, value: str) -> None:
    insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(KioskState).values(key=key, value=value)
    db.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))

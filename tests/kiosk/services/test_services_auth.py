"""Login and PIN registration through central: outcomes mapped to stable codes, sessions registered.

The central side here is a stand-in with CentralAuth's contract (kiosk.central.credentials) that keeps its
state in memory; the contract tests of the real CentralAuth live with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from sqlalchemy import select
from svc_replica import ACCOUNT, Replica

from db.models import LocalPinRequest, OutboxEntry
from kiosk.services.account import AccountService
from kiosk.services.auth import AuthService, is_trivial_pin
from kiosk.services.errors import AuthError, CentralUnavailable, SessionExpired, ValidationError


class Unreachable(Exception):
    pass


@dataclass
class Outcome:
    ok: bool
    attempts_left: int | None = None
    locked_seconds: int | None = None
    first_name: str | None = None


@dataclass
class ConfirmOutcome:
    status: str
    attempts_left: int | None = None


@dataclass
class StandInCentral:
    pins: dict[int, str] = field(default_factory=lambda: {ACCOUNT: "2580"})
    failures: dict[int, int] = field(default_factory=dict)
    codes: dict[str, tuple[int, str, int]] = field(default_factory=dict)  # request -> (account, code, attempts)
    up: bool = True
    max_failures: int = 5

    def login(self, account_id: int, pin: str) -> Outcome:
        if not self.up:
            raise Unreachable
        failed = self.failures.get(account_id, 0)
        if failed >= self.max_failures:
            return Outcome(False, 0, 900)
        if self.pins.get(account_id) == pin:
            self.failures[account_id] = 0
            return Outcome(True, first_name="Juan")
        self.failures[account_id] = failed + 1
        left = self.max_failures - failed - 1
        return Outcome(False, left, 900 if left == 0 else None)

    def request_code(self, request_id: str, account_id: int, document_number: str, channel: str) -> None:
        if not self.up:
            raise Unreachable
        self.codes[request_id] = (account_id, "123456", 0)

    def confirm_code(self, request_id: str, code: str, new_pin: str) -> ConfirmOutcome:
        if not self.up:
            raise Unreachable
        if request_id == "expired":
            return ConfirmOutcome("expired")
        account_id, expected, attempts = self.codes[request_id]
        if attempts >= 3:
            return ConfirmOutcome("blocked")
        if code != expected:
            self.codes[request_id] = (account_id, expected, attempts + 1)
            return ConfirmOutcome("wrong_code", 2 - attempts)
        self.pins[account_id] = new_pin
        return ConfirmOutcome("done")


@pytest.fixture
def central() -> StandInCentral:
    return StandInCentral()


@pytest.fixture
def auth(replica: Replica, central: StandInCentral, monkeypatch: pytest.MonkeyPatch) -> AuthService:
    service = AuthService(replica.ctx, central)
    monkeypatch.setattr(service, "_unreachable", (Unreachable,))
    return service


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
def test_malformed_login(auth: AuthService, central: StandInCentral, account: str, pin: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        auth.login(account, pin)
    assert err.value.code == code
    assert central.failures == {}  # central never asked


def test_central_unreachable(replica: Replica, auth: AuthService, central: StandInCentral) -> None:
    central.up = False
    with pytest.raises(CentralUnavailable) as err:
        auth.login("1001", "2580")
    assert err.value.code == "login_unavailable"
    with pytest.raises(CentralUnavailable):
        AuthService(replica.ctx, None).login("1001", "2580")


def test_pin_request_is_queued_and_sent(replica: Replica, auth: AuthService, central: StandInCentral) -> None:
    request_id = auth.request_pin_code("1001", "30.123.456", "sms")
    assert request_id in central.codes
    with replica.factory() as db:
        row = db.get(LocalPinRequest, request_id)
        assert row is not None and (row.account_id, row.document_number, row.channel) == (ACCOUNT, "30123456", "sms")
        queued = db.scalars(select(OutboxEntry.table_name).where(OutboxEntry.row_id == request_id)).one()
        assert queued == "pin_requests"
    auth.set_pin(request_id, "123456", "2468", "2468")
    assert central.pins[ACCOUNT] == "2468"
    assert auth.login("1001", "2468").account_id == ACCOUNT


def test_pin_request_offline_is_still_queued(replica: Replica, auth: AuthService, central: StandInCentral) -> None:
    central.up = False
    request_id = auth.request_pin_code("1001", "30123456", "email")
    with replica.factory() as db:
        assert db.get(LocalPinRequest, request_id) is not None
    with pytest.raises(CentralUnavailable) as err:
        auth.set_pin(request_id, "123456", "2468", "2468")
    assert err.value.code == "pin_service_unavailable"


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


def test_set_pin_outcomes(auth: AuthService) -> None:
    request_id = auth.request_pin_code("1001", "30123456", "sms")
    with pytest.raises(AuthError) as err:
        auth.set_pin(request_id, "000000", "2468", "2468")
    assert (err.value.code, err.value.params) == ("wrong_code", {"attempts_left": 2})
    for _ in range(2):
        with pytest.raises(AuthError):
            auth.set_pin(request_id, "000000", "2468", "2468")
    with pytest.raises(AuthError) as err:
        auth.set_pin(request_id, "123456", "2468", "2468")
    assert err.value.code == "code_blocked"
    with pytest.raises(AuthError) as err:
        auth.set_pin("expired", "123456", "2468", "2468")
    assert err.value.code == "code_expired"


@pytest.mark.parametrize(("code", "pin", "repeat", "error"), [
    ("12", "2468", "2468", "malformed_code"),
    ("123456", "24", "24", "malformed_pin"),
    ("123456", "2468", "2469", "pin_mismatch"),
    ("123456", "1111", "1111", "pin_too_simple"),
    ("123456", "1234", "1234", "pin_too_simple"),
    ("123456", "987654", "987654", "pin_too_simple"),
])
def test_set_pin_validation(auth: AuthService, central: StandInCentral, code: str, pin: str, repeat: str,
                            error: str) -> None:
    request_id = auth.request_pin_code("1001", "30123456", "sms")
    with pytest.raises(ValidationError) as err:
        auth.set_pin(request_id, code, pin, repeat)
    assert err.value.code == error
    assert central.pins[ACCOUNT] == "2580"


@pytest.mark.parametrize(("pin", "trivial"), [("1111", True), ("0123", True), ("6543", True), ("1357", False),
                                              ("2580", False), ("1212", False), ("123457", False)])
def test_trivial_pins(pin: str, trivial: bool) -> None:
    assert is_trivial_pin(pin) is trivial

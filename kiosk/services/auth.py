"""Login with account + PIN, and PIN registration/reset, through the central login functions.

PINs are never checked or stored on the kiosk: central verifies them, counts failures and locks accounts.
When central cannot be reached, login says so and the kiosk keeps serving look-ups and prints.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import secrets
from typing import Protocol

from sqlalchemy import select

from db.models import LocalAccount, LocalCustomer, LocalPinRequest
from kiosk import redaction
from kiosk.central.credentials import CentralUnreachable, LoginOutcome, PinChangeOutcome
from kiosk.services.api import CustomerSession
from kiosk.services.context import ServiceContext
from kiosk.services.errors import AuthError, CentralUnavailable, ValidationError
from kiosk.services.intake import new_id, queue
from kiosk.services.lookup import normalise_account

CHANNELS = ("sms", "email")
_PIN = re.compile(r"^[0-9]{4,6}$")  # ASCII digits: \d would take "١٢٣٤"
_CODE = re.compile(r"^[0-9]{4,8}$")
_DOCUMENT = re.compile(r"^[0-9A-Z]{6,12}$")


class CentralAuthPort(Protocol):
    """What the kiosk needs of kiosk.central.credentials.CentralAuth (tests may pass another central)."""

    def login(self, account_id: int, pin: str) -> LoginOutcome: ...
    def request_code(self, request_id: str, account_id: int, document_number: str, channel: str) -> None: ...
    def confirm_code(self, request_id: str, code: str, new_pin: str) -> PinChangeOutcome: ...


def _unreachable_types() -> tuple[type[BaseException], ...]:
    """CentralAuth's CentralUnreachable plus the low-level errors a dropped link may raise past it."""
    import sqlalchemy.exc

    return (CentralUnreachable, sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError, OSError)


def is_trivial_pin(pin: str) -> bool:
    """1111, 1234, 4321, 0123, 987654...: one digit repeated or a run of consecutive digits."""
    if len(set(pin)) == 1:
        return True
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    return steps in ({1}, {-1})


def _pin(value: str, field: str) -> str:
    value = value.strip()
    if not _PIN.fullmatch(value):
        raise ValidationError("malformed_pin", field=field)
    return value


class AuthService:
    """Login, logout and PIN registration/reset. Live sessions are kept in the context's registry."""

    def __init__(self, ctx: ServiceContext, central: CentralAuthPort | None) -> None:
        self._ctx = ctx
        self._central = central
        self._unreachable = _unreachable_types()

    def login(self, account: str, pin: str) -> CustomerSession:
        account_id = normalise_account(account)
        pin = _pin(pin, "pin")
        if self._central is None:
            raise CentralUnavailable("login_unavailable")
        try:
            outcome = self._central.login(account_id, pin)
        except self._unreachable:
            raise CentralUnavailable("login_unavailable") from None
        if not outcome.ok:
            if outcome.locked_seconds:
                raise AuthError("locked", locked_seconds=int(outcome.locked_seconds))
            raise AuthError("wrong_pin", attempts_left=int(outcome.attempts_left or 0))
        session = CustomerSession(
            account_id=account_id,
            first_name=outcome.first_name or self._first_name(account_id),
            started_at=self._ctx.now(),
            token=secrets.token_urlsafe(32),
        )
        self._ctx.sessions.add(session)
        redaction.remember(account_id, session.first_name)  # masked in every log line until logout
        return session

    def logout(self, session: CustomerSession) -> None:
        self._ctx.sessions.remove(session.token)
        self._ctx.grants.clear()
        redaction.forget(session.account_id, session.first_name)

    def request_pin_code(self, account: str, document: str, channel: str) -> str:
        """Queue the PIN request locally, then ask central to send the code now if it can be reached.

        Returns the request id the customer's code belongs to. The answer is the same whether or not the
        account and document match (central just sends nothing), so this cannot be used to probe accounts.
        """
        account_id = normalise_account(account)
        document_number = re.sub(r"[\s.\-]", "", document).upper()
        if not _DOCUMENT.fullmatch(document_number):
            raise ValidationError("malformed_document", field="document")
        if channel not in CHANNELS:
            raise ValidationError("invalid_channel", field="channel")
        request_id = new_id()
        with self._ctx.factory.begin() as session:
            queue(
                session,
                LocalPinRequest(
                    id=request_id,
                    kiosk_id=self._ctx.config.kiosk.id,
                    branch_id=self._ctx.config.kiosk.branch,
                    created_at=self._ctx.now(),
                    account_id=account_id,
                    document_number=document_number,
                    channel=channel,
                ),
            )
        if self._central is not None:
            # Unreachable: the queued request reaches central with the next push; central sends the code then.
            with contextlib.suppress(*self._unreachable):
                self._central.request_code(request_id, account_id, document_number, channel)
        return request_id

    def set_pin(self, request_id: str, code: str, new_pin: str, repeat_pin: str) -> None:
        code = code.strip()
        if not _CODE.fullmatch(code):
            raise ValidationError("malformed_code", field="code")
        new_pin = _pin(new_pin, "new_pin")
        if repeat_pin.strip() != new_pin:
            raise ValidationError("pin_mismatch", field="repeat_pin")
        if is_trivial_pin(new_pin):
            raise ValidationError("pin_too_simple", field="new_pin")
        if self._central is None:
            raise CentralUnavailable("pin_service_unavailable")
        try:
            outcome = self._central.confirm_code(request_id, code, new_pin)
        except self._unreachable:
            raise CentralUnavailable("pin_service_unavailable") from None
        if outcome.status == "ok":
            return
        if outcome.status == "wrong_code":
            raise AuthError("wrong_code", attempts_left=outcome.attempts_left)
        if outcome.status == "expired":
            raise AuthError("code_expired")
        raise AuthError("code_blocked")

    def _first_name(self, account_id: int) -> str:
        with self._ctx.factory() as session:
            name = session.execute(
                select(LocalCustomer.first_name)
                .join(LocalAccount, LocalAccount.customer_id == LocalCustomer.id)
                .where(LocalAccount.id == account_id)
            ).scalar_one_or_none()
        return name or ""

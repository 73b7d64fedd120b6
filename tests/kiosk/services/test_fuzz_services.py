"""Fuzz every service input a customer types (or a scanner sends): only ServiceError comes out, never a crash.

Each test feeds arbitrary text and numbers (control characters, huge and negative numbers, unicode digits,
very long strings) to one service method on the seeded replica, and login/PIN registration on a real migrated
central (the `central` fixture of test_services_auth). A ServiceError subclass is the service saying "no" in a
way the UI translates; any other exception is a crash and fails the test. Run with -s for the counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from svc_replica import ACCOUNT, ELECTRICITY, PREPAID, WATER, Replica
from test_services_auth import central  # noqa: F401  (fixture: a migrated central with account 1001)

from kiosk.central.credentials import CentralAuth
from kiosk.domain import RequestKind
from kiosk.services.account import AccountService
from kiosk.services.auth import AuthService
from kiosk.services.claims import ClaimService
from kiosk.services.errors import ServiceError, ValidationError
from kiosk.services.lookup import LookupService
from kiosk.services.payments import PaymentService
from kiosk.services.readings import ReadingService
from kiosk.services.requests import FORMS, RequestService

RUNS: Counter[str] = Counter()  # examples run per test
REFUSED: Counter[str] = Counter()  # of which the service answered with a ServiceError

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))

# Text a customer could type or a scanner send, biased toward what parsers choke on.
_TRICKY = st.sampled_from([
    "", " ", "0", "-1", "-0", "+5", "1_9", "1e30", "NaN", "inf", "١٢٣٤", "１２３４", "0x1F", "99999999999999999999999",
    "\x00", "1234\x00", "12\n34", "\t", "'; DROP TABLE invoices; --", "%s%s%n", "{0}", "0021-00001234", "0" * 200,
    "😀", "\u202e1234", "１", "1.5", "1,5", "ÑANDÚ", "a" * 10_000,
])
# Any code point, control characters and lone surrogates included (st.text() leaves surrogates out).
_ANY_CHAR = st.text(st.characters(blacklist_categories=()), max_size=30)
_CONTROL = st.builds(lambda a, c, b: a + c + b, st.text(max_size=8), st.characters(max_codepoint=0x1F),
                     st.text(max_size=8))
TEXT = st.one_of(_TRICKY, st.text(max_size=60), st.from_regex(r"[0-9 .\-]{0,30}", fullmatch=True),
                 st.integers().map(str), _ANY_CHAR, _CONTROL)
NUMBER = st.one_of(st.integers(), st.sampled_from([0, -1, 2**31, 2**63, -(2**63) - 1, 10**30, ELECTRICITY, WATER]))
# Mostly the account's own supplies, so the examples get past "not your supply" to the checks behind it.
SUPPLY = st.one_of(st.sampled_from([ELECTRICITY, WATER]), st.sampled_from([ELECTRICITY, WATER]), NUMBER)
CATEGORY = st.one_of(st.sampled_from(["no_supply", "water_leak"]), st.sampled_from(["no_supply", "water_leak"]),
                     TEXT)
FIELD_VALUE = st.one_of(st.sampled_from([str(ELECTRICITY), "3511234567", "email", "yes", "juan@example.com"]), TEXT)


def _call(name: str, action: Callable[[], Any]) -> None:
    RUNS[name] += 1
    try:
        action()
    except ServiceError:
        REFUSED[name] += 1


@pytest.fixture
def fresh(replica: Replica) -> Iterator[Replica]:
    """The replica; each example moves the clock an hour on so per-kiosk throttles do not hide the inputs."""
    yield replica


def _tick(replica: Replica) -> None:
    replica.clock.advance(3600)


@FUZZ
@given(account=TEXT, invoice=TEXT)
def test_fuzz_lookup_by_number(fresh: Replica, account: str, invoice: str) -> None:
    _tick(fresh)
    _call("lookup.by_number", lambda: LookupService(fresh.ctx).by_number(account, invoice))


@FUZZ
@given(scanned=TEXT)
def test_fuzz_lookup_by_scan(fresh: Replica, scanned: str) -> None:
    _tick(fresh)
    _call("lookup.by_scan", lambda: LookupService(fresh.ctx).by_scan(scanned))


@FUZZ
@given(supply=SUPPLY, category=CATEGORY, description=st.one_of(st.just("Sin luz desde ayer"), TEXT),
       phone=st.one_of(st.sampled_from(["on_file", "3511234567"]), TEXT), when=st.one_of(st.just(""), TEXT))
def test_fuzz_claims(fresh: Replica, supply: int, category: str, description: str, phone: str, when: str) -> None:
    _tick(fresh)
    _call("claims.file", lambda: ClaimService(fresh.ctx).file(fresh.login(), supply, category, description, phone,
                                                               when))


@FUZZ
@given(description=st.one_of(TEXT, _CONTROL), when=st.one_of(st.just(""), TEXT, _CONTROL),
       phone=st.one_of(st.just("3511234567"), TEXT))
def test_fuzz_claim_texts_reach_the_database(fresh: Replica, description: str, when: str, phone: str) -> None:
    """Supply and category valid, so whatever text the checks let through is written to the replica."""
    _tick(fresh)
    _call("claims.file(texts)", lambda: ClaimService(fresh.ctx).file(fresh.login(), ELECTRICITY, "no_supply",
                                                                      description, phone, when))


@FUZZ
@given(supply=SUPPLY, value=st.one_of(st.integers(0, 99999), NUMBER), rollover=st.booleans(), high=st.booleans())
def test_fuzz_readings(fresh: Replica, supply: int, value: int, rollover: bool, high: bool) -> None:
    _tick(fresh)
    service = ReadingService(fresh.ctx)
    _call("readings.check", lambda: service.check(fresh.login(), supply))
    _call("readings.submit", lambda: service.submit(fresh.login(), supply, value, confirm_rollover=rollover,
                                                    confirm_high=high))


_GOOD = {"supply": str(ELECTRICITY), "phone": "351 123-4567", "email": "juan@example.com",
         "document": "30123456", "text": "Texto", "long_text": "Texto", "hours": "9 a 12"}


@st.composite
def _request(draw: st.DrawFn) -> tuple[RequestKind, dict[str, str]]:
    """A valid form of a random kind with some fields replaced, dropped or added with arbitrary text."""
    kind = draw(st.sampled_from(sorted(FORMS, key=str)))
    fields = {f.name: (f.choices[0] if f.choices else _GOOD[f.kind]) for f in FORMS[kind].fields}
    for name in draw(st.lists(st.sampled_from(sorted(fields)), max_size=3)):
        if draw(st.booleans()):
            fields[name] = draw(TEXT)
        else:
            fields.pop(name, None)
    if draw(st.integers(0, 9)) == 0:
        fields[draw(TEXT)] = draw(TEXT)
    return kind, fields


@FUZZ
@given(request=_request(), language=st.sampled_from(["es", "en", "", "xx"]))
def test_fuzz_requests_and_contact_change(
    fresh: Replica, request: tuple[RequestKind, dict[str, str]], language: str
) -> None:
    _tick(fresh)
    kind, fields = request
    _call("requests.submit", lambda: RequestService(fresh.ctx).submit(fresh.login(), kind, fields, language))


@FUZZ
@given(plan=st.one_of(st.sampled_from([1, 2, 3]), NUMBER), invoice=NUMBER, supply=SUPPLY, periods=NUMBER,
       months=NUMBER)
def test_fuzz_payment_slip_and_account(
    fresh: Replica, plan: int, invoice: int, supply: int, periods: int, months: int
) -> None:
    _tick(fresh)
    prepaid, account = fresh.login(PREPAID, "Ana"), AccountService(fresh.ctx)
    _call("payments.slip_for_plan", lambda: PaymentService(fresh.ctx).slip_for_plan(prepaid, plan, "es"))
    _call("account.invoice_detail", lambda: account.invoice_detail(fresh.login(), invoice))
    _call("account.invoice_detail(walk-in)", lambda: account.invoice_detail(None, invoice))
    _call("account.consumption", lambda: account.consumption(fresh.login(), supply, periods))
    _call("account.statement", lambda: account.statement(fresh.login(), months))


@FUZZ
@given(account=st.one_of(st.just(str(ACCOUNT)), TEXT), pin=st.one_of(st.sampled_from(["2580", "0000"]), TEXT))
def test_fuzz_login(replica: Replica, central: sa.Engine, account: str, pin: str) -> None:  # noqa: F811
    _tick(replica)
    _call("auth.login", lambda: AuthService(replica.ctx, CentralAuth(central)).login(account, pin))


@FUZZ
@given(account=st.one_of(TEXT, st.just(str(ACCOUNT))), document=TEXT, channel=st.one_of(TEXT, st.just("sms")),
       code=TEXT, new_pin=TEXT, repeat=st.booleans(), other=TEXT)
def test_fuzz_pin_register_and_reset(
    replica: Replica, central: sa.Engine, account: str, document: str, channel: str,  # noqa: F811
    code: str, new_pin: str, repeat: bool, other: str,
) -> None:
    _tick(replica)
    auth = AuthService(replica.ctx, CentralAuth(central))
    request_id = other
    RUNS["auth.request_pin_code"] += 1
    try:
        request_id = auth.request_pin_code(account, document, channel)
    except ServiceError:
        REFUSED["auth.request_pin_code"] += 1
    _call("auth.set_pin", lambda: auth.set_pin(request_id, code, new_pin, new_pin if repeat else other))


@pytest.mark.parametrize("text", ["Sin luz\x00", "Sin\x1b[2J luz", "Sin luz \ud800"])
def test_control_characters_and_surrogates_are_refused_not_stored(fresh: Replica, text: str) -> None:
    """NUL broke the PostgreSQL insert (a crash, not a message); escapes would reach printer and staff."""
    with pytest.raises(ValidationError) as claim:
        ClaimService(fresh.ctx).file(fresh.login(), ELECTRICITY, "no_supply", text, "3511234567", "")
    assert claim.value.params == {"field": "description", "reason": "invalid"}
    with pytest.raises(ValidationError):
        RequestService(fresh.ctx).submit(fresh.login(), RequestKind.CALLBACK, {"message": text, "phone": "3511234567"},
                                         "es")


@pytest.mark.parametrize(("account", "pin"), [("1001", "١٢٣٤"), ("1001", "25８0"), ("²", "2580"), ("١٠٠١", "2580")])
def test_only_ascii_digits_are_numbers(fresh: Replica, account: str, pin: str) -> None:
    """\\d and str.isdigit() take Arabic-Indic and superscript digits; int("²") then crashed the login."""
    with pytest.raises(ValidationError):
        AuthService(fresh.ctx, None).login(account, pin)


def test_zz_report_service_fuzz() -> None:
    """With -s: examples per service method (a crash fails the test that ran it, so every count crashed 0)."""
    for name in sorted(RUNS):
        print(f"service fuzz {name}: {RUNS[name]} calls, {REFUSED[name]} refused with a ServiceError, 0 crashed")
    print(f"service fuzz total: {sum(RUNS.values())} calls, 0 crashed")

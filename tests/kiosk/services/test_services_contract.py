"""One contract, two implementations: every test runs on the in-memory fakes (kiosk.testing) and on the real
services over a replica synced from a seeded central SQLite (kiosk.demo.prepare, real CentralAuth login).

What is asserted is what the screens rely on and both must share: shapes, orders, invariants (sums, running
balances) and error codes, not data values (the fake world and the seed hold different customers). A test that
fails only for "fake" means the fake drifted from the real thing: fix the fake.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain import (
    AccountKind,
    CaseStatus,
    ClaimCategory,
    ConsumptionPoint,
    InvoiceStatus,
    InvoiceSummary,
    Money,
    OutOfService,
    PaymentAgreement,
    Plan,
    PrinterState,
    RequestKind,
    Supply,
)
from kiosk.payments.reference import make_barcode
from kiosk.services.api import PHONE_ON_FILE, CustomerSession, KioskServices, PrintResult
from kiosk.services.errors import (
    CODES,
    STAFF_CODES,
    AuthError,
    Forbidden,
    NotFound,
    ServiceError,
    SessionExpired,
    ValidationError,
)
from kiosk.sync.report import SyncStatus
from kiosk.testing.fakes import fake_services
from kiosk.testing.world import TODAY, FakeWorld, build_world, demo_branding

NOON = datetime.combine(TODAY, time(15, 0), tzinfo=UTC)  # midday in Argentina on the fake world's day
DEMO_ACCOUNTS = 30


@dataclass
class Side:
    """One implementation with the accounts the contract needs."""

    name: str
    services: KioskServices
    account: str  # postpaid, with open invoices and a metered supply whose reading window is open
    pin: str
    closed: tuple[str, str]  # an account whose reading window is closed
    prepaid: tuple[str, str] | None
    prints: Path
    world: FakeWorld | None = None
    sessions: list[CustomerSession] = field(default_factory=list)

    def login(self, creds: tuple[str, str] | None = None) -> CustomerSession:
        account, pin = creds or (self.account, self.pin)
        session = self.services.auth.login(account, pin)
        self.sessions.append(session)
        return session

    def close_window(self) -> tuple[str, str]:
        """Credentials of an account whose reading window is closed today."""
        if self.world is not None:
            self.world.window_open = False
        return self.closed


Prepared = tuple[Path, dict[str, Any]]


def _prepare(factory: pytest.TempPathFactory, profile: str) -> Prepared:
    """The demo's central and replica for a profile as of the fake world's day."""
    from kiosk.demo import prepare

    config, facts = prepare(factory.mktemp(profile), profile, DEMO_ACCOUNTS, log=lambda _m: None, today=TODAY)
    return config.data_dir, facts


@pytest.fixture(scope="module")
def demo_coop(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    """coop-ar (postpaid electricity and water), prepared once per module."""
    return _prepare(tmp_path_factory, "coop-ar")


@pytest.fixture(scope="module")
def demo_wisp(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    """wisp-mx (prepaid internet plans), prepared once per module."""
    return _prepare(tmp_path_factory, "wisp-mx")


def _real(tmp_path: Path, prepared: Prepared, profile: str = "coop-ar") -> Side:
    """The real services over a copy of the prepared demo (each test may log in wrong, file claims, print)."""
    from kiosk.demo import demo_config
    from kiosk.services.factory import build_services

    folder, facts = prepared
    copy = tmp_path / "real"
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("prints"))
    branding = demo_branding(profile)
    config = demo_config(copy, profile, f"sqlite:///{copy / 'central.sqlite3'}", branding.timezone)
    services = build_services(config, clock=lambda: NOON)
    demo = [d for d in facts["demo"] if d.get("pin")]
    postpaid = [d for d in demo if d["kind"] == "postpaid"] or demo
    main = next((d for d in postpaid if d["open_window"] and d["overdue"] + d["pending"] > 0), postpaid[0])
    closed = next((d for d in postpaid if not d["open_window"]), postpaid[0])
    prepaid = next((d for d in demo if d["kind"] == "prepaid"), None)
    return Side("real", services, str(main["account_id"]), str(main["pin"]),
                (str(closed["account_id"]), str(closed["pin"])),
                (str(prepaid["account_id"]), str(prepaid["pin"])) if prepaid else None, config.print_folder)


def _fake(tmp_path: Path, profile: str = "coop-ar") -> Side:
    world = build_world(tmp_path / "prints")
    services = fake_services(world, demo_branding(profile))
    return Side("fake", services, "1001", world.customers[1001].pin, ("1001", world.customers[1001].pin),
                ("1003", world.customers[1003].pin), tmp_path / "prints", world)


@pytest.fixture(params=["fake", "real"])
def side(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Side]:
    if request.param == "fake":
        yield _fake(tmp_path)
    else:
        yield _real(tmp_path, request.getfixturevalue("demo_coop"))


@pytest.fixture(params=["fake", "real"])
def prepaid_side(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Side]:
    """A profile that sells prepaid plans (wisp-mx)."""
    if request.param == "fake":
        yield _fake(tmp_path, "wisp-mx")
    else:
        yield _real(tmp_path, request.getfixturevalue("demo_wisp"), "wisp-mx")


def _raises(call: Callable[[], object], kind: type[ServiceError] = ServiceError) -> ServiceError:
    """The ServiceError a call raises; its code must be one the UI translates."""
    with pytest.raises(kind) as err:
        call()
    assert err.value.code in CODES, f"{err.value.code} is not in kiosk.services.errors.CODES"
    return err.value


def _metered(side: Side, session: CustomerSession, open_window: bool = True) -> Supply:
    """A metered supply of the account (one whose reading window is open, when asked)."""
    supplies = [s for s in side.services.account.overview(session).supplies if s.meter_number]
    assert supplies, "the account has no metered supply"
    if open_window:
        for supply in supplies:
            if side.services.readings.check(session, supply.id).window is not None:
                return supply
        pytest.fail("no metered supply with an open reading window")
    return supplies[0]


# -- auth ----------------------------------------------------------------------------------------------------


def test_login_gives_a_session_for_the_account(side: Side) -> None:
    session = side.login()
    assert session.account_id == int(side.account)
    assert session.first_name and session.token
    assert session.started_at.tzinfo is not None


def test_wrong_pin_counts_down_and_an_unknown_account_answers_the_same(side: Side) -> None:
    wrong = "0000" if side.pin != "0000" else "1111"
    err = _raises(lambda: side.services.auth.login(side.account, wrong), AuthError)
    assert err.code == "wrong_pin" and err.params["attempts_left"] == 4
    unknown = _raises(lambda: side.services.auth.login("9999999", wrong), AuthError)
    assert unknown.code == "wrong_pin"  # no enumeration: the same answer as a wrong PIN
    assert side.login().account_id == int(side.account)  # the right PIN still opens it


def test_malformed_pin_is_refused_before_central(side: Side) -> None:
    err = _raises(lambda: side.services.auth.login(side.account, "12"), ValidationError)
    assert err.code == "malformed_pin" and err.params["field"] == "pin"


def test_logout_stops_the_token_at_once(side: Side) -> None:
    session = side.login()
    side.services.account.overview(session)
    side.services.auth.logout(session)
    err = _raises(lambda: side.services.account.overview(session), SessionExpired)
    assert err.code == "session_expired"
    _raises(lambda: side.services.account.invoices(session), SessionExpired)


# -- account -------------------------------------------------------------------------------------------------


def _owed_sum(invoices: list[InvoiceSummary], currency: str) -> Money:
    return sum((i.owed.amount for i in invoices), Money.zero(currency))


def test_overview_adds_up_the_open_invoices(side: Side) -> None:
    session = side.login()
    home = side.services.account.overview(session)
    invoices = side.services.account.invoices(session)
    currency = home.total_due.currency
    open_ = [i for i in invoices if i.is_open]
    overdue = [i for i in open_ if i.status is InvoiceStatus.OVERDUE]
    assert home.account_id == session.account_id and home.kind is AccountKind.POSTPAID
    assert open_, "the contract's account must owe something"
    assert home.total_due == _owed_sum(open_, currency)
    assert home.overdue_total == _owed_sum(overdue, currency)
    assert (home.overdue_count, home.pending_count) == (len(overdue), len(open_) - len(overdue))
    pay_by = [i.owed.pay_by for i in open_ if i.owed.pay_by is not None]
    assert home.pay_by == (min(pay_by) if pay_by else None)
    assert home.supplies and all(s.account_id == session.account_id for s in home.supplies)
    assert [s.id for s in home.supplies] == sorted(s.id for s in home.supplies)
    assert home.credit_days is None and home.plan_name is None  # postpaid


def test_invoices_newest_first_with_statuses_as_of_today(side: Side) -> None:
    session = side.login()
    invoices = side.services.account.invoices(session)
    assert invoices
    keys = [(i.issue_date, i.id) for i in invoices]
    assert keys == sorted(keys, reverse=True)
    today = TODAY
    for inv in invoices:
        assert inv.account_id == session.account_id
        assert inv.owed.amount.currency == inv.total.currency
        assert inv.is_open == (inv.status is not InvoiceStatus.PAID)
        if inv.status is InvoiceStatus.OVERDUE:
            assert inv.first_due_date < today
        elif inv.status is InvoiceStatus.PENDING:
            assert inv.first_due_date >= today
    overdue = side.services.account.invoices(session, InvoiceStatus.OVERDUE)
    assert overdue == [i for i in invoices if i.status is InvoiceStatus.OVERDUE]


def test_invoice_detail_of_own_invoice_and_not_found(side: Side) -> None:
    session = side.login()
    inv = side.services.account.invoices(session)[0]
    detail = side.services.account.invoice_detail(session, inv.id)
    assert detail.summary.id == inv.id and detail.summary.number == inv.number
    assert detail.lines and all(isinstance(line.amount, Decimal) for line in detail.lines)
    err = _raises(lambda: side.services.account.invoice_detail(session, 987_654_321), NotFound)
    assert err.code == "invoice_not_found"


def test_statement_running_balance(side: Side) -> None:
    session = side.login()
    statement = side.services.account.statement(session)
    assert statement.account_id == session.account_id
    assert statement.from_date <= statement.to_date
    assert statement.entries
    days = [e.on for e in statement.entries]
    assert days == sorted(days)
    balance = statement.opening_balance
    for entry in statement.entries:
        assert entry.debit >= 0 and entry.credit >= 0
        balance += entry.debit - entry.credit
        assert entry.balance == balance, entry
    debits = sum((e.debit for e in statement.entries), Decimal(0))
    credits = sum((e.credit for e in statement.entries), Decimal(0))
    assert statement.opening_balance + debits - credits == statement.entries[-1].balance
    assert {e.kind for e in statement.entries} <= {"invoice", "surcharge", "interest", "payment", "adjustment"}
    order = {"invoice": 0, "surcharge": 1, "interest": 2, "payment": 3, "adjustment": 3}
    keys = [(e.on, order[e.kind]) for e in statement.entries]
    assert keys == sorted(keys), "one day's moves: invoices, then surcharges and interest, then payments"
    numbers = {i.number for i in side.services.account.invoices(session)}
    assert {e.reference for e in statement.entries if e.kind in ("invoice", "surcharge")} <= numbers


def test_consumption_history_shape(side: Side) -> None:
    session = side.login()
    supply = _metered(side, session, open_window=False)
    for periods in (12, 24):
        points = side.services.account.consumption(session, supply.id, periods)
        assert 0 < len(points) <= periods
        assert all(isinstance(p, ConsumptionPoint) and p.consumption >= 0 for p in points)
        names = [p.period for p in points]
        assert names == sorted(set(names)), "oldest first, one point per period"
        assert all(len(n) == 7 and n[4] == "-" for n in names)
    err = _raises(lambda: side.services.account.consumption(session, 987_654, 12), NotFound)
    assert err.code == "supply_not_found"


def test_agreements_and_cases_shapes(side: Side) -> None:
    session = side.login()
    for agreement in side.services.account.agreements(session):
        assert isinstance(agreement, PaymentAgreement) and agreement.instalments
    for case in side.services.account.cases(session):
        assert isinstance(case, CaseStatus) and case.number and case.created_at.tzinfo is not None


def test_no_plans_for_postpaid(side: Side) -> None:
    session = side.login()
    assert side.services.account.plans(session) == []  # a postpaid account is offered none ...
    err = _raises(lambda: side.services.payments.slip_for_plan(session, 1, "es"))
    assert err.code == "not_prepaid"  # ... and cannot buy one


def test_prepaid_plans_and_their_slip(prepaid_side: Side) -> None:
    side = prepaid_side
    assert side.prepaid is not None
    prepaid = side.login(side.prepaid)
    home = side.services.account.overview(prepaid)
    assert home.kind is AccountKind.PREPAID and home.credit_days is not None
    plans = side.services.account.plans(prepaid)
    assert plans and all(isinstance(p, Plan) and p.days > 0 and p.price.amount > 0 for p in plans)
    assert [(p.price.amount, p.id) for p in plans] == sorted((p.price.amount, p.id) for p in plans)  # cheapest first
    slip = side.services.payments.slip_for_plan(prepaid, plans[0].id, "es")
    assert slip.total == plans[0].price and slip.reference and slip.barcode
    err = _raises(lambda: side.services.payments.slip_for_plan(prepaid, 987_654, "es"), NotFound)
    assert err.code == "plan_not_found"


# -- walk-in lookup and payments ----------------------------------------------------------------------------


def test_lookup_by_number_and_by_scan(side: Side) -> None:
    session = side.login()
    inv = next(i for i in side.services.account.invoices(session) if i.is_open)
    found = side.services.lookup.by_number(side.account, inv.number)
    assert found.id == inv.id and found.owed == inv.owed
    assert side.services.lookup.by_scan(inv.payment_reference).id == inv.id
    barcode = make_barcode(inv.payment_reference, inv.first_due_date, inv.total.cents)
    assert side.services.lookup.by_scan(f" {barcode}\n").id == inv.id
    err = _raises(lambda: side.services.lookup.by_number(side.account, "0021-99999999"), NotFound)
    assert err.code == "invoice_not_found"
    err = _raises(lambda: side.services.lookup.by_number(side.account, "abc"), ValidationError)
    assert err.code == "malformed_invoice"
    err = _raises(lambda: side.services.lookup.by_scan("hello"), ValidationError)
    assert err.code == "unknown_barcode"


def test_payment_slip_for_open_invoices(side: Side) -> None:
    session = side.login()
    invoices = side.services.account.invoices(session)
    payable = [i for i in invoices if i.is_open and i.owed.payable]
    slip = side.services.payments.slip_for(payable, "es")
    assert slip.total == _owed_sum(payable, slip.total.currency)
    assert slip.account_id == session.account_id and [i.id for i in slip.invoices] == [i.id for i in payable]
    assert slip.reference and slip.barcode and slip.due_date >= TODAY
    err = _raises(lambda: side.services.payments.slip_for([], "es"), ValidationError)
    assert err.code == "no_invoices"
    paid = [i for i in invoices if not i.is_open]
    if paid:
        err = _raises(lambda: side.services.payments.slip_for(paid[:1], "es"), ValidationError)
        assert err.code == "invoice_already_paid"


# -- readings ------------------------------------------------------------------------------------------------


def test_reading_window_open_submit_and_validation(side: Side) -> None:
    session = side.login()
    supply = _metered(side, session)
    check = side.services.readings.check(session, supply.id)
    assert check.supply.id == supply.id and check.window is not None and check.next_window is None
    assert check.window.opens_on <= (check.today or TODAY) <= check.window.closes_on
    assert check.last_value is not None and check.average_periods > 0
    last = check.last_value
    err = _raises(lambda: side.services.readings.submit(session, supply.id, -1), ValidationError)
    assert err.code == "negative_value"
    digits = supply.meter_digits or 5
    err = _raises(lambda: side.services.readings.submit(session, supply.id, 10**digits), ValidationError)
    assert err.code == "too_many_digits" and err.params["digits"] == digits
    if last > 0:
        err = _raises(lambda: side.services.readings.submit(session, supply.id, last - 1))
        assert err.code == "rollover_confirm" and err.params["last_value"] == last
    if check.average:
        high = last + int(check.average * 10) + 1
        if high < 10**digits:
            err = _raises(lambda: side.services.readings.submit(session, supply.id, high))
            assert err.code == "high_confirm"
    receipt = side.services.readings.submit(session, supply.id, last + 1)
    assert receipt.number and receipt.supply_id == supply.id and receipt.account_id == session.account_id
    assert (receipt.value, receipt.previous_value, receipt.consumption) == (last + 1, last, 1)
    assert not receipt.rollover and not receipt.flagged


def test_reading_window_closed(side: Side) -> None:
    session = side.login(side.close_window())
    supply = _metered(side, session, open_window=False)
    check = side.services.readings.check(session, supply.id)
    assert check.window is None
    assert check.next_window is None or check.next_window.opens_on > (check.today or TODAY)
    err = _raises(lambda: side.services.readings.submit(session, supply.id, (check.last_value or 0) + 1))
    assert err.code == "reading_window_closed"
    assert "next_opens_on" in err.params


def test_reading_of_a_supply_not_the_accounts(side: Side) -> None:
    session = side.login()
    err = _raises(lambda: side.services.readings.check(session, 987_654), NotFound)
    assert err.code == "supply_not_found"


# -- claims and requests -------------------------------------------------------------------------------------


def test_claims_categories_file_and_validation(side: Side) -> None:
    session = side.login()
    supply = _metered(side, session, open_window=False)
    categories = side.services.claims.categories(supply)
    assert categories and all(isinstance(c, ClaimCategory) and c.service is supply.service for c in categories)
    assert all(c.label_es and c.label_en for c in categories)
    code = categories[0].code
    receipt = side.services.claims.file(session, supply.id, code, "Luz baja ñ", "351 123-4567", "afternoon")
    assert receipt.number and receipt.category.code == code and receipt.account_id == session.account_id
    assert receipt.contact_phone == "3511234567"  # as validation normalises it
    home = side.services.account.overview(session)
    if home.phone_masked:
        on_file = side.services.claims.file(session, supply.id, code, "Otra vez", PHONE_ON_FILE, "")
        assert on_file.contact_phone == home.phone_masked
    err = _raises(lambda: side.services.claims.file(session, supply.id, code, "  ", "3511234567", ""),
                  ValidationError)
    assert (err.code, err.params) == ("invalid_field", {"field": "description", "reason": "required"})
    err = _raises(lambda: side.services.claims.file(session, supply.id, code, "x" * 501, "3511234567", ""),
                  ValidationError)
    assert err.params["reason"] == "too_long"
    err = _raises(lambda: side.services.claims.file(session, supply.id, code, "Luz", "12", ""), ValidationError)
    assert err.params == {"field": "contact_phone", "reason": "invalid"}
    err = _raises(lambda: side.services.claims.file(session, supply.id, "no_such_code", "Luz", "3511234567", ""),
                  NotFound)
    assert err.code == "category_not_found"


def test_requests_follow_the_declared_forms(side: Side) -> None:
    session = side.login()
    receipt = side.services.requests.submit(
        session, RequestKind.E_INVOICE, {"delivery": "email", "email": "ana@example.com"}, "es")
    assert receipt.number and receipt.kind is RequestKind.E_INVOICE and receipt.account_id == session.account_id
    assert receipt.fields and all(isinstance(k, str) and isinstance(v, str) for k, v in receipt.fields)
    assert any(v == "ana@example.com" for _k, v in receipt.fields)
    err = _raises(lambda: side.services.requests.submit(
        session, RequestKind.E_INVOICE, {"delivery": "email", "email": "not-an-address"}, "es"), ValidationError)
    assert err.params == {"field": "email", "reason": "invalid"}
    err = _raises(lambda: side.services.requests.submit(
        session, RequestKind.E_INVOICE, {"delivery": "email", "colour": "red"}, "es"), ValidationError)
    assert err.params == {"field": "colour", "reason": "unknown"}
    err = _raises(lambda: side.services.requests.submit(session, RequestKind.PIN_RESET, {}, "es"), ValidationError)
    assert err.params == {"field": "kind", "reason": "choice"}


def test_contact_details_update(side: Side) -> None:
    session = side.login()
    receipt = side.services.requests.submit(
        session, RequestKind.CONTACT_CHANGE, {"phone": "3519876543", "email": "", "consent": "yes"}, "es")
    assert receipt.kind is RequestKind.CONTACT_CHANGE and receipt.number
    err = _raises(lambda: side.services.requests.submit(
        session, RequestKind.CONTACT_CHANGE, {"phone": "", "email": ""}, "es"), ValidationError)
    assert err.code == "invalid_field" and err.params["reason"] == "required"


# -- printing and info ---------------------------------------------------------------------------------------


def _printed(side: Side, result: PrintResult) -> None:
    assert result.job_id and result.state is PrinterState.READY and result.pages >= 1
    assert result.path is not None and Path(result.path).is_file() and Path(result.path).suffix == ".pdf"
    assert Path(result.path).parent == side.prints


def test_printing_results_and_reprint(side: Side) -> None:
    session = side.login()
    assert side.services.printing.status() is PrinterState.READY
    inv = next(i for i in side.services.account.invoices(session) if i.is_open)
    first = side.services.printing.duplicate(inv.id, session, "es")
    _printed(side, first)
    err = _raises(lambda: side.services.printing.duplicate(inv.id, None, "es"), NotFound)
    assert err.code == "invoice_not_found"  # a walk-in prints only what a lookup revealed on this kiosk ...
    side.services.lookup.by_number(side.account, inv.number)
    _printed(side, side.services.printing.duplicate(inv.id, None, "es"))  # ... as after looking it up
    _printed(side, side.services.printing.statement(session, "es"))
    _printed(side, side.services.printing.payment_slip(side.services.payments.slip_for([inv], "es"), "es"))
    again = side.services.printing.reprint(first.job_id)
    _printed(side, again)
    err = _raises(lambda: side.services.printing.reprint("no-such-job"), NotFound)
    assert err.code == "print_job_not_found"
    err = _raises(lambda: side.services.printing.duplicate(987_654_321, session, "es"))
    assert err.code in ("invoice_not_found", "document_unavailable")


def _printer_unable(side: Side, state: PrinterState | None) -> None:
    """Make the side's printer report `state` (None: ready again): the fake world's knob, the real pdf-folder's
    sentinel file."""
    if side.world is not None:
        side.world.printer_state = state or PrinterState.READY
    else:
        from printing.backends.pdf_folder import simulate_state

        simulate_state(side.prints, state)


def test_a_failed_print_is_kept_under_a_number_and_reprinted_by_it(side: Side) -> None:
    import re

    printing: Any = side.services.printing  # the kept-job methods maintenance wraps (not the screens' protocol)
    session = side.login()
    waiting = {k.number for k in printing.kept_jobs()}
    slip = side.services.payments.slip_for([i for i in side.services.account.invoices(session) if i.is_open], "es")
    _printer_unable(side, PrinterState.OUT_OF_PAPER)
    err = _raises(lambda: printing.payment_slip(slip, "es"))
    assert err.code == "printer_out_of_paper" and err.params["job_id"]
    number = err.params["job_number"]
    assert re.fullmatch(r"K-\d{4}", number) and number not in waiting
    [kept] = [k for k in printing.kept_jobs() if k.number not in waiting]
    assert (kept.number, kept.kind, kept.reason, kept.reprinted) == (number, "payment-slip", "out_of_paper", False)
    assert kept.expires_at > kept.created_at
    for typed in (number.lower(), number[2:], f" K {number[2:]} "):
        assert printing.find_kept(typed) == kept
    assert _raises(lambda: printing.find_kept("K-12"), NotFound).code == "print_job_not_found"
    assert printing.printer_status().kept_jobs == len(waiting) + 1

    again = _raises(lambda: printing.reprint_kept(number))  # still out of paper: still kept, same number
    assert again.code == "printer_out_of_paper" and again.params["job_number"] == number
    assert number in {k.number for k in printing.kept_jobs()}

    _printer_unable(side, None)
    result = printing.reprint_kept(number.lower())
    _printed(side, result)
    assert result.job_number == number
    assert number not in {k.number for k in printing.kept_jobs()}
    assert printing.find_kept(number).reprinted
    assert printing.printer_status().kept_jobs == len(waiting)
    assert printing.test_page().job_number is None
    replaced = printing.paper_replaced()
    assert replaced.roll_used_m == 0 and not replaced.paper_low


def test_receipts_print(side: Side) -> None:
    session = side.login()
    supply = _metered(side, session)
    check = side.services.readings.check(session, supply.id)
    reading = side.services.readings.submit(session, supply.id, (check.last_value or 0) + 1)
    _printed(side, side.services.printing.reading_receipt(reading, "es"))
    claim = side.services.claims.file(session, supply.id, side.services.claims.categories(supply)[0].code,
                                      "Luz baja", "3511234567", "")
    _printed(side, side.services.printing.claim_receipt(claim, "es"))
    request = side.services.requests.submit(session, RequestKind.E_INVOICE, {"delivery": "paper"}, "es")
    _printed(side, side.services.printing.request_receipt(request, "es"))


def test_info_faq_branding_sync(side: Side) -> None:
    for language in ("es", "en"):
        faq = side.services.info.faq(language)
        assert faq and all(e.question and e.answer for e in faq)
    assert side.services.info.branding().key == "coop-ar"
    status = side.services.info.sync_status()
    assert isinstance(status, SyncStatus)


def test_today_is_the_fake_worlds_day() -> None:
    """The real side's clock is pinned to the fake world's day, so both answer "today" alike."""
    assert NOON.date() == TODAY == date(2026, 11, 25)


# -- maintenance mode (staff, maintenance) -------------------------------------------------------------------

CUSTOMER_TOO = {"malformed_pin", "wrong_pin", "locked", "session_expired", "invalid_field", "print_job_not_found"}
OPERATOR_LOGIN, TECHNICIAN_LOGIN = ("1", "4826"), ("2", "7391")  # the seed's (kiosk.central.seed_gen) and the world's


def _staff_raises(call: Callable[[], object], kind: type[ServiceError] = ServiceError) -> ServiceError:
    """The ServiceError a staff call raises (a code the UI translates, as `_raises`); a staff code is one of
    STAFF_CODES unless customers meet it too (malformed_pin, wrong_pin, locked, session_expired...)."""
    err = _raises(call, kind)
    assert err.code in STAFF_CODES or err.code in CUSTOMER_TOO, err.code
    return err


def test_staff_login_gives_the_role_and_counts_wrong_pins(side: Side) -> None:
    staff = side.services.staff
    operator = staff.login(*OPERATOR_LOGIN)
    technician = staff.login(*TECHNICIAN_LOGIN)
    assert (operator.staff_id, operator.role, operator.via) == (1, "operator", "pin")
    assert (technician.staff_id, technician.role) == (2, "technician")
    assert operator.branch == technician.branch and operator.branch
    assert staff.require(technician, "technician") == technician
    err = _staff_raises(lambda: staff.login(OPERATOR_LOGIN[0], "0000"), AuthError)
    assert (err.code, err.params) == ("wrong_pin", {"attempts_left": 4})
    err = _staff_raises(lambda: staff.login("99999", "1234"), AuthError)  # unknown: the same answer
    assert (err.code, err.params) == ("wrong_pin", {"attempts_left": 3})
    assert _staff_raises(lambda: staff.login("x1", "4826"), ValidationError).code == "malformed_staff_number"
    assert _staff_raises(lambda: staff.login("1", "48"), ValidationError).code == "malformed_pin"
    assert _staff_raises(lambda: staff.login_badge("not a badge"), ValidationError).code == "malformed_badge"
    staff.logout(operator)
    assert _staff_raises(lambda: staff.require(operator, "operator"), SessionExpired).code == "session_expired"


def test_staff_lockout_after_max_attempts(side: Side) -> None:
    staff = side.services.staff
    assert staff.locked_seconds() == 0
    for left in (4, 3, 2, 1):
        assert _staff_raises(lambda: staff.login(*OPERATOR_LOGIN[:1], "0000")).params == {"attempts_left": left}
    err = _staff_raises(lambda: staff.login(OPERATOR_LOGIN[0], "0000"), AuthError)
    assert (err.code, err.params) == ("locked", {"locked_seconds": 15 * 60})
    err = _staff_raises(lambda: staff.login(*OPERATOR_LOGIN), AuthError)  # even the right PIN, while locked
    assert err.code == "locked" and 0 < err.params["locked_seconds"] <= 15 * 60
    assert 0 < staff.locked_seconds() <= 15 * 60


def test_an_operator_is_refused_technician_actions(side: Side) -> None:
    operator = side.services.staff.login(*OPERATOR_LOGIN)
    for call in (lambda: side.services.maintenance.device_command(operator, "restart"),
                 lambda: side.services.maintenance.set_printer(operator, "pdf-folder", "a4"),
                 lambda: side.services.staff.config_view(operator),
                 lambda: side.services.staff.discard_parked(operator, 1, "wrong row")):
        err = _staff_raises(call, Forbidden)
        assert (err.code, err.params) == ("forbidden", {"required": "technician"})
    trail = side.services.staff.audit_trail(operator)
    assert [e.action for e in trail[:4]] == ["forbidden"] * 4 and trail[0].staff_id == 1


def test_out_of_service_round_trip(side: Side) -> None:
    staff = side.services.staff
    assert staff.out_of_service() == OutOfService(False, "")
    session = staff.login(*OPERATOR_LOGIN)
    staff.set_out_of_service(session, True, "  Volvemos a las 14 h ")
    assert staff.out_of_service() == OutOfService(True, "Volvemos a las 14 h")
    status = side.services.maintenance.status(session)
    assert (status.out_of_service, status.service_message) == (True, "Volvemos a las 14 h")
    err = _staff_raises(lambda: staff.set_out_of_service(session, True, "x" * 201), ValidationError)
    assert err.params == {"field": "message", "reason": "too_long"}
    staff.set_out_of_service(session, False, "ignored")
    assert staff.out_of_service() == OutOfService(False, "")
    assert [e.action for e in staff.audit_trail(session, limit=2)] == ["in_service", "out_of_service"]


def test_status_has_every_field(side: Side) -> None:
    session = side.services.staff.login(*OPERATOR_LOGIN)
    status = side.services.maintenance.status(session)
    assert status.kiosk_id and status.branch == session.branch
    assert status.app_version and status.local_schema
    assert status.printer_state in {s.value for s in PrinterState}
    assert status.outbox_depth >= 0 and status.parked >= 0 and status.disk_free_bytes > 0
    assert status.uptime_seconds >= 0
    assert status.data_age_seconds is None or status.data_age_seconds >= 0
    for when in (status.last_pull, status.last_push, status.last_heartbeat):
        assert when is None or when.tzinfo is not None
    assert status.central_reachable in (True, False, None)
    assert (status.central_latency_ms is None) == (status.central_reachable is not True)


def test_log_lines_hold_no_long_digit_runs(side: Side) -> None:
    import logging
    import re

    from kiosk import logbuffer

    session = side.services.staff.login(*OPERATOR_LOGIN)
    root_level = logging.getLogger().level
    logbuffer.install()
    try:
        logging.getLogger("kiosk.contract").warning("reprint for account 20111222 document 27666777333")
        lines = side.services.maintenance.log_lines(session, limit=50)
    finally:
        logbuffer.uninstall()
        logging.getLogger().setLevel(root_level)
    assert lines and len(lines) <= 50
    assert all(line.level and line.logger and line.at.tzinfo is not None for line in lines)
    assert not [line.message for line in lines if re.search(r"\d{6,}", line.message)]


def test_printer_and_kept_jobs_through_maintenance(side: Side) -> None:
    session = side.services.staff.login(*OPERATOR_LOGIN)
    printer = side.services.maintenance.printer(session)
    assert printer.state is PrinterState.READY and printer.backend and printer.paper
    assert printer.roll_length_m > 0 and printer.roll_used_m >= 0 and printer.kept_jobs >= 0
    assert _staff_raises(lambda: side.services.maintenance.find_kept(session, "K-0001"), NotFound).code == \
        "print_job_not_found"
    assert _staff_raises(lambda: side.services.maintenance.reprint_kept(session, "nonsense"), NotFound).code == \
        "print_job_not_found"
    assert side.services.maintenance.paper_replaced(session).roll_used_m == 0
    assert all(not job.reprinted for job in side.services.maintenance.kept_jobs(session))


def test_technician_actions_and_the_audit_trail(side: Side) -> None:
    technician = side.services.staff.login(*TECHNICIAN_LOGIN)
    err = _staff_raises(lambda: side.services.maintenance.device_command(technician, "format"), ValidationError)
    assert err.params == {"field": "command", "reason": "choice"}
    side.services.maintenance.device_command(technician, "restart")  # default: nothing runs, the UI restarts
    err = _staff_raises(lambda: side.services.maintenance.set_printer(technician, "laser", "roll"), ValidationError)
    assert err.params == {"field": "backend", "reason": "choice"}
    assert side.services.maintenance.set_printer(technician, "pdf-folder", "a4").paper == "a4"
    assert side.services.staff.config_view(technician)["printer"]["paper"] == "a4"
    side.services.staff.record(technician, "sync_now", "ok", pushed=3)
    trail = side.services.staff.audit_trail(technician, limit=5)
    assert (trail[0].action, trail[0].outcome, trail[0].detail, trail[0].staff_id) == ("sync_now", "ok",
                                                                                       {"pushed": 3}, 2)
    assert "device_restart" in [e.action for e in trail]
    assert _staff_raises(lambda: side.services.staff.discard_parked(technician, 987654, "gone"), NotFound).code \
        == "parked_row_not_found"

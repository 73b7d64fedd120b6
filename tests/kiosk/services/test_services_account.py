"""Logged-in account views: overview, invoices, detail, consumption, statement, agreements, plans, cases."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from svc_replica import ACCOUNT, CONSUMPTION, ELECTRICITY, PERIODS, PREPAID, PREPAID_NET, WATER, Replica

from db.models import LocalClaim, LocalReadingSubmission
from kiosk.domain import AccountKind, InvoiceStatus, Money, ReadingKind
from kiosk.domain.dues import DueStage
from kiosk.services.account import AccountService
from kiosk.services.api import CustomerSession
from kiosk.services.context import SESSION_BACKSTOP_SECONDS
from kiosk.services.errors import NotFound, SessionExpired
from kiosk.services.intake import queue
from kiosk.services.lookup import LookupService


def test_overview_postpaid(replica: Replica) -> None:
    view = AccountService(replica.ctx).overview(replica.login())
    assert view.holder_first_name == "Juan"
    assert view.holder_masked == "J*** P*****"
    assert view.kind is AccountKind.POSTPAID
    # 2625.00 pending (first due date ahead); 2520.00 overdue past its second due date: the second-due total
    # 2570.00 plus coop-ar's 0.1 % a day since then.
    (late,) = AccountService(replica.ctx).invoices(replica.login(), InvoiceStatus.OVERDUE)
    assert late.second_due_date is not None
    days = (replica.ctx.today() - late.second_due_date).days
    assert days > 0 and late.owed.stage is DueStage.LATE
    interest = Money(Decimal("2570.00") * Decimal("0.001") * days, "ARS")
    assert late.owed.interest == interest
    assert view.overdue_total == Money(Decimal("2570.00"), "ARS") + interest
    assert view.total_due == view.overdue_total + Money(Decimal("2625.00"), "ARS")
    assert view.pay_by == replica.ctx.today()  # the interest changes tomorrow
    assert (view.overdue_count, view.pending_count) == (1, 1)
    assert [s.id for s in view.supplies] == [ELECTRICITY, WATER, 5003]
    assert view.credit_days is None
    assert view.phone_masked == "+54 9 *** ***-1234"


def test_overview_prepaid_credit_days(replica: Replica) -> None:
    view = AccountService(replica.ctx).overview(replica.login(PREPAID, "Ana"))
    assert view.kind is AccountKind.PREPAID
    assert view.credit_days == 15  # 2026-03-10 .. 2026-03-25
    assert view.plan_name == "Básico 10"
    assert view.supplies[0].plan_name == "Básico 10"
    assert view.total_due == Money.zero("MXN")
    replica.clock.advance(30 * 86400)
    late = CustomerSession(PREPAID, "Ana", replica.clock(), "late")
    replica.ctx.sessions.add(late)
    assert AccountService(replica.ctx).overview(late).credit_days == 0


def test_invoices_filtered_newest_first(replica: Replica) -> None:
    service = AccountService(replica.ctx)
    session = replica.login()
    every = service.invoices(session)
    assert [i.period for i in every] == sorted(PERIODS, reverse=True)
    assert [i.number for i in service.invoices(session, InvoiceStatus.OVERDUE)] == ["0021-00049110"]
    assert [i.number for i in service.invoices(session, InvoiceStatus.PENDING)] == ["0021-00049111"]
    assert len(service.invoices(session, InvoiceStatus.PAID)) == 10


def test_sessions_are_checked(replica: Replica) -> None:
    service = AccountService(replica.ctx)
    forged = CustomerSession(ACCOUNT, "Juan", replica.clock(), "made-up")
    with pytest.raises(SessionExpired) as err:
        service.overview(forged)
    assert err.value.code == "session_expired"
    live = replica.login()
    other = CustomerSession(PREPAID, "Ana", live.started_at, live.token)  # someone else's account, same token
    with pytest.raises(SessionExpired):
        service.invoices(other)
    replica.clock.advance(SESSION_BACKSTOP_SECONDS - 1)  # typing a long claim without a service call
    assert service.invoices(live)
    replica.clock.advance(SESSION_BACKSTOP_SECONDS + 1)  # the UI never logged out: the backstop did
    with pytest.raises(SessionExpired):
        service.invoices(live)


def test_invoice_detail_logged_in(replica: Replica) -> None:
    detail = AccountService(replica.ctx).invoice_detail(replica.login(), 111)
    assert [line.description for line in detail.lines] == ["Cargo fijo", "Energía", "IVA 21%"]
    assert detail.lines[1].quantity == Decimal(250) and detail.lines[2].is_tax
    assert detail.taxes == Money(Decimal("551.25"), "ARS")
    assert detail.supply_address == "San Martín 123"
    assert detail.current_reading is not None and detail.previous_reading is not None
    assert detail.current_reading.period == "2026-02" and detail.previous_reading.period == "2026-01"
    assert detail.current_reading.value - detail.previous_reading.value == CONSUMPTION[-1]
    assert detail.consumption == Decimal(CONSUMPTION[-1])
    assert detail.unit == "kWh"
    assert [p.period for p in detail.history] == PERIODS
    assert detail.history[3].kind is ReadingKind.ESTIMATED


def test_invoice_detail_of_another_account(replica: Replica) -> None:
    with pytest.raises(NotFound):
        AccountService(replica.ctx).invoice_detail(replica.login(PREPAID, "Ana"), 111)


def test_invoice_detail_walk_in_only_after_lookup(replica: Replica) -> None:
    service = AccountService(replica.ctx)
    with pytest.raises(NotFound):
        service.invoice_detail(None, 111)
    LookupService(replica.ctx).by_number("1001", "49111")
    detail = service.invoice_detail(None, 111)
    assert len(detail.lines) == 3 and detail.consumption == Decimal(250)
    assert detail.supply_address == "" and detail.history == ()
    assert detail.summary.holder_masked == "J*** P*****"
    replica.clock.advance(901)
    with pytest.raises(NotFound):
        service.invoice_detail(None, 111)


def test_consumption_with_unsynced_customer_reading(replica: Replica) -> None:
    service = AccountService(replica.ctx)
    session = replica.login()
    points = service.consumption(session, ELECTRICITY)
    assert [p.consumption for p in points] == [Decimal(c) for c in CONSUMPTION]
    assert points[-1].invoice_number == "0021-00049111"
    with replica.factory.begin() as db:
        queue(db, LocalReadingSubmission(
            id="11111111-1111-1111-1111-111111111111", kiosk_id="K07", created_at=replica.clock(),
            number="B21-K07-000001", account_id=ACCOUNT, supply_id=ELECTRICITY, period="2026-03",
            value=13_200, previous_value=12_960, consumption=240))
    points = service.consumption(session, ELECTRICITY, periods=12)
    assert len(points) == 12
    assert (points[-1].period, points[-1].kind, points[-1].consumption) == ("2026-03", ReadingKind.CUSTOMER, 240)
    assert points[0].period == PERIODS[1]


def test_consumption_of_a_foreign_supply(replica: Replica) -> None:
    with pytest.raises(NotFound) as err:
        AccountService(replica.ctx).consumption(replica.login(), PREPAID_NET)
    assert err.value.code == "supply_not_found"


def test_statement_running_balance(replica: Replica) -> None:
    statement = AccountService(replica.ctx).statement(replica.login(), months=6)
    assert statement.from_date == date(2025, 10, 1) and statement.to_date == date(2026, 3, 10)
    # What is owed today (the account home's total, by the dues rule) plus the unbilled -15 adjustment.
    owed = AccountService(replica.ctx).overview(replica.login()).total_due
    assert statement.closing_balance == owed.amount + Decimal("15.00")
    balance = statement.opening_balance
    for entry in statement.entries:
        balance += entry.debit - entry.credit
        assert entry.balance == balance
    assert [e.on for e in statement.entries] == sorted(e.on for e in statement.entries)
    kinds = {e.kind for e in statement.entries}
    # The overdue invoice is past its second due date: its surcharge and the interest are debits of their own.
    assert kinds == {"invoice", "payment", "adjustment", "surcharge", "interest"}
    (late,) = AccountService(replica.ctx).invoices(replica.login(), InvoiceStatus.OVERDUE)
    surcharge = next(e for e in statement.entries if e.kind == "surcharge")
    assert (surcharge.reference, surcharge.debit) == (late.number, Decimal("50.00"))
    assert surcharge.on == late.first_due_date + timedelta(days=1)
    interest = next(e for e in statement.entries if e.kind == "interest")
    assert (interest.on, interest.debit) == (replica.ctx.today(), late.owed.interest.amount)
    adjustment = next(e for e in statement.entries if e.kind == "adjustment")
    assert adjustment.debit == Decimal("15.00") and adjustment.credit == 0
    assert statement.entries[0].on >= statement.from_date


def test_agreements_with_instalments(replica: Replica) -> None:
    [agreement] = AccountService(replica.ctx).agreements(replica.login())
    assert [i.number for i in agreement.instalments] == [1, 2, 3]
    assert [i.paid for i in agreement.instalments] == [True, True, False]
    assert agreement.total == Money(Decimal(3000), "ARS")


def test_plans_for_prepaid_only(replica: Replica) -> None:
    service = AccountService(replica.ctx)
    plans = service.plans(replica.login(PREPAID, "Ana"))
    assert [p.name for p in plans] == ["Básico 10", "Plus 50"]
    assert plans[0].price == Money(Decimal("199.00"), "MXN")
    assert service.plans(replica.login()) == []


def test_cases_merge_queued_and_answered(replica: Replica) -> None:
    service = AccountService(replica.ctx)
    session = replica.login()
    assert [(c.number, c.status) for c in service.cases(session)] == [("B01-K01-000007", "in_progress")]
    with replica.factory.begin() as db:
        queue(db, LocalClaim(id="22222222-2222-2222-2222-222222222222", kiosk_id="K07",
                             created_at=datetime(2026, 3, 10, 14, tzinfo=UTC), number="B21-K07-000003",
                             account_id=ACCOUNT, supply_id=ELECTRICITY, category_code="low_voltage",
                             description="Luz débil", contact_phone="3511234567"))
    cases = service.cases(session)
    assert [(c.number, c.kind, c.status, c.summary) for c in cases] == [
        ("B21-K07-000003", "claim", "queued", "Baja tensión"),
        ("B01-K01-000007", "claim", "in_progress", "Baja tensión"),
    ]


def test_a_corrected_reading_replaces_the_estimate(replica: Replica) -> None:
    from db.models import LocalMeterReading

    with replica.factory.begin() as db:
        db.add(LocalMeterReading(id=1999, supply_id=ELECTRICITY, period="2026-02", read_on=date(2026, 3, 5),
                                 value=13_015, kind="real", consumption=255))
    points = AccountService(replica.ctx).consumption(replica.login(), ELECTRICITY, periods=12)
    assert len(points) == 12
    assert (points[-1].period, points[-1].consumption, points[-1].kind) == ("2026-02", 255, ReadingKind.REAL)

"""Meter reading submission: window, digits, rollover, plausibility, committed with its outbox row."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select
from svc_replica import ELECTRICITY, INTERNET_OFF, PREPAID_NET, WATER, Replica

from db.models import LocalReadingSubmission, OutboxEntry
from kiosk.domain import ReadingWindow
from kiosk.services.account import AccountService
from kiosk.services.errors import NotFound, ServiceError, ValidationError
from kiosk.services.readings import ReadingService

LAST_ELECTRICITY = 10_000 + sum([300, 280, 260, 240, 220, 210, 230, 250, 270, 260, 240, 250])  # 13010


def test_check_open_window(replica: Replica) -> None:
    check = ReadingService(replica.ctx).check(replica.login(), ELECTRICITY)
    assert check.supply.meter_digits == 5 and check.supply.unit == "kWh"
    assert (check.last_value, check.last_read_on) == (LAST_ELECTRICITY, date(2026, 3, 1))
    assert check.window == ReadingWindow("R1", date(2026, 3, 5), date(2026, 3, 15))
    assert check.next_window is None


def test_check_closed_window_names_the_next(replica: Replica) -> None:
    check = ReadingService(replica.ctx).check(replica.login(), WATER)
    assert check.window is None
    assert check.next_window == ReadingWindow("R2", date(2026, 3, 20), date(2026, 3, 25))


def test_submit_outside_the_window(replica: Replica) -> None:
    service = ReadingService(replica.ctx)
    with pytest.raises(ServiceError) as err:
        service.submit(replica.login(), WATER, 9995)
    assert err.value.code == "reading_window_closed"
    assert err.value.params["next_opens_on"] == date(2026, 3, 20)
    with pytest.raises(ServiceError) as err:
        service.submit(replica.login(), WATER, 9995, today=date(2026, 4, 1))
    assert err.value.params["next_opens_on"] is None


def test_submit_commits_with_its_outbox_row(replica: Replica) -> None:
    receipt = ReadingService(replica.ctx).submit(replica.login(), ELECTRICITY, LAST_ELECTRICITY + 245)
    assert re.fullmatch(r"B21-K07-[0-9A-HJKMNP-TV-Z]{3}-000001", receipt.number)
    assert (receipt.previous_value, receipt.consumption) == (LAST_ELECTRICITY, 245)
    assert not receipt.rollover and not receipt.flagged
    assert receipt.meter_number == "E-123" and receipt.unit == "kWh"
    with replica.factory() as db:
        row = db.get(LocalReadingSubmission, receipt.id)
        assert row is not None and row.period == "2026-03" and row.value == LAST_ELECTRICITY + 245
        entry = db.scalars(select(OutboxEntry).where(OutboxEntry.row_id == receipt.id)).one()
        assert entry.table_name == "reading_submissions" and entry.state == "pending"
    # The submission is now the last reading, and numbers go on.
    service = ReadingService(replica.ctx)
    assert service.check(replica.login(), ELECTRICITY).last_value == LAST_ELECTRICITY + 245
    assert service.submit(replica.login(), ELECTRICITY, LAST_ELECTRICITY + 250).number == receipt.number[:-1] + "2"


def test_digits_limited_to_the_meter(replica: Replica) -> None:
    with pytest.raises(ValidationError) as err:
        ReadingService(replica.ctx).submit(replica.login(), ELECTRICITY, 100_000)
    assert err.value.code == "too_many_digits" and err.value.params["digits"] == 5
    with pytest.raises(ValidationError) as err:
        ReadingService(replica.ctx).submit(replica.login(), ELECTRICITY, -1)
    assert err.value.code == "negative_value"


def test_rollover_needs_confirmation(replica: Replica) -> None:
    service = ReadingService(replica.ctx)
    session = replica.login()
    with pytest.raises(ServiceError) as err:
        service.submit(session, WATER, 15, today=date(2026, 3, 21))
    assert err.value.code == "rollover_confirm" and err.value.params["last_value"] == 9990
    receipt = service.submit(session, WATER, 15, confirm_rollover=True, today=date(2026, 3, 21))
    assert receipt.rollover and receipt.consumption == 10_000 - 9990 + 15 and not receipt.flagged
    assert receipt.unit == "m³"


def test_high_consumption_needs_confirmation_and_is_flagged(replica: Replica) -> None:
    service = ReadingService(replica.ctx)
    session = replica.login()
    average = (270 + 260 + 240 + 250 + 230 + 250) / 6  # last six periods
    high = int(3 * average) + 1
    with pytest.raises(ServiceError) as err:
        service.submit(session, ELECTRICITY, LAST_ELECTRICITY + high)
    assert err.value.code == "high_confirm"
    assert err.value.params == {"average": round(average), "consumption": high}
    with replica.factory() as db:
        assert db.scalars(select(LocalReadingSubmission)).all() == []  # nothing written on a question
    receipt = service.submit(session, ELECTRICITY, LAST_ELECTRICITY + high, confirm_high=True)
    assert receipt.flagged and receipt.consumption == high
    # Just below the limit passes unflagged.
    ok = service.submit(session, ELECTRICITY, LAST_ELECTRICITY + high + int(3 * average) - 1)
    assert not ok.flagged


def test_submitted_reading_shows_as_customer_consumption(replica: Replica) -> None:
    ReadingService(replica.ctx).submit(replica.login(), ELECTRICITY, LAST_ELECTRICITY + 200)
    points = AccountService(replica.ctx).consumption(replica.login(), ELECTRICITY)
    assert (points[-1].period, points[-1].kind.value, points[-1].consumption) == ("2026-03", "customer", 200)


def test_supplies_that_take_no_reading(replica: Replica) -> None:
    service = ReadingService(replica.ctx)
    with pytest.raises(ServiceError) as err:
        service.check(replica.login(), INTERNET_OFF)
    assert err.value.code == "supply_not_metered"
    with pytest.raises(NotFound):
        service.submit(replica.login(), PREPAID_NET, 1)
    with replica.factory.begin() as db:
        from db.models import LocalSupply

        supply = db.get(LocalSupply, ELECTRICITY)
        assert supply is not None
        supply.active = False
    with pytest.raises(ServiceError) as err:
        service.submit(replica.login(), ELECTRICITY, LAST_ELECTRICITY + 1)
    assert err.value.code == "supply_inactive"


def test_one_average_for_the_check_the_question_and_the_consumption_screen(replica: Replica) -> None:
    """The tour's "unusually high" page named an average the consumption screen did not show for that meter:
    the check, the high_confirm question and the consumption history now share kiosk.domain's formula."""
    from decimal import Decimal

    from kiosk.domain import average_consumption

    service, account = ReadingService(replica.ctx), AccountService(replica.ctx)
    periods = replica.ctx.config.readings.history_periods
    for submitted in (None, 180):  # also once the customer's own reading is part of the history
        if submitted is not None:
            service.submit(replica.login(), ELECTRICITY, LAST_ELECTRICITY + submitted)
        shown = account.consumption(replica.login(), ELECTRICITY, 12)  # what the consumption screen draws
        expected = average_consumption(shown, periods)
        assert expected == sum(p.consumption for p in shown[-periods:]) / periods
        check = service.check(replica.login(), ELECTRICITY)
        assert (check.average, check.average_periods) == (expected, periods)
        last = check.last_value or 0
        high = int(expected * Decimal(str(replica.ctx.config.readings.plausibility_factor))) + 5
        with pytest.raises(ServiceError) as err:
            service.submit(replica.login(), ELECTRICITY, last + high)
        assert err.value.code == "high_confirm" and err.value.params["average"] == expected

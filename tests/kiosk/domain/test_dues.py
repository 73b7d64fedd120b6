"""The dues rule: what an invoice costs on each day, by stage and by each utility's late rule."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from decimal import Decimal
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.branding import BrandingError, _parse, load_branding
from kiosk.domain import Money
from kiosk.domain.dues import DuesPolicy, DueStage, LateRule

FIRST = date(2026, 10, 20)
SECOND = date(2026, 10, 30)
TOTAL = Money(Decimal("10000.00"), "ARS")
SECOND_TOTAL = Money(Decimal("10300.00"), "ARS")


def test_first_due_total_up_to_and_on_the_first_due_date() -> None:
    for on in (FIRST - timedelta(days=30), FIRST):
        o = DuesPolicy().owed(total=TOTAL, second_total=SECOND_TOTAL, first_due=FIRST, second_due=SECOND, on=on)
        assert (o.amount, o.stage, o.pay_by, o.surcharge.amount) == (TOTAL, DueStage.FIRST, FIRST, 0)


def test_second_due_total_from_the_day_after_up_to_the_second_due_date() -> None:
    for on in (FIRST + timedelta(days=1), SECOND):
        o = DuesPolicy().owed(total=TOTAL, second_total=SECOND_TOTAL, first_due=FIRST, second_due=SECOND, on=on)
        assert (o.amount, o.stage, o.pay_by) == (SECOND_TOTAL, DueStage.SECOND, SECOND)
        assert o.surcharge == Money(Decimal("300.00"), "ARS") and o.interest.amount == 0


@pytest.mark.parametrize(
    ("rule", "rate", "amount", "payable"),
    [
        (LateRule.SECOND_TOTAL, "0", "10300.00", True),
        (LateRule.INTEREST, "0.1", "10423.60", True),  # 10,300 x 0.1 % x 12 days = 123.60
        (LateRule.COUNTER, "0", "10300.00", False),
    ],
)
def test_after_the_last_due_date_each_rule(rule: LateRule, rate: str, amount: str, payable: bool) -> None:
    on = SECOND + timedelta(days=12)
    o = DuesPolicy(rule, Decimal(rate)).owed(
        total=TOTAL, second_total=SECOND_TOTAL, first_due=FIRST, second_due=SECOND, on=on
    )
    assert o.stage is DueStage.LATE and o.amount == Money(Decimal(amount), "ARS")
    assert o.payable is payable and o.at_counter is (not payable)
    assert o.pay_by == (on if payable else None)  # a late amount holds for the day it is asked for


def test_an_invoice_without_second_due_date_goes_late_after_the_first() -> None:
    policy = DuesPolicy(LateRule.INTEREST, Decimal("0.05"))
    on = FIRST + timedelta(days=10)
    o = policy.owed(total=TOTAL, second_total=None, first_due=FIRST, second_due=None, on=on)
    assert o.stage is DueStage.LATE and o.surcharge.amount == 0
    assert o.amount == Money(Decimal("10050.00"), "ARS")


def test_paid_is_never_payable_but_keeps_what_the_payment_covered() -> None:
    o = DuesPolicy().owed(
        total=TOTAL, second_total=SECOND_TOTAL, first_due=FIRST, second_due=SECOND, on=SECOND, paid=True
    )
    assert o.stage is DueStage.PAID and o.pay_by is None and o.amount == SECOND_TOTAL


def test_guarani_interest_rounds_to_whole_guaranies() -> None:
    pyg = Money(Decimal("150000"), "PYG")
    o = DuesPolicy(LateRule.INTEREST, Decimal("0.07")).owed(
        total=pyg, second_total=Money(Decimal("157500"), "PYG"), first_due=FIRST, second_due=SECOND,
        on=SECOND + timedelta(days=3),
    )
    assert o.amount == Money(Decimal("157831"), "PYG")  # 157,500 x 0.07 % x 3 = 330.75 -> 331


@given(
    rule=st.sampled_from(list(LateRule)),
    rate=st.decimals(min_value=0, max_value=1, places=3),
    cents=st.integers(min_value=1, max_value=10**10),
    surcharge_pct=st.integers(min_value=0, max_value=20),
    gap=st.integers(min_value=0, max_value=40),
    day=st.integers(min_value=-60, max_value=400),
)
def test_never_less_tomorrow_and_never_payable_in_the_past(
    rule: LateRule, rate: Decimal, cents: int, surcharge_pct: int, gap: int, day: int
) -> None:
    """What is owed never drops while nothing is paid, and a pay-by date is never before the day asked."""
    if rule is LateRule.INTEREST and rate == 0:
        rate = Decimal("0.1")
    policy = DuesPolicy(rule, rate)
    total = Money(Decimal(cents) / 100, "ARS")
    second_total = Money(total.amount * (100 + surcharge_pct) / 100, "ARS")
    second = FIRST + timedelta(days=gap)
    on = FIRST + timedelta(days=day)
    today = policy.owed(total=total, second_total=second_total, first_due=FIRST, second_due=second, on=on)
    tomorrow = policy.owed(
        total=total, second_total=second_total, first_due=FIRST, second_due=second, on=on + timedelta(days=1)
    )
    assert tomorrow.amount >= today.amount >= total
    assert today.amount == total + today.surcharge + today.interest
    assert today.pay_by is None or today.pay_by >= on
    if today.pay_by is not None and today.pay_by > on:  # the amount holds until its pay-by date
        held = policy.owed(total=total, second_total=second_total, first_due=FIRST, second_due=second, on=today.pay_by)
        assert held.amount == today.amount


def test_profiles_declare_their_rule() -> None:
    assert load_branding("coop-ar").dues == DuesPolicy(LateRule.INTEREST, Decimal("0.1"))
    assert load_branding("telco-py").dues.late is LateRule.COUNTER
    assert load_branding("wisp-mx").dues.late is LateRule.SECOND_TOTAL


@pytest.mark.parametrize(
    ("dues", "message"),
    [
        ({"after_last_due": "never"}, "'dues.after_last_due' must be one of second_total, interest, counter"),
        ({"after_last_due": "interest"}, "needs a daily_interest_pct above 0"),
        ({"daily_interest_pct": "abc"}, "'dues.daily_interest_pct' must be a decimal string"),
        ({"daily_interest_pct": 0.1}, "'dues.daily_interest_pct' must be a decimal string"),
        ({"daily_interest_pct": "5"}, "must be between 0 and 1"),
        ({"grace_days": 3}, "unknown key 'dues.grace_days'"),
        ("interest", "'dues' must be a table"),
    ],
)
def test_a_malformed_rule_is_one_clear_error(dues: object, message: str) -> None:
    data = tomllib.loads((resources.files("resources.branding") / "coop-ar.toml").read_text(encoding="utf-8"))
    data["dues"] = dues
    with pytest.raises(BrandingError, match=message):
        _parse("coop-ar", data)

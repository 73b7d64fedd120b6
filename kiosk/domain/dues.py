"""What an invoice costs on a given day: the one rule behind every amount a customer is asked to pay.

The utilities bill with two due dates: up to the first one the invoice's total, up to the second one the
second-due total (the total plus a surcharge, "recargo"). After the last due date each utility has its own
rule, declared in its branding profile (`[dues]`): the second-due total stands, interest accrues per day on it,
or the invoice can only be settled at the counter. The account home, the invoice list, the statement (screen
and paper), the payment slip, its QR amount and its barcode all read the amount from here, so they agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from kiosk.domain.money import Money


class LateRule(StrEnum):
    """What applies after the last due date."""

    SECOND_TOTAL = "second_total"  # the second-due total stands
    INTEREST = "interest"  # plus interest per day on the second-due total
    COUNTER = "counter"  # only the counter can tell the amount: the kiosk prints no payment slip


class DueStage(StrEnum):
    FIRST = "first"  # up to and including the first due date
    SECOND = "second"  # after the first, up to and including the second due date
    LATE = "late"  # after the last due date
    PAID = "paid"


@dataclass(frozen=True, slots=True)
class AmountOwed:
    """One invoice's debt on one day.

    `amount` = base total + `surcharge` + `interest`; `pay_by` is the last day the amount holds (a slip printed
    for it carries that date), None when the kiosk cannot take it (paid, or late under the counter rule).
    """

    amount: Money
    stage: DueStage
    surcharge: Money
    interest: Money
    pay_by: date | None

    @property
    def payable(self) -> bool:
        """Whether a payment slip may carry this invoice today."""
        return self.pay_by is not None

    @property
    def at_counter(self) -> bool:
        return self.stage is DueStage.LATE and self.pay_by is None


@dataclass(frozen=True, slots=True)
class DuesPolicy:
    """A utility's late-payment rule (branding profile `[dues]`)."""

    late: LateRule = LateRule.SECOND_TOTAL
    daily_interest_pct: Decimal = Decimal(0)  # per calendar day after the last due date, on the second-due total

    def owed(
        self,
        *,
        total: Money,
        second_total: Money | None,
        first_due: date,
        second_due: date | None,
        on: date,
        paid: bool = False,
    ) -> AmountOwed:
        """What settles the invoice on day `on` (for a paid invoice: what its payment on that day had to be).

        Args:
            paid: the invoice is settled; the amount is still computed (the statement needs what the payment
                covered) but the stage is PAID and nothing is payable.
        """
        zero = Money.zero(total.currency)
        has_second = second_due is not None and second_total is not None
        last_due = second_due if has_second and second_due is not None else first_due
        base, surcharge = total, zero
        if on > first_due and has_second and second_total is not None:
            base, surcharge = second_total, second_total - total
        pay_by: date | None
        if on <= first_due:
            stage, pay_by = DueStage.FIRST, first_due
        elif on <= last_due:
            stage, pay_by = DueStage.SECOND, last_due
        else:
            stage, pay_by = DueStage.LATE, on
        interest = zero
        if stage is DueStage.LATE:
            if self.late is LateRule.INTEREST:
                days = (on - last_due).days
                interest = Money(base.amount * self.daily_interest_pct / 100 * days, total.currency)
            elif self.late is LateRule.COUNTER:
                pay_by = None
        if paid:
            stage, pay_by = DueStage.PAID, None
        return AmountOwed(base + interest, stage, surcharge, interest, pay_by)

    def surcharge_day(self, first_due: date) -> date:
        """The day the second-due surcharge becomes owed (and is booked on the statement)."""
        return first_due + timedelta(days=1)

"""The in-memory demo (`demo --fake`) in every profile's money: amounts owed and slips in its own currency."""

from __future__ import annotations

import pytest

from kiosk.domain import Money
from kiosk.services.api import CustomerSession
from kiosk.testing.fakes import fake_services
from kiosk.testing.world import TODAY, demo_branding


@pytest.mark.parametrize("profile", ["coop-ar", "telco-py", "wisp-mx"])
def test_fake_world_speaks_the_profile_currency(profile: str) -> None:
    branding = demo_branding(profile)
    services = fake_services(branding=branding)
    world = services.info.w  # type: ignore[attr-defined]
    for inv in world.invoices:
        assert inv.total.currency == inv.owed.amount.currency == branding.currency
        # The owed amount follows the profile's rule, from the same totals.
        expected = branding.dues.owed(
            total=inv.total, second_total=inv.second_total, first_due=inv.first_due_date,
            second_due=inv.second_due_date, on=TODAY, paid=not inv.is_open,
        )
        assert inv.owed == expected
    session = CustomerSession(1001, "María", None, "t")  # type: ignore[arg-type]
    home = services.account.overview(session)
    open_ = [i for i in world.invoices if i.account_id == 1001 and i.is_open and i.owed.payable]
    assert home.total_due.currency == branding.currency
    if open_:
        slip = services.payments.slip_for(open_, "es")
        assert slip.total == sum((i.owed.amount for i in open_), Money.zero(branding.currency))

"""The tour's sample invoices: the demo data's real invoice for each status, set by the tour's runner and read
by the screens' own tour steps (so a screen module never imports the runner in ui/tour.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from kiosk.domain import InvoiceStatus, InvoiceSummary, Money
from ui.screens.base import Screen

_samples: dict[InvoiceStatus, InvoiceSummary] = {}


def set_sample_invoice(invoice: InvoiceSummary | None) -> None:
    """The demo data's invoice for the state of its own status (None forgets them all)."""
    if invoice is None:
        _samples.clear()
    else:
        _samples[invoice.status] = invoice


def sample_invoice(screen: Screen, status: InvoiceStatus = InvoiceStatus.PENDING) -> InvoiceSummary:
    """A real invoice of that status from the demo data when the runner found one, else one of the in-memory
    world's (in the utility's money). Never a status pasted onto another invoice: "Vencida" must come with
    due dates in the past."""
    if status in _samples:
        return _samples[status]
    from kiosk.testing.world import TODAY, build_world

    world = build_world().invoices
    inv = next((i for i in world if i.status is status), None)
    if inv is None:  # the in-memory world has none of that status: move one's dates so that it has it
        inv = world[0]
        shift = timedelta(days=0)
        if status is InvoiceStatus.PENDING and inv.first_due_date < TODAY:
            shift = TODAY - inv.first_due_date + timedelta(days=7)
        elif status is not InvoiceStatus.PENDING and inv.first_due_date >= TODAY:
            shift = TODAY - inv.first_due_date - timedelta(days=20)
        inv = replace(inv, status=status, issue_date=inv.issue_date + shift,
                      first_due_date=inv.first_due_date + shift,
                      second_due_date=inv.second_due_date + shift if inv.second_due_date else None)
    cur = screen.branding.currency
    return replace(inv, total=Money(inv.total.amount, cur),
                   second_total=Money(inv.second_total.amount, cur) if inv.second_total else None)

"""The tour's sample invoices: the demo data's real invoice for each status, set by the tour's runner and read
by the screens' own tour steps (so a screen module never imports the runner in ui/tour.py).

The fallback for a status the demo data lacks is an in-memory world's invoice, handed over by the runner
(ui/cli/demo_cmd.py, set_sample_world) or, in tests, read off the fake services the screen runs on: a screen
module never imports kiosk.testing (the fakes stay off the product's runtime path, an import-linter contract).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from kiosk.domain import InvoiceStatus, InvoiceSummary, Money
from ui.screens.base import Screen

_samples: dict[InvoiceStatus, InvoiceSummary] = {}
_world: tuple[list[InvoiceSummary], date] | None = None


def set_sample_world(invoices: list[InvoiceSummary], today: date) -> None:
    """The in-memory world's invoices (and its day) to fall back on for a status the demo data lacks."""
    global _world
    _world = (list(invoices), today)


def _fallback_world(screen: Screen) -> tuple[list[InvoiceSummary], date]:
    if _world is not None:
        return _world
    world = getattr(screen.ctx.services.info, "w", None)  # kiosk.testing's fakes keep their world there
    if world is None:
        raise LookupError("no sample invoice of that status: the tour runner sets them (set_sample_world)")
    return list(world.invoices), world.today


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
    world, today = _fallback_world(screen)
    inv = next((i for i in world if i.status is status), None)
    if inv is None:  # the in-memory world has none of that status: move one's dates so that it has it
        inv = world[0]
        shift = timedelta(days=0)
        if status is InvoiceStatus.PENDING and inv.first_due_date < today:
            shift = today - inv.first_due_date + timedelta(days=7)
        elif status is not InvoiceStatus.PENDING and inv.first_due_date >= today:
            shift = today - inv.first_due_date - timedelta(days=20)
        inv = replace(inv, status=status, issue_date=inv.issue_date + shift,
                      first_due_date=inv.first_due_date + shift,
                      second_due_date=inv.second_due_date + shift if inv.second_due_date else None)
    cur = screen.branding.currency
    return replace(inv, total=Money(inv.total.amount, cur),
                   second_total=Money(inv.second_total.amount, cur) if inv.second_total else None)

"""The registry of printed documents: one render for the kiosk and the staff tool, one place a kind is declared."""

from __future__ import annotations

import argparse
from io import BytesIO
from typing import cast

import pytest
from pypdf import PdfReader
from svc_replica import ACCOUNT, ELECTRICITY, Replica

from kiosk.cli import build_parser
from kiosk.config import PrinterSection
from kiosk.services.account import AccountService, StaffAccess
from kiosk.services.claims import ClaimService
from kiosk.services.documents import DOCUMENTS, RenderedJob, StaffRequest, StaffRequestError, paper_for, staff_kinds
from kiosk.services.errors import SessionExpired
from kiosk.services.print_jobs import PrintService


def _text(job: RenderedJob) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(job.doc.pdf)).pages)


def _facts(job: RenderedJob) -> tuple[object, ...]:
    d = job.doc
    return d.kind, d.name, d.paper, d.pages, d.qr_payload, d.barcode, d.text_lines, job.reference, _text(job)


def test_staff_and_customer_get_the_same_documents(replica: Replica) -> None:
    printer = PrintService(replica.ctx, AccountService(replica.ctx))
    session = replica.login()
    account = AccountService(replica.ctx)
    staff = StaffRequest(account=str(ACCOUNT), invoices=("0021-00049111",))
    by_staff = printer.render_for_staff("duplicate", staff, "es")
    by_customer = printer.render("duplicate", account.invoice_detail(session, 111), "es")
    assert _facts(by_staff) == _facts(by_customer) and by_staff.reference == "0021-00049111"
    statement = printer.render_for_staff("statement", StaffRequest(account=str(ACCOUNT)), "en")
    assert _facts(statement) == _facts(printer.render("statement", account.statement(session), "en"))
    assert statement.figures["closing"] == str(account.statement(session).closing_balance)
    claim = ClaimService(replica.ctx).file(session, ELECTRICITY, "no_supply", "Sin luz", "3511234567", "")
    receipt = printer.render_for_staff("claim-receipt", StaffRequest(number=claim.number), "es")
    assert _facts(receipt) == _facts(printer.render("claim-receipt", claim, "es"))
    assert receipt.doc.paper == "roll80"  # the kiosk's roll, as the touch screens print it


def test_staff_access_reads_without_a_session_but_a_customer_still_needs_one(replica: Replica) -> None:
    account = AccountService(replica.ctx)
    assert [i.number for i in account.invoices(StaffAccess(ACCOUNT))] == [
        i.number for i in account.invoices(replica.login())
    ]
    from kiosk.services.api import CustomerSession

    with pytest.raises(SessionExpired):
        account.invoices(CustomerSession(ACCOUNT, "Juan", replica.clock(), "forged-token"))


def test_staff_request_errors_name_what_is_missing(replica: Replica) -> None:
    printer = PrintService(replica.ctx, AccountService(replica.ctx))
    with pytest.raises(StaffRequestError, match=r"^statement needs --account$"):
        printer.render_for_staff("statement", StaffRequest(), "es")
    with pytest.raises(StaffRequestError, match="exactly one --invoice"):
        printer.render_for_staff("duplicate", StaffRequest(account=str(ACCOUNT)), "es")
    with pytest.raises(ValueError, match="touch screens only"):
        printer.render_for_staff("request-receipt", StaffRequest(number="B21-K07-000001"), "es")


def test_print_command_offers_exactly_the_registered_staff_kinds() -> None:
    parser = build_parser(["print"])
    sub = next(a for a in parser._actions if a.dest == "command")
    commands = cast(dict[str, argparse.ArgumentParser], sub.choices)
    kind = next(a for a in commands["print"]._actions if a.dest == "kind")
    assert tuple(kind.choices or ()) == tuple(staff_kinds())
    assert set(staff_kinds()) == set(DOCUMENTS) - {"request-receipt"}


@pytest.mark.parametrize(
    ("rule", "paper", "width", "expected"),
    [("roll", "a4", 58, "roll58"), ("roll", "roll", 80, "roll80"), ("slip", "a4", 58, "a4"),
     ("slip", "roll", 58, "roll58"), ("a4", "roll", 58, "a4")],
)
def test_paper_rules(rule: str, paper: str, width: int, expected: str) -> None:
    printer = PrinterSection.model_validate({"paper": paper, "roll_width_mm": width})
    assert paper_for(rule, printer) == expected  # type: ignore[arg-type]

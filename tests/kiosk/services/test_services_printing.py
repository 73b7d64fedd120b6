"""Printing through the real pdf-folder backend: documents written, jobs logged, reprint after out of paper."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from svc_replica import ELECTRICITY, Replica

from db.models import LocalPrintLog, OutboxEntry
from kiosk.domain import PrinterState, RequestKind
from kiosk.services.account import AccountService
from kiosk.services.claims import ClaimService
from kiosk.services.errors import NotFound, PrinterError, ServiceError
from kiosk.services.lookup import LookupService
from kiosk.services.payments import PaymentService
from kiosk.services.print_jobs import PrintService
from kiosk.services.readings import ReadingService
from kiosk.services.requests import RequestService


def _text(path: str | None) -> str:
    assert path is not None
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _printer(replica: Replica) -> PrintService:
    return PrintService(replica.ctx, AccountService(replica.ctx))


def _logs(replica: Replica) -> list[tuple[str, str, str]]:
    with replica.factory() as db:
        rows = db.scalars(select(LocalPrintLog).order_by(LocalPrintLog.created_at)).all()
        queued = set(db.scalars(select(OutboxEntry.row_id).where(OutboxEntry.table_name == "print_log")))
        assert {r.id for r in rows} == queued
        return [(r.kind, r.reference, r.status) for r in rows]


def test_walk_in_duplicate(replica: Replica) -> None:
    printer = _printer(replica)
    with pytest.raises(NotFound):
        printer.duplicate(111, None, "es")  # not looked up on this kiosk
    LookupService(replica.ctx).by_number("1001", "0021-00049111")
    result = printer.duplicate(111, None, "es")
    assert result.state is PrinterState.READY and result.pages >= 1
    assert result.path is not None and Path(result.path).parent == replica.config.print_folder
    text = _text(result.path)
    assert "0021-00049111" in text and "J*** P*****" in text
    assert _logs(replica) == [("duplicate", "0021-00049111", "printed")]


def test_out_of_paper_then_reprint(replica: Replica) -> None:
    printer = _printer(replica)
    session = replica.login()
    slip = PaymentService(replica.ctx).slip_for([i for i in AccountService(replica.ctx).invoices(session)
                                                  if i.is_open], "es")
    folder = replica.config.print_folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "OUT_OF_PAPER").write_text("")
    assert printer.status() is PrinterState.OUT_OF_PAPER
    with pytest.raises(PrinterError) as err:
        printer.payment_slip(slip, "es")
    assert err.value.code == "printer_out_of_paper"
    assert err.value.params["state"] is PrinterState.OUT_OF_PAPER
    job_id = err.value.params["job_id"]
    assert list(folder.glob("*.pdf")) == []
    (folder / "OUT_OF_PAPER").unlink()
    result = printer.reprint(job_id)
    assert result.job_id == job_id
    assert slip.reference in _text(result.path).replace(" ", "")
    assert _logs(replica) == [("payment-slip", slip.reference, "failed"), ("payment-slip", slip.reference, "printed")]
    with pytest.raises(NotFound):
        printer.reprint("no-such-job")


def test_offline_printer(replica: Replica) -> None:
    folder = replica.config.print_folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "OFFLINE").write_text("")
    LookupService(replica.ctx).by_number("1001", "49111")
    with pytest.raises(PrinterError) as err:
        _printer(replica).duplicate(111, None, "en")
    assert err.value.code == "printer_offline"


def test_receipts_and_statement(replica: Replica) -> None:
    printer = _printer(replica)
    session = replica.login()
    claim = ClaimService(replica.ctx).file(session, ELECTRICITY, "no_supply", "Sin luz desde ayer", "3511234567",
                                           "morning")
    assert claim.number in _text(printer.claim_receipt(claim, "es").path)
    reading = ReadingService(replica.ctx).submit(session, ELECTRICITY, 13_200)
    assert reading.number in _text(printer.reading_receipt(reading, "en").path)
    request = RequestService(replica.ctx).submit(session, RequestKind.E_INVOICE, {"delivery": "paper"}, "es")
    assert request.number in _text(printer.request_receipt(request, "es").path)
    statement = printer.statement(session, "es")
    assert "0021-00049111" in _text(statement.path)
    assert [kind for kind, _, status in _logs(replica)] == [
        "claim-receipt", "reading-receipt", "request-receipt", "statement"]


def test_never_prints_an_uncommitted_receipt(replica: Replica) -> None:
    claim = ClaimService(replica.ctx).file(replica.login(), ELECTRICITY, "no_supply", "x", "3511234567", "")
    with pytest.raises(ServiceError) as err:
        _printer(replica).claim_receipt(replace(claim, id="00000000-0000-0000-0000-00000000dead"), "es")
    assert err.value.code == "not_committed"
    assert not replica.config.print_folder.exists() or list(replica.config.print_folder.glob("*.pdf")) == []


def test_prepaid_plan_slip(replica: Replica) -> None:
    from svc_replica import PREPAID

    slip = PaymentService(replica.ctx).slip_for_plan(replica.login(PREPAID, "Ana"), 2, "es")
    result = _printer(replica).payment_slip(slip, "es")
    assert slip.reference in _text(result.path).replace(" ", "")

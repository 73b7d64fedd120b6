"""Printing for customers: render the document, send it to the configured printer, log the job, keep it.

Every job is logged to print_log through the outbox (printed or failed, never personal data: kind, a
document reference, backend, pages). The rendered document is kept in memory by job id (the last few
jobs), so "out of paper" is never the end: once paper is loaded, reprint(job_id) prints the same PDF.
Receipts are printed only for rows already committed in the replica, so paper never exists for a claim or
reading the kiosk does not have.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from db.models import LocalClaim, LocalContactChange, LocalPrintLog, LocalReadingSubmission, LocalServiceRequest
from kiosk.domain import ClaimReceipt, DocumentMeta, PaymentSlip, PrinterState, ReadingReceipt, RequestReceipt
from kiosk.services.account import AccountService
from kiosk.services.api import CustomerSession, PrintResult
from kiosk.services.context import ServiceContext
from kiosk.services.errors import NotFound, PrinterError, ServiceError
from kiosk.services.intake import new_id, queue
from kiosk.services.payments import slip_codes
from printing.backends import PrinterBackend, PrintError, create_backend
from printing.document import Paper, RenderedDocument
from printing.documents.duplicate_invoice import render_duplicate_invoice
from printing.documents.payment_slip import render_payment_slip
from printing.documents.receipts import render_claim_receipt, render_reading_receipt, render_request_receipt
from printing.documents.statement import render_statement

KEEP_JOBS = 20
_STATE_CODES = {PrinterState.OUT_OF_PAPER: "printer_out_of_paper", PrinterState.OFFLINE: "printer_offline"}


def error_code(state: PrinterState) -> str:
    return _STATE_CODES.get(state, "printer_error")


class PrintService:
    def __init__(
        self, ctx: ServiceContext, account: AccountService, backend: PrinterBackend | None = None
    ) -> None:
        self._ctx = ctx
        self._account = account
        self._backend = backend
        self._jobs: OrderedDict[str, tuple[RenderedDocument, str]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def backend(self) -> PrinterBackend:
        if self._backend is None:
            self._backend = create_backend(self._ctx.config)
        return self._backend

    # -- documents -------------------------------------------------------------------------------------

    def duplicate(self, invoice_id: int, session: CustomerSession | None, language: str) -> PrintResult:
        """A duplicate of an invoice the session owns, or that a walk-in has just looked up."""
        detail = self._account.invoice_detail(session, invoice_id)
        summary = detail.summary
        qr, barcode = slip_codes(
            self._ctx.config, summary.payment_reference, summary.total, summary.first_due_date, summary.number
        )
        doc = self._render(render_duplicate_invoice, detail, self._meta(language), qr, barcode)
        return self._send(doc, summary.number)

    def payment_slip(self, slip: PaymentSlip, language: str) -> PrintResult:
        doc = self._render(render_payment_slip, slip, self._meta(language), self._paper())
        return self._send(doc, slip.reference)

    def claim_receipt(self, receipt: ClaimReceipt, language: str) -> PrintResult:
        self._require_committed(LocalClaim, receipt.id)
        doc = self._render(render_claim_receipt, receipt, self._meta(language), self._roll())
        return self._send(doc, receipt.number)

    def reading_receipt(self, receipt: ReadingReceipt, language: str) -> PrintResult:
        self._require_committed(LocalReadingSubmission, receipt.id)
        doc = self._render(render_reading_receipt, receipt, self._meta(language), self._roll())
        return self._send(doc, receipt.number)

    def request_receipt(self, receipt: RequestReceipt, language: str) -> PrintResult:
        self._require_committed((LocalServiceRequest, LocalContactChange), receipt.id)
        doc = self._render(render_request_receipt, receipt, self._meta(language), self._roll())
        return self._send(doc, receipt.number)

    def statement(self, session: CustomerSession, language: str) -> PrintResult:
        statement = self._account.statement(session)
        doc = self._render(render_statement, statement, self._meta(language))
        return self._send(doc, f"statement-{statement.to_date:%Y%m%d}")

    def reprint(self, job_id: str) -> PrintResult:
        """Print a kept job again (after out of paper or offline); same job id, a new print_log row."""
        with self._lock:
            kept = self._jobs.get(job_id)
        if kept is None:
            raise NotFound("print_job_not_found")
        doc, reference = kept
        return self._send(doc, reference, job_id)

    def status(self) -> PrinterState:
        try:
            return self.backend.status()
        except PrintError as exc:
            return exc.state

    # -- plumbing --------------------------------------------------------------------------------------

    def _meta(self, language: str) -> DocumentMeta:
        kiosk = self._ctx.config.kiosk
        return DocumentMeta(
            branding=self._ctx.branding(),
            kiosk_id=kiosk.id,
            branch_name=kiosk.branch_name,
            printed_at=self._ctx.now(),
            language="en" if language == "en" else "es",
            timezone=kiosk.timezone,
        )

    def _roll(self) -> Paper:
        return "roll58" if self._ctx.config.printer.roll_width_mm == 58 else "roll80"

    def _paper(self) -> Paper:
        """Paper of slips: A4 when configured, else the roll."""
        return "a4" if self._ctx.config.printer.paper == "a4" else self._roll()

    @staticmethod
    def _render(render: Any, *args: Any) -> RenderedDocument:
        try:
            doc: RenderedDocument = render(*args)
        except ValueError:  # what this document cannot show (e.g. a renderer without plan slips)
            raise ServiceError("document_unavailable") from None
        return doc

    def _require_committed(self, models: Any, row_id: str) -> None:
        with self._ctx.factory() as db:
            for model in models if isinstance(models, tuple) else (models,):
                if db.get(model, row_id) is not None:
                    return
        raise ServiceError("not_committed")

    def _send(self, doc: RenderedDocument, reference: str, job_id: str | None = None) -> PrintResult:
        log_id = new_id()
        job_id = job_id or log_id
        with self._lock:
            self._jobs[job_id] = (doc, reference)
            self._jobs.move_to_end(job_id)
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
        backend = self.backend
        try:
            outcome = backend.print(doc)
        except PrintError as exc:
            self._log(log_id, doc, reference, backend.name, "failed")
            raise PrinterError(error_code(exc.state), state=exc.state, job_id=job_id) from None
        except OSError:
            self._log(log_id, doc, reference, backend.name, "failed")
            raise PrinterError("printer_error", state=PrinterState.ERROR, job_id=job_id) from None
        self._log(log_id, doc, reference, backend.name, "printed")
        return PrintResult(job_id=job_id, state=outcome.state, pages=outcome.pages, path=outcome.path)

    def _log(self, log_id: str, doc: RenderedDocument, reference: str, backend: str, status: str) -> None:
        """One print_log row (and its outbox entry) per attempt, committed at once."""
        with self._ctx.factory.begin() as db:
            queue(
                db,
                LocalPrintLog(
                    id=log_id,
                    kiosk_id=self._ctx.config.kiosk.id,
                    branch_id=self._ctx.config.kiosk.branch,
                    created_at=self._ctx.now(),
                    kind=doc.kind[:20],
                    reference=reference[:40],
                    backend=backend[:16],
                    pages=doc.pages,
                    status=status,
                ),
            )

"""Printing for customers: render the document, send it to the configured printer, log the job, keep it.

Rendering and sending are separate steps: render(kind, subject) turns a domain object into a RenderedJob through
the one registry of document kinds (kiosk.services.documents), render_for_staff does the same from what staff
typed (the `print` command, no customer session), and send(job) prints and logs it. The one-call methods the
touch screens use (duplicate, payment_slip, ...) are render + send.

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

from db.models import LocalPrintLog
from kiosk.domain import ClaimReceipt, DocumentMeta, PaymentSlip, PrinterState, ReadingReceipt, RequestReceipt
from kiosk.services.account import AccountService
from kiosk.services.api import CustomerSession, PrintResult
from kiosk.services.context import ServiceContext
from kiosk.services.documents import DOCUMENTS, RenderedJob, StaffRequest, paper_for
from kiosk.services.errors import NotFound, PrinterError, ServiceError
from kiosk.services.intake import new_id, queue
from kiosk.services.printer_setup import create_printer
from printing.backends import PrinterBackend, PrintError
from printing.document import Paper, RenderedDocument

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
            self._backend = create_printer(self._ctx.config)
        return self._backend

    # -- render, send --------------------------------------------------------------------------------------

    def render(self, kind: str, subject: Any, language: str, paper: Paper | None = None) -> RenderedJob:
        """`subject` (the kind's domain object) as a document, on the kind's paper unless `paper` is given.

        Raises:
            ServiceError: not_committed (a receipt whose row is not in the replica), document_unavailable.
        """
        entry = DOCUMENTS[kind]
        if entry.committed is not None:
            self._require_committed(*entry.committed(subject))
        meta, config = self._meta(language), self._ctx.config
        try:
            doc = entry.render(subject, meta, paper or paper_for(entry.paper, config.printer), config)
        except ValueError:  # what this document cannot show (e.g. a renderer without plan slips)
            raise ServiceError("document_unavailable") from None
        return RenderedJob(doc, entry.reference(subject), entry.figures(subject))

    def render_for_staff(
        self, kind: str, request: StaffRequest, language: str, paper: Paper | None = None
    ) -> RenderedJob:
        """The same document, its subject named by staff (account and invoice numbers, or a confirmation number).

        Staff on the kiosk read an account without the customer's PIN (kiosk.services.account.StaffAccess).

        Raises:
            StaffRequestError: the request lacks what the kind needs; ServiceError as the reads and render raise.
        """
        entry = DOCUMENTS[kind]
        entry.check(request)
        if entry.standalone is not None:
            subject = entry.standalone(self._ctx.config)
        elif entry.staff is not None:
            subject = entry.staff(self._ctx, request, "en" if language == "en" else "es")
        else:
            raise ValueError(f"{kind} is printed from the touch screens only")
        return self.render(kind, subject, language, paper)

    def send(self, job: RenderedJob) -> PrintResult:
        """Print a rendered job, log it, keep it for reprint."""
        return self._send(job.doc, job.reference)

    # -- documents (render + send, for the touch screens) ------------------------------------------------------

    def duplicate(self, invoice_id: int, session: CustomerSession | None, language: str) -> PrintResult:
        """A duplicate of an invoice the session owns, or that a walk-in has just looked up."""
        return self.send(self.render("duplicate", self._account.invoice_detail(session, invoice_id), language))

    def payment_slip(self, slip: PaymentSlip, language: str) -> PrintResult:
        return self.send(self.render("payment-slip", slip, language))

    def claim_receipt(self, receipt: ClaimReceipt, language: str) -> PrintResult:
        return self.send(self.render("claim-receipt", receipt, language))

    def reading_receipt(self, receipt: ReadingReceipt, language: str) -> PrintResult:
        return self.send(self.render("reading-receipt", receipt, language))

    def request_receipt(self, receipt: RequestReceipt, language: str) -> PrintResult:
        return self.send(self.render("request-receipt", receipt, language))

    def statement(self, session: CustomerSession, language: str) -> PrintResult:
        return self.send(self.render("statement", self._account.statement(session), language))

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

    def _require_committed(self, models: tuple[type[Any], ...], row_id: str) -> None:
        with self._ctx.factory() as db:
            for model in models:
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

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

Kept jobs: before a document goes to the printer its PDF is committed to kept_print_jobs (reason "printing")
under a short readable number ("K-4821"); a printed job's row is deleted, a failed one keeps its reason
(out_of_paper, offline, error) and waits, across restarts, until it is reprinted (reprint(job_id) by the
customer, reprint_kept(number) by staff at the counter) or expires (`[printer] kept_job_hours`). A row still
"printing" when the service starts was cut off by a crash or power cut: it waits as "interrupted". No database
transaction is open while the printer works, so nothing written before the send can be lost with it.

Roll counter: each document printed on roll paper adds its page length (mm) to a kiosk_state counter, so
maintenance can warn of a low roll (`[printer] roll_length_m`, `paper_low_m`) before it runs out; staff reset it
with paper_replaced().
"""

from __future__ import annotations

import logging
import random
import re
import threading
from collections import OrderedDict
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from db.models import KeptPrintJob, KioskState, LocalPrintLog
from kiosk.domain import ClaimReceipt, DocumentMeta, PaymentSlip, PrinterState, ReadingReceipt, RequestReceipt
from kiosk.domain.maintenance import KeptJob, PrinterStatus
from kiosk.services.account import AccountService
from kiosk.services.api import CustomerSession, PrintResult
from kiosk.services.context import ServiceContext
from kiosk.services.documents import DOCUMENTS, RenderedJob, StaffRequest, paper_for
from kiosk.services.errors import NotFound, PrinterError, ServiceError
from kiosk.services.intake import new_id, queue
from kiosk.services.printer_setup import create_printer
from kiosk.sync.heartbeat import ROLL_USED_KEY
from printing.backends import PrinterBackend, PrintError
from printing.document import Paper, RenderedDocument

log = logging.getLogger(__name__)

KEEP_JOBS = 20
_STATE_CODES = {PrinterState.OUT_OF_PAPER: "printer_out_of_paper", PrinterState.OFFLINE: "printer_offline"}
_REASONS = {PrinterState.OUT_OF_PAPER: "out_of_paper", PrinterState.OFFLINE: "offline"}
PRINTING = "printing"  # a kept row while its job is at the printer
INTERRUPTED = "interrupted"  # ... found still "printing" at start: the kiosk stopped mid-print
ROLL_PAPERS = frozenset({"roll58", "roll80"})
NUMBER_PREFIX = "K-"
_NUMBER_INPUT = re.compile(r"^K?(\d{4,6})$")


def error_code(state: PrinterState) -> str:
    return _STATE_CODES.get(state, "printer_error")


def normalise_number(text: str) -> str | None:
    """A kept job's number as typed ("k-4821", "4821", " K 4821 ") in its printed form "K-4821"; None if malformed."""
    compact = re.sub(r"[\s\-_.]+", "", text or "").upper()
    match = _NUMBER_INPUT.match(compact)
    return f"{NUMBER_PREFIX}{match.group(1)}" if match else None


def roll_length_mm(doc: RenderedDocument) -> float:
    """How much roll paper `doc` takes: the sum of its page heights (0 for A4, or a PDF that cannot be read)."""
    if doc.paper not in ROLL_PAPERS:
        return 0.0
    from printing.backends.raster import page_sizes

    try:
        return sum(size.height_mm for size in page_sizes(doc.pdf))
    except Exception:  # a PDF PDFium cannot open printed anyway (or failed): count nothing rather than fail
        log.warning("roll length unknown for a %s document", doc.kind)
        return 0.0


class PrintService:
    def __init__(
        self,
        ctx: ServiceContext,
        account: AccountService,
        backend: PrinterBackend | None = None,
        *,
        rng: random.Random | None = None,
    ) -> None:
        """`rng` draws kept job numbers (tests seed it); default: the system's random source."""
        self._ctx = ctx
        self._account = account
        self._backend = backend
        self._jobs: OrderedDict[str, tuple[RenderedDocument, str]] = OrderedDict()
        self._lock = threading.Lock()
        self._rng = rng or random.SystemRandom()
        self._started = False

    @property
    def backend(self) -> PrinterBackend:
        if self._backend is None:
            self._backend = create_printer(self._ctx.config)
        return self._backend

    def reconfigure(self) -> None:
        """Forget the printer backend, so the next print builds it from the (changed) `[printer]` config."""
        self._backend = None

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
        """Print a job again (the customer's "print again", or after out of paper or offline); same job id, a new
        print_log row. A job kept in the replica is found after a restart too; printed, it stops waiting."""
        with self._lock:
            held = self._jobs.get(job_id)
        if held is None:
            self.start()
            with self._ctx.factory() as db:
                row = db.get(KeptPrintJob, job_id)
                if row is None or _expired(row, self._ctx.now()):
                    raise NotFound("print_job_not_found")
                held = (_document(row), row.reference)
        doc, reference = held
        return self._send(doc, reference, job_id)

    def test_page(self, language: str = "es") -> PrintResult:
        """The configured printer's test page (maintenance), not kept when it fails: staff see the error at once."""
        job = self.render_for_staff("test-page", StaffRequest(), language)
        return self._send(job.doc, job.reference, keep=False)

    def status(self) -> PrinterState:
        try:
            return self.backend.status()
        except PrintError as exc:
            return exc.state

    # -- kept jobs, roll counter (maintenance) ------------------------------------------------------------

    def start(self) -> None:
        """Once per process (also done by the first call that needs it): purge expired kept jobs, and mark jobs a
        stop cut off mid-print as interrupted, so they wait for a reprint like any failed job."""
        with self._lock:
            if self._started:
                return
            with self._ctx.factory.begin() as db:
                _purge(db, self._ctx.now())
                db.execute(update(KeptPrintJob).where(KeptPrintJob.reason == PRINTING).values(reason=INTERRUPTED))
            self._started = True

    def kept_jobs(self) -> list[KeptJob]:
        """The failed jobs waiting for a reprint, oldest first (expired ones are purged first)."""
        self.start()
        with self._ctx.factory.begin() as db:
            _purge(db, self._ctx.now())
            rows = db.scalars(
                select(KeptPrintJob)
                .where(KeptPrintJob.reprinted_at.is_(None), KeptPrintJob.reason != PRINTING)
                .order_by(KeptPrintJob.created_at, KeptPrintJob.number)
            ).all()
            return [_kept(row) for row in rows]

    def find_kept(self, number: str) -> KeptJob:
        """A live kept job by its number as the customer reads it out ("k-4821", "4821", " K 4821 ").

        Raises:
            NotFound: print_job_not_found (malformed, unknown, expired, or still at the printer).
        """
        self.start()
        with self._ctx.factory.begin() as db:
            return _kept(self._find(db, number))

    def reprint_kept(self, number: str) -> PrintResult:
        """Print a kept job again (staff at the counter). Printed: marked reprinted, no longer waiting; the printer
        still failing: PrinterError with the same number, the job still kept.

        Raises:
            NotFound: print_job_not_found; PrinterError as any print.
        """
        self.start()
        with self._ctx.factory.begin() as db:
            row = self._find(db, number)
            job_id, doc, reference = row.id, _document(row), row.reference
        return self._send(doc, reference, job_id)

    def printer_status(self) -> PrinterStatus:
        """The printer, the roll counter (paper low once what is left <= `[printer] paper_low_m`), kept jobs."""
        self.start()
        settings = self._ctx.config.printer
        state = self.status()
        with self._ctx.factory.begin() as db:
            _purge(db, self._ctx.now())
            used_m = _roll_used_mm(db) / 1000
            waiting = db.scalar(
                select(func.count())
                .select_from(KeptPrintJob)
                .where(KeptPrintJob.reprinted_at.is_(None), KeptPrintJob.reason != PRINTING)
            )
        return PrinterStatus(
            state=state,
            backend=settings.backend,
            paper=settings.paper,
            roll_length_m=settings.roll_length_m,
            roll_used_m=round(used_m, 3),
            paper_low=used_m >= settings.roll_length_m - settings.paper_low_m,
            kept_jobs=int(waiting or 0),
        )

    def paper_replaced(self) -> PrinterStatus:
        """Staff loaded a new roll: the counter starts again at zero."""
        with self._ctx.factory.begin() as db:
            _put(db, ROLL_USED_KEY, "0")
        return self.printer_status()

    def _find(self, db: Session, number: str) -> KeptPrintJob:
        normal = normalise_number(number)
        now = self._ctx.now()
        _purge(db, now)
        row = None
        if normal is not None:
            row = db.scalars(
                select(KeptPrintJob)
                .where(KeptPrintJob.number == normal, KeptPrintJob.reason != PRINTING)
                .order_by(KeptPrintJob.reprinted_at.is_not(None), KeptPrintJob.created_at.desc())
            ).first()
        if row is None:
            raise NotFound("print_job_not_found")
        return row

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

    def _send(
        self, doc: RenderedDocument, reference: str, job_id: str | None = None, *, keep: bool = True
    ) -> PrintResult:
        """Print `doc`. With `keep`, its PDF is committed as a kept job before it goes to the printer: deleted once
        printed (or marked reprinted, if it was already waiting), kept with its reason when the print fails."""
        self.start()
        log_id = new_id()
        job_id = job_id or log_id
        with self._lock:
            self._jobs[job_id] = (doc, reference)
            self._jobs.move_to_end(job_id)
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
        number, waiting = self._hold(job_id, doc, reference) if keep else (None, False)
        backend = self.backend
        try:
            outcome = backend.print(doc)
        except PrintError as exc:
            state = exc.state
        except OSError:
            state = PrinterState.ERROR
        else:
            self._log(log_id, doc, reference, backend.name, "printed")
            self._printed(job_id, doc, keep=keep)
            return PrintResult(
                job_id=job_id,
                state=outcome.state,
                pages=outcome.pages,
                path=outcome.path,
                job_number=number if waiting else None,
            )
        self._log(log_id, doc, reference, backend.name, "failed")
        if keep:
            self._failed(job_id, state)
        raise PrinterError(error_code(state), state=state, job_id=job_id, job_number=number) from None

    def _hold(self, job_id: str, doc: RenderedDocument, reference: str) -> tuple[str, bool]:
        """Commit the job's kept row before printing: (its number, whether it was already waiting)."""
        now = self._ctx.now()
        with self._lock, self._ctx.factory.begin() as db:
            _purge(db, now)
            row = db.get(KeptPrintJob, job_id)
            if row is not None:
                return row.number, True
            number = self._new_number(db)
            db.add(
                KeptPrintJob(
                    id=job_id,
                    number=number,
                    kind=doc.kind[:20],
                    name=doc.name[:80],
                    reference=reference[:40],
                    paper=doc.paper,
                    pdf=doc.pdf,
                    pages=doc.pages,
                    created_at=now,
                    expires_at=now + timedelta(hours=self._ctx.config.printer.kept_job_hours),
                    reason=PRINTING,
                )
            )
            return number, False

    def _new_number(self, db: Session) -> str:
        """A random four-digit number no kept row holds (six digits if four ever run short)."""
        taken = set(db.scalars(select(KeptPrintJob.number)))
        for digits in (4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 6, 6):
            low = 10 ** (digits - 1)
            number = f"{NUMBER_PREFIX}{self._rng.randrange(low, 10 * low)}"
            if number not in taken:
                return number
        free = next(n for n in range(100000, 1000000) if f"{NUMBER_PREFIX}{n}" not in taken)
        return f"{NUMBER_PREFIX}{free}"

    def _printed(self, job_id: str, doc: RenderedDocument, *, keep: bool) -> None:
        """After a successful print: the kept row goes (or is marked reprinted), the roll counter grows."""
        length = roll_length_mm(doc)
        now = self._ctx.now()
        with self._ctx.factory.begin() as db:
            if keep:
                row = db.get(KeptPrintJob, job_id)
                if row is not None and row.reason == PRINTING:
                    db.delete(row)
                elif row is not None:
                    row.reprinted_at = now
            if length:
                _put(db, ROLL_USED_KEY, f"{_roll_used_mm(db) + length:.1f}")

    def _failed(self, job_id: str, state: PrinterState) -> None:
        """After a failed print: the kept row waits, with why."""
        with self._ctx.factory.begin() as db:
            row = db.get(KeptPrintJob, job_id)
            if row is not None:
                row.reason = _REASONS.get(state, "error")
                row.reprinted_at = None

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


# -- kept rows and kiosk_state ----------------------------------------------------------------------------------


def _expired(row: KeptPrintJob, now: datetime) -> bool:
    return row.expires_at <= now


def _purge(db: Session, now: datetime) -> None:
    """Delete kept jobs past their expiry (their PDF may show personal data: never kept longer)."""
    db.execute(delete(KeptPrintJob).where(KeptPrintJob.expires_at <= now))


def _document(row: KeptPrintJob) -> RenderedDocument:
    return RenderedDocument(
        kind=row.kind, name=row.name, pdf=row.pdf, paper=cast(Paper, row.paper), pages=row.pages
    )


def _kept(row: KeptPrintJob) -> KeptJob:
    return KeptJob(
        number=row.number,
        kind=row.kind,
        pages=row.pages,
        created_at=row.created_at,
        expires_at=row.expires_at,
        reason=row.reason,
        reprinted=row.reprinted_at is not None,
    )


def _roll_used_mm(db: Session) -> float:
    raw = db.get(KioskState, ROLL_USED_KEY)
    try:
        return max(0.0, float(raw.value)) if raw is not None else 0.0
    except ValueError:
        return 0.0


def _put(db: Session, key: str, value: str) -> None:
    insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(KioskState).values(key=key, value=value)
    db.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))

"""Every printed document kind, registered once: renderer, paper, log reference, figures, how staff ask for it.

PrintService.render (the touch screens and the staff tool `python -m kiosk print`) and the tool's KIND choices
and help read this table, so a new document is: its renderer in printing/documents (texts in printing/i18n),
one DocumentKind here, and, for the touch screens, a one-call method on PrintService (and its protocol).
Heavy imports (ReportLab, the database models, other services) happen inside the functions: `python -m kiosk
--help` reads this table too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from kiosk.config import Config, PrinterSection
from kiosk.domain import ClaimReceipt, DocumentMeta, InvoiceDetail, PaymentSlip, ReadingReceipt, RequestReceipt
from kiosk.domain.statement import Statement
from printing.document import Paper, RenderedDocument

if TYPE_CHECKING:
    from kiosk.services.context import ServiceContext
    from printing.backends import PrinterSettings

S = TypeVar("S")
PaperRule = Literal["a4", "roll", "slip"]  # slip: A4 when printer.paper is "a4", else the roll
StaffInput = Literal["account", "number"]


@dataclass(frozen=True, slots=True)
class StaffRequest:
    """What staff typed to name a document's subject: an account (and invoice numbers) or a confirmation number."""

    account: str | None = None
    invoices: tuple[str, ...] = ()
    number: str | None = None


class StaffRequestError(ValueError):
    """A staff request that cannot name a subject; the message says what is missing, in the tool's terms."""


@dataclass(frozen=True, slots=True)
class RenderedJob:
    """A rendered document ready to send: the PDF and facts, the print_log reference, the figures it shows."""

    doc: RenderedDocument
    reference: str  # print_log reference: an invoice, slip or confirmation number, never personal data
    figures: Mapping[str, object] = field(default_factory=dict)  # what the document prints (`print --json`)


def _no_figures(_subject: object) -> dict[str, object]:
    return {}


@dataclass(frozen=True, slots=True)
class DocumentKind(Generic[S]):
    """One kind of printed document, from its subject (a domain object) to a RenderedJob."""

    name: str  # the RenderedDocument kind and the print_log kind: "duplicate", "claim-receipt", ...
    summary: str  # one line for `print --help`
    paper: PaperRule
    render: Callable[[S, DocumentMeta, Paper, Config], RenderedDocument]
    reference: Callable[[S], str]
    figures: Callable[[S], dict[str, object]] = _no_figures
    # Staff tool: the subject read from the replica (None: the touch screens only) ...
    staff: Callable[[ServiceContext, StaffRequest, str], S] | None = None
    needs: tuple[StaffInput, ...] = ()  # ... and what the request must carry
    # ... or made from the configuration alone, no replica needed (the test page).
    standalone: Callable[[Config], S] | None = None
    # Receipts: the row (table, id) that must be committed in the replica before paper exists for it.
    committed: Callable[[S], tuple[tuple[type[Any], ...], str]] | None = None

    def check(self, request: StaffRequest) -> None:
        """StaffRequestError unless `request` carries what this kind needs."""
        for need in self.needs:
            if not getattr(request, need):
                raise StaffRequestError(f"{self.name} needs --{need}")


def paper_for(rule: PaperRule, printer: PrinterSection) -> Paper:
    """The paper a rule means on this kiosk's printer."""
    if rule == "a4" or (rule == "slip" and printer.paper == "a4"):
        return "a4"
    return "roll58" if printer.roll_width_mm == 58 else "roll80"


# -- renderers (domain object in, RenderedDocument out) --------------------------------------------------------


def _render_duplicate(detail: InvoiceDetail, meta: DocumentMeta, paper: Paper, config: Config) -> RenderedDocument:
    from kiosk.services.payments import slip_codes
    from printing.documents.duplicate_invoice import render_duplicate_invoice

    s = detail.summary
    qr, barcode = slip_codes(config, s.payment_reference, s.total, s.first_due_date, s.number)
    return render_duplicate_invoice(detail, meta, qr, barcode)


def _render_slip(slip: PaymentSlip, meta: DocumentMeta, paper: Paper, config: Config) -> RenderedDocument:
    from printing.documents.payment_slip import render_payment_slip

    return render_payment_slip(slip, meta, paper)


def _render_claim(receipt: ClaimReceipt, meta: DocumentMeta, paper: Paper, config: Config) -> RenderedDocument:
    from printing.documents.receipts import render_claim_receipt

    return render_claim_receipt(receipt, meta, paper)


def _render_reading(receipt: ReadingReceipt, meta: DocumentMeta, paper: Paper, config: Config) -> RenderedDocument:
    from printing.documents.receipts import render_reading_receipt

    return render_reading_receipt(receipt, meta, paper)


def _render_request(receipt: RequestReceipt, meta: DocumentMeta, paper: Paper, config: Config) -> RenderedDocument:
    from printing.documents.receipts import render_request_receipt

    return render_request_receipt(receipt, meta, paper)


def _render_statement(statement: Statement, meta: DocumentMeta, paper: Paper, config: Config) -> RenderedDocument:
    from printing.documents.statement import render_statement

    return render_statement(statement, meta)


def _render_test_page(
    printer: PrinterSettings, meta: DocumentMeta, paper: Paper, config: Config
) -> RenderedDocument:
    from printing.documents.test_page import render_test_page

    return render_test_page(meta, printer.display_name, printer.backend, paper)


# -- figures ------------------------------------------------------------------------------------------------


def _slip_figures(slip: PaymentSlip) -> dict[str, object]:
    return {
        "currency": slip.total.currency,
        "total": str(slip.total.amount),
        "pay_by": slip.due_date.isoformat(),
        "invoices": [{"number": i.number, "amount": str(i.owed.amount.amount)} for i in slip.invoices],
    }


def _statement_figures(statement: Statement) -> dict[str, object]:
    return {
        "currency": statement.currency,
        "from": statement.from_date.isoformat(),
        "to": statement.to_date.isoformat(),
        "opening": str(statement.opening_balance),
        "debits": str(statement.total_debit),
        "credits": str(statement.total_credit),
        "closing": str(statement.closing_balance),
    }


# -- staff: subjects read by account or confirmation number, without a customer session ----------------------


def _staff_account(request: StaffRequest) -> tuple[str, int]:
    from kiosk.services.lookup import normalise_account

    text = request.account or ""
    return text, normalise_account(text)


def _staff_duplicate(ctx: ServiceContext, request: StaffRequest, language: str) -> InvoiceDetail:
    from kiosk.services.account import AccountService, StaffAccess
    from kiosk.services.lookup import LookupService

    text, account_id = _staff_account(request)
    if len(request.invoices) != 1:
        raise StaffRequestError("duplicate needs exactly one --invoice")
    summary = LookupService(ctx).by_number(text, request.invoices[0])
    return AccountService(ctx).invoice_detail(StaffAccess(account_id), summary.id)


def _staff_slip(ctx: ServiceContext, request: StaffRequest, language: str) -> PaymentSlip:
    from kiosk.services.account import AccountService, StaffAccess
    from kiosk.services.lookup import LookupService
    from kiosk.services.payments import PaymentService

    text, account_id = _staff_account(request)
    if request.invoices:
        lookup = LookupService(ctx)
        invoices = [lookup.by_number(text, number) for number in request.invoices]
    else:
        invoices = [i for i in AccountService(ctx).invoices(StaffAccess(account_id)) if i.is_open]
        if not invoices:
            raise StaffRequestError(f"account {account_id} has no open invoices")
    return PaymentService(ctx).slip_for(invoices, language)


def _staff_statement(ctx: ServiceContext, request: StaffRequest, language: str) -> Statement:
    from kiosk.services.account import AccountService, StaffAccess

    return AccountService(ctx).statement(StaffAccess(_staff_account(request)[1]))


def _staff_claim(ctx: ServiceContext, request: StaffRequest, language: str) -> ClaimReceipt:
    from kiosk.services.claims import ClaimService

    return ClaimService(ctx).receipt(request.number or "")


def _staff_reading(ctx: ServiceContext, request: StaffRequest, language: str) -> ReadingReceipt:
    from kiosk.services.readings import ReadingService

    return ReadingService(ctx).receipt(request.number or "")


def _printer(config: Config) -> PrinterSettings:
    from kiosk.services.printer_setup import printer_settings

    return printer_settings(config)


# -- committed rows -------------------------------------------------------------------------------------------


def _claim_row(receipt: ClaimReceipt) -> tuple[tuple[type[Any], ...], str]:
    from db.models import LocalClaim

    return (LocalClaim,), receipt.id


def _reading_row(receipt: ReadingReceipt) -> tuple[tuple[type[Any], ...], str]:
    from db.models import LocalReadingSubmission

    return (LocalReadingSubmission,), receipt.id


def _request_row(receipt: RequestReceipt) -> tuple[tuple[type[Any], ...], str]:
    from db.models import LocalContactChange, LocalServiceRequest

    return (LocalServiceRequest, LocalContactChange), receipt.id


# -- the registry ---------------------------------------------------------------------------------------------

_KINDS: tuple[DocumentKind[Any], ...] = (
    DocumentKind(
        "duplicate", "a duplicate of one invoice (--account, one --invoice)", "a4", _render_duplicate,
        lambda detail: detail.summary.number, staff=_staff_duplicate, needs=("account",),
    ),
    DocumentKind(
        "payment-slip", "a slip for --invoice numbers, or every open invoice of --account", "slip", _render_slip,
        lambda slip: slip.reference, figures=_slip_figures, staff=_staff_slip, needs=("account",),
    ),
    DocumentKind(
        "claim-receipt", "a claim's receipt, by confirmation --number", "roll", _render_claim,
        lambda receipt: receipt.number, staff=_staff_claim, needs=("number",), committed=_claim_row,
    ),
    DocumentKind(
        "reading-receipt", "a meter reading's receipt, by confirmation --number", "roll", _render_reading,
        lambda receipt: receipt.number, staff=_staff_reading, needs=("number",), committed=_reading_row,
    ),
    DocumentKind(
        "request-receipt", "a service request's receipt (touch screens only)", "roll", _render_request,
        lambda receipt: receipt.number, committed=_request_row,
    ),
    DocumentKind(
        "statement", "the account statement of --account, last 12 months", "a4", _render_statement,
        lambda statement: f"statement-{statement.to_date:%Y%m%d}", figures=_statement_figures,
        staff=_staff_statement, needs=("account",),
    ),
    DocumentKind(
        "test-page", "the configured printer's test page (no replica needed)", "slip", _render_test_page,
        lambda _printer_settings: "test-page", standalone=_printer,
    ),
)
DOCUMENTS: dict[str, DocumentKind[Any]] = {kind.name: kind for kind in _KINDS}


def staff_kinds() -> dict[str, DocumentKind[Any]]:
    """The kinds staff can render from the command line (read from the replica, or from configuration alone)."""
    return {name: kind for name, kind in DOCUMENTS.items() if kind.staff is not None or kind.standalone is not None}

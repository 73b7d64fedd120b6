"""`python -m kiosk print KIND [--config FILE] [--account A [--invoice N ...]] --out FILE.pdf`.

Renders a document from the configured replica to a PDF file, through the same services and renderers the
kiosk uses, so IT can check a branch's data, branding and payment codes on paper without the touch screen.
KIND is one of duplicate, payment-slip, statement, test-page, and claim-receipt / reading-receipt (by the
confirmation number with --number, read back from the committed row).

This is a staff tool run on the kiosk itself: it reads an account's invoices without the customer's PIN, as
anyone with the replica file could. It writes nothing to the replica and prints nothing.
"""

from __future__ import annotations

import argparse
import json
import secrets
from pathlib import Path

from kiosk.branding import BrandingError, load_branding
from kiosk.cli import CliError
from kiosk.config import Config, load_config
from kiosk.domain.branding import DocumentMeta
from printing.document import Paper, RenderedDocument

KINDS = ("duplicate", "payment-slip", "claim-receipt", "reading-receipt", "statement", "test-page")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    parser.add_argument("--config", type=Path, help="configuration file (default: KIOSK_CONFIG or platform dir)")
    parser.add_argument("--account", help="account number (duplicate, payment-slip, statement)")
    parser.add_argument(
        "--invoice",
        action="append",
        default=[],
        help="invoice number, e.g. 0021-00049107 (duplicate: one; payment-slip: repeat for several; "
        "default: every open invoice of the account)",
    )
    parser.add_argument("--number", help="confirmation number (claim-receipt, reading-receipt), e.g. B21-K07-000042")
    parser.add_argument("--language", choices=("es", "en"), help="document language (default: ui.default_language)")
    parser.add_argument(
        "--paper", choices=("roll58", "roll80", "a4"), help="payment slip and test page paper (default: printer.*)"
    )
    parser.add_argument("--out", type=Path, required=True, help="PDF file to write")
    parser.add_argument("--json", action="store_true", help="print what was written as JSON")
    parser.set_defaults(handler=run)


def _meta(config: Config, language: str) -> DocumentMeta:
    from kiosk.services.context import utc_now

    try:
        branding = load_branding(config.ui.branding)
    except BrandingError as exc:
        raise CliError(f"ui.branding: {exc}") from None
    return DocumentMeta(
        branding=branding,
        kiosk_id=config.kiosk.id,
        branch_name=config.kiosk.branch_name,
        printed_at=utc_now(),
        language=language,
        timezone=config.kiosk.timezone,
    )


def _configured_paper(config: Config) -> Paper:
    if config.printer.paper == "a4":
        return "a4"
    return "roll58" if config.printer.roll_width_mm == 58 else "roll80"


def _printer_name(config: Config) -> str:
    p = config.printer
    if p.backend == "system":
        return p.system_name or "(default system printer)"
    if p.backend == "escpos":
        if p.escpos_connection == "network":
            return f"{p.escpos_host}:{p.escpos_port}"
        if p.escpos_connection == "usb":
            return f"USB {p.escpos_usb_vendor:04x}:{p.escpos_usb_product:04x}"
        if p.escpos_connection == "serial":
            return p.escpos_serial_device
        return "dummy"
    return str(config.print_folder)


def _account(text: str | None, kind: str) -> str:
    if not text:
        raise CliError(f"{kind} needs --account")
    return text


def _render_from_replica(
    args: argparse.Namespace, config: Config, meta: DocumentMeta
) -> tuple[RenderedDocument, dict[str, object]]:
    """Read through the services (as a staff session on --account) and render the document.

    Also returns the figures the document prints (`--json`), so scripts and staff can check what was printed.
    """
    from db.engine import local_engine, session_factory
    from kiosk.services.account import AccountService
    from kiosk.services.api import CustomerSession
    from kiosk.services.claims import ClaimService
    from kiosk.services.context import ServiceContext, utc_now
    from kiosk.services.errors import ServiceError
    from kiosk.services.lookup import LookupService, normalise_account
    from kiosk.services.payments import PaymentService, slip_codes
    from kiosk.services.readings import ReadingService
    from printing.documents import (
        render_claim_receipt,
        render_duplicate_invoice,
        render_payment_slip,
        render_reading_receipt,
        render_statement,
    )

    receipt_kind = args.kind in ("claim-receipt", "reading-receipt")
    if receipt_kind and not args.number:
        raise CliError(f"{args.kind} needs --number")
    account_text = "" if receipt_kind else _account(args.account, args.kind)
    if not config.local_db_path.is_file():
        raise CliError(f"no replica at {config.local_db_path} (run 'python -m kiosk sync --once' first)")
    from kiosk.sync.replica_check import quick_check

    if (problem := quick_check(config.local_db_path)) is not None:  # never print from damaged pages
        raise CliError(f"{config.local_db_path} is damaged ({problem}): run 'python -m kiosk sync --once' to move it "
                       "aside and rebuild it")
    engine = local_engine(config.local_db_path)
    try:
        ctx = ServiceContext(session_factory(engine), config, utc_now)
        accounts, lookup, payments = AccountService(ctx), LookupService(ctx), PaymentService(ctx)
        try:
            paper = args.paper or _configured_paper(config)
            if args.kind == "claim-receipt":
                return render_claim_receipt(ClaimService(ctx).receipt(args.number), meta, paper), {}
            if args.kind == "reading-receipt":
                return render_reading_receipt(ReadingService(ctx).receipt(args.number), meta, paper), {}
            account_id = normalise_account(account_text)
            session = CustomerSession(account_id, "", utc_now(), secrets.token_urlsafe(16))
            ctx.sessions.add(session)
            if args.kind == "duplicate":
                if len(args.invoice) != 1:
                    raise CliError("duplicate needs exactly one --invoice")
                summary = lookup.by_number(account_text, args.invoice[0])
                detail = accounts.invoice_detail(session, summary.id)
                s = detail.summary
                qr, barcode = slip_codes(config, s.payment_reference, s.total, s.first_due_date, s.number)
                return render_duplicate_invoice(detail, meta, qr, barcode), {}
            if args.kind == "payment-slip":
                if args.invoice:
                    invoices = [lookup.by_number(account_text, number) for number in args.invoice]
                else:
                    invoices = [i for i in accounts.invoices(session) if i.is_open]
                    if not invoices:
                        raise CliError(f"account {account_id} has no open invoices")
                slip = payments.slip_for(invoices, meta.language)
                figures: dict[str, object] = {
                    "currency": slip.total.currency,
                    "total": str(slip.total.amount),
                    "pay_by": slip.due_date.isoformat(),
                    "invoices": [{"number": i.number, "amount": str(i.owed.amount.amount)} for i in slip.invoices],
                }
                return render_payment_slip(slip, meta, args.paper or _configured_paper(config)), figures
            statement = accounts.statement(session)
            figures = {
                "currency": statement.currency,
                "from": statement.from_date.isoformat(),
                "to": statement.to_date.isoformat(),
                "opening": str(statement.opening_balance),
                "debits": str(statement.total_debit),
                "credits": str(statement.total_credit),
                "closing": str(statement.closing_balance),
            }
            return render_statement(statement, meta), figures
        except ServiceError as exc:
            details = ", ".join(f"{k}={v}" for k, v in exc.params.items())
            raise CliError(f"{exc.code}{f' ({details})' if details else ''}") from None
    finally:
        engine.dispose()


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    language = args.language or config.ui.default_language
    meta = _meta(config, language)
    if args.kind == "test-page":
        from printing.documents import render_test_page

        doc = render_test_page(
            meta, _printer_name(config), config.printer.backend, args.paper or _configured_paper(config)
        )
        figures: dict[str, object] = {}
    else:
        doc, figures = _render_from_replica(args, config, meta)
    out: Path = args.out
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(doc.pdf)
    except OSError as exc:
        raise CliError(f"--out: cannot write {out}: {exc.strerror}") from None
    if args.json:
        print(
            json.dumps(
                {
                    "kind": doc.kind,
                    "out": str(out),
                    "name": doc.name,
                    "paper": doc.paper,
                    "pages": doc.pages,
                    "bytes": len(doc.pdf),
                    "qr_payload": doc.qr_payload,
                    "barcode": doc.barcode,
                    **figures,
                },
                ensure_ascii=False,
            )
        )
    else:
        print(f"wrote {out} ({doc.kind}, {doc.paper}, {doc.pages} page{'s' if doc.pages != 1 else ''})")
    return 0

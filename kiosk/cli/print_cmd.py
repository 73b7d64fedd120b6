"""`python -m kiosk print KIND [--config FILE] [--account A [--invoice N ...]] --out FILE.pdf`.

Renders a document from the configured replica to a PDF file through the kiosk's own render
(PrintService.render_for_staff, the kinds of kiosk.services.documents), so IT can check a branch's data,
branding and payment codes on paper without the touch screen, and sees what the kiosk would print.
KIND is one of duplicate, payment-slip, statement, test-page, and claim-receipt / reading-receipt (by the
confirmation number with --number, read back from the committed row).

This is a staff tool run on the kiosk itself: it reads an account's invoices without the customer's PIN, as
anyone with the replica file could. It writes nothing to the replica and prints nothing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kiosk.branding import BrandingError, load_branding
from kiosk.cli import CliError
from kiosk.config import Config, load_config
from kiosk.services.documents import RenderedJob, StaffRequest, StaffRequestError, staff_kinds


def register(parser: argparse.ArgumentParser) -> None:
    kinds = tuple(staff_kinds())
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = "kinds:\n" + "\n".join(f"  {k.name:16} {k.summary}" for k in staff_kinds().values())
    parser.add_argument("kind", choices=kinds, metavar="KIND", help=", ".join(kinds))
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


def _render(args: argparse.Namespace, config: Config, request: StaffRequest, language: str) -> RenderedJob:
    """Open the replica (unless the kind needs none) and render through the kiosk's PrintService."""
    from sqlalchemy.orm import sessionmaker

    from db.engine import local_engine, session_factory
    from kiosk.services.account import AccountService
    from kiosk.services.context import ServiceContext, utc_now
    from kiosk.services.errors import ServiceError
    from kiosk.services.print_jobs import PrintService

    engine = None
    if staff_kinds()[args.kind].standalone is None:
        if not config.local_db_path.is_file():
            raise CliError(f"no replica at {config.local_db_path} (run 'python -m kiosk sync --once' first)")
        from kiosk.sync.replica_check import quick_check

        if (problem := quick_check(config.local_db_path)) is not None:  # never print from damaged pages
            raise CliError(f"{config.local_db_path} is damaged ({problem}): run 'python -m kiosk sync --once' to "
                           "move it aside and rebuild it")
        engine = local_engine(config.local_db_path)
    try:
        # A kind made from the configuration alone (the test page) reads no rows: an unbound factory.
        ctx = ServiceContext(session_factory(engine) if engine is not None else sessionmaker(), config, utc_now)
        try:
            return PrintService(ctx, AccountService(ctx)).render_for_staff(args.kind, request, language, args.paper)
        except StaffRequestError as exc:
            raise CliError(str(exc)) from None
        except ServiceError as exc:
            details = ", ".join(f"{k}={v}" for k, v in exc.params.items())
            raise CliError(f"{exc.code}{f' ({details})' if details else ''}") from None
    finally:
        if engine is not None:
            engine.dispose()


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    language = args.language or config.ui.default_language
    try:
        load_branding(config.ui.branding)  # fail on a bad profile before anything else, as one line
    except BrandingError as exc:
        raise CliError(f"ui.branding: {exc}") from None
    request = StaffRequest(args.account, tuple(args.invoice), args.number)
    try:
        staff_kinds()[args.kind].check(request)
    except StaffRequestError as exc:
        raise CliError(str(exc)) from None
    job = _render(args, config, request, language)
    doc, out = job.doc, args.out
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
                    **job.figures,
                },
                ensure_ascii=False,
            )
        )
    else:
        print(f"wrote {out} ({doc.kind}, {doc.paper}, {doc.pages} page{'s' if doc.pages != 1 else ''})")
    return 0

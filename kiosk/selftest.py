"""The Qt-free half of `ventanilla selftest`: does this build (from source or frozen) have everything it ships?

IT runs selftest after an install or an upgrade, before the kiosk is left alone: every migration applies to a
scratch replica, every document renders (with its QR and barcode), the configuration validates, each printer
backend imports. The GUI half (Qt platform plugin, fonts, translations) is in ui/cli/selftest_cmd.py. Nothing
here touches the kiosk's own replica or printer: the checks use a temporary directory and hand-built documents.
"""

from __future__ import annotations

import importlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from kiosk.config import Config, ConfigError, default_config_path, load_config, parse_config

BACKEND_MODULES = (
    "printing.backends.pdf_folder",
    "printing.backends.audit",
    "printing.backends.raster",
    "printing.backends.system",
    "printing.backends.escpos_backend",
)


@dataclass(frozen=True, slots=True)
class Result:
    """One check's outcome, printed as one line."""

    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'}  {self.name:<16} {self.detail}"


def _guard(name: str, check: Callable[[], str]) -> Result:
    """Run one check: its detail when it passes, the exception's first line when anything goes wrong."""
    try:
        return Result(name, True, check())
    except Exception as exc:
        first = (str(exc).splitlines() or [""])[0][:300]
        return Result(name, False, f"{type(exc).__name__}: {first}")


def config_for(path: Path | None) -> tuple[Config, Result]:
    """The configuration to check documents with, and its check: --config, else $KIOSK_CONFIG or the default
    path when that file exists; with no file at all the built-in defaults are used (a fresh install)."""
    source = path or default_config_path()
    fallback = parse_config({"kiosk": {"id": "SELFTEST", "branch": "SELFTEST"}})
    if path is None and not source.exists():
        return fallback, Result("config", True, f"none at {source} (defaults used)")
    try:
        config = load_config(source)
    except ConfigError as exc:
        return fallback, Result("config", False, str(exc))
    return config, Result("config", True, f"{source} valid")


def check_migrations() -> str:
    """Every replica migration, from an empty file to this build's head, on a scratch SQLite file."""
    from sqlalchemy import text

    from db.engine import local_engine
    from kiosk.sync import schema

    head = schema.local_version()
    with tempfile.TemporaryDirectory(prefix="ventanilla-selftest-") as tmp:
        engine = local_engine(Path(tmp) / "replica.sqlite3")
        try:
            schema.ensure_local(engine)
            with engine.connect() as conn:
                found = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
                tables = conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'table'")).scalar_one()
        finally:
            engine.dispose()
    if found != head:
        raise RuntimeError(f"scratch replica at {found}, this build's head is {head}")
    return f"local head {head}, {tables} tables"


def check_backends() -> str:
    """Each printer backend's module imports (python-escpos, Qt's print support): a missing piece in a build
    shows here, not when the branch first prints."""
    for name in BACKEND_MODULES:
        importlib.import_module(name)
    return ", ".join(name.rsplit(".", 1)[1] for name in BACKEND_MODULES)


def check_documents(config: Config) -> str:
    """Every registered document kind renders from a hand-built subject; the PDF opens with the page count the
    renderer reports, and its QR and barcode decode to what was meant when zbar is there to read them."""
    from kiosk.branding import load_branding
    from kiosk.domain import DocumentMeta
    from kiosk.services.documents import DOCUMENTS, paper_for

    meta = DocumentMeta(
        branding=load_branding(config.ui.branding), kiosk_id=config.kiosk.id, branch_name="Selftest",
        printed_at=datetime(2024, 10, 9, 17, 42, tzinfo=UTC), timezone=config.kiosk.timezone,
    )
    subjects = _subjects(meta.branding.currency, config)
    decode = _decoder()
    missing = sorted(set(DOCUMENTS) - set(subjects))
    if missing:
        raise RuntimeError(f"no selftest sample for {', '.join(missing)}")
    codes = 0
    for name, kind in DOCUMENTS.items():
        doc = kind.render(subjects[name], meta, paper_for(kind.paper, config.printer), config)
        pages = _page_count(doc.pdf)
        if pages != doc.pages or pages < 1:
            raise RuntimeError(f"{name}: PDF has {pages} pages, renderer said {doc.pages}")
        wanted = [c for c in (doc.qr_payload, doc.barcode) if c]
        if decode is not None and wanted:
            found = decode(doc.pdf)
            lost = [c for c in wanted if c not in found]
            if lost:
                raise RuntimeError(f"{name}: code {lost[0]!r} not readable on the page")
            codes += len(wanted)
    read = f"{codes} codes decoded" if decode is not None else "codes not decoded (pyzbar/zbar not available)"
    return f"{len(DOCUMENTS)} kinds rendered, {read}"


def _page_count(pdf: bytes) -> int:
    import pypdfium2

    if not pdf.startswith(b"%PDF"):
        raise RuntimeError("not a PDF")
    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def _decoder() -> Callable[[bytes], set[str]] | None:
    """Every QR/I2of5/Code128 text zbar reads on a PDF's pages (rasterised with pdfium), or None without zbar."""
    try:
        from pyzbar.pyzbar import ZBarSymbol, decode
    except Exception:  # ImportError, or zbar's shared library missing on this machine
        return None
    import pypdfium2

    symbols = [ZBarSymbol.QRCODE, ZBarSymbol.I25, ZBarSymbol.CODE128]

    def read(pdf: bytes) -> set[str]:
        document = pypdfium2.PdfDocument(pdf)
        found: set[str] = set()
        try:
            for page in document:
                image = page.render(scale=200 / 72, grayscale=True).to_pil()
                found.update(d.data.decode("utf-8") for d in decode(image, symbols=symbols))
        finally:
            document.close()
        return found

    return read


def _subjects(currency: str, config: Config) -> dict[str, Any]:
    """One hand-built subject per document kind (no database: documents take plain domain objects)."""
    from kiosk.domain import (
        ClaimCategory,
        ClaimReceipt,
        InvoiceDetail,
        InvoiceLine,
        InvoiceStatus,
        InvoiceSummary,
        Money,
        PaymentSlip,
        ReadingReceipt,
        RequestKind,
        RequestReceipt,
        Service,
        Statement,
        StatementEntry,
    )
    from kiosk.domain.dues import DuesPolicy
    from kiosk.payments.reference import make_barcode, make_reference
    from kiosk.services.documents import DOCUMENTS

    created = datetime(2024, 10, 9, 17, 42, tzinfo=UTC)
    total = Money(Decimal("289500") if currency == "PYG" else Decimal("4873.19"), currency)
    first, second = date(2024, 10, 15), date(2024, 10, 25)
    reference = make_reference(10452, 49107)
    summary = InvoiceSummary(
        id=49107, number="0021-00049107", account_id=10452, supply_id=7781, service=Service.ELECTRICITY,
        period="2024-09", issue_date=date(2024, 10, 1), first_due_date=first, second_due_date=second, total=total,
        second_total=total, status=InvoiceStatus.PENDING, payment_reference=reference, holder_masked="M**** G****",
        owed=DuesPolicy().owed(total=total, second_total=total, first_due=first, second_due=second,
                               on=date(2024, 10, 10), paid=False),
    )
    detail = InvoiceDetail(
        summary=summary, lines=(InvoiceLine(description="Cargo fijo", amount=total.amount),),
        taxes=Money(Decimal(0), currency), supply_address="Av. España 2130", previous_reading=None,
        current_reading=None, consumption=None, unit=None, history=(),
    )
    slip_reference = make_reference(10452, 900_001)
    slip = PaymentSlip(
        account_id=10452, holder_masked="M**** G****", invoices=(summary,), total=total, due_date=first,
        reference=slip_reference, barcode=make_barcode(slip_reference, first, total.cents),
        qr_payload=f"https://pay.example.com/p?ref={slip_reference}", instructions="",
    )
    claim = ClaimReceipt(
        id="selftest-claim", number="021-03-000187", account_id=10452, supply_id=7781,
        category=ClaimCategory("NO_POWER", Service.ELECTRICITY, "Falta de suministro", "No power supply"),
        description="Sin luz desde las 14 h.", contact_phone="351 *** **21", contact_time="Mañana",
        created_at=created, kiosk_id=config.kiosk.id,
    )
    reading = ReadingReceipt(
        id="selftest-reading", number="021-03-000188", account_id=10452, supply_id=7781, meter_number="E-0045512",
        value=19_112, previous_value=18_800, consumption=312, rollover=False, flagged=False, created_at=created,
        kiosk_id=config.kiosk.id, unit="kWh",
    )
    request = RequestReceipt(
        id="selftest-request", number="021-03-000189", kind=RequestKind.RECONNECTION, account_id=10452,
        fields=(("Suministro", "7781"),), created_at=created, kiosk_id=config.kiosk.id,
    )
    entry = StatementEntry(date(2024, 9, 1), "invoice", "Factura", "0021-00049107", total.amount, Decimal(0),
                           total.amount)
    statement = Statement(10452, "M**** G****", currency, date(2024, 1, 1), date(2024, 9, 1), Decimal(0), (entry,))
    test_page = DOCUMENTS["test-page"].standalone
    subjects: dict[str, Any] = {
        "duplicate": detail, "payment-slip": slip, "claim-receipt": claim, "reading-receipt": reading,
        "request-receipt": request, "statement": statement,
    }
    if test_page is not None:
        subjects["test-page"] = test_page(config)
    return subjects


def core_checks(config_path: Path | None) -> list[Result]:
    """Configuration, migrations, documents, printer backends: one Result each, in that order."""
    config, config_result = config_for(config_path)
    return [
        config_result,
        _guard("migrations", check_migrations),
        _guard("documents", lambda: check_documents(config)),
        _guard("printer-backends", check_backends),
    ]

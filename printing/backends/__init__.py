"""Printer backends: pdf-folder (default, demo), system (OS printer via Qt), escpos (thermal receipts).

``create_backend(config)`` builds the configured one, wrapped with an audit copy when
``printer.audit_folder`` is set. Backends import their heavy parts (Qt, python-escpos) only when chosen.
"""

from __future__ import annotations

from kiosk.config import Config
from printing.backends.base import PrinterBackend, PrintError, PrintOutcome, job_name
from printing.backends.pdf_folder import PdfFolderBackend

__all__ = ["PdfFolderBackend", "PrintError", "PrintOutcome", "PrinterBackend", "create_backend", "job_name"]


def create_backend(config: Config) -> PrinterBackend:
    """The printer backend `config.printer` describes (no device is opened until status or print)."""
    settings = config.printer
    backend: PrinterBackend
    if settings.backend == "system":
        from printing.backends.system import SystemPrinterBackend

        backend = SystemPrinterBackend(settings.system_name)
    elif settings.backend == "escpos":
        from printing.backends.escpos_backend import EscposBackend, connection_factory

        connect = connection_factory(
            settings.escpos_connection,
            host=settings.escpos_host,
            port=settings.escpos_port,
            usb_vendor=settings.escpos_usb_vendor,
            usb_product=settings.escpos_usb_product,
            serial_device=settings.escpos_serial_device,
        )
        backend = EscposBackend(connect, roll_width_mm=settings.roll_width_mm, qr_native=settings.escpos_qr_native)
    else:
        backend = PdfFolderBackend(config.print_folder, timezone=config.kiosk.timezone)
    audit_folder = settings.audit_folder
    if audit_folder is not None and not (
        isinstance(backend, PdfFolderBackend) and backend.folder.resolve() == audit_folder.resolve()
    ):
        from printing.backends.audit import AuditedBackend

        audit = PdfFolderBackend(audit_folder, timezone=config.kiosk.timezone, simulate=False)
        return AuditedBackend(backend, audit)
    return backend

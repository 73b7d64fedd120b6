"""Printer backends: pdf-folder (default, demo), system (OS printer via Qt), escpos (thermal receipts).

``create_backend(settings)`` builds the one a PrinterSettings describes, wrapped with an audit copy when
``settings.audit_folder`` is set. Backends import their heavy parts (Qt, python-escpos) only when chosen.
"""

from __future__ import annotations

from printing.backends.base import PrinterBackend, PrintError, PrintOutcome, job_name
from printing.backends.pdf_folder import PdfFolderBackend
from printing.backends.settings import PrinterSettings

__all__ = [
    "PdfFolderBackend",
    "PrintError",
    "PrintOutcome",
    "PrinterBackend",
    "PrinterSettings",
    "create_backend",
    "job_name",
]


def create_backend(settings: PrinterSettings) -> PrinterBackend:
    """The printer backend `settings` describe (no device is opened until status or print)."""
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
        backend = PdfFolderBackend(settings.folder, timezone=settings.timezone)
    audit_folder = settings.audit_folder
    if audit_folder is not None and not (
        isinstance(backend, PdfFolderBackend) and backend.folder.resolve() == audit_folder.resolve()
    ):
        from printing.backends.audit import AuditedBackend

        audit = PdfFolderBackend(audit_folder, timezone=settings.timezone, simulate=False)
        return AuditedBackend(backend, audit)
    return backend

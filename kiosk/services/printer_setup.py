"""The kiosk's printer, from its configuration: printing's own PrinterSettings, and the backend they describe.

printing never reads kiosk.config (it may use only kiosk.domain and kiosk.formatting), so this is the one
place that translates the `[printer]` section (and the kiosk's data folder and time zone) for it.
"""

from __future__ import annotations

from kiosk.config import Config
from printing.backends import PrinterBackend, PrinterSettings, create_backend


def printer_settings(config: Config) -> PrinterSettings:
    """PrinterSettings for `config`: the `[printer]` section, the resolved print folder, the kiosk's zone."""
    p = config.printer
    return PrinterSettings(
        folder=config.print_folder,
        backend=p.backend,
        timezone=config.kiosk.timezone,
        audit_folder=p.audit_folder,
        system_name=p.system_name,
        escpos_connection=p.escpos_connection,
        escpos_host=p.escpos_host,
        escpos_port=p.escpos_port,
        escpos_usb_vendor=p.escpos_usb_vendor,
        escpos_usb_product=p.escpos_usb_product,
        escpos_serial_device=p.escpos_serial_device,
        escpos_qr_native=p.escpos_qr_native,
        roll_width_mm=p.roll_width_mm,
    )


def create_printer(config: Config) -> PrinterBackend:
    """The configured printer backend (no device is opened until status or print)."""
    return create_backend(printer_settings(config))

"""The kiosk's printer, from its configuration: printing's own PrinterSettings, and the backend they describe.

printing never reads kiosk.config (it may use only kiosk.domain and kiosk.formatting), so this is the one
place that translates the `[printer]` section (and the kiosk's data folder and time zone) for it.
"""

from __future__ import annotations

from kiosk.config import Config
from printing.backends import PrinterBackend, PrinterSettings, create_backend

NOT_DEVICE = ("folder", "paper", "roll_length_m", "paper_low_m", "kept_job_hours")  # [printer] keys printing never sees


def printer_settings(config: Config) -> PrinterSettings:
    """PrinterSettings for `config`: the `[printer]` section, the resolved print folder, the kiosk's zone."""
    # paper: the documents' choice, not the device's; the roll counter and kept jobs: the kiosk's (print_jobs)
    printer = config.printer.model_dump(exclude=set(NOT_DEVICE))
    return PrinterSettings(folder=config.print_folder, timezone=config.kiosk.timezone, **printer)


def create_printer(config: Config) -> PrinterBackend:
    """The configured printer backend (no device is opened until status or print)."""
    return create_backend(printer_settings(config))

"""The settings a printer backend is built from, owned by printing so it never reads the kiosk's configuration.

The kiosk builds one from its Config (kiosk.services.printer_setup.printer_settings); tests and tools build one
directly. Frozen: a backend is made from one snapshot of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True, slots=True)
class PrinterSettings:
    """Which printer, and how to reach it. Fields not used by the chosen backend are ignored."""

    folder: Path  # pdf-folder: where documents go
    backend: Literal["pdf-folder", "system", "escpos"] = "pdf-folder"
    timezone: str = "UTC"  # IANA zone of the kiosk: pdf-folder file names follow its clock
    audit_folder: Path | None = None  # a pdf copy of every document, whatever the backend
    system_name: str = ""  # system: the OS printer's name; empty means the default printer
    escpos_connection: Literal["usb", "serial", "network", "dummy"] = "network"
    escpos_host: str = ""
    escpos_port: int = 9100
    escpos_usb_vendor: int = 0
    escpos_usb_product: int = 0
    escpos_serial_device: str = ""
    escpos_qr_native: bool = True
    roll_width_mm: Literal[58, 80] = 80

    @property
    def display_name(self) -> str:
        """The printer as staff would recognise it (the test page prints it): a name, an address or a folder."""
        if self.backend == "system":
            return self.system_name or "(default system printer)"
        if self.backend == "escpos":
            if self.escpos_connection == "network":
                return f"{self.escpos_host}:{self.escpos_port}"
            if self.escpos_connection == "usb":
                return f"USB {self.escpos_usb_vendor:04x}:{self.escpos_usb_product:04x}"
            if self.escpos_connection == "serial":
                return self.escpos_serial_device
            return "dummy"
        return str(self.folder)

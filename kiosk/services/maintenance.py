"""Maintenance mode beyond staff entry: the kiosk's status, its recent log, the printer, device commands.

Every call needs a live staff session (kiosk.services.staff.StaffService.require); changing the printer and the
device commands need a technician. Every action is audited through the StaffService in the same local
transaction as what it records.
"""

from __future__ import annotations

from kiosk.domain.maintenance import KeptJob, KioskStatus, LogLine, PrinterStatus, StaffSession
from kiosk.services.api import PrintResult
from kiosk.services.context import ServiceContext
from kiosk.services.print_jobs import PrintService
from kiosk.services.staff import StaffService


class MaintenanceService:
    """Status, log, printer and device commands for maintenance mode (one instance per kiosk process)."""

    def __init__(self, ctx: ServiceContext, staff: StaffService, printing: PrintService) -> None:
        self._ctx = ctx
        self._staff = staff
        self._printing = printing
        self._started = ctx.now()

    def status(self, session: StaffSession) -> KioskStatus:
        raise NotImplementedError

    def log_lines(self, session: StaffSession, limit: int = 200) -> list[LogLine]:
        raise NotImplementedError

    def printer(self, session: StaffSession) -> PrinterStatus:
        raise NotImplementedError

    def test_page(self, session: StaffSession) -> PrintResult:
        raise NotImplementedError

    def paper_replaced(self, session: StaffSession) -> PrinterStatus:
        raise NotImplementedError

    def kept_jobs(self, session: StaffSession) -> list[KeptJob]:
        raise NotImplementedError

    def find_kept(self, session: StaffSession, number: str) -> KeptJob:
        raise NotImplementedError

    def reprint_kept(self, session: StaffSession, number: str) -> PrintResult:
        raise NotImplementedError

    def set_printer(self, session: StaffSession, backend: str, paper: str) -> PrinterStatus:
        raise NotImplementedError

    def device_command(self, session: StaffSession, command: str) -> None:
        raise NotImplementedError

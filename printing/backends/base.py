"""What every printer backend offers: print a rendered document, report the printer's state.

Services print through this interface only, so the kiosk works the same with a folder of PDFs (demo), the
operating system's printer or a thermal receipt printer. A backend never swallows a failure: it raises
PrintError carrying the PrinterState, so the service can tell the customer "out of paper" and keep the job
for a reprint (the claim or reading it belongs to is already committed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from kiosk.domain.printer import PrinterState
from printing.document import RenderedDocument

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class PrintError(Exception):
    """A document did not print. `state` says why in terms the screens and the heartbeat know."""

    def __init__(self, state: PrinterState, message: str) -> None:
        super().__init__(message)
        self.state = state

    def __repr__(self) -> str:
        return f"PrintError({self.state.value!r}, {str(self)!r})"


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    """A document that went to the printer (or the folder)."""

    backend: str  # "pdf-folder", "system", "escpos"
    job_name: str  # the name the printer queue or the folder shows, no personal data
    pages: int
    state: PrinterState  # the printer's state right after printing (PAPER_LOW is worth showing)
    path: str | None = None  # the PDF written (pdf-folder) or the audit copy
    audit_path: str | None = None  # the audit copy, when one is configured


@runtime_checkable
class PrinterBackend(Protocol):
    """A printer. Both methods block (device I/O): call them off the GUI thread."""

    name: str

    def print(self, doc: RenderedDocument) -> PrintOutcome: ...

    def status(self) -> PrinterState: ...


def job_name(doc: RenderedDocument) -> str:
    """`<kind>-<name>` made safe for a file name or a print queue, without repeating the kind."""
    kind = _UNSAFE.sub("_", doc.kind).strip("._") or "document"
    name = _UNSAFE.sub("_", doc.name).strip("._")
    name = name.removeprefix(f"{kind}-")
    return f"{kind}-{name}" if name and name != kind else kind


def require_printable(backend: str, state: PrinterState) -> None:
    """Raise PrintError unless `state` allows printing (ready or paper low)."""
    if not state.can_print:
        raise PrintError(state, f"{backend}: printer is {state.value.replace('_', ' ')}")

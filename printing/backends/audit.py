"""An audit copy of every document, whatever prints it (``printer.audit_folder``).

The copy is written before the printer is asked, so a document that fails to print (out of paper, printer
offline) is still on file, and the failure is raised as it came. A copy that cannot be written does not stop
the customer's print: it is reported in the outcome (audit_path None) and logged without personal data.
"""

from __future__ import annotations

import dataclasses
import logging

from kiosk.domain.printer import PrinterState
from printing.backends.base import PrinterBackend, PrintError, PrintOutcome
from printing.backends.pdf_folder import PdfFolderBackend
from printing.document import RenderedDocument

log = logging.getLogger(__name__)


class AuditedBackend:
    """`inner` prints; `audit` (a pdf-folder that ignores simulated states) keeps the copy."""

    def __init__(self, inner: PrinterBackend, audit: PdfFolderBackend) -> None:
        self.inner = inner
        self.audit = audit
        self.name = inner.name
        self.last_audit_path: str | None = None

    def status(self) -> PrinterState:
        return self.inner.status()

    def print(self, doc: RenderedDocument) -> PrintOutcome:
        try:
            self.last_audit_path = str(self.audit.write(doc))
        except PrintError as exc:
            self.last_audit_path = None
            log.warning("audit copy of a %s not written: %s", doc.kind, exc.state.value)
        outcome = self.inner.print(doc)
        # A backend without a file of its own (a printer) points at the audit copy as the document's path.
        return dataclasses.replace(outcome, path=outcome.path or self.last_audit_path, audit_path=self.last_audit_path)

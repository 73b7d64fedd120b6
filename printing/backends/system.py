"""The system backend: the operating system's printer by name (CUPS on Linux, the Windows spooler), via Qt.

Qt's print support reaches both spoolers with one API, but Qt cannot open a PDF without its optional PDF
module, so PDFium (pypdfium2) renders each page at the printer's resolution (capped at 300 dpi, plenty for
text, QR and barcode bars) and Qt paints the images on a QPrinter whose paper size and orientation come from
the PDF page itself: A4, or the roll width by the receipt's length. Only QtGui and QtPrintSupport are used.

Status comes from QPrinterInfo: an unknown printer (or none installed) is OFFLINE, an aborted or failing
queue is ERROR. Spoolers do not report paper, so PAPER_LOW and OUT_OF_PAPER never show here.

``output_file`` prints to a PDF file through the same Qt path instead of a spooler (tests, and checking a
kiosk's rendering without paper).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.domain.printer import PrinterState
from printing.backends import raster
from printing.backends.base import PrintError, PrintOutcome, job_name, require_printable
from printing.document import RenderedDocument

BACKEND = "system"
MAX_DPI = 300
A4_MM = (210.0, 297.0)

_app_lock = threading.Lock()
_app: QGuiApplication | None = None


def _ensure_gui_application() -> None:
    """Qt paints only inside a Gui application; the kiosk has one, a command-line caller may not."""
    global _app
    with _app_lock:
        if QGuiApplication.instance() is None:
            _app = QGuiApplication(["ventanilla-print"])


def _qt_state(info: QPrinterInfo) -> PrinterState:
    state = info.state()
    if state in (QPrinter.PrinterState.Idle, QPrinter.PrinterState.Active):
        return PrinterState.READY
    return PrinterState.ERROR


class SystemPrinterBackend:
    """An OS printer; `printer_name` "" means the system default printer."""

    name = BACKEND

    def __init__(self, printer_name: str = "", *, output_file: Path | None = None) -> None:
        self.printer_name = printer_name
        self.output_file = Path(output_file) if output_file else None

    def _info(self) -> QPrinterInfo | None:
        info = QPrinterInfo.printerInfo(self.printer_name) if self.printer_name else QPrinterInfo.defaultPrinter()
        return None if info.isNull() else info

    def status(self) -> PrinterState:
        if self.output_file is not None:
            folder = self.output_file.parent
            return PrinterState.READY if folder.is_dir() and os.access(folder, os.W_OK) else PrinterState.OFFLINE
        info = self._info()
        return PrinterState.OFFLINE if info is None else _qt_state(info)

    def describe(self) -> str:
        if self.output_file is not None:
            return f"file {self.output_file}"
        return self.printer_name or f"default printer ({QPrinterInfo.defaultPrinterName() or 'none'})"

    def print(self, doc: RenderedDocument) -> PrintOutcome:
        state = self.status()
        require_printable(f"{BACKEND} {self.describe()}", state)
        try:
            sizes = raster.page_sizes(doc.pdf)
        except Exception as exc:
            raise PrintError(PrinterState.ERROR, f"{BACKEND}: the document is not a readable PDF: {exc}") from None
        if not sizes:
            raise PrintError(PrinterState.ERROR, f"{BACKEND}: the document has no pages")
        _ensure_gui_application()
        printer = self._printer()
        printer.setDocName(job_name(doc))
        printer.setFullPage(True)
        printer.setPageLayout(_layout(doc, sizes[0]))
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(PrinterState.ERROR, f"{BACKEND}: {self.describe()} refused the job")
        try:
            for index, image in enumerate(raster.render_pages(doc.pdf, dpi=dpi)):
                if index:
                    if sizes[index] != sizes[index - 1]:
                        printer.setPageLayout(_layout(doc, sizes[index]))
                    if not printer.newPage():
                        raise PrintError(PrinterState.ERROR, f"{BACKEND}: {self.describe()} failed on page {index + 1}")
                target = printer.pageLayout().fullRectPixels(printer.resolution())
                painter.drawImage(QRectF(0, 0, target.width(), target.height()), _qimage(image))
        finally:
            painter.end()
        if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            raise PrintError(PrinterState.ERROR, f"{BACKEND}: {self.describe()} reported an error")
        path = str(self.output_file) if self.output_file else None
        return PrintOutcome(BACKEND, job_name(doc), len(sizes), self.status(), path=path)

    def _printer(self) -> QPrinter:
        if self.output_file is not None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.output_file))
            return printer
        info = self._info()
        if info is None:
            raise PrintError(PrinterState.OFFLINE, f"{BACKEND}: no printer {self.describe()}")
        return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def _layout(doc: RenderedDocument, size: raster.PageSize) -> QPageLayout:
    """Paper and orientation of one page: A4 for A4 documents, else the page's own size (roll width)."""
    orientation = QPageLayout.Orientation.Landscape if size.landscape else QPageLayout.Orientation.Portrait
    short, long = sorted((size.width_mm, size.height_mm))
    if doc.paper == "a4" and abs(short - A4_MM[0]) < 2 and abs(long - A4_MM[1]) < 2:
        page_size = QPageSize(QPageSize.PageSizeId.A4)
    else:
        page_size = QPageSize(
            QSizeF(short, long), QPageSize.Unit.Millimeter, f"{doc.paper} {short:.0f}x{long:.0f} mm",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    return QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0))


def _qimage(image: Any) -> QImage:
    """A PIL RGB image as a QImage that owns its pixels."""
    data = image.tobytes("raw", "RGB")
    return QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888).copy()

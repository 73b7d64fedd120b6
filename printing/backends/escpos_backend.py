"""The escpos backend: thermal receipt printers over USB, serial or network, through python-escpos.

Roll documents that carry their text lines print natively: the printer's own font (sharp, fast), the QR
with the printer's QR command (``GS ( k``) or as a raster image when ``printer.escpos_qr_native`` is off
(for printers without it), the payment barcode, then a paper cut. The 36-digit payment barcode is wider
than any roll at a scannable bar width, so it is drawn as an image turned along the roll (as the PDF
documents do); shorter codes use the printer's barcode command. Other documents (A4, or no text lines)
print as the PDF rendered to the printer's dot width.

Status comes from the printer's real-time paper status query where the connection can read (network, USB,
serial): near-end sensor -> PAPER_LOW, no paper -> OUT_OF_PAPER, no connection -> OFFLINE; a printer that
takes the connection but does not answer the query reports READY (it may well print). The ``dummy``
connection (tests, demo) keeps every byte in memory and cannot be asked: it reports READY unless
``simulated_state`` is set.
"""

from __future__ import annotations

import contextlib
import io
import socket
from collections.abc import Callable
from typing import Any

from kiosk.domain.printer import PrinterState
from printing.backends import raster
from printing.backends.base import PrintError, PrintOutcome, job_name, require_printable
from printing.document import RenderedDocument

BACKEND = "escpos"
DOTS_PER_MM = 8  # 203 dpi, the thermal printers' standard
PRINTABLE_DOTS = {58: 384, 80: 576}  # printable dot line of 58 mm and 80 mm printers
QR_MODULE_DOTS = 6  # 0.75 mm modules: bank apps read them from arm's length
BARCODE_NARROW_DOTS = 3  # 0.375 mm narrow bars
BARCODE_HEIGHT_DOTS = 120  # 15 mm

Connect = Callable[[], Any]  # returns an escpos.escpos.Escpos printer


class EscposBackend:
    """A thermal printer. `connect` opens a python-escpos printer per use (see connection_factory)."""

    name = BACKEND

    def __init__(self, connect: Connect, *, roll_width_mm: int = 80, qr_native: bool = True) -> None:
        self._connect = connect
        self.roll_width_mm = roll_width_mm
        self.qr_native = qr_native
        self.simulated_state: PrinterState | None = None

    @property
    def printable_dots(self) -> int:
        return PRINTABLE_DOTS.get(self.roll_width_mm, self.roll_width_mm * DOTS_PER_MM - 80)

    def status(self) -> PrinterState:
        if self.simulated_state is not None:
            return self.simulated_state
        try:
            printer = self._connect()
        except Exception:
            return PrinterState.OFFLINE
        try:
            return self._query(printer)
        finally:
            _close(printer)

    def print(self, doc: RenderedDocument) -> PrintOutcome:
        require_printable(BACKEND, self.status())
        try:
            printer = self._connect()
        except Exception as exc:
            raise PrintError(PrinterState.OFFLINE, f"{BACKEND}: cannot reach the printer: {exc}") from None
        try:
            self.render(printer, doc)
            state = self._query(printer)
        except PrintError:
            raise
        except OSError as exc:  # the connection dropped mid-job (cable, network, printer switched off)
            raise PrintError(PrinterState.OFFLINE, f"{BACKEND}: connection lost while printing: {exc}") from None
        except Exception as exc:
            raise PrintError(PrinterState.ERROR, f"{BACKEND}: printing failed: {type(exc).__name__}: {exc}") from None
        finally:
            _close(printer)
        return PrintOutcome(BACKEND, job_name(doc), doc.pages, state)

    # ------------------------------------------------------------------------------------------ commands

    def render(self, printer: Any, doc: RenderedDocument) -> None:
        """Send the whole job to `printer` (any python-escpos printer, Dummy included), cut included."""
        with contextlib.redirect_stdout(io.StringIO()):  # python-escpos prints chatter to stdout
            printer.hw("INIT")
            if doc.paper != "a4" and doc.text_lines:
                self._native(printer, doc)
            else:
                self._raster(printer, doc)
            printer.cut()

    def _native(self, printer: Any, doc: RenderedDocument) -> None:
        printer.set(align="left", font="a", normal_textsize=True)
        for line in doc.text_lines:
            printer.textln(line)
        if doc.qr_payload:
            printer.ln()
            printer.set(align="center")
            size = self.qr_module_dots(doc.qr_payload)
            if self.qr_native:
                printer.qr(doc.qr_payload, size=size, native=True)
                printer.ln()
            else:
                printer.qr(doc.qr_payload, size=size, native=False, center=False)
        if doc.barcode:
            printer.ln()
            self._barcode(printer, doc.barcode)
            printer.set(align="center")
            printer.textln(doc.barcode)
        printer.set(align="left")
        printer.ln(2)

    def qr_module_dots(self, payload: str) -> int:
        """The largest module size up to QR_MODULE_DOTS at which the whole code fits across the roll."""
        import qrcode

        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_L, border=1)
        code.add_data(payload)
        code.make(fit=True)
        modules = code.modules_count + 2
        return max(1, min(QR_MODULE_DOTS, self.printable_dots // modules))

    def _barcode(self, printer: Any, digits: str) -> None:
        """Hardware ITF when it fits across the roll, else an image of it turned along the roll."""
        printer.set(align="center")
        hardware_width = 2  # python-escpos' narrowest module: 2 dots, wide bars about 2.5 times that
        if not (digits.isascii() and digits.isdigit() and len(digits) % 2 == 0):  # not for ITF: Code 128 B
            printer.barcode("{B" + digits, "CODE128", height=BARCODE_HEIGHT_DOTS, width=hardware_width, pos="OFF",
                            function_type="B")
            return
        if _hardware_itf_dots(digits, hardware_width) <= self.printable_dots:
            printer.barcode(digits, "ITF", height=BARCODE_HEIGHT_DOTS, width=hardware_width, pos="OFF")
            return
        image = raster.itf_image(digits, narrow=BARCODE_NARROW_DOTS, height=BARCODE_HEIGHT_DOTS)
        if image.width > self.printable_dots:
            image = image.rotate(90, expand=True)
        printer.image(image, center=False)

    def _raster(self, printer: Any, doc: RenderedDocument) -> None:
        for page in raster.render_pages(doc.pdf, width_px=self.printable_dots):
            printer.image(raster.to_one_bit(page), center=False)

    def _query(self, printer: Any) -> PrinterState:
        """Paper status through the real-time status command; READY when the connection cannot read."""
        try:
            paper = printer.paper_status()
        except Exception as exc:
            # Connected but not answering the status query (Dummy, or a printer without real-time status):
            # nothing says it cannot print. Anything else means the connection itself failed.
            if isinstance(exc, NotImplementedError | TimeoutError) or type(exc).__name__ == "USBTimeoutError":
                return PrinterState.READY
            return PrinterState.OFFLINE
        return {2: PrinterState.READY, 1: PrinterState.PAPER_LOW}.get(paper, PrinterState.OUT_OF_PAPER)


def _hardware_itf_dots(digits: str, narrow: int) -> int:
    # Per digit pair 4 wide + 6 narrow elements at a 2.5 ratio = 16 modules; start 4, stop 3.5; quiet 10+10.
    return int((len(digits) // 2 * 16 + 7.5 + 20) * narrow)


def _close(printer: Any) -> None:
    with contextlib.suppress(Exception):
        printer.close()


def connection_factory(
    connection: str,
    *,
    host: str = "",
    port: int = 9100,
    usb_vendor: int = 0,
    usb_product: int = 0,
    serial_device: str = "",
    timeout: float = 5.0,
) -> Connect:
    """A function opening the configured python-escpos printer (imported lazily: an optional extra)."""
    try:
        from escpos import printer as escpos_printer
    except ImportError:
        raise PrintError(
            PrinterState.ERROR, "escpos backend needs python-escpos (pip install 'ventanilla[escpos]')"
        ) from None

    dummy = escpos_printer.Dummy() if connection == "dummy" else None

    def connect() -> Any:
        if connection == "network":
            if not host:
                raise PrintError(PrinterState.OFFLINE, "printer.escpos_host is empty")
            # Our own socket: python-escpos' open() leaks the socket when the printer does not answer.
            sock = socket.create_connection((host, port), timeout=timeout)
            device = escpos_printer.Network(host, port=port, timeout=timeout)
            device.device = sock
            return device
        if connection == "usb":
            return escpos_printer.Usb(usb_vendor, usb_product, timeout=int(timeout * 1000))
        if connection == "serial":
            return escpos_printer.Serial(serial_device, timeout=timeout)
        if connection == "dummy":
            return dummy  # one in-memory roll for the factory's life: the demo can read what was printed
        raise PrintError(PrinterState.ERROR, f"unknown ESC/POS connection {connection!r}")

    return connect

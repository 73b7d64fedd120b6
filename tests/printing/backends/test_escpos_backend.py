"""escpos backend: the bytes a thermal printer receives, checked against python-escpos' Dummy and a TCP printer.

Raster output is decoded back from the ESC/POS bytes (GS v 0 blocks) and read with zbar, so a QR or barcode
that would not scan on paper fails here.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from backend_samples import MakeDoc
from escpos.printer import Dummy
from PIL import Image
from pyzbar import pyzbar

from kiosk.domain.printer import PrinterState
from printing.backends import PrintError
from printing.backends.escpos_backend import EscposBackend, connection_factory
from printing.backends.raster import itf_image

GS_K_STORE = b"\x1d(k"  # GS ( k: QR code functions
QR_PRINT = b"\x1d(k\x03\x001Q0"  # function 81: print the stored symbol
FULL_CUT = b"\x1dV\x00"
INIT = b"\x1b@"
RASTER = b"\x1dv0"
EMV = (
    "00020101021226260015com.example.pay010312352044900530303254071234.505802AR5919Cooperativa Ñandú"
    "6008Córdoba623901130021-00049107051800012345000000001763043BC6"
)
BARCODE = "000123450000491079261210000015230507"


def raster_images(output: bytes) -> list[Image.Image]:
    """Every GS v 0 raster image in an ESC/POS stream, consecutive blocks stacked as the printer would."""
    images: list[Image.Image] = []
    pos = output.find(RASTER)
    previous_end = -1
    while pos != -1:
        width_bytes = output[pos + 4] | output[pos + 5] << 8
        rows = output[pos + 6] | output[pos + 7] << 8
        start = pos + 8
        end = start + width_bytes * rows
        block = Image.frombytes("1", (width_bytes * 8, rows), output[start:end]).point(lambda v: 255 - v)
        if images and previous_end == pos and images[-1].width == block.width:
            top = images.pop()
            stacked = Image.new("L", (top.width, top.height + rows), 255)
            stacked.paste(top, (0, 0))
            stacked.paste(block.convert("L"), (0, top.height))
            images.append(stacked)
        else:
            images.append(block.convert("L"))
        previous_end = end
        pos = output.find(RASTER, end)
    return images


def decoded(images: list[Image.Image]) -> list[tuple[str, str]]:
    found = []
    for image in images:
        framed = Image.new("L", (image.width + 80, image.height + 80), 255)
        framed.paste(image, (40, 40))
        found += [(symbol.type, symbol.data.decode("utf-8")) for symbol in pyzbar.decode(framed)]
    return found


@pytest.fixture
def dummy() -> Dummy:
    return Dummy()


def test_native_receipt_text_qr_command_barcode_and_cut(dummy: Dummy, make_doc: MakeDoc) -> None:
    doc = make_doc(
        qr_payload=EMV, barcode=BARCODE,
        text_lines=("Cooperativa Ñandú", "Reclamo N° 2026-000123", "Total $ 1.234,50"),
    )
    outcome = EscposBackend(lambda: dummy, roll_width_mm=80).print(doc)
    assert (outcome.backend, outcome.state) == ("escpos", PrinterState.READY)
    assert outcome.job_name == "claim-receipt-claim-0001-000042"
    out = dummy.output
    assert out.find(INIT) < out.find(b"Cooperativa") < out.find(GS_K_STORE) < out.find(RASTER) < out.rfind(FULL_CUT)
    assert b"Cooperativa \xa5and\xa3" in out  # Ñ and ú in the printer's code page 437
    assert b"Reclamo N\xf8 2026-000123" in out and b"Total $ 1.234,50" in out
    # QR stored with function 80 (P): length-prefixed UTF-8 payload, then printed with function 81.
    payload = EMV.encode("utf-8")
    store = GS_K_STORE + (len(payload) + 3).to_bytes(2, "little") + b"1P0" + payload
    assert store in out and out.index(store) < out.index(QR_PRINT)
    # The 36-digit barcode does not fit across the roll: printed as an image along it, still scannable.
    assert ("I25", BARCODE) in decoded(raster_images(out))
    assert BARCODE.encode() in out  # and in human-readable digits
    assert out.endswith(FULL_CUT) or FULL_CUT in out[-8:]


def test_raster_qr_for_printers_without_the_qr_command(dummy: Dummy, make_doc: MakeDoc) -> None:
    doc = make_doc(paper="roll58", qr_payload=EMV, text_lines=("Pago",))
    EscposBackend(lambda: dummy, roll_width_mm=58, qr_native=False).print(doc)
    out = dummy.output
    assert GS_K_STORE not in out
    images = raster_images(out)
    assert all(image.width <= 384 for image in images)
    assert ("QRCODE", EMV) in decoded(images)


def test_short_barcode_uses_the_printer_barcode_command(dummy: Dummy, make_doc: MakeDoc) -> None:
    EscposBackend(lambda: dummy).print(make_doc(barcode="12345678", text_lines=("x",)))
    out = dummy.output
    assert b"\x1dk" in out and b"12345678" in out and RASTER not in out


def test_odd_or_alphanumeric_codes_use_code_128(dummy: Dummy, make_doc: MakeDoc) -> None:
    EscposBackend(lambda: dummy).print(make_doc(barcode="AB-123", text_lines=("x",)))
    assert b"\x1dkI\x08{BAB-123" in dummy.output  # GS k, Code 128 (73), 8 bytes, code set B


def test_a4_documents_print_as_raster_pages(dummy: Dummy, make_doc: MakeDoc) -> None:
    doc = make_doc("statement", "statement-1", paper="a4", pages=2, text_lines=("ignored on A4",))
    EscposBackend(lambda: dummy, roll_width_mm=80).print(doc)
    out = dummy.output
    assert b"ignored on A4" not in out and out.count(FULL_CUT) == 1
    images = raster_images(out)
    assert all(image.width == 576 for image in images)
    found = {data for _, data in decoded(images)}
    assert found == {"payload-1", "payload-2"}


def test_itf_raster_is_the_digits() -> None:
    image = itf_image(BARCODE, narrow=3).convert("L")
    assert decoded([image]) == [("I25", BARCODE)]
    with pytest.raises(ValueError):
        itf_image("123")


# ------------------------------------------------------------------------------- a printer on the network


class FakeNetworkPrinter:
    """A TCP printer on 127.0.0.1 that keeps what it receives and answers DLE EOT status queries."""

    def __init__(self, paper_byte: int | None) -> None:
        self.paper_byte = paper_byte
        self.received = bytearray()
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)  # accept() wakes up to notice close()
        self._stopped = threading.Event()
        self.port = self._server.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stopped.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(10)
            with conn, contextlib.suppress(OSError):
                answered = 0
                buffer = bytearray()
                while chunk := conn.recv(65536):
                    buffer += chunk
                    self.received += chunk
                    queries = buffer.count(b"\x10\x04\x04") + buffer.count(b"\x10\x04\x01")
                    while self.paper_byte is not None and answered < queries:
                        conn.sendall(bytes([self.paper_byte]))
                        answered += 1

    def wait_for(self, data: bytes, timeout: float = 5) -> bool:
        """True once `data` has arrived (the printer reads in its own thread)."""
        deadline = time.monotonic() + timeout
        while data not in self.received:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    def close(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=5)
        self._server.close()


@pytest.fixture
def network_printer(request: pytest.FixtureRequest) -> Iterator[FakeNetworkPrinter]:
    printer = FakeNetworkPrinter(request.param)
    yield printer
    printer.close()


def network_backend(port: int, timeout: float = 3) -> EscposBackend:
    return EscposBackend(connection_factory("network", host="127.0.0.1", port=port, timeout=timeout))


@pytest.mark.parametrize(
    ("network_printer", "state"),
    [(0x12, PrinterState.READY), (0x1E, PrinterState.PAPER_LOW), (0x72, PrinterState.OUT_OF_PAPER)],
    indirect=["network_printer"],
)
def test_paper_status_over_the_network(
    network_printer: FakeNetworkPrinter, state: PrinterState, make_doc: MakeDoc
) -> None:
    backend = network_backend(network_printer.port)
    assert backend.status() == state
    doc = make_doc(text_lines=("Lectura registrada",), qr_payload="https://x.example/r")
    if state.can_print:
        assert backend.print(doc).state == state
        assert network_printer.wait_for(b"Lectura registrada") and network_printer.wait_for(FULL_CUT)
    else:
        with pytest.raises(PrintError) as failure:
            backend.print(doc)
        assert failure.value.state == PrinterState.OUT_OF_PAPER and "out of paper" in str(failure.value)
        assert b"Lectura" not in network_printer.received


@pytest.mark.parametrize("network_printer", [None], indirect=True)
def test_printer_without_status_support_still_prints(network_printer: FakeNetworkPrinter, make_doc: MakeDoc) -> None:
    backend = network_backend(network_printer.port, timeout=0.3)
    assert backend.status() == PrinterState.READY
    assert backend.print(make_doc(text_lines=("Sin sensor",))).state == PrinterState.READY
    assert network_printer.wait_for(b"Sin sensor")


def test_unreachable_printer_is_offline(make_doc: MakeDoc) -> None:
    with socket.create_server(("127.0.0.1", 0)) as placeholder:
        port = placeholder.getsockname()[1]
    backend = network_backend(port)  # nothing listens there any more
    assert backend.status() == PrinterState.OFFLINE
    with pytest.raises(PrintError) as failure:
        backend.print(make_doc())
    assert failure.value.state == PrinterState.OFFLINE


def test_simulated_state_without_hardware(dummy: Dummy, make_doc: MakeDoc) -> None:
    backend = EscposBackend(lambda: dummy)
    backend.simulated_state = PrinterState.OUT_OF_PAPER
    with pytest.raises(PrintError):
        backend.print(make_doc(text_lines=("x",)))
    assert FULL_CUT not in dummy.output


class CablePulledPrinter(Dummy):  # type: ignore[misc]
    """A Dummy whose connection drops after a few commands (a loopback socket buffers too much to do this)."""

    def __init__(self, commands_before_failure: int) -> None:
        super().__init__()
        self.left = commands_before_failure

    def _raw(self, msg: bytes) -> None:
        self.left -= 1
        if self.left < 0:
            raise ConnectionResetError(104, "Connection reset by peer")
        super()._raw(msg)


def test_connection_lost_mid_job_is_offline(make_doc: MakeDoc) -> None:
    status_printer, job_printer = CablePulledPrinter(100), CablePulledPrinter(5)
    connections = iter([status_printer, job_printer])
    backend = EscposBackend(lambda: next(connections))
    with pytest.raises(PrintError) as failure:
        backend.print(make_doc(text_lines=("uno", "dos", "tres"), qr_payload="x"))
    assert failure.value.state == PrinterState.OFFLINE and "connection lost" in str(failure.value)
    assert FULL_CUT not in job_printer.output

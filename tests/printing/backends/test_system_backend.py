"""system backend: Qt paints the rendered pages on a QPrinter; here the QPrinter writes a PDF we then read back.

The output is parsed with pypdf (page count, paper size and orientation) and rasterised with poppler's
pdftoppm, a renderer independent of the PDFium one the backend uses, and every page's QR must still scan.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from backend_samples import MakeDoc
from PIL import Image
from pypdf import PdfReader
from pyzbar import pyzbar
from reportlab.lib.units import mm

from kiosk.domain.printer import PrinterState
from printing.backends import PrintError
from printing.backends.system import SystemPrinterBackend
from printing.document import RenderedDocument

A4_PT = (595.28, 841.89)

pytestmark = pytest.mark.usefixtures("qapp")  # the kiosk's application; the backend never makes its own then


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def scanned_qr(path: Path, tmp_path: Path) -> list[str]:
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(path), str(prefix)], check=True, timeout=120)
    found = []
    for png in sorted(tmp_path.glob("page-*.png")):
        found += [s.data.decode() for s in pyzbar.decode(Image.open(png)) if s.type == "QRCODE"]
    return found


def test_a4_pages_print_at_a4_portrait(tmp_path: Path, make_doc: MakeDoc) -> None:
    out = tmp_path / "printed.pdf"
    doc = make_doc("statement", "statement-000123", paper="a4", pages=2)
    outcome = SystemPrinterBackend(output_file=out).print(doc)
    assert (outcome.backend, outcome.pages, outcome.state, outcome.job_name) == (
        "system", 2, PrinterState.READY, "statement-000123",
    )
    sizes = page_sizes(out)
    assert len(sizes) == 2
    for width, height in sizes:
        assert width == pytest.approx(A4_PT[0], abs=1) and height == pytest.approx(A4_PT[1], abs=1)
    assert scanned_qr(out, tmp_path) == ["payload-1", "payload-2"]


def test_roll_receipt_keeps_roll_width_and_length(tmp_path: Path, make_doc: MakeDoc) -> None:
    out = tmp_path / "receipt.pdf"
    SystemPrinterBackend(output_file=out).print(make_doc(paper="roll80", size=(80 * mm, 150 * mm)))
    [(width, height)] = page_sizes(out)
    assert width == pytest.approx(80 * mm, abs=1) and height == pytest.approx(150 * mm, abs=1)
    assert scanned_qr(out, tmp_path) == ["payload-1"]


def test_landscape_page_prints_landscape(tmp_path: Path, make_doc: MakeDoc) -> None:
    out = tmp_path / "wide.pdf"
    SystemPrinterBackend(output_file=out).print(make_doc("test-page", "t", paper="a4", size=(A4_PT[1], A4_PT[0])))
    [(width, height)] = page_sizes(out)
    assert width == pytest.approx(A4_PT[1], abs=1) and height == pytest.approx(A4_PT[0], abs=1)


def test_unknown_printer_is_offline_and_refuses(make_doc: MakeDoc) -> None:
    backend = SystemPrinterBackend("no-such-printer-7f3a")
    assert backend.status() == PrinterState.OFFLINE
    with pytest.raises(PrintError) as failure:
        backend.print(make_doc())
    assert failure.value.state == PrinterState.OFFLINE and "no-such-printer-7f3a" in str(failure.value)


def test_not_a_pdf_is_an_error(tmp_path: Path) -> None:
    backend = SystemPrinterBackend(output_file=tmp_path / "x.pdf")
    with pytest.raises(PrintError) as failure:
        backend.print(RenderedDocument("test-page", "t", b"not a pdf", "a4", 1))
    assert failure.value.state == PrinterState.ERROR
    assert not (tmp_path / "x.pdf").exists()


def test_prints_from_a_worker_thread(tmp_path: Path, make_doc: MakeDoc) -> None:
    """Services print off the GUI thread: QPainter on a QPrinter must work there."""
    out = tmp_path / "threaded.pdf"
    results: list[object] = []

    def work() -> None:
        try:
            results.append(SystemPrinterBackend(output_file=out).print(make_doc(paper="a4")))
        except Exception as exc:  # reported below, not lost in the thread
            results.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=120)
    assert len(results) == 1 and not isinstance(results[0], Exception), results
    assert scanned_qr(out, tmp_path) == ["payload-1"]


def test_command_line_caller_without_a_qt_application(tmp_path: Path, make_doc: MakeDoc) -> None:
    """A script with no Qt application (a CLI command) still prints: the backend starts a Gui one."""
    source = tmp_path / "in.pdf"
    source.write_bytes(make_doc(paper="a4").pdf)
    out = tmp_path / "out.pdf"
    script = (
        "import sys; from pathlib import Path\n"
        "from printing.backends.system import SystemPrinterBackend\n"
        "from printing.document import RenderedDocument\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "assert QGuiApplication.instance() is None\n"
        f"doc = RenderedDocument('test-page', 't', Path({str(source)!r}).read_bytes(), 'a4', 1)\n"
        f"print(SystemPrinterBackend(output_file=Path({str(out)!r})).print(doc).pages)\n"
    )
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=root,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1" and len(PdfReader(out).pages) == 1


def test_default_printer_status_follows_qprinterinfo() -> None:
    from PySide6.QtPrintSupport import QPrinterInfo

    state = SystemPrinterBackend().status()
    if QPrinterInfo.defaultPrinter().isNull():  # this machine: no CUPS queue at all
        assert state == PrinterState.OFFLINE
    else:
        assert state in (PrinterState.READY, PrinterState.ERROR)

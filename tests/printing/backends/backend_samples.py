"""Real PDFs for the backend tests: ReportLab pages with a line of text and a QR code per page."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from printing.document import Paper, RenderedDocument

MakePdf = Callable[..., bytes]
MakeDoc = Callable[..., RenderedDocument]


def build_pdf(size: tuple[float, float], pages: int = 1, qr: str = "payload") -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=size)
    for page in range(1, pages + 1):
        pdf.drawString(10 * mm, size[1] - 12 * mm, f"Pagina {page} de {pages}")
        widget = QrCodeWidget(f"{qr}-{page}")
        x0, y0, x1, y1 = widget.getBounds()
        side = 40 * mm
        drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, pdf, 10 * mm, 10 * mm)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def make_document(
    kind: str = "claim-receipt",
    name: str = "claim-0001-000042",
    paper: Paper = "roll80",
    pages: int = 1,
    size: tuple[float, float] | None = None,
    **extra: object,
) -> RenderedDocument:
    """A RenderedDocument around a real PDF of `pages` pages sized for `paper` (or `size` in points)."""
    page = size or ((210 * mm, 297 * mm) if paper == "a4" else (int(paper[4:]) * mm, 160 * mm))
    return RenderedDocument(kind, name, build_pdf(page, pages), paper, pages, **extra)  # type: ignore[arg-type]

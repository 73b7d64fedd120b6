"""A rendered document on its way to a printer: the contract between printing/documents and printing/backends.

Documents are rendered once, as PDF, and every backend prints that same PDF (the pdf-folder and system
backends directly, the ESC/POS backend as raster). The plain-text lines and codes let an ESC/POS printer print
a roll receipt natively (sharper, faster) when its backend is configured to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Paper = Literal["a4", "roll58", "roll80"]


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    kind: str  # duplicate | payment-slip | claim-receipt | reading-receipt | request-receipt | statement | test-page
    name: str  # file-name friendly, no personal data: "duplicate-0021-00049107"
    pdf: bytes
    paper: Paper
    pages: int
    qr_payload: str | None = None
    barcode: str | None = None
    text_lines: tuple[str, ...] = ()  # roll receipts: the lines as printed, for native ESC/POS text

"""Printer test page: the facts a technician checks, every glyph we print, and codes that scan."""

from __future__ import annotations

from io import BytesIO

import pytest
from printing_samples import decode_codes, meta, pdf_text
from pypdf import PdfReader

from printing.documents import render_test_page
from printing.documents.test_page import SAMPLE, TEST_BARCODE


@pytest.mark.parametrize(("paper", "width_mm"), [("roll58", 58), ("roll80", 80), ("a4", 210)])
def test_test_page(paper: str, width_mm: int) -> None:
    m = meta("telco-py")
    doc = render_test_page(m, "EPSON TM-T20III", "escpos", paper)  # type: ignore[arg-type]
    text = pdf_text(doc.pdf)[0]
    for expected in ("EPSON TM-T20III", "escpos", paper, m.kiosk_id, f"{width_mm} mm", "₲", "€", "ñ", "Á"):
        assert expected in text, expected
    assert SAMPLE in text
    page = PdfReader(BytesIO(doc.pdf)).pages[0]
    assert round(float(page.mediabox.width) / 72 * 25.4) == width_mm
    assert decode_codes(doc.pdf) == {"QRCODE": [doc.qr_payload], "I25": [TEST_BARCODE]}
    assert doc.qr_payload and m.kiosk_id in doc.qr_payload

"""QR codes and barcodes are checked the way a scanner sees them: drawn into a PDF, rasterised, decoded."""

from __future__ import annotations

from io import BytesIO

import pytest
from pyzbar.pyzbar import ZBarSymbol, decode
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kiosk.payments.reference import make_barcode, make_reference
from printing.codes import barcode_drawing, barcode_width_mm, qr_drawing, qr_matrix
from printing.render import pdf_to_images

SYMBOLS = [ZBarSymbol.QRCODE, ZBarSymbol.I25, ZBarSymbol.CODE128]


def _scan(drawing: Drawing, dpi: int = 200) -> list[tuple[str, str]]:
    buf = BytesIO()
    canvas = Canvas(buf, pagesize=(drawing.width + 20 * mm, drawing.height + 20 * mm))
    renderPDF.draw(drawing, canvas, 10 * mm, 10 * mm)
    canvas.showPage()
    canvas.save()
    (image,) = pdf_to_images(buf.getvalue(), dpi=dpi)
    return [(d.type, d.data.decode("utf-8")) for d in decode(image, symbols=SYMBOLS)]


@pytest.mark.parametrize(
    "payload",
    [
        "00020101021226360014com.example.pay0114000104520000495204490053030325802AR6304ABCD",
        "https://pay.example.com/p?ref=000104520000491073&amount=48732.19&sig=3f9a",
        "Ñandutí – cooperativa de agua, señal y energía ₲",
    ],
)
def test_qr_decodes_to_payload(payload: str) -> None:
    assert _scan(qr_drawing(payload, 30)) == [("QRCODE", payload)]


def test_qr_has_quiet_zone_and_is_square() -> None:
    drawing = qr_drawing("hello", 20)
    assert drawing.width == drawing.height == pytest.approx(20 * mm)
    modules = len(qr_matrix("hello"))
    first_dark = min(shape.x for shape in drawing.contents[1:])
    assert first_dark == pytest.approx(4 * drawing.width / (modules + 8))


def test_qr_rejects_empty_payload() -> None:
    with pytest.raises(ValueError, match="empty"):
        qr_drawing("", 20)


def _payment_barcodes() -> list[str]:
    from datetime import date

    return [
        make_barcode(make_reference(10452, 49107), date(2024, 10, 15), 4873219),
        make_barcode(make_reference(99_999_999, 999_999_999), date(2031, 12, 31), 99_999_999_999),
        make_barcode(make_reference(1, 1), date(2025, 1, 1), 0),
    ]


@pytest.mark.parametrize("digits", [*_payment_barcodes(), "0123456789012345", "123456"])
def test_i2of5_decodes_to_digits(digits: str) -> None:
    assert _scan(barcode_drawing(digits)) == [("I25", digits)]


@pytest.mark.parametrize("digits", _payment_barcodes()[:1])
def test_rotated_i2of5_decodes(digits: str) -> None:
    drawing = barcode_drawing(digits, rotate=True, height_mm=15)
    assert drawing.width < drawing.height
    assert _scan(drawing) == [("I25", digits)]


def test_code128_decodes_and_is_narrower() -> None:
    digits = _payment_barcodes()[0]
    assert _scan(barcode_drawing(digits, "code128")) == [("CODE128", digits)]
    assert barcode_width_mm(digits, "code128") < barcode_width_mm(digits, "i2of5")


def test_i2of5_bars_wide_enough_to_scan() -> None:
    # 36 digits at the default 0.33 mm module: about 10 cm, as cash-network scanners expect.
    assert 95 < barcode_width_mm("0" * 36) < 115


@pytest.mark.parametrize("bad", ["", "123", "12a4"])
def test_i2of5_rejects_odd_or_non_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        barcode_drawing(bad)

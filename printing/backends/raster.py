"""Pixels for printers that cannot take a PDF: PDF pages rendered with PDFium, and barcodes drawn dot by dot.

PDFium (pypdfium2) renders the same PDF the pdf-folder backend keeps, on Windows and Linux alike, without
Qt's optional PDF module. Thermal printers get 1-bit images at their own dot pitch so that nothing is
rescaled (and blurred) on the way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

POINTS_PER_INCH = 72.0
MM_PER_INCH = 25.4

# Interleaved 2 of 5: each digit is five elements, two of them wide (1 = wide).
_ITF_PATTERNS = {
    "0": "00110",
    "1": "10001",
    "2": "01001",
    "3": "11000",
    "4": "00101",
    "5": "10100",
    "6": "01100",
    "7": "00011",
    "8": "10010",
    "9": "01010",
}


@dataclass(frozen=True, slots=True)
class PageSize:
    width_pt: float
    height_pt: float

    @property
    def width_mm(self) -> float:
        return self.width_pt / POINTS_PER_INCH * MM_PER_INCH

    @property
    def height_mm(self) -> float:
        return self.height_pt / POINTS_PER_INCH * MM_PER_INCH

    @property
    def landscape(self) -> bool:
        return self.width_pt > self.height_pt


def page_sizes(pdf: bytes) -> list[PageSize]:
    """Every page's size in points, in order."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [PageSize(*document[i].get_size()) for i in range(len(document))]
    finally:
        document.close()


def render_pages(pdf: bytes, *, dpi: float | None = None, width_px: int | None = None) -> Iterator[Image.Image]:
    """Render pages one at a time (a long statement never sits in memory whole), RGB on white.

    Give `dpi` for a page printer, or `width_px` to fit a thermal printer's dot line.
    """
    if (dpi is None) == (width_px is None):
        raise ValueError("give either dpi or width_px")
    document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            width_pt = page.get_width()
            scale = (dpi / POINTS_PER_INCH) if dpi is not None else (width_px or 1) / width_pt
            bitmap = page.render(scale=scale, draw_annots=True, fill_color=(255, 255, 255, 255))
            image = bitmap.to_pil().convert("RGB")
            bitmap.close()
            page.close()
            yield image
    finally:
        document.close()


def to_one_bit(image: Image.Image, threshold: int = 160) -> Image.Image:
    """Black and white without dithering: text and codes stay crisp on a thermal head."""
    return image.convert("L").point(lambda v: 255 if v > threshold else 0, mode="1")


def itf_modules(digits: str, ratio: int = 3) -> list[int]:
    """Bar/space widths (in narrow modules) of an Interleaved 2 of 5 symbol, bars first, no quiet zone."""
    if not digits or len(digits) % 2 or not digits.isdigit() or not digits.isascii():
        raise ValueError("Interleaved 2 of 5 needs an even number of digits")
    widths = [1, 1, 1, 1]  # start: bar, space, bar, space
    for i in range(0, len(digits), 2):
        bars, spaces = _ITF_PATTERNS[digits[i]], _ITF_PATTERNS[digits[i + 1]]
        for bar, space in zip(bars, spaces, strict=True):
            widths += [ratio if bar == "1" else 1, ratio if space == "1" else 1]
    widths += [ratio, 1, 1]  # stop: wide bar, space, bar
    return widths


def itf_image(digits: str, *, narrow: int = 3, ratio: int = 3, height: int = 120, quiet: int = 10) -> Image.Image:
    """An Interleaved 2 of 5 barcode as a 1-bit image, `narrow` dots per module, quiet zones included."""
    widths = itf_modules(digits, ratio)
    length = (sum(widths) + 2 * quiet) * narrow
    image = Image.new("1", (length, height), 1)
    draw = ImageDraw.Draw(image)
    x = quiet * narrow
    for index, width in enumerate(widths):
        if index % 2 == 0:
            draw.rectangle((x, 0, x + width * narrow - 1, height - 1), fill=0)
        x += width * narrow
    return image


def itf_length_dots(digits: str, *, narrow: int, ratio: int = 3, quiet: int = 10) -> int:
    return (sum(itf_modules(digits, ratio)) + 2 * quiet) * narrow

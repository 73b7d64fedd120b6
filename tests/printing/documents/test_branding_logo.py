"""SVG branding logos drawn on the A4 band; a broken logo never breaks a print."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from printing_samples import meta, pdf_text, slip
from reportlab.pdfgen.canvas import Canvas

from printing.documents import render_payment_slip
from printing.documents._logo import draw_svg, load_svg
from printing.render import pdf_to_images


@pytest.mark.parametrize(("key", "words"), [("coop-ar", "Coop."), ("telco-py", "ComSur"), ("wisp-mx", "prepago")])
def test_profile_logos_are_drawn(key: str, words: str) -> None:
    doc = render_payment_slip(slip(key, 1), meta(key), "a4")
    text = pdf_text(doc.pdf)[0]
    assert words in text  # the logo's own text is on the page
    (image,) = pdf_to_images(doc.pdf, dpi=60, gray=False)
    # The logo sits on a white panel inside the coloured band: top-left area has white and the brand colour.
    corner = image.crop((0, 0, image.width // 3, image.height // 10)).convert("RGB")
    counts = {colour: n for n, colour in corner.getcolors(maxcolors=1 << 16) or []}
    white = counts.get((255, 255, 255), 0) / (corner.width * corner.height)
    brand = tuple(int(meta(key).branding.primary_color[i : i + 2], 16) for i in (1, 3, 5))
    assert white > 0.25  # the panel (name text alone would be a few percent)
    assert len(counts) > 20 and brand in counts


def test_broken_svg_is_skipped(tmp_path: Path) -> None:
    bad = tmp_path / "bad.svg"
    bad.write_text("<svg viewBox='0 0 10 10'><path d='M 1 2 Q 3 4 5 6'/><circle r='oops'/></svg")
    assert load_svg(str(bad)) is None
    canvas = Canvas(BytesIO())
    assert draw_svg(canvas, bad, 0, 0, 20) == 0.0
    odd = tmp_path / "odd.svg"
    odd.write_text("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 20 10'><path d='M 1 2 Q 3 4 5 6'/></svg>")
    assert draw_svg(canvas, odd, 0, 0, 20) == pytest.approx(40.0)

"""Staff test page: one glance tells a technician whether a printer prints everything the kiosk needs.

A millimetre ruler across the whole paper shows clipped margins or a wrong paper width, font samples show
missing glyphs (accents, ñ, €, ₲), and a QR code and a barcode show whether codes come out sharp enough to scan.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Spacer, Table, TableStyle

from kiosk.domain.branding import DocumentMeta
from printing.document import Paper, RenderedDocument
from printing.documents._base import (
    A4_MARGIN,
    LIGHT,
    ROLL_MARGIN,
    ROLL_WIDTH,
    Fmt,
    Styles,
    a4_frame_width,
    barcode_flowable,
    build_a4,
    build_roll,
    draw_band,
    draw_footer,
    esc,
    para,
    qr_flowable,
    roll_frame_width,
    rule,
)
from printing.fonts import BOLD, REGULAR

SAMPLE = "ÁÉÍÓÚ áéíóú Ññ Üü ¿¡ € ₲ $ 1.234,56"
TEST_BARCODE = "0123456789012345"  # 16 digits: fits across a 58 mm roll with scannable bars


class Ruler(Flowable):
    """A millimetre ruler from the left paper edge to the right one (it ignores the frame margins)."""

    def __init__(self, paper_width: float, left_margin: float) -> None:
        super().__init__()
        self.paper_width = paper_width
        self.left_margin = left_margin

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, 9 * mm

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.translate(-self.left_margin, 0)
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.35)
        top = 9 * mm
        total = int(self.paper_width / mm)
        c.line(0, top, self.paper_width, top)
        c.setFont(REGULAR, 5.5)
        for i in range(total + 1):
            length = 4 * mm if i % 10 == 0 else (2.5 * mm if i % 5 == 0 else 1.5 * mm)
            c.line(i * mm, top, i * mm, top - length)
            if i % 10 == 0 and 0 < i < total - 12:
                c.drawCentredString(i * mm, top - 7 * mm, str(i))
        c.setFont(BOLD, 6)
        c.drawRightString(self.paper_width - 0.5 * mm, top - 8.5 * mm, f"{total} mm")
        c.restoreState()


def _sample_style(font: str, size: float) -> ParagraphStyle:
    return ParagraphStyle(f"sample-{font}-{size}", fontName=font, fontSize=size, leading=size * 1.3)


def test_payload(meta: DocumentMeta) -> str:
    """What the test QR carries: enough to tell which kiosk printed it and when."""
    return f"VENTANILLA-TEST|{meta.kiosk_id}|{meta.printed_at:%Y%m%dT%H%M%S}"


def render_test_page(meta: DocumentMeta, printer_name: str, backend: str, paper: Paper = "roll80") -> RenderedDocument:
    fmt = Fmt(meta)
    title = fmt.t("test_page")
    payload = test_payload(meta)
    if paper == "a4":
        st = Styles(primary=meta.branding.primary_color)
        width, paper_width, margin = a4_frame_width(), A4[0], A4_MARGIN
    else:
        st = Styles(scale=0.9 if paper == "roll58" else 1.0)
        width, paper_width, margin = roll_frame_width(paper), ROLL_WIDTH[paper], ROLL_MARGIN[paper]

    facts = [
        (fmt.t("printer"), printer_name or "—"),
        (fmt.t("backend"), backend),
        (fmt.t("paper"), paper),
        (fmt.t("submitted_at"), fmt.printed),
        (fmt.t("kiosk"), meta.kiosk_id),
        (fmt.t("branch"), meta.branch_name or "—"),
    ]
    table = Table(
        [[para(esc(label), st.label), para(esc(value), st.bold)] for label, value in facts],
        colWidths=[width * 0.35, width * 0.65],
    )
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story: list[Flowable] = []
    if paper != "a4":
        story += [para(esc(meta.branding.name), st.brand_center), rule(0.8)]
    story += [
        para(esc(title.upper()), st.title_center),
        table,
        rule(),
        para(esc(fmt.t("ruler", width=int(paper_width / mm))), st.small),
        Ruler(paper_width, margin),
        rule(),
        para(esc(fmt.t("fonts")), st.bold),
    ]
    scale = 0.9 if paper == "roll58" else 1.0
    for font, size in ((REGULAR, 7), (REGULAR, 9), (REGULAR, 12), (BOLD, 12)):
        story.append(para(esc(SAMPLE), _sample_style(font, size * scale)))
    money = fmt.cash(Decimal("1234567.89"), meta.branding.currency)
    story += [
        Spacer(1, 1 * mm),
        para(esc(money), _sample_style(BOLD, 16 * scale)),
        rule(),
        para(esc(fmt.t("codes")), st.bold),
        Spacer(1, 1 * mm),
        qr_flowable(payload, 30),
        para(esc(payload), st.small_center),
        Spacer(1, 2 * mm),
        barcode_flowable(TEST_BARCODE, width, height_mm=12),
        para(TEST_BARCODE, st.digits_center),
        rule(),
        para(esc(fmt.t("test_ok")), st.bold_center),
    ]
    if paper == "a4":

        def on_page(canv: Canvas, doc: BaseDocTemplate) -> None:
            draw_band(canv, meta, title.upper())
            draw_footer(canv, fmt.t("printed_by", when=fmt.printed, kiosk=meta.kiosk_id))

        pdf, pages = build_a4(story, meta, title, on_page)
    else:
        pdf, pages = build_roll(story, paper, meta, title), 1
    return RenderedDocument(
        kind="test-page",
        name=f"test-page-{meta.kiosk_id}",
        pdf=pdf,
        paper=paper,
        pages=pages,
        qr_payload=payload,
        barcode=TEST_BARCODE,
        text_lines=(
            title.upper(),
            *(f"{label}: {value}" for label, value in facts),
            SAMPLE,
        ),
    )

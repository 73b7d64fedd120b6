"""Shared pieces of every document: fonts and styles, locale formatting, the branded A4 header, code
flowables, and the page builders for A4 and for roll paper whose length follows the content.

Documents are platypus stories built for a given frame width, so one story serves a 58 mm roll, an 80 mm roll
and A4; roll pages are exactly as long as what is printed on them (no metres of blank thermal paper).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.flowables import HRFlowable

from kiosk import formatting
from kiosk.domain.branding import DocumentMeta
from kiosk.domain.money import Money
from printing.codes import Symbology, barcode_drawing, barcode_width_mm, qr_drawing
from printing.document import Paper
from printing.documents._logo import draw_svg, svg_size
from printing.fonts import BOLD, REGULAR, register_fonts
from printing.i18n import t

A4_MARGIN = 15 * mm
A4_BAND = 26 * mm
ROLL_WIDTH = {"roll58": 58 * mm, "roll80": 80 * mm}
ROLL_MARGIN = {"roll58": 4 * mm, "roll80": 4 * mm}
GREY = colors.HexColor("#5F6368")
LIGHT = colors.HexColor("#E8EAED")
RED = colors.HexColor("#C62828")


def hex_color(value: str) -> colors.Color:
    return colors.HexColor(value)


def tint(value: str, amount: float) -> colors.Color:
    """`value` mixed with white: amount 0 is the colour, 1 is white (light table and chart fills)."""
    base = colors.HexColor(value)
    return colors.Color(
        base.red + (1 - base.red) * amount,
        base.green + (1 - base.green) * amount,
        base.blue + (1 - base.blue) * amount,
    )


def esc(text: str) -> str:
    """Escape text for Paragraph markup (names and addresses may hold '&' or '<')."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class Fmt:
    """Locale formatting bound to one document's locale and time zone."""

    meta: DocumentMeta

    @property
    def locale(self) -> str:
        return self.meta.locale

    @property
    def language(self) -> str:
        return self.meta.language

    def money(self, m: Money, nbsp: bool = True) -> str:
        """Formatted amount; the space after the symbol is non-breaking so "$" never ends a line."""
        text = formatting.format_money(m, self.locale)
        return text.replace(" ", "\xa0") if nbsp else text

    def cash(self, amount: Decimal, currency: str, nbsp: bool = True) -> str:
        return self.money(Money(amount, currency), nbsp)

    def amount(self, amount: Decimal, currency: str) -> str:
        sign = "-" if amount < 0 else ""
        return sign + formatting.format_amount(amount, currency, self.locale)

    def date(self, d: _dt.date) -> str:
        return formatting.format_date(d, self.locale)

    def short_date(self, d: _dt.date) -> str:
        return formatting.format_date_numeric(d, self.locale)

    def datetime(self, dt: _dt.datetime) -> str:
        return formatting.format_datetime(dt, self.locale, self.meta.timezone)

    def period(self, period: str) -> str:
        return formatting.format_period(period, self.locale)

    def number(self, n: Decimal | int, decimals: int | None = None) -> str:
        return formatting.format_number(n, self.locale, decimals)

    def consumption(self, value: Decimal | int, unit: str | None) -> str:
        return formatting.format_consumption(value, unit, self.locale)

    def t(self, key: str, **values: object) -> str:
        return t(key, self.language, **values)

    @property
    def printed(self) -> str:
        return self.datetime(self.meta.printed_at)


class Styles:
    """Paragraph styles in NotoSans; `scale` shrinks them a little for 58 mm rolls."""

    def __init__(self, scale: float = 1.0, primary: str = "#000000") -> None:
        register_fonts()
        s = scale

        def style(name: str, size: float, font: str = REGULAR, **kw: Any) -> ParagraphStyle:
            return ParagraphStyle(name, fontName=font, fontSize=size * s, leading=size * s * 1.25, **kw)

        self.body = style("body", 9)
        self.small = style("small", 7.5, textColor=GREY)
        self.small_center = style("small_center", 7.5, textColor=GREY, alignment=TA_CENTER)
        self.label = style("label", 7.5, textColor=GREY)
        self.label_right = style("label_right", 7.5, textColor=GREY, alignment=TA_RIGHT)
        self.value = style("value", 9.5, BOLD)
        self.right = style("right", 9, alignment=TA_RIGHT)
        self.center = style("center", 9, alignment=TA_CENTER)
        self.bold = style("bold", 9, BOLD)
        self.bold_center = style("bold_center", 9, BOLD, alignment=TA_CENTER)
        self.bold_right = style("bold_right", 9, BOLD, alignment=TA_RIGHT)
        self.head = style("head", 8.5, BOLD, textColor=colors.white)
        self.head_right = style("head_right", 8.5, BOLD, textColor=colors.white, alignment=TA_RIGHT)
        self.title_center = style("title_center", 12, BOLD, alignment=TA_CENTER, spaceAfter=1 * mm)
        self.section = style(
            "section", 10, BOLD, textColor=colors.HexColor(primary), spaceBefore=3 * mm, spaceAfter=1.5 * mm
        )
        self.brand_center = style("brand_center", 11, BOLD, alignment=TA_CENTER)
        self.big = style("big", 18, BOLD, textColor=colors.HexColor(primary))
        self.ref_center = style("ref_center", 13, BOLD, alignment=TA_CENTER)
        self.big_center = style("big_center", 16, BOLD, alignment=TA_CENTER)
        self.total_center = style("total_center", 15, BOLD, alignment=TA_CENTER)
        self.digits_center = style("digits_center", 8.5, alignment=TA_CENTER)


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(text, style)


def multiline(text: str) -> str:
    """Plain text with line breaks (branding instructions) as Paragraph markup."""
    return "<br/>".join(esc(line) for line in text.strip().splitlines())


def group_digits(digits: str, size: int = 4) -> str:
    return " ".join(digits[i : i + size] for i in range(0, len(digits), size))


class BottomSpacer(Flowable):
    """Pushes what follows to the bottom of the page, keeping `reserve` points for it (the payment stub)."""

    def __init__(self, reserve: float) -> None:
        super().__init__()
        self.reserve = reserve
        self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        free = availHeight - self.reserve
        # Not enough room left: fill this page so the reserved block starts on the next one.
        self.height = free if free >= 0 else availHeight
        return availWidth, max(self.height - 0.01, 0)

    def draw(self) -> None:
        pass


class CutLine(Flowable):
    """A dashed cut line across the frame with a small caption."""

    def __init__(self, caption: str, font_size: float = 6.5) -> None:
        super().__init__()
        self.caption = caption
        self.font_size = font_size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.font_size + 3 * mm

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setDash(2, 2)
        c.setStrokeColor(GREY)
        c.setLineWidth(0.6)
        c.line(0, self.font_size + 1.5 * mm, self.width, self.font_size + 1.5 * mm)
        c.setFont(REGULAR, self.font_size)
        c.setFillColor(GREY)
        c.drawString(0, 0.5 * mm, self.caption)
        c.restoreState()


def rule(width: float = 0.5, color: colors.Color = LIGHT) -> HRFlowable:
    return HRFlowable(width="100%", thickness=width, color=color, spaceBefore=1.5 * mm, spaceAfter=1.5 * mm)


def qr_flowable(payload: str, size_mm: float, align: str = "CENTER") -> Flowable:
    drawing = qr_drawing(payload, size_mm)
    drawing.hAlign = align
    return drawing


def barcode_flowable(
    digits: str,
    avail_width: float,
    symbology: Symbology = "i2of5",
    height_mm: float = 14.0,
    align: str = "CENTER",
) -> Flowable:
    """The barcode horizontally when it fits with bars of at least 0.25 mm, else rotated along the roll."""
    for bar in (0.33, 0.3, 0.27, 0.25):
        if barcode_width_mm(digits, symbology, bar) * mm <= avail_width:
            drawing = barcode_drawing(digits, symbology, bar_mm=bar, height_mm=height_mm)
            break
    else:
        drawing = barcode_drawing(digits, symbology, bar_mm=0.33, height_mm=height_mm, rotate=True)
    drawing.hAlign = align
    return drawing


@lru_cache(maxsize=8)
def _logo_reader(path: str) -> ImageReader | None:
    """Raster logos only; an SVG logo is used through a sibling PNG of the same name when one exists."""
    candidate = Path(path)
    if candidate.suffix.lower() == ".svg":
        candidate = candidate.with_suffix(".png")
    if not candidate.is_file():
        return None
    try:
        return ImageReader(str(candidate))
    except OSError:
        return None


def logo_reader(logo: Path | None) -> ImageReader | None:
    return _logo_reader(str(logo)) if logo else None


def draw_band(
    canv: Canvas, meta: DocumentMeta, title: str, page_width: float = A4[0], right_reserve: float = 0.0
) -> None:
    """The branded band at the top of A4 pages: logo, utility name, tax id, address, document title."""
    b = meta.branding
    top = A4[1]
    canv.saveState()
    canv.setFillColor(hex_color(b.primary_color))
    canv.rect(0, top - A4_BAND, page_width, A4_BAND, stroke=0, fill=1)
    canv.setFillColor(hex_color(b.accent_color))
    canv.rect(0, top - A4_BAND - 1.2 * mm, page_width, 1.2 * mm, stroke=0, fill=1)
    x = A4_MARGIN
    logo_h = A4_BAND - 9 * mm
    bottom = top - A4_BAND + 4.5 * mm
    svg = svg_size(b.logo) if b.logo and b.logo.suffix.lower() == ".svg" else None
    raster = None if svg else logo_reader(b.logo)
    if svg or raster is not None:
        iw, ih = svg if svg else raster.getSize()  # type: ignore[union-attr]
        w = logo_h * iw / ih
        canv.setFillColor(colors.white)
        canv.roundRect(x - 1.5 * mm, bottom - 1.5 * mm, w + 3 * mm, logo_h + 3 * mm, 2 * mm, stroke=0, fill=1)
        if svg and b.logo:
            draw_svg(canv, b.logo, x, bottom, logo_h)
        elif raster is not None:
            canv.drawImage(raster, x, bottom, w, logo_h, mask="auto")
        x += w + 6 * mm
    canv.setFillColor(colors.white)
    room = page_width - A4_MARGIN - x - right_reserve
    size = 13.0
    while size > 9 and canv.stringWidth(b.name, BOLD, size) > room:
        size -= 0.5
    canv.setFont(BOLD, size)
    canv.drawString(x, top - 10 * mm, b.name)
    canv.setFont(REGULAR, 8)
    facts = " · ".join(part for part in (b.tax_id, b.address) if part)
    canv.drawString(x, top - 15 * mm, facts)
    if b.phone:
        canv.drawString(x, top - 19 * mm, f"{t('phone', meta.language)} {b.phone}")
    canv.setFont(BOLD, 12)
    canv.drawRightString(page_width - A4_MARGIN, top - 21.5 * mm, title)
    canv.restoreState()


def draw_footer(canv: Canvas, text: str, page_width: float = A4[0], right: str = "") -> None:
    canv.saveState()
    canv.setFont(REGULAR, 7)
    canv.setFillColor(GREY)
    canv.drawString(A4_MARGIN, 8 * mm, text)
    if right:
        canv.drawRightString(page_width - A4_MARGIN, 8 * mm, right)
    canv.restoreState()


def a4_frame_width() -> float:
    return A4[0] - 2 * A4_MARGIN


def build_a4(
    story: Sequence[Flowable],
    meta: DocumentMeta,
    title: str,
    on_page: Callable[[Canvas, BaseDocTemplate], None],
    canvasmaker: type[Canvas] = Canvas,
    top_extra: float = 0.0,
) -> tuple[bytes, int]:
    """An A4 document; `on_page` draws the band, marks and footer on every page. Returns (pdf, pages)."""
    buf = BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=A4_MARGIN,
        rightMargin=A4_MARGIN,
        topMargin=A4_BAND + 6 * mm + top_extra,
        bottomMargin=14 * mm,
        title=title,
        author=meta.branding.name,
        creator="Ventanilla",
        initialFontName=REGULAR,
        initialFontSize=9,
        subject=title,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(list(story), canvasmaker=canvasmaker)
    return buf.getvalue(), int(doc.page)


def roll_frame_width(paper: Paper) -> float:
    return ROLL_WIDTH[paper] - 2 * ROLL_MARGIN[paper]


def build_roll(story: Sequence[Flowable], paper: Paper, meta: DocumentMeta, title: str) -> bytes:
    """One roll page exactly as long as the story (measured first), so nothing is cut and no paper wasted."""
    width = ROLL_WIDTH[paper]
    margin = ROLL_MARGIN[paper]
    inner = width - 2 * margin
    flowables = list(story)
    page_height = (
        stack_height(flowables, inner) + 2 * margin + 4 * mm
    )  # slack for rounding in the frame's own arithmetic
    buf = BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=(width, page_height),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author=meta.branding.name,
        creator="Ventanilla",
        initialFontName=REGULAR,
        initialFontSize=9,
        subject=title,
    )
    frame = Frame(
        margin,
        margin,
        inner,
        page_height - 2 * margin,
        id="roll",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="roll", frames=[frame])])
    doc.build(flowables)
    return buf.getvalue()


def stack_height(flowables: Sequence[Flowable], width: float) -> float:
    """Height of flowables stacked in a frame of `width` (spaces between them included)."""
    height = 0.0
    for index, flowable in enumerate(flowables):
        _, h = flowable.wrap(width, 10_000 * mm)
        height += h + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if index else 0)
    return height


def roll_chars(paper: Paper) -> int:
    """Characters per line of an ESC/POS printer's font A on this roll (text_lines for native printing)."""
    return 32 if paper == "roll58" else 48

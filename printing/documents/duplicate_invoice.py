"""Duplicate of an invoice on A4: what the customer lost, marked as a duplicate, with codes to pay it.

The page follows the layout of the utilities' own invoices (branded band, holder and supply, dates, total,
lines and taxes, readings with a consumption chart, detachable payment stub at the bottom) so cashiers and
cash networks recognise it. The diagonal "DUPLICADO" mark and the print date and kiosk id on every page make
a duplicate impossible to pass off as the original.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Spacer, Table, TableStyle

from kiosk.domain import labels
from kiosk.domain.branding import DocumentMeta
from kiosk.domain.invoice import InvoiceDetail, InvoiceStatus
from kiosk.domain.money import minor_units
from kiosk.domain.reading import ConsumptionPoint, ReadingKind
from kiosk.formatting import format_month_short
from printing.codes import Symbology
from printing.document import RenderedDocument
from printing.documents._base import (
    A4_BAND,
    A4_MARGIN,
    GREY,
    LIGHT,
    RED,
    BottomSpacer,
    CutLine,
    Fmt,
    Styles,
    a4_frame_width,
    barcode_flowable,
    build_a4,
    draw_band,
    draw_footer,
    esc,
    hex_color,
    para,
    qr_flowable,
    stack_height,
    tint,
)
from printing.fonts import BOLD, REGULAR
from printing.i18n import reading_kind, service_name, supply_text

DUPLICATE_STRIP = 14 * mm


def render_duplicate_invoice(
    detail: InvoiceDetail,
    meta: DocumentMeta,
    qr_payload: str,
    barcode: str,
    symbology: Symbology = "i2of5",
) -> RenderedDocument:
    """The duplicate as PDF bytes; `barcode` holds the payment digits, `qr_payload` may be "" (no QR)."""
    fmt = Fmt(meta)
    st = Styles(primary=meta.branding.primary_color)
    summary = detail.summary
    title = f"{fmt.t('invoice')} {summary.number}"
    width = a4_frame_width()

    story: list[Flowable] = [
        _facts(detail, fmt, st, width),
        Spacer(1, 4 * mm),
        _total_box(detail, fmt, st, width, meta.branding.primary_color),
        Spacer(1, 2 * mm),
        _lines_table(detail, fmt, st, width, meta.branding.primary_color),
    ]
    if detail.current_reading is not None or detail.history:
        story.append(KeepTogether(_readings(detail, fmt, st, width, meta)))
    stub = _stub(detail, fmt, st, width, qr_payload, barcode, symbology)
    story += [BottomSpacer(stack_height(stub, width) + 2), KeepTogether(stub)]

    def on_page(canv: Canvas, doc: BaseDocTemplate) -> None:
        draw_band(canv, meta, title)
        _duplicate_marks(canv, fmt)
        draw_footer(
            canv,
            fmt.t("duplicate_note", when=fmt.printed, kiosk=meta.kiosk_id),
            right=f"{meta.branding.short_name} · {summary.number} · {doc.page}",
        )

    pdf, pages = build_a4(story, meta, title, on_page, top_extra=DUPLICATE_STRIP)
    return RenderedDocument(
        kind="duplicate",
        name=f"duplicate-{summary.number}",
        pdf=pdf,
        paper="a4",
        pages=pages,
        qr_payload=qr_payload or None,
        barcode=barcode or None,
    )


def _duplicate_marks(canv: Canvas, fmt: Fmt) -> None:
    """A light diagonal DUPLICADO across the page and a red boxed one under the band."""
    word = fmt.t("duplicate")
    canv.saveState()
    canv.setFillColor(RED)
    canv.setFillAlpha(0.07)
    canv.setFont(BOLD, 96)
    canv.translate(A4[0] / 2, A4[1] / 2 - 10 * mm)
    canv.rotate(38)
    canv.drawCentredString(0, 0, word)
    canv.restoreState()

    # A strip under the band: who printed this duplicate and when, and the boxed mark.
    canv.saveState()
    box_w, box_h = 44 * mm, 11 * mm
    top = A4[1] - A4_BAND - 1.2 * mm - 2.5 * mm
    y = top - box_h
    canv.setFillColor(tint("#C62828", 0.93))
    canv.rect(A4_MARGIN, y, A4[0] - 2 * A4_MARGIN, box_h, stroke=0, fill=1)
    canv.setFillColor(RED)
    canv.setFont(REGULAR, 8)
    canv.drawString(A4_MARGIN + 3 * mm, y + 4 * mm, fmt.t("duplicate_note", when=fmt.printed, kiosk=fmt.meta.kiosk_id))
    x = A4[0] - A4_MARGIN - box_w
    canv.setFillColor(colors.white)
    canv.setStrokeColor(RED)
    canv.setLineWidth(1.6)
    canv.roundRect(x, y, box_w, box_h, 1.5 * mm, stroke=1, fill=1)
    canv.setFillColor(RED)
    canv.setFont(BOLD, 16)
    canv.drawCentredString(x + box_w / 2, y + 3.4 * mm, word)
    canv.restoreState()


def _facts(detail: InvoiceDetail, fmt: Fmt, st: Styles, width: float) -> Table:
    s = detail.summary

    def cell(label: str, value: str) -> list[Flowable]:
        return [para(esc(label), st.label), para(esc(value), st.value)]

    second_due = fmt.date(s.second_due_date) if s.second_due_date else "—"
    left = [
        cell(fmt.t("holder"), s.holder_masked),
        cell(fmt.t("account"), str(s.account_id)),
        cell(fmt.t("service"), service_name(s.service, fmt.language)),
        # A walk-in's duplicate carries no supply address (the services leave it out): no empty row then.
        cell(supply_text("supply_address", fmt.meta.branding, fmt.language), detail.supply_address)
        if detail.supply_address
        else "",
    ]
    right = [
        cell(fmt.t("invoice_number"), s.number),
        cell(fmt.t("period"), fmt.period(s.period)),
        cell(fmt.t("issue_date"), fmt.date(s.issue_date)),
        cell(fmt.t("first_due"), fmt.date(s.first_due_date)),
        cell(fmt.t("second_due"), second_due),
    ]
    # Right column holds five facts in a 2-2-1 grid to stay level with the four on the left.
    rows = [
        [left[0], right[0], right[1]],
        [left[1], right[2], ""],
        [left[2], right[3], right[4]],
        [left[3], "", ""],
    ]
    table = Table(rows, colWidths=[width * 0.46, width * 0.27, width * 0.27], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, LIGHT),
            ]
        )
    )
    return table


def _total_box(detail: InvoiceDetail, fmt: Fmt, st: Styles, width: float, primary: str) -> Table:
    s = detail.summary
    left: list[Flowable] = [
        para(esc(fmt.t("total_due")), st.label),
        para(esc(fmt.money(s.total)), st.big),
    ]
    first: list[Flowable] = [
        para(esc(fmt.t("first_due")), st.label),
        para(esc(fmt.date(s.first_due_date)), st.value),
    ]
    second: list[Flowable] = []
    if s.second_due_date and s.second_total:
        second = [
            para(esc(f"{fmt.t('second_due')}: {fmt.date(s.second_due_date)}"), st.label),
            para(esc(fmt.money(s.second_total)), st.value),
        ]
    if s.status is InvoiceStatus.PAID:
        paid = labels.invoice_status(InvoiceStatus.PAID, fmt.language).upper()  # the screens' word, stamped
        second.append(para(f'<font color="#2E7D32">{esc(paid)}</font>', st.value))
    table = Table([[left, first, second]], colWidths=[width * 0.46, width * 0.27, width * 0.27])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), tint(primary, 0.9)),
                ("LINEBEFORE", (0, 0), (0, -1), 3, hex_color(primary)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ]
        )
    )
    return table


def _qty(value: Decimal | None, fmt: Fmt) -> str:
    if value is None:
        return ""
    return fmt.number(value.normalize() if value == value.to_integral() else value)


def _unit_price(price: Decimal | None, currency: str, fmt: Fmt) -> str:
    """The currency's decimals, or four when the tariff is finer (energy prices per kWh)."""
    if price is None:
        return ""
    decimals = minor_units(currency)
    if price != price.quantize(Decimal(1).scaleb(-decimals)):
        decimals = 4
    return fmt.number(price, decimals)


def _lines_table(detail: InvoiceDetail, fmt: Fmt, st: Styles, width: float, primary: str) -> Table:
    currency = detail.summary.total.currency
    head = [
        para(esc(fmt.t("description")), st.head),
        para(esc(fmt.t("quantity")), st.head_right),
        para(esc(fmt.t("unit_price")), st.head_right),
        para(esc(fmt.t("amount")), st.head_right),
    ]
    rows: list[list[object]] = [head]
    charges = [line for line in detail.lines if not line.is_tax]
    taxes = [line for line in detail.lines if line.is_tax]
    for line in charges:
        rows.append(
            [
                para(esc(line.description), st.body),
                para(_qty(line.quantity, fmt), st.right),
                para(_unit_price(line.unit_price, currency, fmt), st.right),
                para(fmt.amount(line.amount, currency), st.right),
            ]
        )
    subtotal_row = len(rows)
    subtotal = sum((line.amount for line in charges), Decimal(0))
    rows.append([para(esc(fmt.t("subtotal")), st.bold), "", "", para(fmt.amount(subtotal, currency), st.bold_right)])
    for line in taxes:
        rows.append([para(esc(line.description), st.body), "", "", para(fmt.amount(line.amount, currency), st.right)])
    if not taxes and detail.taxes.amount:
        rows.append(
            [para(esc(fmt.t("taxes")), st.body), "", "", para(fmt.amount(detail.taxes.amount, currency), st.right)]
        )
    rows.append([para(esc(fmt.t("total")), st.bold), "", "", para(esc(fmt.money(detail.summary.total)), st.bold_right)])
    table = Table(rows, colWidths=[width * 0.52, width * 0.14, width * 0.16, width * 0.18], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), hex_color(primary)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4),
                ("LINEBELOW", (0, 1), (-1, -2), 0.3, LIGHT),
                ("LINEABOVE", (0, subtotal_row), (-1, subtotal_row), 0.8, GREY),
                ("LINEABOVE", (0, -1), (-1, -1), 1.0, hex_color(primary)),
                ("BACKGROUND", (0, -1), (-1, -1), tint(primary, 0.9)),
            ]
        )
    )
    return table


def _readings(detail: InvoiceDetail, fmt: Fmt, st: Styles, width: float, meta: DocumentMeta) -> list[Flowable]:
    unit = detail.unit
    rows: list[list[object]] = [
        [
            para(esc(fmt.t("reading")), st.label),
            para(esc(fmt.t("read_on")), st.label),
            para(esc(fmt.t("value")), st.label_right),
            para(esc(fmt.t("kind")), st.label),
        ]
    ]
    for key, reading in (("previous_reading", detail.previous_reading), ("current_reading", detail.current_reading)):
        if reading is None:
            continue
        rows.append(
            [
                para(esc(fmt.t(key)), st.body),
                para(esc(fmt.date(reading.read_on)), st.body),
                para(str(reading.value), st.right),  # as the meter shows it, no separators
                para(esc(reading_kind(reading.kind, fmt.language)), st.body),
            ]
        )
    if detail.consumption is not None:
        rows.append(
            [
                para(esc(fmt.t("consumption")), st.bold),
                "",
                para(esc(fmt.consumption(detail.consumption, unit)), st.bold_right),
                "",
            ]
        )
    left_w = width * 0.5
    readings = Table(rows, colWidths=[left_w * 0.34, left_w * 0.24, left_w * 0.17, left_w * 0.25])
    readings.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    chart_cell: list[Flowable] = []
    if detail.history:
        chart_cell = [
            para(esc(fmt.t("history") + (f" ({unit})" if unit else "")), st.label),
            consumption_chart(
                detail.history,
                width * 0.48,
                34 * mm,
                fmt,
                meta.branding.primary_color,
                meta.branding.accent_color,
                current=detail.summary.period,
                unit=unit,
            ),
        ]
        if any(point.kind is ReadingKind.ESTIMATED for point in detail.history[-12:]):
            chart_cell.append(para(esc(fmt.t("estimated_legend")), st.small))
    layout = Table([[readings, chart_cell]], colWidths=[width * 0.52, width * 0.48])
    layout.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [para(esc(fmt.t("readings")), st.section), layout]


def consumption_chart(
    history: tuple[ConsumptionPoint, ...],
    width: float,
    height: float,
    fmt: Fmt,
    primary: str,
    accent: str,
    current: str | None = None,
    unit: str | None = None,
) -> Drawing:
    """Bars for up to the last 12 periods, the billed one in the utility's colour, estimated ones outlined."""
    points = history[-12:]
    drawing = Drawing(width, height)
    label_h = 4 * mm
    value_h = 3.5 * mm
    plot_h = height - label_h - value_h
    top = max((p.consumption for p in points), default=Decimal(0)) or Decimal(1)
    slot = width / max(len(points), 1)
    bar_w = slot * 0.64
    drawing.add(Line(0, label_h, width, label_h, strokeColor=GREY, strokeWidth=0.5))
    for i, point in enumerate(points):
        h = float(point.consumption / top) * plot_h
        x = i * slot + (slot - bar_w) / 2
        billed = point.period == current
        estimated = point.kind is ReadingKind.ESTIMATED
        fill = hex_color(primary) if billed else tint(accent, 0.45)
        if estimated:
            drawing.add(
                Rect(
                    x,
                    label_h,
                    bar_w,
                    h,
                    fillColor=tint(primary, 0.55) if billed else tint(accent, 0.88),
                    strokeColor=hex_color(primary if billed else accent),
                    strokeWidth=0.9 if billed else 0.7,
                    strokeDashArray=[1.5, 1.2],
                )
            )
        else:
            drawing.add(Rect(x, label_h, bar_w, h, fillColor=fill, strokeColor=None))
        drawing.add(
            String(
                x + bar_w / 2,
                label_h + h + 1.2,
                fmt.number(point.consumption.quantize(Decimal(1))),
                fontName=BOLD if billed else REGULAR,
                fontSize=5.8,
                textAnchor="middle",
                fillColor=colors.black,
            )
        )
        drawing.add(
            String(
                x + bar_w / 2,
                1.2 * mm,
                format_month_short(point.period, fmt.locale),
                fontName=BOLD if billed else REGULAR,
                fontSize=6,
                textAnchor="middle",
                fillColor=GREY if not billed else colors.black,
            )
        )
    return drawing


def _stub(
    detail: InvoiceDetail,
    fmt: Fmt,
    st: Styles,
    width: float,
    qr_payload: str,
    barcode: str,
    symbology: Symbology,
) -> list[Flowable]:
    s = detail.summary

    def line(label: str, value: str) -> list[Flowable]:
        return [para(esc(label), st.label), para(esc(value), st.value)]

    facts: list[Flowable] = [para(esc(fmt.t("payment_stub")), st.section)]
    grid: list[list[object]] = [
        [line(fmt.t("account"), str(s.account_id)), line(fmt.t("invoice_number"), s.number)],
        [line(fmt.t("first_due"), fmt.date(s.first_due_date)), line(fmt.t("total_due"), fmt.money(s.total))],
    ]
    if s.second_due_date and s.second_total:
        grid.append(
            [
                line(fmt.t("second_due"), fmt.date(s.second_due_date)),
                line(fmt.t("total_due"), fmt.money(s.second_total)),
            ]
        )
    grid.append([line(fmt.t("payment_reference"), s.payment_reference), ""])
    info_w = width - 48 * mm
    facts_table = Table(grid, colWidths=[info_w * 0.5, info_w * 0.5])
    facts_table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    facts.append(facts_table)
    code_cell: list[Flowable] = []
    if qr_payload:
        code_cell = [qr_flowable(qr_payload, 38), para(esc(fmt.t("qr_caption")), st.small_center)]
    top = Table([[facts, code_cell]], colWidths=[info_w, 48 * mm])
    top.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    stub: list[Flowable] = [CutLine(fmt.t("cut_here")), top]
    if barcode:  # without one the reference and the QR still pay the invoice
        stub += [
            Spacer(1, 2 * mm),
            barcode_flowable(barcode, width, symbology, height_mm=14),
            para(barcode, st.digits_center),
            para(esc(fmt.t("barcode_caption")), st.small_center),
        ]
    return stub

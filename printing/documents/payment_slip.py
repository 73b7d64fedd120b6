"""Payment slip for one or several invoices: roll paper (58 or 80 mm) or A4.

A customer takes it to a cash network or pays with a phone on the way out, so the total, the due date and the
codes come first; the list of invoices and how to pay follow. On rolls the 36-digit barcode is printed along
the paper (rotated), because across a 58 or 80 mm roll its bars would be too thin to scan.
"""

from __future__ import annotations

import textwrap

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Spacer, Table, TableStyle

from kiosk.domain.branding import DocumentMeta
from kiosk.domain.dues import DueStage
from kiosk.domain.invoice import InvoiceSummary, PaymentSlip
from printing.codes import Symbology
from printing.document import Paper, RenderedDocument
from printing.documents._base import (
    LIGHT,
    Fmt,
    Styles,
    a4_frame_width,
    barcode_flowable,
    build_a4,
    build_roll,
    draw_band,
    draw_footer,
    esc,
    group_digits,
    hex_color,
    multiline,
    para,
    qr_flowable,
    roll_chars,
    roll_frame_width,
    rule,
    tint,
)
from printing.i18n import service_name, t


def render_payment_slip(
    slip: PaymentSlip,
    meta: DocumentMeta,
    paper: Paper = "roll80",
    symbology: Symbology = "i2of5",
) -> RenderedDocument:
    """The slip as PDF bytes on `paper` ("roll58", "roll80" or "a4")."""
    fmt = Fmt(meta)
    title = fmt.t("payment_slip")
    if paper == "a4":
        st = Styles(primary=meta.branding.primary_color)

        def on_page(canv: Canvas, doc: BaseDocTemplate) -> None:
            draw_band(canv, meta, title.upper())
            draw_footer(
                canv, fmt.t("printed_by", when=fmt.printed, kiosk=meta.kiosk_id), right=meta.branding.short_name
            )

        pdf, pages = build_a4(_a4_story(slip, meta, fmt, st, symbology), meta, title, on_page)
        lines: tuple[str, ...] = ()
    else:
        st = Styles(scale=0.9 if paper == "roll58" else 1.0, primary="#000000")
        pdf = build_roll(_roll_story(slip, meta, fmt, st, paper, symbology), paper, meta, title)
        pages = 1
        lines = text_lines(slip, meta, fmt, roll_chars(paper))
    return RenderedDocument(
        kind="payment-slip",
        name=f"payment-slip-{slip.reference}",
        pdf=pdf,
        paper=paper,
        pages=pages,
        qr_payload=slip.qr_payload or None,
        barcode=slip.barcode or None,
        text_lines=lines,
    )


def text_lines(slip: PaymentSlip, meta: DocumentMeta, fmt: Fmt, width: int) -> tuple[str, ...]:
    """The roll slip as plain lines for native ESC/POS printing (the backend adds the QR and the barcode)."""
    lines: list[str] = []

    def center(text: str) -> None:
        lines.extend(line.center(width).rstrip() for line in textwrap.wrap(text, width))

    def pair(left: str, right: str) -> None:
        room = width - len(right) - 1
        wrapped = textwrap.wrap(left, room) or [""]
        lines.extend(wrapped[:-1])
        lines.append(wrapped[-1].ljust(room) + " " + right)

    b = meta.branding
    center(b.short_name)
    center(" · ".join(part for part in (b.tax_id, b.phone) if part))
    lines.append("-" * width)
    center(fmt.t("payment_slip").upper())
    center(f"{fmt.t('holder')}: {slip.holder_masked}")
    center(f"{fmt.t('account')} {slip.account_id}")
    lines.append("-" * width)
    if not slip.invoices:
        center(fmt.t("topup"))
    for inv in slip.invoices:
        pair(inv.number, fmt.money(inv.owed.amount, nbsp=False))
        detail = f"{fmt.period(inv.period)} · {_due_line(inv, fmt.language, fmt.date(inv.first_due_date))}"
        lines.extend(textwrap.wrap(detail, width, initial_indent="  ", subsequent_indent="  "))
    lines.append("=" * width)
    pair(fmt.t("total_due").upper(), fmt.money(slip.total, nbsp=False))
    pair(fmt.t("pay_until"), fmt.date(slip.due_date))
    lines.append("")
    center(fmt.t("payment_reference"))
    center(slip.reference)
    lines.append("-" * width)
    lines.append(fmt.t("how_to_pay"))
    for paragraph in _instructions(slip, meta).splitlines():
        lines.extend(textwrap.wrap(paragraph, width, subsequent_indent="  ") or [""])
    lines.append("-" * width)
    center(fmt.t("printed_by", when=fmt.printed, kiosk=meta.kiosk_id))
    return tuple(lines)


def _barcode_block(
    digits: str, width: float, symbology: Symbology, height_mm: float, shown: str, fmt: Fmt, st: Styles
) -> list[Flowable]:
    """Bars, digits and caption; nothing when the slip has no barcode (the reference and QR still pay it)."""
    if not digits:
        return []
    return [
        barcode_flowable(digits, width, symbology, height_mm=height_mm),
        para(esc(shown), st.digits_center),
        para(esc(fmt.t("barcode_caption")), st.small_center),
    ]


def _instructions(slip: PaymentSlip, meta: DocumentMeta) -> str:
    return slip.instructions or meta.branding.payment_instructions(meta.language)


def _roll_story(
    slip: PaymentSlip, meta: DocumentMeta, fmt: Fmt, st: Styles, paper: Paper, symbology: Symbology
) -> list[Flowable]:
    width = roll_frame_width(paper)
    b = meta.branding
    story: list[Flowable] = [
        para(esc(b.name), st.brand_center),
        para(esc(" · ".join(part for part in (b.tax_id, b.phone) if part)), st.small_center),
        rule(0.8),
        para(esc(fmt.t("payment_slip").upper()), st.title_center),
        para(esc(fmt.t("holder")), st.small_center),
        para(esc(slip.holder_masked), st.bold_center),
        para(esc(f"{fmt.t('account')} {slip.account_id}"), st.center),
        rule(),
    ]
    rows = []
    for inv in slip.invoices:
        left = [
            para(esc(inv.number), st.bold),
            para(esc(fmt.period(inv.period)), st.small),
            para(esc(_due_line(inv, fmt.language, fmt.date(inv.first_due_date))), st.small),
        ]
        rows.append([left, para(esc(fmt.money(inv.owed.amount)), st.bold_right)])
    if slip.invoices:
        table = Table(rows, colWidths=[width * 0.58, width * 0.42])
        table.setStyle(
            TableStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.3, LIGHT),
                ]
            )
        )
        story += [para(esc(fmt.t("invoices_included")), st.small), table]
    else:  # a prepaid top-up: no invoice behind it
        story.append(para(esc(fmt.t("topup")), st.bold_center))
    story += [
        rule(0.8),
        para(esc(fmt.t("total_due")), st.center),
        para(esc(fmt.money(slip.total)), st.total_center),
        para(esc(f"{fmt.t('pay_until')} {fmt.date(slip.due_date)}"), st.bold_center),
        Spacer(1, 2 * mm),
    ]
    if slip.qr_payload:
        story += [
            qr_flowable(slip.qr_payload, min(44.0, width / mm)),
            para(esc(fmt.t("qr_caption")), st.small_center),
        ]
    else:
        story.append(para(esc(fmt.t("no_qr")), st.small_center))
    story += [
        Spacer(1, 2 * mm),
        para(esc(fmt.t("payment_reference")), st.center),
        para(esc(group_digits(slip.reference, 6)), st.ref_center),
        Spacer(1, 2 * mm),
        *_barcode_block(slip.barcode, width, symbology, 20, group_digits(slip.barcode), fmt, st),
        rule(),
        para(esc(fmt.t("how_to_pay")), st.bold),
        para(multiline(_instructions(slip, meta)), st.small),
        rule(),
        para(esc(fmt.t("printed_by", when=fmt.printed, kiosk=meta.kiosk_id)), st.small_center),
    ]
    return story


def _a4_story(slip: PaymentSlip, meta: DocumentMeta, fmt: Fmt, st: Styles, symbology: Symbology) -> list[Flowable]:
    width = a4_frame_width()
    primary = meta.branding.primary_color

    def fact(label: str, value: str) -> list[Flowable]:
        return [para(esc(label), st.label), para(esc(value), st.value)]

    facts = Table(
        [
            [
                fact(fmt.t("holder"), slip.holder_masked),
                fact(fmt.t("account"), str(slip.account_id)),
                fact(fmt.t("payment_reference"), slip.reference),
            ]
        ],
        colWidths=[width * 0.4, width * 0.25, width * 0.35],
    )
    facts.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    head = [para(esc(fmt.t(key)), st.head) for key in ("invoice_number", "service", "period", "first_due")] + [
        para(esc(fmt.t("amount")), st.head_right)
    ]
    rows: list[list[object]] = [head]
    for inv in slip.invoices:
        rows.append(
            [
                para(esc(inv.number), st.body),
                para(esc(service_name(inv.service, fmt.language)), st.body),
                para(esc(fmt.period(inv.period)), st.body),
                para(esc(fmt.date(inv.first_due_date)), st.body),
                # The amount today, and under it why it is more than the first-due total.
                [para(esc(fmt.money(inv.owed.amount)), st.right), para(esc(_stage(inv, fmt.language)), st.label_right)],
            ]
        )
    rows.append(["", "", "", para(esc(fmt.t("total")), st.bold), para(esc(fmt.money(slip.total)), st.bold_right)])
    invoices = Table(rows, colWidths=[width * 0.2, width * 0.2, width * 0.18, width * 0.17, width * 0.25], repeatRows=1)
    invoices.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), hex_color(primary)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 1), (-1, -2), 0.3, LIGHT),
                ("LINEABOVE", (0, -1), (-1, -1), 1.0, hex_color(primary)),
                ("BACKGROUND", (0, -1), (-1, -1), tint(primary, 0.9)),
            ]
        )
    )
    total_box = Table(
        [
            [
                [para(esc(fmt.t("total_due")), st.label), para(esc(fmt.money(slip.total)), st.big)],
                [para(esc(fmt.t("pay_until")), st.label), para(esc(fmt.date(slip.due_date)), st.value)],
            ]
        ],
        colWidths=[width * 0.5, width * 0.5],
    )
    total_box.setStyle(
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
    how: list[Flowable] = [
        para(esc(fmt.t("how_to_pay")), st.section),
        para(multiline(_instructions(slip, meta)), st.body),
    ]
    qr: list[Flowable] = (
        [qr_flowable(slip.qr_payload, 45), para(esc(fmt.t("qr_caption")), st.small_center)]
        if slip.qr_payload
        else [para(esc(fmt.t("no_qr")), st.small)]
    )
    codes = Table([[how, qr]], colWidths=[width - 55 * mm, 55 * mm])
    codes.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        facts,
        Spacer(1, 3 * mm),
        total_box,
        Spacer(1, 3 * mm),
        *(
            [para(esc(fmt.t("invoices_included")), st.section), invoices]
            if slip.invoices
            else [para(esc(fmt.t("topup")), st.section)]
        ),
        Spacer(1, 3 * mm),
        KeepTogether(
            [
                codes,
                Spacer(1, 5 * mm),
                *_barcode_block(slip.barcode, width, symbology, 16, slip.barcode, fmt, st),
            ]
        ),
    ]


def _stage(inv: InvoiceSummary, language: str) -> str:
    """ "with surcharge" when an invoice's amount today is no longer its first-due total, else ""."""
    if inv.owed.interest.amount:
        return t("with_interest", language)
    if inv.owed.surcharge.amount:
        return t("with_surcharge", language)
    return ""


def _due_line(inv: InvoiceSummary, language: str, first_due: str) -> str:
    """ "Vence 12 dic 2026", or once past it "Venció 11 sep 2026 · con recargo e intereses"."""
    if inv.owed.stage is DueStage.FIRST:
        return f"{t('due', language)} {first_due}"
    note = _stage(inv, language)
    return f"{t('was_due', language)} {first_due}" + (f" · {note}" if note else "")

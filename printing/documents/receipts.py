"""Receipts for what a customer submitted at the kiosk: a claim, a meter reading, a request.

The customer leaves with proof: the confirmation number in large type (what they quote on the phone), what
was submitted, when and where, and what happens next. Each receipt also carries its lines as plain text
(`RenderedDocument.text_lines`) so an ESC/POS printer can print it natively, sharper and faster than raster.
Contact phones are printed masked: the receipt may be left behind at the kiosk.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Spacer, Table, TableStyle

from kiosk.domain.branding import DocumentMeta
from kiosk.domain.cases import ClaimReceipt, ReadingReceipt, RequestKind, RequestReceipt
from printing.document import Paper, RenderedDocument
from printing.documents._base import (
    LIGHT,
    Fmt,
    Styles,
    a4_frame_width,
    build_a4,
    build_roll,
    draw_band,
    draw_footer,
    esc,
    para,
    roll_chars,
    roll_frame_width,
    rule,
)
from printing.i18n import contact_time, request_kind, supply_text


@dataclass
class ReceiptContent:
    """What a receipt says, independent of paper: rendered to PDF flowables and to plain text lines."""

    title: str
    number_label: str
    number: str
    fields: list[tuple[str, str]]
    notes: list[str] = field(default_factory=list)
    next_steps: str = ""


def mask_phone(phone: str) -> str:
    """Every digit but the last two as '*': enough for the customer to recognise their number."""
    digits = [i for i, ch in enumerate(phone) if ch.isdigit()]
    keep = set(digits[-2:])
    return "".join("*" if ch.isdigit() and i not in keep else ch for i, ch in enumerate(phone))


def claim_content(receipt: ClaimReceipt, fmt: Fmt) -> ReceiptContent:
    return ReceiptContent(
        title=fmt.t("claim_receipt"),
        number_label=fmt.t("claim_number"),
        number=receipt.number,
        fields=[
            (fmt.t("submitted_at"), fmt.datetime(receipt.created_at)),
            (fmt.t("kiosk"), receipt.kiosk_id),
            (fmt.t("account"), str(receipt.account_id)),
            (supply_text("supply", fmt.meta.branding, fmt.language), str(receipt.supply_id)),
            (fmt.t("category"), receipt.category.label(fmt.language)),
            (fmt.t("details"), receipt.description),
            (fmt.t("contact_phone"), mask_phone(receipt.contact_phone)),
            (fmt.t("contact_time"), contact_time(receipt.contact_time, fmt.language)),
        ],
        next_steps=fmt.t("next_claim"),
    )


def reading_content(receipt: ReadingReceipt, fmt: Fmt) -> ReceiptContent:
    fields = [
        (fmt.t("submitted_at"), fmt.datetime(receipt.created_at)),
        (fmt.t("kiosk"), receipt.kiosk_id),
        (fmt.t("account"), str(receipt.account_id)),
        (fmt.t("supply"), str(receipt.supply_id)),
        (fmt.t("meter"), receipt.meter_number),
        (fmt.t("reading_value"), str(receipt.value)),
    ]
    if receipt.previous_value is not None:
        fields.append((fmt.t("previous_reading"), str(receipt.previous_value)))
    if receipt.consumption is not None:
        fields.append((fmt.t("consumption"), fmt.consumption(receipt.consumption, receipt.unit)))
    notes = []
    if receipt.rollover:
        notes.append(fmt.t("rollover"))
    if receipt.flagged:
        notes.append(fmt.t("flagged"))
    return ReceiptContent(
        title=fmt.t("reading_receipt"),
        number_label=fmt.t("confirmation_number"),
        number=receipt.number,
        fields=fields,
        notes=notes,
        next_steps=fmt.t("next_reading"),
    )


def request_content(receipt: RequestReceipt, fmt: Fmt) -> ReceiptContent:
    if receipt.kind is RequestKind.PIN_RESET:
        title, steps = fmt.t("pin_receipt"), fmt.t("next_pin")
    elif receipt.kind is RequestKind.CONTACT_CHANGE:
        title, steps = fmt.t("contact_receipt"), fmt.t("next_contact")
    else:
        title, steps = fmt.t("request_receipt"), fmt.t("next_request")
    fields = [
        (fmt.t("submitted_at"), fmt.datetime(receipt.created_at)),
        (fmt.t("kiosk"), receipt.kiosk_id),
        (fmt.t("request_kind"), request_kind(receipt.kind, fmt.language)),
        (fmt.t("account"), str(receipt.account_id)),
        *receipt.fields,
    ]
    return ReceiptContent(
        title=title,
        number_label=fmt.t("request_number"),
        number=receipt.number,
        fields=fields,
        next_steps=steps,
    )


def render_claim_receipt(receipt: ClaimReceipt, meta: DocumentMeta, paper: Paper = "roll80") -> RenderedDocument:
    fmt = Fmt(meta)
    return _render(claim_content(receipt, fmt), "claim-receipt", meta, fmt, paper)


def render_reading_receipt(receipt: ReadingReceipt, meta: DocumentMeta, paper: Paper = "roll80") -> RenderedDocument:
    fmt = Fmt(meta)
    return _render(reading_content(receipt, fmt), "reading-receipt", meta, fmt, paper)


def render_request_receipt(receipt: RequestReceipt, meta: DocumentMeta, paper: Paper = "roll80") -> RenderedDocument:
    fmt = Fmt(meta)
    return _render(request_content(receipt, fmt), "request-receipt", meta, fmt, paper)


def _render(content: ReceiptContent, kind: str, meta: DocumentMeta, fmt: Fmt, paper: Paper) -> RenderedDocument:
    if paper == "a4":
        st = Styles(primary=meta.branding.primary_color)

        def on_page(canv: Canvas, doc: BaseDocTemplate) -> None:
            draw_band(canv, meta, content.title.upper())
            draw_footer(canv, fmt.t("printed_by", when=fmt.printed, kiosk=meta.kiosk_id))

        pdf, pages = build_a4(_story(content, meta, fmt, st, a4_frame_width(), a4=True), meta, content.title, on_page)
    else:
        st = Styles(scale=0.9 if paper == "roll58" else 1.0)
        pdf = build_roll(_story(content, meta, fmt, st, roll_frame_width(paper), a4=False), paper, meta, content.title)
        pages = 1
    width = 48 if paper == "a4" else roll_chars(paper)
    return RenderedDocument(
        kind=kind,
        name=f"{kind}-{content.number}",
        pdf=pdf,
        paper=paper,
        pages=pages,
        text_lines=text_lines(content, meta, fmt, width),
    )


def _story(content: ReceiptContent, meta: DocumentMeta, fmt: Fmt, st: Styles, width: float, a4: bool) -> list[Flowable]:
    b = meta.branding
    story: list[Flowable] = []
    if not a4:
        story += [
            para(esc(b.name), st.brand_center),
            para(esc(" · ".join(part for part in (b.tax_id, b.phone) if part)), st.small_center),
            rule(0.8),
        ]
    story += [para(esc(content.title.upper()), st.title_center), Spacer(1, 1 * mm)]
    number = Table(
        [[para(esc(content.number_label), st.small_center)], [para(esc(content.number), st.big_center)]],
        colWidths=[min(width, 90 * mm)],
    )
    number.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.4, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 2.5 * mm),
            ]
        )
    )
    story += [number, Spacer(1, 2 * mm)]
    rows = [[para(esc(label), st.label), para(esc(value), st.bold)] for label, value in content.fields]
    label_w = width * (0.32 if a4 else 0.38)
    table = Table(rows, colWidths=[label_w, width - label_w])
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, LIGHT),
            ]
        )
    )
    story.append(table)
    for note in content.notes:
        story += [Spacer(1, 1.5 * mm), para(f"<b>!</b> {esc(note)}", st.body)]
    story += [
        rule(),
        para(esc(fmt.t("next_steps")), st.bold),
        para(esc(content.next_steps), st.body),
        Spacer(1, 2 * mm),
        para(esc(fmt.t("keep")), st.bold_center),
    ]
    if not a4:
        story += [rule(), para(esc(fmt.t("printed_by", when=fmt.printed, kiosk=meta.kiosk_id)), st.small_center)]
    return story


def text_lines(content: ReceiptContent, meta: DocumentMeta, fmt: Fmt, width: int) -> tuple[str, ...]:
    """The receipt as plain lines of at most `width` characters, as an ESC/POS printer prints them."""
    lines: list[str] = []

    def wrap(text: str, indent: str = "") -> None:
        lines.extend(textwrap.wrap(text, width, subsequent_indent=indent) or [""])

    def center(text: str) -> None:
        lines.extend(line.center(width).rstrip() for line in textwrap.wrap(text, width))

    b = meta.branding
    center(b.short_name)
    center(" · ".join(part for part in (b.tax_id, b.phone) if part))
    lines.append("-" * width)
    center(content.title.upper())
    center(content.number_label)
    center(content.number)
    lines.append("-" * width)
    for label, value in content.fields:
        wrap(f"{label}: {value}", "  ")
    for note in content.notes:
        wrap(f"! {note}", "  ")
    lines.append("-" * width)
    wrap(fmt.t("next_steps"))
    wrap(content.next_steps)
    lines.append("")
    center(fmt.t("keep"))
    center(fmt.t("printed_by", when=fmt.printed, kiosk=meta.kiosk_id))
    return tuple(lines)

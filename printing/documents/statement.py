"""Account statement on A4: every movement with its running balance, over as many pages as it takes.

Column headers repeat on every page and every page says "Página x de y", so a customer who hands in page 3 of
5 at the counter is understood. The page total is only known at the end, so the canvas keeps each page's
state and stamps the numbers when the document is saved (two passes over the pages, one over the story).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Spacer, Table, TableStyle

from kiosk.domain.branding import DocumentMeta
from kiosk.domain.money import Money
from kiosk.domain.statement import Statement
from printing.document import RenderedDocument
from printing.documents._base import (
    A4_MARGIN,
    GREY,
    LIGHT,
    Fmt,
    Styles,
    a4_frame_width,
    build_a4,
    draw_band,
    draw_footer,
    esc,
    hex_color,
    para,
    tint,
)
from printing.fonts import REGULAR
from printing.i18n import entry_kind, t


def _numbered_canvas(language: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Defers each page until the end, then writes "page x of y" on all of them."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self.setFont(REGULAR, 7.5)
                self.setFillColor(GREY)
                self.drawRightString(
                    A4[0] - A4_MARGIN,
                    8 * mm,
                    t("page_x_of_y", language, page=self._pageNumber, pages=total),
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def render_statement(statement: Statement, meta: DocumentMeta) -> RenderedDocument:
    """The statement as PDF bytes, A4, as many pages as the movements need."""
    fmt = Fmt(meta)
    st = Styles(primary=meta.branding.primary_color)
    title = fmt.t("statement")
    width = a4_frame_width()
    cur = statement.currency
    primary = meta.branding.primary_color

    debit, credit = statement.total_debit, statement.total_credit

    def fact(label: str, value: str) -> list[Flowable]:
        return [para(esc(label), st.label), para(esc(value), st.value)]

    period = fmt.t("statement_period", start=fmt.date(statement.from_date), end=fmt.date(statement.to_date))
    summary = Table(
        [
            [
                fact(fmt.t("holder"), statement.holder_masked),
                fact(fmt.t("account"), str(statement.account_id)),
                fact(fmt.t("period"), period),
            ],
            [
                fact(entry_kind("opening_balance", fmt.language), fmt.money(Money(statement.opening_balance, cur))),
                fact(f"{fmt.t('debit')} / {fmt.t('credit')}", f"{fmt.cash(debit, cur)} / {fmt.cash(credit, cur)}"),
                fact(fmt.t("closing_balance"), fmt.money(Money(statement.closing_balance, cur))),
            ],
        ],
        colWidths=[width * 0.3, width * 0.3, width * 0.4],
    )
    summary.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("BACKGROUND", (0, 1), (-1, 1), tint(primary, 0.9)),
                ("LINEBEFORE", (0, 1), (0, 1), 3, hex_color(primary)),
                ("TOPPADDING", (0, 1), (-1, 1), 2 * mm),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 2 * mm),
            ]
        )
    )

    heads = [
        ("date", False),
        ("type", False),
        ("description", False),
        ("reference", False),
        ("debit", True),
        ("credit", True),
        ("balance", True),
    ]
    header = [para(esc(fmt.t(key)), st.head_right if right else st.head) for key, right in heads]
    rows: list[list[object]] = [header]
    rows.append(
        [
            "",
            "",
            para(esc(entry_kind("opening_balance", fmt.language)), st.bold),
            "",
            "",
            "",
            para(fmt.amount(statement.opening_balance, cur), st.bold_right),
        ]
    )
    for e in statement.entries:
        rows.append(
            [
                para(esc(fmt.short_date(e.on)), st.body),
                para(esc(entry_kind(e.kind, fmt.language)), st.body),
                para(esc(e.description), st.body),
                para(esc(e.reference), st.body),
                para(fmt.amount(e.debit, cur) if e.debit else "", st.right),
                para(fmt.amount(e.credit, cur) if e.credit else "", st.right),
                para(fmt.amount(e.balance, cur), st.right),
            ]
        )
    if not statement.entries:
        rows.append(["", "", para(esc(fmt.t("no_movements")), st.body), "", "", "", ""])
    rows.append(
        [
            "",
            "",
            para(esc(fmt.t("totals")), st.bold),
            "",
            para(fmt.amount(debit, cur), st.bold_right),
            para(fmt.amount(credit, cur), st.bold_right),
            para(fmt.amount(statement.closing_balance, cur), st.bold_right),
        ]
    )
    fractions = (0.12, 0.11, 0.25, 0.16, 0.12, 0.12, 0.12)
    table = Table(rows, colWidths=[width * f for f in fractions], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), hex_color(primary)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (0, 1), (-1, -2), 0.3, LIGHT),
                ("ROWBACKGROUNDS", (0, 1), (-1, -2), [None, tint("#5F6368", 0.96)]),
                ("LINEABOVE", (0, -1), (-1, -1), 1.0, hex_color(primary)),
                ("BACKGROUND", (0, -1), (-1, -1), tint(primary, 0.9)),
            ]
        )
    )
    note = para(esc(f"{fmt.t('amount')}: {cur}"), st.small)

    def on_page(canv: Canvas, doc: BaseDocTemplate) -> None:
        draw_band(canv, meta, title.upper())
        draw_footer(canv, f"{fmt.t('printed_by', when=fmt.printed, kiosk=meta.kiosk_id)} · {meta.branding.short_name}")

    story: list[Flowable] = [summary, Spacer(1, 4 * mm), note, Spacer(1, 1 * mm), table]
    pdf, pages = build_a4(story, meta, title, on_page, canvasmaker=_numbered_canvas(meta.language))
    return RenderedDocument(
        kind="statement",
        name=f"statement-{statement.account_id}-{statement.to_date:%Y%m%d}",
        pdf=pdf,
        paper="a4",
        pages=pages,
    )

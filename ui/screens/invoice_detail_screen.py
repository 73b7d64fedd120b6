"""One invoice in full: amounts and due dates, its lines, the meter readings and the consumption history.

From here the customer prints a duplicate, or a payment slip for this invoice alone when it is still open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain import InvoiceDetail, InvoiceStatus, InvoiceSummary, PaymentSlip
from kiosk.formatting import format_amount, format_consumption, format_number
from ui.screens.base import TourStep, register
from ui.screens.customer_base import CustomerScreen
from ui.widgets.banner import Notice
from ui.widgets.buttons import big_button
from ui.widgets.consumption_chart import ConsumptionChart
from ui.widgets.invoice_list import STATUS_LEVEL
from ui.widgets.panels import Badge, DataTable, KeyValueGrid, card, label


@register("invoice_detail")
class InvoiceDetailScreen(CustomerScreen):
    """Summary, lines, readings, chart; duplicate and payment slip."""

    def build_pages(self) -> None:
        self.detail: InvoiceDetail | None = None
        page = QWidget(self)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(16)
        self.notice = Notice(page, "error", name="detail_notice")
        outer.addWidget(self.notice)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(20)
        left, lbox = card(page, "detail_summary")
        head = QHBoxLayout()
        self.amount = label("", "big", left)
        self.amount.setObjectName("detail_amount")
        self.badge = Badge(left)
        head.addWidget(self.amount, 1)
        head.addWidget(self.badge)
        lbox.addLayout(head)
        self.summary = KeyValueGrid(left)
        lbox.addWidget(self.summary)
        self.lines = DataTable(left, columns=2, numeric=(1,))
        self.lines.setObjectName("detail_lines")
        lbox.addWidget(self.lines, 1)
        right, rbox = card(page, "detail_readings")
        self.readings_title = label("", "subtitle", right)
        self.readings = KeyValueGrid(right)
        self.chart = ConsumptionChart(right)
        self.chart.setMinimumSize(420, 300)
        rbox.addWidget(self.readings_title)
        rbox.addWidget(self.readings)
        rbox.addWidget(self.chart, 1)
        self.right = right
        self.columns.addWidget(left, 1)
        self.columns.addWidget(right, 1)
        outer.addLayout(self.columns, 1)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        self.duplicate = big_button("", page, self.on_duplicate, min_height=80, name="print_duplicate")
        self.slip = big_button("", page, self.on_slip, kind="secondary", min_height=80, name="detail_slip")
        actions.addWidget(self.duplicate)
        actions.addWidget(self.slip)
        outer.addLayout(actions)
        self.add_page("detail", page)
        self.show_page("detail")

    def relayout_pages(self, portrait: bool) -> None:
        self.columns.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)

    def retranslate(self) -> None:
        self.set_title(self.tr("Detalle de la factura"))
        self.duplicate.setText(self.tr("Imprimir duplicado"))
        self.slip.setText(self.tr("Cupón de pago de esta factura"))
        self.readings_title.setText(self.tr("Lecturas y consumo"))
        self.lines.set_headers([self.tr("Concepto"), self.tr("Importe")])
        if self.detail is not None:
            self.on_detail(self.detail)

    def on_enter(self, args: dict[str, Any]) -> None:
        session = self.customer()
        invoice_id = args.get("invoice_id")
        if args.get("returning") and self.detail is not None:
            return
        if session is None:
            return
        self.clear()
        if invoice_id is None:  # no invoice named: the latest one (the tour, a "last invoice" shortcut)
            self.run(self.services.account.invoices, session, None, on_done=self.on_latest, on_error=self.on_error)
            return
        self.run(
            self.services.account.invoice_detail,
            session,
            int(invoice_id),
            on_done=self.on_detail,
            on_error=self.on_error,
        )

    def on_latest(self, invoices: list[InvoiceSummary]) -> None:
        session = self.customer()
        if not invoices or session is None:
            return
        latest = max(invoices, key=lambda i: (i.issue_date, i.number))
        self.run(
            self.services.account.invoice_detail, session, latest.id, on_done=self.on_detail, on_error=self.on_error
        )

    def on_error(self, exc: BaseException) -> None:
        self.notice.show_message(self.message(exc), "error")

    def on_detail(self, detail: InvoiceDetail) -> None:
        self.detail = detail
        s = detail.summary
        self.set_title(
            self.tr("Factura de %1").replace("%1", self.period(s.period)) + f" · {self.service_name(s.service)}"
        )
        self.amount.setText(self.money(s.total if s.status is InvoiceStatus.PAID else s.owed.amount))
        self.badge.set(self.status_word(s.status), STATUS_LEVEL[s.status])
        pairs = [(self.tr("Número"), s.number), (self.tr("Domicilio"), detail.supply_address)]
        if not s.is_open:  # an open invoice shows what it costs today in the issue date's place (same height)
            pairs.append((self.tr("Emitida el"), self.date(s.issue_date)))
        pairs.append((self.tr("1.er vencimiento"), f"{self.date(s.first_due_date)} · {self.money(s.total)}"))
        if s.second_due_date is not None and s.second_total is not None:
            pairs.append((self.tr("2.º vencimiento"), f"{self.date(s.second_due_date)} · {self.money(s.second_total)}"))
        if s.is_open:
            pairs.append((self.tr("A pagar hoy"), f"{self.money(s.owed.amount)} · {self.owed_note(s.owed)}"))
        self.summary.set_pairs(pairs)
        currency = s.total.currency
        loc = self.babel_locale
        rows = []
        for line in detail.lines:
            text = line.description
            if line.quantity is not None and line.unit_price is not None:
                qty = format_number(line.quantity, loc)
                text += f" ({qty} × {format_amount(line.unit_price, currency, loc)})"
            rows.append([text, format_amount(line.amount, currency, self.babel_locale)])
        rows.append([self.tr("Total"), self.money(s.total)])
        self.lines.set_rows(rows, bold_rows=[len(rows) - 1])
        self.slip.setVisible(s.status is not InvoiceStatus.PAID)
        metered = detail.current_reading is not None or bool(detail.history)
        self.right.setVisible(metered)
        if metered:
            reading_pairs = []
            for caption, reading in (
                (self.tr("Lectura anterior"), detail.previous_reading),
                (self.tr("Lectura actual"), detail.current_reading),
            ):
                if reading is not None:
                    kind = self.chart.kind_label(reading.kind)
                    reading_pairs.append(
                        (
                            caption,
                            self.tr("%1 el %2 (%3)")
                            .replace("%1", format_number(reading.value, loc))
                            .replace("%2", self.date(reading.read_on))
                            .replace("%3", kind),
                        )
                    )
            if detail.consumption is not None:
                reading_pairs.append(
                    (self.tr("Consumo"), format_consumption(detail.consumption, detail.unit, self.babel_locale))
                )
            self.readings.set_pairs(reading_pairs)
            self.chart.set_points(detail.history, detail.unit, self.babel_locale)

    def on_duplicate(self) -> None:
        if self.detail is None:
            return
        printing, language, session = self.services.printing, self.language, self.customer()
        invoice_id = self.detail.summary.id
        self.go_print(lambda: printing.duplicate(invoice_id, session, language), self.tr("Duplicado de factura"))

    def on_slip(self) -> None:
        if self.detail is None:
            return
        self.run(
            self.services.payments.slip_for,
            [self.detail.summary],
            self.language,
            on_done=self.on_slip_ready,
            on_error=self.on_error,
        )

    def on_slip_ready(self, slip: PaymentSlip) -> None:
        printing, language = self.services.printing, self.language
        self.go_print(lambda: printing.payment_slip(slip, language), self.tr("Cupón de pago"))

    def clear(self) -> None:
        self.detail = None
        self.amount.clear()
        self.badge.set("", "info")
        self.summary.clear()
        self.lines.clear_rows()
        self.readings.clear()
        self.chart.clear()
        self.notice.clear()
        self.set_title(self.tr("Detalle de la factura"))


def tour_steps() -> list[TourStep]:
    return [TourStep("invoice_detail", "invoice_detail", login=True)]

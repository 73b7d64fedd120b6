"""Invoice found (walk-in): period, amount, due dates, status and masked holder; print duplicate or slip."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout

from kiosk.domain import InvoiceStatus, InvoiceSummary, PaymentSlip, labels
from kiosk.services.api import PrintResult
from ui.screens.base import Screen, TourStep, register
from ui.widgets.banner import Notice
from ui.widgets.buttons import repolish


@register("invoice_found")
class InvoiceFoundScreen(Screen):
    """args: invoice (InvoiceSummary)."""

    def build(self) -> None:
        self.invoice: InvoiceSummary | None = None
        self.card = QFrame(self)
        self.card.setProperty("role", "card")
        self.grid = QGridLayout(self.card)
        self.grid.setContentsMargins(36, 28, 36, 28)
        self.grid.setHorizontalSpacing(40)
        self.grid.setVerticalSpacing(18)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        self.keys = ["amount", "status", "period", "service", "number", "holder", "first_due", "second_due"]
        for key in self.keys:
            cap = self.label(role="field")
            val = self.label(role="big" if key == "amount" else "value")
            val.setObjectName(f"invoice_{key}")
            self.captions[key] = cap
            self.values[key] = val
        self._place(columns=2)
        column = QVBoxLayout()
        column.setSpacing(20)
        column.addWidget(self.card)
        self.notice = Notice(self, "info", name="invoice_notice")
        column.addWidget(self.notice)
        column.addStretch(1)
        self.content.addWidget(self.scroll_column(column), 1)  # large text scrolls, the actions stay put
        actions = QHBoxLayout()
        actions.setSpacing(24)
        self.duplicate_btn = self.button(self.on_duplicate, big=True)
        self.duplicate_btn.setObjectName("print_duplicate")
        self.slip_btn = self.button(self.on_slip, kind="secondary", big=True)
        self.slip_btn.setObjectName("print_slip")
        for b in (self.duplicate_btn, self.slip_btn):
            b.setMinimumHeight(100)
            actions.addWidget(b)
        self.content.addLayout(actions)

    def _place(self, columns: int) -> None:
        for key in self.keys:
            self.grid.removeWidget(self.captions[key])
            self.grid.removeWidget(self.values[key])
        for i, key in enumerate(self.keys):
            row, col = divmod(i, columns)
            self.grid.addWidget(self.captions[key], row * 2, col)
            self.grid.addWidget(self.values[key], row * 2 + 1, col)

    def relayout(self, portrait: bool) -> None:
        """Landscape has room for three columns (and little height); portrait the other way round."""
        self._place(columns=2 if portrait else 3)

    def retranslate(self) -> None:
        self.set_title(self.tr("Su factura"))
        caps = {
            "amount": self.tr("Importe"),
            "status": self.tr("Estado"),
            "period": self.tr("Período"),
            "service": self.tr("Servicio"),
            "number": self.tr("Número de factura"),
            "holder": self.tr("Titular"),
            "first_due": self.tr("Primer vencimiento"),
            "second_due": self.tr("Segundo vencimiento"),
        }
        for key, text in caps.items():
            self.captions[key].setText(text)
        self.duplicate_btn.setText(self.tr("Imprimir duplicado"))
        self.slip_btn.setText(self.tr("Imprimir cupón de pago"))
        self._fill()

    def on_enter(self, args: dict[str, Any]) -> None:
        inv = args.get("invoice")
        if isinstance(inv, InvoiceSummary):
            self.invoice = inv
        self._fill()

    def clear(self) -> None:
        self.invoice = None
        for v in self.values.values():
            v.clear()
        self.notice.clear()

    def _fill(self) -> None:
        inv = self.invoice
        if inv is None:
            return
        v = self.values
        v["amount"].setText(self.money(inv.total if inv.status is InvoiceStatus.PAID else inv.owed.amount))
        v["status"].setText(labels.invoice_status(inv.status, self.language))  # the list's word too
        tone = {InvoiceStatus.OVERDUE: "error", InvoiceStatus.PAID: "ok"}.get(inv.status, "")
        if v["status"].property("tone") != tone:
            v["status"].setProperty("tone", tone)
            repolish(v["status"])
        v["period"].setText(self.period(inv.period).capitalize())
        v["service"].setText(labels.service(inv.service, self.language))
        v["number"].setText(inv.number)
        v["holder"].setText(inv.holder_masked)
        v["first_due"].setText(self.date(inv.first_due_date, "long"))
        if inv.second_due_date is not None:
            second = self.date(inv.second_due_date, "long")
            if inv.second_total is not None:
                second += "\n" + self.money(inv.second_total)  # the amount never splits from its symbol
            v["second_due"].setText(second)
        else:
            v["second_due"].setText("—")
        paid = inv.status is InvoiceStatus.PAID
        self.slip_btn.setVisible(inv.owed.payable)  # paid, or late where only the counter takes it: no slip
        if paid:
            self.notice.show_message(self.tr("Esta factura ya está pagada. Puede imprimir un duplicado."), "ok")
        elif inv.owed.at_counter:
            self.notice.show_message(
                self.tr("Esta factura pasó su último vencimiento: se paga en la oficina comercial. "
                        "Puede imprimir un duplicado."), "warning")
        elif inv.status is InvoiceStatus.OVERDUE:
            self.notice.show_message(self.tr("Esta factura está vencida.") + " " + self.owed_note(inv.owed) + ".",
                                     "warning")
        else:
            self.notice.show_message(self.owed_note(inv.owed) + ".", "info")

    def on_duplicate(self) -> None:
        inv = self.invoice
        if inv is None:
            return
        printing, lang = self.services.printing, self.language
        self.go("printing", job=lambda: printing.duplicate(inv.id, None, lang),
                what=lambda: self.tr("Duplicado de factura"))

    def on_slip(self) -> None:
        inv = self.invoice
        if inv is None:
            return
        services, lang = self.services, self.language

        def job() -> PrintResult:
            slip: PaymentSlip = services.payments.slip_for([inv], lang)
            return services.printing.payment_slip(slip, lang)

        self.go("printing", job=job, what=lambda: self.tr("Cupón de pago"))


def _with_invoice(status: InvoiceStatus) -> Any:
    def setup(screen: InvoiceFoundScreen) -> None:
        from ui.screens.tour_samples import sample_invoice

        screen.invoice = sample_invoice(screen, status)  # a real invoice of that status, dates and all
        screen._fill()

    return setup


def tour_steps() -> list[TourStep]:
    return [
        TourStep("invoice_found", "invoice_found", setup=_with_invoice(InvoiceStatus.PENDING)),
        TourStep("invoice_found_overdue", "invoice_found", setup=_with_invoice(InvoiceStatus.OVERDUE)),
        TourStep("invoice_found_paid", "invoice_found", setup=_with_invoice(InvoiceStatus.PAID)),
    ]

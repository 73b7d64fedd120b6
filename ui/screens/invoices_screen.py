"""Mis facturas: what the customer owes, filtered, selected and paid with one payment slip.

Filters: everything to pay (default), overdue, not yet due, paid. Tapping an open invoice selects it and the
running total of the selection stays in view at the bottom; "Imprimir cupón de pago" asks the payment
service for one slip for all of them and hands it to the printing screen. "Detalle" opens the invoice.
The selection belongs to what is on screen: another filter or a new visit starts with none (only coming
back from the detail or the printer keeps it), and "Pagadas" has no selection bar at all.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.domain import InvoiceStatus, InvoiceSummary, Money, PaymentSlip
from kiosk.domain.dues import DueStage
from ui.screens.base import TourStep, register
from ui.screens.customer_base import CustomerScreen, HomeTile
from ui.widgets.banner import Notice
from ui.widgets.buttons import big_button
from ui.widgets.invoice_list import STATUS_LEVEL, InvoiceList
from ui.widgets.panels import card, label

FILTERS = ("open", "overdue", "pending", "paid")


@register("invoices")
class InvoicesScreen(CustomerScreen):
    """Invoice list with filters, multi-select, running total and the payment slip."""

    home_tile = HomeTile(
        "invoice",
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Mis facturas")),
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Ver facturas e imprimir cupón de pago o duplicado")),
        10,
    )

    def build_pages(self) -> None:
        self.invoices: list[InvoiceSummary] = []
        self.filter = "open"
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(16)
        filters = QHBoxLayout()
        filters.setSpacing(12)
        self.filter_buttons: dict[str, QPushButton] = {}
        for key in FILTERS:
            btn = big_button(
                "", page, partial(self.on_filter, key), kind="secondary", min_height=72, name=f"filter_{key}"
            )
            btn.setCheckable(True)
            filters.addWidget(btn)
            self.filter_buttons[key] = btn
        box.addLayout(filters)
        self.notice = Notice(page, "error", name="invoices_notice")
        box.addWidget(self.notice)
        self.list = InvoiceList(page)
        self.list.selection_changed.connect(self.on_selection_changed)
        self.list.detail_requested.connect(self.on_detail)
        box.addWidget(self.list, 1)
        bar, bbox = card(page, "selection_bar")
        row = QHBoxLayout()
        row.setSpacing(16)
        texts = QVBoxLayout()
        self.sel_caption = label("", "field", bar)
        self.sel_total = label("", "big", bar)
        self.sel_total.setObjectName("selection_total")
        texts.addWidget(self.sel_caption)
        texts.addWidget(self.sel_total)
        row.addLayout(texts, 1)
        self.select_all = big_button("", bar, self.on_select_all, kind="secondary", min_height=80, name="select_all")
        self.pay = big_button("", bar, self.on_pay, min_height=80, name="print_slip")
        row.addWidget(self.select_all)
        row.addWidget(self.pay, 1)
        bbox.addLayout(row)
        self.bar_row = row
        box.addWidget(bar)
        self.selection_bar = bar
        self.add_page("list", page)
        self.show_page("list")
        self._mark_filter()
        self.on_selection_changed()

    def relayout_pages(self, portrait: bool) -> None:
        self.bar_row.setDirection(QHBoxLayout.Direction.TopToBottom if portrait else QHBoxLayout.Direction.LeftToRight)

    def retranslate(self) -> None:
        self.set_title(self.tr("Mis facturas"))
        self.filter_buttons["open"].setText(self.tr("A pagar"))
        self.filter_buttons["overdue"].setText(self.tr("Vencidas"))
        self.filter_buttons["pending"].setText(self.tr("Por vencer"))
        self.filter_buttons["paid"].setText(self.tr("Pagadas"))
        self.select_all.setText(self.tr("Seleccionar todas"))
        self.pay.setText(self.tr("Imprimir cupón de pago"))
        self._fill()
        self.on_selection_changed()

    # -- data -----------------------------------------------------------------------------------------------

    def on_enter(self, args: dict[str, Any]) -> None:
        if args.get("returning") and self.invoices:
            return  # back from the detail or the printer: keep filter, list and selection
        wanted = str(args.get("status") or "")
        self.filter = wanted if wanted in FILTERS else "open"
        self._mark_filter()
        self.list.clear_selection()  # a new visit starts with nothing selected
        session = self.customer()
        if session is None:
            return
        self.notice.clear()
        self.run(self.services.account.invoices, session, None, on_done=self.on_invoices, on_error=self.on_load_error)

    def on_invoices(self, invoices: list[InvoiceSummary]) -> None:
        self.invoices = list(invoices)
        self._fill()

    def on_load_error(self, exc: BaseException) -> None:
        self.notice.show_message(self.message(exc), "error")

    def visible(self) -> list[InvoiceSummary]:
        if self.filter == "open":
            shown = [i for i in self.invoices if i.is_open]
        else:
            shown = [i for i in self.invoices if i.status is InvoiceStatus(self.filter)]
        # Overdue first, then by due date: what matters most is on top.
        return sorted(shown, key=lambda i: (i.status is not InvoiceStatus.OVERDUE, i.first_due_date, i.number))

    def _fill(self) -> None:
        empty = {
            "open": self.tr("No tiene facturas para pagar. ¡Gracias!"),
            "overdue": self.tr("No tiene facturas vencidas."),
            "pending": self.tr("No tiene facturas por vencer."),
            "paid": self.tr("No hay facturas pagadas para mostrar."),
        }[self.filter]
        self.list.set_invoices(self.visible(), self.describe, self.tr("Detalle"), empty)
        self.select_all.setVisible(self.filter != "paid")
        self.selection_bar.setVisible(self.filter != "paid")  # paid invoices are not selected for a slip

    def describe(self, inv: InvoiceSummary) -> tuple[str, str, str, str, str]:
        title = f"{self.period(inv.period).capitalize()} · {self.service_name(inv.service)}"
        sub = self.tr("Factura %1").replace("%1", inv.number)
        if inv.status is InvoiceStatus.PENDING:
            sub += " · " + self.tr("Vence el %1").replace("%1", self.date(inv.first_due_date))
        else:  # the first due date is behind: past tense
            sub += " · " + self.tr("Venció el %1").replace("%1", self.date(inv.first_due_date))
        if inv.status is not InvoiceStatus.PAID:
            if inv.owed.stage is DueStage.FIRST and inv.second_due_date is not None and inv.second_total is not None:
                sub += "\n" + self.tr("2.º vencimiento %1: %2").replace("%1", self.date(inv.second_due_date)).replace(
                    "%2", self.money(inv.second_total)
                )
            else:
                sub += "\n" + self.owed_note(inv.owed)
        # An open invoice shows what it costs today (the amount its payment slip will carry).
        amount = inv.total if inv.status is InvoiceStatus.PAID else inv.owed.amount
        return title, sub, self.money(amount), self.status_word(inv.status), STATUS_LEVEL[inv.status]

    # -- filters and selection ------------------------------------------------------------------------------

    def _mark_filter(self) -> None:
        for key, btn in self.filter_buttons.items():
            btn.setChecked(key == self.filter)

    def on_filter(self, key: str) -> None:
        """Another filter starts with nothing selected: a slip never carries invoices the customer cannot see."""
        if key != self.filter:
            self.list.clear_selection()
        self.filter = key
        self._mark_filter()
        self._fill()

    def on_select_all(self) -> None:
        self.list.select_all_visible()

    def selection_total(self) -> Money | None:
        selected = self.list.selected()
        if not selected:
            return None
        total = Money.zero(selected[0].total.currency)
        for inv in selected:
            total = total + inv.owed.amount
        return total

    def on_selection_changed(self) -> None:
        selected = self.list.selected()
        total = self.selection_total()
        if total is None:
            self.sel_caption.setText(self.tr("Toque las facturas que quiere pagar"))
            self.sel_total.setText("—")
        else:
            if len(selected) == 1:
                caption = self.tr("1 factura seleccionada, total:")
            else:
                caption = self.tr("%1 facturas seleccionadas, total:").replace("%1", str(len(selected)))
            self.sel_caption.setText(caption)
            self.sel_total.setText(self.money(total))
        self.pay.setEnabled(bool(selected))

    # -- actions --------------------------------------------------------------------------------------------

    def on_detail(self, invoice_id: int) -> None:
        self.go("invoice_detail", invoice_id=invoice_id)

    def on_pay(self) -> None:
        selected = self.list.selected()
        if not selected:
            return
        self.notice.clear()
        self.pay.setEnabled(False)  # one slip per tap, even on a double tap
        self.run(
            self.services.payments.slip_for, selected, self.language, on_done=self.on_slip, on_error=self.on_pay_error
        )

    def on_pay_error(self, exc: BaseException) -> None:
        self.on_selection_changed()
        self.notice.show_message(self.message(exc), "error")

    def on_slip(self, slip: PaymentSlip) -> None:
        self.on_selection_changed()
        printing, language = self.services.printing, self.language
        self.go_print(lambda: printing.payment_slip(slip, language), self.tr("Cupón de pago"))

    def clear(self) -> None:
        self.invoices = []
        self.filter = "open"
        self._mark_filter()
        self.list.clear()
        self.notice.clear()
        self.on_selection_changed()


def _select_two(screen: InvoicesScreen) -> None:
    for row in screen.list.rows()[:2]:
        if row.selectable:
            row.on_check()


def tour_steps() -> list[TourStep]:
    return [
        TourStep("invoices", "invoices", login=True),
        TourStep("invoices_selected", "invoices", login=True, setup=_select_two),
        TourStep("invoices_paid", "invoices", {"status": "paid"}, login=True),
        TourStep("invoices_large_text", "invoices", login=True, setup=_select_two,
                 window_setup=lambda w: w.on_toggle_large_text()),
    ]

"""Acuerdos de pago: the account's payment agreements, each with its instalments paid and pending.

Per agreement a card: when it was made, the total, how many instalments are paid, what is left and the next
due date; under it the instalments, each marked paid (with the date) or pending (overdue ones stand out).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain import Money, PaymentAgreement
from ui.screens.base import TourStep, register
from ui.screens.customer_base import CustomerScreen, HomeTile
from ui.widgets.banner import Notice
from ui.widgets.panels import Badge, DataTable, KeyValueGrid, ScrollList, card, label


@register("agreements")
class AgreementsScreen(CustomerScreen):
    """Agreements and their instalments."""

    home_tile = HomeTile(
        "agreement",
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Acuerdos de pago")),
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Cuotas pagadas y pendientes")),
        70,
    )

    def build_pages(self) -> None:
        self.agreements: list[PaymentAgreement] = []
        self.today = date.today()
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(16)
        self.notice = Notice(page, "info", name="agreements_notice")
        box.addWidget(self.notice)
        self.cards = ScrollList(page)
        self.cards.setObjectName("agreements_list")
        box.addWidget(self.cards, 1)
        self.add_page("list", page)
        self.show_page("list")

    def retranslate(self) -> None:
        self.set_title(self.tr("Acuerdos de pago"))
        if self.agreements:
            self.on_agreements(self.agreements)

    def on_enter(self, args: dict[str, Any]) -> None:
        if args.get("returning") and self.agreements:
            return
        self.clear()
        session = self.customer()
        if session is None:
            return
        self.today = date.today()
        self.run(self.services.account.agreements, session, on_done=self.on_agreements, on_error=self.on_error)

    def on_error(self, exc: BaseException) -> None:
        self.notice.show_message(self.message(exc), "error")

    def agreement_status(self, status: str) -> tuple[str, str]:
        return {
            "active": (self.tr("Vigente"), "info"),
            "completed": (self.tr("Cancelado (pagado)"), "ok"),
            "cancelled": (self.tr("Anulado"), "warning"),
        }.get(status, (status, "info"))

    def on_agreements(self, agreements: list[PaymentAgreement]) -> None:
        self.agreements = list(agreements)
        self.cards.clear_rows()
        if not agreements:
            self.notice.show_message(self.tr("No tiene acuerdos de pago."), "info")
            return
        self.notice.clear()
        for agreement in sorted(agreements, key=lambda a: a.created_on, reverse=True):
            self.cards.add_row(self._card(agreement))

    def _card(self, a: PaymentAgreement) -> QWidget:
        frame, box = card(self.cards.widget(), f"agreement_{a.id}")
        heading = label(self.tr("Acuerdo del %1").replace("%1", self.date(a.created_on, "long")), "subtitle", frame)
        badge = Badge(frame)
        badge.set(*self.agreement_status(a.status))
        box.addWidget(heading)
        box.addWidget(badge)
        paid = [i for i in a.instalments if i.paid]
        pending = [i for i in a.instalments if not i.paid]
        left = Money.zero(a.total.currency)
        for i in pending:
            left = left + i.amount
        pairs = [
            (self.tr("Total del acuerdo"), self.money(a.total)),
            (
                self.tr("Cuotas pagadas"),
                self.tr("%1 de %2").replace("%1", str(len(paid))).replace("%2", str(len(a.instalments))),
            ),
            (self.tr("Falta pagar"), self.money(left)),
        ]
        if pending:
            nxt = min(pending, key=lambda i: i.due_date)
            pairs.append((self.tr("Próxima cuota"), f"{self.date(nxt.due_date)} · {self.money(nxt.amount)}"))
        grid = KeyValueGrid(frame)
        grid.set_pairs(pairs)
        box.addWidget(grid)
        table = DataTable(frame, columns=4, numeric=(2,))
        table.setObjectName(f"instalments_{a.id}")
        table.set_headers([self.tr("Cuota"), self.tr("Vence"), self.tr("Importe"), self.tr("Estado")])
        rows = []
        for i in a.instalments:
            if i.paid_on is not None:
                state = self.tr("Pagada el %1").replace("%1", self.date(i.paid_on))
            elif i.due_date < self.today:
                state = self.tr("Vencida, sin pagar")
            else:
                state = self.tr("Pendiente")
            rows.append(
                [self.tr("Cuota %1").replace("%1", str(i.number)), self.date(i.due_date), self.money(i.amount), state]
            )
        table.set_rows(rows, bold_rows=[r for r, i in enumerate(a.instalments) if not i.paid][:1])
        table.setMinimumHeight(60 + 52 * min(len(rows), 8))
        box.addWidget(table)
        return frame

    def clear(self) -> None:
        self.agreements = []
        self.cards.clear_rows()
        self.notice.clear()


def tour_steps() -> list[TourStep]:
    return [TourStep("agreements", "agreements", login=True)]

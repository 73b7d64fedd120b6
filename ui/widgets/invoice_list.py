"""The customer's invoices as big rows: tap a row to select it for one payment slip, "Detalle" to open it.

Open invoices (pending, overdue) can be selected; paid ones only show their detail. The selection is kept
by invoice id, so refilling the same rows (a language switch, a return from the detail) keeps it; a screen
that shows other rows clears it first (clear_selection), so nothing selected is ever out of sight.

Signals:
    selection_changed(): the set of selected invoices changed.
    detail_requested(int): the customer tapped "Detalle" on the invoice with that id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.domain import InvoiceStatus, InvoiceSummary
from ui.widgets.buttons import big_button, icon_button, repolish
from ui.widgets.panels import Badge, ScrollList, label


class InvoiceRow(QFrame):
    """One invoice: check mark, period and service, due date, amount, status, detail button."""

    toggled = Signal()

    def __init__(self, invoice: InvoiceSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.invoice = invoice
        self.selectable = invoice.owed.payable  # paid, or late where only the counter takes it: not on a slip
        self.selected = False
        self.setProperty("role", "card")
        self.setObjectName(f"invoice_{invoice.id}")
        # A selected row gets a thicker frame (its colour still comes from the theme) besides the check mark.
        self.setStyleSheet('QFrame[selected="true"] { border-width: 5px; }')
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 12, 16, 12)
        row.setSpacing(18)
        self.check = icon_button("", "", self, self.on_check, kind="key", min_height=72, name=f"select_{invoice.id}")
        self.check.setFixedWidth(84)
        self.check.setCheckable(True)
        self.check.setVisible(self.selectable)
        row.addWidget(self.check)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        self.title = label("", "subtitle", self)
        self.sub = label("", "muted", self)
        texts.addWidget(self.title)
        texts.addWidget(self.sub)
        row.addLayout(texts, 1)
        right = QVBoxLayout()
        right.setSpacing(6)
        self.amount = label("", "value", self, wrap=False)
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.badge = Badge(self)
        right.addWidget(self.amount, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignRight)
        row.addLayout(right)
        self.detail = big_button("", self, kind="secondary", min_height=72, name=f"detail_{invoice.id}")
        self.detail.setFixedWidth(150)
        row.addWidget(self.detail)

    def set_selected(self, selected: bool) -> None:
        self.selected = selected and self.selectable
        self.check.setChecked(self.selected)
        self.check.set_icon_name("tick" if self.selected else "")
        self.setProperty("selected", self.selected)
        repolish(self)

    def on_check(self) -> None:
        self.set_selected(not self.selected)
        self.toggled.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """The whole row is a target, not only the check box: fingers are not precise."""
        if self.selectable and event.button() == Qt.MouseButton.LeftButton:
            self.on_check()
        super().mouseReleaseEvent(event)


class InvoiceList(QWidget):
    """Rows of invoices with multi-select; see the module docstring for the signals."""

    selection_changed = Signal()
    detail_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.empty = label("", "subtitle", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        box.addWidget(self.empty)
        self.area = ScrollList(self)
        box.addWidget(self.area, 1)
        self._rows: list[InvoiceRow] = []
        self._selected: dict[int, InvoiceSummary] = {}

    def set_invoices(
        self,
        invoices: Sequence[InvoiceSummary],
        describe: Callable[[InvoiceSummary], tuple[str, str, str, str, str]],
        detail_text: str,
        empty_text: str,
    ) -> None:
        """Show `invoices`; describe(inv) gives (title, subtitle, amount, status word, status level)."""
        self.area.clear_rows()
        self._rows = []
        for inv in invoices:
            row = InvoiceRow(inv, self.area.widget())
            title, sub, amount, status, level = describe(inv)
            row.title.setText(title)
            row.check.setAccessibleName(title)  # the tick is an icon; the invoice it selects is the name
            row.sub.setText(sub)
            row.amount.setText(amount)
            row.badge.set(status, level)
            row.detail.setText(detail_text)
            row.detail.clicked.connect(lambda _c=False, i=inv.id: self.detail_requested.emit(i))
            row.set_selected(inv.id in self._selected)
            row.toggled.connect(lambda r=row: self.on_row_toggled(r))
            self.area.add_row(row)
            self._rows.append(row)
        self.empty.setText(empty_text)
        self.empty.setVisible(not invoices)
        self.area.setVisible(bool(invoices))

    def rows(self) -> list[InvoiceRow]:
        return list(self._rows)

    def row_for(self, invoice_id: int) -> InvoiceRow:
        for row in self._rows:
            if row.invoice.id == invoice_id:
                return row
        raise KeyError(invoice_id)

    def on_row_toggled(self, row: InvoiceRow) -> None:
        if row.selected:
            self._selected[row.invoice.id] = row.invoice
        else:
            self._selected.pop(row.invoice.id, None)
        self.selection_changed.emit()

    def selected(self) -> list[InvoiceSummary]:
        """Selected invoices, oldest first (the order they are printed on the slip)."""
        return sorted(self._selected.values(), key=lambda i: (i.first_due_date, i.number))

    def select_all_visible(self) -> None:
        for row in self._rows:
            if row.selectable and not row.selected:
                row.set_selected(True)
                self._selected[row.invoice.id] = row.invoice
        self.selection_changed.emit()

    def clear_selection(self) -> None:
        self._selected.clear()
        for row in self._rows:
            row.set_selected(False)
        self.selection_changed.emit()

    def clear(self) -> None:
        """Forget every invoice and the selection (logout)."""
        self._selected.clear()
        self._rows = []
        self.area.clear_rows()
        self.empty.clear()

    def check_buttons(self) -> list[QPushButton]:
        return [row.check for row in self._rows]

    def status_labels(self) -> list[QLabel]:
        return [row.badge.text for row in self._rows]


STATUS_LEVEL = {InvoiceStatus.OVERDUE: "error", InvoiceStatus.PENDING: "warning", InvoiceStatus.PAID: "ok"}

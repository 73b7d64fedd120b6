"""Consulta de movimientos: the account statement, every invoice and payment with the running balance.

Amounts are aligned in columns (debit, credit, balance) and the closing balance is repeated in big type above
the table; "Imprimir" prints the same statement.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain import Money, Statement, StatementEntry, labels
from kiosk.formatting import format_amount
from ui.screens.base import TourStep, register
from ui.screens.customer_base import CustomerScreen, HomeTile
from ui.widgets.banner import Notice
from ui.widgets.buttons import big_button
from ui.widgets.panels import DataTable, card, label


@register("statement")
class StatementScreen(CustomerScreen):
    """Movements with running balance, and the printed statement."""

    home_tile = HomeTile(
        "statement",
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Consulta de movimientos")),
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Facturas y pagos; imprimir el estado de cuenta")),
        60,
    )

    def build_pages(self) -> None:
        self.statement: Statement | None = None
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(16)
        head, hbox = card(page, "statement_head")
        row = QHBoxLayout()
        texts = QVBoxLayout()
        self.balance_caption = label("", "field", head)
        self.balance = label("", "big", head)
        self.balance.setObjectName("statement_balance")
        self.range = label("", "muted", head)
        self.sums = label("", "field", head)  # opening + debits - credits = the balance, as on the paper
        self.sums.setObjectName("statement_sums")
        self.sums.setWordWrap(True)
        texts.addWidget(self.balance_caption)
        texts.addWidget(self.balance)
        texts.addWidget(self.sums)
        texts.addWidget(self.range)
        row.addLayout(texts, 1)
        self.print_btn = big_button("", head, self.on_print, min_height=88, name="print_statement")
        row.addWidget(self.print_btn)
        hbox.addLayout(row)
        box.addWidget(head)
        self.notice = Notice(page, "error", name="statement_notice")
        box.addWidget(self.notice)
        self.table = DataTable(page, columns=5, numeric=(2, 3, 4))
        self.table.setObjectName("statement_table")
        box.addWidget(self.table, 1)
        self.add_page("table", page)
        self.show_page("table")

    def retranslate(self) -> None:
        self.set_title(self.tr("Consulta de movimientos"))
        self.balance_caption.setText(self.tr("Saldo actual"))
        self.print_btn.setText(self.tr("Imprimir estado de cuenta"))
        self.table.set_headers(
            [self.tr("Concepto"), self.tr("Fecha"), self.tr("Debe"), self.tr("Haber"), self.tr("Saldo")]
        )
        if self.statement is not None:
            self.on_statement(self.statement)

    def on_enter(self, args: dict[str, Any]) -> None:
        if args.get("returning") and self.statement is not None:
            return
        self.clear()
        session = self.customer()
        if session is None:
            return
        self.run(self.services.account.statement, session, on_done=self.on_statement, on_error=self.on_error)

    def on_error(self, exc: BaseException) -> None:
        self.notice.show_message(self.message(exc), "error")

    def _amount(self, value: Decimal, currency: str) -> str:
        return format_amount(value, currency, self.babel_locale) if value else ""

    def _balance(self, value: Decimal, currency: str) -> str:
        text = format_amount(value, currency, self.babel_locale)
        return f"-{text}" if value < 0 else text

    def concept(self, e: StatementEntry) -> str:
        """ "Factura octubre 2026 · 0021-00168311", "Pago · Red Link": what the movement is, in words."""
        desc = re.sub(r"\b(\d{4}-\d{2})\b", lambda m: self.period(m.group(1)), e.description)
        word = labels.statement(e.kind, self.language)
        if e.kind == "invoice":
            text = desc if desc.lower().startswith("factura") else f"{word} {desc}"
        elif e.kind in labels.STATEMENT:  # the words of the printed statement (kiosk.domain.labels)
            text = f"{word} · {desc}"
        else:
            text = desc
        return text + (f" · {e.reference}" if e.reference else "")

    def on_statement(self, statement: Statement) -> None:
        self.statement = statement
        cur = statement.currency
        self.balance.setText(self.money(Money(statement.closing_balance, cur)))
        self.sums.setText(
            self.tr("%1 %2 · Debe %3 · Haber %4")
            .replace("%1", labels.statement("opening_balance", self.language))
            .replace("%2", self._balance(statement.opening_balance, cur))
            .replace("%3", format_amount(statement.total_debit, cur, self.babel_locale))
            .replace("%4", format_amount(statement.total_credit, cur, self.babel_locale))
        )
        self.range.setText(
            self.tr("Del %1 al %2")
            .replace("%1", self.date(statement.from_date))
            .replace("%2", self.date(statement.to_date))
        )
        # Newest first: the customer looks for the last payment, not the first; the opening balance closes it.
        rows = [
            [
                self.concept(e),
                self.date(e.on),
                self._amount(e.debit, cur),
                self._amount(e.credit, cur),
                self._balance(e.balance, cur),
            ]
            for e in reversed(statement.entries)
        ]
        rows.append(
            [
                labels.statement("opening_balance", self.language),
                self.date(statement.from_date),
                "",
                "",
                self._balance(statement.opening_balance, cur),
            ]
        )
        self.table.set_rows(rows, bold_rows=[0] if statement.entries else [])
        self.print_btn.setEnabled(True)

    def on_print(self) -> None:
        session, printing, language = self.customer(), self.services.printing, self.language
        if session is None:
            return
        self.go_print(lambda: printing.statement(session, language), self.tr("Estado de cuenta"))

    def clear(self) -> None:
        self.statement = None
        self.table.clear_rows()
        self.balance.clear()
        self.sums.clear()
        self.range.clear()
        self.notice.clear()
        self.print_btn.setEnabled(False)


def tour_steps() -> list[TourStep]:
    return [TourStep("statement", "statement", login=True)]

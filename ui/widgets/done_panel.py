"""The last page of a claim, reading or request: a big check mark, the number to keep, and the receipt.

The receipt prints by itself (the screen starts it); this panel tells how that went and offers to print it
again when the printer failed, so the number is never lost: it stays on screen whatever the printer does.

Signals:
    reprint_requested(): the customer tapped "Imprimir de nuevo".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.widgets.banner import Notice
from ui.widgets.buttons import big_button
from ui.widgets.panels import KeyValueGrid, card, label
from ui.widgets.themed_icon import IconLabel


class DonePanel(QWidget):
    """Heading, number, details and the printing state of the receipt."""

    reprint_requested = Signal()

    def __init__(self, parent: QWidget | None = None, name: str = "done") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(16)
        self.heading = label("", "title", self)
        self.check = IconLabel("check", self)
        self.check.setProperty("role", "title")
        self.check.setProperty("tone", "ok")
        self.check.hide()
        heading_row = QHBoxLayout()
        heading_row.setSpacing(16)
        heading_row.addWidget(self.check, 0, Qt.AlignmentFlag.AlignVCenter)
        heading_row.addWidget(self.heading, 1)
        self.notice = Notice(self, "ok", name=f"{name}_notice")
        frame, inner = card(self)
        self.number_caption = label("", "field", frame)
        self.number = label("", "big", frame)
        self.number.setObjectName(f"{name}_number")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.details = KeyValueGrid(frame)
        inner.addWidget(self.number_caption)
        inner.addWidget(self.number)
        inner.addWidget(self.details)
        self.print_state = Notice(self, "info", name=f"{name}_print_state")
        self.reprint = big_button(
            "", self, self.reprint_requested.emit, kind="secondary", min_height=72, name=f"{name}_reprint"
        )
        self.reprint.hide()
        box.addLayout(heading_row)
        box.addWidget(self.notice)
        box.addWidget(frame)
        box.addWidget(self.print_state)
        box.addWidget(self.reprint)
        box.addStretch(1)

    def show_result(
        self,
        heading: str,
        caption: str,
        number: str,
        details: Sequence[tuple[str, str]],
        notice: str = "",
        notice_level: str = "ok",
    ) -> None:
        self.heading.setText(heading)
        self.check.show()
        self.number_caption.setText(caption)
        self.number.setText(number)
        self.details.set_pairs(details)
        self.notice.show_message(notice, notice_level)

    def set_printing(self, text: str) -> None:
        self.print_state.show_message(text, "info")
        self.reprint.hide()

    def set_printed(self, text: str) -> None:
        self.print_state.show_message(text, "ok")
        self.reprint.hide()

    def set_print_failed(self, text: str, reprint_text: str) -> None:
        self.print_state.show_message(text, "error")
        self.reprint.setText(reprint_text)
        self.reprint.show()

    def clear(self) -> None:
        self.heading.clear()
        self.check.hide()
        self.number_caption.clear()
        self.number.clear()
        self.details.clear()
        self.notice.clear()
        self.print_state.clear()
        self.reprint.hide()


class ReviewPanel(QWidget):
    """ "Revise sus datos": every answer before sending, with Send. The way back to change an answer is the
    window's "Volver" (the screen's step_back goes to the last question), so "Corregir" stays hidden:
    one way forward, one way back.

    Signals:
        send_requested(): the customer confirmed.
        correct_requested(): the customer wants to change an answer.
    """

    send_requested = Signal()
    correct_requested = Signal()

    def __init__(self, parent: QWidget | None = None, name: str = "review") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(16)
        self.heading = label("", "subtitle", self)
        frame, inner = card(self)
        self.details = KeyValueGrid(frame)
        inner.addWidget(self.details)
        self.error = Notice(self, "error", name=f"{name}_error")
        row = QHBoxLayout()
        row.setSpacing(20)
        self.correct = big_button(
            "", self, self.correct_requested.emit, kind="secondary", min_height=88, name=f"{name}_correct"
        )
        self.send = big_button("", self, self.send_requested.emit, min_height=88, name=f"{name}_send")
        self.correct.hide()
        row.addWidget(self.correct)
        row.addWidget(self.send)
        box.addWidget(self.heading)
        box.addWidget(frame)
        box.addWidget(self.error)
        box.addLayout(row)
        box.addStretch(1)

    def show_review(self, heading: str, pairs: Sequence[tuple[str, str]], send: str, correct: str) -> None:
        self.heading.setText(heading)
        self.details.set_pairs(pairs)
        self.send.setText(send)
        self.correct.setText(correct)
        self.send.setEnabled(True)
        self.error.clear()

    def clear(self) -> None:
        self.heading.clear()
        self.details.clear()
        self.error.clear()

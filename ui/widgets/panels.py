"""Small building blocks of the logged-in screens: cards, status badges, touch-scrolling lists, choice buttons.

Everything takes its look from the theme through the dynamic properties `role`, `kind` and `level`, so the
high-contrast theme and "larger text" apply without code here.

Signals:
    ChoiceButtons.chosen(object): the value of the button the customer tapped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.buttons import big_button, repolish


def label(text: str = "", role: str = "", parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    lab = QLabel(text, parent)
    if role:
        lab.setProperty("role", role)
    lab.setWordWrap(wrap)
    return lab


def card(parent: QWidget | None = None, name: str = "") -> tuple[QFrame, QVBoxLayout]:
    """A bordered surface with a vertical layout inside."""
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    if name:
        frame.setObjectName(name)
    box = QVBoxLayout(frame)
    box.setContentsMargins(24, 18, 24, 18)
    box.setSpacing(10)
    return frame, box


class Badge(QFrame):
    """A short coloured status word ("Vencida", "Pagada"): themed colour plus the word itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "notice")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        self.text = QLabel(self)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.text)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)

    def set(self, text: str, level: str) -> None:
        self.text.setText(text)
        self.setProperty("level", level)
        repolish(self)
        repolish(self.text)


def discard(widget: QWidget) -> None:
    """Take a widget off screen and out of the tree now (a logout check must not find it), delete it later."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


class ScrollList(QScrollArea):
    """A vertical list of row widgets with a wide, finger-sized scroll bar; clear_rows() deletes every row.

    No drag-to-scroll here: QScroller swallows quick taps on the buttons inside the rows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("scrollBody")
        self.rows = QVBoxLayout(body)
        self.rows.setContentsMargins(0, 0, 8, 0)
        self.rows.setSpacing(12)
        self.rows.addStretch(1)
        self.setWidget(body)

    def add_row(self, widget: QWidget) -> None:
        self.rows.insertWidget(self.rows.count() - 1, widget)

    def row_widgets(self) -> list[QWidget]:
        out = []
        for i in range(self.rows.count()):
            item = self.rows.itemAt(i)
            w = item.widget() if item is not None else None
            if w is not None:
                out.append(w)
        return out

    def clear_rows(self) -> None:
        while self.rows.count() > 1:
            item = self.rows.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()


class ChoiceButtons(QWidget):
    """A grid of big buttons, one per choice; tapping one emits chosen(value) and marks it checked."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None, columns: int = 2, kind: str = "tile") -> None:
        super().__init__(parent)
        self._columns = columns
        self._kind = kind
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(16)
        self.buttons: list[tuple[Any, QPushButton]] = []

    def set_choices(self, choices: Sequence[tuple[Any, str]], selected: Any = None) -> None:
        self.clear()
        for i, (value, text) in enumerate(choices):
            btn = big_button(text, self, kind=self._kind, min_height=88)
            btn.setCheckable(True)
            btn.setChecked(value == selected and selected is not None)
            btn.clicked.connect(lambda _checked=False, v=value: self.on_clicked(v))
            self.grid.addWidget(btn, i // self._columns, i % self._columns)
            btn.show()  # at once, not on the next event-loop turn: a tap may follow immediately
            self.buttons.append((value, btn))

    def set_columns(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for i, (_value, btn) in enumerate(self.buttons):
            self.grid.removeWidget(btn)
            self.grid.addWidget(btn, i // columns, i % columns)

    def button_for(self, value: Any) -> QPushButton:
        for v, btn in self.buttons:
            if v == value:
                return btn
        raise KeyError(value)

    def on_clicked(self, value: Any) -> None:
        for v, btn in self.buttons:
            btn.setChecked(v == value)
        self.chosen.emit(value)

    def clear(self) -> None:
        for _value, btn in self.buttons:
            self.grid.removeWidget(btn)
            btn.setParent(None)
            btn.deleteLater()
        self.buttons = []


class KeyValueGrid(QWidget):
    """Label / value pairs in two columns ("Vence" - "20 oct 2024"); set_pairs() replaces them."""

    def __init__(self, parent: QWidget | None = None, value_role: str = "value") -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        self._value_role = value_role
        self.labels: list[QLabel] = []

    def set_pairs(self, pairs: Sequence[tuple[str, str]]) -> None:
        self.clear()
        for r, (key, value) in enumerate(pairs):
            k = label(key, "field", self)
            v = label(value, self._value_role, self)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            self.grid.addWidget(k, r, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(v, r, 1)
            self.labels += [k, v]

    def texts(self) -> list[str]:
        return [lab.text() for lab in self.labels]

    def clear(self) -> None:
        for lab in self.labels:
            self.grid.removeWidget(lab)
            lab.setParent(None)
            lab.deleteLater()
        self.labels = []


class Tile(QPushButton):
    """A big task button with a bold title and a wrapped explanation under it (a plain button cannot wrap)."""

    def __init__(self, parent: QWidget | None = None, name: str = "") -> None:
        super().__init__(parent)
        self.setProperty("kind", "tile")
        if name:
            self.setObjectName(name)
        self.setMinimumHeight(150)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.setSpacing(6)
        self.heading = label("", "subtitle", self)
        self.sub = label("", "", self)
        for lab in (self.heading, self.sub):
            lab.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            lab.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        box.addStretch(1)
        box.addWidget(self.heading)
        box.addWidget(self.sub)
        box.addStretch(1)

    def set_texts(self, heading: str, sub: str) -> None:
        self.heading.setText(heading)
        self.sub.setText(sub)
        self.setAccessibleName(f"{heading}. {sub}")

    def text_content(self) -> str:
        return f"{self.heading.text()} {self.sub.text()}"


class DataTable(QTableWidget):
    """A read-only table for figures (invoice lines, movements, instalments): big rows, drag to scroll.

    Columns listed in `numeric` are right-aligned so that amounts line up under each other.
    """

    def __init__(self, parent: QWidget | None = None, columns: int = 2, numeric: Sequence[int] = ()) -> None:
        super().__init__(0, columns, parent)
        self._numeric = set(numeric)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(52)
        self.setShowGrid(False)
        self.setAlternatingRowColors(False)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        for c in range(columns):
            mode = QHeaderView.ResizeMode.Stretch if c == 0 else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(c, mode)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        # Room between columns (no colours here: those come from the theme).
        self.setStyleSheet(
            "QTableView::item { padding-left: 14px; padding-right: 14px; }"
            " QHeaderView::section { padding-left: 16px; padding-right: 16px; }"
        )

    def set_headers(self, headers: Sequence[str]) -> None:
        self.setHorizontalHeaderLabels(list(headers))
        for c in range(self.columnCount()):
            item = self.horizontalHeaderItem(c)
            if item is not None:
                side = Qt.AlignmentFlag.AlignRight if c in self._numeric else Qt.AlignmentFlag.AlignLeft
                item.setTextAlignment(side | Qt.AlignmentFlag.AlignVCenter)

    def set_rows(self, rows: Sequence[Sequence[str]], bold_rows: Sequence[int] = ()) -> None:
        self.setRowCount(0)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                align = Qt.AlignmentFlag.AlignRight if c in self._numeric else Qt.AlignmentFlag.AlignLeft
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                if r in bold_rows:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(r, c, item)

    def cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def all_text(self) -> list[list[str]]:
        return [[self.cell_text(r, c) for c in range(self.columnCount())] for r in range(self.rowCount())]

    def clear_rows(self) -> None:
        self.setRowCount(0)

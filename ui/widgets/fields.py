"""Labelled input fields for touch: tapping one makes it the target of the on-screen keypad or keyboard.

Fields never take keyboard focus (the system keyboard never pops up, and a barcode scanner typing on the lookup
screen is caught by the screen, not by whichever field was tapped last).

Signals:
    TouchField.activated(): the customer tapped the field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QLineEdit, QVBoxLayout, QWidget


def no_context_menu(widget: QWidget) -> QWidget:
    """No Undo/Cut/Paste/Select All menu on a text input: a customer has no clipboard and the menu is a way out
    of the flow. A scroll area (QPlainTextEdit, QTextEdit) gets its menu from its viewport, so that too."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    if isinstance(widget, QAbstractScrollArea):
        widget.viewport().setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return widget


class TouchField(QWidget):
    """A caption above a large QLineEdit (`edit`); `secret=True` shows dots (PINs)."""

    activated = Signal()

    def __init__(self, parent: QWidget | None = None, *, secret: bool = False, max_length: int = 32,
                 name: str = "") -> None:
        super().__init__(parent)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(6)
        self.caption = QLabel(self)
        self.caption.setProperty("role", "subtitle")
        self.caption.setWordWrap(True)
        self.edit = QLineEdit(self)
        self.edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit.setMaxLength(max_length)
        self.edit.setMinimumHeight(72)
        no_context_menu(self.edit)
        if name:
            self.edit.setObjectName(name)
            self.setObjectName(f"{name}_field")
        if secret:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.caption.setBuddy(self.edit)
        col.addWidget(self.caption)
        col.addWidget(self.edit)
        self.edit.installEventFilter(self)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def clear(self) -> None:
        self.edit.clear()

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.MouseButtonPress:
            self.activated.emit()
        return False

"""Taps and typing on the real widgets, the way a customer's finger would."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget


def tap(qtbot: Any, widget: QWidget) -> None:
    assert widget.isVisible(), f"{widget.objectName() or widget} is not visible"
    assert widget.isEnabled(), f"{widget.objectName() or widget} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_on_keypad(qtbot: Any, keypad: Any, text: str) -> None:
    for ch in text:
        tap(qtbot, keypad.keys[ch])


def button_named(root: QWidget, name: str) -> QPushButton:
    btn = root.findChild(QPushButton, name)
    assert btn is not None, f"no button {name}"
    return btn


def all_texts(root: QWidget) -> list[str]:
    """Every text a widget tree shows or holds: labels, line edits, buttons, item views' models."""
    from PySide6.QtCore import QAbstractItemModel
    from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTextEdit

    out: list[str] = []
    for lab in root.findChildren(QLabel):
        out.append(lab.text())
    for edit in root.findChildren(QLineEdit):
        out.append(edit.text())
    for btn in root.findChildren(QPushButton):
        out.append(btn.text())
    for te in root.findChildren(QPlainTextEdit):
        out.append(te.toPlainText())
    for te2 in root.findChildren(QTextEdit):
        out.append(te2.toPlainText())
    for view in root.findChildren(QAbstractItemView):
        model: QAbstractItemModel | None = view.model()
        if model is None:
            continue
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                value = model.data(model.index(r, c))
                if value is not None:
                    out.append(str(value))
    return out

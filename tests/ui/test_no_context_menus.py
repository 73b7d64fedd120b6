"""No text input opens a context menu (Undo, Cut, Paste, Select All): a kiosk customer has no clipboard, and
the menu is a way out of the flow. Walks every registered screen, built, logged in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit


def test_no_text_input_has_a_context_menu(qtbot: Any, kiosk_window: Any) -> None:
    kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
    kiosk_window.build_all()
    inputs = [w for cls in (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox)
              for w in kiosk_window.findChildren(cls)]
    assert len(inputs) >= 7  # the look-up, login, PIN, reading and wizard fields at least
    offenders = []
    for widget in inputs:
        targets = [widget] + ([widget.viewport()] if isinstance(widget, QAbstractScrollArea) else [])
        for target in targets:
            if target.contextMenuPolicy() != Qt.ContextMenuPolicy.NoContextMenu:
                screen = widget.parent()
                while screen is not None and not screen.objectName().startswith("screen_"):
                    screen = screen.parent()
                offenders.append(f"{screen.objectName() if screen else '?'}/{widget.objectName() or type(widget)}")
    assert not offenders, offenders

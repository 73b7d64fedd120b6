"""Notices: a coloured box with one or two sentences (levels info / warning / error / ok).

Used inline by screens ("No encontramos esa factura...") and by the window for the data-age/offline banner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.widgets.buttons import repolish
from ui.widgets.themed_icon import IconLabel

# Level -> SVG icon (resources/icons); coloured by the style sheet like the message beside it.
ICONS = {"info": "info", "warning": "warning", "error": "error", "ok": "check"}


class Notice(QFrame):
    """A message box inside a screen; hidden while it has no text."""

    def __init__(self, parent: QWidget | None = None, level: str = "info", name: str = "") -> None:
        super().__init__(parent)
        self.setProperty("role", "notice")
        if name:
            self.setObjectName(name)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 14, 20, 14)
        row.setSpacing(16)
        self.icon = IconLabel("", self)
        self.icon.setProperty("role", "subtitle")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setProperty("role", "subtitle")
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        self._level = ""
        self.set_level(level)
        self.hide()

    @property
    def level(self) -> str:
        return self._level

    def set_level(self, level: str) -> None:
        self._level = level
        self.setProperty("level", level)
        self.icon.set_icon_name(ICONS.get(level, ""))
        repolish(self)
        for child in (self.icon, self.text):
            repolish(child)

    def show_message(self, text: str, level: str | None = None) -> None:
        if level is not None:
            self.set_level(level)
        self.text.setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.text.clear()
        self.hide()


class Banner(Notice):
    """The window's strip under the header: data age, offline, out of service."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, "warning")
        self.setObjectName("banner")
        self.setProperty("role", "")

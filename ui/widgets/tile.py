"""The big tiles of the home screen: an icon, a bold heading and one line that says what is behind it.

A QPushButton cannot wrap or mix type sizes, so the texts are child labels that let clicks through to the
button; the whole tile is one touch target.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.icons import pixmap


class IconTile(QPushButton):
    """A tile button; `set_texts(heading, sub)` and `set_icon(name, colour)`."""

    def __init__(self, parent: QWidget | None = None, name: str = "", icon_size: int = 104) -> None:
        super().__init__(parent)
        self.setProperty("kind", "tile")
        if name:
            self.setObjectName(name)
        self.setMinimumHeight(200)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.icon_size = icon_size
        row = QHBoxLayout(self)
        row.setContentsMargins(36, 20, 36, 20)
        row.setSpacing(32)
        self.picture = QLabel(self)
        self.picture.setFixedSize(icon_size, icon_size)
        texts = QVBoxLayout()
        texts.setSpacing(8)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "tileHeading")
        self.sub = QLabel(self)
        self.sub.setProperty("role", "muted")
        for lab in (self.picture, self.heading, self.sub):
            lab.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        for lab in (self.heading, self.sub):
            lab.setWordWrap(True)
        texts.addStretch(1)
        texts.addWidget(self.heading)
        texts.addWidget(self.sub)
        texts.addStretch(1)
        row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(texts, 1)

    def set_texts(self, heading: str, sub: str = "") -> None:
        self.heading.setText(heading)
        self.sub.setText(sub)
        self.sub.setVisible(bool(sub))
        self.setAccessibleName(f"{heading}. {sub}" if sub else heading)

    def set_icon(self, name: str, color: str) -> None:
        self.picture.setPixmap(pixmap(name, (self.icon_size, self.icon_size), color))

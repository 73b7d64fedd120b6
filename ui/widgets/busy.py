"""The busy veil shown over the screens when a background call takes longer than 300 ms (ui/ops.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget


class BusyOverlay(QWidget):
    """Covers its parent, swallows taps, and says "Un momento, por favor…"."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("busy")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QFrame(self)
        box.setObjectName("busyBox")
        box.setMinimumWidth(520)
        box.setMaximumWidth(760)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(40, 32, 40, 32)
        inner.setSpacing(20)
        self.text = QLabel(box)
        self.text.setProperty("role", "subtitle")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QProgressBar(box)
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        inner.addWidget(self.text)
        inner.addWidget(bar)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignCenter)
        parent.installEventFilter(self)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.text.setText(self.tr("Un momento, por favor…"))

    def set_busy(self, busy: bool) -> None:
        if busy:
            self._fit()
            self.raise_()
            self.show()
        else:
            self.hide()

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

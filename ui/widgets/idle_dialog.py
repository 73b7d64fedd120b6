"""The "¿Sigue ahí?" countdown: shown over everything when the kiosk has been idle.

The seconds are shown once, big, with their unit under them; the sentence says what happens at zero: a
logged-in customer's session is closed, a walk-in's screen goes back to the start and forgets what was typed.

Signals:
    stay(): the customer tapped "Sí, continuar".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.widgets.buttons import big_button


class IdleDialog(QWidget):
    """Overlay (not a modal exec loop, so nothing blocks) with the seconds left and one big button."""

    stay = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("busy")  # same dimmed veil
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QFrame(self)
        box.setObjectName("busyBox")
        box.setMinimumWidth(640)
        box.setMaximumWidth(900)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(48, 40, 48, 40)
        inner.setSpacing(28)
        self.question = QLabel(box)
        self.question.setProperty("role", "title")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = QLabel(box)
        self.countdown.setProperty("role", "subtitle")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setWordWrap(True)
        self.stay_button = big_button("", box, self.stay.emit, min_height=120, name="idle_stay")
        self.stay_button.setProperty("emphasis", "huge")
        self.number = QLabel(box)
        self.number.setObjectName("idle_seconds")
        self.number.setProperty("role", "big")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unit = QLabel(box)
        self.unit.setObjectName("idle_seconds_unit")
        self.unit.setProperty("role", "muted")
        self.unit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(self.question)
        inner.addWidget(self.number)
        inner.addWidget(self.unit)
        inner.addWidget(self.countdown)
        inner.addWidget(self.stay_button)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignCenter)
        self.seconds = 0
        self.logged_in = False
        parent.installEventFilter(self)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.question.setText(self.tr("¿Sigue ahí?"))
        self.stay_button.setText(self.tr("Sí, continuar"))
        self.set_seconds(self.seconds)

    def set_seconds(self, seconds: int) -> None:
        self.seconds = seconds
        self.number.setText(str(seconds))
        self.unit.setText(self.tr("segundo") if seconds == 1 else self.tr("segundos"))
        if self.logged_in:
            text = self.tr("Por su seguridad, se cerrará su sesión.")
        else:
            text = self.tr("Por su privacidad, volveremos al inicio y se borrará lo que escribió.")
        self.countdown.setText(text)

    def open(self, seconds: int, logged_in: bool = False) -> None:
        """Show the countdown; `logged_in` says whether zero closes a session or only returns home."""
        self.logged_in = logged_in
        self.set_seconds(seconds)
        self._fit()
        self.raise_()
        self.show()

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

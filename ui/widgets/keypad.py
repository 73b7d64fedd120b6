"""Numeric keypad with big keys for account numbers, invoice numbers, PINs, codes and meter readings.

Signals:
    submitted(): the OK key was pressed.
    edited(): a key changed the attached field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from ui.widgets.buttons import big_button

# The width of every keypad, landscape and portrait: the same keys on every screen (about 205 and 220 px).
WIDTHS = {False: 640, True: 680}
KEY_MAX = 140  # the tallest a key grows


class Keypad(QWidget):
    """0-9, backspace, clear and OK; types into the attached QLineEdit (see `attach`)."""

    submitted = Signal()
    edited = Signal()

    def __init__(self, parent: QWidget | None = None, extra_key: str = "", key_size: int = 88) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self._target: QLineEdit | None = None
        self._ok_text = ""  # the screen's own word for OK ("Ingresar", "Confirmar lectura"), kept on a switch
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setSpacing(12)
        grid.setContentsMargins(0, 0, 0, 0)
        layout = ["123", "456", "789"]
        for row, digits in enumerate(layout):
            for col, d in enumerate(digits):
                grid.addWidget(self._key(d, d, key_size), row, col)
        self.back_key = self._key("", "back", key_size, icon="backspace")
        grid.addWidget(self.back_key, 3, 0)
        grid.addWidget(self._key("0", "0", key_size), 3, 1)
        self.clear_key = self._key("", "clear", key_size)
        grid.addWidget(self.clear_key, 3, 2)
        self.extra_key = self._key(extra_key, extra_key, key_size) if extra_key else None
        self.ok_key = big_button("", self, self.on_ok, kind="ok", min_height=key_size, name="key_ok")
        self.ok_key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.ok_key.setMaximumHeight(KEY_MAX)
        if self.extra_key is not None:
            grid.addWidget(self.extra_key, 4, 0)
            grid.addWidget(self.ok_key, 4, 1, 1, 2)
        else:
            grid.addWidget(self.ok_key, 4, 0, 1, 3)
        # No taller than its five rows of keys: spare height goes to the fields above (a portrait login showed
        # the PIN field cut off while gaps opened between the keys).
        self.setMaximumHeight(5 * KEY_MAX + 4 * grid.spacing())
        self.retranslate()

    def _key(self, text: str, code: str, size: int, icon: str = "") -> QPushButton:
        btn = big_button(text, self, lambda: self.on_key(code), kind="key", min_height=size, name=f"key_{code}",
                         icon=icon)
        btn.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        btn.setMaximumHeight(KEY_MAX)
        self.keys[code] = btn
        return btn

    def retranslate(self) -> None:
        self.clear_key.setText(self.tr("Borrar"))
        self.ok_key.setText(self._ok_text or self.tr("Aceptar"))
        self.back_key.setAccessibleName(self.tr("Borrar un número"))
        self.back_key.setToolTip(self.tr("Borrar un número"))

    def set_ok_text(self, text: str) -> None:
        """The screen's word for OK; the keypad's own language switch no longer puts "Aceptar" back."""
        self._ok_text = text
        self.ok_key.setText(text)

    def set_ok_visible(self, visible: bool) -> None:
        """Hide OK where the screen has its own way forward (a form's "Siguiente"): one way forward."""
        self.ok_key.setVisible(visible)

    def fit(self, portrait: bool) -> None:
        """The kiosk-wide keypad width for the orientation, so the keys are the same size on every screen."""
        self.setFixedWidth(WIDTHS[portrait])

    def attach(self, field: QLineEdit | None) -> None:
        """Route the keys to a field (None: keys do nothing)."""
        if self._target is not None:
            self._target.setProperty("active", False)
            self._repolish(self._target)
        self._target = field
        if field is not None:
            field.setProperty("active", True)
            self._repolish(field)

    @property
    def target(self) -> QLineEdit | None:
        return self._target

    @staticmethod
    def _repolish(w: QWidget) -> None:
        w.style().unpolish(w)
        w.style().polish(w)

    def on_key(self, code: str) -> None:
        field = self._target
        if field is None:
            return
        if code == "back":
            field.backspace()
        elif code == "clear":
            field.clear()
        else:
            field.insert(code)
        self.edited.emit()

    def on_ok(self) -> None:
        self.submitted.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

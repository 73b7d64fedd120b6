"""On-screen keyboard, Spanish layout: ñ, accented vowels and ü, shift, @ . - _ and space.

Signals:
    submitted(): the OK key was pressed.
    edited(): a key changed the attached field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from ui.widgets.buttons import big_button

ROWS = (
    "1234567890",
    "qwertyuiop",
    "asdfghjklñ",
    "zxcvbnm",
    "áéíóúü@.-_",
)

Field = QLineEdit | QPlainTextEdit


class Keyboard(QWidget):
    """A full keyboard for names, e-mails, descriptions; types into the attached field."""

    submitted = Signal()
    edited = Signal()

    def __init__(self, parent: QWidget | None = None, key_size: int = 64) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard")
        self.setMaximumHeight(6 * 104 + 5 * 8)  # keys stay key-shaped when a portrait screen has height to spare
        self._target: Field | None = None
        self._shift = False
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        # 20 half-columns per row so that shorter rows can be centred.
        for r, row in enumerate(ROWS):
            offset = (10 - len(row))  # in half-columns
            if r == 3:
                self.shift_key = big_button("", self, self.on_shift, kind="key", min_height=key_size,
                                            name="key_shift", icon="shift")
                self.shift_key.setCheckable(True)
                grid.addWidget(self.shift_key, r, 0, 1, 3)
                for c, ch in enumerate(row):
                    grid.addWidget(self._key(ch, key_size), r, 3 + 2 * c, 1, 2)
                self.back_key = big_button("", self, lambda: self.on_key("\b"), kind="key", min_height=key_size,
                                           name="key_back", icon="backspace")
                grid.addWidget(self.back_key, r, 17, 1, 3)
                continue
            for c, ch in enumerate(row):
                grid.addWidget(self._key(ch, key_size), r, offset + 2 * c, 1, 2)
        self.space_key = big_button("", self, lambda: self.on_key(" "), kind="key", min_height=key_size,
                                    name="key_space")
        grid.addWidget(self.space_key, len(ROWS), 4, 1, 10)
        self.ok_key = big_button("", self, self.submitted.emit, kind="ok", min_height=key_size, name="key_ok")
        grid.addWidget(self.ok_key, len(ROWS), 14, 1, 6)
        self.clear_key = big_button("", self, lambda: self.on_key("\x7f"), kind="key", min_height=key_size,
                                    name="key_clear")
        grid.addWidget(self.clear_key, len(ROWS), 0, 1, 4)  # "Borrar" with room around it, even in large text
        self.grid = grid
        self.retranslate()

    def set_accept_visible(self, visible: bool) -> None:
        """Hide "Aceptar" where the screen has its own way forward (a form's "Siguiente"): one way forward.
        The space bar takes its room."""
        self.ok_key.setVisible(visible)
        self.grid.removeWidget(self.space_key)
        self.grid.addWidget(self.space_key, len(ROWS), 4, 1, 10 if visible else 16)

    def _key(self, ch: str, size: int) -> QPushButton:
        btn = big_button(ch, self, lambda: self.on_key(self._char(ch)), kind="key", min_height=size,
                         name=f"key_{ch}")
        self.keys[ch] = btn
        return btn

    def _char(self, ch: str) -> str:
        return ch.upper() if self._shift else ch

    def retranslate(self) -> None:
        self.space_key.setText(self.tr("espacio"))
        self.ok_key.setText(self.tr("Aceptar"))
        self.clear_key.setText(self.tr("Borrar"))
        for key, meaning in ((self.shift_key, self.tr("Mayúscula")), (self.back_key, self.tr("Borrar una letra"))):
            key.setAccessibleName(meaning)
            key.setToolTip(meaning)

    def attach(self, field: Field | None) -> None:
        if self._target is not None:
            self._target.setProperty("active", False)
            self._target.style().polish(self._target)
        self._target = field
        if field is not None:
            field.setProperty("active", True)
            field.style().polish(field)

    @property
    def target(self) -> Field | None:
        return self._target

    def on_shift(self) -> None:
        self._shift = not self._shift
        self.shift_key.setChecked(self._shift)
        for ch, btn in self.keys.items():
            btn.setText(ch.upper() if self._shift else ch)

    def on_key(self, text: str) -> None:
        field = self._target
        if field is None:
            return
        if isinstance(field, QLineEdit):
            if text == "\b":
                field.backspace()
            elif text == "\x7f":
                field.clear()
            else:
                field.insert(text)
        else:
            cursor = field.textCursor()
            if text == "\b":
                cursor.deletePreviousChar()
            elif text == "\x7f":
                field.clear()
            else:
                limit = field.property("maxLength")
                if not limit or len(field.toPlainText()) < int(limit):
                    cursor.insertText(text)
        if self._shift and text.strip() and text not in ("\b", "\x7f"):
            self.on_shift()  # one capital, like phone keyboards
        self.edited.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""A form asked one question per page, for customers who do not fill in forms every day.

Each Step is one question: a choice (big buttons, tapping one moves on), a number (numeric keypad), a line
of text or a longer text (on-screen keyboard, with a character counter). "Siguiente" checks the answer and
moves on (the keypad and keyboard show no OK key of their own: one way forward); after the last question the
wizard emits completed(values). The way back is the window's "Volver": the screen's step_back() calls
on_prev() (the wizard's own "Anterior" stays hidden, so "Anterior" and "Volver" never stand side by side).
Steps may be skipped with `when(values)`. Screens build the steps each time a flow starts, so the texts are
in the current language.

Signals:
    completed(dict): every answer, {step key: value}.
    step_changed(str): the key of the step now shown.
    left_at_start(): "Anterior" on the first question (the screen goes back to what came before the form).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.banner import Notice
from ui.widgets.buttons import big_button
from ui.widgets.fields import no_context_menu
from ui.widgets.keyboard import Keyboard
from ui.widgets.keypad import Keypad
from ui.widgets.panels import ChoiceButtons, label

CHOICE, DIGITS, TEXT, LONG_TEXT = "choice", "digits", "text", "long_text"


@dataclass(frozen=True)
class Step:
    """One question. `label` names the answer on the review page; `question` is the page's heading."""

    key: str
    kind: str  # CHOICE, DIGITS, TEXT or LONG_TEXT
    label: str
    question: str
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, text) for CHOICE
    min_len: int = 1  # 0: optional
    max_len: int = 0  # 0: no limit
    validate: Callable[[str], str | None] | None = None  # returns the error sentence, or None when fine
    when: Callable[[dict[str, str]], bool] | None = None
    columns: int = 2

    def display(self, value: str) -> str:
        """The answer as the customer reads it (a choice's text rather than its code)."""
        for code, text in self.choices:
            if code == value:
                return text
        return value


class Wizard(QWidget):
    """One question per page; see the module docstring."""

    completed = Signal(dict)
    step_changed = Signal(str)
    left_at_start = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: list[Step] = []
        self._values: dict[str, str] = {}
        self._index = 0
        self._too_short = ""
        self._required = ""
        self._counter_text = "{n} / {max}"
        # Landscape: the question (and Back/Next) on the left, the answer and its keys on the right;
        # portrait: one column. relayout() switches.
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(16)
        self.main = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.outer.addLayout(self.main, 1)
        self.main.setSpacing(32)
        side = QVBoxLayout()
        side.setSpacing(14)
        self.progress = label("", "muted", self)
        self.question = label("", "subtitle", self)
        self.hint = label("", "muted", self)
        self.error = Notice(self, "error", name="wizard_error")
        side.addWidget(self.progress)
        side.addWidget(self.question)
        side.addWidget(self.hint)
        side.addWidget(self.error)
        self.side = side
        self.pages = QStackedWidget(self)
        # choice page
        self.choices = ChoiceButtons(self, columns=2)
        self.choices.chosen.connect(self.on_choice)
        choice_page = QWidget()
        cbox = QVBoxLayout(choice_page)
        cbox.setContentsMargins(0, 0, 0, 0)
        cbox.addWidget(self.choices)
        cbox.addStretch(1)
        self.pages.addWidget(choice_page)
        # digits page
        digits_page = QWidget()
        dbox = QVBoxLayout(digits_page)
        dbox.setContentsMargins(0, 0, 0, 0)
        self.digits = QLineEdit(digits_page)
        self.digits.setObjectName("wizard_digits")
        no_context_menu(self.digits)
        self.digits.setReadOnly(False)
        self.digits.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keypad = Keypad(digits_page)
        self.keypad.fit(False)
        self.keypad.set_ok_visible(False)  # "Siguiente" is the way forward
        self.keypad.submitted.connect(self.on_next)
        self.keypad.attach(self.digits)
        dbox.setSpacing(16)
        dbox.addWidget(self.digits)
        dbox.addWidget(self.keypad, 4, Qt.AlignmentFlag.AlignHCenter)  # keys as big as on the other keypads
        dbox.addStretch(1)
        self.pages.addWidget(digits_page)
        # text page (one line or several)
        text_page = QWidget()
        tbox = QVBoxLayout(text_page)
        tbox.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(text_page)
        self.line.setObjectName("wizard_line")
        no_context_menu(self.line)
        self.line.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.long = QPlainTextEdit(text_page)
        self.long.setObjectName("wizard_long")
        no_context_menu(self.long)
        self.long.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.long.setMinimumHeight(80)
        self.long.setMaximumHeight(220)
        self.counter = label("", "muted", text_page)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.long.textChanged.connect(self.on_long_changed)
        self.keyboard = Keyboard(text_page)
        self.keyboard.set_accept_visible(False)  # "Siguiente" is the way forward
        self.keyboard.submitted.connect(self.on_next)
        tbox.addWidget(self.line)
        tbox.addWidget(self.long)
        tbox.addWidget(self.counter)
        tbox.addWidget(self.keyboard)
        tbox.addStretch(1)
        self.pages.addWidget(text_page)
        nav = self.nav = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        nav.setSpacing(16)
        self.prev_btn = big_button("", self, self.on_prev, kind="secondary", min_height=72, name="wizard_prev")
        self.prev_btn.hide()  # the window's "Volver" goes back a question (the screen's step_back)
        self.next_btn = big_button("", self, self.on_next, min_height=72, name="wizard_next")
        nav.addWidget(self.prev_btn)
        nav.addWidget(self.next_btn)
        side.addStretch(1)
        side.addLayout(nav)
        self.main.addLayout(side, 2)
        self.main.addWidget(self.pages, 3)
        self.outer.addStretch(0)  # portrait: the room left goes under "Siguiente", which stays by the keys

    def relayout(self, portrait: bool) -> None:
        """One column on a portrait kiosk (question, answer, buttons), two side by side on a landscape one."""
        self.main.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.main.setStretch(0, 0 if portrait else 2)
        self.main.setStretch(1, 1 if portrait else 3)
        self.keypad.fit(portrait)
        # Landscape: Back/Next stacked under the question, so the side column stays narrow enough for the
        # window to turn to portrait (1080 px) without being held wide by this page.
        self.nav.setDirection(QBoxLayout.Direction.LeftToRight if portrait else QBoxLayout.Direction.TopToBottom)
        # Portrait: the answer keeps its height and "Siguiente" follows it, near the keys, not at the bottom.
        self.outer.setStretch(0, 0 if portrait else 1)
        self.outer.setStretch(self.outer.count() - 1, 1 if portrait else 0)
        if portrait and self.nav.parent() is not self.outer:
            self.side.removeItem(self.nav)
            self.outer.insertLayout(1, self.nav)
        elif not portrait and self.nav.parent() is self.outer:
            self.outer.removeItem(self.nav)
            self.side.addLayout(self.nav)

    # -- configuration --------------------------------------------------------------------------------------

    def set_texts(self, previous: str, next_: str, required: str, too_short: str, counter: str) -> None:
        """Texts the wizard needs from the screen's translation context."""
        self.prev_btn.setText(previous)
        self.next_btn.setText(next_)
        self._required = required
        self._too_short = too_short
        self._counter_text = counter

    def start(self, steps: Sequence[Step], values: dict[str, str] | None = None) -> None:
        self._steps = list(steps)
        self._values = dict(values or {})
        self._index = -1
        self._goto(self._next_index(-1, +1))

    def restart(self, steps: Sequence[Step]) -> None:
        """Same answers and same question, new texts (the language changed in the middle of the form)."""
        step = self.current()
        if step is not None and step.kind != CHOICE:
            self._values[step.key] = self._answer()
        self.start(steps, self._values)
        if step is not None:
            self.goto_key(step.key)

    @property
    def values(self) -> dict[str, str]:
        return dict(self._values)

    def steps(self) -> list[Step]:
        """The steps that apply to the answers given (skipped ones left out)."""
        return [s for s in self._steps if s.when is None or s.when(self._values)]

    def current(self) -> Step | None:
        return self._steps[self._index] if 0 <= self._index < len(self._steps) else None

    def set_columns(self, columns: int) -> None:
        self.choices.set_columns(columns)

    # -- navigation -----------------------------------------------------------------------------------------

    def _next_index(self, index: int, direction: int) -> int:
        i = index + direction
        while 0 <= i < len(self._steps):
            step = self._steps[i]
            if step.when is None or step.when(self._values):
                return i
            i += direction
        return i

    def _goto(self, index: int) -> None:
        if index >= len(self._steps):
            self.completed.emit(dict(self._values))
            return
        index = max(index, 0)
        self._index = index
        step = self._steps[index]
        visible = self.steps()
        self.progress.setText(f"{visible.index(step) + 1} / {len(visible)}")
        self.question.setText(step.question)
        self.hint.setText(step.hint)
        self.hint.setVisible(bool(step.hint))
        self.error.clear()
        value = self._values.get(step.key, "")
        self.keypad.attach(None)
        self.keyboard.attach(None)
        if step.kind == CHOICE:
            self.pages.setCurrentIndex(0)
            self.choices.set_choices(step.choices, selected=value or None)
            self.choices.set_columns(step.columns)
            self.next_btn.setEnabled(bool(value))
        elif step.kind == DIGITS:
            self.pages.setCurrentIndex(1)
            self.digits.setMaxLength(step.max_len or 32767)
            self.digits.setText(value)
            self.keypad.attach(self.digits)
            self.next_btn.setEnabled(True)
        else:
            self.pages.setCurrentIndex(2)
            long = step.kind == LONG_TEXT
            self.line.setVisible(not long)
            self.long.setVisible(long)
            self.counter.setVisible(long and step.max_len > 0)
            if long:
                self.long.setProperty("maxLength", step.max_len or None)
                self.long.setPlainText(value)
                self.long.moveCursor(QTextCursor.MoveOperation.End)  # keys type after what is there
                self.keyboard.attach(self.long)
                self.on_long_changed()
            else:
                self.line.setMaxLength(step.max_len or 32767)
                self.line.setText(value)
                self.keyboard.attach(self.line)
            self.next_btn.setEnabled(True)
        self.step_changed.emit(step.key)

    def goto_key(self, key: str, error: str = "") -> None:
        """Show the step `key` again (the service refused that answer) with `error` above it."""
        for i, step in enumerate(self._steps):
            if step.key == key:
                self._goto(i)
                if error:
                    self.error.show_message(error, "error")
                return

    def _answer(self) -> str:
        step = self.current()
        if step is None:
            return ""
        if step.kind == DIGITS:
            return self.digits.text().strip()
        if step.kind == TEXT:
            return self.line.text().strip()
        if step.kind == LONG_TEXT:
            return self.long.toPlainText().strip()
        return self._values.get(step.key, "")

    def on_choice(self, value: object) -> None:
        step = self.current()
        if step is None:
            return
        self._values[step.key] = str(value)
        self._goto(self._next_index(self._index, +1))

    def on_next(self) -> None:
        step = self.current()
        if step is None:
            return
        answer = self._answer()
        if step.min_len and not answer:
            self.error.show_message(self._required, "error")
            return
        if answer and len(answer) < step.min_len:
            self.error.show_message(self._too_short.format(n=step.min_len), "error")
            return
        if answer and step.validate is not None:
            problem = step.validate(answer)
            if problem:
                self.error.show_message(problem, "error")
                return
        self._values[step.key] = answer
        self._goto(self._next_index(self._index, +1))

    def goto_last(self) -> None:
        """Show the last question that applies (back from the review page)."""
        self._goto(self._next_index(len(self._steps), -1))

    def on_prev(self) -> None:
        step = self.current()
        if step is not None and step.kind != CHOICE:
            self._values[step.key] = self._answer()
        previous = self._next_index(self._index, -1)
        if previous >= 0:
            self._goto(previous)
        else:
            self.left_at_start.emit()

    def on_long_changed(self) -> None:
        step = self.current()
        limit = step.max_len if step is not None else 0
        text = self.long.toPlainText()
        if limit and len(text) > limit:
            self.long.setPlainText(text[:limit])
            return
        self.counter.setText(self._counter_text.format(n=len(text), max=limit))

    def clear(self) -> None:
        """Forget every answer (logout, or a flow that ended)."""
        self._values = {}
        self._steps = []
        self._index = 0
        self.digits.clear()
        self.line.clear()
        self.long.clear()
        self.choices.clear()
        self.error.clear()
        self.question.clear()
        self.progress.clear()
        self.keypad.attach(None)
        self.keyboard.attach(None)

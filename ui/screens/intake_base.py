"""What the screens that file something share: send once -> done with the number -> receipt printed.

Claims, requests and readings all end the same way: the customer confirms, the service commits the row on
the kiosk (with its outbox entry) and returns a receipt, the done page shows the number to keep, and only
then the receipt prints, in place, with "Imprimir de nuevo" when the printer fails. IntakeScreen is that
flow, with the one double-tap guard (`send`: Screen.run_once, released when the answer arrives or the visit
ends). FormIntakeScreen adds the question-by-question form (ui.widgets.wizard) and the review page before it,
and brings the customer back to the question the service refused.

Not a screen module itself (no `_screen` suffix): claims_screen.py, requests_screen.py and reading_screen.py
subclass these.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from kiosk.services.api import PrintResult
from ui.screens.customer_base import CustomerScreen
from ui.widgets.done_panel import DonePanel, ReviewPanel
from ui.widgets.wizard import Step, Wizard


class IntakeScreen(CustomerScreen):
    """Send once, show the receipt's number, print it. Subclasses say what is sent and what the done page says."""

    receipt_what: ClassVar[str] = ""  # the kind of print job, e.g. "claim_receipt"

    def build_done(self, name: str) -> DonePanel:
        """The done page (add it after the screen's other pages)."""
        self.receipt: Any = None
        self.done = DonePanel(self, name=name)
        self.done.reprint_requested.connect(self.on_reprint)
        self.add_page("done", self.done)
        return self.done

    def send(self, fn: Callable[..., Any], *args: Any) -> bool:
        """Send to the service once: a second tap while the first is on its way does nothing."""
        return self.run_once("send", fn, *args, on_done=self.on_sent, on_error=self.on_send_error)

    def on_sent(self, receipt: Any, print_now: bool = True) -> None:
        """The service committed it: show the number, forget the answers, then print the receipt."""
        self.receipt = receipt
        self.show_receipt(receipt)
        self.forget_answers()
        self.show_page("done")
        if print_now:
            self.print_current()

    def show_receipt(self, receipt: Any) -> None:
        """Fill the done page (self.done.show_result) for this receipt (subclasses)."""

    def forget_answers(self) -> None:
        """Drop what the customer typed once it is filed (subclasses)."""

    def on_send_error(self, exc: BaseException) -> None:
        """The service refused or failed (subclasses say where the customer goes); by default the error screen."""
        self.fail(exc)

    def receipt_document(self, receipt: Any) -> Callable[[], PrintResult]:
        """The print call for this receipt, in the current language (subclasses)."""
        raise NotImplementedError

    def print_current(self) -> None:
        if self.receipt is not None:
            self.print_receipt(self.done, self.receipt_document(self.receipt), self.receipt_what)

    def on_reprint(self) -> None:
        if self.receipt is not None:
            self.reprint(self.done, self.receipt_document(self.receipt))

    def clear_intake(self) -> None:
        """Forget the receipt and empty the done page (part of the screen's clear())."""
        self.receipt = None
        self.done.clear()
        self.forget_receipt()


class FormIntakeScreen(IntakeScreen):
    """An intake asked as a form: questions (wizard) -> review -> send -> done.

    Subclasses give steps() and on_answers() (the review page's pairs: review_pairs() helps) and call
    send() from on_send().
    """

    def build_form(self, name: str) -> None:
        """The form, review and done pages (add them after the screen's other pages), named `{name}_...`."""
        self.answers: dict[str, str] = {}
        self.wizard = Wizard(self)
        self.wizard.setObjectName(f"{name}_wizard")
        self.wizard.completed.connect(self.on_answers)
        self.wizard.left_at_start.connect(self.on_form_left)
        self.add_page("form", self.wizard)
        self.review = ReviewPanel(self, name=f"{name}_review")
        self.review.send_requested.connect(self.on_send)
        self.review.correct_requested.connect(self.start_form)
        self.add_page("review", self.review)
        self.build_done(f"{name}_done")

    def steps(self) -> list[Step]:
        """The form's questions, in the current language (subclasses)."""
        return []

    def on_answers(self, values: dict[str, str]) -> None:
        """Every question answered: show the review page (subclasses)."""

    def on_form_left(self) -> None:
        """Back from the first question (subclasses)."""

    def on_send(self) -> None:
        """The customer confirmed the review: send() what the service needs (subclasses)."""

    def retranslate_form(self) -> None:
        """Re-say the form or the review in the new language, the customer staying where they are."""
        self.wizard_texts(self.wizard)
        if self.page() == "form":
            self.wizard.restart(self.steps())
        elif self.page() == "review":
            self.on_answers(self.answers)

    def start_form(self) -> None:
        self.wizard_texts(self.wizard)
        self.wizard.start(self.steps(), self.answers)
        self.show_page("form")

    def step_back(self) -> bool:
        """The window's "Volver": question by question, and from the review to the last question."""
        page = self.page()
        if page == "form":
            self.wizard.on_prev()
            return True
        if page == "review":
            self.wizard.start(self.steps(), self.answers)
            self.wizard.goto_last()
            self.show_page("form")
            return True
        return False

    def review_pairs(self, values: dict[str, str]) -> list[tuple[str, str]]:
        """(label, answer) of every question that applies and was answered, as the customer read the choices."""
        pairs = []
        for step in self.steps():
            if step.when is not None and not step.when(values):
                continue
            text = self.answer_text(step, values.get(step.key, ""))
            if text:
                pairs.append((step.label, text.replace("\n", " · ")))
        return pairs

    def answer_text(self, step: Step, value: str) -> str:
        """An answer on the review page (a choice's text rather than its code)."""
        return step.display(value) if value else ""

    def on_send_error(self, exc: BaseException) -> None:
        """A refused answer brings the customer back to its question with the reason; anything else is said on
        the review page, where "Enviar" tries again."""
        problem = self.field_error(exc)
        if problem is not None and problem[0] in {s.key for s in self.steps()}:
            self.wizard.start(self.steps(), self.answers)
            self.wizard.goto_key(problem[0], problem[1])
            self.show_page("form")
            return
        self.review.error.show_message(self.message(exc), "error")

    def forget_answers(self) -> None:
        self.answers = {}
        self.wizard.clear()

    def clear_form(self) -> None:
        """Forget the answers, the review and the receipt (part of the screen's clear())."""
        self.answers = {}
        self.wizard.clear()
        self.review.clear()
        self.clear_intake()

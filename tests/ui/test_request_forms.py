"""The requests screen asks what kiosk.services.forms declares: one question per field, with its limits."""

from __future__ import annotations

from typing import Any

from kiosk.domain import RequestKind
from kiosk.services.forms import FORMS
from ui.tour import settle
from ui.widgets.wizard import CHOICE, DIGITS, LONG_TEXT, TEXT

WIDGETS = {"supply": CHOICE, "choice": CHOICE, "hours": CHOICE, "phone": DIGITS, "long_text": LONG_TEXT,
           "text": TEXT, "email": TEXT, "document": TEXT}


def test_every_form_field_is_one_question_with_the_declared_words_and_limits(kiosk_window: Any) -> None:
    kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
    kiosk_window.go("requests")
    settle(kiosk_window)
    screen: Any = kiosk_window.current()
    assert [value for value, _btn in screen.kinds.buttons] == [k.value for k in FORMS]
    for language in ("es", "en"):
        kiosk_window.set_language(language)
        for kind, form in FORMS.items():
            screen.kind = kind
            steps = screen.steps()
            assert [s.key for s in steps] == [f.name for f in form.fields]
            for step, field in zip(steps, form.fields, strict=True):
                assert step.kind == WIDGETS[field.kind], (kind, field.name)
                assert step.question == field.question.text(language)
                assert step.hint == (field.hint.text(language) if field.hint else "")
                if step.kind != CHOICE:
                    assert step.max_len == field.max_len
                    assert step.min_len == (field.min_len if field.required else 0)
    kiosk_window.set_language("es")


def test_a_field_asked_only_with_an_answer_is_skipped_without_it(kiosk_window: Any) -> None:
    kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
    kiosk_window.go("requests")
    settle(kiosk_window)
    screen: Any = kiosk_window.current()
    screen.on_kind(RequestKind.E_INVOICE.value)
    screen.wizard.on_choice("paper")
    assert screen.page() == "review"  # no e-mail question for paper
    assert screen.fields() == {"delivery": "paper"}

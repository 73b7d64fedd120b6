"""Claims and requests by taps: supply, category, description on the keyboard, phone on the keypad, time,
review, done with number and receipt; service refusals go back to the question; the cases list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests_ui_window import log_in, open_window, settle
from ui_taps import button_named, tap, type_on_keypad

from kiosk.domain import RequestKind
from kiosk.services.api import PHONE_ON_FILE
from kiosk.testing.fakes import make_fakes


def type_on_keyboard(qtbot: Any, keyboard: Any, text: str) -> None:
    for ch in text:
        if ch == " ":
            tap(qtbot, keyboard.space_key)
        elif ch.isupper():
            tap(qtbot, keyboard.shift_key)
            tap(qtbot, keyboard.keys[ch.lower()])
        else:
            tap(qtbot, keyboard.keys[ch])


def _open(qtbot: Any, tmp_path: Path, tile: str) -> tuple[Any, Any, Any]:
    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    tap(qtbot, window.current().tiles[tile])
    settle(window)
    return fakes, window, window.current()


def test_claim_filed_receipt_printed(qtbot: Any, tmp_path: Path) -> None:
    fakes, window, screen = _open(qtbot, tmp_path, "claims")
    # The list of claims and requests with their status.
    rows = screen.cases_table.all_text()
    assert rows[0][1] == "1-2-000041" and rows[0][3] == "En curso"
    assert rows[1][0].startswith("Factura electrónica") and rows[1][3] == "Resuelto"

    tap(qtbot, screen.new_claim)
    settle(window)
    assert screen.page() == "choose"
    tap(qtbot, screen.choices.button_for(1))  # electricity
    settle(window)
    assert [v for v, _b in screen.choices.buttons] == ["no_supply", "low_voltage", "billing"]
    tap(qtbot, screen.choices.button_for("low_voltage"))
    assert screen.page() == "form"
    wiz = screen.wizard
    assert wiz.current().key == "description"
    type_on_keyboard(qtbot, wiz.keyboard, "Luz baja ñ")
    assert wiz.long.toPlainText() == "Luz baja ñ"
    assert wiz.counter.text() == "10 de 500 caracteres"
    tap(qtbot, wiz.next_btn)
    assert wiz.current().key == "contact_choice"  # the phone on file is offered first
    assert "11****5678" in wiz.choices.button_for(PHONE_ON_FILE).text()
    tap(qtbot, wiz.choices.button_for("other"))  # ... and another one typed instead
    assert wiz.current().key == "contact_phone"
    tap(qtbot, wiz.next_btn)  # empty phone: refused on the screen
    assert wiz.error.isVisible()
    type_on_keypad(qtbot, wiz.keypad, "3511234567")
    tap(qtbot, wiz.next_btn)
    assert wiz.current().key == "contact_time"
    tap(qtbot, wiz.choices.button_for("afternoon"))
    assert screen.page() == "review"
    review = " ".join(screen.review.details.texts())
    assert "Baja tensión" in review and "Luz baja ñ" in review and "Tarde (12 a 18)" in review

    tap(qtbot, screen.review.send)
    settle(window)
    assert screen.page() == "done"
    assert screen.done.number.text() == "1-2-000124"
    filed = [args for name, args in fakes.rec.calls if name == "claim_file"]
    assert filed == [(1, "low_voltage", "Luz baja ñ", "3511234567", "afternoon")]
    qtbot.waitUntil(lambda: bool(fakes.rec.printed), timeout=5000)
    assert fakes.rec.printed[-1][0] == "claim_receipt"
    assert fakes.rec.printed[-1][1].number == "1-2-000124"


def test_description_is_capped_at_500_characters(qtbot: Any, tmp_path: Path) -> None:
    _fakes, window, screen = _open(qtbot, tmp_path, "claims")
    tap(qtbot, screen.new_claim)
    settle(window)
    tap(qtbot, screen.choices.button_for(1))
    settle(window)
    tap(qtbot, screen.choices.button_for("billing"))
    wiz = screen.wizard
    wiz.long.setPlainText("x" * 499)
    wiz.long.moveCursor(wiz.long.textCursor().MoveOperation.End)
    type_on_keyboard(qtbot, wiz.keyboard, "ab")
    assert len(wiz.long.toPlainText()) == 500
    assert wiz.counter.text() == "500 de 500 caracteres"


def _no_supply_claim_described(qtbot: Any, window: Any, screen: Any) -> Any:
    """New claim on supply 1, "no supply", described as "sin luz": the wizard, at the contact question."""
    tap(qtbot, screen.new_claim)
    settle(window)
    tap(qtbot, screen.choices.button_for(1))
    settle(window)
    tap(qtbot, screen.choices.button_for("no_supply"))
    wiz = screen.wizard
    type_on_keyboard(qtbot, wiz.keyboard, "sin luz")
    tap(qtbot, wiz.next_btn)
    return wiz


def test_service_refusal_goes_back_to_that_question(qtbot: Any, tmp_path: Path) -> None:
    _fakes, window, screen = _open(qtbot, tmp_path, "claims")
    wiz = _no_supply_claim_described(qtbot, window, screen)
    tap(qtbot, wiz.choices.button_for("other"))
    type_on_keypad(qtbot, wiz.keypad, "12345")  # 5 digits: too short for a phone, said at once
    tap(qtbot, wiz.next_btn)
    assert wiz.current().key == "contact_phone" and wiz.error.isVisible()
    type_on_keypad(qtbot, wiz.keypad, "6")
    tap(qtbot, wiz.next_btn)
    tap(qtbot, wiz.choices.button_for("any"))
    # Now make the service refuse the description: it comes back to that question with the reason.
    screen.answers["description"] = " "
    tap(qtbot, screen.review.send)
    settle(window)
    assert screen.page() == "form"
    assert wiz.current().key == "description"
    assert "Complete este dato" in wiz.error.text.text()


def test_request_e_invoice_by_email(qtbot: Any, tmp_path: Path) -> None:
    fakes, window, screen = _open(qtbot, tmp_path, "requests")
    tap(qtbot, screen.kinds.button_for(RequestKind.E_INVOICE.value))
    wiz = screen.wizard
    tap(qtbot, wiz.choices.button_for("email"))
    assert wiz.current().key == "email"
    type_on_keyboard(qtbot, wiz.keyboard, "maria")
    tap(qtbot, wiz.next_btn)
    assert "nombre@ejemplo.com" in wiz.error.text.text()  # checked before it reaches the service
    type_on_keyboard(qtbot, wiz.keyboard, "@correo.com")
    tap(qtbot, wiz.next_btn)
    assert screen.page() == "review"
    tap(qtbot, screen.review.send)
    settle(window)
    assert screen.page() == "done"
    sent = [args for name, args in fakes.rec.calls if name == "request_submit"]
    assert sent == [(RequestKind.E_INVOICE, {"delivery": "email", "email": "maria@correo.com"}, "es")]
    qtbot.waitUntil(lambda: bool(fakes.rec.printed), timeout=5000)
    assert fakes.rec.printed[-1][0] == "request_receipt"
    assert screen.done.number.text() == "1-2-000125"


def test_request_paper_invoice_skips_the_email(qtbot: Any, tmp_path: Path) -> None:
    fakes, window, screen = _open(qtbot, tmp_path, "requests")
    tap(qtbot, screen.kinds.button_for(RequestKind.E_INVOICE.value))
    tap(qtbot, screen.wizard.choices.button_for("paper"))
    assert screen.page() == "review"
    tap(qtbot, screen.review.send)
    settle(window)
    sent = [args for name, args in fakes.rec.calls if name == "request_submit"]
    assert sent == [(RequestKind.E_INVOICE, {"delivery": "paper"}, "es")]


def test_request_contact_change_and_callback(qtbot: Any, tmp_path: Path) -> None:
    fakes, window, screen = _open(qtbot, tmp_path, "requests")
    tap(qtbot, screen.kinds.button_for(RequestKind.CONTACT_CHANGE.value))
    wiz = screen.wizard
    type_on_keypad(qtbot, wiz.keypad, "3517654321")
    tap(qtbot, wiz.next_btn)
    tap(qtbot, wiz.next_btn)  # e-mail unchanged: left empty
    tap(qtbot, wiz.choices.button_for("yes"))
    tap(qtbot, screen.review.send)
    settle(window)
    sent = [args for name, args in fakes.rec.calls if name == "request_submit"]
    assert sent[-1] == (RequestKind.CONTACT_CHANGE, {"phone": "3517654321", "email": "", "consent": "yes"}, "es")

    # Another request from the start: back to the kinds with the footer, then a call-back.
    window.go("requests")
    settle(window)
    screen = window.current()
    assert screen.page() == "kinds"
    tap(qtbot, screen.kinds.button_for(RequestKind.CALLBACK.value))
    wiz = screen.wizard
    type_on_keyboard(qtbot, wiz.keyboard, "tarifa social")
    tap(qtbot, wiz.next_btn)
    type_on_keypad(qtbot, wiz.keypad, "3511112222")
    tap(qtbot, wiz.next_btn)
    tap(qtbot, wiz.choices.button_for("morning"))
    tap(qtbot, screen.review.send)
    settle(window)
    sent = [args for name, args in fakes.rec.calls if name == "request_submit"]
    assert sent[-1] == (
        RequestKind.CALLBACK,
        {"message": "tarifa social", "phone": "3511112222", "preferred_hours": "morning"},
        "es",
    )


def test_request_previous_keeps_answers(qtbot: Any, tmp_path: Path) -> None:
    _fakes, window, screen = _open(qtbot, tmp_path, "requests")
    tap(qtbot, screen.kinds.button_for(RequestKind.CHANGE_OF_HOLDER.value))
    wiz = screen.wizard
    tap(qtbot, wiz.choices.button_for("1"))
    type_on_keyboard(qtbot, wiz.keyboard, "Ana Ruiz")
    tap(qtbot, wiz.next_btn)
    assert wiz.current().key == "new_holder_document"
    tap(qtbot, window.footer.back)  # the window's "Volver" goes back one question
    assert wiz.current().key == "new_holder_name"
    assert wiz.line.text() == "Ana Ruiz"


def test_language_switch_mid_form_keeps_the_step_and_answers(qtbot: Any, tmp_path: Path) -> None:
    fakes, window, screen = _open(qtbot, tmp_path, "requests")
    try:
        tap(qtbot, screen.kinds.button_for(RequestKind.CALLBACK.value))
        wiz = screen.wizard
        type_on_keyboard(qtbot, wiz.keyboard, "hola")
        tap(qtbot, wiz.next_btn)
        type_on_keypad(qtbot, wiz.keypad, "35111")
        tap(qtbot, button_named(window, "lang_switch"))
        assert window.ctx.language == "en"
        assert screen.page() == "form"
        assert wiz.current().key == "phone"
        assert wiz.digits.text() == "35111"
        assert wiz.question.text() == "Which phone can we call you on?"  # re-said in English
        type_on_keypad(qtbot, wiz.keypad, "22233")
        tap(qtbot, wiz.next_btn)
        tap(qtbot, wiz.choices.button_for("any"))
        tap(qtbot, screen.review.send)
        settle(window)
        sent = [args for name, args in fakes.rec.calls if name == "request_submit"]
        assert sent == [
            (RequestKind.CALLBACK, {"message": "hola", "phone": "3511122233", "preferred_hours": "any"}, "en")
        ]
    finally:
        window.set_language("es")  # the translator is global to the application: leave it Spanish


def test_previous_on_the_first_question_goes_back_a_page(qtbot: Any, tmp_path: Path) -> None:
    _fakes, window, screen = _open(qtbot, tmp_path, "requests")
    tap(qtbot, screen.kinds.button_for(RequestKind.CALLBACK.value))
    assert screen.page() == "form"
    tap(qtbot, window.footer.back)
    assert screen.page() == "kinds"
    tap(qtbot, screen.kinds.button_for(RequestKind.E_INVOICE.value))
    assert screen.wizard.current().key == "delivery"


def test_claim_on_the_phone_on_file_asks_for_no_number(qtbot: Any, tmp_path: Path) -> None:
    fakes, window, screen = _open(qtbot, tmp_path, "claims")
    wiz = _no_supply_claim_described(qtbot, window, screen)
    tap(qtbot, wiz.choices.button_for(PHONE_ON_FILE))
    assert wiz.current().key == "contact_time"  # no keypad, no number to type
    tap(qtbot, window.footer.back)  # back goes to the offer, not to a number never asked for
    assert wiz.current().key == "contact_choice"
    tap(qtbot, wiz.choices.button_for(PHONE_ON_FILE))
    tap(qtbot, wiz.choices.button_for("morning"))
    review = " ".join(screen.review.details.texts())
    assert "11****5678" in review and "de su cuenta" in review
    tap(qtbot, screen.review.send)
    settle(window)
    filed = [args for name, args in fakes.rec.calls if name == "claim_file"]
    assert filed == [(1, "no_supply", "sin luz", PHONE_ON_FILE, "morning")]
    assert "11****5678" in " ".join(screen.done.details.texts())

"""Walk-in journeys on the real widgets: look up by keypad and print a duplicate; scan a barcode."""

from __future__ import annotations

import re
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt
from ui_taps import tap, type_on_keypad

from kiosk.payments.reference import make_barcode
from kiosk.testing.world import FakeWorld
from ui.screens.base import Screen


def _lookup(qtbot: Any, window: Any) -> Screen:
    tap(qtbot, window.screen_named("home").lookup_tile)
    assert window.current_name() == "lookup"
    return window.current()


def test_lookup_then_duplicate_printed_to_pdf_folder(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    screen: Any = _lookup(qtbot, kiosk_window)
    invoice = kiosk_world.invoices[0]
    type_on_keypad(qtbot, screen.keypad, str(invoice.account_id))
    tap(qtbot, screen.keypad.ok_key)  # "Siguiente": on to the invoice number
    assert screen.keypad.target is screen.invoice.edit
    type_on_keypad(qtbot, screen.keypad, invoice.number)  # the "-" key is on the keypad
    assert screen.invoice.text() == invoice.number
    tap(qtbot, screen.keypad.ok_key)
    qtbot.waitUntil(lambda: kiosk_window.current_name() == "invoice_found", timeout=5000)
    found: Any = kiosk_window.current()
    assert found.values["number"].text() == invoice.number
    assert found.values["amount"].text() == found.money(invoice.owed.amount)  # what it costs today
    assert invoice.owed.amount.amount > 0
    assert found.values["holder"].text() == invoice.holder_masked
    tap(qtbot, found.duplicate_btn)
    assert kiosk_window.current_name() == "printing"
    printing: Any = kiosk_window.current()
    qtbot.waitUntil(lambda: printing.state == "done", timeout=5000)
    assert printing.status.text() == "Retire su comprobante"
    pdfs = list((kiosk_world.print_folder or kiosk_world.printed[0].parent).glob("*.pdf"))
    assert len(pdfs) == 1
    text = PdfReader(pdfs[0]).pages[0].extract_text()
    assert invoice.number in text
    tap(qtbot, printing.again_btn)  # the document is never lost: print again
    qtbot.waitUntil(lambda: printing.state == "done" and len(list(pdfs[0].parent.glob("*.pdf"))) == 2,
                    timeout=5000)
    assert not printing.done_btn.isVisible()  # no "Listo" beside the footer's "Inicio"
    tap(qtbot, kiosk_window.footer.home)
    assert kiosk_window.current_name() == "home"
    assert kiosk_world.gui_thread_calls == []


def test_not_found_says_so_and_keeps_the_numbers(qtbot: Any, kiosk_window: Any) -> None:
    screen: Any = _lookup(qtbot, kiosk_window)
    type_on_keypad(qtbot, screen.keypad, "1001")
    tap(qtbot, screen.keypad.ok_key)
    type_on_keypad(qtbot, screen.keypad, "99999")
    tap(qtbot, screen.keypad.ok_key)
    qtbot.waitUntil(lambda: screen.notice.isVisible(), timeout=5000)
    assert "No encontramos una factura" in screen.notice.text.text()
    assert kiosk_window.current_name() == "lookup"
    assert screen.account.text() == "1001"


def test_repeated_failures_are_slowed_down(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    kiosk_world.failed_lookups = kiosk_world.throttle_after
    screen: Any = _lookup(qtbot, kiosk_window)
    type_on_keypad(qtbot, screen.keypad, "1001")
    tap(qtbot, screen.keypad.ok_key)
    type_on_keypad(qtbot, screen.keypad, "49101")
    tap(qtbot, screen.keypad.ok_key)
    qtbot.waitUntil(lambda: screen.notice.isVisible(), timeout=5000)
    assert "espere 30 segundos" in screen.notice.text.text()
    assert screen.notice.level == "warning"
    assert not screen.keypad.ok_key.isEnabled()  # searching pauses for the wait


def test_search_comes_back_after_the_wait(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    kiosk_world.failed_lookups = kiosk_world.throttle_after
    kiosk_world.throttle_wait = 1
    screen: Any = _lookup(qtbot, kiosk_window)
    type_on_keypad(qtbot, screen.keypad, "1001")
    tap(qtbot, screen.keypad.ok_key)
    type_on_keypad(qtbot, screen.keypad, "49101")
    tap(qtbot, screen.keypad.ok_key)
    qtbot.waitUntil(lambda: not screen.keypad.ok_key.isEnabled(), timeout=5000)
    kiosk_world.failed_lookups = 0  # the kiosk's throttle window passed
    qtbot.waitUntil(lambda: screen.keypad.ok_key.isEnabled(), timeout=3000)
    assert not screen.notice.isVisible()
    tap(qtbot, screen.keypad.ok_key)
    qtbot.waitUntil(lambda: kiosk_window.current_name() == "invoice_found", timeout=5000)


def test_barcode_scan_without_tapping_a_field(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    screen: Any = _lookup(qtbot, kiosk_window)
    invoice = kiosk_world.invoices[2]
    code = make_barcode(invoice.payment_reference, invoice.first_due_date, invoice.total.cents)
    qtbot.keyClicks(kiosk_window, code)  # a scanner types fast, into whatever has focus
    qtbot.keyClick(kiosk_window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk_window.current_name() == "invoice_found", timeout=5000)
    found: Any = kiosk_window.current()
    assert found.values["number"].text() == invoice.number
    assert found.values["status"].text() == "Vencida"
    assert screen.account.text() == ""  # the scan did not leak into the fields


def test_unreadable_scan_is_explained(qtbot: Any, kiosk_window: Any) -> None:
    screen: Any = _lookup(qtbot, kiosk_window)
    qtbot.keyClicks(kiosk_window, "123456789012345678")  # 18 digits, wrong check digit
    qtbot.keyClick(kiosk_window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.notice.isVisible(), timeout=5000)
    assert "No pudimos leer ese código" in screen.notice.text.text()


def test_out_of_paper_keeps_the_document(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    from kiosk.domain import PrinterState

    kiosk_world.printer_state = PrinterState.OUT_OF_PAPER
    kiosk_window.go("invoice_found", invoice=kiosk_world.invoices[0])
    found: Any = kiosk_window.current()
    tap(qtbot, found.duplicate_btn)
    printing: Any = kiosk_window.current()
    qtbot.waitUntil(lambda: printing.state == "problem", timeout=5000)
    assert "sin papel" in printing.notice.text.text()
    assert printing.again_btn.isVisible()
    kept = kiosk_world.kept_jobs[-1]  # kept under a number to quote at the counter
    assert not kept.reprinted and re.fullmatch(r"K-\d{4}", kept.number)
    assert printing.detail.text() == (f"Número de trabajo {kept.number}. Mientras tanto, en el mostrador de atención "
                                      "pueden darle el mismo comprobante; mencione este número.")
    kiosk_world.printer_state = PrinterState.READY  # staff loads paper
    tap(qtbot, printing.again_btn)
    qtbot.waitUntil(lambda: printing.state == "done", timeout=5000)
    assert len(kiosk_world.printed) == 1
    assert kept.number not in {k.number for k in kiosk_world.kept_jobs if not k.reprinted}  # no longer waiting


def test_the_job_number_in_english(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    from kiosk.domain import PrinterState

    kiosk_world.printer_state = PrinterState.OFFLINE
    kiosk_window.go("invoice_found", invoice=kiosk_world.invoices[0])
    kiosk_window.set_language("en")
    tap(qtbot, kiosk_window.current().duplicate_btn)
    printing: Any = kiosk_window.current()
    qtbot.waitUntil(lambda: printing.state == "problem", timeout=5000)
    kept = kiosk_world.kept_jobs[-1]
    assert printing.detail.text() == (f"Job number {kept.number}. Meanwhile, the service counter can give you the "
                                      "same document; mention this number.")


def test_scan_at_the_home_screen_opens_the_invoice(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    invoice = kiosk_world.invoices[1]
    assert kiosk_window.current_name() == "home"
    qtbot.keyClicks(kiosk_window, make_barcode(invoice.payment_reference, invoice.first_due_date,
                                               invoice.total.cents))
    qtbot.keyClick(kiosk_window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk_window.current_name() == "invoice_found", timeout=5000)
    assert kiosk_window.current().values["number"].text() == invoice.number


def test_result_of_a_screen_that_was_left_is_dropped(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    kiosk_world.delay = 0.3
    screen: Any = _lookup(qtbot, kiosk_window)
    type_on_keypad(qtbot, screen.keypad, "1001")
    tap(qtbot, screen.keypad.ok_key)
    type_on_keypad(qtbot, screen.keypad, kiosk_world.invoices[0].number)
    tap(qtbot, screen.keypad.ok_key)
    tap(qtbot, kiosk_window.footer.back)  # changed their mind while it was searching
    kiosk_window.ctx.ops.wait_idle(3000)
    qtbot.waitUntil(lambda: kiosk_window.ctx.ops.pending == 0, timeout=3000)
    assert kiosk_window.current_name() == "home"  # not yanked to the invoice


def test_payment_slip_is_printed(qtbot: Any, kiosk_window: Any, kiosk_world: FakeWorld) -> None:
    kiosk_window.go("invoice_found", invoice=kiosk_world.invoices[2])
    found: Any = kiosk_window.current()
    tap(qtbot, found.slip_btn)
    printing: Any = kiosk_window.current()
    assert printing.title.text() == "Cupón de pago"
    qtbot.waitUntil(lambda: printing.state == "done", timeout=5000)
    assert len(kiosk_world.printed) == 1
    text = PdfReader(kiosk_world.printed[-1]).pages[0].extract_text()
    assert "Cupón de pago" in text

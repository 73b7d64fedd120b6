"""Meter reading by taps: rollover question, unusually high consumption, window closed, receipt and reprint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests_ui_window import log_in, open_window, settle
from ui_taps import tap, type_on_keypad

from kiosk.domain import PrinterState
from kiosk.testing.fakes import make_fakes


def _to_entry(qtbot: Any, window: Any) -> Any:
    home = window.current()
    tap(qtbot, home.tiles["reading"])
    settle(window)
    screen = window.current()
    assert screen.page() == "supply"  # two meters: the customer picks one
    tap(qtbot, screen.supply_choices.button_for(1))
    settle(window)
    assert screen.page() == "entry"
    return screen


def _submits(fakes: Any) -> list[tuple[Any, ...]]:
    return [args for name, args in fakes.rec.calls if name == "reading_submit"]


def test_rollover_question_then_receipt(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    fakes.readings.last_value = 99_900  # near the end of a 5-digit meter
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    screen = _to_entry(qtbot, window)
    assert screen.last_value.text() == "99.900"
    type_on_keypad(qtbot, screen.keypad, "00250")
    tap(qtbot, screen.keypad.ok_key)
    settle(window)
    assert screen.page() == "rollover"
    assert screen.rollover_title.text() == "¿Su medidor dio la vuelta?"
    assert "99.900" in screen.rollover_text.text()
    tap(qtbot, screen.rollover_yes)
    settle(window)
    assert screen.page() == "done"
    assert _submits(fakes) == [(1, 250, False, False), (1, 250, True, False)]
    assert screen.done.number.text() == "1-2-000123"
    assert "350 kWh" in " ".join(screen.done.details.texts())  # 250 + 100000 - 99900
    qtbot.waitUntil(lambda: bool(fakes.rec.printed), timeout=5000)
    kind, receipt = fakes.rec.printed[-1]
    assert kind == "reading_receipt" and receipt.rollover and receipt.number == "1-2-000123"
    assert screen.done.print_state.level == "ok"


def test_unusually_high_asks_and_the_customer_corrects(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    screen = _to_entry(qtbot, window)
    type_on_keypad(qtbot, screen.keypad, "50000")
    tap(qtbot, screen.keypad.ok_key)
    settle(window)
    assert screen.page() == "high"
    assert "1.378 kWh" in screen.high_text.text() and "400 kWh" in screen.high_text.text()
    tap(qtbot, screen.high_no)
    assert screen.page() == "entry"
    tap(qtbot, screen.keypad.clear_key)
    type_on_keypad(qtbot, screen.keypad, "48900")
    tap(qtbot, screen.keypad.ok_key)
    settle(window)
    assert screen.page() == "done"
    assert _submits(fakes) == [(1, 50000, False, False), (1, 48900, False, False)]
    assert not fakes.rec.printed[-1][1].flagged


def test_unusually_high_confirmed_is_flagged(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    screen = _to_entry(qtbot, window)
    type_on_keypad(qtbot, screen.keypad, "50000")
    tap(qtbot, screen.keypad.ok_key)
    settle(window)
    tap(qtbot, screen.high_yes)
    settle(window)
    assert screen.page() == "done"
    assert _submits(fakes)[-1] == (1, 50000, False, True)
    assert "técnico revisará" in screen.done.notice.text.text()


def test_meter_digits_limit_the_keypad(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    screen = _to_entry(qtbot, window)
    type_on_keypad(qtbot, screen.keypad, "1234567")
    assert screen.field.text() == "12345"
    assert "5 números" in screen.entry_hint.text()


def test_outside_the_window_says_when_it_opens(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    fakes.readings.window_open = False
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    tap(qtbot, window.current().tiles["reading"])
    settle(window)
    screen = window.current()
    tap(qtbot, screen.supply_choices.button_for(1))
    settle(window)
    assert screen.page() == "closed"
    assert "9 de diciembre de 2024" in screen.closed_next.text()
    assert _submits(fakes) == []
    assert not screen.closed_back.isVisible()  # the footer's "Volver" is the one way back
    tap(qtbot, window.footer.back)
    assert screen.page() == "supply"  # two meters: back to the choice of meter
    tap(qtbot, window.footer.back)
    assert window.current_name() == "account_home"


def test_printer_out_of_paper_keeps_the_number_and_reprints(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    fakes.printing.state = PrinterState.OUT_OF_PAPER
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    screen = _to_entry(qtbot, window)
    type_on_keypad(qtbot, screen.keypad, "48900")
    tap(qtbot, screen.keypad.ok_key)
    settle(window)
    assert screen.page() == "done"
    assert screen.done.number.text() == "1-2-000123"
    assert screen.done.print_state.level == "error"
    assert fakes.rec.printed == []
    fakes.printing.state = PrinterState.READY
    tap(qtbot, screen.done.reprint)
    settle(window)
    assert fakes.rec.printed and fakes.rec.printed[-1][0] == "reprint"
    assert screen.done.print_state.level == "ok"
    assert not screen.done.reprint.isVisible()


def test_a_double_tap_submits_once(qtbot: Any, tmp_path: Path) -> None:
    fakes = make_fakes()
    window = open_window(qtbot, fakes.services, tmp_path)
    log_in(qtbot, window)
    screen = _to_entry(qtbot, window)
    type_on_keypad(qtbot, screen.keypad, "48900")
    tap(qtbot, screen.keypad.ok_key)
    tap(qtbot, screen.keypad.ok_key)
    settle(window)
    assert len(_submits(fakes)) == 1
    assert screen.page() == "done"

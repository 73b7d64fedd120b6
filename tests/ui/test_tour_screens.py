"""Screens seen broken in the tour (issue 8): each test puts the real window in the state the tour showed and
checks what a customer at the screen would notice."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QLabel, QWidget
from ui_taps import tap, type_on_keypad


def _shown_texts(root: QWidget) -> list[str]:
    return [lab.text() for lab in root.findChildren(QLabel) if lab.isVisibleTo(root) and lab.text()]


def test_out_of_service_home_says_it_once_and_keeps_the_tile_small(qtbot: Any, kiosk_window: Any) -> None:
    for orientation in ("portrait", "landscape"):
        kiosk_window.set_orientation(orientation)
        kiosk_window.set_out_of_service(True)
        QApplication.processEvents()
        home: Any = kiosk_window.current()
        texts = _shown_texts(kiosk_window)
        sentences = [t for t in texts if "fuera de servicio" in t]
        assert len(sentences) == 1, sentences
        assert not kiosk_window.banner.isVisible()
        assert not home.welcome.isVisible()  # no "¿Qué quiere hacer hoy?" when there is nothing to do
        assert home.faq_tile.isVisible() and not home.lookup_tile.isVisible()
        assert home.faq_tile.height() <= home.faq_tile.minimumHeight() + 40, home.faq_tile.height()  # not 1,000 px
        kiosk_window.go("faq")  # elsewhere the banner says it (home is not there to)
        assert kiosk_window.banner.isVisible()
        kiosk_window.home()
        assert not kiosk_window.banner.isVisible()
        kiosk_window.set_out_of_service(False)
        assert home.welcome.isVisible() and home.lookup_tile.isVisible()


def _keypad_screens(window: Any) -> dict[str, Any]:
    """Every screen with a keypad, on the page where the keypad is used."""
    from ui.tour import settle

    shown: dict[str, Any] = {}
    window.end_session()
    for name in ("lookup", "login", "pin_register"):
        window.go(name)
        settle(window)
        shown[name] = window.current().keypad
    window.start_session(window.ctx.services.auth.login("1001", "2580"))
    window.go("reading", pick_first=True)
    settle(window)
    assert window.current().page() == "entry"
    shown["reading"] = window.current().keypad
    from ui.screens.claims_screen import _description

    window.go("claims")
    settle(window)
    _description(window.current())
    wizard = window.current().wizard
    wizard.goto_key("contact_phone")
    QApplication.processEvents()
    shown["claim phone"] = wizard.keypad
    return shown


def test_every_keypad_has_the_same_keys(qtbot: Any, kiosk_window: Any) -> None:
    """The reading keypad had 66 px keys where the others had 125 px; "Borrar" touched its key's edges."""
    for orientation in ("landscape", "portrait"):
        kiosk_window.set_orientation(orientation)
        sizes = {}
        for name, pad in _keypad_screens(kiosk_window).items():
            key = pad.keys["5"]
            sizes[name] = (key.width(), key.height())
            clear = pad.keys["clear"]
            room = clear.width() - clear.fontMetrics().horizontalAdvance(clear.text())
            assert room >= 32, f"{orientation}/{name}: «{clear.text()}» fills its key ({room} px to spare)"
        widths = [w for w, _h in sizes.values()]
        assert max(widths) - min(widths) <= 0.1 * max(widths), f"{orientation}: {sizes}"
        assert all(h >= 100 for _w, h in sizes.values()), f"{orientation}: {sizes}"


def test_reading_confirm_key_keeps_its_word_in_both_orientations(qtbot: Any, kiosk_window: Any) -> None:
    """The portrait tour showed "Aceptar" where landscape said "Confirmar lectura" (after a language switch)."""
    from ui.tour import settle

    kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
    kiosk_window.go("reading", pick_first=True)
    settle(kiosk_window)
    pad = kiosk_window.current().keypad
    for orientation in ("landscape", "portrait"):
        kiosk_window.set_orientation(orientation)
        kiosk_window.set_language("en")
        english = pad.ok_key.text()
        kiosk_window.set_language("es")
        assert pad.ok_key.text() == "Confirmar lectura", orientation
        assert english not in ("Aceptar", "OK", "Confirmar lectura"), english


def test_a_selection_does_not_follow_the_customer_to_another_filter(qtbot: Any, kiosk_window: Any) -> None:
    """The tour showed "2 facturas seleccionadas" and an active slip button on "Pagadas"."""

    from ui.tour import settle

    kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
    kiosk_window.go("invoices")
    settle(kiosk_window)
    screen: Any = kiosk_window.current()
    for row in [r for r in screen.list.rows() if r.selectable][:2]:
        tap(qtbot, row.check)
    assert len(screen.list.selected()) == 2 and screen.pay.isEnabled()
    tap(qtbot, screen.filter_buttons["paid"])
    assert screen.list.selected() == []
    assert not screen.selection_bar.isVisible() and not screen.pay.isEnabled()
    assert not any("seleccionada" in t for t in _shown_texts(screen))
    tap(qtbot, screen.filter_buttons["open"])
    assert screen.list.selected() == [] and not screen.pay.isEnabled()
    assert all(not row.selected for row in screen.list.rows())
    # A new visit (as the tour's next step) starts on "A pagar" with nothing selected.
    QApplication.processEvents()  # rows added to a shown list are shown by a queued call
    tap(qtbot, next(r for r in screen.list.rows() if r.selectable).check)
    assert len(screen.list.selected()) == 1
    kiosk_window.home()
    kiosk_window.go("invoices", status="paid")
    settle(kiosk_window)
    assert screen.filter == "paid" and screen.list.selected() == []
    kiosk_window.home()
    kiosk_window.go("invoices")
    settle(kiosk_window)
    assert screen.filter == "open" and screen.list.selected() == []


def test_tour_overdue_invoice_has_its_due_dates_behind_it(qtbot: Any, kiosk_window: Any) -> None:
    """Tour state 19 said "Vencida" beside two due dates in the future (a status pasted onto another invoice)."""
    from kiosk.domain import InvoiceStatus
    from kiosk.testing import world as demo_services
    from ui.screens.invoice_found_screen import tour_steps

    for step in tour_steps():
        kiosk_window.go(step.screen, **step.args)
        assert step.setup is not None
        step.setup(kiosk_window.current())
        inv = kiosk_window.current().invoice
        if inv.status is InvoiceStatus.OVERDUE:
            assert inv.first_due_date < demo_services.TODAY, step.name
        elif inv.status is InvoiceStatus.PENDING:
            assert inv.first_due_date >= demo_services.TODAY, step.name
    names = {s.name: s for s in tour_steps()}
    assert {"invoice_found", "invoice_found_overdue", "invoice_found_paid"} <= set(names)


def test_reading_window_dates_get_the_tense_they_call_for(qtbot: Any, kiosk_window: Any) -> None:
    """Tour state 49 said "Podrá informarla del 9 … 2024" two years after those dates."""
    from datetime import timedelta

    from kiosk.domain import ReadingWindow
    from kiosk.testing.world import TODAY
    from ui.tour import settle

    kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
    kiosk_window.go("reading", pick_first=True)
    settle(kiosk_window)
    screen: Any = kiosk_window.current()
    assert screen.check.today == TODAY  # the day the service checked on, not the test machine's
    past = ReadingWindow("R1", TODAY - timedelta(days=40), TODAY - timedelta(days=35))
    future = ReadingWindow("R1", TODAY + timedelta(days=20), TODAY + timedelta(days=25))
    screen.show_closed(None, past)
    assert "Podrá" not in screen.closed_next.text() and "fue del" in screen.closed_next.text()
    screen.show_closed(None, future)
    assert screen.closed_next.text().startswith("Podrá informarla del")
    screen.show_closed(TODAY - timedelta(days=3))
    assert "Podrá" not in screen.closed_next.text()
    screen.show_closed(TODAY + timedelta(days=3))
    assert screen.closed_next.text().startswith("Podrá informarla a partir del")
    # The tour's own state: a window still to come.
    from ui.screens.reading_screen import tour_steps

    step = next(s for s in tour_steps() if s.name == "reading_outside_window")
    kiosk_window.go("reading", **step.args)
    settle(kiosk_window)
    assert step.setup is not None
    step.setup(kiosk_window.current())
    assert screen.closed_next.text().startswith("Podrá informarla del")


def test_reading_and_consumption_name_the_same_average(qtbot: Any, kiosk_window: Any) -> None:
    """Tour state 51 named an average (410 kWh) the consumption screen did not show (323 kWh) for that meter."""

    from kiosk.formatting import format_consumption
    from ui.tour import settle

    kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
    kiosk_window.go("consumption")
    settle(kiosk_window)
    consumption: Any = kiosk_window.current()
    supply = consumption.supply
    average = consumption.chart.average()
    assert average is not None
    said = format_consumption(average, supply.unit, "es_AR")
    assert said in consumption.summary.text()
    kiosk_window.home()
    kiosk_window.go("reading", pick_first=True)
    settle(kiosk_window)
    reading: Any = kiosk_window.current()
    assert reading.check.supply.id == supply.id
    high = int(average * 4)
    type_on_keypad(qtbot, reading.keypad, str(reading.check.last_value + high))
    tap(qtbot, reading.keypad.ok_key)
    settle(kiosk_window)
    assert reading.page() == "high", reading.page()
    assert said in reading.high_text.text(), (said, reading.high_text.text())
    periods = str(kiosk_window.ctx.config.readings.history_periods)
    assert f"últimos {periods} meses" in reading.high_text.text()
    assert f"últimos {periods} meses" in consumption.summary.text()


def test_idle_countdown_says_what_zero_means_and_the_seconds_once(qtbot: Any, kiosk_window: Any) -> None:
    """Tour state 58: "la sesión se cerrará" on a walk-in screen, and the seconds both big and in the sentence."""
    dialog = kiosk_window.idle_dialog
    kiosk_window.go("lookup")
    kiosk_window.watchdog.warn.emit(17)  # what the idle watchdog sends
    assert dialog.isVisible()
    walk_in = " ".join(_shown_texts(dialog))
    assert walk_in.count("17") == 1, walk_in
    assert "sesión" not in walk_in and "inicio" in walk_in
    kiosk_window.watchdog.tick.emit(1)
    assert dialog.number.text() == "1" and dialog.unit.text() == "segundo"
    dialog.hide()
    kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
    kiosk_window.watchdog.warn.emit(9)
    logged_in = " ".join(_shown_texts(dialog))
    assert logged_in.count("9") == 1 and "sesión" in logged_in, logged_in
    kiosk_window.set_language("en")
    assert dialog.number.text() == "9" and dialog.unit.text() == "seconds"
    assert "session" in dialog.countdown.text()
    kiosk_window.set_language("es")


def test_account_home_tiles_have_icons_true_words_and_fill_the_screen(qtbot: Any, kiosk_window: Any) -> None:
    """Tour state 07: tiles without icons, "Ver, pagar, duplicado" (the kiosk takes no payment), half empty."""
    from ui.icons import ICONS_DIR
    from ui.screens.account_home_screen import home_tiles
    from ui.tour import settle

    icons = {name: tile.icon for name, tile in home_tiles()}  # each screen declares its tile
    kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
    for orientation in ("landscape", "portrait"):
        kiosk_window.set_orientation(orientation)
        kiosk_window.home()
        settle(kiosk_window)
        home: Any = kiosk_window.current()
        page = home.stack.currentWidget()
        visible = [(name, t) for name, t in home.tiles.items() if t.isVisible()]
        assert len(visible) >= 6
        for name, tile in visible:
            assert (ICONS_DIR / f"{icons[name]}.svg").exists(), name
            assert not tile.picture.pixmap().isNull() and tile.picture.isVisible(), name
        invoices = home.tiles["invoices"].sub.text()
        assert "cupón de pago" in invoices and "duplicado" in invoices and "pagar," not in invoices
        lowest = max(t.mapTo(page, t.rect().bottomLeft()).y() for _n, t in visible)
        assert lowest >= page.height() - 40, f"{orientation}: tiles end at {lowest} of {page.height()} px"


BACKWARDS = {"Anterior", "Corregir", "Listo", "Volver a mi cuenta", "Elegir otro plan"}


def _one_way_each(window: Any, where: str, problems: list[str]) -> None:
    """At most one forward key among a form's "Siguiente" and its keypad's or keyboard's OK, and no second
    way back beside the window's "Volver"."""
    from PySide6.QtWidgets import QPushButton

    QApplication.processEvents()
    shown = [b for b in window.findChildren(QPushButton) if b.isVisibleTo(window)]
    forward = [b for b in shown if b.objectName() in ("wizard_next", "key_ok")]
    if len(forward) > 1:
        problems.append(f"{where}: two ways forward {[b.text() for b in forward]}")
    if window.footer.back.isVisibleTo(window):
        extra = [b.text() for b in shown if b.text() in BACKWARDS]
        if extra:
            problems.append(f"{where}: {extra} beside «Volver»")


def test_one_way_forward_and_one_way_back_in_every_tour_state(qtbot: Any, kiosk_window: Any, tmp_path: Any) -> None:
    """The tour showed "Aceptar" beside "Siguiente", "Anterior" beside "Volver", "Listo" beside "Inicio"."""
    from dataclasses import replace

    from ui.screens.base import tour_steps
    from ui.tour import extra_steps, run_tour

    services = kiosk_window.ctx.services
    problems: list[str] = []

    def checking(step: Any) -> Any:
        def setup(window: Any) -> None:
            if step.window_setup is not None:
                step.window_setup(window)
            _one_way_each(window, f"{window.orientation}/{step.name}", problems)

        return replace(step, window_setup=setup)

    steps = [checking(s) for s in [*tour_steps(), *extra_steps()]]
    run_tour(kiosk_window, tmp_path, login=lambda: services.auth.login("1001", "2580"), steps=steps,
             orientations=("landscape",))
    assert not problems, "\n".join(problems)


def test_the_windows_back_walks_a_form_backwards(qtbot: Any, kiosk_window: Any) -> None:
    """With "Anterior" and "Corregir" gone, "Volver" does their work: review -> last question -> ... -> out."""
    from ui.tour import settle

    kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
    kiosk_window.home()  # the account home, where the tile is
    kiosk_window.go("claims")
    settle(kiosk_window)
    screen: Any = kiosk_window.current()
    back = kiosk_window.footer.back
    tap(qtbot, screen.new_claim)
    settle(kiosk_window)
    assert screen.page() == "choose" and screen.choosing == "supply"  # two supplies
    tap(qtbot, screen.choices.button_for(screen.supplies[0].id))
    settle(kiosk_window)
    tap(qtbot, screen.choices.button_for(screen.categories[0].code))
    wiz = screen.wizard
    assert screen.page() == "form" and not wiz.prev_btn.isVisible() and not wiz.keyboard.ok_key.isVisible()
    wiz.long.setPlainText("Sin luz desde ayer")
    while screen.page() == "form":  # answer every question with what the form offers
        step = wiz.current()
        if step.kind == "choice":
            tap(qtbot, wiz.choices.button_for(step.choices[0][0]))
        else:
            if step.kind == "digits" and not wiz.digits.text():
                type_on_keypad(qtbot, wiz.keypad, "3511234567")
            tap(qtbot, wiz.next_btn)
    assert screen.page() == "review" and not screen.review.correct.isVisible()
    last = wiz.steps()[-1].key
    tap(qtbot, back)
    assert screen.page() == "form" and wiz.current().key == last
    while wiz.current().key != "description":
        tap(qtbot, back)
    assert wiz.long.toPlainText() == "Sin luz desde ayer"
    tap(qtbot, back)
    assert screen.page() == "choose" and screen.choosing == "category"
    tap(qtbot, back)
    assert screen.page() == "choose" and screen.choosing == "supply"
    tap(qtbot, back)
    assert screen.page() == "start" and kiosk_window.current_name() == "claims"
    tap(qtbot, back)
    assert kiosk_window.current_name() == "account_home"


def test_tour_steps_get_the_account_they_ask_for(qtbot: Any, kiosk_window: Any, tmp_path: Any) -> None:
    """A step asking for a kind of account gets that customer; one the data lacks is left out, not faked."""
    from ui.screens.base import TourStep
    from ui.tour import run_tour

    services = kiosk_window.ctx.services
    asked: list[str] = []

    def login(account: str = "") -> Any:
        asked.append(account)
        if account == "cases":
            return None  # this data has no such account
        return services.auth.login("1003" if account == "prepaid" else "1001",
                                   "4826" if account == "prepaid" else "2580")

    seen: list[tuple[str, int]] = []

    def note(window: Any) -> None:
        seen.append((window.current_name(), window.ctx.session.account_id))

    steps = [
        TourStep("a", "account_home", login=True, window_setup=note),
        TourStep("b", "account_home", login=True, account="prepaid", window_setup=note),
        TourStep("c", "claims", login=True, account="cases", window_setup=note),
        TourStep("d", "account_home", login=True, window_setup=note),
    ]
    logs: list[str] = []
    files = run_tour(kiosk_window, tmp_path, login=login, steps=steps, orientations=("landscape",),
                     log=logs.append)
    assert [p.stem for p in files] == ["01_a", "02_b", "04_d"]
    assert seen == [("account_home", 1001), ("account_home", 1003), ("account_home", 1001)]
    assert any("c left out" in line for line in logs), logs


def test_borrar_has_room_on_every_keypad_and_keyboard_even_in_large_text(qtbot: Any, kiosk_window: Any) -> None:
    """48_reading_entry: "Borrar" touched its key's edges (and did on the form's keyboard in large text)."""
    from ui.screens.claims_screen import _description
    from ui.tour import settle

    def check(key: Any, where: str) -> None:
        for large in (False, True):  # switched on where the customer is, as the tour does
            if large:
                kiosk_window.on_toggle_large_text()
            QApplication.processEvents()
            room = key.width() - key.sizeHint().width()  # the hint: text, padding and frame
            assert room >= 8, f"{where} (large text {large}): «{key.text()}» has {room} px to spare"
        kiosk_window.on_toggle_large_text()

    for orientation in ("landscape", "portrait"):
        kiosk_window.set_orientation(orientation)
        kiosk_window.end_session()
        for name in ("lookup", "login", "pin_register"):
            kiosk_window.go(name)
            settle(kiosk_window)
            check(kiosk_window.current().keypad.keys["clear"], f"{orientation}/{name}")
        kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
        kiosk_window.go("reading", pick_first=True)
        settle(kiosk_window)
        check(kiosk_window.current().keypad.keys["clear"], f"{orientation}/reading")
        kiosk_window.go("claims")
        settle(kiosk_window)
        _description(kiosk_window.current())
        check(kiosk_window.current().wizard.keyboard.clear_key, f"{orientation}/claim keyboard")


def test_account_home_tiles_never_clip_their_words(qtbot: Any, kiosk_window: Any) -> None:
    """Large text on a landscape kiosk: every word a tile shows lies inside the tile, lines do not overlap."""
    from ui.tour import settle

    kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
    for orientation in ("landscape", "portrait"):
        kiosk_window.set_orientation(orientation)
        for large in (False, True):
            kiosk_window.home()
            settle(kiosk_window)
            if large:
                kiosk_window.on_toggle_large_text()
            QApplication.processEvents()
            home: Any = kiosk_window.current()
            for name, tile in home.tiles.items():
                if not tile.isVisible():
                    continue
                shown = [lab for lab in (tile.heading, tile.sub) if lab.isVisible()]
                assert tile.heading in shown, name
                for lab in shown:
                    needed = lab.heightForWidth(lab.width()) if lab.wordWrap() else lab.sizeHint().height()
                    assert lab.height() >= needed, f"{orientation} large={large} {name}: «{lab.text()}» clipped"
                    box = lab.geometry()
                    assert box.top() >= 0 and box.bottom() <= tile.height(), f"{orientation} {name} {lab.text()}"
                if len(shown) == 2:
                    assert tile.heading.geometry().bottom() < tile.sub.geometry().top(), f"{orientation} {name}"
            if large:
                kiosk_window.on_toggle_large_text()


def test_portrait_keypad_leaves_the_fields_room(qtbot: Any, kiosk_window: Any) -> None:
    """A portrait login showed the PIN field cut off (its column scrolled) while gaps opened between the keys."""
    from ui.tour import settle

    kiosk_window.set_orientation("portrait")
    for name in ("lookup", "login", "pin_register"):
        kiosk_window.go(name)
        settle(kiosk_window)
        QApplication.processEvents()
        screen: Any = kiosk_window.current()
        assert screen.left_area.verticalScrollBar().maximum() == 0, f"{name}: the fields scroll in their column"
        keys = screen.keypad.keys
        gap = keys["4"].geometry().top() - keys["1"].geometry().bottom()
        assert gap <= 2 * screen.keypad.layout().spacing(), f"{name}: {gap} px between rows of keys"

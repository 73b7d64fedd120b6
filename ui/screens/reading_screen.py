"""Aportar lectura: the customer types what their meter shows, inside the supply's reading window.

Pick the supply (skipped when there is only one meter) -> see the last reading and its date -> type the new
value on the keypad -> confirm. The service decides, the screen asks: outside the window it says when the
next one opens; below the last reading it asks "¿Su medidor dio la vuelta?"; an unusually high consumption
asks for confirmation. The reading is committed before the receipt prints; the confirmation number stays on
screen whatever the printer does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain import AccountOverview, ReadingReceipt, ReadingWindow, Supply
from kiosk.formatting import format_consumption, format_number
from kiosk.services.api import PrintResult, ReadingCheck
from kiosk.services.errors import ServiceError
from ui.screens.base import TourStep, register
from ui.screens.customer_base import HomeTile, has_meter
from ui.screens.intake_base import IntakeScreen
from ui.widgets.banner import Notice
from ui.widgets.buttons import big_button
from ui.widgets.fields import no_context_menu
from ui.widgets.keypad import Keypad
from ui.widgets.panels import ChoiceButtons, card, label


@register("reading")
class ReadingScreen(IntakeScreen):
    """Supply -> last reading -> keypad -> questions (rollover, high) -> done with number and receipt."""

    home_tile = HomeTile(
        "meter",
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Aportar lectura")),
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Informe lo que marca su medidor")),
        30,
        has_meter,
    )

    receipt_what = "reading_receipt"

    def build_pages(self) -> None:
        self.supplies: list[Supply] = []
        self.check: ReadingCheck | None = None
        self.value: int | None = None
        self.confirm_rollover = False
        self.confirm_high = False
        self._high: tuple[object, object] | None = None
        self._closed: tuple[date | None, ReadingWindow | None] | None = None
        self._pick_first = False

        # 1. which meter
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        self.supply_question = label("", "subtitle", page)
        self.supply_choices = ChoiceButtons(page, columns=1)
        self.supply_choices.chosen.connect(self.on_supply)
        self.supply_notice = Notice(page, "info", name="reading_supply_notice")
        box.addWidget(self.supply_question)
        box.addWidget(self.supply_notice)
        box.addWidget(self.supply_choices)
        box.addStretch(1)
        self.add_page("supply", page)

        # 2. window closed
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(20)
        self.closed_notice = Notice(page, "warning", name="reading_closed")
        self.closed_next = label("", "title", page)
        self.closed_next.setObjectName("reading_next_window")
        self.closed_help = label("", "subtitle", page)
        self.closed_back = big_button(
            "", page, self.on_closed_back, kind="secondary", min_height=80, name="reading_closed_back"
        )
        self.closed_back.hide()  # the window's "Volver" and "Inicio" already lead back: one way back
        box.addWidget(self.closed_notice)
        box.addWidget(self.closed_next)
        box.addWidget(self.closed_help)
        box.addWidget(self.closed_back)
        box.addStretch(1)
        self.add_page("closed", page)

        # 3. the keypad
        page = QWidget(self)
        self.entry_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, page)
        self.entry_box.setContentsMargins(0, 0, 0, 0)
        self.entry_box.setSpacing(32)
        info, ibox = card(page, "reading_last")
        self.meter = label("", "subtitle", info)
        self.last_caption = label("", "field", info)
        self.last_value = label("", "big", info)
        self.last_value.setObjectName("reading_last_value")
        self.last_date = label("", "subtitle", info)
        self.window_text = label("", "muted", info)
        ibox.addWidget(self.meter)
        ibox.addWidget(self.last_caption)
        ibox.addWidget(self.last_value)
        ibox.addWidget(self.last_date)
        ibox.addWidget(self.window_text)
        # Landscape: the meter, the question and the field on the left, the keypad on the right (as on the
        # look-up and login screens, so the keys are the same size); portrait: the keypad under them.
        left = QVBoxLayout()
        left.setSpacing(16)
        self.entry_question = label("", "subtitle", page)
        self.entry_hint = label("", "muted", page)
        self.field = QLineEdit(page)
        self.field.setObjectName("reading_value")
        no_context_menu(self.field)
        self.field.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry_error = Notice(page, "error", name="reading_error")
        self.keypad = Keypad(page)
        self.keypad.fit(False)
        self.keypad.attach(self.field)
        self.keypad.submitted.connect(self.on_confirm)
        self.keypad.edited.connect(self.entry_error.clear)
        left.addWidget(info)
        left.addWidget(self.entry_question)
        left.addWidget(self.entry_hint)
        left.addWidget(self.field)
        left.addWidget(self.entry_error)
        left.addStretch(1)
        self.entry_box.addLayout(left, 3)
        self.entry_box.addWidget(self.keypad, 2)
        self.add_page("entry", page)

        # 4./5. the two questions
        self.rollover_page, self.rollover_title, self.rollover_text, self.rollover_yes, self.rollover_no = (
            self._question_page("rollover", self.on_rollover_yes)
        )
        self.high_page, self.high_title, self.high_text, self.high_yes, self.high_no = self._question_page(
            "high", self.on_high_yes
        )

        # 6. done
        self.build_done("reading_done")
        self.show_page("supply")

    def _question_page(self, key: str, on_yes: Any) -> tuple[QWidget, Any, Any, Any, Any]:
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(24)
        frame, inner = card(page, f"reading_{key}_card")
        title = label("", "title", frame)
        title.setObjectName(f"reading_{key}_question")
        text = label("", "subtitle", frame)
        inner.addWidget(title)
        inner.addWidget(text)
        row = QHBoxLayout()
        row.setSpacing(24)
        yes = big_button("", page, on_yes, min_height=110, name=f"reading_{key}_yes")
        no = big_button("", page, self.on_correct, kind="secondary", min_height=110, name=f"reading_{key}_no")
        for btn in (yes, no):
            btn.setFixedHeight(110)
            row.addWidget(btn)
        box.addStretch(1)
        box.addWidget(frame)
        box.addLayout(row)
        box.addStretch(1)
        self.add_page(key, page)
        return page, title, text, yes, no

    def relayout_pages(self, portrait: bool) -> None:
        self.entry_box.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        # Portrait: the card and the question keep their height and the spare height goes to bigger keys.
        self.entry_box.setStretch(0, 0 if portrait else 3)
        self.entry_box.setStretch(1, 1 if portrait else 2)
        self.keypad.fit(portrait)
        self.entry_box.setAlignment(self.keypad, Qt.AlignmentFlag.AlignHCenter if portrait else Qt.AlignmentFlag(0))

    def retranslate(self) -> None:
        self.set_title(self.tr("Aportar lectura"))
        self.supply_question.setText(self.tr("¿De qué medidor quiere informar la lectura?"))
        self.closed_back.setText(self.tr("Volver a mi cuenta"))
        self.closed_help.setText(
            self.tr("Fuera de esas fechas la lectura la toma nuestro personal. No hace falta que haga nada más.")
        )
        self.last_caption.setText(self.tr("Última lectura"))
        self.entry_question.setText(self.tr("¿Qué número marca hoy su medidor?"))
        self.keypad.set_ok_text(self.tr("Confirmar lectura"))
        self.rollover_title.setText(self.tr("¿Su medidor dio la vuelta?"))
        self.rollover_yes.setText(self.tr("Sí, dio la vuelta"))
        self.rollover_no.setText(self.tr("No, quiero corregir el número"))
        self.high_title.setText(self.tr("Este consumo es muy alto"))
        self.high_yes.setText(self.tr("Sí, el número es correcto"))
        self.high_no.setText(self.tr("No, quiero corregir el número"))
        self._refresh_page()

    def _refresh_page(self) -> None:
        """Re-say what the current page says, in the new language, without moving the customer."""
        page = self.page()
        if page == "entry" and self.check is not None:
            self.on_check(self.check)
        elif page == "rollover" and self.check is not None and self.check.last_value is not None:
            self.show_rollover(self.check.last_value)
        elif page == "high" and self._high is not None:
            self.show_high(*self._high)
        elif page == "closed" and self._closed is not None:
            self.show_closed(*self._closed)
        elif page == "done" and self.receipt is not None:
            state, level = self.done.print_state.text.text(), self.done.print_state.level
            self.on_sent(self.receipt, print_now=False)
            if state:
                self.done.print_state.show_message(state, level)

    # -- flow -----------------------------------------------------------------------------------------------

    def on_enter(self, args: dict[str, Any]) -> None:
        if args.get("returning") and self.page():
            return
        self.clear()
        session = self.customer()
        if session is None:
            return
        self._pick_first = bool(args.get("pick_first"))  # the tour: straight to the first meter
        self.run(self.services.account.overview, session, on_done=self.on_overview)

    def on_overview(self, overview: AccountOverview) -> None:
        self.supplies = [s for s in overview.supplies if s.service.metered and s.active]
        if len(self.supplies) == 1 or (self.supplies and self._pick_first):
            self.on_supply(self.supplies[0].id)
            return
        self.supply_choices.set_choices([(s.id, self.supply_text(s)) for s in self.supplies])
        if not self.supplies:
            self.supply_notice.show_message(self.tr("Su cuenta no tiene medidores para informar lecturas."), "info")
        self.show_page("supply")

    def on_supply(self, supply_id: object) -> None:
        session = self.customer()
        if session is None:
            return
        self.run(self.services.readings.check, session, int(str(supply_id)), on_done=self.on_check)

    def on_check(self, check: ReadingCheck) -> None:
        self.check = check
        supply = check.supply
        if check.window is None:
            self.show_closed(check.next_window.opens_on if check.next_window else None, check.next_window)
            return
        self.meter.setText(self.supply_text(supply))
        if check.last_value is not None:
            self.last_value.setText(format_number(check.last_value, self.babel_locale))
            self.last_date.setText(
                self.tr("tomada el %1").replace("%1", self.date(check.last_read_on, "long"))
                if check.last_read_on
                else ""
            )
        else:
            self.last_value.setText("—")
            self.last_date.setText(self.tr("Todavía no hay lecturas de este medidor."))
        self.window_text.setText(
            self.tr("Puede informar su lectura hasta el %1.").replace("%1", self.date(check.window.closes_on, "long"))
        )
        digits = supply.meter_digits or 0
        self.field.setMaxLength(digits or 10)
        if digits:
            self.entry_hint.setText(
                self.tr(
                    "Escriba los números negros del medidor, de izquierda a derecha, sin los decimales "
                    "(hasta %1 números)."
                ).replace("%1", str(digits))
            )
        else:
            self.entry_hint.setText(self.tr("Escriba los números negros del medidor, sin los decimales."))
        self.show_page("entry")

    def _today(self) -> date:
        """The day the service checked the window on (so "podrá" and "pudo" agree with it), else today."""
        if self.check is not None and self.check.today is not None:
            return self.check.today
        return self.local_today()

    def show_closed(self, next_opens_on: date | None, window: ReadingWindow | None = None) -> None:
        """Outside the reading window: say when the next one opens, in the tense its dates call for."""
        self._closed = (next_opens_on, window)
        self.closed_notice.show_message(
            self.tr("En este momento no se pueden informar lecturas para este medidor."), "warning"
        )
        today = self._today()
        no_dates = self.tr("Todavía no hay fechas para la próxima lectura.")
        if window is not None and window.closes_on < today:
            text = (
                self.tr("El último período para informarla fue del %1 al %2.")
                .replace("%1", self.date(window.opens_on, "long"))
                .replace("%2", self.date(window.closes_on, "long"))
            ) + " " + no_dates
        elif window is not None and window.opens_on <= today:
            text = self.tr("Puede informarla hasta el %1.").replace("%1", self.date(window.closes_on, "long"))
        elif window is not None:
            text = (
                self.tr("Podrá informarla del %1 al %2.")
                .replace("%1", self.date(window.opens_on, "long"))
                .replace("%2", self.date(window.closes_on, "long"))
            )
        elif next_opens_on is not None and next_opens_on > today:
            text = self.tr("Podrá informarla a partir del %1.").replace("%1", self.date(next_opens_on, "long"))
        else:
            text = no_dates
        self.closed_next.setText(text)
        self.show_page("closed")

    def on_closed_back(self) -> None:
        self.go("account_home")

    def step_back(self) -> bool:
        """The window's "Volver": from a question back to the number, from the number or a closed window
        back to the choice of meter (when there are several); otherwise out of the screen."""
        page = self.page()
        if page in ("rollover", "high"):
            self.on_correct()
            return True
        if page in ("entry", "closed") and len(self.supplies) > 1:
            self.entry_error.clear()
            self.supply_choices.set_choices([(s.id, self.supply_text(s)) for s in self.supplies])
            self.show_page("supply")
            return True
        return False

    def on_confirm(self) -> None:
        text = self.field.text().strip()
        if not text.isdigit():
            self.entry_error.show_message(self.tr("Escriba el número que marca el medidor."), "error")
            return
        self.value = int(text)
        self.confirm_rollover = False
        self.confirm_high = False
        self.submit()

    def submit(self) -> None:
        session = self.customer()
        if session is None or self.check is None or self.value is None:
            return
        self.send(
            partial(
                self.services.readings.submit,
                session,
                self.check.supply.id,
                self.value,
                confirm_rollover=self.confirm_rollover,
                confirm_high=self.confirm_high,
            )
        )

    def on_send_error(self, exc: BaseException) -> None:
        """The service's questions (rollover, high, window closed) and a refused number; else the error screen."""
        code = exc.code if isinstance(exc, ServiceError) else ""
        params = exc.params if isinstance(exc, ServiceError) else {}
        if code == "rollover_confirm":
            self.show_rollover(int(params.get("last_value", 0)))
        elif code == "high_confirm":
            self.show_high(params.get("consumption"), params.get("average"))
        elif code == "reading_window_closed":
            self.show_closed(params.get("next_opens_on"))
        elif code in ("too_many_digits", "negative_value", "invalid_field"):
            self.show_page("entry")
            self.entry_error.show_message(self.message(exc), "error")
        else:
            self.fail(exc)

    def _unit(self) -> str | None:
        return self.check.supply.unit if self.check is not None else None

    def show_rollover(self, last_value: int) -> None:
        loc = self.babel_locale
        self.rollover_text.setText(
            self.tr(
                "El número que escribió (%1) es menor que la última lectura (%2). Eso solo pasa si el "
                "medidor llegó a su número máximo y volvió a empezar desde cero."
            )
            .replace("%1", format_number(self.value or 0, loc))
            .replace("%2", format_number(last_value, loc))
        )
        self.show_page("rollover")

    def show_high(self, consumption: object, average: object) -> None:
        """The service's average (kiosk.domain.average_consumption), worded as the consumption screen words it."""
        self._high = (consumption, average)
        loc, unit = self.babel_locale, self._unit()
        periods = self.check.average_periods if self.check is not None and self.check.average_periods else (
            self.config.readings.history_periods)
        text = self.tr(
            "Con el número %1 su consumo sería de %2, mucho más que su promedio de los últimos %4 meses (%3 por mes)."
        ).replace("%1", format_number(self.value or 0, loc))
        text = text.replace("%2", format_consumption(Decimal(str(consumption or 0)), unit, loc))
        text = text.replace("%3", format_consumption(Decimal(str(average or 0)), unit, loc))
        text = text.replace("%4", str(periods))
        self.high_text.setText(text + " " + self.tr("¿Es correcto el número que escribió?"))
        self.show_page("high")

    def on_rollover_yes(self) -> None:
        self.confirm_rollover = True
        self.submit()

    def on_high_yes(self) -> None:
        self.confirm_high = True
        self.submit()

    def on_correct(self) -> None:
        self.confirm_rollover = False
        self.confirm_high = False
        self.field.selectAll()
        self.entry_error.show_message(self.tr("Revise el medidor y escriba el número otra vez."), "info")
        self.show_page("entry")

    def show_receipt(self, receipt: ReadingReceipt) -> None:
        loc, unit = self.babel_locale, receipt.unit or self._unit()
        details = [
            (self.tr("Medidor"), receipt.meter_number),
            (self.tr("Lectura"), format_number(receipt.value, loc)),
        ]
        if receipt.consumption is not None:
            details.append((self.tr("Consumo"), format_consumption(receipt.consumption, unit, loc)))
        if receipt.rollover:
            details.append((self.tr("Nota"), self.tr("El medidor dio la vuelta")))
        notice = ""
        if receipt.flagged:
            notice = self.tr("Como el consumo es alto, un técnico revisará la lectura antes de facturarla.")
        self.done.show_result(
            self.tr("Lectura registrada"), self.tr("Número de confirmación"), receipt.number, details, notice, "info"
        )

    def forget_answers(self) -> None:
        self.field.clear()

    def receipt_document(self, receipt: ReadingReceipt) -> Callable[[], PrintResult]:
        return partial(self.services.printing.reading_receipt, receipt, self.language)

    def clear(self) -> None:
        self.supplies = []
        self.check = None
        self.value = None
        self.confirm_rollover = self.confirm_high = False
        self._high = None
        self._closed = None
        self.supply_choices.clear()
        self.supply_notice.clear()
        self.field.clear()
        self.entry_error.clear()
        for lab in (
            self.meter,
            self.last_value,
            self.last_date,
            self.window_text,
            self.rollover_text,
            self.high_text,
            self.closed_next,
        ):
            lab.clear()
        self.closed_notice.clear()
        self.clear_intake()
        self.show_page("supply")


# -- tour: the states a customer can meet, forced on whatever supply the demo customer has -----------------


def _typed(screen: ReadingScreen, value: int) -> None:
    screen.field.setText(str(value))
    screen.value = value


def _closed(screen: ReadingScreen) -> None:
    """The window is open for the demo customer, so the next one is put a fortnight after today."""
    today = screen._today()
    route = screen.check.supply.route if screen.check is not None and screen.check.supply.route else "R"
    screen.show_closed(None, ReadingWindow(route, today + timedelta(days=14), today + timedelta(days=19)))


def _rollover(screen: ReadingScreen) -> None:
    last = screen.check.last_value if screen.check is not None and screen.check.last_value else 98765
    _typed(screen, 123)
    screen.show_rollover(last)


def _last(screen: ReadingScreen, default: int) -> int:
    return screen.check.last_value if screen.check is not None and screen.check.last_value else default


def _high(screen: ReadingScreen) -> None:
    """A reading well above the meter's own average, as the service would question it."""
    check = screen.check
    average = check.average if check is not None and check.average else Decimal(410)
    factor = Decimal(str(screen.config.readings.plausibility_factor))
    consumption = int(average * factor) + int(average)
    _typed(screen, _last(screen, 48622) + consumption)
    screen.show_high(consumption, average)


def _done(screen: ReadingScreen) -> None:
    from datetime import UTC, datetime

    supply = screen.check.supply if screen.check is not None else None
    receipt = ReadingReceipt(
        id="tour",
        number="0001-0002-000042",
        account_id=supply.account_id if supply else 0,
        supply_id=supply.id if supply else 0,
        meter_number=(supply.meter_number if supply else None) or "E-448812",
        value=_last(screen, 48622) + 368,
        previous_value=_last(screen, 48622),
        consumption=368,
        rollover=False,
        flagged=False,
        created_at=datetime.now(UTC),
        kiosk_id="tour",
        unit=supply.unit if supply else "kWh",
    )
    screen.on_sent(receipt, print_now=False)
    screen.done.set_printed(screen.tr("Retire su comprobante de la impresora."))


def tour_steps() -> list[TourStep]:
    return [
        TourStep("reading", "reading", login=True),
        TourStep("reading_entry", "reading", {"pick_first": True}, login=True),
        TourStep("reading_entry_large_text", "reading", {"pick_first": True}, login=True,
                 window_setup=lambda w: w.on_toggle_large_text()),
        TourStep("reading_outside_window", "reading", {"pick_first": True}, login=True, setup=_closed),
        TourStep("reading_rollover", "reading", {"pick_first": True}, login=True, setup=_rollover),
        TourStep("reading_high", "reading", {"pick_first": True}, login=True, setup=_high),
        TourStep("reading_done", "reading", {"pick_first": True}, login=True, setup=_done),
    ]

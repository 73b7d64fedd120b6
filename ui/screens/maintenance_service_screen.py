"""Maintenance: put the kiosk out of service (with the message the customer home shows) or back in service.

The message is one of a few preset sentences or typed on the on-screen keyboard. A preset is stored as its
Spanish source text and the customer home translates it (PRESETS are marked for the catalogue in this context),
so an English-speaking customer reads it in English; a typed message is shown as typed. The heartbeat reports the
flag to central (kiosk.sync.heartbeat); services.staff stores and audits it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.maintenance import OutOfService
from ui.screens.base import TourStep, register
from ui.screens.staff_base import StaffScreen
from ui.widgets.banner import Notice
from ui.widgets.fields import TouchField
from ui.widgets.keyboard import Keyboard

CONTEXT = "MaintenanceServiceScreen"
PRESETS: tuple[str, ...] = tuple(str(m) for m in (
    QT_TRANSLATE_NOOP("MaintenanceServiceScreen",
                      "Equipo fuera de servicio por mantenimiento. Por favor, diríjase al mostrador de atención."),
    QT_TRANSLATE_NOOP("MaintenanceServiceScreen",
                      "La impresora está en reparación. Por favor, diríjase al mostrador de atención."),
    QT_TRANSLATE_NOOP("MaintenanceServiceScreen",
                      "Equipo fuera de servicio por un problema de conexión. Disculpe las molestias."),
    QT_TRANSLATE_NOOP("MaintenanceServiceScreen",
                      "Este equipo volverá a funcionar en unos minutos. Gracias por su paciencia."),
))


def shown_message(message: str) -> str:
    """The customer's view of a stored message: a preset in the current language, a typed one as typed."""
    return QCoreApplication.translate(CONTEXT, message) if message in PRESETS else message


@register("maintenance_service")
class MaintenanceServiceScreen(StaffScreen):
    """Current state; the preset messages as choices, "Otro mensaje" with the keyboard; the on / off action."""

    def build(self) -> None:
        self.current: OutOfService | None = None
        self.choice = 0  # index in PRESETS, or -1: typed
        self.content.addWidget(self.staff_notice())
        self.state = Notice(self, "info", name="service_state")
        self.content.addWidget(self.state)
        self.pick_title = self.label(role="subtitle")
        self.content.addWidget(self.pick_title)
        col = QVBoxLayout()
        col.setSpacing(16)
        # Short names on big buttons (a whole sentence does not fit a button in portrait); the sentence the
        # customers will read shows in the preview under them.
        grid = QGridLayout()
        grid.setSpacing(16)
        self.presets: list[QPushButton] = []
        for i in range(len(PRESETS)):
            btn = self.button(self._picker(i), kind="secondary", big=True)
            btn.setCheckable(True)
            btn.setObjectName(f"service_preset_{i}")
            self.presets.append(btn)
            grid.addWidget(btn, i // 2, i % 2)
        self.other_btn = self.button(lambda: self.on_pick(-1), kind="secondary", big=True)
        self.other_btn.setCheckable(True)
        self.other_btn.setObjectName("service_other")
        grid.addWidget(self.other_btn, (len(PRESETS) + 1) // 2, 0, 1, 2)
        col.addLayout(grid)
        self.preview = Notice(self, "info", name="service_preview")
        col.addWidget(self.preview)
        col.addStretch(1)
        self.list_area = self.scroll_column(col)
        self.content.addWidget(self.list_area, 1)
        # Typing a message: the list gives way to the field and the keyboard (both fit 1080 px).
        self.typed_box = QWidget(self)
        trow = QHBoxLayout(self.typed_box)
        trow.setContentsMargins(0, 0, 0, 0)
        trow.setSpacing(20)
        self.typed = TouchField(self, max_length=200, name="service_message")
        self.typed.caption.hide()  # the keyboard and "Elegir de la lista" say what it is; 1080 px need its room
        self.list_btn = self.button(lambda: self.on_pick(0), kind="secondary")
        self.list_btn.setObjectName("service_list")
        trow.addWidget(self.typed, 1)
        trow.addWidget(self.list_btn)
        self.content.addWidget(self.typed_box)
        self.keyboard = Keyboard(self, key_size=56)
        self.keyboard.set_accept_visible(False)
        self.keyboard.attach(self.typed.edit)
        self.typed.activated.connect(lambda: self.on_pick(-1))
        self.content.addWidget(self.keyboard)
        self.content.addStretch(0)  # typing in portrait: the spare height goes below the keyboard
        row = QHBoxLayout()
        row.setSpacing(20)
        self.off_btn = self.button(self.on_out)
        self.off_btn.setObjectName("service_out")
        self.on_btn = self.button(self.on_back_in, kind="secondary")
        self.on_btn.setObjectName("service_in")
        row.addWidget(self.off_btn)
        row.addWidget(self.on_btn)
        self.action_row = QWidget(self)
        self.action_row.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.content.addWidget(self.action_row)
        self.on_pick(0)

    def _picker(self, index: int) -> Callable[[], None]:
        return lambda: self.on_pick(index)

    def retranslate(self) -> None:
        self.set_title(self.tr("Fuera de servicio"))
        self.pick_title.setText(self.tr("Mensaje para los clientes en la pantalla de inicio:"))
        names = (self.tr("Mantenimiento"), self.tr("Impresora en reparación"), self.tr("Problema de conexión"),
                 self.tr("Vuelve en unos minutos"))
        for btn, name in zip(self.presets, names, strict=True):
            btn.setText(name)
        self.other_btn.setText(self.tr("Otro mensaje (escribirlo)"))
        self.list_btn.setText(self.tr("Elegir de la lista"))
        self.off_btn.setText(self.tr("Poner fuera de servicio"))
        self.on_btn.setText(self.tr("Volver a atender al público"))
        self._show_state()
        self._show_preview()

    def on_enter(self, args: dict[str, Any]) -> None:
        if not args.get("returning"):
            self.clear()
        self.run(self.services.staff.out_of_service, on_done=self.on_state, on_error=self.show_error)

    def clear(self) -> None:
        super().clear()
        self.current = None
        self.typed.clear()
        self.on_pick(0)
        self._show_state()

    def on_state(self, state: OutOfService) -> None:
        self.current = state
        nav = self.ctx.nav
        update = getattr(nav, "set_staff_out_of_service", None)
        if callable(update):
            update(state.on, state.message)
        if state.on and state.message:
            if state.message in PRESETS:
                self.on_pick(PRESETS.index(state.message))
            else:
                self.typed.setText(state.message)
                self.on_pick(-1)
        self._show_state()

    def _show_state(self) -> None:
        cur = self.current
        if cur is None:
            self.state.show_message("…", "info")
        elif cur.on:
            self.state.show_message(self.tr("Ahora: FUERA DE SERVICIO. Los clientes ven: «%1»")
                                    .replace("%1", shown_message(cur.message) or self.tr("(mensaje general)")), "error")
        else:
            self.state.show_message(self.tr("Ahora: en servicio, atendiendo al público."), "ok")
        self.on_btn.setVisible(cur is not None and cur.on)
        self.off_btn.setText(self.tr("Cambiar el mensaje") if cur is not None and cur.on
                             else self.tr("Poner fuera de servicio"))

    def on_pick(self, index: int) -> None:
        self.choice = index
        for i, btn in enumerate(self.presets):
            btn.setChecked(i == index)
        self.other_btn.setChecked(index == -1)
        typing = index == -1
        typing_parts = (self.typed_box, self.keyboard)
        list_parts = (self.list_area, self.pick_title, self.state)  # the state's room goes to the keyboard
        # Hide before showing: a window grows to fit a moment when both were shown and does not shrink back.
        for w in list_parts if typing else typing_parts:
            w.hide()
        for w in typing_parts if typing else list_parts:
            w.show()
        at = self.content.indexOf(self.list_area)
        self.content.setStretch(at, 0 if typing else 1)
        self.content.setStretch(self.content.indexOf(self.keyboard) + 1, 1 if typing else 0)
        if index == -1:
            self.keyboard.attach(self.typed.edit)
        else:
            self._show_preview()

    def _show_preview(self) -> None:
        if self.choice >= 0:
            self.preview.show_message(self.tr("Los clientes verán: «%1»")
                                      .replace("%1", shown_message(PRESETS[self.choice])), "info")

    def chosen_message(self) -> str:
        """The message to store: the preset's Spanish source, or what was typed."""
        if self.choice == -1:
            return self.typed.text().strip()
        return PRESETS[self.choice]

    def on_out(self) -> None:
        text = self.chosen_message()
        if not text:
            self.notice.show_message(self.tr("Escriba el mensaje o elija uno de la lista."), "warning")
            return
        self.call(self.services.staff.set_out_of_service, True, text, on_done=lambda _r: self.on_set(True, text),
                  key="service")

    def on_back_in(self) -> None:
        self.call(self.services.staff.set_out_of_service, False, "", on_done=lambda _r: self.on_set(False, ""),
                  key="service")

    def on_set(self, on: bool, message: str) -> None:
        self.on_state(OutOfService(on, message))
        self.show_ok(self.tr("Listo: el equipo quedó fuera de servicio.") if on
                     else self.tr("Listo: el equipo vuelve a atender al público."))


def _typed(screen: MaintenanceServiceScreen) -> None:
    screen.on_pick(-1)
    screen.typed.setText("Cerrado por inventario hasta las 11")


def _is_out(screen: MaintenanceServiceScreen) -> None:
    screen.on_set(True, PRESETS[1])


def tour_steps() -> list[TourStep]:
    return [
        TourStep("maintenance_service", "maintenance_service", staff="operator"),
        TourStep("maintenance_service_typed", "maintenance_service", staff="operator", setup=_typed),
        TourStep("maintenance_service_on", "maintenance_service", staff="operator", setup=_is_out),
    ]

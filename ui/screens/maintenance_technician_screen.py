"""Maintenance, technician only: the configuration (secrets hidden), the printer backend and paper, and leaving
the kiosk: exit to the desktop (exit code 0), restart the app (75: the session manager starts it again), reboot
the device (services.maintenance.device_command). Each of the three asks for a confirmation first.

An operator does not see the tile; were this screen reached anyway, every call here is refused by the services
(Forbidden "forbidden"), which the notice says, and the configuration, printer and device controls are hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.maintenance import PrinterStatus
from ui.screens.base import TourStep, register
from ui.screens.staff_base import TECHNICIAN, StaffScreen

BACKENDS = ("pdf-folder", "system", "escpos")
PAPERS = ("roll", "a4")
EXIT_DESKTOP, EXIT_RESTART = 0, 75


@register("maintenance_technician")
class MaintenanceTechnicianScreen(StaffScreen):
    """Configuration text on one side; printer choice and the three exits on the other; a confirm panel."""

    def build(self) -> None:
        self.backend = ""
        self.paper = ""
        self.confirming = ""  # "exit" | "restart" | "reboot"
        self.refused = False  # not a technician (or the services said so): no controls, only the notice
        self.content.addWidget(self.staff_notice())
        self.main = QWidget(self)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.main)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(32)
        left = QVBoxLayout()
        self.config_title = self.label(role="subtitle")
        self.config_text = self.text_panel(self, "technician_config")
        left.addWidget(self.config_title)
        left.addWidget(self.config_text, 1)
        right = QVBoxLayout()
        right.setSpacing(14)
        self.printer_title = self.label(role="subtitle")
        right.addWidget(self.printer_title)
        self.backend_btns: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for b in BACKENDS:
            btn = self.button(self._pick(self.pick_backend, b), b, kind="secondary")
            btn.setCheckable(True)
            btn.setObjectName(f"backend_{b}")
            self.backend_btns[b] = btn
            row.addWidget(btn)
        right.addLayout(row)
        self.paper_btns: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for p in PAPERS:
            btn = self.button(self._pick(self.pick_paper, p), kind="secondary")
            btn.setCheckable(True)
            btn.setObjectName(f"paper_{p}")
            self.paper_btns[p] = btn
            row.addWidget(btn)
        right.addLayout(row)
        self.save_btn = self.button(self.on_save_printer)
        self.save_btn.setObjectName("printer_save")
        right.addWidget(self.save_btn)
        right.addSpacing(24)
        self.device_title = self.label(role="subtitle")
        right.addWidget(self.device_title)
        self.exit_btn = self.button(lambda: self.ask("exit"), kind="secondary")
        self.exit_btn.setObjectName("technician_exit")
        self.restart_btn = self.button(lambda: self.ask("restart"), kind="secondary")
        self.restart_btn.setObjectName("technician_restart")
        self.reboot_btn = self.button(lambda: self.ask("reboot"), kind="secondary")
        self.reboot_btn.setObjectName("technician_reboot")
        for btn in (self.exit_btn, self.restart_btn, self.reboot_btn):
            right.addWidget(btn)
        right.addStretch(1)
        self.body.addLayout(left, 3)
        self.right_area = self.scroll_column(right)
        self.body.addWidget(self.right_area, 2)
        self.content.addWidget(self.main, 1)

        self.confirm = QWidget(self)
        ccol = QVBoxLayout(self.confirm)
        ccol.setContentsMargins(0, 0, 0, 0)
        ccol.setSpacing(24)
        self.confirm_text = self.label(role="big")
        self.confirm_text.setObjectName("technician_confirm_text")
        crow = QHBoxLayout()
        crow.setSpacing(24)
        self.cancel_btn = self.button(self.on_cancel, kind="secondary", big=True)
        self.cancel_btn.setObjectName("technician_cancel")
        self.confirm_btn = self.button(self.on_confirm, big=True)
        self.confirm_btn.setObjectName("technician_confirm")
        crow.addWidget(self.cancel_btn)
        crow.addWidget(self.confirm_btn)
        ccol.addWidget(self.confirm_text)
        ccol.addLayout(crow)
        ccol.addStretch(1)
        self.confirm.hide()
        self.content.addWidget(self.confirm, 1)
        self.refused_filler = QWidget(self)  # takes the room of the hidden controls, so the notice stays its size
        self.refused_filler.hide()
        self.content.addWidget(self.refused_filler, 1)

    @staticmethod
    def _pick(fn: Callable[[str], None], value: str) -> Callable[[], None]:
        return lambda: fn(value)

    def relayout(self, portrait: bool) -> None:
        """Portrait: the actions whole under the configuration (which scrolls); landscape: side by side."""
        self.set_direction(self.body, portrait)
        self.body.setStretch(0, 1 if portrait else 3)
        self.body.setStretch(1, 0 if portrait else 2)
        inner = self.right_area.widget()
        self.right_area.setMinimumHeight(inner.sizeHint().height() if portrait and inner is not None else 0)

    def retranslate(self) -> None:
        self.set_title(self.tr("Técnico"))
        self.config_title.setText(self.tr("Configuración en uso (las claves no se muestran)"))
        self.printer_title.setText(self.tr("Impresora y papel"))
        self.paper_btns["roll"].setText(self.tr("Rollo"))
        self.paper_btns["a4"].setText(self.tr("Hoja A4"))
        self.save_btn.setText(self.tr("Guardar impresora"))
        self.device_title.setText(self.tr("Equipo"))
        self.exit_btn.setText(self.tr("Salir al escritorio"))
        self.restart_btn.setText(self.tr("Reiniciar la aplicación"))
        self.reboot_btn.setText(self.tr("Reiniciar el equipo"))
        self.cancel_btn.setText(self.tr("Cancelar"))
        self._show_confirm()

    # -- lifecycle ----------------------------------------------------------------------------------------
    def on_enter(self, args: dict[str, Any]) -> None:
        if not args.get("returning"):
            self.clear()
        self.set_refused(not self.is_technician)
        self.call(self.services.staff.config_view, on_done=self.on_config, on_error=self.on_config_error)
        self.call(self.services.maintenance.printer, on_done=self.on_printer)

    def clear(self) -> None:
        super().clear()
        self.config_text.clear()
        self.backend = ""
        self.paper = ""
        self._show_choice()
        self.on_cancel()

    def set_refused(self, refused: bool) -> None:
        """Refused: the controls go (buttons beside an empty configuration would only invite taps to refuse)."""
        self.refused = refused
        self.main.setVisible(not refused and not self.confirming)
        self.refused_filler.setVisible(refused)

    def on_config_error(self, exc: BaseException) -> None:
        if getattr(exc, "code", None) == "forbidden":
            self.set_refused(True)
        self.show_error(exc)

    def on_config(self, view: dict[str, dict[str, Any]]) -> None:
        lines: list[str] = []
        for section, values in view.items():
            lines.append(f"[{section}]")
            lines.extend(f"{key} = {value!r}" for key, value in values.items())
            lines.append("")
        self.config_text.setPlainText("\n".join(lines))

    def on_printer(self, status: PrinterStatus) -> None:
        self.backend = status.backend
        self.paper = status.paper
        self._show_choice()

    def pick_backend(self, backend: str) -> None:
        self.backend = backend
        self._show_choice()

    def pick_paper(self, paper: str) -> None:
        self.paper = paper
        self._show_choice()

    def _show_choice(self) -> None:
        for value, btn in self.backend_btns.items():
            btn.setChecked(value == self.backend)
        for value, btn in self.paper_btns.items():
            btn.setChecked(value == self.paper)

    def on_save_printer(self) -> None:
        if self.backend and self.paper:
            self.call(self.services.maintenance.set_printer, self.backend, self.paper, on_done=self.on_saved,
                      key="printer")

    def on_saved(self, status: PrinterStatus) -> None:
        self.on_printer(status)
        self.show_ok(self.tr("Impresora guardada: %1, %2.").replace("%1", status.backend).replace("%2", status.paper))

    # -- leaving: confirm first ---------------------------------------------------------------------------
    def ask(self, what: str) -> None:
        if self.refused:
            return
        self.confirming = what
        self.notice.clear()
        self._show_confirm()
        self.main.hide()
        self.confirm.show()

    def _show_confirm(self) -> None:
        texts = {
            "exit": (self.tr("¿Salir al escritorio? El equipo deja de atender hasta que alguien vuelva a abrir la "
                             "aplicación."), self.tr("Sí, salir al escritorio")),
            "restart": (self.tr("¿Reiniciar la aplicación? Vuelve sola en unos segundos."),
                        self.tr("Sí, reiniciar la aplicación")),
            "reboot": (self.tr("¿Reiniciar el equipo? Tarda unos minutos en volver a atender."),
                       self.tr("Sí, reiniciar el equipo")),
        }
        text, button = texts.get(self.confirming, ("", ""))
        self.confirm_text.setText(text)
        self.confirm_btn.setText(button)

    def step_back(self) -> bool:
        if self.confirming:
            self.on_cancel()
            return True
        return False

    def on_cancel(self) -> None:
        self.confirming = ""
        self.confirm.hide()
        self.main.setVisible(not self.refused)

    def on_confirm(self) -> None:
        what = self.confirming
        staff, maintenance = self.services.staff, self.services.maintenance
        if what == "exit":
            def leave(session: Any) -> None:
                staff.require(session, TECHNICIAN)
                staff.record(session, "exit", "ok")

            self.call(leave, on_done=lambda _r: self.quit(EXIT_DESKTOP), key="device")
        elif what == "restart":
            self.call(maintenance.device_command, "restart", on_done=lambda _r: self.quit(EXIT_RESTART),
                      key="device")
        elif what == "reboot":
            self.call(maintenance.device_command, "reboot", on_done=lambda _r: self.on_rebooting(), key="device")

    def on_rebooting(self) -> None:
        self.on_cancel()
        self.show_ok(self.tr("El equipo se está reiniciando…"))

    def quit(self, code: int) -> None:
        """Leave maintenance (audited logout) and the application with `code`."""
        nav = self.ctx.nav
        self.logout()
        quit_app = getattr(nav, "quit_app", None)
        if callable(quit_app):
            quit_app(code)


def tour_steps() -> list[TourStep]:
    return [
        TourStep("maintenance_technician", "maintenance_technician", staff="technician"),
        TourStep("maintenance_technician_confirm_reboot", "maintenance_technician", staff="technician",
                 setup=lambda s: s.ask("reboot")),
        TourStep("maintenance_technician_confirm_exit", "maintenance_technician", staff="technician",
                 setup=lambda s: s.ask("exit")),
        TourStep("maintenance_technician_refused_operator", "maintenance_technician", staff="operator"),
    ]

"""Maintenance: the kiosk's status (services.maintenance.status), every field said the way staff read it.

"hace 3 min" rather than a timestamp, disk free in GB, central reachable with its latency; what needs attention
(old data, parked rows, printer not ready, central unreachable, out of service) is marked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout

from kiosk.domain.maintenance import KioskStatus
from ui.screens.base import TourStep, register
from ui.screens.staff_base import StaffScreen, ago_text, duration_text, gb_text, seconds_ago_text
from ui.widgets.buttons import repolish

FIELDS = ("kiosk", "branch", "version", "schemas", "data_age", "last_pull", "last_push", "last_heartbeat",
          "outbox", "parked", "disk", "printer", "central", "uptime", "service")
OLD_DATA_SECONDS = 15 * 60
LOW_DISK = 2 * 1024**3


@register("maintenance_status")
class MaintenanceStatusScreen(StaffScreen):
    """A two-column table (name, value) and "Actualizar"; `values[field]` for tests."""

    def build(self) -> None:
        self.status: KioskStatus | None = None
        self.content.addWidget(self.staff_notice())
        col = QVBoxLayout()
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(32)
        self.grid.setVerticalSpacing(10)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in FIELDS:
            name = self.label(role="muted")
            value = self.label(role="value")
            value.setObjectName(f"status_{key}")
            self.names[key], self.values[key] = name, value
        col.addLayout(self.grid)
        col.addStretch(1)
        self.content.addWidget(self.scroll_column(col), 1)
        self.refresh_btn = self.button(self.refresh, kind="secondary")
        self.refresh_btn.setObjectName("status_refresh")
        self.content.addWidget(self.refresh_btn)

    def relayout(self, portrait: bool) -> None:
        """Landscape: two columns of name / value pairs, so all of it shows without scrolling."""
        per_column = len(FIELDS) if portrait else (len(FIELDS) + 1) // 2
        for i, key in enumerate(FIELDS):
            self.grid.removeWidget(self.names[key])
            self.grid.removeWidget(self.values[key])
            row, pair = i % per_column, i // per_column
            self.grid.addWidget(self.names[key], row, 2 * pair)
            self.grid.addWidget(self.values[key], row, 2 * pair + 1)
        for c in range(4):
            self.grid.setColumnStretch(c, 1 if c % 2 and (c < 2 or not portrait) else 0)

    def retranslate(self) -> None:
        self.set_title(self.tr("Estado del equipo"))
        labels = {
            "kiosk": self.tr("Equipo"), "branch": self.tr("Sucursal"), "version": self.tr("Versión"),
            "schemas": self.tr("Esquema local / central"), "data_age": self.tr("Antigüedad de los datos"),
            "last_pull": self.tr("Última recepción"), "last_push": self.tr("Último envío"),
            "last_heartbeat": self.tr("Último aviso a la central"), "outbox": self.tr("Cola de envío"),
            "parked": self.tr("Filas retenidas"), "disk": self.tr("Disco libre"), "printer": self.tr("Impresora"),
            "central": self.tr("Central"), "uptime": self.tr("Encendido desde hace"),
            "service": self.tr("Atención al público"),
        }
        for key, text in labels.items():
            self.names[key].setText(text)
        self.refresh_btn.setText(self.tr("Actualizar"))
        if self.status is not None:
            self.show_status(self.status)

    def on_enter(self, args: dict[str, Any]) -> None:
        if not args.get("returning"):
            self.clear()
        self.refresh()

    def refresh(self) -> None:
        self.call(self.services.maintenance.status, on_done=self.show_status)

    def clear(self) -> None:
        super().clear()
        self.status = None
        for value in self.values.values():
            value.setText("…")
            self._mark(value, False)

    def show_status(self, s: KioskStatus) -> None:
        self.status = s
        central_schema = s.central_schema or self.tr("sin dato")
        if s.central_reachable is None:
            central = self.tr("No configurada")
        elif s.central_reachable:
            central = self.tr("Conectada")
            if s.central_latency_ms is not None:
                central += f" ({s.central_latency_ms} ms)"
        else:
            central = self.tr("Sin conexión")
        texts = {
            "kiosk": s.kiosk_id, "branch": s.branch, "version": s.app_version,
            "schemas": f"{s.local_schema} / {central_schema}",
            "data_age": seconds_ago_text(s.data_age_seconds) if s.data_age_seconds is not None
            else self.tr("sin datos todavía"),
            "last_pull": ago_text(s.last_pull), "last_push": ago_text(s.last_push),
            "last_heartbeat": ago_text(s.last_heartbeat),
            "outbox": self.tr("%n filas por enviar", None, s.outbox_depth),
            "parked": self.tr("%n filas", None, s.parked) if s.parked else self.tr("ninguna"),
            "disk": gb_text(s.disk_free_bytes), "printer": printer_state_text(s.printer_state),
            "central": central, "uptime": duration_text(s.uptime_seconds),
            "service": (self.tr("Fuera de servicio") + (f": {s.service_message}" if s.service_message else ""))
            if s.out_of_service else self.tr("En servicio"),
        }
        attention = {
            "data_age": s.data_age_seconds is None or s.data_age_seconds > OLD_DATA_SECONDS,
            "parked": s.parked > 0, "disk": s.disk_free_bytes < LOW_DISK,
            "printer": s.printer_state not in ("ready",), "central": s.central_reachable is False,
            "service": s.out_of_service,
        }
        for key, text in texts.items():
            self.values[key].setText(text)
            self._mark(self.values[key], attention.get(key, False))

    @staticmethod
    def _mark(label: QLabel, attention: bool) -> None:
        label.setProperty("tone", "error" if attention else "")
        repolish(label)


def printer_state_text(state: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        "ready": QCoreApplication.translate("StaffScreen", "Lista"),
        "paper_low": QCoreApplication.translate("StaffScreen", "Queda poco papel"),
        "out_of_paper": QCoreApplication.translate("StaffScreen", "Sin papel"),
        "offline": QCoreApplication.translate("StaffScreen", "No responde"),
        "error": QCoreApplication.translate("StaffScreen", "Con error"),
    }
    return names.get(str(state), str(state))


def tour_steps() -> list[TourStep]:
    return [TourStep("maintenance_status", "maintenance_status", staff="operator")]

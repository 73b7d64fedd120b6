"""Maintenance: the kiosk's last log lines (in-memory ring buffer, no personal data) and the staff audit trail.

Two views of one read-only text area, newest first, chosen with two buttons; "Actualizar" reads them again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout

from kiosk.domain.maintenance import AuditEntry, LogLine
from ui.screens.base import TourStep, register
from ui.screens.maintenance_status_screen import printer_state_text
from ui.screens.staff_base import StaffScreen, local_time

LOG_LIMIT = 200
AUDIT_LIMIT = 100


@register("maintenance_logs")
class MaintenanceLogsScreen(StaffScreen):
    """`view` is "log" or "audit"; `text` holds the lines shown."""

    def build(self) -> None:
        self.view = "log"
        self.lines: list[LogLine] = []
        self.audit: list[AuditEntry] = []
        self.content.addWidget(self.staff_notice())
        row = QHBoxLayout()
        row.setSpacing(16)
        self.log_btn = self.button(lambda: self.show_view("log"), kind="secondary")
        self.log_btn.setObjectName("logs_log")
        self.log_btn.setCheckable(True)
        self.audit_btn = self.button(lambda: self.show_view("audit"), kind="secondary")
        self.audit_btn.setObjectName("logs_audit")
        self.audit_btn.setCheckable(True)
        self.refresh_btn = self.button(self.load, kind="secondary")
        self.refresh_btn.setObjectName("logs_refresh")
        row.addWidget(self.log_btn)
        row.addWidget(self.audit_btn)
        row.addWidget(self.refresh_btn)
        self.content.addLayout(row)
        self.text = self.text_panel(self, "logs_text")
        self.content.addWidget(self.text, 1)

    def retranslate(self) -> None:
        self.set_title(self.tr("Registros"))
        self.log_btn.setText(self.tr("Registro del equipo"))
        self.audit_btn.setText(self.tr("Auditoría del personal"))
        self.refresh_btn.setText(self.tr("Actualizar"))
        self._render()

    def on_enter(self, args: dict[str, Any]) -> None:
        if not args.get("returning"):
            self.clear()
        self.load()

    def clear(self) -> None:
        super().clear()
        self.lines = []
        self.audit = []
        self.view = "log"
        self._render()

    def load(self) -> None:
        self.call(self.services.maintenance.log_lines, LOG_LIMIT, on_done=self.on_lines)
        self.call(self.services.staff.audit_trail, AUDIT_LIMIT, on_done=self.on_audit)

    def on_lines(self, lines: list[LogLine]) -> None:
        self.lines = list(lines)
        self._render()

    def on_audit(self, entries: list[AuditEntry]) -> None:
        self.audit = list(entries)
        self._render()

    def show_view(self, view: str) -> None:
        self.view = view
        self._render()

    def _render(self) -> None:
        self.log_btn.setChecked(self.view == "log")
        self.audit_btn.setChecked(self.view == "audit")
        if self.view == "log":
            rows = [f"{local_time(x.at)}  {x.level:<7} {x.logger}: {x.message}"
                    for x in sorted(self.lines, key=lambda x: x.at, reverse=True)]
            empty = self.tr("Sin líneas de registro todavía.")
        else:
            rows = [self._audit_line(e) for e in self.audit]
            empty = self.tr("Sin acciones del personal todavía.")
        self.text.setPlainText("\n".join(rows) if rows else empty)

    def _audit_line(self, e: AuditEntry) -> str:
        """`29/11 23:56  Personal n.º 1  Ingreso del personal  correcto  rol: operador · vía: PIN`, in words."""
        who = self.tr("Personal n.º %1").replace("%1", str(e.staff_id)) if e.staff_id is not None \
            else self.tr("PIN de sucursal")
        parts = [local_time(e.at), who, self.action_text(e.action), self.outcome_text(e.outcome)]
        detail = " · ".join(f"{self.detail_name(k)}: {self.detail_value(k, v)}" for k, v in sorted(e.detail.items()))
        if detail:
            parts.append(detail)
        return "  ".join(parts)

    def action_text(self, action: str) -> str:
        """What staff did, in words; an action this build does not know shows as recorded."""
        names = {
            "staff_login": self.tr("Ingreso del personal"), "staff_logout": self.tr("Salida del personal"),
            "forbidden": self.tr("Acción no permitida"),
            "out_of_service": self.tr("Fuera de servicio"), "in_service": self.tr("De nuevo en servicio"),
            "sync_now": self.tr("Sincronizar ahora"), "reconcile_now": self.tr("Conciliar ahora"),
            "parked_view": self.tr("Ver filas retenidas"), "parked_retry": self.tr("Reintentar filas retenidas"),
            "parked_discard": self.tr("Descartar fila retenida"),
            "printer_test_page": self.tr("Página de prueba"),
            "printer_paper_replaced": self.tr("Rollo de papel cambiado"),
            "kept_jobs_view": self.tr("Ver trabajos guardados"), "kept_job_find": self.tr("Buscar trabajo guardado"),
            "kept_job_reprint": self.tr("Reimprimir trabajo guardado"),
            "printer_set": self.tr("Cambiar la impresora"), "config_view": self.tr("Ver la configuración"),
            "device_restart": self.tr("Reiniciar la aplicación"), "device_reboot": self.tr("Reiniciar el equipo"),
            "exit": self.tr("Salir de la aplicación"),
        }
        return names.get(action, action)

    def outcome_text(self, outcome: str) -> str:
        """How it ended, in words; a code this build does not know (a service error) shows as recorded."""
        names = {
            "ok": self.tr("correcto"), "failed": self.tr("falló"), "requested": self.tr("pedido"),
            "started": self.tr("iniciado"), "ui": self.tr("desde la aplicación"),
            "not_found": self.tr("no encontrado"), "forbidden": self.tr("sin permiso"),
            "wrong_pin": self.tr("PIN incorrecto"), "locked": self.tr("bloqueado"),
            "refused": self.tr("rechazado"), "malformed": self.tr("dato mal escrito"),
            "no_branch_pin": self.tr("sin PIN de sucursal"),
        }
        return names.get(outcome) or printer_state_text(outcome).lower()

    def detail_name(self, key: str) -> str:
        names = {
            "role": self.tr("rol"), "via": self.tr("vía"), "locked": self.tr("bloqueado"),
            "reason": self.tr("motivo"), "required": self.tr("requiere"), "rows": self.tr("filas"),
            "seq": self.tr("fila"), "table": self.tr("tabla"), "row_id": self.tr("registro"),
            "message": self.tr("mensaje"), "jobs": self.tr("trabajos"), "number": self.tr("número"),
            "backend": self.tr("impresora"), "paper": self.tr("papel"), "saved": self.tr("guardado"),
            "program": self.tr("programa"),
        }
        return names.get(key, key)

    def detail_value(self, key: str, value: object) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return self.tr("sí") if value else self.tr("no")
        words = {
            "operator": self.tr("operador"), "technician": self.tr("técnico"), "pin": self.tr("PIN"),
            "badge": self.tr("credencial"), "branch_pin": self.tr("PIN de sucursal"),
        }
        text = str(value)
        return words.get(text, text) if key in ("role", "required", "via") else text


def tour_steps() -> list[TourStep]:
    return [
        TourStep("maintenance_logs", "maintenance_logs", staff="operator"),
        TourStep("maintenance_logs_audit", "maintenance_logs", staff="operator",
                 setup=lambda s: s.show_view("audit")),
    ]

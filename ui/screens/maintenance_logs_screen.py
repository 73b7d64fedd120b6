"""Maintenance: the kiosk's last log lines (in-memory ring buffer, no personal data) and the staff audit trail.

Two views of one read-only text area, newest first, chosen with two buttons; "Actualizar" reads them again.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QHBoxLayout

from kiosk.domain.maintenance import AuditEntry, LogLine
from ui.screens.base import TourStep, register
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
        who = self.tr("personal %1").replace("%1", str(e.staff_id)) if e.staff_id is not None \
            else self.tr("PIN de sucursal / desconocido")
        detail = json.dumps(e.detail, ensure_ascii=False, sort_keys=True) if e.detail else ""
        return f"{local_time(e.at)}  {who}  {e.action}  {e.outcome}  {detail}".rstrip()


def tour_steps() -> list[TourStep]:
    return [
        TourStep("maintenance_logs", "maintenance_logs", staff="operator"),
        TourStep("maintenance_logs_audit", "maintenance_logs", staff="operator",
                 setup=lambda s: s.show_view("audit")),
    ]

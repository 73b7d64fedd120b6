"""Maintenance mode's home: who is in (name, role) and one big tile per maintenance screen.

The technician tile is not shown to an operator; the technician services refuse an operator anyway (roles are
enforced in kiosk.services, this is only what the operator need not see).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout

from ui.screens.base import TourStep, register
from ui.screens.staff_base import StaffScreen, role_name
from ui.widgets.tile import IconTile

# (screen, icon, technician only)
TILES: tuple[tuple[str, str, bool], ...] = (
    ("maintenance_status", "info", False),
    ("maintenance_sync", "chart", False),
    ("maintenance_printer", "printer", False),
    ("maintenance_service", "warning", False),
    ("maintenance_logs", "statement", False),
    ("maintenance_technician", "key", True),
)


@register("maintenance_home")
class MaintenanceHomeScreen(StaffScreen):
    """Tiles to the maintenance screens; `tiles[name]` for tests."""

    def build(self) -> None:
        self.who = self.label(role="subtitle")
        self.content.addWidget(self.who)
        self.content.addWidget(self.staff_notice())
        self.grid = QGridLayout()
        self.grid.setSpacing(24)
        self.tiles: dict[str, IconTile] = {}
        for name, _icon, _tech in TILES:
            tile = IconTile(self, name=f"tile_{name}", icon_size=80)
            tile.setMinimumHeight(160)
            tile.clicked.connect(lambda _=False, target=name: self.go(target))
            self.tiles[name] = tile
        self.ctx.accessibility_changed.connect(self.on_theme)
        self.on_theme()
        self.content.addLayout(self.grid, 1)
        self.relayout(False)

    def on_theme(self) -> None:
        for name, icon, _tech in TILES:
            self.tiles[name].set_icon(icon, self.color("primary"))

    def relayout(self, portrait: bool) -> None:
        visible = [name for name, _i, tech in TILES if not tech or self.is_technician]
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
        cols = 2 if portrait else 3
        for i, name in enumerate(visible):
            self.grid.addWidget(self.tiles[name], i // cols, i % cols)
        for name, _i, tech in TILES:
            self.tiles[name].setVisible(not tech or self.is_technician)

    def retranslate(self) -> None:
        self.set_title(self.tr("Mantenimiento"))
        texts = {
            "maintenance_status": (self.tr("Estado"), self.tr("Versiones, datos, cola de envío, disco, central")),
            "maintenance_sync": (self.tr("Sincronización"), self.tr("Sincronizar ahora, filas retenidas")),
            "maintenance_printer": (self.tr("Impresora"), self.tr("Papel, página de prueba, trabajos guardados")),
            "maintenance_service": (self.tr("Fuera de servicio"), self.tr("Cerrar o abrir el equipo al público")),
            "maintenance_logs": (self.tr("Registros"), self.tr("Últimas líneas del registro y auditoría")),
            "maintenance_technician": (self.tr("Técnico"), self.tr("Configuración, impresora, reiniciar")),
        }
        for name, (heading, sub) in texts.items():
            self.tiles[name].set_texts(heading, sub)
        self._show_who()

    def _show_who(self) -> None:
        staff = self.staff
        if staff is None:
            self.who.clear()
            return
        name = staff.name or self.tr("PIN de la sucursal")
        self.who.setText(self.tr("%1 · %2. Todo lo que haga queda registrado.")
                         .replace("%1", name).replace("%2", role_name(staff.role)))

    def on_enter(self, args: dict[str, Any]) -> None:
        self.relayout(self.portrait)
        self._show_who()


def tour_steps() -> list[TourStep]:
    return [
        TourStep("maintenance_home_operator", "maintenance_home", staff="operator"),
        TourStep("maintenance_home_technician", "maintenance_home", staff="technician"),
        TourStep("maintenance_home_english", "maintenance_home", staff="technician",
                 window_setup=lambda w: w.set_language("en")),
        TourStep("maintenance_home_high_contrast", "maintenance_home", staff="operator",
                 window_setup=lambda w: w.on_toggle_contrast()),
    ]

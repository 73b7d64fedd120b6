"""Home / attract screen: the utility greets and offers the four things a walk-in customer comes for."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGridLayout, QSizePolicy

from kiosk.domain.maintenance import OutOfService
from ui.screens.base import Screen, TourStep, register
from ui.widgets.banner import Notice
from ui.widgets.scanner import ScanCatcher
from ui.widgets.tile import IconTile


@register("home")
class HomeScreen(Screen):
    """Large tiles: look up an invoice, log in, register/reset PIN, questions; or the out-of-service notice."""

    show_footer = False

    def build(self) -> None:
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome = self.label(role="subtitle")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.content.addWidget(self.welcome)
        self.notice = Notice(self, "error", name="out_of_service")
        self.content.addWidget(self.notice)
        # IT's message for every customer (ui.banner_message, set remotely): shown as written, not translated.
        self.banner_notice = Notice(self, "info", name="banner_message")
        self.content.addWidget(self.banner_notice)
        self.grid = QGridLayout()
        self.grid.setSpacing(28)
        self.lookup_tile = self._tile("lookup", "invoice")
        self.login_tile = self._tile("login", "person")
        self.pin_tile = self._tile("pin_register", "key")
        self.faq_tile = self._tile("faq", "question")
        self.tiles = [self.lookup_tile, self.login_tile, self.pin_tile, self.faq_tile]
        self.icons = ["invoice", "person", "key", "question"]
        self.ctx.accessibility_changed.connect(self.on_theme)
        self.on_theme()
        self.content.addLayout(self.grid, 1)
        self.content.addStretch(0)  # out of service: takes the room, so the one tile left keeps its size
        self.relayout(False)
        self.scanner = ScanCatcher(self)
        self.scanner.scanned.connect(self.on_scanned)

    def _tile(self, target: str, icon_name: str) -> IconTile:
        tile = IconTile(self, name=f"tile_{target}")
        tile.clicked.connect(lambda: self.go(target))
        return tile

    def on_theme(self) -> None:
        for tile, name in zip(self.tiles, self.icons, strict=True):
            tile.set_icon(name, self.color("primary"))

    def relayout(self, portrait: bool) -> None:
        for t in self.tiles:
            self.grid.removeWidget(t)
        cols = 1 if portrait else 2
        for i, t in enumerate(self.tiles):
            self.grid.addWidget(t, i // cols, i % cols)
            t.setMinimumHeight(240 if portrait else 220)

    def retranslate(self) -> None:
        self.set_title(self.tr("Bienvenido a %1").replace("%1", self.branding.short_name))
        self.welcome.setText(self.tr("¿Qué quiere hacer hoy? Toque una opción."))
        self.lookup_tile.set_texts(self.tr("Consultar factura"),
                                   self.tr("Vea su factura e imprima un duplicado o el cupón de pago, sin PIN"))
        self.login_tile.set_texts(self.tr("Ingresar"),
                                  self.tr("Con su número de cuenta y PIN: deuda, lecturas, reclamos y trámites"))
        self.pin_tile.set_texts(self.tr("Registrar o cambiar PIN"),
                                self.tr("Si es la primera vez o si olvidó su PIN"))
        self.faq_tile.set_texts(self.tr("Preguntas frecuentes"), self.tr("Respuestas a las dudas más comunes"))
        self.update_service_state()

    def on_enter(self, args: dict[str, Any]) -> None:
        self.update_service_state()
        self.check_staff_flag()

    def check_staff_flag(self) -> None:
        """Staff may have put the kiosk out of service: read off the GUI thread. Lazily built services not built
        yet are left to the window's prewarm (after the first paint), which calls this again once they are."""
        ctx = self.ctx
        if getattr(ctx.services, "ready", True) is False:
            return
        self.run(lambda: ctx.services.staff.out_of_service(), on_done=self.on_service_flag,
                 on_error=lambda _exc: None)

    def on_service_flag(self, flag: OutOfService) -> None:
        update = getattr(self.ctx.nav, "set_staff_out_of_service", None)
        if callable(update):
            update(flag.on, flag.message)

    def _out(self) -> bool:
        nav = self.ctx.nav
        return bool(getattr(nav, "out_of_service", False) or getattr(nav, "staff_out_of_service", False))

    def _watch_scanner(self) -> None:
        app = QApplication.instance()
        if app is None:
            return
        if self._out() or self.ctx.nav is None or self.ctx.nav.current_name() != "home":
            app.removeEventFilter(self.scanner)
        else:
            self.scanner.reset()
            app.installEventFilter(self.scanner)

    def on_leave(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)

    def on_scanned(self, digits: str) -> None:
        """A customer scanned a paper invoice at the attract screen: look it up straight away."""
        self.go("lookup", scan=digits)

    def update_service_state(self) -> None:
        """Out of service (no data yet, or put so by staff): one message (the window's banner stays empty here),
        no "what do you want to do", and only the questions tile, at its usual size."""
        from ui.screens.maintenance_service_screen import shown_message

        nav = self.ctx.nav
        out = self._out()
        if out:
            reason = str(getattr(nav, "out_of_service_reason", "") or "")
            if not reason and getattr(nav, "staff_out_of_service", False):
                reason = shown_message(str(getattr(nav, "staff_service_message", "") or ""))
            self.notice.show_message(
                reason or self.tr("Este equipo está fuera de servicio por el momento. Por favor, diríjase al "
                                  "mostrador de atención. Disculpe las molestias."),
                "error",
            )
        else:
            self.notice.clear()
        message = self.config.ui.banner_message.strip()
        if message and not out:
            self.banner_notice.show_message(message, "info")
        else:
            self.banner_notice.clear()
        self.welcome.setVisible(not out)
        for t in self.tiles:
            t.setVisible(not out or t is self.faq_tile)
        grid_at = self.content.indexOf(self.grid)
        self.content.setStretch(grid_at, 0 if out else 1)
        self.content.setStretch(grid_at + 1, 1 if out else 0)
        self._watch_scanner()


def tour_steps() -> list[TourStep]:
    # The tour resets language, theme and banner before every step, so each setup starts from the default.
    return [
        TourStep("home", "home"),
        TourStep("home_offline_banner", "home", window_setup=lambda w: w.show_data_age(False, 3 * 3600)),
        TourStep("home_out_of_service", "home", window_setup=lambda w: w.set_out_of_service(True)),
        TourStep("home_out_of_service_by_staff", "home", window_setup=_staff_out_of_service),
        TourStep("home_high_contrast", "home", window_setup=lambda w: w.on_toggle_contrast()),
        TourStep("home_large_text", "home", window_setup=lambda w: w.on_toggle_large_text()),
        TourStep("home_english", "home", window_setup=lambda w: w.set_language("en")),
    ]


def _staff_out_of_service(window: Any) -> None:
    from ui.screens.maintenance_service_screen import PRESETS

    window.set_staff_out_of_service(True, PRESETS[1])

"""The one window of the kiosk: header, banner, a QStackedWidget of screens, footer, busy veil, idle countdown.

Navigation keeps a history of (screen, args): `go` pushes, `back` pops, `home` clears it. Screens are built on
first use (cold start paints home quickly) and kept, so switching is a stack index change. `end_session` is the
single place that forgets a customer: it drops late background results, clears every screen, the clipboard
and the caches, and shows home; logout and the idle timeout both call it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QGuiApplication, QMouseEvent, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import Branding
from kiosk.sync.report import SyncStatus
from ui import theme
from ui.i18n import Translations
from ui.idle import IdleWatchdog
from ui.screens.base import SCREENS, AppContext, PlaceholderScreen, Screen, discover_screens
from ui.widgets.banner import Banner
from ui.widgets.busy import BusyOverlay
from ui.widgets.buttons import big_button
from ui.widgets.idle_dialog import IdleDialog

log = logging.getLogger(__name__)

LANDSCAPE = QSize(1920, 1080)
PORTRAIT = QSize(1080, 1920)
STATUS_POLL_MS = 30_000
STALE_DATA_SECONDS = 15 * 60
LOGO_HOLD_MS = 3000  # press and hold the logo this long: the staff entry (no customer holds a logo 3 s)
STAFF_IDLE_SECONDS = 60  # at most; and always under the customers' ui.idle_timeout
STAFF_WARNING_SECONDS = 10


def logo_pixmap(branding: Branding, height: int) -> QPixmap:
    """The utility's logo on a white plate (readable on any header colour), or a monogram in its colours."""
    if branding.logo is not None and branding.logo.exists():
        renderer = QSvgRenderer(str(branding.logo))
        if renderer.isValid():
            vb = renderer.viewBoxF()
            inner_h = height - 12
            inner_w = int(inner_h * vb.width() / vb.height()) if vb.height() else inner_h
            pm = QPixmap(inner_w + 24, height)
            pm.fill(Qt.GlobalColor.transparent)
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#FFFFFF"))
            p.drawRoundedRect(pm.rect(), 12, 12)
            renderer.render(p, QRectF(12, 6, inner_w, inner_h))
            p.end()
            return pm
    size = height
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor(branding.accent_color))
    p.setPen(QColor("#FFFFFF"))
    p.drawEllipse(2, 2, size - 4, size - 4)
    font = QFont(QApplication.font())
    font.setPixelSize(int(size * 0.42))
    font.setBold(True)
    p.setFont(font)
    initials = "".join(w[0] for w in branding.short_name.split()[:2]).upper() or "V"
    p.drawText(pm.rect(), Qt.AlignmentFlag.AlignCenter, initials)
    p.end()
    return pm


class Header(QWidget):
    """Utility logo and name, branch, language switch and the two accessibility switches."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        ctx = window.ctx
        col = QVBoxLayout(self)
        col.setContentsMargins(32, 12, 32, 12)
        col.setSpacing(10)
        self.top = QHBoxLayout()
        self.top.setSpacing(20)
        self.bottom = QHBoxLayout()
        self.bottom.setSpacing(16)
        col.addLayout(self.top)
        col.addLayout(self.bottom)
        self.logo = QLabel(self)
        self.logo.setObjectName("logo")
        self.logo.setPixmap(logo_pixmap(ctx.branding, 76))
        names = QVBoxLayout()
        names.setSpacing(0)
        self.name = QLabel(ctx.branding.short_name, self)
        self.name.setObjectName("headerTitle")
        self.branch = QLabel(ctx.config.kiosk.branch_name, self)
        self.branch.setObjectName("headerSub")
        names.addWidget(self.name)
        names.addWidget(self.branch)
        self.top.addWidget(self.logo)
        self.top.addLayout(names, 1)
        self.language = big_button("", self, window.on_toggle_language, kind="header", min_height=56,
                                   name="lang_switch")
        self.large = big_button("", self, window.on_toggle_large_text, kind="header", min_height=56,
                                name="large_text")
        self.large.setCheckable(True)
        self.contrast = big_button("", self, window.on_toggle_contrast, kind="header", min_height=56,
                                   name="high_contrast", icon="contrast")
        self.contrast.setCheckable(True)
        self.switches = (self.language, self.large, self.contrast)
        self.portrait = False
        self.relayout(False)
        self.retranslate()

    def retranslate(self) -> None:
        # The switch is labelled in the language it switches TO, so a visitor can find it.
        self.language.setText("English" if self.window_ctx().language == "es" else "Español")
        self.large.setText("A+  " + self.tr("Letra grande"))
        self.contrast.setText(self.tr("Alto contraste"))

    def relayout(self, portrait: bool) -> None:
        """Landscape: switches at the right of the name; portrait: on a row of their own, so 1080 px fit."""
        self.portrait = portrait
        for b in self.switches:
            self.top.removeWidget(b)
            self.bottom.removeWidget(b)
        target = self.bottom if portrait else self.top
        for b in self.switches:
            b.setSizePolicy(QSizePolicy.Policy.Expanding if portrait else QSizePolicy.Policy.Fixed,
                            QSizePolicy.Policy.Fixed)
            target.addWidget(b)

    def window_ctx(self) -> AppContext:
        win = self.window()
        assert isinstance(win, MainWindow)
        return win.ctx

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class Footer(QWidget):
    """Back, Home and (logged in) Log out, always in the same place."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("footer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 12, 32, 12)
        row.setSpacing(24)
        self.back = big_button("", self, window.back, kind="secondary", min_height=72, name="nav_back")
        self.home = big_button("", self, window.home, kind="secondary", min_height=72, name="nav_home", icon="home")
        self.logout = big_button("", self, window.logout, kind="secondary", min_height=72, name="nav_logout")
        row.addWidget(self.back)
        row.addWidget(self.home)
        row.addWidget(self.logout)
        self.staff = False
        self.retranslate()

    def retranslate(self) -> None:
        self.back.setText("‹  " + self.tr("Volver"))
        self.home.setText(self.tr("Inicio"))
        self.set_staff(self.staff)

    def set_staff(self, staff: bool) -> None:
        """In maintenance mode "log out" leaves the mode (and the staff session) instead of a customer's account."""
        self.staff = staff
        self.logout.setText(self.tr("Salir de mantenimiento") if staff else self.tr("Salir de mi cuenta"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    """See the module docstring. Implements ui.screens.base.Navigator."""

    def __init__(self, ctx: AppContext, translations: Translations | None = None, *,
                 font_family: str = "Noto Sans", poll_status: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        ctx.nav = self
        self.translations = translations or Translations()
        self.font_family = font_family
        self.setWindowTitle(ctx.branding.name)
        self.screens: dict[str, Screen] = {}
        self.history: list[tuple[str, dict[str, Any]]] = []
        self.caches: list[dict[Any, Any]] = []  # dicts screens register to be emptied on wipe
        self.out_of_service = False
        self.out_of_service_reason = ""
        self._no_data = False
        self.qss = ""
        self._styled: dict[str, str] = {}  # screen name -> the style sheet it was given
        self.orientation = "landscape"
        self._to_build: list[str] = []
        self.last_status: SyncStatus | None = None
        self.sync_bridge: Any = None
        self.staff_session: Any = None  # kiosk.domain.maintenance.StaffSession while in maintenance mode
        self.staff_out_of_service = False  # put out of service by staff (services.staff.out_of_service())
        self.staff_service_message = ""
        # Maintenance mode times out sooner than a customer's visit (60 s of the default 90).
        staff_idle = min(STAFF_IDLE_SECONDS, max(10, ctx.config.ui.idle_timeout * 2 // 3))
        self.staff_idle: tuple[float, int] = (staff_idle, STAFF_WARNING_SECONDS)
        self.staff_tick_ms = 1000
        # Remote configuration (kiosk.remote_config): recomputed after sync rounds, applied only when idle.
        self.remote_config: Callable[[], Any] | None = None  # returns a kiosk.remote_config.Effective
        self.on_config_applied: list[Callable[[Any], None]] = []  # e.g. the services' context takes the config
        self.remote_pending = False

        root = QWidget(self)
        root.setObjectName("root")
        self.root = root
        col = QVBoxLayout(root)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        self.header = Header(self)
        self.banner = Banner(root)
        banner_box = QHBoxLayout()
        banner_box.setContentsMargins(32, 12, 32, 0)
        banner_box.addWidget(self.banner)
        self.stack = QStackedWidget(root)
        self.footer = Footer(self)
        col.addWidget(self.header)
        col.addLayout(banner_box)
        col.addWidget(self.stack, 1)
        col.addWidget(self.footer)
        self.setCentralWidget(root)
        self.busy = BusyOverlay(root)
        self.idle_dialog = IdleDialog(root)
        ctx.ops.busy.connect(self.busy.set_busy)

        self.watchdog = IdleWatchdog(
            ctx.config.ui.idle_timeout, ctx.config.ui.warning_seconds, needed=self.idle_matters, parent=self
        )
        self.watchdog.warn.connect(self.on_idle_warn)
        self.watchdog.tick.connect(self.idle_dialog.set_seconds)
        self.watchdog.resumed.connect(self.idle_dialog.hide)
        self.watchdog.expired.connect(self.on_idle_expired)
        self.idle_dialog.stay.connect(self.watchdog.reset)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.watchdog)
        self.watchdog.start()

        self.logo_hold = QTimer(self)  # the hidden staff entry: press and hold the header logo
        self.logo_hold.setSingleShot(True)
        self.logo_hold.setInterval(LOGO_HOLD_MS)
        self.logo_hold.timeout.connect(self.enter_maintenance)
        self.header.logo.installEventFilter(self)

        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_POLL_MS)
        self._status_timer.timeout.connect(self.on_poll_status)
        if poll_status:
            self._status_timer.start()
            QTimer.singleShot(0, self.on_poll_status)
        self.apply_theme()
        discover_screens()
        self.home()

    # -- screens ------------------------------------------------------------------------------------------
    def screen_named(self, name: str) -> Screen:
        """The screen registered as `name`, built on first use."""
        scr = self.screens.get(name)
        if scr is None:
            cls = SCREENS.get(name)
            scr = cls(self.ctx, self.stack) if cls is not None else self._placeholder(name)
            self.ensure_styled(scr)
            scr.portrait = self.is_portrait()
            scr.relayout(scr.portrait)
            self.screens[name] = scr
            self.stack.addWidget(scr)
        return scr

    def _placeholder(self, name: str) -> Screen:
        scr = PlaceholderScreen(self.ctx, self.stack)
        scr.setObjectName(f"screen_{name}")
        return scr

    def build_all(self) -> None:
        """Build every registered screen now (tests walking all widgets; prewarming)."""
        for name in list(SCREENS):
            self.screen_named(name)

    def current(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def current_name(self) -> str:
        return self.history[-1][0] if self.history else ""

    # -- Navigator ----------------------------------------------------------------------------------------
    def go(self, name: str, **args: Any) -> None:
        if SCREENS.get(name) is not None and SCREENS[name].requires_staff and self.staff_session is None:
            name, args = "staff_login", {}
        if SCREENS.get(name) is not None and SCREENS[name].requires_login and self.ctx.session is None:
            args = {"then": name, "then_args": args}
            name = "login"
        self._show(name, args, push=True)

    def back(self) -> None:
        current = self.stack.currentWidget()
        if isinstance(current, Screen) and current.step_back():
            return
        if len(self.history) <= 1:
            self.home()
            return
        self.history.pop()
        name, args = self.history[-1]
        self._show(name, {**args, "returning": True}, push=False)

    def home(self) -> None:
        """Logged in: the account's home. Walk-in: the attract screen, and what the walk-in saw is wiped
        (an invoice looked up, numbers typed) so the next person cannot find it."""
        self.history.clear()
        if self.staff_session is not None and "maintenance_home" in SCREENS:
            self._show("maintenance_home", {}, push=True)
            return
        if self.ctx.session is not None and "account_home" in SCREENS:
            self._show("account_home", {}, push=True)
            return
        for name, scr in self.screens.items():
            if name != "home":
                scr.wipe()
        self._show("home", {}, push=True)

    def logout(self) -> None:
        self.end_session()

    def _show(self, name: str, args: dict[str, Any], push: bool) -> None:
        target = self.screen_named(name)
        widget = self.stack.currentWidget()
        if isinstance(widget, Screen) and widget is not target:
            widget.leave()
        if push:
            if self.history and self.history[-1][0] == name:
                self.history[-1] = (name, args)
            else:
                self.history.append((name, args))
        self.ensure_styled(target)
        self.stack.setCurrentWidget(target)
        target.enter(args)
        self._update_footer(target)
        if self.out_of_service or self._closed_by_staff():
            self._out_of_service_banner()

    def _update_footer(self, screen: Screen) -> None:
        self.footer.setVisible(screen.show_footer)
        self.footer.back.setVisible(len(self.history) > 1)
        staff = self.staff_session is not None
        self.footer.set_staff(staff)
        self.footer.logout.setVisible(self.ctx.session is not None or staff)
        # Logged in, "Inicio" is the account home: no button for where the customer (or staff) already is.
        own_home = "maintenance_home" if staff else "account_home"
        self.footer.home.setVisible(not ((self.ctx.session is not None or staff) and screen.screen_name == own_home))

    # -- session ------------------------------------------------------------------------------------------
    def start_session(self, session: Any) -> None:
        self.ctx.set_session(session)
        self._update_footer(self.current())

    def end_session(self) -> None:
        """Forget the customer and any staff session: late results, every screen's data, caches, clipboard;
        then the customer home."""
        session = self.ctx.session
        if session is not None:  # the token stops working centrally too (result not needed)
            self.ctx.ops.run(self.ctx.services.auth.logout, session, on_error=self._ignore)
        staff, self.staff_session = self.staff_session, None
        if staff is not None:  # audited staff_logout; the maintenance mode never stays open
            services = self.ctx.services
            self.ctx.ops.run(lambda: services.staff.logout(staff), on_error=self._ignore)
            self.watchdog.set_intervals(self.ctx.config.ui.idle_timeout, self.ctx.config.ui.warning_seconds)
        self.ctx.ops.invalidate()
        self.idle_dialog.hide()
        self.ctx.set_session(None)
        current = self.stack.currentWidget()
        if isinstance(current, Screen):
            current.leave()
        for scr in self.screens.values():
            scr.wipe()
        for cache in self.caches:
            cache.clear()
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        self.history.clear()
        if self.ctx.language != self.ctx.config.ui.default_language:
            self.set_language(self.ctx.config.ui.default_language)
        if self.ctx.large_text or self.ctx.high_contrast != (self.ctx.config.ui.theme == "high-contrast"):
            self.ctx.large_text = False
            self.ctx.high_contrast = self.ctx.config.ui.theme == "high-contrast"
            self.header.large.setChecked(False)
            self.header.contrast.setChecked(self.ctx.high_contrast)
            self.apply_theme()
        if self.remote_pending:  # a remote change waited for this customer to leave: before home reads the flag
            self.apply_remote_config(leaving=True)
        self.home()

    def idle_matters(self) -> bool:
        """Something to forget: a session (customer or staff), any screen but home, or a language / look the
        last person chose."""
        default_contrast = self.ctx.config.ui.theme == "high-contrast"
        changed_look = (self.ctx.language != self.ctx.config.ui.default_language or self.ctx.large_text
                        or self.ctx.high_contrast != default_contrast)
        return (self.ctx.session is not None or self.staff_session is not None or self.current_name() != "home"
                or changed_look)

    # -- remote configuration -----------------------------------------------------------------------------
    @Slot(object)
    def on_sync_round(self, _report: Any = None) -> None:
        """After each sync round the remote settings may have changed: apply them now if idle, else later."""
        if self.remote_config is None:
            return
        self.remote_pending = True
        self.apply_remote_config()

    def apply_remote_config(self, *, leaving: bool = False) -> bool:
        """Apply the effective configuration if one is pending and nobody is using the kiosk (never during a
        customer's or a staff session: end_session calls this with leaving=True once it forgot them). It is
        computed from the replica on a worker and applied back here. True when started."""
        if not self.remote_pending or self.remote_config is None or (self.idle_matters() and not leaving):
            return False
        self.remote_pending = False
        self.ctx.ops.run(self.remote_config, on_done=self.on_remote_effective, on_error=self.on_remote_failed)
        return True

    def on_remote_failed(self, _exc: BaseException) -> None:
        """The replica is busy or damaged: the running configuration stays, the next round retries."""
        log.error("remote configuration not applied: %s", type(_exc).__name__)

    def on_remote_effective(self, effective: Any) -> None:
        if self.idle_matters():  # someone started using the kiosk meanwhile: apply when they leave
            self.remote_pending = True
            return
        self.apply_config(effective.config)
        flag = effective.out_of_service
        if flag is not None:
            self.set_staff_out_of_service(*flag)

    def apply_config(self, config: Any) -> None:
        """Run with `config` from now on: idle timeouts, sync interval, log level, the home banner message."""
        old, self.ctx.config = self.ctx.config, config
        if (old.ui.idle_timeout, old.ui.warning_seconds) != (config.ui.idle_timeout, config.ui.warning_seconds):
            self.staff_idle = (min(STAFF_IDLE_SECONDS, max(10, config.ui.idle_timeout * 2 // 3)), STAFF_WARNING_SECONDS)
            self.watchdog.set_intervals(config.ui.idle_timeout, config.ui.warning_seconds)
        if self.sync_bridge is not None and hasattr(self.sync_bridge, "interval"):
            self.sync_bridge.interval = config.central.sync_interval
        if old.logging.level != config.logging.level:
            from kiosk import logsetup

            logsetup.configure(config.logging, ring_buffer=True)
        for applied in self.on_config_applied:
            applied(config)
        update = getattr(self.screens.get("home"), "update_service_state", None)
        if callable(update):
            update()
        log.info("configuration applied (idle timeout %s s, sync every %s s, slip paper %s)",
                 config.ui.idle_timeout, config.central.sync_interval, config.printer.paper)

    # -- maintenance mode ---------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The logo: a press starts the 3 s hold; a release, a move off the logo or leaving cancels it."""
        if watched is self.header.logo:
            kind = event.type()
            if kind == QEvent.Type.MouseButtonPress:
                self.logo_hold.start()
            elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.Leave, QEvent.Type.Hide) or self._off_logo(event):
                self.logo_hold.stop()
        return super().eventFilter(watched, event)

    def _off_logo(self, event: QEvent) -> bool:
        """A finger that slid off the logo: not a hold."""
        return (isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseMove
                and not self.header.logo.rect().contains(event.position().toPoint()))

    @Slot()
    def enter_maintenance(self) -> None:
        """The hold completed: wipe whatever a customer left, then ask for staff credentials."""
        self.end_session()
        self.go("staff_login")

    def start_staff(self, session: Any) -> None:
        """Staff entered: hold the session here (wiped with everything else) and shorten the idle timeout."""
        self.staff_session = session
        self.watchdog.set_intervals(*self.staff_idle, tick_ms=self.staff_tick_ms)
        self.home()

    def set_staff_out_of_service(self, on: bool, message: str = "") -> None:
        """Staff's out-of-service flag (services.staff): the customer home shows the message and no actions."""
        changed = (on, message) != (self.staff_out_of_service, self.staff_service_message)
        self.staff_out_of_service = on
        self.staff_service_message = message if on else ""
        if changed:
            self._out_of_service_banner()
            home = self.screens.get("home")
            update = getattr(home, "update_service_state", None)
            if callable(update):
                update()

    def quit_app(self, code: int) -> None:
        """Exit to the desktop (0) or for the session manager to restart the app (75)."""
        QApplication.exit(code)

    @Slot(int)
    def on_idle_warn(self, seconds: int) -> None:
        """The countdown says what zero means: a session closed, or a walk-in's screen wiped."""
        self.idle_dialog.open(seconds, logged_in=self.ctx.session is not None or self.staff_session is not None)

    @Slot()
    def on_idle_expired(self) -> None:
        self.end_session()

    # -- language and accessibility -----------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        if language in ("es", "en") and self.translations.set_language(language):
            self.ctx.language = "en" if language == "en" else "es"
            # Qt posts LanguageChange to the windows; deliver it now so the switch is immediate and complete.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
            self.header.retranslate()
            self.ctx.language_changed.emit(language)

    @Slot()
    def on_toggle_language(self) -> None:
        self.set_language("en" if self.ctx.language == "es" else "es")

    @Slot()
    def on_toggle_large_text(self) -> None:
        self.ctx.large_text = not self.ctx.large_text
        self.header.large.setChecked(self.ctx.large_text)
        self.apply_theme()

    @Slot()
    def on_toggle_contrast(self) -> None:
        self.ctx.high_contrast = not self.ctx.high_contrast
        self.header.contrast.setChecked(self.ctx.high_contrast)
        self.apply_theme()

    def apply_theme(self) -> None:
        """Restyle the window chrome and the current screen now; other screens when they are next shown.

        An application-wide style sheet would re-polish every widget of every screen built so far (over a
        second for a tap on "Alto contraste"); per-part style sheets keep the switch instant.
        """
        name = "high-contrast" if self.ctx.high_contrast else "default"
        th = theme.load_theme(name, self.ctx.branding)
        self.ctx.theme_colors = dict(th.colors)
        self.qss = theme.style_sheet(th, large_text=self.ctx.large_text, font_family=self.font_family)
        palette = self.root.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(th.colors["background"]))
        self.root.setPalette(palette)
        self.root.setAutoFillBackground(True)
        for part in (self.header, self.banner, self.footer, self.busy, self.idle_dialog):
            part.setStyleSheet(self.qss)
        current = self.stack.currentWidget()
        if isinstance(current, Screen):
            self.ensure_styled(current)
        self.header.contrast.setChecked(self.ctx.high_contrast)
        self.header.large.setChecked(self.ctx.large_text)
        self.ctx.accessibility_changed.emit()

    def ensure_styled(self, screen: Screen) -> None:
        """Give a screen the current style sheet if it still has an older one."""
        if self._styled.get(screen.screen_name or screen.objectName()) != self.qss:
            screen.setStyleSheet(self.qss)
            self._styled[screen.screen_name or screen.objectName()] = self.qss

    def restyle_all(self) -> None:
        """Bring every built screen up to the current style now (tests walking hidden screens)."""
        for scr in self.screens.values():
            self.ensure_styled(scr)

    # -- orientation --------------------------------------------------------------------------------------
    def is_portrait(self) -> bool:
        return self.height() > self.width()

    def set_orientation(self, orientation: str) -> None:
        """Windowed demo/tests: resize to the kiosk screen size of that orientation."""
        self.orientation = orientation
        portrait = orientation == "portrait"
        self.header.relayout(portrait)
        for scr in self.screens.values():
            scr.portrait = portrait
            scr.relayout(portrait)
        for _ in range(3):  # let the layouts recompute their minimum sizes before resizing
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.resize(PORTRAIT if portrait else LANDSCAPE)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        portrait = self.is_portrait()
        for scr in self.screens.values():
            if scr.portrait != portrait:
                scr.portrait = portrait
                scr.relayout(portrait)

    # -- status: data age, offline, printer ---------------------------------------------------------------
    @Slot()
    def on_poll_status(self) -> None:
        ctx = self.ctx  # attribute access inside the worker: lazily built services are built off the GUI thread
        self.ctx.ops.run(lambda: ctx.services.info.sync_status(), on_done=self.on_sync_status,
                         on_error=self._ignore)

    def prewarm(self) -> None:
        """After the first paint: build lazy services (worker thread) and the other screens (one per event
        loop turn, so a tap is never kept waiting), so that every first visit is as quick as the next."""
        build = getattr(self.ctx.services, "build", None)
        if callable(build):
            self.ctx.ops.run(build, on_done=self.on_services_built, on_error=self._ignore)
        self._to_build = [name for name in SCREENS if name not in self.screens]
        QTimer.singleShot(20, self.on_build_next)

    def on_services_built(self, _services: object) -> None:
        """The home asked nothing of lazy services before they were built: it asks now (out of service by staff)."""
        home = self.screens.get("home")
        check = getattr(home, "check_staff_flag", None)
        if callable(check) and self.current_name() == "home":
            check()

    @Slot()
    def on_build_next(self) -> None:
        while self._to_build:
            name = self._to_build.pop(0)
            if name not in self.screens:
                self.screen_named(name)
                QTimer.singleShot(20, self.on_build_next)
                return

    def _ignore(self, exc: BaseException) -> None:
        log.warning("status poll failed: %s", type(exc).__name__)

    def on_sync_status(self, status: SyncStatus) -> None:
        self.last_status = status
        self.ctx.central_online = status.online
        self.show_data_age(status.online, status.data_age_seconds)

    def show_data_age(self, online: bool, age_seconds: int | None) -> None:
        """The banner: nothing when online and fresh; otherwise how old the data is. A replica that never
        received data cannot serve anyone: the kiosk is out of service until the first sync."""
        from ui.messages import age_text

        if age_seconds is None:
            if not self.out_of_service:
                self._no_data = True
                self.set_out_of_service(True, self.tr(
                    "Este equipo todavía no recibió los datos de la central. Por favor, diríjase al mostrador."))
            return
        if self._no_data:
            self._no_data = False
            self.set_out_of_service(False)
        if self.out_of_service or self._closed_by_staff():
            return
        if not online:
            self.banner.show_message(
                self.tr("Sin conexión con la central. Los datos se actualizaron hace %1; puede consultar e "
                        "imprimir facturas.").replace("%1", age_text(age_seconds)),
                "warning",
            )
        elif age_seconds > STALE_DATA_SECONDS:
            self.banner.show_message(
                self.tr("Los datos se actualizaron hace %1.").replace("%1", age_text(age_seconds)), "info")
        else:
            self.banner.clear()

    def attach_sync(self, bridge: Any) -> None:
        """Take data age and online state from the background sync (ui/sync_bridge.SyncBridge) from now on;
        the maintenance Sync screen drives it too (sync now, reconcile now)."""
        self._status_timer.stop()
        self.sync_bridge = bridge
        self._sync_online = True
        bridge.state_changed.connect(self.on_sync_state)
        bridge.data_age_changed.connect(self.on_data_age)
        bridge.round_finished.connect(self.on_sync_round)

    @Slot(str)
    def on_sync_state(self, state: str) -> None:
        online = state in ("syncing", "idle")
        self._sync_online = online
        self.ctx.central_online = online
        if self.last_status is not None:
            self.show_data_age(online, self.last_status.data_age_seconds)

    @Slot(int)
    def on_data_age(self, age: int) -> None:
        online = getattr(self, "_sync_online", True)
        self.last_status = SyncStatus(online, None if age < 0 else age, None, 0, 0)
        self.show_data_age(online, self.last_status.data_age_seconds)

    def set_out_of_service(self, out: bool, reason: str = "") -> None:
        """Home shows only the out-of-service message (no data yet, maintenance); other screens show it in
        the banner, never both at once."""
        self.out_of_service = out
        self.out_of_service_reason = reason if out else ""
        self._out_of_service_banner()
        home = self.screens.get("home")
        if home is not None:
            home.enter({})

    def _closed_by_staff(self) -> bool:
        """Staff put the kiosk out of service, and no staff member is at it (they know)."""
        return self.staff_out_of_service and self.staff_session is None

    def _out_of_service_banner(self) -> None:
        if not (self.out_of_service or self._closed_by_staff()):
            self.banner.clear()
        elif self.current_name() == "home":
            self.banner.clear()  # home says it in its own words, once
        elif self.out_of_service:
            self.banner.show_message(
                self.out_of_service_reason or self.tr("Este equipo está fuera de servicio por el momento."), "error")
        else:
            from ui.screens.maintenance_service_screen import shown_message

            self.banner.show_message(shown_message(self.staff_service_message)
                                     or self.tr("Este equipo está fuera de servicio por el momento."), "error")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.last_status is not None:
            if self._no_data:  # re-issue the out-of-service reason in the new language
                self._no_data = False
                self.out_of_service = False
            self.show_data_age(self.ctx.central_online, self.last_status.data_age_seconds)
        super().changeEvent(event)


def all_buttons(window: QWidget) -> list[QPushButton]:
    return window.findChildren(QPushButton)

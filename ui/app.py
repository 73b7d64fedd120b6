"""Start-up of the GUI: QApplication, bundled font, translations, theme, the main window.

Shared by `python -m kiosk run` (production), `python -m kiosk demo` and the tests, so they all start the same
way. Nothing here touches the database: services arrive ready-made (kiosk.services.factory in production).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from kiosk.domain import Branding
from kiosk.services.api import KioskServices
from ui import gc_guard
from ui.fonts import register_fonts
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.ops import Ops
from ui.screens.base import AppContext
from ui.theme import sizes

PREWARM_DELAY_MS = 250


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once), with the bundled font as the application font."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts, True)
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
        app.setApplicationName("Ventanilla")
    gc_guard.install()  # from now on no worker thread can finalize a Qt object (ui/gc_guard.py)
    family = register_fonts()
    font = QFont(family)
    font.setPixelSize(sizes(False)["body"])
    app.setFont(font)
    return app


def build_window(
    services: KioskServices,
    config: Config,
    branding: Branding,
    *,
    orientation: str | None = None,
    poll_status: bool = True,
) -> MainWindow:
    """The main window with its context; not shown yet."""
    application()
    ops = Ops()
    ctx = AppContext(services, config, branding, ops)
    translations = Translations()
    window = MainWindow(ctx, translations, font_family=register_fonts(), poll_status=poll_status)
    ops.setParent(window)
    if config.ui.default_language != "es":
        window.set_language(config.ui.default_language)
    window.set_orientation(orientation or config.ui.orientation)
    return window


def show(window: MainWindow, *, fullscreen: bool) -> None:
    """Production: frameless and fullscreen; development: a normal window."""
    if fullscreen:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.showFullScreen()
    else:
        window.show()
    QTimer.singleShot(PREWARM_DELAY_MS, window.prewarm)  # after the first paint, not competing with it

"""Lockdown of the production kiosk (`run`, fullscreen): no way out but maintenance mode's exit.

One application-wide event filter:

- a close request for the main window (Alt+F4 from a window manager, a compositor's close, `window.close()`,
  QApplication.quit / closeAllWindows) is ignored unless `allow_exit` was called first;
- Alt+F4, Escape, Ctrl+Q and Ctrl+W are swallowed before any widget or shortcut sees them;
- context menus (right-click, a text field's Undo/Copy/Paste/Select All menu) never open, whatever the widget's
  contextMenuPolicy (ui.widgets.fields.no_context_menu covers the fields one by one; this covers everything).

Maintenance mode's technician exit needs nothing from here when it ends the event loop with
`MainWindow.quit_app(code)` (QApplication.exit skips close events); code that closes the window instead calls
`allow_exit(window)` first.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

OBJECT_NAME = "kioskLockdown"
_BLOCKED_KEYS: tuple[tuple[Qt.Key, Qt.KeyboardModifier], ...] = (
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
)
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)


def blocked_key(event: QKeyEvent) -> bool:
    """Alt+F4, Escape, Ctrl+Q, Ctrl+W (Shift or keypad flags do not make them pass)."""
    mods = event.modifiers() & (
        Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
    )
    key = event.key()
    return any(key == k and (mods == m or (k == Qt.Key.Key_Escape)) for k, m in _BLOCKED_KEYS)


class Lockdown(QObject):
    """The event filter (a child of the window, so it goes with it)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(OBJECT_NAME)
        self.window = window
        self.exit_allowed = False
        self.refused = 0  # close requests and keys swallowed (tests, the log)

    def allow_exit(self) -> None:
        """The next close request goes through (maintenance mode's exit)."""
        self.exit_allowed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.window.isVisible():  # the kiosk window closed (maintenance exit): nothing left to guard
            return False
        kind = event.type()
        if kind == QEvent.Type.Close and watched is self.window and not self.exit_allowed:
            event.ignore()
            self.refused += 1
            log.info("close request ignored (kiosk lockdown)")
            return True
        if kind in _KEY_EVENTS and isinstance(event, QKeyEvent) and blocked_key(event):
            if kind == QEvent.Type.KeyPress:
                self.refused += 1
            event.accept()
            return True
        if kind == QEvent.Type.ContextMenu:
            event.accept()
            return True
        return False


def install(window: QWidget) -> Lockdown:
    """Lock the application down around `window` (once; a second call returns the same filter)."""
    existing = window.findChild(Lockdown, OBJECT_NAME)
    if isinstance(existing, Lockdown):
        return existing
    lock = Lockdown(window)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(lock)
    return lock


def uninstall(window: QWidget) -> None:
    """Remove the filter (tests, and a window that leaves kiosk mode)."""
    lock = window.findChild(Lockdown, OBJECT_NAME)
    app = QApplication.instance()
    if isinstance(lock, Lockdown):
        if app is not None:
            app.removeEventFilter(lock)
        lock.deleteLater()


def allow_exit(window: QWidget) -> None:
    """Let the window close (maintenance mode's technician exit); nothing to do on an unlocked window."""
    lock = window.findChild(Lockdown, OBJECT_NAME)
    if isinstance(lock, Lockdown):
        lock.allow_exit()

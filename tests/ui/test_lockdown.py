"""`run` (fullscreen) is locked down: close requests, Alt+F4, Escape, Ctrl+Q, Ctrl+W and context menus do
nothing; only maintenance mode's exit (allow_exit, or quit_app's QApplication.exit) ends it. Real key and mouse
events through QTest; each check first shows the same event working on an unlocked window, so it can fail."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit

from ui import lockdown

KEYS = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
]


class MenuProbe(QLineEdit):
    """A text field with Qt's default context menu policy, counting the menus it was asked for."""

    def __init__(self, parent: Any) -> None:
        super().__init__(parent)
        self.menus = 0

    def contextMenuEvent(self, event: Any) -> None:
        self.menus += 1
        event.accept()  # no real popup in a test


@pytest.fixture
def unlock(kiosk_window: Any) -> Iterator[None]:
    yield
    lockdown.uninstall(kiosk_window)
    QApplication.processEvents()


def _shortcuts(window: Any) -> dict[str, list[int]]:
    fired: dict[str, list[int]] = {}
    for key, mods in KEYS:
        sequence = QKeySequence(key | mods)
        name = sequence.toString()
        fired[name] = []
        shortcut = QShortcut(sequence, window)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(lambda name=name: fired[name].append(1))
    return fired


def test_close_requests_are_ignored_until_maintenance_allows_the_exit(qtbot: Any, kiosk_window: Any,
                                                                      unlock: None) -> None:
    lock = lockdown.install(kiosk_window)
    assert lockdown.install(kiosk_window) is lock  # once
    assert kiosk_window.close() is False
    QApplication.closeAllWindows()
    assert kiosk_window.isVisible() and lock.refused >= 2
    lockdown.allow_exit(kiosk_window)
    assert kiosk_window.close() is True


def test_an_unlocked_window_closes(kiosk_window: Any) -> None:
    assert kiosk_window.close() is True  # the control for the test above


def test_exit_keys_do_nothing(qtbot: Any, kiosk_window: Any, unlock: None) -> None:
    kiosk_window.go("lookup")
    fired = _shortcuts(kiosk_window)
    for key, mods in KEYS:  # unlocked, the keys reach the window's shortcuts
        qtbot.keyClick(kiosk_window, key, mods)
    assert all(fired.values()), fired
    for hits in fired.values():
        hits.clear()
    lock = lockdown.install(kiosk_window)
    for key, mods in KEYS:
        qtbot.keyClick(kiosk_window, key, mods)
        qtbot.keyClick(kiosk_window.current(), key, mods)
    assert not any(fired.values()), fired
    assert lock.refused >= len(KEYS)
    assert kiosk_window.isVisible() and kiosk_window.current_name() == "lookup"
    qtbot.keyClick(kiosk_window, Qt.Key.Key_5)  # other keys still work (a barcode scanner types)


def _menu_event(widget: QLineEdit, reason: QContextMenuEvent.Reason) -> QContextMenuEvent:
    return QContextMenuEvent(reason, QPoint(1, 1), widget.mapToGlobal(QPoint(1, 1)))


def test_no_context_menu_opens_anywhere(qtbot: Any, kiosk_window: Any, unlock: None) -> None:
    probe = MenuProbe(kiosk_window.current())
    probe.show()
    qtbot.mouseClick(probe, Qt.MouseButton.RightButton)
    QApplication.sendEvent(probe, _menu_event(probe, QContextMenuEvent.Reason.Keyboard))
    unlocked = probe.menus
    assert unlocked >= 1
    lockdown.install(kiosk_window)
    qtbot.mouseClick(probe, Qt.MouseButton.RightButton)
    QApplication.sendEvent(probe, _menu_event(probe, QContextMenuEvent.Reason.Mouse))
    assert probe.menus == unlocked

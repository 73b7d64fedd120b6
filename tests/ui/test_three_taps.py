"""At most three taps from home to any main task (typing the account and PIN aside)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton
from ui_taps import tap

MAIN_WALK_IN = {"tile_lookup": "lookup", "tile_login": "login", "tile_pin_register": "pin_register",
                "tile_faq": "faq"}
LOGGED_IN_TASKS = {"invoices", "consumption", "reading", "claims", "requests", "statement"}


def test_walk_in_tasks_are_one_tap_away(qtbot: Any, kiosk_window: Any) -> None:
    for tile, screen in MAIN_WALK_IN.items():
        kiosk_window.home()
        tap(qtbot, kiosk_window.findChild(QPushButton, tile))
        assert kiosk_window.current_name() == screen


def test_logged_in_tasks_are_one_tap_from_the_account_home(qtbot: Any, kiosk_window: Any) -> None:
    """Home -> Ingresar (1) -> account and PIN -> Ingresar (2) -> a task tile (3)."""
    from ui.screens.base import SCREENS

    if "account_home" not in SCREENS:
        return
    kiosk_window.start_session(kiosk_window.ctx.services.auth.login("1001", "2580"))
    reached: set[str] = set()
    kiosk_window.home()
    qtbot.waitUntil(lambda: kiosk_window.ctx.ops.pending == 0, timeout=5000)
    home = kiosk_window.current()
    tiles = [b for b in home.findChildren(QPushButton) if b.property("kind") == "tile" and b.isVisible()]
    assert tiles
    for i in range(len(tiles)):
        kiosk_window.home()
        qtbot.waitUntil(lambda: kiosk_window.ctx.ops.pending == 0, timeout=5000)
        btns = [b for b in kiosk_window.current().findChildren(QPushButton)
                if b.property("kind") == "tile" and b.isVisible()]
        tap(qtbot, btns[i])
        reached.add(kiosk_window.current_name())
    assert reached >= LOGGED_IN_TASKS, reached

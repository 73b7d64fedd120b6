"""Building windows in tests: one per branding profile over the demo's fakes, and the logged-in screens'
window over kiosk.testing.fakes.make_fakes() with the taps that log in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import kiosk_config

from kiosk.services.api import KioskServices
from kiosk.testing.fakes import fake_services
from kiosk.testing.world import SCREEN_ACCOUNT, SCREEN_BRANDING, build_world, demo_branding


def window_for(qtbot: Any, tmp_path: Path, profile: str, orientation: str = "landscape") -> Any:
    from ui.app import build_window

    branding = demo_branding(profile)
    window = build_window(fake_services(build_world(tmp_path / "prints"), branding), kiosk_config(tmp_path),
                          branding, orientation=orientation, poll_status=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


# -- the logged-in screens' window (kiosk.testing.fakes.make_fakes) and taps --------------------------------


def logged_in_config(tmp_path: Any) -> Any:
    from kiosk.config import parse_config

    return parse_config(
        {
            "kiosk": {"id": "K02", "branch": "S01", "branch_name": "Sucursal Centro", "data_dir": str(tmp_path)},
            "printer": {"backend": "pdf-folder", "folder": str(tmp_path / "prints")},
        }
    )


def open_window(qtbot: Any, services: KioskServices, tmp_path: Any, orientation: str = "landscape") -> Any:
    """The real main window over `services`, shown offscreen at the kiosk's size."""
    from ui.app import build_window

    window = build_window(services, logged_in_config(tmp_path), SCREEN_BRANDING, orientation=orientation,
                          poll_status=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def settle(window: Any) -> None:
    """Let every background call finish and its result reach the GUI thread."""
    from PySide6.QtWidgets import QApplication

    for _ in range(4):
        window.ctx.ops.wait_idle(5000)
        QApplication.processEvents()


def log_in(qtbot: Any, window: Any, account: str = str(SCREEN_ACCOUNT), pin: str = "2468") -> None:
    """From home: tap "Ingresar", type the account and the PIN on the keypad, as a customer does."""
    from ui_taps import button_named, tap, type_on_keypad

    tap(qtbot, button_named(window, "tile_login"))
    login = window.current()
    type_on_keypad(qtbot, login.keypad, account)
    tap(qtbot, login.keypad.ok_key)
    type_on_keypad(qtbot, login.keypad, pin)
    tap(qtbot, login.keypad.ok_key)
    qtbot.waitUntil(lambda: window.current_name() == "account_home", timeout=5000)
    settle(window)

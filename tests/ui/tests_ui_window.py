"""Building extra windows in tests (one per branding profile)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import kiosk_config

from ui.demo_services import build_world, demo_branding, fake_services


def window_for(qtbot: Any, tmp_path: Path, profile: str, orientation: str = "landscape") -> Any:
    from ui.app import build_window

    branding = demo_branding(profile)
    window = build_window(fake_services(build_world(tmp_path / "prints"), branding), kiosk_config(tmp_path),
                          branding, orientation=orientation, poll_status=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window

"""`kiosk demo --tour`: every registered state renders to a PNG of the kiosk's size in both orientations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from ui.screens.base import tour_steps
from ui.tour import extra_steps, run_tour

REQUIRED = {"home", "home_offline_banner", "home_out_of_service", "lookup_not_found", "lookup_malformed",
            "lookup_slowed_down", "invoice_found", "printing_done", "printing_out_of_paper", "login_wrong_pin",
            "login_locked", "login_central_unreachable", "pin_wrong_code", "pin_code_expired", "pin_done", "faq",
            "error_generic", "idle_countdown"}


def _checking_touch_targets(step: Any, small: list[str]) -> Any:
    """The step, plus a look at every visible button once its state is set up (in that orientation)."""
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication, QPushButton

    def setup(window: Any) -> None:
        if step.window_setup is not None:
            step.window_setup(window)
        QApplication.processEvents()
        for btn in window.findChildren(QPushButton):
            if btn.isVisibleTo(window) and (btn.width() < 48 or btn.height() < 48):
                small.append(f"{window.orientation}/{step.name}: {btn.objectName() or btn.text()} {btn.size()}")

    return replace(step, window_setup=setup)


def test_tour_renders_every_state_in_both_orientations(qtbot: Any, kiosk_window: Any, tmp_path: Path) -> None:
    services = kiosk_window.ctx.services
    steps = [s for s in [*tour_steps(), *extra_steps()] if not s.login]
    assert {s.name for s in steps} >= REQUIRED
    small: list[str] = []
    files = run_tour(kiosk_window, tmp_path, login=lambda: services.auth.login("1001", "2580"),
                     steps=[_checking_touch_targets(s, small) for s in steps])
    assert not small, "touch targets under 48 px:\n" + "\n".join(small)
    assert len(files) == 2 * len(steps)
    for path in files:
        image = QImage(str(path))
        expected = (1080, 1920) if path.parent.name == "portrait" else (1920, 1080)
        assert (image.width(), image.height()) == expected, path
        colours = {image.pixel(x, y) for x in range(0, image.width(), 97) for y in range(0, image.height(), 89)}
        assert len(colours) > 3, f"{path} looks blank"


def test_logged_in_steps_use_a_session(qtbot: Any, kiosk_window: Any, tmp_path: Path) -> None:
    services = kiosk_window.ctx.services
    steps = [s for s in tour_steps() if s.login]
    if not steps:
        return
    small: list[str] = []
    files = run_tour(kiosk_window, tmp_path, login=lambda: services.auth.login("1001", "2580"),
                     steps=[_checking_touch_targets(s, small) for s in steps])
    assert len(files) == 2 * len(steps)
    assert not small, "touch targets under 48 px:\n" + "\n".join(small)
    assert kiosk_window.ctx.session is None  # the tour ends logged out


def test_large_text_never_pushes_the_window_past_the_screen(qtbot: Any, kiosk_window: Any, tmp_path: Path) -> None:
    """Every state with "Letra grande" on still fits 1920x1080 and 1080x1920 (content scrolls instead)."""
    from dataclasses import replace

    services = kiosk_window.ctx.services
    steps = [*tour_steps(), *extra_steps()]

    def large(step: Any) -> Any:
        def setup(window: Any) -> None:
            window.on_toggle_large_text()
            if step.window_setup is not None:
                step.window_setup(window)

        return replace(step, window_setup=setup)

    files = run_tour(kiosk_window, tmp_path, login=lambda: services.auth.login("1001", "2580"),
                     steps=[large(s) for s in steps])
    assert len(files) == 2 * len(steps)
    for path in files:
        image = QImage(str(path))
        expected = (1080, 1920) if path.parent.name == "portrait" else (1920, 1080)
        assert (image.width(), image.height()) == expected, path


def test_world_steps_render_over_the_fallback_services(qtbot: Any, kiosk_window: Any, kiosk_world: Any,
                                                       tmp_path: Path) -> None:
    """The real demo tour: its data has no parked row and no kept job, so those steps (world=True) render over
    the fallback in-memory services; the sync states get a running (stand-in) sync; the others stay real."""
    from dataclasses import replace

    from kiosk.testing.fakes import fake_services
    from kiosk.testing.world import build_world, demo_branding

    kiosk_world.parked, kiosk_world.kept_jobs = [], []  # the "real" services: nothing to show
    real = kiosk_window.ctx.services
    other = build_world(tmp_path / "fallback")
    fakes = fake_services(other, demo_branding("coop-ar"))
    seen: dict[str, tuple[Any, ...]] = {}

    def looking(step: Any) -> Any:
        def setup(window: Any) -> None:
            screen = window.current()
            seen[step.name] = (window.ctx.services is fakes, len(getattr(screen, "rows", [])),
                               getattr(screen, "found", None), screen.sync_btn.isVisible()
                               if hasattr(screen, "sync_btn") else None)
        return replace(step, window_setup=setup)

    wanted = {"maintenance_sync_parked", "maintenance_printer_found", "maintenance_status"}
    steps = [looking(s) for s in tour_steps() if s.name in wanted]
    files = run_tour(kiosk_window, tmp_path / "tour", login=lambda: real.auth.login("1001", "2580"),
                     fallback=(fakes, lambda account="": fakes.auth.login("1001", "2580")), steps=steps,
                     orientations=("landscape",))
    assert len(files) == 3
    assert seen["maintenance_sync_parked"][:2] == (True, len(other.parked)) and other.parked
    assert seen["maintenance_sync_parked"][3] is True  # "Sincronizar ahora" shown: a running sync, not "not running"
    assert seen["maintenance_printer_found"][0] is True and seen["maintenance_printer_found"][2] is not None
    assert seen["maintenance_status"][0] is False  # not a world step: the real services
    assert kiosk_window.ctx.services is real and kiosk_window.staff_session is None

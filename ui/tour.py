"""`python -m kiosk demo --tour DIR`: every screen and state, in both orientations, as PNG files.

The steps come from each screen module's `tour_steps()` (ui/screens/base.py), so a new screen adds its own
states. Before every step the window is reset (Spanish, default theme, fresh banner, no customer unless the
step asks for a login) so that each step starts from the same place and shows only what it sets up.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.services.api import CustomerSession, KioskServices
from ui.main_window import MainWindow
from ui.screens.base import TourStep, tour_steps

ORIENTATIONS = ("landscape", "portrait")
# The demo seed's staff (kiosk/demo.py prints them; the fakes have the same): number and PIN by role.
DEMO_STAFF = {"operator": ("1", "4826"), "technician": ("2", "7391")}

def settle(window: MainWindow, timeout: float = 10.0) -> None:
    """Let background calls finish and their results be painted."""
    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app is not None:
            app.processEvents()
        if window.ctx.ops.pending == 0:
            break
        time.sleep(0.005)
    for _ in range(3):
        if app is not None:
            app.processEvents()


def reset(window: MainWindow) -> None:
    """Back to the default look: Spanish, default theme and text size, in service, banner from status."""
    ctx = window.ctx
    window.idle_dialog.hide()
    window.busy.hide()
    if ctx.language != "es":
        window.set_language("es")
    if ctx.high_contrast or ctx.large_text:
        ctx.high_contrast = False
        ctx.large_text = False
        window.apply_theme()
    if window.out_of_service:
        window.set_out_of_service(False)
    if window.staff_out_of_service:
        window.set_staff_out_of_service(False)
    window.banner.clear()


def extra_steps() -> list[TourStep]:
    """States that belong to the window rather than to one screen."""
    return [
        TourStep("idle_countdown", "lookup", window_setup=lambda w: w.on_idle_warn(17)),
        TourStep("idle_countdown_logged_in", "account_home", login=True, window_setup=lambda w: w.on_idle_warn(17)),
        TourStep("busy", "lookup", window_setup=lambda w: w.busy.set_busy(True)),
    ]


Login = Callable[..., CustomerSession | None]  # login() or login(account): the demo customer for a step


def _log_in(login: Login, account: str) -> CustomerSession | None:
    """The demo customer for a step's `account` ("" the default one); None when the data has no such account.
    A login that takes no argument (tests) always gives its one customer."""
    if account and inspect.signature(login).parameters:
        return login(account)
    return login()


def run_tour(
    window: MainWindow,
    out_dir: Path,
    *,
    login: Login | None = None,
    fallback: tuple[KioskServices, Login] | None = None,
    orientations: Iterable[str] = ORIENTATIONS,
    steps: list[TourStep] | None = None,
    log: Callable[[str], None] = lambda _msg: None,
) -> list[Path]:
    """Render every step to out_dir/<orientation>/<nn>_<name>.png and return the files written.

    `fallback` (services, login) renders the logged-in steps when the real login is unavailable (no central
    in a bare demo): those steps then show sample data instead of leaving holes in the tour. It also renders
    every `world=True` step (states the demo data cannot have), the real services staying for the others.
    """
    steps = steps if steps is not None else [*tour_steps(), *extra_steps()]
    real_services = window.ctx.services
    if login is not None and fallback is not None:
        try:
            session = login()
        except Exception as exc:
            log(f"tour: demo login unavailable ({type(exc).__name__}); logged-in screens show sample data")
            login = None
        else:
            window.start_session(session)
            window.end_session()
    written: list[Path] = []
    window.watchdog.enabled = False
    window.watchdog.stop()
    window.show()
    for orientation in orientations:
        folder = out_dir / orientation
        folder.mkdir(parents=True, exist_ok=True)
        window.set_orientation(orientation)
        settle(window)
        for n, step in enumerate(steps, 1):
            use_fallback = fallback is not None and (step.world or (step.login and login is None))
            if use_fallback:
                window.end_session()  # a customer or staff session of the real services means nothing to these
            window.ctx.services = fallback[0] if use_fallback and fallback else real_services
            step_login = fallback[1] if use_fallback and fallback else login
            try:
                path = _render(window, step, folder / f"{n:02d}_{step.name}.png", step_login)
            except _NoSuchAccount:
                log(f"tour: {orientation}/{step.name} left out: no {step.account!r} account in this demo")
                continue
            except Exception as exc:  # one broken state must not hide the others
                log(f"tour: {orientation}/{step.name} failed: {type(exc).__name__}: {exc}")
                continue
            finally:
                if use_fallback:
                    window.end_session()
                    window.ctx.services = real_services
            written.append(path)
            log(f"tour: {path}")
    reset(window)
    window.end_session()
    if written:
        _index(out_dir, written)
    return written


def _index(out_dir: Path, files: list[Path]) -> None:
    """DIR/index.html: every PNG on one page, to look at the whole tour in a browser."""
    rows = []
    for path in files:
        rel = path.relative_to(out_dir).as_posix()
        rows.append(f'<figure><img src="{rel}" loading="lazy" width="480"><figcaption>{rel}</figcaption></figure>')
    page = ("<!doctype html><meta charset='utf-8'><title>Ventanilla tour</title>"
            "<style>body{font-family:sans-serif;display:flex;flex-wrap:wrap;gap:16px}"
            "figure{margin:0}img{border:1px solid #999}</style>" + "".join(rows))
    (out_dir / "index.html").write_text(page, encoding="utf-8")


def _staff_for(window: MainWindow, role: str) -> None:
    """The demo staff member of `role` in maintenance mode for a staff step (through services.staff, like the
    keypad would), or nobody for the other steps."""
    current = window.staff_session
    if current is not None and current.role != role:
        window.end_session()
    if role and window.staff_session is None:
        number, pin = DEMO_STAFF[role]
        window.end_session()
        window.start_staff(window.ctx.services.staff.login(number, pin))
    window.watchdog.enabled = False  # start_staff shortened the idle timer; the tour never times out
    window.watchdog.stop()


class _NoSuchAccount(LookupError):
    """The demo data has no account of the kind a step asks for (no prepaid accounts in coop-ar)."""


def _render(window: MainWindow, step: TourStep, path: Path, login: Login | None) -> Path:
    reset(window)
    window.set_orientation(window.orientation)
    logged_as = getattr(window, "_tour_account", "")
    if step.login and window.ctx.session is not None and logged_as != step.account:
        window.end_session()  # this step wants another kind of demo account
    if step.login and window.ctx.session is None:
        if login is None:
            raise RuntimeError("no demo login for a logged-in step")
        session = _log_in(login, step.account)
        if session is None:
            raise _NoSuchAccount(step.account)
        window.start_session(session)
        window._tour_account = step.account  # type: ignore[attr-defined]
    elif not step.login and window.ctx.session is not None:
        window.end_session()
    _staff_for(window, step.staff)
    window.home()
    settle(window)
    if step.screen != "home":
        window.go(step.screen, **step.args)
        settle(window)
    screen: Any = window.current()
    if step.setup is not None:
        step.setup(screen)
        settle(window)
    if step.window_setup is not None:
        step.window_setup(window)
        settle(window)
    window.grab().save(str(path))
    return path

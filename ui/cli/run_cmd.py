"""`python -m kiosk run`: the production kiosk — fullscreen and frameless unless --windowed.

Registered with the CLI through the `ventanilla.commands` entry point (pyproject.toml), so the core never
imports the GUI: kiosk/cli lists the command and loads this module only when it is the one asked for.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.cli import CliError
from kiosk.config import Config, load_config

HELP = "production kiosk, fullscreen"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, help="configuration file (default: $KIOSK_CONFIG, "
                        "else the platform's config dir)")
    parser.add_argument("--windowed", action="store_true", help="a normal window (development, maintenance)")
    parser.set_defaults(handler=run)


def start_kiosk(config: Config, *, fullscreen: bool, sync: bool = True) -> tuple[Any, Any]:
    """Application and shown window over lazily built services (home paints before the data stack loads).

    Before the window: logging as configured (with the maintenance Logs buffer), the replica checked and
    brought to this build's schema (a newer release's first start upgrades it in place, outbox kept). After:
    crashes are logged and recovered (ui.crash), and fullscreen means locked down (ui.lockdown).
    """
    from kiosk import logsetup

    logsetup.configure(config.logging, ring_buffer=True)
    if not config.local_db_path.exists():
        raise CliError(f"{config.local_db_path}: no local replica yet (run 'python -m kiosk sync --once')")
    from kiosk.sync.replica_check import check_replica
    from kiosk.sync.schema import upgrade_replica

    found = check_replica(config.local_db_path)  # every start, so also after an unclean shutdown
    if found.rebuilt:  # loud: logged at ERROR by check_replica, and on the console IT looks at
        print(f"ATTENTION: {found.detail}", file=sys.stderr, flush=True)
    upgrade_replica(config.local_db_path)
    from kiosk.branding import BrandingError, load_branding

    try:
        branding = load_branding(config.ui.branding)
    except BrandingError as exc:
        raise CliError(f"ui.branding: {exc}") from exc

    built: dict[str, Any] = {"config": config}  # services built later start with the newest effective config

    def build() -> Any:
        from kiosk.services.factory import build_services

        built["services"] = build_services(built["config"])
        return built["services"]

    from ui.app import application, build_window, show
    from ui.lazy_services import lazy_services

    app = application(sys.argv[:1])
    services = lazy_services(build)
    window = build_window(services, config, branding)
    if sync:
        go_live(window, config, services, branding.form_of_address.value, built)
    from ui import crash, lockdown

    crash.install(window, logsetup.log_file())
    if fullscreen:
        lockdown.install(window)
    show(window, fullscreen=fullscreen)
    return app, window


def run(args: argparse.Namespace) -> int:
    app, window = start_kiosk(load_config(args.config), fullscreen=not args.windowed)
    from ui.watchdog import start_watchdog

    watchdog = start_watchdog(window)  # under systemd (ventanilla-kiosk.service): READY=1, then WATCHDOG=1
    if watchdog is not None:
        app.aboutToQuit.connect(watchdog.stop)
    from ui import shutdown

    shutdown.install(app)  # `systemctl stop`, a shutdown: the loop returns and everything stops in order
    code = int(app.exec())
    shutdown.tear_down(window)
    return code


def go_live(window: Any, config: Config, services: Any, form_of_address: str, built: dict[str, Any]) -> None:
    """What makes a window a live kiosk (`run` and the real-data `demo` alike): the background sync, and the
    remote settings it brings applied when idle. `built` holds the services once they exist (lazily for `run`)."""
    start_sync(window, config, services)
    remote_config(window, config, form_of_address, built)


def remote_config(window: Any, config: Config, form_of_address: str, built: dict[str, Any]) -> None:
    """Remote settings (kiosk.remote_config): after each sync round the window recomputes the effective
    configuration from the file and the replica and applies it when idle; the services follow."""
    from kiosk import remote_config as remote
    from kiosk.services.factory import reconfigure

    def services_follow(new: Config) -> None:
        built["config"] = new
        if "services" in built:
            reconfigure(built["services"], new)

    window.remote_config = remote.provider(config, form_of_address=form_of_address)
    window.on_config_applied.append(services_follow)
    window.remote_pending = True  # the replica may hold settings from before this start: apply them when idle
    window.apply_remote_config()


def start_sync(window: Any, config: Any, services: Any) -> None:
    """The background sync thread (ui/sync_bridge.py): data age and offline banner, heartbeat, outbox."""
    from PySide6.QtCore import QCoreApplication

    from ui.sync_bridge import SyncBridge

    def printer_state() -> str:
        try:
            return str(services.printing.status())
        except Exception:
            return "unknown"

    bridge = SyncBridge.from_config(config, printer_state=printer_state, parent=window)
    window.attach_sync(bridge)
    bridge.start()
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(lambda: bridge.stop())

"""`python -m kiosk run`: the production kiosk — fullscreen and frameless unless --windowed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.cli import CliError
from kiosk.config import load_config


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, help="configuration file (default: $KIOSK_CONFIG, "
                        "else the platform's config dir)")
    parser.add_argument("--windowed", action="store_true", help="a normal window (development, maintenance)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if not config.local_db_path.exists():
        raise CliError(f"{config.local_db_path}: no local replica yet (run 'python -m kiosk sync --once')")
    from kiosk.branding import BrandingError, load_branding
    from kiosk.services.factory import build_services

    try:
        branding = load_branding(config.ui.branding)
    except BrandingError as exc:
        raise CliError(f"ui.branding: {exc}") from exc
    services = build_services(config)

    from ui.app import application, build_window, show

    app = application(sys.argv[:1])
    window = build_window(services, config, branding)
    _start_sync(window, config)
    show(window, fullscreen=not args.windowed)
    return int(app.exec())


def _start_sync(window: object, config: object) -> None:
    """The background sync thread (ui/sync_bridge.py) when this build has it."""
    try:
        from ui import sync_bridge  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return
    attach = getattr(window, "attach_sync", None)
    if callable(attach):
        attach(sync_bridge, config)

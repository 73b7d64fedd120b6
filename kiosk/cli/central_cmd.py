"""`python -m kiosk central init|seed|import|fleet|config`: one module per subcommand, each with `register`."""

from __future__ import annotations

import argparse
import importlib

SUBCOMMANDS = {
    "init": ("kiosk.cli.central_init", "bring a central database to the newest schema; roles and grants"),
    "seed": ("kiosk.cli.central_seed", "fill a central database with realistic, deterministic demo data"),
    "import": ("kiosk.cli.central_import", "import a CSV file from the billing system into one table"),
    "fleet": ("kiosk.cli.central_fleet", "list kiosks by their heartbeat and flag stale ones"),
    "config": ("kiosk.cli.central_config", "remote kiosk settings: set, get, unset at fleet, branch or kiosk level"),
}


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="central_command", metavar="SUBCOMMAND", required=True)
    for name, (module, help_text) in SUBCOMMANDS.items():
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            sub.add_parser(name, help=f"{help_text} (not available)")
            continue
        mod.register(sub.add_parser(name, help=help_text, description=help_text))

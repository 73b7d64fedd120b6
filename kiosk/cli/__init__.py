"""Command line: one module per command group, each with `register(subparsers)`.

The core's commands are listed here; commands that live above the core (the GUI's `run` and `demo`) register
themselves through the `ventanilla.commands` entry point group (name = module), so this package never imports
them by name. Either kind is imported only when it is the command asked for (or for `--help`).

Every command logs through kiosk.logsetup (configured here from the [logging] table of --config or the default
configuration file; the GUI commands configure it again with their loaded configuration).

Every command exits non-zero with one clear line on stderr for bad input (CliError); `--json` output is a
stable contract used by tests and IT tooling.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence

from kiosk.config import ConfigError

ENTRY_POINT_GROUP = "ventanilla.commands"

# Command modules, imported lazily so `python -m kiosk sync` does not pay for Qt or ReportLab.
COMMANDS: dict[str, tuple[str, str]] = {
    "sync": ("kiosk.cli.sync_cmd", "pull, push and reconcile with the central database"),
    "print": ("kiosk.cli.print_cmd", "render a document from the replica to a PDF file"),
    "payment-qr": ("kiosk.cli.payment_cmd", "print the payment QR payload for the configured scheme"),
    "central": ("kiosk.cli.central_cmd", "central database: init, seed, import, fleet"),
    "provision": ("kiosk.cli.provision_cmd", "write this kiosk's configuration file"),
    "doctor": ("kiosk.cli.doctor_cmd", "check configuration, local database, central, printer, disk"),
    "migrate": ("kiosk.cli.migrate_cmd", "bring the local replica to this build's schema"),
}


class CliError(Exception):
    """Bad input or an unusable environment: printed as one line, exit status 2."""


Handler = Callable[[argparse.Namespace], int]


def registered_commands() -> dict[str, tuple[str, str]]:
    """Entry-point commands (module named, help read from its `HELP` when loaded) before the core's own."""
    from importlib.metadata import entry_points

    found = {ep.name: (ep.value, "") for ep in entry_points(group=ENTRY_POINT_GROUP)}
    return {**{k: found[k] for k in sorted(found)}, **{k: v for k, v in COMMANDS.items() if k not in found}}


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    prog = "ventanilla" if getattr(sys, "frozen", False) else "python -m kiosk"  # the frozen build's own name
    parser = argparse.ArgumentParser(prog=prog, description="Ventanilla self-service kiosk")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    wanted = next((a for a in argv if not a.startswith("-")), None)
    commands = registered_commands()
    for name, (module, help_text) in commands.items():
        if wanted in commands and name != wanted:
            sub.add_parser(name, help=help_text or None)  # a choice, not loaded
            continue
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name is None or not (module == exc.name or module.startswith(exc.name + ".")):
                raise
            sub.add_parser(name, help=f"{help_text or name} (not available)")
            continue
        help_text = help_text or getattr(mod, "HELP", "")
        mod.register(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: Sequence[str]) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.error(f"'{args.command}' is not available in this build")
    from kiosk import logsetup

    logsetup.configure(logsetup.settings_from_file(getattr(args, "config", None)))
    try:
        return handler(args)
    except (CliError, ConfigError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug: into the log file with its traceback (Python prints it on the console itself)
        logging.getLogger("kiosk.cli").error("%s failed", args.command, exc_info=True, extra={"console": False})
        raise

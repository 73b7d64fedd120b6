"""`python -m kiosk provision`: write a kiosk's configuration file from a few facts IT knows.

The file is validated with the same model the kiosk uses at start before it is written, so a provisioned kiosk
never fails on its own configuration; it is written atomically with owner-only permissions because the
central URL may carry a password.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from kiosk.cli import CliError
from kiosk.config import default_config_path, parse_config


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def render_toml(data: dict[str, dict[str, Any]]) -> str:
    """TOML for a two-level document of plain values (all our configuration needs)."""
    out = ["# Ventanilla kiosk configuration, written by `python -m kiosk provision`.", ""]
    for section, values in data.items():
        out.append(f"[{section}]")
        out.extend(f"{key} = {_toml_value(val)}" for key, val in values.items() if val is not None)
        out.append("")
    return "\n".join(out)


def build_document(args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    printer: dict[str, Any] = {"backend": args.printer}
    if args.printer == "system" and args.printer_name:
        printer["system_name"] = args.printer_name
    if args.printer == "escpos":
        if not args.printer_host:
            raise CliError("--printer escpos needs --printer-host HOST (network thermal printer)")
        printer.update(escpos_connection="network", escpos_host=args.printer_host)
    kiosk: dict[str, Any] = {
        "id": args.kiosk,
        "branch": args.branch,
        "branch_name": args.branch_name,
        "locale": args.locale,
        "timezone": args.timezone,
    }
    if args.data_dir:
        kiosk["data_dir"] = str(args.data_dir)
    return {
        "kiosk": kiosk,
        "central": {"url": args.central},
        "ui": {"branding": args.branding, "idle_timeout": args.idle_timeout},
        "printer": printer,
        "payments": {"scheme": args.payments},
    }


def run(args: argparse.Namespace) -> int:
    target: Path = args.out or default_config_path()
    if target.exists() and not args.force:
        raise CliError(f"{target} exists; pass --force to replace it")
    document = build_document(args)
    parse_config(document, target)  # the kiosk's own validation, before anything is written
    text = render_toml(document)
    parse_config(tomllib.loads(text), target)  # and the file round-trips
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".kiosk-", suffix=".toml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    print(f"wrote {target}")
    return 0


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--branch", required=True, help="branch code, e.g. B001")
    parser.add_argument("--kiosk", required=True, help="kiosk id, unique in the branch, e.g. K01")
    parser.add_argument("--central", required=True, help="central database URL (the kiosk role)")
    parser.add_argument("--branch-name", default="", help="branch name printed on documents")
    parser.add_argument("--printer", default="pdf-folder", choices=["pdf-folder", "system", "escpos"])
    parser.add_argument("--printer-name", default="", help="system printer name (CUPS / Windows)")
    parser.add_argument("--printer-host", default="", help="network ESC/POS printer address")
    parser.add_argument("--branding", default="coop-ar", help="branding profile")
    parser.add_argument("--locale", default="es_AR")
    parser.add_argument("--timezone", default="America/Argentina/Buenos_Aires")
    parser.add_argument("--payments", default="emv", choices=["emv", "url", "none"])
    parser.add_argument("--idle-timeout", type=int, default=90)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None, help="file to write (default: $KIOSK_CONFIG or platform)")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.set_defaults(handler=run)

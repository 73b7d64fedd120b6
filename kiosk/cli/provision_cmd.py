"""`python -m kiosk provision`: write a kiosk's configuration file from a few facts IT knows.

The branding profile supplies what the utility is (time zone by country, and for the payment QR its
merchant name, city, account template and currency); IT overrides what the acquirer gave it (--merchant-*).
The file is validated with the same model the kiosk uses at start before it is written, so a provisioned kiosk
never fails on its own configuration; it is written atomically with owner-only permissions because the
central URL may carry a password.

Every run makes a new branch maintenance PIN (kiosk.services.staff.login_branch): the file gets its argon2 hash in
`[maintenance] branch_pin_hash` and the PIN is printed once, never stored.

With `--central-admin ADMIN_URL` (PostgreSQL) the kiosk gets its own login role with a random password
(db.central_ddl.create_kiosk_login; README "Kiosk identity and credentials") and the written central URL logs
in as it: no two kiosks share a password, and revoking one touches no other.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from kiosk.branding import BrandingError, load_branding
from kiosk.cli import CliError
from kiosk.config import default_config_path, parse_config
from kiosk.domain.branding import Branding
from kiosk.payments.codes import PaymentCodeError, emv_payment
from kiosk.payments.emv import EmvError, build_payload, currency_numeric


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_value(str(k))} = {_toml_value(v)}" for k, v in value.items()) + " }"
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


def _branding(key: str) -> Branding:
    try:
        return load_branding(key)
    except BrandingError as exc:
        raise CliError(f"--branding: {exc}") from None


def payments_section(args: argparse.Namespace, branding: Branding) -> dict[str, Any]:
    """`[payments]`: for emv, the profile's merchant data and currency written out (IT sees what the QR carries),
    with what IT was given by the acquirer (--merchant-*) in its place."""
    section: dict[str, Any] = {"scheme": args.payments}
    if args.payments != "emv":
        return section
    qr = branding.payment_qr
    guid = args.merchant_guid or (qr.account_guid if qr else None)
    name = args.merchant_name or (qr.name if qr else None)
    city = args.merchant_city or (qr.city if qr else None)
    for flag, value in (("--merchant-guid", guid), ("--merchant-name", name), ("--merchant-city", city)):
        if not value:
            raise CliError(f"branding profile {branding.key!r} has no [payment_qr]: give {flag}")
    fields = dict(qr.account_fields) if qr and not args.merchant_guid else {}
    if args.merchant_id:
        fields["01"] = args.merchant_id
    try:
        numeric = currency_numeric(branding.currency)
    except EmvError as exc:
        raise CliError(f"--branding: {exc}") from None
    section.update(
        merchant_account_id=qr.account_id if qr and not args.merchant_guid else 26,
        merchant_account_guid=guid,
        merchant_account_fields=fields,
        merchant_category_code=args.merchant_category or (qr.category_code if qr else "4900"),
        currency_numeric=numeric,
        country=branding.country,
        merchant_name=name,
        merchant_city=city,
    )
    return section


def build_document(args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    branding = _branding(args.branding)
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
        "timezone": args.timezone or branding.timezone,
    }
    if args.data_dir:
        kiosk["data_dir"] = str(args.data_dir)
    return {
        "kiosk": kiosk,
        "central": {"url": args.central},
        "ui": {"branding": args.branding, "idle_timeout": args.idle_timeout},
        "printer": printer,
        "payments": payments_section(args, branding),
    }


def create_kiosk_credentials(admin_url: str, central_url: str, branch: str, kiosk: str) -> str:
    """Create this kiosk's own central login role; returns `central_url` logging in as it."""
    import secrets

    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from db.central_ddl import create_kiosk_login
    from db.engine import central_engine

    password = secrets.token_urlsafe(24)
    try:
        engine = central_engine(admin_url)
    except (ArgumentError, ValueError) as exc:
        raise CliError(f"--central-admin: {exc}") from None
    try:
        if engine.dialect.name != "postgresql":
            raise CliError("--central-admin needs a PostgreSQL central database (SQLite has no roles)")
        with engine.begin() as conn:
            role = create_kiosk_login(conn, branch, kiosk, password)
    except SQLAlchemyError as exc:
        text = str(getattr(exc, "orig", None) or exc).strip()
        raise CliError(f"central database: {text.splitlines()[0] if text else type(exc).__name__}") from None
    finally:
        engine.dispose()
    return make_url(central_url).set(username=role, password=password).render_as_string(hide_password=False)


def run(args: argparse.Namespace) -> int:
    target: Path = args.out or default_config_path()
    if target.exists() and not args.force:
        raise CliError(f"{target} exists; pass --force to replace it")
    document = build_document(args)
    branch_pin = _branch_pin(document)
    config = parse_config(document, target)  # the kiosk's own validation, before anything is written
    if args.central_admin:
        document["central"]["url"] = create_kiosk_credentials(args.central_admin, args.central, args.branch,
                                                              args.kiosk)
    if config.payments.scheme == "emv":
        try:  # and a bank app would accept its QR codes (lengths in bytes, currency known)
            build_payload(emv_payment(config, "", None))
        except (PaymentCodeError, EmvError) as exc:
            raise CliError(f"payments: {exc}") from None
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
    print(f"branch maintenance PIN: {branch_pin} (shown only now; the file keeps its hash. It enters maintenance "
          "mode as an operator when no staff account can be used: keep it at the branch)")
    return 0


def _branch_pin(document: dict[str, dict[str, Any]]) -> str:
    """A new branch maintenance PIN: its argon2 hash goes into `[maintenance]`, the PIN itself only to the screen."""
    from kiosk.services.staff import hash_secret, new_branch_pin

    pin = new_branch_pin()
    document["maintenance"] = {"branch_pin_hash": hash_secret(pin)}
    return pin


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--branch", required=True, help="branch code, e.g. B001")
    parser.add_argument("--kiosk", required=True, help="kiosk id, unique in the branch, e.g. K01")
    parser.add_argument("--central", required=True, help="central database URL (the kiosk role)")
    parser.add_argument("--central-admin", default="", help="admin URL of a PostgreSQL central: create this "
                        "kiosk's own login role (random password) and write --central logging in as it")
    parser.add_argument("--branch-name", default="", help="branch name printed on documents")
    parser.add_argument("--printer", default="pdf-folder", choices=["pdf-folder", "system", "escpos"])
    parser.add_argument("--printer-name", default="", help="system printer name (CUPS / Windows)")
    parser.add_argument("--printer-host", default="", help="network ESC/POS printer address")
    parser.add_argument("--branding", default="coop-ar", help="branding profile")
    parser.add_argument("--timezone", default=None, help="default: the branding profile's country's zone")
    parser.add_argument("--payments", default="emv", choices=["emv", "url", "none"])
    parser.add_argument("--merchant-name", default="", help="EMV QR merchant name (default: the profile's)")
    parser.add_argument("--merchant-city", default="", help="EMV QR merchant city (default: the profile's)")
    parser.add_argument("--merchant-guid", default="", help="EMV merchant account GUID given by the acquirer "
                        "(default: the profile's account template)")
    parser.add_argument("--merchant-id", default="", help="merchant id at the acquirer (account sub-field 01)")
    parser.add_argument("--merchant-category", default="", help="merchant category code, 4 digits")
    parser.add_argument("--idle-timeout", type=int, default=90)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None, help="file to write (default: $KIOSK_CONFIG or platform)")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.set_defaults(handler=run)

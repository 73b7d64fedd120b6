"""`python -m kiosk central init`: newest central schema, login policy and (PostgreSQL) the kiosk roles.

`--kiosk BRANCH/ID` creates that kiosk's own login role (db.central_ddl.create_kiosk_login: a member of the
shared grants group, its own password, row-level security keeps it to its own rows); `--revoke-kiosk BRANCH/ID`
stops one kiosk and no other. `--kiosk-role NAME` makes NAME a NOLOGIN role holding the kiosk grants (an older
shared role every kiosk logged in as is turned off): one login for every kiosk could pass for any of them.

Safe to run again: migrations are idempotent, the role's grants are reset to exactly the least-privilege set,
and the login policy changes only for the options given.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass

from kiosk.cli import CliError

PASSWORD_ENV = "KIOSK_ROLE_PASSWORD"


@dataclass(frozen=True)
class InitReport:
    engine: str
    revision: str
    max_attempts: int
    lockout_seconds: int
    bcrypt_cost: int
    kiosk_role: str | None
    kiosk_login: str | None = None
    revoked: str | None = None


def init_central(
    url: str,
    *,
    kiosk_role: str | None = None,
    password: str | None = None,
    max_attempts: int | None = None,
    lockout_minutes: float | None = None,
    pin_cost: int | None = None,
    kiosk: tuple[str, str] | None = None,
    revoke: tuple[str, str] | None = None,
) -> InitReport:
    """Migrate, set the login policy, create/grant the kiosk role; returns what the database now says."""
    from db.central_ddl import create_kiosk_login, grant_kiosk_role, revoke_kiosk_login, set_login_policy
    from db.engine import central_engine
    from db.migrate import central_schema_version, upgrade_central
    from kiosk.central.credentials import read_policy

    engine = central_engine(url)
    try:
        if (kiosk_role, kiosk, revoke) != (None, None, None) and engine.dialect.name != "postgresql":
            raise CliError("--kiosk-role/--kiosk needs a PostgreSQL central database (SQLite has no roles)")
        if kiosk_role is not None and password is not None and kiosk is None:
            raise CliError("--kiosk-role has no login now (a shared login could pass for any kiosk): "
                           "give each kiosk its own with --kiosk B01/K01 --password ...")
        if kiosk is not None and not password:
            raise CliError(f"--kiosk needs a password (--password or {PASSWORD_ENV})")
        upgrade_central(url)
        lockout = None if lockout_minutes is None else round(lockout_minutes * 60)
        with engine.begin() as conn:
            set_login_policy(conn, max_attempts, lockout, pin_cost)
            if kiosk_role is not None:
                grant_kiosk_role(conn, kiosk_role, None, login=False)
            login = create_kiosk_login(conn, *kiosk, password or "") if kiosk is not None else None
            revoked = None
            if revoke is not None:
                if not revoke_kiosk_login(conn, *revoke):
                    raise CliError(f"--revoke-kiosk: no kiosk {'/'.join(revoke)} was ever created")
                revoked = "/".join(revoke)
            policy = read_policy(conn)
        return InitReport(engine.dialect.name, central_schema_version(engine), policy.max_attempts,
                          policy.lockout_seconds, policy.bcrypt_cost, kiosk_role, login, revoked)
    finally:
        engine.dispose()


def _positive(kind: type[int] | type[float]) -> Callable[[str], int | float]:
    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
        return value

    return parse


def _kiosk_ref(flag: str, text: str | None) -> tuple[str, str] | None:
    """BRANCH/KIOSK as (branch, kiosk id); one clear line when it is not one."""
    from db.central_ddl import kiosk_role_name

    if text is None:
        return None
    branch, slash, kiosk = text.partition("/")
    try:
        if not slash:
            raise ValueError("give BRANCH/KIOSK, e.g. B01/K01")
        kiosk_role_name(branch, kiosk)
    except ValueError as exc:
        raise CliError(f"{flag} {text!r}: {exc}") from None
    return branch, kiosk


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", required=True, help="central database URL (postgresql://... or sqlite:///FILE)")
    parser.add_argument("--kiosk-role", help="make this a NOLOGIN role with the kiosk grants (PostgreSQL); "
                                             "kiosks log in with --kiosk")
    parser.add_argument("--kiosk", metavar="BRANCH/ID",
                        help="create this kiosk's own login role (PostgreSQL), with --password")
    parser.add_argument("--revoke-kiosk", metavar="BRANCH/ID",
                        help="stop this kiosk's login role; other kiosks are untouched")
    parser.add_argument("--password", help=f"the kiosk role's password (or set {PASSWORD_ENV})")
    parser.add_argument("--max-attempts", type=_positive(int), help="failed logins before a lockout (default 5)")
    parser.add_argument("--lockout-minutes", type=_positive(float), help="lockout length in minutes (default 15)")
    parser.add_argument("--pin-cost", type=int, choices=range(4, 16), metavar="4..15",
                        help="bcrypt cost of new PIN hashes (default 10)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    password = args.password if args.password is not None else os.environ.get(PASSWORD_ENV)
    if args.password is not None and args.kiosk is None:
        raise CliError("--password needs --kiosk")
    try:
        report = init_central(
            args.url, kiosk_role=args.kiosk_role, password=password, max_attempts=args.max_attempts,
            lockout_minutes=args.lockout_minutes, pin_cost=args.pin_cost, kiosk=_kiosk_ref("--kiosk", args.kiosk),
            revoke=_kiosk_ref("--revoke-kiosk", args.revoke_kiosk),
        )
    except SQLAlchemyError as exc:
        text = str(getattr(exc, "orig", None) or exc).strip()
        raise CliError(f"central database: {text.splitlines()[0] if text else type(exc).__name__}") from exc
    except OSError as exc:
        raise CliError(f"central database: {exc}") from exc
    if args.json:
        print(json.dumps(asdict(report), sort_keys=True))
        return 0
    print(f"central database ({report.engine}) at schema {report.revision}")
    print(f"login policy: {report.max_attempts} failed attempts lock for {report.lockout_seconds // 60} min "
          f"({report.lockout_seconds} s); PIN hash cost {report.bcrypt_cost}")
    if report.kiosk_role:
        print(f"kiosk role {report.kiosk_role} (no login): SELECT on reference tables, INSERT on intake tables, "
              "EXECUTE on the login functions")
    if report.kiosk_login:
        print(f"kiosk login role {report.kiosk_login!r}: its own heartbeat and intake rows only")
    if report.revoked:
        print(f"kiosk {report.revoked}: login revoked, its sessions ended")
    return 0

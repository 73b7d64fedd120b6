"""`python -m kiosk central config set|get|unset`: remote kiosk settings at fleet, branch or kiosk level.

    central config set   --url URL (--fleet | --branch B | --kiosk B/K) KEY=VALUE [KEY=VALUE ...]
    central config get   --url URL [--fleet | --branch B | --kiosk B/K] [KEY ...] [--json]
    central config unset --url URL (--fleet | --branch B | --kiosk B/K) KEY [KEY ...]

A kiosk is "<branch>/<kiosk id>" (kiosk ids repeat across branches); `--branch B --kiosk K` says the same. VALUE is
JSON when it parses as JSON (120, 2.5, true, "text"), otherwise plain text (`ui.banner_message=Cerrado el lunes`).
Every value is validated with the kiosk's own models (kiosk.remote_config) before anything is written: a key only
the device may set, an unknown key or a bad value is one error line and exit status 2, and nothing is written.
`get --kiosk B/K` lists the rows that apply to that kiosk, the winning one of each key marked `*`.
"""

from __future__ import annotations

import argparse
import getpass
import json
import re
from datetime import UTC, datetime
from typing import Any

from kiosk.cli import CliError

ID = re.compile(r"^[A-Za-z0-9_-]{1,16}$")


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    for name, help_text in (("set", "set KEY=VALUE at one level (validated first)"),
                            ("get", "list remote settings with their level"),
                            ("unset", "remove KEY at one level (the lower levels apply again)")):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--url", required=True, help="central database URL (postgresql://... or sqlite:///FILE)")
        scope = p.add_mutually_exclusive_group(required=False)
        scope.add_argument("--fleet", action="store_true", help="every kiosk")
        scope.add_argument("--kiosk", metavar="B/K", help="one kiosk: branch/kiosk id (or --branch B --kiosk K)")
        p.add_argument("--branch", metavar="B", help="every kiosk of branch B")
        if name == "set":
            p.add_argument("assignments", nargs="+", metavar="KEY=VALUE")
            p.add_argument("--by", default=None, help="who makes the change (default: the OS user)")
        elif name == "unset":
            p.add_argument("keys", nargs="+", metavar="KEY")
        else:
            p.add_argument("keys", nargs="*", metavar="KEY")
            p.add_argument("--json", action="store_true", help="print the rows as JSON")
        p.set_defaults(handler=run)


def scope_of(args: argparse.Namespace, *, required: bool) -> tuple[str, str] | None:
    """(scope, scope_id) from --fleet / --branch / --kiosk; CliError for a malformed or missing one."""
    kiosk, branch = args.kiosk, args.branch
    if args.fleet and branch:
        raise CliError("give one of --fleet, --branch B, --kiosk B/K")
    if kiosk:
        if "/" in kiosk:
            if branch:
                raise CliError("--kiosk B/K already names the branch: drop --branch")
            branch, kiosk = kiosk.split("/", 1)
        elif not branch:
            raise CliError("--kiosk needs its branch: --kiosk B/K (kiosk ids repeat across branches)")
        for what, value in (("branch", branch), ("kiosk id", kiosk)):
            if not ID.match(value):
                raise CliError(f"{what} {value!r}: 1 to 16 letters, digits, '-' or '_'")
        return "kiosk", f"{branch}/{kiosk}"
    if branch:
        if not ID.match(branch):
            raise CliError(f"branch {branch!r}: 1 to 16 letters, digits, '-' or '_'")
        return "branch", branch
    if args.fleet:
        return "fleet", ""
    if required:
        raise CliError("give one of --fleet, --branch B, --kiosk B/K")
    return None


def parse_value(raw: str) -> Any:
    """JSON when it parses (numbers, true/false, "quoted"), else the text itself."""
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def checked(key: str, value: Any) -> Any:
    """The value validated as a kiosk would (with the default file settings around it); CliError otherwise."""
    from kiosk.config import Config, KioskSection
    from kiosk.remote_config import RemoteValueError, validate

    probe = Config(kiosk=KioskSection(id="central", branch="central"))
    try:
        return validate(probe, key, value)
    except RemoteValueError as exc:
        raise CliError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from db.engine import central_engine

    action = args.config_command
    scope = scope_of(args, required=action != "get")
    if action == "set":
        values: dict[str, Any] = {}
        for item in args.assignments:
            key, sep, raw = item.partition("=")
            if not sep or not key:
                raise CliError(f"{item!r}: expected KEY=VALUE")
            values[key.strip()] = checked(key.strip(), parse_value(raw))
    elif action == "unset":
        from kiosk.remote_config import refusal

        for key in args.keys:
            reason = refusal(key)
            if reason:
                raise CliError(reason)
    engine = central_engine(args.url)
    try:
        if action == "set":
            assert scope is not None
            write(engine, scope, values, args.by or _user())
            shown = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in values.items())
            print(f"{_where(scope)}: set {shown}")
        elif action == "unset":
            assert scope is not None
            gone = remove(engine, scope, list(args.keys))
            print(f"{_where(scope)}: unset {', '.join(gone) if gone else 'nothing (no such key at this level)'}")
        else:
            rows = listing(engine, scope, list(args.keys))
            if args.json:
                print(json.dumps(rows, ensure_ascii=False, sort_keys=True))
            else:
                print(render(rows))
    except SQLAlchemyError as exc:
        text = str(getattr(exc, "orig", None) or exc).strip()
        raise CliError(f"central database: {text.splitlines()[0] if text else type(exc).__name__}") from exc
    finally:
        engine.dispose()
    return 0


def _user() -> str:
    try:
        return getpass.getuser()[:80]
    except Exception:  # no login name (a container without one): still record the change
        return ""


def _where(scope: tuple[str, str]) -> str:
    return "fleet" if scope[0] == "fleet" else f"{scope[0]} {scope[1]}"


def write(engine: Any, scope: tuple[str, str], values: dict[str, Any], by: str) -> None:
    """Upsert each key at the level in one transaction (the row_version trigger stamps it for the kiosks)."""
    from sqlalchemy import insert, select, update

    from db.models import CentralKioskSetting as S

    now = datetime.now(UTC)
    with engine.begin() as conn:
        for key, value in values.items():
            text = json.dumps(value, ensure_ascii=False)
            where = (S.scope == scope[0]) & (S.scope_id == scope[1]) & (S.key == key)
            if conn.execute(select(S.id).where(where)).first() is None:
                conn.execute(insert(S).values(scope=scope[0], scope_id=scope[1], key=key, value=text,
                                              updated_at=now, updated_by=by[:80]))
            else:
                conn.execute(update(S).where(where).values(value=text, updated_at=now, updated_by=by[:80]))


def remove(engine: Any, scope: tuple[str, str], keys: list[str]) -> list[str]:
    """Delete the keys at the level (tombstones tell the kiosks); the keys that were there."""
    from sqlalchemy import delete

    from db.models import CentralKioskSetting as S

    gone = []
    with engine.begin() as conn:
        for key in keys:
            res = conn.execute(delete(S).where((S.scope == scope[0]) & (S.scope_id == scope[1]) & (S.key == key)))
            if res.rowcount:
                gone.append(key)
    return gone


def listing(engine: Any, scope: tuple[str, str] | None, keys: list[str]) -> list[dict[str, Any]]:
    """Rows at one level (or all); for a kiosk, every row that applies to it, `effective` on the winners."""
    from sqlalchemy import select

    from db.models import CentralKioskSetting as S
    from kiosk.remote_config import SCOPES

    stmt = select(S.scope, S.scope_id, S.key, S.value, S.updated_at, S.updated_by)
    if scope is not None and scope[0] == "kiosk":
        branch = scope[1].split("/", 1)[0]
        stmt = stmt.where((S.scope == "fleet") | ((S.scope == "branch") & (S.scope_id == branch))
                          | ((S.scope == "kiosk") & (S.scope_id == scope[1])))
    elif scope is not None:
        stmt = stmt.where((S.scope == scope[0]) & (S.scope_id == scope[1]))
    if keys:
        stmt = stmt.where(S.key.in_(keys))
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    rows = sorted(rows, key=lambda r: (r.key, SCOPES.index(r.scope), r.scope_id))
    winners: dict[str, str] = {}
    for r in rows:
        winners[r.key] = f"{r.scope}:{r.scope_id}"  # sorted by precedence: the last one wins
    out = []
    for r in rows:
        out.append({"scope": r.scope, "scope_id": r.scope_id, "key": r.key, "value": json.loads(r.value),
                    "updated_at": r.updated_at.astimezone(UTC).isoformat(timespec="seconds"),
                    "updated_by": r.updated_by,
                    "effective": scope is not None and scope[0] == "kiosk"
                    and winners[r.key] == f"{r.scope}:{r.scope_id}"})
    return out


def render(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no remote settings"
    lines = [("LEVEL", "KEY", "VALUE", "UPDATED", "BY", "")]
    for r in rows:
        level = "fleet" if r["scope"] == "fleet" else f"{r['scope']} {r['scope_id']}"
        lines.append((level, r["key"], json.dumps(r["value"], ensure_ascii=False), r["updated_at"],
                      r["updated_by"], "*" if r["effective"] else ""))
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines)

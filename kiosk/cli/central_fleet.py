"""`python -m kiosk central fleet`: every kiosk's last heartbeat, with the stale and out-of-service ones flagged.

A kiosk writes its heartbeat every minute; one not heard from for `--stale-minutes` (default 3) is flagged stale
(switched off, offline or stuck); one branch staff put out of service is flagged OUT-OF-SERVICE.

Filters (combined with AND, evaluated by the database so the heartbeat indexes do the work): `--branch B`,
`--stale`, `--out-of-service`, `--version V`. Outputs: a text table (default), `--json`, `--html FILE` (one
self-contained page, kiosk.cli.fleet_html).

`--json` is a stable contract for IT tooling. Top-level keys: `now` (ISO 8601 UTC), `stale_after` (seconds),
`filters` (`branch`, `stale`, `out_of_service`, `version`; null/false when not given), `count`, `stale`
(how many of the listed kiosks are stale), `out_of_service` (how many are out of service), `kiosks`. Each kiosk:
`kiosk_id`, `branch_id`, `app_version`, `schema_version`, `last_pull_at`, `last_push_at`, `reported_at` (ISO or
null), `outbox_depth`, `parked`, `printer_state`, `paper_left_m` (metres left on the roll, null when unknown or
not roll paper), `free_disk_mb`, `data_age_s`, `uptime_seconds` (since the kiosk process started), `silent_s`
(seconds since the heartbeat), `stale`, `out_of_service`, `service_message`, `last_errors` (newest last, each
{`at`, `level`, `logger`, `message`}, redacted on the kiosk) and `settings_rejected` ({setting key: why the
kiosk refused the remote value}).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from kiosk.cli import CliError
from kiosk.cli.fleet_data import (
    DEFAULT_STALE_AFTER,
    FleetFilter,
    KioskStatus,
    ago,
    fleet_status,
    iso,
    paper_text,
    since,
)

__all__ = ["DEFAULT_STALE_AFTER", "FleetFilter", "KioskStatus", "as_json", "fleet_status", "render_table"]

DEFAULT_REFRESH = 60

def flags(k: KioskStatus) -> list[str]:
    return [f for f in ("STALE" if k.stale else "", "OUT-OF-SERVICE" if k.out_of_service else "") if f]


def render_table(kiosks: list[KioskStatus], now: datetime) -> str:
    header = ("KIOSK", "BRANCH", "VERSION", "PULL", "PUSH", "OUTBOX", "PARKED", "PRINTER", "PAPER M", "DISK MB",
              "DATA AGE", "UPTIME", "ERRORS", "REPORTED", "")
    lines = [header]
    for k in kiosks:
        lines.append((
            k.kiosk_id, k.branch_id, k.app_version, since(k.last_pull_at, now), since(k.last_push_at, now),
            str(k.outbox_depth), str(k.parked), k.printer_state, paper_text(k.paper_left_m), str(k.free_disk_mb),
            ago(k.data_age_s), ago(k.uptime_seconds), str(len(k.last_errors)), ago(k.silent_s) + " ago",
            " ".join(flags(k)),
        ))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines)
    stale = sum(k.stale for k in kiosks)
    return f"{text}\n{len(kiosks)} kiosks, {stale} stale"


def as_json(kiosks: list[KioskStatus], now: datetime, stale_after: int,
            filters: FleetFilter | None = None) -> dict[str, object]:
    items = []
    for k in kiosks:
        item = asdict(k)
        for key in ("last_pull_at", "last_push_at", "reported_at"):
            item[key] = iso(item[key])
        items.append(item)
    return {"now": iso(now), "stale_after": stale_after, "filters": (filters or FleetFilter()).as_json(),
            "count": len(kiosks), "stale": sum(k.stale for k in kiosks),
            "out_of_service": sum(k.out_of_service for k in kiosks), "kiosks": items}


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", required=True, help="central database URL (postgresql://... or sqlite:///FILE)")
    parser.add_argument("--branch", metavar="B", help="only the kiosks of branch B")
    parser.add_argument("--stale", action="store_true", help="only kiosks not heard from for --stale-minutes")
    parser.add_argument("--out-of-service", action="store_true", help="only kiosks branch staff put out of service")
    parser.add_argument("--version", metavar="V", help="only kiosks running app version V")
    parser.add_argument("--stale-minutes", type=float, metavar="N",
                        help=f"a kiosk silent for more than N minutes is stale (default {DEFAULT_STALE_AFTER // 60})")
    parser.add_argument("--stale-after", type=int, metavar="SECONDS", help=argparse.SUPPRESS)  # the older spelling
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the fleet as JSON (stable keys)")
    out.add_argument("--html", metavar="FILE", type=Path,
                     help="write one self-contained HTML status page to FILE (no external assets)")
    parser.add_argument("--refresh", type=int, default=DEFAULT_REFRESH, metavar="SECONDS",
                        help=f"--html: the page reloads itself every SECONDS (default {DEFAULT_REFRESH}; 0 = never)")
    parser.set_defaults(handler=run)


def _stale_after(args: argparse.Namespace) -> int:
    if args.stale_minutes is not None and args.stale_after is not None:
        raise CliError("give --stale-minutes or --stale-after, not both")
    if args.stale_minutes is not None:
        if not args.stale_minutes > 0:
            raise CliError("--stale-minutes must be a positive number of minutes")
        return max(1, round(args.stale_minutes * 60))
    if args.stale_after is not None:
        if args.stale_after <= 0:
            raise CliError("--stale-after must be a positive number of seconds")
        return int(args.stale_after)
    return DEFAULT_STALE_AFTER


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    stale_after = _stale_after(args)
    if args.refresh < 0:
        raise CliError("--refresh must be 0 (never) or a number of seconds")
    if args.html is not None and not args.html.parent.is_dir():
        raise CliError(f"--html: no such directory: {args.html.parent}")
    filters = FleetFilter(branch=args.branch, stale=args.stale, out_of_service=args.out_of_service,
                          version=args.version)
    now = datetime.now(UTC)
    try:
        kiosks = fleet_status(args.url, stale_after=stale_after, now=now, filters=filters)
    except SQLAlchemyError as exc:
        text = str(getattr(exc, "orig", None) or exc).strip()
        raise CliError(f"central database: {text.splitlines()[0] if text else type(exc).__name__}") from exc
    if args.json:
        print(json.dumps(as_json(kiosks, now, stale_after, filters), sort_keys=True))
    elif args.html is not None:
        from kiosk.cli.fleet_html import render_page

        args.html.write_text(render_page(kiosks, now, stale_after=stale_after, filters=filters,
                                         refresh=args.refresh), encoding="utf-8")
        stale = sum(k.stale for k in kiosks)
        off = sum(k.out_of_service for k in kiosks)
        print(f"{args.html}: {len(kiosks)} kiosks, {stale} stale, {off} out of service")
    else:
        print(render_table(kiosks, now))
    return 0
